//! A one-desk shop in its SQLite file moved onto the shop's server, as
//! Settings → Database does it: into a database the owner made ready (the
//! README's two roles), by the desk's own role; every table checked; the desk
//! pointed at the server (the address in a file beside its own, the password
//! in the keychain only); the server then opens with what the desk kept and
//! holds the shop; a second move into it is refused; going back forgets both.
//!
//! Only on a run with a test server (the roles and the database are the
//! server's); the SQLite run returns at once.

use courtesy_desk::database::{
    check_server, choice_file, chosen_server, forget_server, move_to_server, server_url,
};
use courtesy_store::testing::test_server;
use courtesy_store::{Store, StoreError};
use courtesy_sync::Keychain;
use courtesy_tests::{readme_roles, small_shop, tester};

#[test]
fn a_shop_in_its_file_moves_to_the_server_and_the_desk_opens_it_there() {
    let Some(server) = test_server() else { return };
    let roles = readme_roles(&server);
    // `courtesy db init` as the owner.
    drop(Store::open(&roles.owner).unwrap());

    let dir = tempfile::tempdir().unwrap();
    let own_file = dir.path().join("courtesy.sqlite");
    let store = Store::open(&own_file).unwrap();
    let (p, c, o) = small_shop();
    store.load_shop(&p, &c, &o, &tester()).unwrap();

    let desk_url = roles.desk.to_string_lossy().to_string();
    let mut address = url::Url::parse(&desk_url).unwrap();
    address.set_password(None).unwrap();
    let address = address.to_string();

    let found = check_server(&address, "desk-pw").unwrap();
    assert_eq!((found.customers, found.foreign_tables), (0, 0));
    assert_eq!(found.schema_version, courtesy_store::LATEST_VERSION);
    assert!(!found.location.contains("desk-pw"), "{}", found.location);
    let wrong = check_server(&address, "not-the-password").unwrap_err();
    assert_eq!(wrong.code().as_str(), "db.unreachable", "{wrong}");

    let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
    let mut heard = Vec::new();
    let (copied, _) = move_to_server(
        &store,
        &own_file,
        &address,
        "desk-pw",
        &keychain,
        &mut |t| heard.push(t.table.clone()),
    )
    .expect("the desk's role moves the shop");
    assert_eq!(heard.len(), copied.len(), "each table is announced");
    let customers = copied.iter().find(|t| t.table == "customers").unwrap();
    assert_eq!(customers.rows, 4);

    let kept = std::fs::read_to_string(choice_file(&own_file)).unwrap();
    assert!(!kept.contains("desk-pw"), "no password in the file: {kept}");
    assert_eq!(
        chosen_server(&own_file).unwrap().as_deref(),
        Some(address.as_str())
    );
    assert_eq!(
        keychain.database_password(&address).unwrap().as_deref(),
        Some("desk-pw")
    );

    // The next start opens the server with what the desk kept.
    let url = server_url(&address, &keychain, &|_| None).unwrap();
    let on_server = Store::open_server(&url).unwrap();
    assert!(on_server.is_server());
    assert_eq!(on_server.customer_count().unwrap(), 4);
    assert_eq!(
        on_server.search_customers("Grzegorzewska", 5).unwrap()[0].display_name,
        "Żaneta Grzegorzewska"
    );
    // The file is as it was.
    assert_eq!(store.customer_count().unwrap(), 4);

    // A database holding a shop is not moved into again.
    let again = move_to_server(
        &store,
        &own_file,
        &address,
        "desk-pw",
        &keychain,
        &mut |_| {},
    );
    assert!(
        matches!(
            again,
            Err(courtesy_desk::DeskError::Store(StoreError::NotEmpty {
                customers: 4
            }))
        ),
        "{again:?}"
    );

    forget_server(&own_file, &keychain).unwrap();
    assert_eq!(chosen_server(&own_file).unwrap(), None);
    assert_eq!(keychain.database_password(&address).unwrap(), None);
}
