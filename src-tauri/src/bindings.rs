//! The TypeScript types of everything that crosses the UI boundary, generated from
//! the Rust types into `ui/src/lib/bindings.ts`. A test fails when the file is stale;
//! `scripts/bindings.sh` rewrites it.

use ts_rs::{Config, TS};

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        courtesy_core::Money::decl(&cfg),
        courtesy_core::Language::decl(&cfg),
        courtesy_core::OrderStatus::decl(&cfg),
        courtesy_store::CustomerListItem::decl(&cfg),
        courtesy_store::CustomerPage::decl(&cfg),
        courtesy_store::PhoneView::decl(&cfg),
        courtesy_store::ConsentView::decl(&cfg),
        courtesy_store::AddressView::decl(&cfg),
        courtesy_store::CustomerProfile::decl(&cfg),
        courtesy_store::ConsentEdit::decl(&cfg),
        courtesy_store::CustomerEdit::decl(&cfg),
        courtesy_store::OrderLineView::decl(&cfg),
        courtesy_store::OrderView::decl(&cfg),
        courtesy_store::Settings::decl(&cfg),
        courtesy_core::PageSize::decl(&cfg),
        courtesy_core::ErrorCode::decl(&cfg),
        courtesy_core::calls::CallReason::decl(&cfg),
        courtesy_core::calls::CallOutcome::decl(&cfg),
        courtesy_core::calls::CallStatus::decl(&cfg),
        courtesy_core::PackVerdict::decl(&cfg),
        crate::error::AppError::decl(&cfg),
        crate::commands::AppInfo::decl(&cfg),
        courtesy_desk::DemoLoaded::decl(&cfg),
        courtesy_store::ImportCounts::decl(&cfg),
        courtesy_store::RunStatus::decl(&cfg),
        courtesy_store::ImportRun::decl(&cfg),
        courtesy_store::RunFailure::decl(&cfg),
        courtesy_store::RowProblem::decl(&cfg),
        courtesy_import::MappedKind::decl(&cfg),
        courtesy_import::ColumnMapping::decl(&cfg),
        courtesy_import::MappingFields::decl(&cfg),
        courtesy_import::Preview::decl(&cfg),
        courtesy_import::FileNotice::decl(&cfg),
        crate::import_commands::ImportProgress::decl(&cfg),
        courtesy_store::SlipOrder::decl(&cfg),
        courtesy_store::SlipSort::decl(&cfg),
        courtesy_store::SlipFilter::decl(&cfg),
        courtesy_store::ProductView::decl(&cfg),
        courtesy_store::ScanResult::decl(&cfg),
        courtesy_store::SlipPrint::decl(&cfg),
        courtesy_dispatch::SystemPrinter::decl(&cfg),
        crate::dispatch_commands::SlipsDone::decl(&cfg),
        courtesy_desk::Packed::decl(&cfg),
        courtesy_desk::SlipOutcome::decl(&cfg),
        courtesy_core::calls::CallPolicy::decl(&cfg),
        courtesy_core::calls::CallingHours::decl(&cfg),
        courtesy_core::calls::RetryRule::decl(&cfg),
        courtesy_core::calls::CallScripts::decl(&cfg),
        courtesy_store::CallListItem::decl(&cfg),
        courtesy_store::CallAttemptView::decl(&cfg),
        courtesy_store::CallView::decl(&cfg),
        courtesy_store::CallCard::decl(&cfg),
        courtesy_store::AttemptInput::decl(&cfg),
        courtesy_store::AttemptResult::decl(&cfg),
        courtesy_store::CustomerOccasion::decl(&cfg),
        courtesy_core::gifts::NameDayCalendar::decl(&cfg),
        courtesy_core::gifts::CardOccasion::decl(&cfg),
        courtesy_core::gifts::GiftRuleKind::decl(&cfg),
        courtesy_core::gifts::GiftRule::decl(&cfg),
        courtesy_core::gifts::GiftPolicy::decl(&cfg),
        courtesy_core::gifts::PlannedGift::decl(&cfg),
        courtesy_core::gifts::PlanStatus::decl(&cfg),
        courtesy_core::gifts::CardStatus::decl(&cfg),
        courtesy_core::gifts::RuleMiss::decl(&cfg),
        courtesy_core::gifts::GiftSkip::decl(&cfg),
        courtesy_core::gifts::TraceStep::decl(&cfg),
        courtesy_core::gifts::GiftPlan::decl(&cfg),
        courtesy_store::GiftView::decl(&cfg),
        courtesy_store::GiftInput::decl(&cfg),
        courtesy_store::CardView::decl(&cfg),
        courtesy_store::OrderGiftPlan::decl(&cfg),
        courtesy_store::CardTemplate::decl(&cfg),
        courtesy_store::GiftPlanCounts::decl(&cfg),
        courtesy_core::ShopKind::decl(&cfg),
        courtesy_core::ShopAuth::decl(&cfg),
        courtesy_store::ShopConnection::decl(&cfg),
        courtesy_sync::ShopNote::decl(&cfg),
        courtesy_sync::ShopIdentity::decl(&cfg),
        courtesy_sync::SyncPhase::decl(&cfg),
        courtesy_sync::SyncProgress::decl(&cfg),
        crate::shop_commands::SecretsKept::decl(&cfg),
        crate::shop_commands::ShopsOverview::decl(&cfg),
        crate::shop_commands::ShopSecrets::decl(&cfg),
        crate::shop_commands::NewShop::decl(&cfg),
        crate::sync_scheduler::ShopFailure::decl(&cfg),
        crate::sync_scheduler::SyncStatus::decl(&cfg),
        courtesy_store::ServerContents::decl(&cfg),
        courtesy_store::CopiedTable::decl(&cfg),
        crate::database_commands::DatabaseSetup::decl(&cfg),
        crate::database_commands::ShopMoved::decl(&cfg),
        courtesy_core::backup_rotation::BackupReason::decl(&cfg),
        courtesy_store::BackupCounts::decl(&cfg),
        courtesy_store::BackupInfo::decl(&cfg),
        courtesy_store::Restored::decl(&cfg),
        crate::backups_commands::BackupsOverview::decl(&cfg),
        crate::backups_commands::BackupFile::decl(&cfg),
        courtesy_store::ErasurePreview::decl(&cfg),
        courtesy_core::duplicates::Reason::decl(&cfg),
        courtesy_store::DuplicatePair::decl(&cfg),
        courtesy_store::DuplicateList::decl(&cfg),
        courtesy_store::MergeRequest::decl(&cfg),
        courtesy_store::MergeView::decl(&cfg),
        courtesy_store::HistoryFilter::decl(&cfg),
        courtesy_store::HistoryEntry::decl(&cfg),
        courtesy_store::HistoryPage::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit;\n// run scripts/bindings.sh.\n",
    );
    for d in decls {
        out.push_str("\nexport ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn generated_bindings_match_the_committed_file() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
        let fresh = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write bindings.ts");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/bindings.ts is stale: run scripts/bindings.sh and commit the result"
        );
    }
}
