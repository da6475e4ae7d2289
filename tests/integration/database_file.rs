//! Opening the database: what is refused, what is migrated, what is kept. The
//! tests of SQLite's file (its header, its bytes, its backups) run on a file in
//! every run; the server's own are at the end.

use courtesy_store::testing::{raw_connection, scratch_database, test_server};
use courtesy_store::{backup_path, schema_version, Store, StoreError, LATEST_VERSION};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A temporary folder and an SQLite file path in it, whatever the run's backend.
fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("courtesy.sqlite");
    (dir, path)
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read file")
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_byte_identical() {
    let (_dir, path) = temp_db();
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE future (x); INSERT INTO future VALUES (1); PRAGMA user_version = 99;",
        )
        .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path)
        .err()
        .expect("a newer schema must be refused");
    assert!(
        matches!(err, StoreError::TooNew { found: 99, .. }),
        "wrong error: {err:?}"
    );
    assert_eq!(err.code(), "db.too_new");
    assert!(
        err.to_string().contains("newer version of Courtesy"),
        "message should say why: {err}"
    );
    assert_eq!(
        bytes(&path),
        before,
        "the newer database must not be modified"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    let cases: [&[u8]; 3] = [
        b"Name,Email\nAnna Nowak,anna@wp.pl\n",
        &[
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 1,
            2, 3,
        ],
        b"SQLite format 3",
    ];
    for content in cases {
        std::fs::write(&path, content).unwrap();
        let err = Store::open(&path)
            .err()
            .expect("a foreign file must be refused");
        assert!(
            matches!(err, StoreError::NotADatabase { .. }),
            "wrong error for {content:?}: {err:?}"
        );
        assert_eq!(err.code(), "db.not_a_database");
        assert_eq!(
            bytes(&path),
            content,
            "the foreign file must be left as it was"
        );
    }
    // A file with SQLite's magic but garbage after it is refused by SQLite itself.
    let mut fake = b"SQLite format 3\0".to_vec();
    fake.extend(std::iter::repeat_n(0xAB_u8, 4096));
    std::fs::write(&path, &fake).unwrap();
    let err = Store::open(&path)
        .err()
        .expect("a corrupt header must be refused");
    assert!(
        matches!(err, StoreError::NotADatabase { .. }),
        "wrong error: {err:?}"
    );
    assert_eq!(
        bytes(&path),
        fake,
        "the corrupt file must be left as it was"
    );
}

#[test]
fn an_empty_file_is_migrated_to_the_current_schema() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).expect("an empty file is a new database");
    assert_eq!(store.customer_count().unwrap(), 0);
    drop(store);
    let c = Connection::open(&path).unwrap();
    assert_eq!(schema_version(&c).unwrap(), LATEST_VERSION);
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in [
        "customers",
        "customer_phones",
        "customer_consents",
        "orders",
        "order_lines",
        "products",
        "audit_log",
        "customer_search",
    ] {
        assert!(
            tables.iter().any(|x| x == t),
            "table {t} missing after migration: {tables:?}"
        );
    }
}

#[test]
fn a_missing_file_and_its_folder_are_created_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/app-data/courtesy.sqlite");
    let store = Store::open(&path).expect("create");
    drop(store);
    let c = Connection::open(&path).unwrap();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_a_current_database_keeps_its_data_and_makes_no_backup() {
    let (_dir, path) = temp_db();
    let (p, c, o) = courtesy_tests::small_shop();
    Store::open(&path)
        .unwrap()
        .load_shop(&p, &c, &o, &courtesy_tests::tester())
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.customer_count().unwrap(), 4);
    for v in 0..LATEST_VERSION {
        assert!(
            !backup_path(&path, v).exists(),
            "no upgrade happened, so no backup is due"
        );
    }
}

