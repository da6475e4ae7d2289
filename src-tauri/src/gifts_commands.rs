//! Tauri commands of the Gifts and Cards screens: the gift catalogue, the gift
//! rules with their live preview, the month's spending, the cards to write and
//! their templates, and the plans shown on orders and profiles.

use crate::error::AppError;
use crate::state::AppState;
use courtesy_core::gifts::{GiftPlan, GiftPolicy};
use courtesy_core::ErrorCode;
use courtesy_store::{CardTemplate, CardView, GiftInput, GiftPlanCounts, GiftView, OrderGiftPlan};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

/// The gift catalogue with stock, planned units and the low-stock flag.
#[tauri::command]
pub async fn gifts_list(state: State<'_, AppState>) -> Result<Vec<GiftView>, AppError> {
    state.with_store(|s| s.gifts()).await
}

/// Adds a gift to the catalogue.
#[tauri::command]
pub async fn add_gift(state: State<'_, AppState>, gift: GiftInput) -> Result<GiftView, AppError> {
    state.with_desk(move |d| d.add_gift(&gift)).await
}

/// Changes a gift.
#[tauri::command]
pub async fn update_gift(
    state: State<'_, AppState>,
    id: i64,
    gift: GiftInput,
) -> Result<GiftView, AppError> {
    state.with_desk(move |d| d.update_gift(id, &gift)).await
}

/// The gift rules, budgets and no-repeat months.
#[tauri::command]
pub async fn gift_policy(state: State<'_, AppState>) -> Result<GiftPolicy, AppError> {
    state.with_store(|s| s.gift_policy()).await
}

/// Saves the gift policy, then plans gifts for the new orders under it.
#[tauri::command]
pub async fn save_gift_policy(
    state: State<'_, AppState>,
    policy: GiftPolicy,
) -> Result<GiftPolicy, AppError> {
    state.with_desk(move |d| d.save_gift_policy(&policy)).await
}

/// Plans gifts for the new paid orders now.
#[tauri::command]
pub async fn plan_gifts(state: State<'_, AppState>) -> Result<GiftPlanCounts, AppError> {
    state.with_desk(|d| d.plan_gifts()).await
}

/// What an order would get under `policy` (the saved one when null), and why.
#[tauri::command]
pub async fn preview_gifts(
    state: State<'_, AppState>,
    order_id: i64,
    policy: Option<GiftPolicy>,
) -> Result<GiftPlan, AppError> {
    state
        .with_store(move |s| s.preview_gifts(order_id, policy.as_ref()))
        .await
}

/// The order's gift plan, if any.
#[tauri::command]
pub async fn order_gift_plan(
    state: State<'_, AppState>,
    order_id: i64,
) -> Result<Option<OrderGiftPlan>, AppError> {
    state.with_store(move |s| s.order_gift_plan(order_id)).await
}

/// A customer's gifts, planned and past, with their cards.
#[tauri::command]
pub async fn customer_gifts(
    state: State<'_, AppState>,
    customer_id: i64,
) -> Result<Vec<OrderGiftPlan>, AppError> {
    state
        .with_store(move |s| s.customer_gifts(customer_id))
        .await
}

/// The cards to write by hand.
#[tauri::command]
pub async fn cards_to_write(state: State<'_, AppState>) -> Result<Vec<CardView>, AppError> {
    state.with_store(|s| s.cards_to_write()).await
}

/// Replaces a card's text.
#[tauri::command]
pub async fn edit_card_text(
    state: State<'_, AppState>,
    card_id: i64,
    text: String,
) -> Result<CardView, AppError> {
    state
        .with_desk(move |d| d.edit_card_text(card_id, &text))
        .await
}

/// Marks a card written.
#[tauri::command]
pub async fn mark_card_written(
    state: State<'_, AppState>,
    card_id: i64,
) -> Result<CardView, AppError> {
    state.with_desk(move |d| d.mark_card_written(card_id)).await
}

/// Every card template, the owner's where saved.
#[tauri::command]
pub async fn card_templates(state: State<'_, AppState>) -> Result<Vec<CardTemplate>, AppError> {
    state.with_store(|s| s.card_templates()).await
}

/// Saves one card template.
#[tauri::command]
pub async fn save_card_template(
    state: State<'_, AppState>,
    template: CardTemplate,
) -> Result<CardTemplate, AppError> {
    state
        .with_desk(move |d| d.save_card_template(&template))
        .await
}

/// Prints the sheet of the cards to write on `printer` (else the desk's printer,
/// else the system default); the printer it went to.
#[tauri::command]
pub async fn print_card_sheet(
    state: State<'_, AppState>,
    printer: Option<String>,
) -> Result<String, AppError> {
    state
        .with_desk(move |d| d.print_card_sheet(printer.as_deref()))
        .await
}

/// Saves the sheet of the cards to write as a PDF where the person chooses; the
/// path, or null when the dialog was cancelled.
#[tauri::command]
pub async fn save_card_sheet(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let pdf = state.with_desk(|d| d.card_sheet()).await?;
    tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = app
            .dialog()
            .file()
            .set_file_name("cards.pdf")
            .add_filter("PDF", &["pdf"])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok())
        else {
            return Ok(None);
        };
        std::fs::write(&path, pdf).map_err(|e| AppError::file(ErrorCode::FileWrite, &path, &e))?;
        Ok(Some(path.display().to_string()))
    })
    .await
    .map_err(AppError::task)?
}

/// What this month's gifts cost so far, per currency.
#[tauri::command]
pub async fn gift_spending(
    state: State<'_, AppState>,
) -> Result<Vec<courtesy_core::Money>, AppError> {
    state.with_desk(|d| d.gift_spending()).await
}

/// Plans a gift for an order chosen by hand (the "manual" rule applies to it);
/// the order's plan afterwards.
#[tauri::command]
pub async fn plan_gift_for_order(
    state: State<'_, AppState>,
    order_id: i64,
) -> Result<Option<OrderGiftPlan>, AppError> {
    state
        .with_desk(move |d| d.plan_gift_for_order(order_id))
        .await
}
