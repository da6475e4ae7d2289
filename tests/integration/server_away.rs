//! The database server stops in the middle of a session: reads and saves fail
//! with `db.unreachable` (and save nothing), and once the server is back the
//! same open store works on, without being opened again.
//!
//! Only on a run with a test server: it stops a cluster of its own (the run's
//! shared one serves the other tests meanwhile); SQLite has no server to lose.

use courtesy_store::testing::on_postgres;
use courtesy_store::{CustomerEdit, Store};
use courtesy_tests::{small_shop, tester};
use std::path::{Path, PathBuf};

fn cluster(action: &str, dir: &Path) -> String {
    courtesy_store::testing::cluster(action, dir).unwrap_or_else(|e| panic!("{e}"))
}

struct Cluster(PathBuf);

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = cluster("stop", &self.0);
    }
}

#[test]
fn a_server_that_goes_away_and_comes_back_is_worked_on_without_reopening() {
    if !on_postgres() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = Cluster(dir.path().join("cluster"));
    let url = cluster("start", &home.0);
    let store = Store::open(Path::new(&url)).unwrap();
    let (p, c, o) = small_shop();
    store.load_shop(&p, &c, &o, &tester()).unwrap();
    let id = store.list_customers(0, 1).unwrap().items[0].id;

    cluster("stop", &home.0);
    let edit = |notes: &str| CustomerEdit {
        notes: Some(notes.into()),
        ..Default::default()
    };
    let err = store
        .edit_customer(id, &edit("Typed while the server was away"), &tester())
        .unwrap_err();
    assert_eq!(err.code(), "db.unreachable", "{err}");
    assert!(!err.to_string().contains(&password(&url)), "{err}");
    let err = store.customer_profile(id).unwrap_err();
    assert_eq!(err.code(), "db.unreachable", "{err}");

    cluster("resume", &home.0);
    let saved = store
        .edit_customer(id, &edit("Saved once the server was back"), &tester())
        .expect("the same store works on");
    assert_eq!(saved.notes, "Saved once the server was back");
    assert_eq!(
        store.customer_profile(id).unwrap().notes,
        "Saved once the server was back",
        "nothing of the failed save was kept"
    );
    assert_eq!(store.customer_count().unwrap(), 4);
}

fn password(url: &str) -> String {
    url::Url::parse(url)
        .unwrap()
        .password()
        .unwrap_or("none")
        .to_string()
}
