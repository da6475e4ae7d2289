//! `courtesy calls today`: refreshes the call queue under the shop's policy and
//! prints the calls to make now, inside each customer's calling hours.
//! `courtesy calls record ID --outcome reached`: records how a call went, as the
//! call screen does (refused while another desk has the call open).

use crate::clock_option::clock;
use crate::failure::Failure;
use clap::{Args, Subcommand};
use courtesy_core::calls::CallOutcome;
use courtesy_desk::Desk;
use courtesy_store::{AttemptInput, AuditSource, CallListItem};
use std::path::Path;

/// `courtesy calls ...`
#[derive(Debug, Args)]
pub struct CallsArgs {
    #[command(subcommand)]
    command: CallsCommand,
}

#[derive(Debug, Subcommand)]
enum CallsCommand {
    /// Refresh the queue, then list the calls to make now.
    Today(TodayArgs),
    /// Record how a call went (its id is in `calls today`).
    Record(RecordArgs),
}

#[derive(Debug, Args)]
struct RecordArgs {
    /// The call's id.
    call_id: i64,
    /// How it ended: reached, voicemail, no_answer, busy, wrong_number, refused, do_not_call.
    #[arg(long)]
    outcome: String,
    /// Notes from the call.
    #[arg(long, default_value = "")]
    notes: String,
    /// The customer's satisfaction, 1 to 5.
    #[arg(long)]
    satisfaction: Option<u8>,
    /// How long the call took, in seconds.
    #[arg(long, default_value_t = 0)]
    seconds: u32,
    /// When the call was made (RFC 3339; default: now).
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

#[derive(Debug, Args)]
struct TodayArgs {
    /// List at most this many calls.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Pretend it is this moment (RFC 3339, e.g. 2026-11-26T12:00:00Z).
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

/// Runs `courtesy calls ...`.
pub fn run(path: &Path, args: &CallsArgs) -> Result<(), Failure> {
    match &args.command {
        CallsCommand::Today(today) => run_today(path, today),
        CallsCommand::Record(record) => run_record(path, record),
    }
}

fn run_record(path: &Path, args: &RecordArgs) -> Result<(), Failure> {
    let clock = clock(args.at.as_deref())?;
    let outcome = CallOutcome::parse(&args.outcome).ok_or_else(|| {
        Failure::Usage(format!(
            "'{}' is not an outcome: reached, voicemail, no_answer, busy, wrong_number, refused or do_not_call",
            args.outcome
        ))
    })?;
    let store = crate::failure::open_existing(path)?;
    let desk = Desk::new(&store, clock.as_ref(), AuditSource::Cli);
    let attempt = AttemptInput {
        at: desk.now(),
        outcome,
        duration_seconds: args.seconds,
        satisfaction: args.satisfaction,
        notes: args.notes.clone(),
        delivery_problem: false,
        follow_up_at: None,
    };
    let result = desk.record_call(args.call_id, &attempt)?;
    let next = if result.closed {
        "the call is done".to_string()
    } else if let Some(retry) = &result.retry_at {
        format!("offered again from {retry}")
    } else {
        "the call stays open".to_string()
    };
    println!(
        "attempt {} recorded on call {}: {next}",
        result.attempt_id, args.call_id
    );
    Ok(())
}

fn run_today(path: &Path, args: &TodayArgs) -> Result<(), Failure> {
    let clock = clock(args.at.as_deref())?;
    let store = crate::failure::open_existing(path)?;
    let desk = Desk::new(&store, clock.as_ref(), AuditSource::Cli);
    let (counts, due) = desk.calls_at(desk.now(), args.limit)?;
    println!(
        "queue refreshed: {} orders looked at, {} calls queued, {} closed",
        counts.orders_seen, counts.created, counts.closed
    );
    if due.is_empty() {
        println!("no calls to make now (none due, or outside calling hours)");
        return Ok(());
    }
    print!("{}", table(&due));
    Ok(())
}

/// The calls as an aligned text table.
fn table(calls: &[CallListItem]) -> String {
    let header = [
        "call",
        "due (UTC)",
        "local time",
        "customer",
        "phone",
        "reason",
        "order",
    ];
    let rows: Vec<[String; 7]> = calls
        .iter()
        .map(|c| {
            [
                c.call_id.to_string(),
                c.due_at
                    .replace('T', " ")
                    .trim_end_matches('Z')
                    .chars()
                    .take(16)
                    .collect(),
                format!("{} {}", c.local_time, c.time_zone),
                if c.vip {
                    format!("{} (VIP)", c.customer_name)
                } else {
                    c.customer_name.clone()
                },
                c.phone.clone(),
                c.reason.as_str().replace('_', " "),
                c.order_number.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&header.map(str::to_string));
    for row in &rows {
        out.push_str(&line(row));
    }
    out
}
