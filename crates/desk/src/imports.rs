//! Importing a file and what follows it: new and updated orders may earn
//! thank-you calls or close them, and new paid orders get their gifts and cards
//! planned.

use crate::desk::Desk;
use crate::error::DeskError;
use courtesy_import::{import_file, ColumnMapping, Flow, Format, Progress};
use courtesy_store::{AuditSource, GiftPlanCounts, ImportRun, RefreshCounts};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// What importing a file did, and what followed it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportDone {
    /// The run as recorded.
    pub run: ImportRun,
    /// Calls queued and closed by the refresh after it.
    pub calls: RefreshCounts,
    /// Gifts and cards planned for its new paid orders.
    pub gifts: GiftPlanCounts,
}

impl Desk<'_> {
    /// Imports the file at `path` (detected, or read as `format`, or through
    /// `mapping`), reporting progress after each batch (`on_progress` may
    /// cancel), then refreshes the call queue and plans gifts.
    pub fn import(
        &self,
        path: &Path,
        format: Option<Format>,
        mapping: Option<&ColumnMapping>,
        on_progress: impl FnMut(&Progress) -> Flow,
    ) -> Result<ImportDone, DeskError> {
        let actor = self.actor_through(AuditSource::Import);
        let run = import_file(
            self.store,
            path,
            format,
            mapping,
            &actor,
            self.clock(),
            on_progress,
        )?;
        let after = self.actor_through(AuditSource::Import);
        let calls = self.store.refresh_calls(after.at, &after)?;
        let gifts = self.store.plan_gifts(after.at, &after)?;
        Ok(ImportDone { run, calls, gifts })
    }
}
