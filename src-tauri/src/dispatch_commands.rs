//! Tauri commands of the slips batch and the dispatch desk: each reads the
//! desk's settings, calls `courtesy-dispatch` or the store, maps the error.

use crate::error::AppError;
use crate::state::{desk_actor, staff_actor, AppState};
use courtesy_dispatch::{
    pack_order, print_slips, save_slips, system_printers, PageSize, SlipOnPacking, SlipsPrinted,
    SystemPrinter,
};
use courtesy_store::{ScanResult, SlipFilter, SlipOrder, Store};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// A batch of slips printed or saved.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SlipsDone {
    /// Slips in the batch.
    #[ts(type = "number")]
    pub slips: usize,
    /// How many were reprints.
    #[ts(type = "number")]
    pub copies: usize,
    /// The printer, when printed.
    pub printer: Option<String>,
    /// The file, when saved.
    pub file: Option<String>,
}

/// An order packed at the desk, and what became of its slip.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Packed {
    /// The order as it is now.
    pub order: SlipOrder,
    /// `alreadyPrinted`, `printed` or `notPrinted`.
    pub slip: String,
    /// The printer it went to, when printed now.
    pub printer: Option<String>,
    /// Why it was not printed.
    pub reason: Option<String>,
}

fn done(d: SlipsPrinted, file: Option<String>) -> SlipsDone {
    SlipsDone {
        slips: d.slips,
        copies: d.copies,
        printer: d.printer,
        file,
    }
}

/// The page size to use: the one asked for, else the desk's setting.
fn page_size(store: &Store, asked: Option<String>) -> Result<PageSize, AppError> {
    let code = match asked {
        Some(code) => code,
        None => store.settings()?.slip_size,
    };
    code.parse::<PageSize>()
        .map_err(|_| AppError::new("invalid", format!("'{code}' is not a slip size")))
}

/// The printers this computer offers, the default first.
#[tauri::command]
pub async fn list_printers() -> Result<Vec<SystemPrinter>, AppError> {
    tauri::async_runtime::spawn_blocking(system_printers)
        .await
        .map_err(|e| AppError::new("app.task_failed", e.to_string()))
}

/// The shipping methods in use, most used first.
#[tauri::command]
pub async fn shipping_methods(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    state.with_store(|s| s.shipping_methods()).await
}

/// The orders a batch would take, in batch order.
#[tauri::command]
pub async fn slip_batch(
    state: State<'_, AppState>,
    filter: SlipFilter,
) -> Result<Vec<SlipOrder>, AppError> {
    state.with_store(move |s| s.slip_orders(&filter)).await
}

/// Prints a batch on `printer` (the desk's printer, else the system default).
#[tauri::command]
pub async fn print_slip_batch(
    state: State<'_, AppState>,
    filter: SlipFilter,
    size: Option<String>,
    printer: Option<String>,
) -> Result<SlipsDone, AppError> {
    state
        .with_store(move |s| {
            let size = page_size(s, size)?;
            let printer = printer.or(s.settings()?.desk_printer);
            print_slips(s, &filter, size, printer.as_deref(), &desk_actor())
                .map(|d| done(d, None))
                .map_err(AppError::from)
        })
        .await
}

/// Saves a batch as one PDF where the person chooses; null when cancelled.
#[tauri::command]
pub async fn save_slip_batch(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: SlipFilter,
    size: Option<String>,
) -> Result<Option<SlipsDone>, AppError> {
    let store = state.store.clone()?;
    tauri::async_runtime::spawn_blocking(move || {
        let size = page_size(&store, size)?;
        let Some(target) = app
            .dialog()
            .file()
            .set_file_name("packing-slips.pdf")
            .add_filter("PDF", &["pdf"])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok())
        else {
            return Ok(None);
        };
        let d = save_slips(&store, &filter, size, &target, &desk_actor())?;
        Ok(Some(done(d, Some(target.display().to_string()))))
    })
    .await
    .map_err(|e| AppError::new("app.task_failed", e.to_string()))?
}

/// What a scanned or typed code is at the dispatch desk.
#[tauri::command]
pub async fn dispatch_scan(
    state: State<'_, AppState>,
    code: String,
) -> Result<ScanResult, AppError> {
    state.with_store(move |s| s.scan(&code)).await
}

/// Marks an order packed; prints its slip on the desk's printer if it has none.
#[tauri::command]
pub async fn dispatch_pack(state: State<'_, AppState>, order_id: i64) -> Result<Packed, AppError> {
    state
        .with_store(move |s| {
            let size = page_size(s, None)?;
            let printer = s.settings()?.desk_printer;
            let out = pack_order(s, order_id, size, printer.as_deref(), &staff_actor(s))?;
            let (slip, printer, reason) = match out.slip {
                SlipOnPacking::AlreadyPrinted => ("alreadyPrinted", None, None),
                SlipOnPacking::Printed { printer } => ("printed", Some(printer), None),
                SlipOnPacking::NotPrinted { reason } => ("notPrinted", None, Some(reason)),
            };
            Ok::<_, AppError>(Packed {
                order: out.order,
                slip: slip.to_string(),
                printer,
                reason,
            })
        })
        .await
}

/// Lets the person pick a PNG or JPEG as the shop's logo; false when cancelled.
#[tauri::command]
pub async fn choose_shop_logo(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<bool, AppError> {
    let store = state.store.clone()?;
    tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = app
            .dialog()
            .file()
            .add_filter("Image", &["png", "jpg", "jpeg"])
            .blocking_pick_file()
            .and_then(|f| f.into_path().ok())
        else {
            return Ok(false);
        };
        let bytes = std::fs::read(&path)
            .map_err(|e| AppError::new("settings.io", format!("{}: {e}", path.display())))?;
        store.set_shop_logo(&bytes, &desk_actor())?;
        Ok(true)
    })
    .await
    .map_err(|e| AppError::new("app.task_failed", e.to_string()))?
}

/// Removes the shop's logo.
#[tauri::command]
pub async fn clear_shop_logo(state: State<'_, AppState>) -> Result<(), AppError> {
    state.with_store(|s| s.clear_shop_logo(&desk_actor())).await
}

/// Whether the shop has a logo, and its size in bytes.
#[tauri::command]
pub async fn shop_logo_size(state: State<'_, AppState>) -> Result<Option<usize>, AppError> {
    state
        .with_store(|s| s.shop_logo().map(|l| l.map(|b| b.len())))
        .await
}
