//! `courtesy import FILE`: imports an export with a progress bar and prints what
//! came of it — new, updated, unchanged, orders known by their number, rows
//! found twice, and the first rows reported, by line (all of them:
//! `courtesy problems`).

use crate::failure::Failure;
use crate::problems_command::problem_line;
use crate::run_summary::{print_counts, print_follow_up};
use courtesy_desk::{Desk, SystemClock};
use courtesy_import::{Flow, Format};
use courtesy_store::{AuditSource, Store};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};

/// Reported rows printed after an import.
const SHOWN: usize = 10;

/// Options of `courtesy import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The export to import (CSV or JSON).
    file: PathBuf,
    /// The file's format, when detection should be skipped.
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

fn parse_format(text: &str) -> Result<Format, String> {
    match text {
        "shopify-orders" => Ok(Format::ShopifyOrders),
        "shopify-customers" => Ok(Format::ShopifyCustomers),
        "woocommerce-orders-json" => Ok(Format::WooCommerceOrdersJson),
        "woocommerce-customers-json" => Ok(Format::WooCommerceCustomersJson),
        "woocommerce-orders-csv" => Ok(Format::WooCommerceOrdersCsv),
        "mapped-csv" => Ok(Format::MappedCsv),
        other => Err(format!(
            "'{other}' is not a format; use shopify-orders, shopify-customers, \
             woocommerce-orders-json, woocommerce-customers-json, woocommerce-orders-csv \
             or mapped-csv"
        )),
    }
}

/// Imports `args.file` into the database at `path`.
pub fn run(path: &Path, args: &ImportArgs) -> Result<(), Failure> {
    let size = std::fs::metadata(&args.file)
        .map_err(|e| Failure::Usage(format!("{}: {e}", args.file.display())))?
        .len();
    let store = Store::open(path)?;
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(size)
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {percent:>3}%  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let desk = Desk::new(&store, &SystemClock, AuditSource::Cli);
    let done = desk.import(&args.file, args.format, None, |p| {
        bar.set_position(p.bytes);
        let rate = p.rows as f64 / started.elapsed().as_secs_f64().max(0.001);
        bar.set_message(format!("{} rows, {rate:.0} rows/s", p.rows));
        Flow::Continue
    })?;
    bar.finish_and_clear();
    let (run, calls, gifts) = (done.run, done.calls, done.gifts);
    let c = run.counts;
    println!(
        "Imported {} ({}, {}) in {:.1} s: {} rows.",
        run.file_name,
        run.format,
        run.encoding,
        started.elapsed().as_secs_f64(),
        run.rows_read
    );
    print_counts(&c);
    print_follow_up(&calls, &gifts);
    if run.orders_by_number > 0 {
        println!(
            "  {} orders had an id that a spreadsheet rounded (like 5,01253E+12) or that another \
             order has too: they are known by their order number instead.",
            run.orders_by_number
        );
    }
    if run.duplicates > 0 {
        println!(
            "  {} rows repeated earlier rows of the file (pasted exports?) and were imported once.",
            run.duplicates
        );
    }
    if run.errors > 0 {
        println!(
            "  {} rows reported: {} not imported, {} imported with a note.",
            run.errors,
            run.rows_skipped,
            run.errors - run.rows_skipped
        );
        for p in store.import_problems(run.id)?.iter().take(SHOWN) {
            println!("    {}", problem_line(&run, p));
        }
        if run.errors > SHOWN as i64 {
            println!("    … and {} more.", run.errors - SHOWN as i64);
        }
        println!(
            "  All of them: courtesy problems {} (add -o FILE to save them as CSV).",
            run.id
        );
    }
    Ok(())
}
