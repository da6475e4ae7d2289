//! On Linux the page runs in WebKit's separate web process. Should that process
//! die (a crash, or the system reclaiming memory), WebKitGTK leaves the window
//! blank; Courtesy reloads the page instead, so the desk keeps working. Nothing
//! is lost: every edit is saved to the database as it is made.

/// Reloads `window`'s page whenever its web process ends.
#[cfg(target_os = "linux")]
pub fn reload_when_the_page_dies(window: &tauri::WebviewWindow) {
    use webkit2gtk::WebViewExt;
    let _ = window.with_webview(|webview| {
        webview
            .inner()
            .connect_web_process_terminated(|view, reason| {
                eprintln!(
                    "warning: the window's web process ended ({reason:?}); reloading the page"
                );
                view.reload();
            });
    });
}

/// Elsewhere the system webview restarts its own processes.
#[cfg(not(target_os = "linux"))]
pub fn reload_when_the_page_dies(_window: &tauri::WebviewWindow) {}
