//! `courtesy`, the command line of Courtesy: fill a database with the demo shop,
//! show what a database holds, import exports, make and print packing slips.
//! Every failure prints `error: <message>` on stderr and exits with status 1.

mod backup_command;
mod calls_command;
mod clock_option;
mod customer_command;
mod db_command;
mod demo_command;
mod failure;
mod gifts_command;
mod import_command;
mod info_command;
mod pack_command;
mod problems_command;
mod run_summary;
mod shop_command;
mod slips_command;
mod sync_command;

use clap::{Parser, Subcommand};
use failure::Failure;
use std::path::PathBuf;
use std::process::ExitCode;

/// Courtesy: the aftercare desk of a small online shop.
#[derive(Debug, Parser)]
#[command(name = "courtesy", version, about)]
struct Cli {
    /// The database: a file (default: the one in the app-data folder) or a
    /// PostgreSQL database shared by several desks (postgres://USER:PASSWORD@HOST/DATABASE).
    #[arg(long, global = true, env = "COURTESY_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Fill an empty database with a believable demo shop.
    Demo(demo_command::DemoArgs),
    /// Show where the database is, its schema version and how many customers it has.
    Info,
    /// Import a Shopify or WooCommerce export; re-importing changes nothing.
    Import(import_command::ImportArgs),
    /// The rows an import reported, by line (the newest import without a run id).
    Problems(problems_command::ProblemsArgs),
    /// Packing slips for a choice of orders: save one PDF (-o) or print (--print).
    Slips(slips_command::SlipsArgs),
    /// List this computer's printers (the default marked with *).
    Printers,
    /// Pack an order, as the dispatch desk does: by its number (as scanned).
    Pack(pack_command::PackArgs),
    /// Thank-you calls: `calls today` refreshes the queue and lists the calls to make
    /// now; `calls record ID --outcome reached` records how one went.
    Calls(calls_command::CallsArgs),
    /// Gifts and cards: `gifts plan` plans new paid orders, `gifts cards` lists the
    /// cards to write (`-o` saves their texts as a PDF sheet).
    Gifts(gifts_command::GiftsArgs),
    /// The shops this database syncs with: `shop add`, `shop list`, `shop test`, `shop remove`.
    Shop(shop_command::ShopArgs),
    /// Bring in what changed in the shops (or, with --full, everything again).
    Sync(sync_command::SyncArgs),
    /// Take a backup now (checked, into the backups folder, or -o FILE).
    Backup(backup_command::BackupArgs),
    /// List the backups, newest first, with what each holds.
    Backups(backup_command::BackupsArgs),
    /// Restore a backup over the database (the current state is backed up first).
    Restore(backup_command::RestoreArgs),
    /// One customer's data: `customer export ID|EMAIL -o FILE`, `customer erase ID|EMAIL`,
    /// `customer duplicates`, `customer merge KEPT REMOVED`, `customer unmerge`.
    Customer(customer_command::CustomerArgs),
    /// The audit log, newest first: who changed what, when, through which door.
    History(customer_command::HistoryArgs),
    /// The database itself: `db init` creates its schema (a PostgreSQL database
    /// too), `db copy --from SRC --to DST` copies a whole shop between SQLite and PostgreSQL.
    Db(db_command::DbArgs),
}

/// The database file the user means: `--db`, `COURTESY_DB`, or the app-data folder.
fn database_path(explicit: Option<PathBuf>) -> Result<PathBuf, Failure> {
    courtesy_store::resolve_db_path(explicit).ok_or_else(|| {
        Failure::Usage("no database path: pass --db PATH or set COURTESY_DB (this system has no app-data folder)".into())
    })
}

fn run(cli: Cli) -> Result<(), Failure> {
    if let Command::Printers = cli.command {
        return slips_command::list_printers();
    }
    let path = database_path(cli.db)?;
    match cli.command {
        Command::Demo(args) => demo_command::run(&path, &args),
        Command::Info => info_command::run(&path),
        Command::Import(args) => import_command::run(&path, &args),
        Command::Problems(args) => problems_command::run(&path, &args),
        Command::Slips(args) => slips_command::run(&path, &args),
        Command::Printers => slips_command::list_printers(),
        Command::Pack(args) => pack_command::run(&path, &args),
        Command::Calls(args) => calls_command::run(&path, &args),
        Command::Gifts(args) => gifts_command::run(&path, &args),
        Command::Shop(args) => shop_command::run(&path, &args),
        Command::Sync(args) => sync_command::run(&path, &args),
        Command::Db(args) => db_command::run(&path, &args),
        Command::Backup(args) => backup_command::run_backup(&path, &args),
        Command::Backups(args) => backup_command::run_list(&path, &args),
        Command::Restore(args) => backup_command::run_restore(&path, &args),
        Command::Customer(args) => customer_command::run(&path, &args),
        Command::History(args) => customer_command::run_history(&path, &args),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with success; usage errors are errors.
            let failed = e.use_stderr();
            let _ = e.print();
            return if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {failure}");
            ExitCode::FAILURE
        }
    }
}
