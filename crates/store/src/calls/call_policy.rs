//! The shop's call policy, kept as JSON under the `call_policy` setting; the
//! default policy when none was saved (or the saved text no longer reads).

use crate::audit::Actor;
use crate::db::Connection;
use crate::error::{Result, StoreError};
use crate::settings::{get, put_json, shop_country};
use crate::{RefreshCounts, Store};
use chrono::{DateTime, Utc};
use courtesy_core::calls::{zone_for_country, CallPolicy, Tz};

const KEY: &str = "call_policy";

pub(crate) fn read_call_policy(conn: &Connection) -> Result<CallPolicy> {
    Ok(get(conn, KEY)?
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// The shop's own zone: customers whose zone nothing tells are called on it.
pub(crate) fn shop_zone(conn: &Connection) -> Result<Tz> {
    Ok(zone_for_country(&shop_country(conn)?).unwrap_or(Tz::Europe__Warsaw))
}

impl Store {
    /// Refreshes the call queue under the shop's saved policy (after an import,
    /// a sync, at start-up).
    pub fn refresh_calls(&self, now: DateTime<Utc>, actor: &Actor) -> Result<RefreshCounts> {
        let policy = self.call_policy()?;
        self.refresh_call_queue(&policy, now, actor)
    }

    /// The call policy (the default one until the owner saves theirs).
    pub fn call_policy(&self) -> Result<CallPolicy> {
        self.read(read_call_policy)
    }

    /// Saves the call policy; the change goes to the audit log.
    pub fn save_call_policy(&self, policy: &CallPolicy, actor: &Actor) -> Result<CallPolicy> {
        let hours = &policy.calling_hours;
        if !hours.is_valid() {
            return Err(StoreError::Invalid(
                "calling hours must start before they end".into(),
            ));
        }
        if policy.retry.max_attempts == 0 {
            return Err(StoreError::Invalid(
                "a call needs at least one attempt".into(),
            ));
        }
        self.write(|tx| {
            put_json(tx, actor, KEY, policy, "the call policy")?;
            read_call_policy(tx)
        })
    }
}
