//! `courtesy slips`: packing slips for a choice of orders, as one PDF saved
//! with `-o FILE` or sent to a printer with `--print [PRINTER]`; and
//! `courtesy printers`, the printers this computer offers.

use crate::failure::Failure;
use chrono::NaiveDate;
use courtesy_core::OrderStatus;
use courtesy_desk::{Desk, SystemClock};
use courtesy_dispatch::{system_printers, PageSize, SlipsPrinted};
use courtesy_store::{AuditSource, ScanResult, SlipFilter, SlipSort, Store};
use std::path::{Path, PathBuf};

/// Options of `courtesy slips`.
#[derive(Debug, clap::Args)]
pub struct SlipsArgs {
    /// Order statuses to take, comma-separated (open, paid, fulfilled, delivered, cancelled, refunded).
    #[arg(long, value_delimiter = ',', value_parser = parse_status, default_value = "paid")]
    status: Vec<OrderStatus>,
    /// Only orders without a printed slip.
    #[arg(long)]
    unprinted: bool,
    /// Only orders not packed yet.
    #[arg(long)]
    unpacked: bool,
    /// Placed on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<NaiveDate>,
    /// Placed on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<NaiveDate>,
    /// Only this shipping method.
    #[arg(long, value_name = "METHOD")]
    shipping_method: Option<String>,
    /// Only these order numbers (repeat, or comma-separate).
    #[arg(long = "order", value_name = "NUMBER", value_delimiter = ',')]
    orders: Vec<String>,
    /// The order of the slips: bin (the packer's walk) or number.
    #[arg(long, value_parser = parse_sort, default_value = "bin")]
    sort: SlipSort,
    /// Page size: a4, letter, a6 or 4x6 (default: the shop's setting).
    #[arg(long, value_parser = parse_size)]
    size: Option<PageSize>,
    /// Save the slips as one PDF here.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        conflicts_with = "print"
    )]
    output: Option<PathBuf>,
    /// Print the slips, on PRINTER or the default printer.
    #[arg(long, value_name = "PRINTER", num_args = 0..=1, default_missing_value = "")]
    print: Option<String>,
}

fn parse_status(text: &str) -> Result<OrderStatus, String> {
    OrderStatus::parse(text.trim()).ok_or_else(|| {
        format!("'{text}' is not a status: open, paid, fulfilled, delivered, cancelled, refunded")
    })
}

fn parse_sort(text: &str) -> Result<SlipSort, String> {
    match text {
        "bin" => Ok(SlipSort::Bin),
        "number" => Ok(SlipSort::Number),
        other => Err(format!("'{other}' is not a sort: bin or number")),
    }
}

fn parse_size(text: &str) -> Result<PageSize, String> {
    text.parse::<PageSize>()
        .map_err(|_| format!("'{text}' is not a slip size: a4, letter, a6 or 4x6"))
}

/// The ids of the order numbers asked for; an unknown number is an error.
fn order_ids(store: &Store, numbers: &[String]) -> Result<Option<Vec<i64>>, Failure> {
    if numbers.is_empty() {
        return Ok(None);
    }
    numbers
        .iter()
        .map(|n| match store.scan(n)? {
            ScanResult::Order { order } => Ok(order.id),
            _ => Err(Failure::Usage(format!("there is no order {n}"))),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Makes or prints the slips.
pub fn run(path: &Path, args: &SlipsArgs) -> Result<(), Failure> {
    if args.output.is_none() && args.print.is_none() {
        return Err(Failure::Usage(
            "say where the slips go: -o FILE.pdf or --print [PRINTER]".into(),
        ));
    }
    let store = Store::open(path)?;
    let desk = Desk::new(&store, &SystemClock, AuditSource::Cli);
    let filter = SlipFilter {
        statuses: args.status.clone(),
        unprinted: args.unprinted,
        unpacked: args.unpacked,
        placed_from: args.from,
        placed_to: args.to,
        shipping_method: args.shipping_method.clone(),
        order_ids: order_ids(&store, &args.orders)?,
        sort: args.sort,
    };
    let done: SlipsPrinted = match (&args.output, &args.print) {
        (Some(file), _) => desk.save_slips(&filter, args.size, file)?,
        (None, Some(printer)) => {
            let printer = Some(printer.as_str()).filter(|p| !p.is_empty());
            desk.print_slips(&filter, args.size, printer)?
        }
        (None, None) => unreachable!("checked above"),
    };
    let copies = match done.copies {
        0 => String::new(),
        n => format!(" ({n} of them copies)"),
    };
    match (&args.output, &done.printer) {
        (Some(file), _) => println!("{} slips{copies} saved to {}", done.slips, file.display()),
        (None, Some(printer)) => println!(
            "{} slips{copies} sent to {printer} (job {})",
            done.slips,
            done.job.as_deref().unwrap_or("?")
        ),
        (None, None) => println!("{} slips{copies}", done.slips),
    }
    Ok(())
}

/// Lists the printers, the default marked with `*`.
pub fn list_printers() -> Result<(), Failure> {
    let printers = system_printers();
    if printers.is_empty() {
        println!("this computer has no printers");
    }
    for p in printers {
        let mark = if p.is_default { "*" } else { " " };
        println!("{mark} {}\t{}", p.name, p.description);
    }
    Ok(())
}
