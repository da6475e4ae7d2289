//! The shops a database syncs with: a name, a platform, an address and how
//! Courtesy signs in. The secrets themselves live in the OS keychain, under
//! the connection's name; nothing here or in the audit log holds them.

use crate::audit::{record, Actor};
use crate::db::{params, Connection, OptionalExtension, Row};
use crate::error::{Result, StoreError};
use crate::import::import_runs::{last_run_of, ImportRun};
use crate::time::to_db;
use crate::Store;
use courtesy_core::{ShopAuth, ShopKind};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

/// The longest name a connection may have.
pub const MAX_SHOP_NAME: usize = 60;

/// A shop Courtesy syncs with, as the UI and the CLI list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShopConnection {
    /// Id.
    #[ts(type = "number")]
    pub id: i64,
    /// The name staff gave it, unique in the database.
    pub name: String,
    /// The platform.
    pub kind: ShopKind,
    /// The base address, e.g. `https://example.myshopify.com`.
    pub base_url: String,
    /// How Courtesy signs in.
    pub auth: ShopAuth,
    /// Put before the shop's order and customer ids (see the schema notes).
    pub id_prefix: String,
    /// The shop's own name, as it said at the last test or sync.
    pub shop_name: String,
    /// The shop's currency, as it said.
    pub currency: String,
    /// The server strips the Authorization header: WooCommerce keys go in the
    /// query string.
    pub keys_in_query: bool,
    /// When it was added (UTC).
    pub created_at: String,
    /// The latest sync run, if any.
    pub last_sync: Option<ImportRun>,
}

/// A connection to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConnection {
    /// Its name.
    pub name: String,
    /// The platform.
    pub kind: ShopKind,
    /// The base address, checked by [`courtesy_core::shop_address`].
    pub base_url: String,
    /// How Courtesy signs in.
    pub auth: ShopAuth,
}

fn from_row(r: &Row<'_>) -> crate::db::Result<ShopConnection> {
    let kind: String = r.get("kind")?;
    let auth: String = r.get("auth")?;
    Ok(ShopConnection {
        id: r.get("id")?,
        name: r.get("name")?,
        kind: ShopKind::parse(&kind).unwrap_or(ShopKind::Woocommerce),
        base_url: r.get("base_url")?,
        auth: ShopAuth::parse(&auth).unwrap_or(ShopAuth::KeySecret),
        id_prefix: r.get("id_prefix")?,
        shop_name: r.get("shop_name")?,
        currency: r.get("currency")?,
        keys_in_query: r.get("keys_in_query")?,
        created_at: r.get("created_at")?,
        last_sync: None,
    })
}

fn with_last_sync(conn: &Connection, mut c: ShopConnection) -> Result<ShopConnection> {
    c.last_sync = last_run_of(conn, c.id)?;
    Ok(c)
}

fn by_name(conn: &Connection, name: &str) -> Result<Option<ShopConnection>> {
    Ok(conn
        .prepare_cached("SELECT * FROM shop_connections WHERE name = ?1")?
        .query_row([name.trim()], from_row)
        .optional()?)
}

