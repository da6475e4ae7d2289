//! Courtesy's desktop shell. It only translates: Tauri commands in, crate calls,
//! `{code, message}` errors out. No SQL and no business rules live here.
#![deny(missing_docs)]

pub mod backups_commands;
pub mod bindings;
pub mod calls_commands;
mod change_watch;
/// The app's commands by name: the one list the build, the capability file, the
/// handler and the UI's backend are checked against.
pub mod command_table;
pub mod commands;
pub mod customer_care_commands;
pub mod database_commands;
pub mod dispatch_commands;
pub mod error;
pub mod freed_memory;
pub mod gifts_commands;
pub mod import_commands;
pub mod shop_commands;
pub mod state;
pub mod sync_scheduler;

#[cfg(test)]
mod wire_contract;

use state::AppState;

/// Starts the app on the database from `--db`, `COURTESY_DB` or the app-data folder.
pub fn run() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let explicit = state::path_arg(args.clone(), "db");
    let startup_import = state::import_arg(args);
    let db_path = courtesy_store::resolve_db_path(explicit)
        .unwrap_or_else(|| std::path::PathBuf::from("courtesy.sqlite"));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::open(db_path, startup_import))
        .setup(|app| {
            if let Some(window) = tauri::Manager::get_webview_window(app, "main") {
                courtesy_webview::set_up(&window);
            }
            let state = tauri::Manager::state::<AppState>(app);
            state::refresh_calls_in_background(state.inner());
            backups_commands::start_daily_backups(state.inner());
            if let Ok(store) = &state.store {
                change_watch::start(app.handle().clone(), store.clone());
            }
            let scheduler =
                sync_scheduler::SyncScheduler::start(app.handle().clone(), state.sync_world());
            tauri::Manager::manage(app, scheduler);
            Ok(())
        })
        .on_window_event(|window, event| {
            // A file dropped anywhere on the window goes to the Import screen.
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                if let Some(path) = paths.first() {
                    let _ =
                        tauri::Emitter::emit(window, "file-dropped", path.display().to_string());
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::startup_painted,
            commands::list_customers,
            commands::search_customers,
            commands::customer_profile,
            commands::edit_customer,
            commands::get_settings,
            commands::save_settings,
            commands::load_demo_shop,
            import_commands::startup_import_path,
            import_commands::pick_import_file,
            import_commands::preview_import,
            import_commands::mapping_fields_list,
            import_commands::run_import,
            import_commands::cancel_import,
            import_commands::import_problems,
            import_commands::save_import_problems,
            dispatch_commands::list_printers,
            dispatch_commands::shipping_methods,
            dispatch_commands::slip_batch,
            dispatch_commands::print_slip_batch,
            dispatch_commands::save_slip_batch,
            dispatch_commands::dispatch_scan,
            dispatch_commands::dispatch_pack,
            dispatch_commands::choose_shop_logo,
            dispatch_commands::clear_shop_logo,
            dispatch_commands::shop_logo_size,
            calls_commands::calls_today,
            calls_commands::call_card,
            calls_commands::claim_call,
            calls_commands::release_call,
            calls_commands::record_call,
            calls_commands::call_policy,
            calls_commands::save_call_policy,
            calls_commands::call_scripts,
            calls_commands::save_call_scripts,
            calls_commands::plan_call,
            calls_commands::coming_occasions,
            gifts_commands::gifts_list,
            gifts_commands::add_gift,
            gifts_commands::update_gift,
            gifts_commands::gift_policy,
            gifts_commands::save_gift_policy,
            gifts_commands::plan_gifts,
            gifts_commands::preview_gifts,
            gifts_commands::order_gift_plan,
            gifts_commands::customer_gifts,
            gifts_commands::cards_to_write,
            gifts_commands::edit_card_text,
            gifts_commands::mark_card_written,
            gifts_commands::card_templates,
            gifts_commands::save_card_template,
            gifts_commands::print_card_sheet,
            gifts_commands::save_card_sheet,
            gifts_commands::gift_spending,
            gifts_commands::plan_gift_for_order,
            shop_commands::shops_overview,
            shop_commands::add_shop,
            shop_commands::remove_shop,
            shop_commands::set_shop_secrets,
            shop_commands::test_shop,
            shop_commands::sync_now,
            shop_commands::cancel_sync,
            shop_commands::sync_status,
            database_commands::database_setup,
            database_commands::check_database_server,
            database_commands::use_database_server,
            database_commands::move_shop_to_server,
            database_commands::use_own_database_file,
            database_commands::restart_app,
            backups_commands::backups_overview,
            backups_commands::back_up_now,
            backups_commands::pick_backup_file,
            backups_commands::restore_backup,
            backups_commands::choose_backup_folder,
            backups_commands::reset_backup_folder,
            customer_care_commands::export_customer,
            customer_care_commands::erasure_preview,
            customer_care_commands::erase_customer,
            customer_care_commands::duplicate_customers,
            customer_care_commands::dismiss_duplicate,
            customer_care_commands::merge_customers,
            customer_care_commands::last_merge,
            customer_care_commands::undo_last_merge,
            customer_care_commands::history,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("error: Courtesy could not start: {e}");
            std::process::exit(1);
        });
}
