//! `courtesy backup`, `courtesy backups`, `courtesy restore FILE`: a backup
//! taken now (checked, described, the folder rotated), the backups there are,
//! and a restore that shows what the backup holds, asks, and backs up the
//! current state first. Backups go to a `backups` folder beside the database
//! unless `--folder` names another; `backup -o FILE` writes one file instead.

use crate::clock_option::clock;
use crate::failure::{open_existing, Failure};
use clap::Args;
use courtesy_core::backup_rotation::BackupReason;
use courtesy_desk::Desk;
use courtesy_store::{list_backups, AuditSource, BackupInfo, Store};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// `courtesy backup ...`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the backup to this file instead of the backups folder.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// The backups folder (default: `backups` beside the database).
    #[arg(long, value_name = "DIR")]
    folder: Option<PathBuf>,
    /// Pretend it is this moment (RFC 3339).
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

/// `courtesy backups ...`.
#[derive(Debug, Args)]
pub struct BackupsArgs {
    /// The backups folder (default: `backups` beside the database).
    #[arg(long, value_name = "DIR")]
    folder: Option<PathBuf>,
}

/// `courtesy restore ...`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore.
    file: PathBuf,
    /// Do not ask first.
    #[arg(long)]
    yes: bool,
    /// Where the backup of the current state goes (default: `backups` beside the database).
    #[arg(long, value_name = "DIR")]
    folder: Option<PathBuf>,
}

/// `--folder`, else the folder this desk's backups go to.
pub(crate) fn folder_of(store: &Store, db: &Path, given: &Option<PathBuf>) -> PathBuf {
    given
        .clone()
        .unwrap_or_else(|| courtesy_desk::backup_folder(store, db))
}

fn describe(b: &BackupInfo) -> String {
    format!(
        "{}  {:<14} {:>9.1} MB  {} customers, {} orders, {} calls, {} gift plans, {} cards",
        b.taken_at,
        b.reason.as_str(),
        b.size_bytes as f64 / 1_000_000.0,
        b.counts.customers,
        b.counts.orders,
        b.counts.calls,
        b.counts.gift_plans,
        b.counts.cards
    )
}

/// Runs `courtesy backup`.
pub fn run_backup(path: &Path, args: &BackupArgs) -> Result<(), Failure> {
    let clock = clock(args.at.as_deref())?;
    let store = open_existing(path)?;
    let desk = Desk::new(&store, clock.as_ref(), AuditSource::Cli);
    let info = match &args.output {
        Some(file) => store.back_up_to(file, BackupReason::Manual, desk.now())?,
        None => desk.back_up(&folder_of(&store, path, &args.folder), BackupReason::Manual)?,
    };
    println!("backed up {} into {}", store.location(), info.file);
    println!("  {}", describe(&info));
    println!("  checked: integrity ok, schema {}", info.schema_version);
    Ok(())
}

/// Runs `courtesy backups`.
pub fn run_list(path: &Path, args: &BackupsArgs) -> Result<(), Failure> {
    let store = open_existing(path)?;
    let folder = folder_of(&store, path, &args.folder);
    let found = list_backups(&folder)?;
    if found.is_empty() {
        println!("no backups in {}", folder.display());
        return Ok(());
    }
    println!("{} backups in {}:", found.len(), folder.display());
    for b in &found {
        println!("  {}", describe(b));
        println!("    {}", b.file);
    }
    Ok(())
}

/// Runs `courtesy restore`.
pub fn run_restore(path: &Path, args: &RestoreArgs) -> Result<(), Failure> {
    let (version, counts) = courtesy_store::inspect_backup(&args.file)?;
    let store = open_existing(path)?;
    println!(
        "{} holds {} customers, {} orders, {} calls, {} gift plans, {} cards (schema {version}).",
        args.file.display(),
        counts.customers,
        counts.orders,
        counts.calls,
        counts.gift_plans,
        counts.cards
    );
    println!(
        "Restoring it replaces everything in {} (which is backed up first).",
        store.location()
    );
    if !args.yes && !confirmed("Restore it? [y/N] ")? {
        println!("nothing was changed");
        return Ok(());
    }
    let clock = clock(None)?;
    let desk = Desk::new(&store, clock.as_ref(), AuditSource::Cli);
    let restored = desk.restore(&args.file, &folder_of(&store, path, &args.folder))?;
    println!(
        "restored {}; what was there is in {}",
        restored.from, restored.before.file
    );
    Ok(())
}

/// Asks on the terminal; yes only for an explicit y.
pub(crate) fn confirmed(question: &str) -> Result<bool, Failure> {
    print!("{question}");
    std::io::stdout().flush().ok();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Failure::Usage(format!("could not read the answer: {e}")))?;
    Ok(matches!(
        answer.trim(),
        "y" | "Y" | "yes" | "tak" | "да" | "kyllä"
    ))
}
