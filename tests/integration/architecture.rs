//! The house's rules that the compiler does not check: no two files of a crate
//! import each other, even by way of others (a circle), and no screen of the
//! UI imports another screen's files (shared pieces live in `ui/src/lib`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is in the repository")
        .to_path_buf()
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "tests") {
                continue;
            }
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// The module path of a source file: `source/sniff.rs` → `source::sniff`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file without its comments and its test module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file names after `crate::`, brace groups included.
fn named_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                out.push(path_prefix(item.trim()));
            }
        } else {
            out.push(path_prefix(rest));
        }
    }
    out
}

fn path_prefix(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':')
        .collect::<String>()
        .trim_end_matches(':')
        .to_string()
}

/// Each module of a crate and the modules of the same crate it imports.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut list = Vec::new();
    files(src, "rs", &mut list);
    let modules: BTreeSet<String> = list.iter().map(|f| module_of(src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &list {
        let me = module_of(src, file);
        let text = std::fs::read_to_string(file).expect("source is text");
        let mut deps = BTreeSet::new();
        for path in named_paths(&code(&text)) {
            let parts: Vec<&str> = path.split("::").collect();
            if let Some(m) = (1..=parts.len())
                .rev()
                .map(|k| parts[..k].join("::"))
                .find(|candidate| modules.contains(candidate))
            {
                if m != me {
                    deps.insert(m);
                }
            }
        }
        graph.insert(me, deps);
    }
    graph
}

/// A circle through `graph`, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|start| visit(start, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_files_of_a_crate_import_each_other_even_through_others() {
    let mut crates: Vec<PathBuf> = std::fs::read_dir(repo().join("crates"))
        .expect("crates/")
        .map(|e| e.expect("an entry").path().join("src"))
        .collect();
    crates.push(repo().join("src-tauri/src"));
    crates.sort();
    let mut checked = 0;
    for src in crates {
        let graph = module_graph(&src);
        checked += graph.len();
        assert_eq!(
            circle(&graph),
            None,
            "an import circle between files of {}",
            src.display()
        );
    }
    assert!(checked > 100, "the crates' files were read ({checked})");
}

#[test]
fn a_circle_is_found_where_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(
        circle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        named_paths("use crate::{a::b, c}; x = crate::d::e(1);"),
        vec!["a::b", "c", "d::e"]
    );
}

#[test]
fn no_screen_of_the_ui_imports_another_screens_files() {
    let features = repo().join("ui/src/features");
    let mut list = Vec::new();
    files(&features, "svelte", &mut list);
    files(&features, "ts", &mut list);
    assert!(list.len() > 20, "the UI's files were read");
    let mut crossings = Vec::new();
    for file in &list {
        let text = std::fs::read_to_string(file).expect("source is text");
        for line in text.lines().filter(|l| l.contains(" from \"../")) {
            let target = line
                .split(" from \"../")
                .nth(1)
                .unwrap_or("")
                .split('"')
                .next()
                .unwrap_or("");
            if !target.starts_with("../") {
                crossings.push(format!(
                    "{}: {}",
                    file.strip_prefix(&features).unwrap_or(file).display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(
        crossings.is_empty(),
        "screens import each other's files (move shared pieces to ui/src/lib):\n{}",
        crossings.join("\n")
    );
}
