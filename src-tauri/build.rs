//! Generates the Tauri context and one `allow-<command>` permission per app command
//! of `src/command_table.rs`, so the capability file grants exactly the commands
//! the UI uses.

include!("src/command_table.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
