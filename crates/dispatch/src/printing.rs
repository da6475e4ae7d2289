//! The system's printers (CUPS on Linux and macOS, the spooler on Windows,
//! through the `printers` crate) and sending a PDF to one without a dialog.

use crate::error::DispatchError;
use courtesy_slip::PageSize;
use serde::Serialize;
use std::io::Write;
use ts_rs::TS;

/// A printer the system offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SystemPrinter {
    /// The queue name to print to.
    pub name: String,
    /// What the system calls it for people.
    pub description: String,
    /// Whether it is the system's default.
    pub is_default: bool,
}

/// Where a job went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedTo {
    /// The queue.
    pub printer: String,
    /// The job id the system gave.
    pub job: String,
}

/// The printers the system offers, the default first, then by name.
pub fn system_printers() -> Vec<SystemPrinter> {
    let mut list: Vec<SystemPrinter> = printers::get_printers()
        .into_iter()
        .map(|p| SystemPrinter {
            description: if p.description.is_empty() {
                p.name.clone()
            } else {
                p.description.clone()
            },
            name: p.system_name,
            is_default: p.is_default,
        })
        .collect();
    list.sort_by(|a, b| {
        b.is_default
            .cmp(&a.is_default)
            .then_with(|| a.name.cmp(&b.name))
    });
    list
}

/// The PWG media name of a slip size, so the printer takes the right paper
/// (or label) instead of scaling the slip onto its default sheet.
pub fn media_name(size: PageSize) -> &'static str {
    match size {
        PageSize::A4 => "iso_a4_210x297mm",
        PageSize::Letter => "na_letter_8.5x11in",
        PageSize::A6 => "iso_a6_105x148mm",
        PageSize::Label4x6 => "na_index-4x6_4x6in",
    }
}

/// Sends `pdf`, drawn on `size` paper, to `printer`, or to the system default
/// when `None`.
pub fn print_pdf(
    printer: Option<&str>,
    title: &str,
    pdf: &[u8],
    size: PageSize,
) -> Result<PrintedTo, DispatchError> {
    let target = match printer {
        Some(name) => printers::get_printer_by_name(name).ok_or_else(|| {
            DispatchError::NoPrinter(format!(
                "there is no printer called {name} on this computer"
            ))
        })?,
        None => printers::get_default_printer().ok_or_else(|| {
            DispatchError::NoPrinter(
                "this computer has no default printer: choose one in Settings".to_string(),
            )
        })?,
    };
    let failed = |message: String| DispatchError::Print {
        printer: target.system_name.clone(),
        message,
    };
    // The spooler copies the file before the call returns, so the temporary
    // file may go when this function ends.
    let mut file = tempfile::Builder::new()
        .prefix("courtesy-slips-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| failed(e.to_string()))?;
    file.write_all(pdf)
        .and_then(|()| file.flush())
        .map_err(|e| failed(e.to_string()))?;
    let path = file.path().to_string_lossy().into_owned();
    let options = printers::common::base::job::PrinterJobOptions {
        name: Some(title),
        raw_properties: &[
            ("document-format", "application/pdf"),
            ("media", media_name(size)),
        ],
        ..printers::common::base::job::PrinterJobOptions::none()
    };
    let job = target
        .print_file(&path, options)
        .map_err(|e| failed(e.message.clone()))?;
    Ok(PrintedTo {
        printer: target.system_name.clone(),
        job: job.to_string(),
    })
}
