//! How Courtesy sets up its window's web view for the computer it runs on.
//! On Linux the web view is WebKitGTK.
//!
//! The page runs in WebKit's separate web process. Should that process die (a
//! crash, or the system reclaiming memory), WebKitGTK leaves the window blank;
//! Courtesy reloads the page instead, so the desk keeps working. Nothing is
//! lost: every edit is saved to the database as it is made.
//!
//! Where the computer has no GPU to draw with (no DRI render node: a virtual
//! machine, a remote desktop, a display server without graphics drivers),
//! WebKit's accelerated compositing would run OpenGL on the CPU through Mesa's
//! llvmpipe: every layer of the page kept as textures, drawn by a software GPU.
//! Painting the page directly is as smooth there and takes about 100 MB less
//! memory, so the web view is told to paint in software. With a GPU, WebKit's
//! own choice stands.

use std::path::Path;

/// Whether `dri` (normally `/dev/dri`) holds a render node, the device a GPU
/// draws through.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Sets up `window`'s web view: software painting without a GPU, and a reload
/// whenever its web process ends.
#[cfg(target_os = "linux")]
pub fn set_up(window: &tauri::WebviewWindow) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    let software = !has_render_node(Path::new("/dev/dri"));
    let _ = window.with_webview(move |webview| {
        let view = webview.inner();
        if software {
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        }
        view.connect_web_process_terminated(|view, reason| {
            eprintln!("warning: the window's web process ended ({reason:?}); reloading the page");
            view.reload();
        });
    });
}

/// Elsewhere the system webview chooses how to draw and restarts its own processes.
#[cfg(not(target_os = "linux"))]
pub fn set_up(_window: &tauri::WebviewWindow) {}

#[cfg(test)]
mod tests {
    use super::has_render_node;

    #[test]
    fn a_render_node_means_a_gpu() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(
            !has_render_node(dir.path()),
            "a card without a render node draws nothing"
        );
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dir.path()));
        assert!(!has_render_node(&dir.path().join("missing")));
    }
}
