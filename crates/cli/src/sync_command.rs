//! `courtesy sync [NAME] [--full]`: syncs one shop (or every one) with a
//! progress line, then prints what came in — new, updated and unchanged
//! orders and customers, the requests sent and the seconds waited for the
//! shop's rate limit — and what followed (calls, gifts).

use crate::failure::Failure;
use crate::run_summary::{print_counts, print_follow_up};
use courtesy_desk::{Desk, SyncDoor, SystemClock};
use courtesy_import::Flow;
use courtesy_store::{AuditSource, Store};
use courtesy_sync::{Keychain, Policy};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;

/// Options of `courtesy sync`.
#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// The connection to sync (every one when left out).
    name: Option<String>,
    /// Read the whole shop again, not only what changed.
    #[arg(long)]
    full: bool,
    /// No progress line.
    #[arg(long, short)]
    quiet: bool,
}

/// The environment's variables (secrets given for one run).
pub fn door_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// The keychain: the platform's, unless `COURTESY_NO_KEYCHAIN` says to use none.
pub fn system_keychain() -> Keychain {
    if std::env::var_os("COURTESY_NO_KEYCHAIN").is_some() {
        Keychain::none("COURTESY_NO_KEYCHAIN is set")
    } else {
        Keychain::system()
    }
}

/// Syncs the connections `args` names in the database at `path`.
pub fn run(path: &Path, args: &SyncArgs) -> Result<(), Failure> {
    let store = Store::open(path)?;
    let desk = Desk::new(&store, &SystemClock, AuditSource::Cli);
    let keychain = system_keychain();
    let door = SyncDoor {
        keychain: &keychain,
        env: &door_env,
        policy: Policy::default(),
    };
    let names: Vec<String> = match &args.name {
        Some(n) => vec![n.clone()],
        None => store
            .shop_connections()?
            .into_iter()
            .map(|s| s.name)
            .collect(),
    };
    if names.is_empty() {
        return Err(Failure::Usage(
            "no shops to sync: courtesy shop add shopify|woocommerce NAME --url ADDRESS".into(),
        ));
    }
    for name in names {
        let bar = if args.quiet {
            ProgressBar::hidden()
        } else {
            ProgressBar::new_spinner()
        };
        bar.set_style(
            ProgressStyle::with_template("{spinner} {elapsed:>4} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        let started = std::time::Instant::now();
        let done = desk.sync(&name, args.full, &door, &mut |p| {
            let of = p.total.map(|t| format!(" of {t}")).unwrap_or_default();
            bar.set_message(format!(
                "{}: {:?} {}{of} read, {} new orders, {} requests",
                p.shop, p.phase, p.read, p.counts.orders_new, p.requests
            ));
            bar.tick();
            Flow::Continue
        });
        bar.finish_and_clear();
        let done = done?;
        let (run, c) = (&done.run, &done.run.counts);
        println!(
            "Synced {} in {:.1} s ({}): {} requests, {:.1} s waited for the shop.",
            name,
            started.elapsed().as_secs_f64(),
            run.status.as_str(),
            run.requests,
            run.waited_ms as f64 / 1000.0
        );
        print_counts(c);
        if run.errors > 0 {
            println!(
                "  {} records reported: courtesy problems {}",
                run.errors, run.id
            );
        }
        print_follow_up(&done.calls, &done.gifts);
    }
    Ok(())
}
