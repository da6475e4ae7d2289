//! Tauri commands of the customers and settings screens: each parses its
//! arguments, calls one desk workflow or one store read, maps the error.

use crate::error::AppError;
use crate::state::AppState;
use crate::sync_scheduler::SyncScheduler;
use courtesy_desk::DemoLoaded;
use courtesy_store::{CustomerEdit, CustomerListItem, CustomerPage, CustomerProfile, Settings};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// What the app shows about itself and its database.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// App version.
    pub version: String,
    /// Where the open database is: its file, or the server's URL without the
    /// password.
    pub db_path: String,
    /// Whether it is on a PostgreSQL server (else an SQLite file).
    pub on_server: bool,
    /// Its schema version.
    #[ts(type = "number")]
    pub schema_version: i64,
    /// Customers in it.
    #[ts(type = "number")]
    pub customer_count: i64,
    /// The system's language as a BCP 47 tag (`pl-PL`), which the UI speaks
    /// until a language is chosen; none when the system does not say.
    pub system_language: Option<String>,
}

/// The page's word that its first screen (`customers`, `welcome`, `import`
/// or `error`) is painted. With `COURTESY_STARTUP_REPORT` set, the moment and
/// the screen go to standard output for the start-up figures
/// (`bench/startup/run.sh`); otherwise nothing is recorded.
#[tauri::command]
pub fn startup_painted(screen: String) {
    if std::env::var_os("COURTESY_STARTUP_REPORT").is_some() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        println!("first-paint-epoch-ms {} {screen}", now.as_millis());
    }
}

/// App version, database path and size; fails with the open error if the database could not open.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    let (db_path, on_server, schema_version, customer_count) = state
        .with_store(|s| {
            Ok::<_, courtesy_store::StoreError>((
                s.location(),
                s.is_server(),
                s.schema()?,
                s.customer_count()?,
            ))
        })
        .await?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path,
        on_server,
        schema_version,
        customer_count,
        system_language: sys_locale::get_locale(),
    })
}

/// A window of the customer list.
#[tauri::command]
pub async fn list_customers(
    state: State<'_, AppState>,
    offset: i64,
    limit: i64,
) -> Result<CustomerPage, AppError> {
    state
        .with_store(move |s| s.list_customers(offset, limit))
        .await
}

/// Customers matching the search text.
#[tauri::command]
pub async fn search_customers(
    state: State<'_, AppState>,
    query: String,
    limit: i64,
) -> Result<Vec<CustomerListItem>, AppError> {
    state
        .with_store(move |s| s.search_customers(&query, limit))
        .await
}

/// One customer's profile.
#[tauri::command]
pub async fn customer_profile(
    state: State<'_, AppState>,
    id: i64,
) -> Result<CustomerProfile, AppError> {
    state.with_store(move |s| s.customer_profile(id)).await
}

/// Saves staff edits to a profile.
#[tauri::command]
pub async fn edit_customer(
    state: State<'_, AppState>,
    id: i64,
    edit: CustomerEdit,
) -> Result<CustomerProfile, AppError> {
    state.with_desk(move |d| d.edit_customer(id, &edit)).await
}

/// The settings.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, AppError> {
    state.with_store(|s| s.settings()).await
}

/// Saves the settings.
#[tauri::command]
pub async fn save_settings(
    state: State<'_, AppState>,
    sync: State<'_, SyncScheduler>,
    settings: Settings,
) -> Result<Settings, AppError> {
    let saved = state.with_desk(move |d| d.save_settings(&settings)).await?;
    sync.reschedule();
    Ok(saved)
}

/// Fills an empty database with the demo shop and its weeks of aftercare.
#[tauri::command]
pub async fn load_demo_shop(state: State<'_, AppState>) -> Result<DemoLoaded, AppError> {
    state
        .with_desk(|d| {
            d.load_demo(
                courtesy_demo::DEFAULT_SEED,
                courtesy_demo::Scale::DEMO,
                None,
                false,
            )
        })
        .await
}
