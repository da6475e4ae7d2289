//! Tells the window what other desks changed: a thread listens to the store's
//! change feed and sends each batch of changed tables as a `db-changed`
//! event, so Today, Dispatch and the customer list show another desk's call,
//! packed order or import within a couple of seconds, without a reload. A
//! feed that fails (the server went away) is opened again after a pause; the
//! window hears `db-status` with `false` when the database cannot be reached
//! and `true` when it can again (the banner that says Courtesy is retrying).

use courtesy_store::Store;
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Emitter};

/// How long one wait on the feed lasts.
const WAIT: Duration = Duration::from_secs(1);
/// The pause before a failed feed is opened again.
const RETRY: Duration = Duration::from_secs(3);

/// Starts the thread for `store`'s changes.
pub fn start(app: AppHandle, store: Arc<Store>) {
    let _ = std::thread::Builder::new()
        .name("courtesy-changes".into())
        .spawn(move || {
            let mut reachable = true;
            let tell = |reachable: &mut bool, now: bool| {
                if now != *reachable {
                    *reachable = now;
                    let _ = app.emit("db-status", now);
                }
            };
            loop {
                let mut feed = match store.change_feed() {
                    Ok(f) => f,
                    Err(_) => {
                        tell(&mut reachable, false);
                        std::thread::sleep(RETRY);
                        continue;
                    }
                };
                if !reachable {
                    tell(&mut reachable, true);
                    // What changed while away is not known: everything may have.
                    let _ = app.emit("db-changed", vec![courtesy_store::ANY_TABLE]);
                }
                loop {
                    match feed.wait(WAIT) {
                        Ok(tables) if tables.is_empty() => {}
                        Ok(tables) => {
                            let _ = app.emit("db-changed", tables);
                        }
                        Err(_) => {
                            tell(&mut reachable, false);
                            std::thread::sleep(RETRY);
                            break;
                        }
                    }
                }
            }
        });
}
