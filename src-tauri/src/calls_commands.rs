//! Tauri commands of the Today screen and the call screen: the queue, one call's
//! card, recording an attempt, and the owner's policy and scripts.

use crate::error::AppError;
use crate::state::AppState;
use courtesy_core::calls::{CallPolicy, CallScripts};
use courtesy_core::ErrorCode;
use courtesy_store::{AttemptInput, AttemptResult, CallCard, CallListItem, CustomerOccasion};
use tauri::State;

/// Refreshes the queue, then lists up to `limit` calls to make now.
#[tauri::command]
pub async fn calls_today(
    state: State<'_, AppState>,
    limit: u32,
) -> Result<Vec<CallListItem>, AppError> {
    state
        .with_desk(move |d| d.calls_today(limit as usize))
        .await
}

/// The call screen's card: call, customer and script.
#[tauri::command]
pub async fn call_card(state: State<'_, AppState>, call_id: i64) -> Result<CallCard, AppError> {
    state.with_desk(move |d| d.call_card(call_id)).await
}

/// Claims a call for this desk while it is open on the call screen (the
/// screen claims again to renew): other desks show who is on it.
#[tauri::command]
pub async fn claim_call(state: State<'_, AppState>, call_id: i64) -> Result<(), AppError> {
    state.with_desk(move |d| d.claim_call(call_id)).await
}

/// Lets go of this desk's claim on a call left without an attempt.
#[tauri::command]
pub async fn release_call(state: State<'_, AppState>, call_id: i64) -> Result<(), AppError> {
    state.with_desk(move |d| d.release_call(call_id)).await
}

/// Records one attempt on a call and applies the policy.
#[tauri::command]
pub async fn record_call(
    state: State<'_, AppState>,
    call_id: i64,
    attempt: AttemptInput,
) -> Result<AttemptResult, AppError> {
    state
        .with_desk(move |d| d.record_call(call_id, &attempt))
        .await
}

/// The call policy.
#[tauri::command]
pub async fn call_policy(state: State<'_, AppState>) -> Result<CallPolicy, AppError> {
    state.with_store(|s| s.call_policy()).await
}

/// Saves the call policy and refreshes the queue under it.
#[tauri::command]
pub async fn save_call_policy(
    state: State<'_, AppState>,
    policy: CallPolicy,
) -> Result<CallPolicy, AppError> {
    state.with_desk(move |d| d.save_call_policy(&policy)).await
}

/// The call scripts, every kind and language filled in.
#[tauri::command]
pub async fn call_scripts(state: State<'_, AppState>) -> Result<CallScripts, AppError> {
    state.with_store(|s| s.call_scripts()).await
}

/// Saves the owner's call scripts.
#[tauri::command]
pub async fn save_call_scripts(
    state: State<'_, AppState>,
    scripts: CallScripts,
) -> Result<CallScripts, AppError> {
    state
        .with_desk(move |d| d.save_call_scripts(&scripts))
        .await
}

/// Queues a call to a customer by hand, due at `due_at` (RFC 3339).
#[tauri::command]
pub async fn plan_call(
    state: State<'_, AppState>,
    customer_id: i64,
    due_at: String,
) -> Result<i64, AppError> {
    let due = chrono::DateTime::parse_from_rfc3339(&due_at)
        .map_err(|e| {
            AppError::because(ErrorCode::Invalid, format!("'{due_at}' is not a time: {e}"))
        })?
        .with_timezone(&chrono::Utc);
    state
        .with_desk(move |d| d.plan_call(customer_id, due))
        .await
}

/// Customers' birthdays and name days from today to `days` days ahead.
#[tauri::command]
pub async fn coming_occasions(
    state: State<'_, AppState>,
    days: u32,
) -> Result<Vec<CustomerOccasion>, AppError> {
    state.with_desk(move |d| d.coming_occasions(days)).await
}
