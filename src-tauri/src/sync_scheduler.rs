//! The app's syncs with its shops: one loop on the async runtime that syncs
//! every connection every N minutes (Settings) and whenever "Sync now" asks,
//! one connection at a time, each run on a blocking thread. Progress goes to
//! the window as `sync-progress` events, and the state after each change
//! (running, done, failed) as `sync-status`, which the sidebar shows.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use courtesy_core::Clock;
use courtesy_desk::{Desk, SyncDoor};
use courtesy_import::Flow;
use courtesy_store::{AuditSource, ShopConnection, Store, DEFAULT_SYNC_MINUTES};
use courtesy_sync::{Keychain, Policy, SyncProgress};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Emitter};
use tokio::sync::mpsc;
use ts_rs::TS;

/// How long after the app starts its first scheduled sync runs.
const FIRST_SYNC_AFTER: Duration = Duration::from_secs(30);

/// Where the app's syncs stand, as the sidebar and Settings → Shops show it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    /// The connections, each with its latest run.
    pub shops: Vec<ShopConnection>,
    /// The sync running now, if any.
    pub running: Option<SyncProgress>,
    /// Why the latest attempt of each connection failed before it could be
    /// recorded as a run (no secret, another desk syncing it), by name.
    pub errors: Vec<ShopFailure>,
    /// Minutes between syncs (0: only on "Sync now").
    pub every_minutes: u32,
    /// When the next scheduled sync runs (UTC), if one is scheduled.
    pub next_at: Option<DateTime<Utc>>,
}

/// A connection's latest attempt that failed before it started a run.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShopFailure {
    /// The connection.
    pub shop: String,
    /// Why.
    pub error: AppError,
}

/// What the loop is asked to do.
enum Request {
    /// Sync `shop` (all when `None`), the whole shop again with `whole_shop`.
    Now {
        shop: Option<String>,
        whole_shop: bool,
    },
    /// The interval may have changed: schedule again.
    Reschedule,
}

/// What the loop and the commands share.
struct Shared {
    running: Mutex<Option<SyncProgress>>,
    errors: Mutex<Vec<ShopFailure>>,
    next_at: Mutex<Option<DateTime<Utc>>>,
    cancel: AtomicBool,
}

/// The handle the commands hold.
#[derive(Clone)]
pub struct SyncScheduler {
    requests: mpsc::UnboundedSender<Request>,
    shared: Arc<Shared>,
}

/// What a sync needs from the app.
pub struct SyncWorld {
    /// The database.
    pub store: Arc<Store>,
    /// The time.
    pub clock: Arc<dyn Clock>,
    /// Where secrets are.
    pub keychain: Keychain,
}

