//! Slips and the packing bench: a batch printed or saved in the size the
//! settings give unless another is asked for, on the desk's printer unless
//! another is chosen; an order packed with its slip printed if it never was.

use crate::desk::Desk;
use crate::error::DeskError;
use courtesy_dispatch::{
    pack_order, print_slips, save_slips, PageSize, SlipOnPacking, SlipsPrinted,
};
use courtesy_store::{ScanResult, SlipFilter, SlipOrder};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// What happened to an order's slip when it was packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SlipOutcome {
    /// A slip had been printed before.
    AlreadyPrinted,
    /// Printed now.
    Printed,
    /// Printing failed; the order is packed all the same.
    NotPrinted,
}

/// An order packed at the bench.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Packed {
    /// The order as it is now.
    pub order: SlipOrder,
    /// What happened to its slip.
    pub slip: SlipOutcome,
    /// Where it was printed.
    pub printer: Option<String>,
    /// Why it was not printed.
    pub reason: Option<String>,
}

impl Desk<'_> {
    /// The slip size `asked` for, else the settings'.
    pub fn slip_size(&self, asked: Option<PageSize>) -> Result<PageSize, DeskError> {
        match asked {
            Some(size) => Ok(size),
            None => Ok(self.store.settings()?.slip_size),
        }
    }

    /// Prints the chosen slips in `size` (the settings' when `None`) on
    /// `printer`, else the desk's, else the system's default.
    pub fn print_slips(
        &self,
        filter: &SlipFilter,
        size: Option<PageSize>,
        printer: Option<&str>,
    ) -> Result<SlipsPrinted, DeskError> {
        let size = self.slip_size(size)?;
        let desk_printer = self.store.settings()?.desk_printer;
        let printer = printer.or(desk_printer.as_deref());
        Ok(print_slips(
            self.store,
            filter,
            size,
            printer,
            &self.actor(),
        )?)
    }

    /// Saves the chosen slips in `size` (the settings' when `None`) as one PDF.
    pub fn save_slips(
        &self,
        filter: &SlipFilter,
        size: Option<PageSize>,
        target: &Path,
    ) -> Result<SlipsPrinted, DeskError> {
        let size = self.slip_size(size)?;
        Ok(save_slips(self.store, filter, size, target, &self.actor())?)
    }

    /// What a scanned code is at the bench.
    pub fn scan(&self, code: &str) -> Result<ScanResult, DeskError> {
        Ok(self.store.scan(code)?)
    }

    /// Marks the order packed and prints its slip on the desk's printer, in the
    /// settings' size, if it never had one.
    pub fn pack(&self, order_id: i64) -> Result<Packed, DeskError> {
        let size = self.slip_size(None)?;
        let printer = self.store.settings()?.desk_printer;
        let out = pack_order(
            self.store,
            order_id,
            size,
            printer.as_deref(),
            &self.actor(),
        )?;
        let (slip, printer, reason) = match out.slip {
            SlipOnPacking::AlreadyPrinted => (SlipOutcome::AlreadyPrinted, None, None),
            SlipOnPacking::Printed { printer } => (SlipOutcome::Printed, Some(printer), None),
            SlipOnPacking::NotPrinted { reason } => (SlipOutcome::NotPrinted, None, Some(reason)),
        };
        Ok(Packed {
            order: out.order,
            slip,
            printer,
            reason,
        })
    }
}
