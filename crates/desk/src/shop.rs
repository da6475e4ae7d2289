//! The shop's own things at the desk: a customer's profile edited, the
//! settings and the logo saved, and the demo shop loaded into an empty
//! database (with its call queue made).

use crate::desk::Desk;
use crate::error::DeskError;
use chrono::{DateTime, Utc};
use courtesy_demo::Scale;
use courtesy_store::{CustomerEdit, CustomerProfile, Settings};
use serde::Serialize;
use ts_rs::TS;

/// What loading the demo shop wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoLoaded {
    /// Products of the catalogue.
    #[ts(type = "number")]
    pub products: i64,
    /// Customers created.
    #[ts(type = "number")]
    pub customers: i64,
    /// Orders created.
    #[ts(type = "number")]
    pub orders: i64,
    /// Calls queued for them.
    #[ts(type = "number")]
    pub calls: i64,
    /// Gifts in the catalogue (none for a bare shop).
    #[ts(type = "number")]
    pub gifts: i64,
    /// Orders given gifts or cards.
    #[ts(type = "number")]
    pub planned_orders: i64,
    /// Calls already made, with their outcomes.
    #[ts(type = "number")]
    pub call_attempts: i64,
}

impl Desk<'_> {
    /// Saves staff edits to a customer's profile.
    pub fn edit_customer(
        &self,
        id: i64,
        edit: &CustomerEdit,
    ) -> Result<CustomerProfile, DeskError> {
        Ok(self.store.edit_customer(id, edit, &self.actor())?)
    }

    /// Saves the settings.
    pub fn save_settings(&self, settings: &Settings) -> Result<Settings, DeskError> {
        Ok(self.store.save_settings(settings, &self.actor())?)
    }

    /// Makes `bytes` (PNG or JPEG) the shop's logo.
    pub fn set_shop_logo(&self, bytes: &[u8]) -> Result<(), DeskError> {
        Ok(self.store.set_shop_logo(bytes, &self.actor())?)
    }

    /// Removes the shop's logo.
    pub fn clear_shop_logo(&self) -> Result<(), DeskError> {
        Ok(self.store.clear_shop_logo(&self.actor())?)
    }

    /// Fills an empty database with the demo shop from `seed` at `scale`, its
    /// history ending at `until` (now when `None`), and makes its call queue.
    /// Unless `bare`, the weeks of aftercare follow (a gift catalogue and
    /// policy, planned gifts and cards, calls made; see
    /// [`courtesy_demo::aftercare`]), so every screen has something to show.
    pub fn load_demo(
        &self,
        seed: u64,
        scale: Scale,
        until: Option<DateTime<Utc>>,
        bare: bool,
    ) -> Result<DemoLoaded, DeskError> {
        let actor = self.actor();
        let until = until.unwrap_or(actor.at);
        let counts = courtesy_demo::load(self.store, until, seed, scale, &actor)?;
        let calls = self.store.refresh_calls(actor.at, &actor)?;
        let care = if bare {
            courtesy_demo::AftercareCounts::default()
        } else {
            courtesy_demo::aftercare(self.store, until, &actor)?
        };
        Ok(DemoLoaded {
            products: counts.products as i64,
            customers: counts.customers as i64,
            orders: counts.orders as i64,
            calls: i64::from(calls.created),
            gifts: care.gifts as i64,
            planned_orders: care.planned_orders as i64,
            call_attempts: care.call_attempts as i64,
        })
    }
}
