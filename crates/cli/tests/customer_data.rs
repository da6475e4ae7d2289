//! `courtesy customer export`, `erase`, `duplicates`, `merge`, `unmerge` and
//! `courtesy history` on an imported shop, as a shop owner runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
}

fn run(db: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_courtesy"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the courtesy binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn courtesy(db: &Path, args: &[&str]) -> String {
    let out = run(db, args, "");
    assert!(
        out.status.success(),
        "courtesy {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn a_customer_is_exported_then_erased_after_saying_no_once_and_history_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = courtesy_store::testing::scratch_database(dir.path(), "courtesy.sqlite");
    let export = fixture("shopify-orders-2024.csv");
    courtesy(&db, &["import", "--quiet", export.to_str().unwrap()]);

    let file = dir.path().join("ivan.json");
    let out = courtesy(
        &db,
        &[
            "customer",
            "export",
            "IVAN.PETROV@example.ru",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.contains("wrote everything about customer"), "{out}");
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["format"], "courtesy.customer-export");
    assert_eq!(doc["customer"]["last_name"], "Петров");
    assert_eq!(doc["orders"].as_array().unwrap().len(), 4);

    // Asked, the answer is no: nothing happens.
    let no = run(&db, &["customer", "erase", "ivan.petrov@example.ru"], "n\n");
    let said = String::from_utf8_lossy(&no.stdout);
    assert!(no.status.success());
    assert!(
        said.contains("Their 4 order(s) stay for the books"),
        "{said}"
    );
    assert!(
        said.contains("Older backups still hold their data"),
        "{said}"
    );
    assert!(said.contains("nothing was changed"), "{said}");
    let id = doc["customer"]["id"].as_i64().unwrap().to_string();
    courtesy(
        &db,
        &["customer", "export", &id, "-o", file.to_str().unwrap()],
    );

    let out = courtesy(&db, &["customer", "erase", &id, "--yes"]);
    assert!(out.contains(&format!("customer {id} was erased")), "{out}");
    let gone = run(
        &db,
        &[
            "customer",
            "export",
            "ivan.petrov@example.ru",
            "-o",
            "x.json",
        ],
        "",
    );
    assert!(!gone.status.success());
    assert!(
        String::from_utf8_lossy(&gone.stderr).contains("no customer has the e-mail address"),
        "a clear error"
    );
    let history = courtesy(&db, &["history", "--source", "cli", "--limit", "5"]);
    let first = history.lines().next().unwrap_or_default();
    assert!(
        first.contains("erase") && first.contains(&format!("customer {id}")),
        "{history}"
    );
    assert!(
        !history.contains("Петров"),
        "the log does not name the erased customer:\n{history}"
    );
}

#[test]
fn duplicates_are_listed_merged_and_unmerged_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = courtesy_store::testing::scratch_database(dir.path(), "courtesy.sqlite");
    let export = fixture("shopify-orders-2024.csv");
    courtesy(&db, &["import", "--quiet", export.to_str().unwrap()]);
    // The same Anna Nowak from an old shop: another e-mail, the same address.
    let old = dir.path().join("customers_export.csv");
    std::fs::write(
        &old,
        "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,\
         Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,\
         Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,\
         Total Spent,Total Orders,Note,Tax Exempt,Tags\n\
         '5501,Anna,Nowak,ania.nowak@o2.pl,no,,ul. Długa 5/3,,Kraków,,PL,'31-147,,,no,0.00,0,,no,\n",
    )
    .unwrap();
    courtesy(&db, &["import", "--quiet", old.to_str().unwrap()]);
    let list = courtesy(&db, &["customer", "duplicates"]);
    assert!(
        list.starts_with("1 possible duplicate pairs (1 likely)"),
        "{list}"
    );
    assert!(list.contains("same name and postcode"), "{list}");

    let backups = dir.path().join("backups");
    let out = courtesy(
        &db,
        &[
            "customer",
            "merge",
            "anna.nowak@example.com",
            "ania.nowak@o2.pl",
            "--yes",
            "--folder",
            backups.to_str().unwrap(),
        ],
    );
    assert!(out.contains("merged Anna Nowak into customer"), "{out}");
    assert_eq!(
        std::fs::read_dir(&backups).unwrap().count(),
        2,
        "a backup and its description"
    );
    let after = courtesy(&db, &["customer", "duplicates"]);
    assert!(after.starts_with("0 possible duplicate pairs"), "{after}");
    let out = courtesy(&db, &["customer", "unmerge"]);
    assert!(out.contains("is customer"), "{out}");
    let again = courtesy(&db, &["customer", "duplicates"]);
    assert!(again.starts_with("1 possible duplicate pairs"), "{again}");
}