impl Store {
    /// Adds a connection. The first connection of a platform reads the shop's
    /// own ids (those its exports carry, so an export imported earlier and the
    /// sync meet); a second WooCommerce shop, whose ids would meet the first
    /// one's, has its ids prefixed. Shopify's ids are unique across shops.
    pub fn add_shop_connection(
        &self,
        new: &NewConnection,
        actor: &Actor,
    ) -> Result<ShopConnection> {
        let name = new.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid(
                "a shop connection needs a name".to_string(),
            ));
        }
        if name.chars().count() > MAX_SHOP_NAME {
            return Err(StoreError::Invalid(format!(
                "a shop connection's name has at most {MAX_SHOP_NAME} characters"
            )));
        }
        if !new.kind.allows(new.auth) {
            return Err(StoreError::Invalid(format!(
                "{} does not sign in with {}",
                new.kind.as_str(),
                new.auth.as_str()
            )));
        }
        self.write(|tx| {
            if by_name(tx, name)?.is_some() {
                return Err(StoreError::ShopNameTaken {
                    name: name.to_string(),
                });
            }
            let others: i64 = tx.query_row(
                "SELECT count(*) FROM shop_connections WHERE kind = ?1",
                [new.kind.as_str()],
                |r| r.get(0),
            )?;
            let id = tx.insert(
                "INSERT INTO shop_connections (name, kind, base_url, auth, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                params![
                    name,
                    new.kind.as_str(),
                    new.base_url,
                    new.auth.as_str(),
                    to_db(actor.at),
                    actor.name
                ],
            )?;
            if new.kind == ShopKind::Woocommerce && others > 0 {
                tx.execute(
                    "UPDATE shop_connections SET id_prefix = ?2 WHERE id = ?1",
                    params![id, format!("c{id}:")],
                )?;
            }
            record(
                tx,
                actor,
                "shop_connection",
                Some(id),
                "create",
                &json!({"name": name, "kind": new.kind.as_str(), "baseUrl": new.base_url, "auth": new.auth.as_str()}),
            )?;
            shop_connection(tx, id)
        })
    }

    /// Every connection, by name, each with its latest sync.
    pub fn shop_connections(&self) -> Result<Vec<ShopConnection>> {
        self.read(|c| {
            let all = c
                .prepare_cached("SELECT * FROM shop_connections ORDER BY name")?
                .query_map([], from_row)?
                .collect::<crate::db::Result<Vec<_>>>()?;
            all.into_iter().map(|s| with_last_sync(c, s)).collect()
        })
    }

    /// The connection named `name` (any case).
    pub fn shop_connection_named(&self, name: &str) -> Result<ShopConnection> {
        self.read(|c| match by_name(c, name)? {
            Some(s) => with_last_sync(c, s),
            None => Err(StoreError::NoSuchShop {
                name: name.trim().to_string(),
            }),
        })
    }

    /// The connection with id `id`.
    pub fn shop_connection(&self, id: i64) -> Result<ShopConnection> {
        self.read(|c| shop_connection(c, id))
    }

    /// Removes the connection named `name`, with how far it synced; what it
    /// brought in stays. Returns what was removed (its keychain entry goes
    /// next, by the caller).
    pub fn remove_shop_connection(&self, name: &str, actor: &Actor) -> Result<ShopConnection> {
        self.write(|tx| {
            let gone = by_name(tx, name)?.ok_or_else(|| StoreError::NoSuchShop {
                name: name.trim().to_string(),
            })?;
            tx.execute("DELETE FROM shop_connections WHERE id = ?1", [gone.id])?;
            record(
                tx,
                actor,
                "shop_connection",
                Some(gone.id),
                "delete",
                &json!({"name": gone.name, "kind": gone.kind.as_str(), "baseUrl": gone.base_url}),
            )?;
            Ok(gone)
        })
    }

    /// Notes what the shop said of itself: its name and currency, and whether
    /// its keys have to travel in the query string.
    pub fn note_shop_identity(
        &self,
        id: i64,
        shop_name: &str,
        currency: &str,
        keys_in_query: bool,
    ) -> Result<ShopConnection> {
        self.write(|tx| {
            tx.execute(
                "UPDATE shop_connections SET shop_name = ?2, currency = ?3, keys_in_query = ?4 WHERE id = ?1",
                params![id, shop_name, currency, keys_in_query],
            )?;
            shop_connection(tx, id)
        })
    }
}

pub(crate) fn shop_connection(conn: &Connection, id: i64) -> Result<ShopConnection> {
    let found = conn
        .prepare_cached("SELECT * FROM shop_connections WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or(StoreError::NotFound {
            entity: "shop connection",
            id,
        })?;
    with_last_sync(conn, found)
}
