//! Generates the empty app's Tauri context.

fn main() {
    tauri_build::build()
}