impl SyncScheduler {
    /// Starts the loop for the app `app`.
    pub fn start(app: AppHandle, world: Option<SyncWorld>) -> SyncScheduler {
        let (requests, rx) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            running: Mutex::new(None),
            errors: Mutex::new(Vec::new()),
            next_at: Mutex::new(None),
            cancel: AtomicBool::new(false),
        });
        if let Some(world) = world {
            tauri::async_runtime::spawn(run_loop(app, Arc::new(world), shared.clone(), rx));
        }
        SyncScheduler { requests, shared }
    }

    /// Asks for a sync of `shop` (all connections when `None`) now.
    pub fn sync_now(&self, shop: Option<String>, whole_shop: bool) {
        let _ = self.requests.send(Request::Now { shop, whole_shop });
    }

    /// The interval was saved: the next sync is scheduled from now.
    pub fn reschedule(&self) {
        let _ = self.requests.send(Request::Reschedule);
    }

    /// Stops the running sync after its current page (what it wrote stays;
    /// the next sync goes on from there).
    pub fn cancel(&self) {
        self.shared.cancel.store(true, Ordering::SeqCst);
    }

    /// Where the syncs stand.
    pub fn status(&self, store: &Store) -> Result<SyncStatus, AppError> {
        status(store, &self.shared)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn status(store: &Store, shared: &Shared) -> Result<SyncStatus, AppError> {
    Ok(SyncStatus {
        shops: store.shop_connections()?,
        running: lock(&shared.running).clone(),
        errors: lock(&shared.errors).clone(),
        every_minutes: store.settings()?.sync_every_minutes,
        next_at: *lock(&shared.next_at),
    })
}

async fn run_loop(
    app: AppHandle,
    world: Arc<SyncWorld>,
    shared: Arc<Shared>,
    mut rx: mpsc::UnboundedReceiver<Request>,
) {
    let mut wait = FIRST_SYNC_AFTER;
    loop {
        let every = world
            .store
            .settings()
            .map(|s| s.sync_every_minutes)
            .unwrap_or(DEFAULT_SYNC_MINUTES);
        let scheduled = (every > 0).then_some(wait);
        *lock(&shared.next_at) = scheduled.and_then(|w| {
            chrono::Duration::from_std(w)
                .ok()
                .map(|w| world.clock.now() + w)
        });
        notify(&app, &world, &shared);
        let request = match scheduled {
            Some(w) => tokio::select! {
                r = rx.recv() => r,
                _ = tokio::time::sleep(w) => Some(Request::Now { shop: None, whole_shop: false }),
            },
            None => rx.recv().await,
        };
        let every = Duration::from_secs(60 * u64::from(every.max(1)));
        match request {
            None => return,
            Some(Request::Reschedule) => {
                wait = every;
                continue;
            }
            Some(Request::Now { shop, whole_shop }) => {
                let (app2, world2, shared2) = (app.clone(), world.clone(), shared.clone());
                let done = tauri::async_runtime::spawn_blocking(move || {
                    sync_all(&app2, &world2, &shared2, shop, whole_shop)
                })
                .await;
                if let Err(e) = done {
                    eprintln!("the sync task failed: {e}");
                }
                // Asked twice while it ran: once more is enough.
                while let Ok(Request::Now { .. } | Request::Reschedule) = rx.try_recv() {}
                wait = every;
            }
        }
    }
}

fn notify(app: &AppHandle, world: &SyncWorld, shared: &Shared) {
    match status(&world.store, shared) {
        Ok(s) => {
            let _ = app.emit("sync-status", s);
        }
        Err(e) => eprintln!("the sync status could not be read: {}", e.message),
    }
}

fn sync_all(
    app: &AppHandle,
    world: &SyncWorld,
    shared: &Shared,
    only: Option<String>,
    whole_shop: bool,
) {
    let names: Vec<String> = match world.store.shop_connections() {
        Ok(shops) => shops
            .into_iter()
            .map(|s| s.name)
            .filter(|n| only.as_ref().is_none_or(|o| o == n))
            .collect(),
        Err(e) => {
            eprintln!("the shops could not be read: {e}");
            return;
        }
    };
    let env = |name: &str| std::env::var(name).ok();
    let door = SyncDoor {
        keychain: &world.keychain,
        env: &env,
        policy: Policy::default(),
    };
    let desk = Desk::new(&world.store, world.clock.as_ref(), AuditSource::Ui);
    shared.cancel.store(false, Ordering::SeqCst);
    for name in names {
        if shared.cancel.load(Ordering::SeqCst) {
            break;
        }
        *lock(&shared.running) = Some(SyncProgress::starting(&name));
        notify(app, world, shared);
        let outcome = desk.sync(&name, whole_shop, &door, &mut |p| {
            *lock(&shared.running) = Some(p.clone());
            let _ = app.emit("sync-progress", p.clone());
            if shared.cancel.load(Ordering::SeqCst) {
                Flow::Cancel
            } else {
                Flow::Continue
            }
        });
        let mut errors = lock(&shared.errors);
        errors.retain(|f| f.shop != name);
        if let Err(e) = outcome {
            // A failed run is recorded with its connection; this also keeps
            // what failed before a run began (no secret, another desk).
            errors.push(ShopFailure {
                shop: name.clone(),
                error: e.into(),
            });
        }
        drop(errors);
        *lock(&shared.running) = None;
    }
    notify(app, world, shared);
}
