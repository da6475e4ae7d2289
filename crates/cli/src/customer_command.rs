//! `courtesy customer ...`: one customer's data and their duplicates.
//! `export ID|EMAIL -o FILE` writes everything about them as JSON;
//! `erase ID|EMAIL` erases them after saying what goes (`--yes` skips the
//! question); `duplicates` lists likely pairs; `merge KEPT REMOVED` makes one
//! customer of two (after a backup); `unmerge` undoes the last merge.
//! `courtesy history` prints the audit log, newest first, with filters.

use crate::backup_command::confirmed;
use crate::clock_option::clock;
use crate::failure::{open_existing, Failure};
use clap::{Args, Subcommand};
use courtesy_desk::Desk;
use courtesy_store::{AuditSource, HistoryFilter, MergeRequest};
use std::path::{Path, PathBuf};

/// `courtesy customer ...`
#[derive(Debug, Args)]
pub struct CustomerArgs {
    #[command(subcommand)]
    command: CustomerCommand,
}

#[derive(Debug, Subcommand)]
enum CustomerCommand {
    /// Write everything about a customer as one JSON document.
    Export {
        /// The customer's id or e-mail.
        customer: String,
        /// The file to write.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Erase a customer: their personal data goes, their orders stay anonymised.
    Erase {
        /// The customer's id or e-mail.
        customer: String,
        /// Do not ask first.
        #[arg(long)]
        yes: bool,
    },
    /// List likely duplicate customers, best first.
    Duplicates {
        /// List at most this many pairs.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Merge REMOVED into KEPT (a backup is taken first).
    Merge {
        /// The customer who stays (id or e-mail).
        kept: String,
        /// The customer who goes into the kept one (id or e-mail).
        removed: String,
        /// Fields where the removed customer's value wins, e.g. `email,last_name`.
        #[arg(long, value_delimiter = ',')]
        take: Vec<String>,
        /// The backups folder (default: `backups` beside the database).
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
        /// Do not ask first.
        #[arg(long)]
        yes: bool,
    },
    /// Undo the last merge.
    Unmerge,
}

/// `courtesy history ...`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only entries about this customer (id or e-mail).
    #[arg(long)]
    customer: Option<String>,
    /// Only entries made by this person or process.
    #[arg(long)]
    actor: Option<String>,
    /// Only entries that came through this door: ui, import, sync, cli.
    #[arg(long)]
    source: Option<String>,
    /// From this day on (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Up to this day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Show at most this many entries.
    #[arg(long, default_value_t = 50)]
    limit: usize,
}

/// Runs `courtesy customer ...`.
pub fn run(path: &Path, args: &CustomerArgs) -> Result<(), Failure> {
    let store = open_existing(path)?;
    let clock = clock(None)?;
    let desk = Desk::new(&store, clock.as_ref(), AuditSource::Cli);
    match &args.command {
        CustomerCommand::Export { customer, output } => {
            let id = desk.find_customer(customer)?;
            let bytes = desk.export_customer_to(id, output)?;
            println!(
                "wrote everything about customer {id} to {} ({bytes} bytes)",
                output.display()
            );
        }
        CustomerCommand::Erase { customer, yes } => {
            let id = desk.find_customer(customer)?;
            let p = store.erasure_preview(id)?;
            println!(
                "Erasing {} (customer {id}) removes their name, {} e-mail(s), {} phone(s), {} address(es), \
                 notes, {} call(s) and the text of {} card(s).",
                p.display_name, p.emails, p.phones, p.addresses, p.calls, p.cards
            );
            println!(
                "Their {} order(s) stay for the books, without a name or address{}.",
                p.orders,
                if p.unshipped_orders > 0 {
                    format!(" ({} not yet shipped)", p.unshipped_orders)
                } else {
                    String::new()
                }
            );
            println!("Older backups still hold their data until those backups rotate out.");
            if !yes && !confirmed("Erase them? [y/N] ")? {
                println!("nothing was changed");
                return Ok(());
            }
            desk.erase_customer(id)?;
            println!("customer {id} was erased");
        }
        CustomerCommand::Duplicates { limit } => {
            let list = store.duplicate_customers(*limit)?;
            println!(
                "{} possible duplicate pairs ({} likely):",
                list.total, list.likely
            );
            for p in &list.pairs {
                let reasons: Vec<&str> = p.reasons.iter().map(|r| r.words()).collect();
                println!(
                    "  {:>3} {:<8} {} ({}) + {} ({})  [{}]",
                    p.score,
                    if p.likely { "likely" } else { "possible" },
                    p.a.display_name,
                    p.a.id,
                    p.b.display_name,
                    p.b.id,
                    reasons.join(", ")
                );
            }
        }
        CustomerCommand::Merge {
            kept,
            removed,
            take,
            folder,
            yes,
        } => {
            let kept = desk.find_customer(kept)?;
            let removed = desk.find_customer(removed)?;
            let (k, r) = (
                store.customer_profile(kept)?,
                store.customer_profile(removed)?,
            );
            println!(
                "Merging {} ({removed}) into {} ({kept}): {} order(s) and {} call(s) move.",
                r.display_name,
                k.display_name,
                r.orders.len(),
                r.calls.len()
            );
            if !yes && !confirmed("Merge them? [y/N] ")? {
                println!("nothing was changed");
                return Ok(());
            }
            let folder = crate::backup_command::folder_of(&store, path, folder);
            let req = MergeRequest {
                kept,
                removed,
                take_from_removed: take.clone(),
            };
            let m = desk.merge_customers(&req, &folder)?;
            println!(
                "merged {} into customer {kept} (merge {}; `courtesy customer unmerge` undoes it)",
                m.removed_name, m.id
            );
        }
        CustomerCommand::Unmerge => {
            let m = desk.undo_last_merge()?;
            println!(
                "undid merge {}: {} is customer {} again, beside customer {}",
                m.id, m.removed_name, m.removed_id, m.kept_id
            );
        }
    }
    Ok(())
}

/// Runs `courtesy history`.
pub fn run_history(path: &Path, args: &HistoryArgs) -> Result<(), Failure> {
    let store = open_existing(path)?;
    let clock = clock(None)?;
    let desk = Desk::new(&store, clock.as_ref(), AuditSource::Cli);
    let customer = args
        .customer
        .as_deref()
        .map(|c| desk.find_customer(c))
        .transpose()?;
    let filter = HistoryFilter {
        customer,
        actor: args.actor.clone(),
        source: args.source.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        before: None,
    };
    let page = store.history(&filter, args.limit)?;
    for e in &page.entries {
        let what = match (&e.customer_name, e.entity_id) {
            (Some(name), Some(id)) => format!("{} {id} ({name})", e.entity),
            (None, Some(id)) => format!("{} {id}", e.entity),
            _ => e.entity.clone(),
        };
        println!(
            "{}  {:<6} {:<12} {:<14} {what}  {}",
            e.at, e.source, e.actor, e.action, e.detail
        );
    }
    if page.more {
        println!("(older entries match too: raise --limit or narrow the filter)");
    }
    Ok(())
}
