//! `courtesy gifts plan` plans gifts and cards for new paid orders under the
//! shop's gift policy; `courtesy gifts cards` lists the cards to write and, with
//! `-o`, saves the card-text sheet as a PDF.

use crate::clock_option::clock;
use crate::failure::Failure;
use clap::{Args, Subcommand};
use courtesy_desk::{Desk, DeskError};
use courtesy_store::AuditSource;
use std::path::{Path, PathBuf};

/// `courtesy gifts ...`
#[derive(Debug, Args)]
pub struct GiftsArgs {
    #[command(subcommand)]
    command: GiftsCommand,
}

#[derive(Debug, Subcommand)]
enum GiftsCommand {
    /// Plan gifts and cards for the new paid orders.
    Plan(PlanArgs),
    /// List the cards to write; `-o FILE` saves their texts as a PDF sheet.
    Cards(CardsArgs),
}

#[derive(Debug, Args)]
struct PlanArgs {
    /// Pretend it is this moment (RFC 3339, e.g. 2026-11-26T12:00:00Z).
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

#[derive(Debug, Args)]
struct CardsArgs {
    /// Save the card-text sheet here (PDF).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `courtesy gifts ...`.
pub fn run(path: &Path, args: &GiftsArgs) -> Result<(), Failure> {
    let store = crate::failure::open_existing(path)?;
    let at = match &args.command {
        GiftsCommand::Plan(plan) => plan.at.as_deref(),
        GiftsCommand::Cards(_) => None,
    };
    let clock = clock(at)?;
    let desk = Desk::new(&store, clock.as_ref(), AuditSource::Cli);
    match &args.command {
        GiftsCommand::Plan(_) => run_plan(&desk),
        GiftsCommand::Cards(cards) => run_cards(&desk, cards),
    }
}

fn run_plan(desk: &Desk<'_>) -> Result<(), Failure> {
    if desk.store().gift_policy()?.rules.is_empty() {
        println!("the gift policy has no rules yet: nothing to plan");
        return Ok(());
    }
    let counts = desk.plan_gifts()?;
    println!(
        "{} orders planned: {} gifts, {} cards",
        counts.orders, counts.gifts, counts.cards
    );
    Ok(())
}

fn run_cards(desk: &Desk<'_>, args: &CardsArgs) -> Result<(), Failure> {
    let cards = desk.store().cards_to_write()?;
    if cards.is_empty() {
        println!("no cards to write");
        return Ok(());
    }
    for c in &cards {
        println!(
            "{}  {}  [{}]",
            c.order_number,
            c.customer_name,
            c.language.code()
        );
        println!("    {}", c.text);
    }
    if let Some(out) = &args.output {
        match desk.card_sheet() {
            Ok(pdf) => {
                std::fs::write(out, pdf)
                    .map_err(|e| Failure::Usage(format!("writing {}: {e}", out.display())))?;
                println!("card sheet saved to {}", out.display());
            }
            Err(DeskError::NoCards) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
