//! Tauri commands of Settings → Shops and the sidebar's sync line: list,
//! add, test and remove connections (secrets go from the form to the
//! keychain and never come back), sync now, cancel, and where syncs stand.

use crate::error::AppError;
use crate::state::AppState;
use crate::sync_scheduler::{SyncScheduler, SyncStatus};
use courtesy_core::{ShopAuth, ShopKind};
use courtesy_desk::SyncDoor;
use courtesy_store::ShopConnection;
use courtesy_sync::{Credentials, Policy, ShopIdentity};
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;

/// Where this app keeps shop secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SecretsKept {
    /// The OS keychain.
    Keychain,
    /// In memory until the app closes: this computer has no keychain.
    ThisSession,
}

/// The connections, and where their secrets are kept.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShopsOverview {
    /// Every connection with its latest run.
    pub shops: Vec<ShopConnection>,
    /// Where secrets go.
    pub secrets: SecretsKept,
    /// Why there is no keychain (empty when there is one).
    pub no_keychain_because: String,
}

/// The secrets a form gives; only those of the connection's way of signing
/// in are read.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ShopSecrets {
    /// Shopify: the Admin API access token.
    pub token: String,
    /// Shopify: the Dev Dashboard app's client id.
    pub client_id: String,
    /// Shopify: its client secret.
    pub client_secret: String,
    /// WooCommerce: the consumer key.
    pub key: String,
    /// WooCommerce: the consumer secret.
    pub secret: String,
}

impl ShopSecrets {
    fn credentials(&self, auth: ShopAuth) -> Credentials {
        let t = |s: &str| s.trim().to_string();
        match auth {
            ShopAuth::Token => Credentials::Token {
                token: t(&self.token),
            },
            ShopAuth::ClientCredentials => Credentials::ClientCredentials {
                client_id: t(&self.client_id),
                client_secret: t(&self.client_secret),
            },
            ShopAuth::KeySecret => Credentials::KeySecret {
                key: t(&self.key),
                secret: t(&self.secret),
            },
        }
    }
}

/// A connection as the form fills it in.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewShop {
    /// The name staff give it.
    pub name: String,
    /// The platform.
    pub kind: ShopKind,
    /// The shop's address (a Shopify store name or domain, a WooCommerce site).
    pub address: String,
    /// How it signs in.
    pub auth: ShopAuth,
    /// Its secrets.
    #[serde(flatten)]
    #[ts(flatten)]
    pub secrets: ShopSecrets,
}

/// Where this app keeps secrets, and why not in a keychain (empty when it does).
pub(crate) fn secrets_kept(state: &AppState) -> (SecretsKept, String) {
    match &state.keychain_session {
        Some(why) => (SecretsKept::ThisSession, why.clone()),
        None => (SecretsKept::Keychain, String::new()),
    }
}

fn overview(state: &AppState, shops: Vec<ShopConnection>) -> ShopsOverview {
    let (secrets, no_keychain_because) = secrets_kept(state);
    ShopsOverview {
        shops,
        secrets,
        no_keychain_because,
    }
}

/// The connections and where their secrets are kept.
#[tauri::command]
pub async fn shops_overview(state: State<'_, AppState>) -> Result<ShopsOverview, AppError> {
    let shops = state.with_store(|s| s.shop_connections()).await?;
    Ok(overview(&state, shops))
}

/// Adds a connection; its secrets go to the keychain.
#[tauri::command]
pub async fn add_shop(
    state: State<'_, AppState>,
    shop: NewShop,
) -> Result<ShopsOverview, AppError> {
    let keychain = state.keychain.clone();
    state
        .with_desk(move |d| {
            d.add_shop(
                &shop.name,
                shop.kind,
                &shop.address,
                &shop.secrets.credentials(shop.auth),
                &keychain,
            )
            .map(|_| ())
        })
        .await?;
    shops_overview(state).await
}

/// Keeps new secrets for a connection (they go to the keychain).
#[tauri::command]
pub async fn set_shop_secrets(
    state: State<'_, AppState>,
    name: String,
    secrets: ShopSecrets,
) -> Result<(), AppError> {
    let keychain = state.keychain.clone();
    state
        .with_desk(move |d| {
            let auth = d.store().shop_connection_named(&name)?.auth;
            d.set_shop_secrets(&name, &secrets.credentials(auth), &keychain)
                .map(|_| ())
        })
        .await
}

/// Forgets a connection and its secrets (its orders stay).
#[tauri::command]
pub async fn remove_shop(
    state: State<'_, AppState>,
    name: String,
) -> Result<ShopsOverview, AppError> {
    let keychain = state.keychain.clone();
    state
        .with_desk(move |d| d.remove_shop(&name, &keychain).map(|_| ()))
        .await?;
    shops_overview(state).await
}

/// What the shop says of itself with the connection's secrets.
#[tauri::command]
pub async fn test_shop(state: State<'_, AppState>, name: String) -> Result<ShopIdentity, AppError> {
    let keychain = state.keychain.clone();
    state
        .with_desk(move |d| {
            let env = |v: &str| std::env::var(v).ok();
            let door = SyncDoor {
                keychain: &keychain,
                env: &env,
                policy: Policy::default(),
            };
            d.test_shop(&name, &door)
        })
        .await
}

/// Syncs one connection (all when `name` is null) now, in the background;
/// progress and the outcome arrive as `sync-progress` and `sync-status`.
#[tauri::command]
pub fn sync_now(sync: State<'_, SyncScheduler>, name: Option<String>, whole_shop: bool) {
    sync.sync_now(name, whole_shop);
}

/// Stops the running sync after its current page.
#[tauri::command]
pub fn cancel_sync(sync: State<'_, SyncScheduler>) {
    sync.cancel();
}

/// Where the syncs stand.
#[tauri::command]
pub async fn sync_status(
    state: State<'_, AppState>,
    sync: State<'_, SyncScheduler>,
) -> Result<SyncStatus, AppError> {
    let store = state.store.clone()?;
    let sync = sync.inner().clone();
    tauri::async_runtime::spawn_blocking(move || sync.status(&store))
        .await
        .map_err(AppError::task)?
}
