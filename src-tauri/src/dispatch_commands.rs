//! Tauri commands of the slips batch and the dispatch desk: each reads the
//! desk's settings, calls `courtesy-dispatch` or the store, maps the error.

use crate::error::AppError;
use crate::state::AppState;
use courtesy_core::ErrorCode;
use courtesy_desk::Packed;
use courtesy_dispatch::{system_printers, PageSize, SlipsPrinted, SystemPrinter};
use courtesy_store::{ScanResult, SlipFilter, SlipOrder};
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

/// The slip size the UI asked for, if it asked.
fn slip_size(code: Option<String>) -> Result<Option<PageSize>, AppError> {
    code.map(|c| {
        c.parse::<PageSize>()
            .map_err(|_| AppError::because(ErrorCode::Invalid, format!("'{c}' is not a slip size")))
    })
    .transpose()
}

fn done(d: SlipsPrinted, file: Option<String>) -> SlipsDone {
    SlipsDone {
        slips: d.slips,
        copies: d.copies,
        printer: d.printer,
        file,
    }
}

/// The printers this computer offers, the default first.
#[tauri::command]
pub async fn list_printers() -> Result<Vec<SystemPrinter>, AppError> {
    tauri::async_runtime::spawn_blocking(system_printers)
        .await
        .map_err(AppError::task)
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
    let size = slip_size(size)?;
    state
        .with_desk(move |d| d.print_slips(&filter, size, printer.as_deref()))
        .await
        .map(|printed| done(printed, None))
}

/// Saves a batch as one PDF where the person chooses; null when cancelled.
#[tauri::command]
pub async fn save_slip_batch(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: SlipFilter,
    size: Option<String>,
) -> Result<Option<SlipsDone>, AppError> {
    let size = slip_size(size)?;
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_file_name("packing-slips.pdf")
            .add_filter("PDF", &["pdf"])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok())
    })
    .await
    .map_err(AppError::task)?;
    let Some(target) = chosen else {
        return Ok(None);
    };
    let file = target.display().to_string();
    state
        .with_desk(move |d| d.save_slips(&filter, size, &target))
        .await
        .map(|printed| Some(done(printed, Some(file))))
}

/// What a scanned or typed code is at the dispatch desk.
#[tauri::command]
pub async fn dispatch_scan(
    state: State<'_, AppState>,
    code: String,
) -> Result<ScanResult, AppError> {
    state.with_desk(move |d| d.scan(&code)).await
}

/// Marks an order packed; prints its slip on the desk's printer if it has none.
#[tauri::command]
pub async fn dispatch_pack(state: State<'_, AppState>, order_id: i64) -> Result<Packed, AppError> {
    state.with_desk(move |d| d.pack(order_id)).await
}

/// Lets the person pick a PNG or JPEG as the shop's logo; false when cancelled.
#[tauri::command]
pub async fn choose_shop_logo(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<bool, AppError> {
    let bytes = tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = app
            .dialog()
            .file()
            .add_filter("Image", &["png", "jpg", "jpeg"])
            .blocking_pick_file()
            .and_then(|f| f.into_path().ok())
        else {
            return Ok(None);
        };
        std::fs::read(&path)
            .map(Some)
            .map_err(|e| AppError::file(ErrorCode::SettingsIo, &path, &e))
    })
    .await
    .map_err(AppError::task)??;
    let Some(bytes) = bytes else {
        return Ok(false);
    };
    state.with_desk(move |d| d.set_shop_logo(&bytes)).await?;
    Ok(true)
}

/// Removes the shop's logo.
#[tauri::command]
pub async fn clear_shop_logo(state: State<'_, AppState>) -> Result<(), AppError> {
    state.with_desk(|d| d.clear_shop_logo()).await
}

/// Whether the shop has a logo, and its size in bytes.
#[tauri::command]
pub async fn shop_logo_size(state: State<'_, AppState>) -> Result<Option<usize>, AppError> {
    state
        .with_store(|s| s.shop_logo().map(|l| l.map(|b| b.len())))
        .await
}