/// Saved databases of every schema version live in `fixtures/schemas/vN.sqlite`;
/// each must open, reach the current version, keep its customers, and leave a
/// copy of the old file when it was upgraded.
#[test]
fn saved_databases_of_every_schema_version_open_and_upgrade() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/schemas");
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&fixtures).expect("fixtures/schemas exists") {
        let saved = entry.unwrap().path();
        let version: i64 = saved
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.strip_prefix('v'))
            .and_then(|v| v.parse().ok())
            .expect("fixture named vN.sqlite");
        let (_dir, path) = temp_db();
        std::fs::copy(&saved, &path).unwrap();
        let original = bytes(&path);
        let store =
            Store::open(&path).unwrap_or_else(|e| panic!("schema v{version} must open: {e}"));
        assert_eq!(
            store.customer_count().unwrap(),
            4,
            "customers of the v{version} fixture"
        );
        drop(store);
        let c = Connection::open(&path).unwrap();
        assert_eq!(schema_version(&c).unwrap(), LATEST_VERSION);
        let backup = backup_path(&path, version);
        if version < LATEST_VERSION {
            let b = Connection::open(&backup).expect("backup made before the upgrade");
            assert_eq!(
                schema_version(&b).unwrap(),
                version,
                "the backup keeps the old schema"
            );
        } else {
            assert!(!backup.exists());
            let _ = original;
        }
        seen.push(version);
    }
    seen.sort();
    assert_eq!(
        seen,
        (1..=LATEST_VERSION).collect::<Vec<_>>(),
        "a saved database for every schema version"
    );
}

/// Writes `fixtures/schemas/v{LATEST}.sqlite` from the small shop. Run it (with
/// `--ignored`) before adding a migration, so the old schema stays under test.
#[test]
#[ignore = "writes a fixture; run by hand before adding a migration"]
fn write_the_saved_database_of_the_current_schema() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("fixtures/schemas/v{LATEST_VERSION}.sqlite"));
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(&out);
    let (p, c, o) = courtesy_tests::small_shop();
    Store::open(&out)
        .unwrap()
        .load_shop(&p, &c, &o, &courtesy_tests::tester())
        .unwrap();
    let conn = Connection::open(&out).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    conn.execute_batch("VACUUM").unwrap();
}

#[test]
fn a_whole_shop_only_loads_into_an_empty_database() {
    let (_dir, store) = courtesy_tests::small_shop_db();
    let (p, c, o) = courtesy_tests::small_shop();
    let err = store
        .load_shop(&p, &c, &o, &courtesy_tests::tester())
        .unwrap_err();
    assert!(
        matches!(err, StoreError::NotEmpty { customers: 4 }),
        "{err:?}"
    );
    assert_eq!(err.code(), "db.not_empty");
    assert_eq!(store.customer_count().unwrap(), 4, "nothing was added");
}

#[test]
fn a_server_database_is_created_at_the_current_schema_and_a_newer_one_is_refused() {
    // On a run without a test server there is no server to look at.
    let Some(_) = test_server() else { return };
    let dir = tempfile::tempdir().unwrap();
    let url = scratch_database(dir.path(), "unused");
    let store = Store::open(&url).expect("the template database opens");
    assert!(store.is_server());
    assert!(
        !store.location().contains(&password_of(&url)),
        "{}",
        store.location()
    );
    drop(store);
    let raw = raw_connection(&url).unwrap();
    let version: i64 = raw
        .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION);
    raw.execute(
        "UPDATE schema_version SET version = ?1",
        [LATEST_VERSION + 1],
    )
    .unwrap();
    let err = Store::open(&url).err().expect("a newer schema is refused");
    assert_eq!(err.code(), "db.too_new");
    assert!(!err.to_string().contains(&password_of(&url)), "{err}");
    let after: i64 = raw
        .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, LATEST_VERSION + 1, "left as it was");
}

fn password_of(url: &Path) -> String {
    let url = url::Url::parse(&url.to_string_lossy()).unwrap();
    url.password().unwrap_or("no password").to_string()
}
