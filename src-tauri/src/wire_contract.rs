//! The wire between the UI and the app holds together: every command of the
//! table is a `#[tauri::command]` function, is registered with the handler, is
//! granted by the capability file and is called by the UI's `backend.ts`, and
//! nothing is in one of those places that is not in the table.

use crate::command_table::COMMANDS;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn table() -> BTreeSet<String> {
    let names: BTreeSet<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        names.len(),
        COMMANDS.len(),
        "a command is in the table twice"
    );
    names
}

/// The names after `marker` up to the first of `ends`, in `text`.
fn names_after(text: &str, marker: &str, ends: &[char]) -> BTreeSet<String> {
    text.split(marker)
        .skip(1)
        .map(|rest| rest.split(ends).next().unwrap_or("").trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn every_command_of_the_table_is_a_tauri_command_function() {
    let mut functions = BTreeSet::new();
    for entry in std::fs::read_dir(here().join("src")).expect("src/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = read(&path);
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                if line.trim() != "#[tauri::command]" {
                    continue;
                }
                let name = lines
                    .get(i + 1)
                    .and_then(|next| next.split("fn ").nth(1))
                    .and_then(|rest| rest.split(['(', '<']).next())
                    .unwrap_or("")
                    .trim()
                    .to_string();
                functions.insert(name);
            }
        }
    }
    assert_eq!(
        functions,
        table(),
        "#[tauri::command] functions vs the table"
    );
}

#[test]
fn the_handler_registers_exactly_the_commands_of_the_table() {
    let lib = read(&here().join("src/lib.rs"));
    let list = lib
        .split("generate_handler![")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("lib.rs registers its commands with generate_handler!");
    let registered: BTreeSet<String> = list
        .split(',')
        .map(|item| item.trim().rsplit("::").next().unwrap_or("").to_string())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(registered, table(), "generate_handler! vs the table");
}

#[test]
fn the_capability_file_grants_exactly_the_commands_of_the_table() {
    let file = read(&here().join("capabilities/default.json"));
    let json: serde_json::Value = serde_json::from_str(&file).expect("the capability file is JSON");
    let granted: BTreeSet<String> = json["permissions"]
        .as_array()
        .expect("a permissions list")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert_eq!(granted, table(), "allow-<command> permissions vs the table");
}

#[test]
fn the_uis_backend_calls_exactly_the_commands_of_the_table() {
    let backend = read(&here().join("../ui/src/lib/backend.ts"));
    let called = names_after(&backend, "call(\"", &['"']);
    assert_eq!(called, table(), "backend.ts's call(\"…\") vs the table");
    // Tauri's own plugins' commands (granted by `core:` permissions) are
    // invoked directly; every command of the app goes through call().
    let invoked = names_after(&backend, "invoke(\"", &['"']);
    let ours: Vec<_> = invoked
        .iter()
        .filter(|n| !n.starts_with("plugin:"))
        .collect();
    assert!(
        ours.is_empty(),
        "backend.ts calls commands only through call(): {ours:?}"
    );
}

#[test]
fn a_command_missing_from_one_place_is_noticed() {
    let text = "x call(\"a\", 1) y call(\"b\") z";
    assert_eq!(
        names_after(text, "call(\"", &['"']),
        ["a", "b"].iter().map(|s| s.to_string()).collect()
    );
    let mut one_less = table();
    one_less.remove("app_info");
    assert_ne!(one_less, table());
}

/// The placeholders (`{name}`) of a message.
fn placeholders(message: &str) -> BTreeSet<String> {
    message
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split('}').next())
        .map(|name| name.split(',').next().unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn every_error_code_has_words_in_each_of_the_uis_languages() {
    let mut checked = 0;
    for language in ["en", "pl", "ru", "fi"] {
        let path = here().join(format!("../ui/src/lib/i18n/{language}.json"));
        let catalogue: serde_json::Value =
            serde_json::from_str(&read(&path)).expect("a catalogue is JSON");
        for code in courtesy_core::ErrorCode::ALL {
            let mut node = &catalogue["errors"];
            for part in code.as_str().split('.') {
                node = &node[part];
            }
            let message = node
                .as_str()
                .unwrap_or_else(|| panic!("{language}.json has no errors.{code} message"));
            let allowed: BTreeSet<String> = code.params().iter().map(|p| p.to_string()).collect();
            let used = placeholders(message);
            assert!(
                used.is_subset(&allowed),
                "{language}.json's errors.{code} names {used:?}; the error carries {allowed:?}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 4 * courtesy_core::ErrorCode::ALL.len());
}

#[test]
fn a_message_naming_a_parameter_the_error_lacks_is_noticed() {
    let used = placeholders("packed at {at} by {who}, {n, plural, one {# x} other {# y}}");
    assert!(used.contains("who") && used.contains("at"));
    let allowed: BTreeSet<String> = courtesy_core::ErrorCode::DispatchAlreadyPacked
        .params()
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert!(!used.is_subset(&allowed));
}
