//! `courtesy db`: the database itself. `db init` creates (or upgrades) the
//! schema in the database `--db` names, an empty PostgreSQL database included;
//! `db copy --from SRC --to DST` copies a whole shop between SQLite files and
//! PostgreSQL databases, in either direction, and checks the copy table by
//! table (rows and a checksum of their contents).

use crate::failure::{open_existing, Failure};
use clap::{Args, Subcommand};
use courtesy_store::{is_server_url, Store, LATEST_VERSION};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// `courtesy db ...`.
#[derive(Debug, Args)]
pub struct DbArgs {
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Create the schema in the database --db names (a file, or an empty
    /// PostgreSQL database: postgres://USER:PASSWORD@HOST/DATABASE), or bring it up to date.
    Init,
    /// Copy a whole shop into an empty database, then check the copy.
    Copy(CopyArgs),
}

#[derive(Debug, Args)]
struct CopyArgs {
    /// The database to copy (a file or a postgres:// URL).
    #[arg(long, value_name = "SRC")]
    from: PathBuf,
    /// The empty database to copy into (a new file or a postgres:// URL).
    #[arg(long, value_name = "DST")]
    to: PathBuf,
}

/// Runs `courtesy db ...`; `path` is the database `--db` names.
pub fn run(path: &Path, args: &DbArgs) -> Result<(), Failure> {
    match &args.command {
        DbCommand::Init => {
            let store = Store::open(path)?;
            println!(
                "{} is at schema {LATEST_VERSION} with {} customers",
                store.location(),
                store.customer_count()?
            );
            Ok(())
        }
        DbCommand::Copy(copy) => run_copy(copy),
    }
}

fn run_copy(args: &CopyArgs) -> Result<(), Failure> {
    let into_file = !args.to.to_str().is_some_and(is_server_url);
    if into_file && args.to.exists() && std::fs::metadata(&args.to).is_ok_and(|m| m.len() > 0) {
        return Err(Failure::Usage(format!(
            "{} exists already: copy into a new file (or an empty server database)",
            args.to.display()
        )));
    }
    let source = open_existing(&args.from)?;
    let dest = Store::open(&args.to)?;
    let started = Instant::now();
    println!("copying {} into {}", source.location(), dest.location());
    let copied = source.copy_into(&dest, &mut |t| {
        println!(
            "  {:<24} {:>10} rows  sha256 {}",
            t.table,
            t.rows,
            &t.checksum[..16]
        );
    });
    let copied = match copied {
        Ok(c) => c,
        Err(e) => {
            drop(dest);
            if into_file {
                // Nothing of a failed copy is kept: the new file goes.
                let _ = std::fs::remove_file(&args.to);
                for end in ["-wal", "-shm"] {
                    let mut side = args.to.as_os_str().to_owned();
                    side.push(end);
                    let _ = std::fs::remove_file(side);
                }
            }
            return Err(e.into());
        }
    };
    let rows: i64 = copied.iter().map(|t| t.rows).sum();
    println!(
        "copied and checked {} tables, {rows} rows, in {:.1} s: every table's rows and checksum match",
        copied.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
