//! Generates the Tauri context and one `allow-<command>` permission per app command,
//! so the capability file grants exactly the commands the UI uses.

const COMMANDS: &[&str] = &[
    "app_info",
    "list_customers",
    "search_customers",
    "customer_profile",
    "edit_customer",
    "get_settings",
    "save_settings",
    "load_demo_shop",
    "startup_import_path",
    "pick_import_file",
    "preview_import",
    "mapping_fields_list",
    "run_import",
    "cancel_import",
    "import_problems",
    "save_import_problems",
    "list_printers",
    "shipping_methods",
    "slip_batch",
    "print_slip_batch",
    "save_slip_batch",
    "dispatch_scan",
    "dispatch_pack",
    "choose_shop_logo",
    "clear_shop_logo",
    "shop_logo_size",
    "calls_today",
    "call_card",
    "record_call",
    "call_policy",
    "save_call_policy",
    "call_scripts",
    "save_call_scripts",
    "plan_call",
    "coming_occasions",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
