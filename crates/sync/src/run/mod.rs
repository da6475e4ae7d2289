//! A sync run from start to end: the connection's secrets, the lease, the
//! run's record, the platform's passes written page by page, the settling of
//! what it touched, and what came of it; and a connection's test.

pub mod identity;
pub mod lease_holder;
pub mod page_writer;
pub mod progress;
pub mod resume;

use crate::http::{Policy, Transport};
use crate::run::identity::ShopIdentity;
use crate::run::lease_holder::{holder_gone, this_holder, LEASE_TTL};
use crate::run::page_writer::PageWriter;
use crate::run::progress::{SyncPhase, SyncProgress};
use crate::secrets::{Credentials, Keychain};
use crate::shopify::{self, Admin};
use crate::sync_error::SyncError;
use crate::woocommerce::{self, Rest};
use courtesy_core::{Clock, ErrorCode, Region, ShopKind};
use courtesy_import::Flow;
use courtesy_store::{
    Actor, AuditSource, ImportRun, Lease, RunFailure, RunStatus, ShopConnection, Store,
};

/// What a sync needs from its surroundings.
pub struct SyncSetting<'a> {
    /// The database.
    pub store: &'a Store,
    /// The only clock.
    pub clock: &'a dyn Clock,
    /// Where secrets are kept.
    pub keychain: &'a Keychain,
    /// The environment's variables (secrets given for one run).
    pub env: &'a dyn Fn(&str) -> Option<String>,
    /// Timeouts and retry bounds.
    pub policy: Policy,
    /// Who syncs (the desk's operator).
    pub operator: String,
    /// The shop's region, for phone numbers.
    pub region: Region,
}

/// The run's format, as import runs name theirs.
pub fn format_of(kind: ShopKind) -> &'static str {
    match kind {
        ShopKind::Shopify => "shopify-api",
        ShopKind::Woocommerce => "woocommerce-api",
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, SyncError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| SyncError::Unreachable {
            host: "the shop".to_string(),
            reason: e.to_string(),
            attempts: 0,
        })
}

/// Tests `credentials` against `shop`: what the shop says of itself. What
/// it said is noted on the connection (nothing secret).
pub fn test_connection(
    setting: &SyncSetting<'_>,
    shop: &ShopConnection,
    credentials: &Credentials,
) -> Result<ShopIdentity, SyncError> {
    let transport = Transport::new(setting.policy)?;
    let identity = runtime()?.block_on(async {
        match shop.kind {
            ShopKind::Shopify => {
                let mut admin = Admin::new(&shop.base_url, credentials.clone(), transport)?;
                shopify::identify(&mut admin).await
            }
            ShopKind::Woocommerce => {
                let mut rest =
                    Rest::new(&shop.base_url, credentials, shop.keys_in_query, transport)?;
                woocommerce::identify(&mut rest).await
            }
        }
    })?;
    setting.store.note_shop_identity(
        shop.id,
        &identity.name,
        &identity.currency,
        identity.keys_in_query,
    )?;
    Ok(identity)
}

/// Syncs the connection `shop_name`: everything the first time (or with
/// `whole_shop`), else what changed since the last sync. Each page is
/// committed with the place it reached; cancelling stops after the page
/// under way, and the next sync goes on from there. The run is recorded
/// (with why, when it failed); a sync of the same connection elsewhere
/// makes this one wait its turn ([`SyncError::Busy`]).
pub fn sync_shop(
    setting: &SyncSetting<'_>,
    shop_name: &str,
    whole_shop: bool,
    on_progress: &mut dyn FnMut(&SyncProgress) -> Flow,
) -> Result<ImportRun, SyncError> {
    let store = setting.store;
    let shop = store.shop_connection_named(shop_name)?;
    let credentials = setting.keychain.credentials_for(&shop, setting.env)?;
    let holder = this_holder();
    match store.take_sync_lease(
        shop.id,
        &holder,
        setting.clock.now(),
        LEASE_TTL,
        &holder_gone,
    )? {
        Lease::Taken => {}
        Lease::HeldBy { holder, until } => {
            return Err(SyncError::Busy {
                shop: shop.name.clone(),
                holder,
                until: until.to_rfc3339(),
            })
        }
    }
    let outcome = run_under_lease(
        setting,
        &shop,
        credentials,
        whole_shop,
        &holder,
        on_progress,
    );
    let _ = store.release_sync_lease(shop.id, &holder);
    outcome
}

fn run_under_lease(
    setting: &SyncSetting<'_>,
    shop: &ShopConnection,
    credentials: Credentials,
    whole_shop: bool,
    holder: &str,
    on_progress: &mut dyn FnMut(&SyncProgress) -> Flow,
) -> Result<ImportRun, SyncError> {
    let store = setting.store;
    if whole_shop {
        store.forget_sync_marks(shop.id)?;
    }
    let actor = Actor::new(
        setting.operator.clone(),
        AuditSource::Sync,
        setting.clock.now(),
    );
    let run = store.start_sync_run(shop.id, &shop.name, format_of(shop.kind), &actor)?;
    let mut writer = PageWriter::new(
        store,
        shop,
        run.id,
        setting.clock,
        setting.operator.clone(),
        setting.region,
        holder.to_string(),
        on_progress,
    );
    let passes = runtime().and_then(|rt| {
        rt.block_on(async {
            let transport = Transport::new(setting.policy)?;
            writer.phase(SyncPhase::Connecting, false, None);
            match shop.kind {
                ShopKind::Shopify => {
                    let mut admin = Admin::new(&shop.base_url, credentials, transport)?;
                    let identity = shopify::identify(&mut admin).await;
                    writer.tell(&admin.transport);
                    let identity = identity?;
                    store.note_shop_identity(shop.id, &identity.name, &identity.currency, false)?;
                    shopify::sync(&mut admin, &mut writer).await
                }
                ShopKind::Woocommerce => {
                    let mut rest =
                        Rest::new(&shop.base_url, &credentials, shop.keys_in_query, transport)?;
                    let flow = woocommerce::sync(&mut rest, &mut writer).await;
                    // The pages are committed before anything else is written.
                    let committed = writer.commit();
                    let flow = flow.and_then(|f| committed.map(|()| f));
                    if rest.keys_in_query != shop.keys_in_query {
                        store.note_shop_identity(
                            shop.id,
                            &shop.shop_name,
                            &shop.currency,
                            rest.keys_in_query,
                        )?;
                    }
                    flow
                }
            }
        })
    });
    // Whatever stopped the passes, what they committed is settled.
    let settled = writer.settle();
    let now = setting.clock.now();
    match passes.and_then(|flow| settled.map(|()| flow)) {
        Ok(flow) => {
            let status = match flow {
                Flow::Continue => RunStatus::Finished,
                Flow::Cancel => RunStatus::Cancelled,
            };
            Ok(store.finish_import(run.id, status, now)?)
        }
        Err(e) => {
            let failure = RunFailure {
                code: e.code(),
                message: e.to_string(),
                params: e
                    .params()
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect(),
            };
            let _ = store.fail_sync_run(run.id, &failure, now);
            Err(e)
        }
    }
}

/// The code a failed run's error had (for callers matching on it).
pub fn failure_code(run: &ImportRun) -> Option<ErrorCode> {
    run.failure.as_ref().map(|f| f.code)
}
