//! The shops a desk syncs with: adding a connection (its secrets into the
//! keychain), testing it, removing it, and syncing it — after which, as after
//! an import, the call queue is refreshed and new paid orders get their gifts.

use crate::desk::Desk;
use crate::error::DeskError;
use courtesy_core::{shop_address, ShopKind};
use courtesy_import::Flow;
use courtesy_store::{
    AuditSource, GiftPlanCounts, ImportRun, NewConnection, RefreshCounts, ShopConnection,
};
use courtesy_sync::{
    sync_shop, test_connection, Credentials, Keychain, Policy, Saved, ShopIdentity, SyncError,
    SyncProgress, SyncSetting,
};
use serde::Serialize;
use ts_rs::TS;

/// What a sync did, and what followed it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncDone {
    /// The run as recorded.
    pub run: ImportRun,
    /// Calls queued and closed by the refresh after it.
    pub calls: RefreshCounts,
    /// Gifts and cards planned for its new paid orders.
    pub gifts: GiftPlanCounts,
}

/// A connection just added, and where its secrets went.
#[derive(Debug, Clone)]
pub struct ShopAdded {
    /// The connection.
    pub shop: ShopConnection,
    /// Into the keychain, or nowhere (no keychain here).
    pub saved: Saved,
}

/// Where a desk's syncs find secrets and how patient they are.
pub struct SyncDoor<'a> {
    /// The keychain (or none).
    pub keychain: &'a Keychain,
    /// The environment's variables, read for secrets given for one run.
    pub env: &'a dyn Fn(&str) -> Option<String>,
    /// Timeouts and retry bounds.
    pub policy: Policy,
}

impl Desk<'_> {
    fn sync_setting<'s>(&'s self, door: &'s SyncDoor<'s>) -> Result<SyncSetting<'s>, DeskError> {
        Ok(SyncSetting {
            store: self.store,
            clock: self.clock(),
            keychain: door.keychain,
            env: door.env,
            policy: door.policy,
            operator: self.actor_through(AuditSource::Sync).name,
            region: self.store.shop_region()?,
        })
    }

    /// Adds a connection named `name` to the shop at `address` (checked and
    /// made whole: a bare Shopify name gets `.myshopify.com`), keeping
    /// `credentials` in the keychain. Without a keychain the connection is
    /// added all the same and [`Saved::NoKeychain`] says so.
    pub fn add_shop(
        &self,
        name: &str,
        kind: ShopKind,
        address: &str,
        credentials: &Credentials,
        keychain: &Keychain,
    ) -> Result<ShopAdded, DeskError> {
        if !credentials.is_complete() {
            return Err(SyncError::NoSecret {
                shop: name.trim().to_string(),
                variables: Credentials::env_names(kind).to_string(),
            }
            .into());
        }
        let base_url = shop_address(kind, address).map_err(SyncError::from)?;
        let shop = self.store.add_shop_connection(
            &NewConnection {
                name: name.to_string(),
                kind,
                base_url,
                auth: credentials.auth(),
            },
            &self.actor(),
        )?;
        match keychain.save(&shop, credentials) {
            Ok(saved) => Ok(ShopAdded { shop, saved }),
            Err(e) => {
                // A connection whose secrets could not be kept is not left behind.
                let _ = self.store.remove_shop_connection(&shop.name, &self.actor());
                Err(e.into())
            }
        }
    }

    /// Keeps new secrets for the connection `name` (a key revoked and made
    /// again, or secrets this computer could not keep across a restart); they
    /// must sign in the way the connection does.
    pub fn set_shop_secrets(
        &self,
        name: &str,
        credentials: &Credentials,
        keychain: &Keychain,
    ) -> Result<Saved, DeskError> {
        let shop = self.store.shop_connection_named(name)?;
        if !credentials.is_complete() || credentials.auth() != shop.auth {
            return Err(SyncError::NoSecret {
                shop: shop.name.clone(),
                variables: Credentials::env_names(shop.kind).to_string(),
            }
            .into());
        }
        Ok(keychain.save(&shop, credentials)?)
    }

    /// Forgets the connection `name` and its secrets (its orders stay).
    pub fn remove_shop(
        &self,
        name: &str,
        keychain: &Keychain,
    ) -> Result<ShopConnection, DeskError> {
        let shop = self.store.shop_connection_named(name)?;
        keychain.delete(&shop)?;
        Ok(self
            .store
            .remove_shop_connection(&shop.name, &self.actor())?)
    }

    /// What the shop of connection `name` says of itself with the secrets it
    /// would sync with.
    pub fn test_shop(&self, name: &str, door: &SyncDoor<'_>) -> Result<ShopIdentity, DeskError> {
        let shop = self.store.shop_connection_named(name)?;
        let credentials = door.keychain.credentials_for(&shop, door.env)?;
        Ok(test_connection(
            &self.sync_setting(door)?,
            &shop,
            &credentials,
        )?)
    }

    /// Syncs the connection `name` (the whole shop with `whole_shop`, else
    /// what changed), then refreshes the call queue and plans gifts for what
    /// came in — also when the sync was cancelled or failed part way, since
    /// what it committed stays.
    pub fn sync(
        &self,
        name: &str,
        whole_shop: bool,
        door: &SyncDoor<'_>,
        on_progress: &mut dyn FnMut(&SyncProgress) -> Flow,
    ) -> Result<SyncDone, DeskError> {
        let outcome = sync_shop(&self.sync_setting(door)?, name, whole_shop, on_progress);
        let after = self.actor_through(AuditSource::Sync);
        let calls = self.store.refresh_calls(after.at, &after)?;
        let gifts = self.store.plan_gifts(after.at, &after)?;
        Ok(SyncDone {
            run: outcome?,
            calls,
            gifts,
        })
    }
}
