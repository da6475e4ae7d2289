//! A batch of slips: the chosen orders rendered into one PDF, then printed or
//! saved, and only then logged — a slip that never came out is not "printed".

use crate::error::DispatchError;
use crate::printing::print_pdf;
use crate::slip_data::{slip_data, SlipSettings};
use courtesy_slip::{render, PageSize};
use courtesy_store::{Actor, SlipDestination, SlipFilter, Store};
use std::path::Path;

/// Slips drawn for a choice of orders.
#[derive(Debug, Clone)]
pub struct RenderedSlips {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The orders in the PDF, in page order.
    pub order_ids: Vec<i64>,
}

/// What a printed or saved batch came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipsPrinted {
    /// How many slips (orders).
    pub slips: usize,
    /// How many of them were reprints (copies).
    pub copies: usize,
    /// The printer, for printed batches.
    pub printer: Option<String>,
    /// The job id, for printed batches.
    pub job: Option<String>,
}

/// Renders the slips of the orders `filter` chooses, in its order.
pub fn render_slips(
    store: &Store,
    filter: &SlipFilter,
    size: PageSize,
) -> Result<RenderedSlips, DispatchError> {
    let orders = store.slip_orders(filter)?;
    if orders.is_empty() {
        return Err(DispatchError::NoOrders);
    }
    let shop = SlipSettings::load(store)?;
    let ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
    let plans = store.gift_plans_for_orders(&ids)?;
    let slips: Vec<_> = orders
        .iter()
        .map(|o| slip_data(o, plans.get(&o.id), &shop))
        .collect();
    Ok(RenderedSlips {
        pdf: render(&slips, size)?,
        order_ids: orders.iter().map(|o| o.id).collect(),
    })
}

fn summary(copies: &[i64], printer: Option<String>, job: Option<String>) -> SlipsPrinted {
    SlipsPrinted {
        slips: copies.len(),
        copies: copies.iter().filter(|&&c| c > 0).count(),
        printer,
        job,
    }
}

/// Prints the chosen slips on `printer` (the system default when `None`)
/// and logs each one.
pub fn print_slips(
    store: &Store,
    filter: &SlipFilter,
    size: PageSize,
    printer: Option<&str>,
    actor: &Actor,
) -> Result<SlipsPrinted, DispatchError> {
    let slips = render_slips(store, filter, size)?;
    let title = format!("Courtesy packing slips ({})", slips.order_ids.len());
    let sent = print_pdf(printer, &title, &slips.pdf, size)?;
    let copies = store.record_slip_prints(
        &slips.order_ids,
        &SlipDestination::Printer {
            printer: sent.printer.clone(),
            job: sent.job.clone(),
        },
        size,
        actor,
    )?;
    Ok(summary(&copies, Some(sent.printer), Some(sent.job)))
}

/// Saves the chosen slips as one PDF at `path` and logs each one.
pub fn save_slips(
    store: &Store,
    filter: &SlipFilter,
    size: PageSize,
    path: &Path,
    actor: &Actor,
) -> Result<SlipsPrinted, DispatchError> {
    let slips = render_slips(store, filter, size)?;
    let io = |source| DispatchError::Io {
        path: path.to_path_buf(),
        source,
    };
    let tmp = path.with_extension("pdf.part");
    std::fs::write(&tmp, &slips.pdf).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)?;
    let copies = store.record_slip_prints(&slips.order_ids, &SlipDestination::File, size, actor)?;
    Ok(summary(&copies, None, None))
}
