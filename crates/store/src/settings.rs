//! Shop and desk settings: key–value pairs with typed accessors.

use crate::audit::{record, Actor};
use crate::db::{params, Connection, OptionalExtension};
use crate::error::{Result, StoreError};
use crate::Store;
use courtesy_core::{Language, PageSize, Region};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

/// The settings the UI shows and edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// The UI language; `null` follows the system.
    pub ui_language: Option<Language>,
    /// The shop's name on slips and cards.
    pub shop_name: String,
    /// ISO alpha-2 region for phone numbers written without a country prefix,
    /// and the shop's own country for addresses.
    pub shop_country: String,
    /// The shop's return address as printed on slips, one line per line.
    pub shop_address: String,
    /// The slip page size.
    pub slip_size: PageSize,
    /// Whether slips show prices (never on orders with a gift message).
    pub slip_prices: bool,
    /// The dispatch desk's printer; `null` prints to the system default.
    pub desk_printer: Option<String>,
    /// The name of the person at this computer, as callers introduce
    /// themselves and as calls record who made them; empty: the system user.
    pub staff_name: String,
    /// Minutes between the app's syncs with the shops; 0: only on "Sync now".
    pub sync_every_minutes: u32,
}

/// How often the app syncs with the shops unless told otherwise.
pub const DEFAULT_SYNC_MINUTES: u32 = 10;

/// The longest interval between syncs that may be set: a day.
pub const LONGEST_SYNC_MINUTES: u32 = 24 * 60;

/// The shop's name until someone sets it.
pub const DEFAULT_SHOP_NAME: &str = "My shop";

/// The stored value of one setting, if any.
pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// Stores one setting, replacing its value.
pub(crate) fn put(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// Saves a setting kept as JSON (a policy, the scripts) and notes the new value
/// in the audit log, in the caller's transaction. `what` names it in the error
/// when it does not serialise.
pub(crate) fn put_json<T: Serialize>(
    tx: &Connection,
    actor: &Actor,
    key: &str,
    value: &T,
    what: &str,
) -> Result<()> {
    let value = serde_json::to_value(value)
        .map_err(|e| StoreError::Invalid(format!("{what} does not serialise: {e}")))?;
    put(tx, key, &value.to_string())?;
    record(
        tx,
        actor,
        "setting",
        None,
        "update",
        &json!({"key": key, "to": value}),
    )
}

pub(crate) fn shop_country(conn: &Connection) -> Result<String> {
    Ok(get(conn, "shop_country")?.unwrap_or_else(|| "PL".to_string()))
}

pub(crate) fn read(conn: &Connection) -> Result<Settings> {
    Ok(Settings {
        ui_language: get(conn, "ui_language")?.and_then(|l| Language::from_tag(&l)),
        shop_name: get(conn, "shop_name")?.unwrap_or_else(|| DEFAULT_SHOP_NAME.to_string()),
        shop_country: shop_country(conn)?,
        shop_address: get(conn, "shop_address")?.unwrap_or_default(),
        slip_size: get(conn, "slip_size")?
            .and_then(|code| code.parse().ok())
            .unwrap_or(PageSize::A4),
        slip_prices: get(conn, "slip_prices")?.as_deref() != Some("0"),
        desk_printer: get(conn, "desk_printer")?.filter(|p| !p.is_empty()),
        staff_name: get(conn, "staff_name")?.unwrap_or_default(),
        sync_every_minutes: get(conn, "sync_every_minutes")?
            .and_then(|m| m.parse().ok())
            .unwrap_or(DEFAULT_SYNC_MINUTES),
    })
}

impl Store {
    /// The current settings (defaults where none were saved).
    pub fn settings(&self) -> Result<Settings> {
        self.read(read)
    }

    /// The shop's region for reading phone numbers.
    pub fn shop_region(&self) -> Result<Region> {
        let c = self.read(shop_country)?;
        Ok(Region::parse(&c).unwrap_or_else(|| Region::parse("PL").expect("PL is a region")))
    }

    /// Saves the settings; each changed key goes to the audit log.
    pub fn save_settings(&self, s: &Settings, actor: &Actor) -> Result<Settings> {
        let country = Region::parse(&s.shop_country)
            .ok_or_else(|| {
                StoreError::Invalid(format!("'{}' is not a country code", s.shop_country))
            })?
            .code();
        let name = s.shop_name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("the shop needs a name".into()));
        }
        let address = s
            .shop_address
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let printer = s
            .desk_printer
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let staff = s.staff_name.trim();
        if staff.chars().count() > 80 {
            return Err(StoreError::Invalid(
                "a staff name is limited to 80 characters".into(),
            ));
        }
        if s.sync_every_minutes > LONGEST_SYNC_MINUTES {
            return Err(StoreError::Invalid(format!(
                "syncs are at least once a day ({LONGEST_SYNC_MINUTES} minutes)"
            )));
        }
        let flag = |b: bool| Some(if b { "1" } else { "0" }.to_string());
        self.write(|tx| {
            let before = read(tx)?;
            let pairs = [
                (
                    "ui_language",
                    before.ui_language.map(|l| l.code().to_string()),
                    s.ui_language.map(|l| l.code().to_string()),
                ),
                (
                    "shop_name",
                    Some(before.shop_name.clone()),
                    Some(name.to_string()),
                ),
                (
                    "shop_country",
                    Some(before.shop_country.clone()),
                    Some(country.to_string()),
                ),
                (
                    "shop_address",
                    Some(before.shop_address.clone()),
                    Some(address.clone()),
                ),
                (
                    "slip_size",
                    Some(before.slip_size.code().to_string()),
                    Some(s.slip_size.code().to_string()),
                ),
                ("slip_prices", flag(before.slip_prices), flag(s.slip_prices)),
                (
                    "desk_printer",
                    before.desk_printer.clone(),
                    printer.map(str::to_string),
                ),
                (
                    "staff_name",
                    Some(before.staff_name.clone()).filter(|n| !n.is_empty()),
                    Some(staff.to_string()).filter(|n| !n.is_empty()),
                ),
                (
                    "sync_every_minutes",
                    Some(before.sync_every_minutes.to_string()),
                    Some(s.sync_every_minutes.to_string()),
                ),
            ];
            for (key, old, new) in pairs {
                if old == new {
                    continue;
                }
                match &new {
                    Some(v) => put(tx, key, v)?,
                    None => {
                        tx.execute("DELETE FROM settings WHERE key = ?1", [key])?;
                    }
                };
                record(
                    tx,
                    actor,
                    "setting",
                    None,
                    "update",
                    &json!({"key": key, "from": old, "to": new}),
                )?;
            }
            read(tx)
        })
    }
}
