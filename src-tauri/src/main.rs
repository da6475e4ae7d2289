//! The Courtesy desktop app's entry point.
// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    courtesy_app::run()
}
