//! Courtesy's desktop shell. It only translates: Tauri commands in, crate calls,
//! `{code, message}` errors out. No SQL and no business rules live here.
#![deny(missing_docs)]

pub mod bindings;
pub mod commands;
pub mod error;
pub mod state;

use state::AppState;

/// Starts the app on the database from `--db`, `COURTESY_DB` or the app-data folder.
pub fn run() {
    let explicit = state::db_arg(std::env::args().skip(1));
    let db_path = courtesy_store::resolve_db_path(explicit)
        .unwrap_or_else(|| std::path::PathBuf::from("courtesy.sqlite"));
    tauri::Builder::default()
        .manage(AppState::open(db_path))
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_customers,
            commands::search_customers,
            commands::customer_profile,
            commands::edit_customer,
            commands::get_settings,
            commands::save_settings,
            commands::load_demo_shop,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("error: Courtesy could not start: {e}");
            std::process::exit(1);
        });
}
