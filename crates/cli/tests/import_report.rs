//! What `courtesy import` prints about the rows it could not import: how many,
//! the first ones by line, and where to see them all (`courtesy problems`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
}

fn courtesy(db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_courtesy"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the courtesy binary runs");
    assert!(
        out.status.success(),
        "courtesy {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn an_import_lists_the_rows_it_left_out_by_line_and_says_where_the_rest_are() {
    let dir = tempfile::tempdir().unwrap();
    let db = courtesy_store::testing::scratch_database(dir.path(), "courtesy.sqlite");
    let ragged = fixture("shopify-orders-ragged.csv");
    let out = courtesy(&db, &["import", "--quiet", ragged.to_str().unwrap()]);
    assert!(
        out.contains("orders:    2 new"),
        "#3001 and #3004 only:\n{out}"
    );
    assert!(
        out.contains("7 rows reported: 7 not imported, 0 imported with a note."),
        "{out}"
    );
    for line in [
        "line 3: order #3002 was not imported: its line 4 could not be read",
        "line 4: 80 fields, the header has 79 (a ',' inside a value",
        "line 5: 59 fields, the header has 79 (the row is cut short",
        "line 11: 18 fields, the header has 79 (the row is cut short",
    ] {
        assert!(out.contains(line), "'{line}' is printed:\n{out}");
    }
    assert!(out.contains("All of them: courtesy problems 1"), "{out}");

    let all = courtesy(&db, &["problems"]);
    assert_eq!(
        all.lines()
            .filter(|l| l.trim_start().starts_with("line "))
            .count(),
        7,
        "{all}"
    );
    let saved = dir.path().join("problems.csv");
    courtesy(&db, &["problems", "1", "-o", saved.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&saved).unwrap();
    assert!(csv.starts_with("row,column,reason,imported\n"), "{csv}");
    assert!(
        csv.contains("\n11,,\"18 fields, the header has 79 (the row is cut short"),
        "{csv}"
    );
    assert_eq!(
        csv.lines().filter(|l| l.ends_with(",no")).count(),
        7,
        "{csv}"
    );
}

#[test]
fn an_import_of_pasted_exports_says_how_many_rows_it_found_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = courtesy_store::testing::scratch_database(dir.path(), "courtesy.sqlite");
    let pasted = fixture("shopify-orders-pasted.csv");
    let out = courtesy(&db, &["import", "--quiet", pasted.to_str().unwrap()]);
    assert!(out.contains("orders:    16 new"), "{out}");
    assert!(
        out.contains("6 rows repeated earlier rows of the file"),
        "{out}"
    );
    assert!(!out.contains("rows reported"), "nothing to report:\n{out}");
}

#[test]
fn an_import_of_an_excel_copy_says_its_orders_are_known_by_their_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = courtesy_store::testing::scratch_database(dir.path(), "courtesy.sqlite");
    let resaved = fixture("shopify-orders-2024-excel-ru.csv");
    let out = courtesy(&db, &["import", "--quiet", resaved.to_str().unwrap()]);
    assert!(out.contains("orders:    48 new"), "{out}");
    assert!(
        out.contains("48 orders had an id that a spreadsheet rounded"),
        "{out}"
    );
}
