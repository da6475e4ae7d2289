//! `courtesy pack CODE`: the dispatch desk's pack, from the command line: the
//! order whose number (as on its slip, with or without `#`) is scanned is
//! marked packed, its planned gifts leave the shelf, and its slip is printed on
//! the desk's printer if it never had one. An order packed already is refused
//! with who packed it and when.

use crate::clock_option::clock;
use crate::failure::{open_existing, Failure};
use clap::Args;
use courtesy_desk::Desk;
use courtesy_store::{AuditSource, ScanResult};
use std::path::Path;

/// `courtesy pack ...`.
#[derive(Debug, Args)]
pub struct PackArgs {
    /// The order's number, as scanned from its slip (e.g. #1001).
    code: String,
    /// Pretend it is this moment (RFC 3339).
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

/// Runs `courtesy pack`.
pub fn run(path: &Path, args: &PackArgs) -> Result<(), Failure> {
    let clock = clock(args.at.as_deref())?;
    let store = open_existing(path)?;
    let desk = Desk::new(&store, clock.as_ref(), AuditSource::Cli);
    let order = match desk.scan(&args.code)? {
        ScanResult::Order { order } => order,
        _ => {
            return Err(Failure::Usage(format!(
                "{} is not an order number of this shop",
                args.code
            )))
        }
    };
    let packed = desk.pack(order.id)?;
    let slip = match (&packed.printer, &packed.reason) {
        (Some(printer), _) => format!("slip printed on {printer}"),
        (None, Some(reason)) => format!("slip not printed: {reason}"),
        (None, None) => "its slip was printed before".to_string(),
    };
    println!("packed {} ({slip})", packed.order.number);
    Ok(())
}
