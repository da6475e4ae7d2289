//! An empty Tauri 2 + Svelte app: one window whose page says hello. Its web view
//! is set up by the same `courtesy-webview` call as Courtesy's (or left to
//! Tauri's defaults with `COURTESY_FLOOR_TAURI_DEFAULTS` set), and it reports
//! its first paint the way Courtesy does, so `bench/startup/run.sh` can set the
//! two side by side.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Prints the wall-clock moment the page has painted its first screen.
#[cfg(feature = "custom-protocol")]
#[tauri::command]
fn startup_painted() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    println!("first-paint-epoch-ms {} hello", now.as_millis());
}

/// Without its page built in, the empty app has nothing to show.
#[cfg(not(feature = "custom-protocol"))]
fn main() {
    eprintln!("the empty app is built by bench/startup/run.sh (its page, then --features custom-protocol)");
    std::process::exit(2);
}

#[cfg(feature = "custom-protocol")]
fn main() {
    // Set up as Courtesy's window is, unless the figures ask for Tauri's defaults.
    let defaults = std::env::var_os("COURTESY_FLOOR_TAURI_DEFAULTS").is_some();
    tauri::Builder::default()
        .setup(move |app| {
            if let (false, Some(window)) =
                (defaults, tauri::Manager::get_webview_window(app, "main"))
            {
                courtesy_webview::set_up(&window);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![startup_painted])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("error: the empty app could not start: {e}");
            std::process::exit(1);
        });
}
