//! A shop's secrets: an Admin API token, a client id and secret, or a
//! WooCommerce consumer key and secret. They live in the OS keychain (Windows
//! Credential Manager, the macOS Keychain, the Secret Service on Linux), one
//! entry per connection, and nowhere else: not in the database, the logs,
//! errors, or anything sent to the window. Where the computer has no keychain
//! (a server without a desktop session), environment variables give them for
//! one run, and they are never stored.

use crate::sync_error::SyncError;
use courtesy_core::{ShopAuth, ShopKind};
use courtesy_store::ShopConnection;
use keyring_core::{CredentialStore, Entry};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// The keychain service the entries are filed under.
pub const SERVICE: &str = "Courtesy shop sync";

/// The keychain service a desk's database passwords are filed under.
pub const DATABASE_SERVICE: &str = "Courtesy database";

/// A Shopify Admin API token.
pub const ENV_SHOPIFY_TOKEN: &str = "COURTESY_SHOPIFY_TOKEN";
/// A Shopify app's client id (with its secret).
pub const ENV_SHOPIFY_CLIENT_ID: &str = "COURTESY_SHOPIFY_CLIENT_ID";
/// A Shopify app's client secret.
pub const ENV_SHOPIFY_CLIENT_SECRET: &str = "COURTESY_SHOPIFY_CLIENT_SECRET";
/// A WooCommerce consumer key.
pub const ENV_WC_KEY: &str = "COURTESY_WC_KEY";
/// A WooCommerce consumer secret.
pub const ENV_WC_SECRET: &str = "COURTESY_WC_SECRET";

/// What a connection signs in with.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "auth", rename_all = "snake_case")]
pub enum Credentials {
    /// A Shopify Admin API access token.
    Token {
        /// The token.
        token: String,
    },
    /// A Shopify Dev Dashboard app's client id and secret.
    ClientCredentials {
        /// The client id.
        client_id: String,
        /// The client secret.
        client_secret: String,
    },
    /// A WooCommerce REST API consumer key and secret.
    KeySecret {
        /// The consumer key (`ck_…`).
        key: String,
        /// The consumer secret (`cs_…`).
        secret: String,
    },
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credentials::{:?}(hidden)", self.auth())
    }
}

impl Credentials {
    /// The way these sign in.
    pub fn auth(&self) -> ShopAuth {
        match self {
            Credentials::Token { .. } => ShopAuth::Token,
            Credentials::ClientCredentials { .. } => ShopAuth::ClientCredentials,
            Credentials::KeySecret { .. } => ShopAuth::KeySecret,
        }
    }

    /// Whether every part is filled in.
    pub fn is_complete(&self) -> bool {
        match self {
            Credentials::Token { token } => !token.trim().is_empty(),
            Credentials::ClientCredentials {
                client_id,
                client_secret,
            } => !client_id.trim().is_empty() && !client_secret.trim().is_empty(),
            Credentials::KeySecret { key, secret } => {
                !key.trim().is_empty() && !secret.trim().is_empty()
            }
        }
    }

    /// The credentials the environment gives for a shop of `kind`, if any:
    /// `COURTESY_SHOPIFY_TOKEN` (or the client id and secret) for Shopify,
    /// `COURTESY_WC_KEY` and `COURTESY_WC_SECRET` for WooCommerce.
    pub fn from_env(kind: ShopKind, var: &dyn Fn(&str) -> Option<String>) -> Option<Credentials> {
        let get = |name: &str| {
            var(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        match kind {
            ShopKind::Shopify => match get(ENV_SHOPIFY_TOKEN) {
                Some(token) => Some(Credentials::Token { token }),
                None => Some(Credentials::ClientCredentials {
                    client_id: get(ENV_SHOPIFY_CLIENT_ID)?,
                    client_secret: get(ENV_SHOPIFY_CLIENT_SECRET)?,
                }),
            },
            ShopKind::Woocommerce => Some(Credentials::KeySecret {
                key: get(ENV_WC_KEY)?,
                secret: get(ENV_WC_SECRET)?,
            }),
        }
    }

    /// The variables that would give a shop of `kind` its secrets, for messages.
    pub fn env_names(kind: ShopKind) -> &'static str {
        match kind {
            ShopKind::Shopify => "COURTESY_SHOPIFY_TOKEN (or COURTESY_SHOPIFY_CLIENT_ID and COURTESY_SHOPIFY_CLIENT_SECRET)",
            ShopKind::Woocommerce => "COURTESY_WC_KEY and COURTESY_WC_SECRET",
        }
    }
}

/// Where saving the secrets went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Into the keychain.
    InKeychain,
    /// The computer has no keychain: nothing was kept.
    NoKeychain {
        /// Why there is none.
        why: String,
    },
}

/// The OS keychain, or the lack of one.
#[derive(Clone)]
pub struct Keychain {
    store: Option<Arc<CredentialStore>>,
    why_none: String,
}

impl fmt::Debug for Keychain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.store {
            Some(store) => write!(f, "Keychain({})", store.vendor()),
            None => write!(f, "Keychain(none: {})", self.why_none),
        }
    }
}

impl Keychain {
    /// The platform's keychain, when this computer has one that answers.
    pub fn system() -> Keychain {
        match platform_store() {
            Ok(store) => Keychain {
                store: Some(store),
                why_none: String::new(),
            },
            Err(why) => Keychain::none(why),
        }
    }

    /// A given store (tests give `keyring_core`'s mock; the app, lacking a
    /// keychain, one kept in memory until it closes).
    pub fn with_store(store: Arc<CredentialStore>) -> Keychain {
        Keychain {
            store: Some(store),
            why_none: String::new(),
        }
    }

    /// No keychain, for the reason given.
    pub fn none(why: impl Into<String>) -> Keychain {
        Keychain {
            store: None,
            why_none: why.into(),
        }
    }

    /// Whether secrets can be kept.
    pub fn is_available(&self) -> bool {
        self.store.is_some()
    }

    /// Why there is no keychain (empty when there is one).
    pub fn why_none(&self) -> &str {
        &self.why_none
    }

    /// Keeps `text` under `service` / `account`.
    fn put(&self, service: &str, account: &str, text: &str) -> Result<Saved, SyncError> {
        let Some(store) = &self.store else {
            return Ok(Saved::NoKeychain {
                why: self.why_none.clone(),
            });
        };
        Entry::new_in_store(store, service, account)
            .and_then(|e| e.set_password(text))
            .map_err(keychain_error)?;
        Ok(Saved::InKeychain)
    }

    /// The text kept under `service` / `account`, if any.
    fn get(&self, service: &str, account: &str) -> Result<Option<String>, SyncError> {
        let Some(store) = &self.store else {
            return Ok(None);
        };
        match Entry::new_in_store(store, service, account).and_then(|e| e.get_password()) {
            Ok(text) => Ok(Some(text)),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error(e)),
        }
    }

    /// Forgets what is kept under `service` / `account` (nothing kept is no error).
    fn forget(&self, service: &str, account: &str) -> Result<(), SyncError> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        match Entry::new_in_store(store, service, account).and_then(|e| e.delete_credential()) {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error(e)),
        }
    }

    /// Keeps `credentials` for `shop`.
    pub fn save(
        &self,
        shop: &ShopConnection,
        credentials: &Credentials,
    ) -> Result<Saved, SyncError> {
        let text = serde_json::to_string(credentials).map_err(|e| SyncError::Keychain {
            reason: e.to_string(),
        })?;
        self.put(SERVICE, &account(shop), &text)
    }

    /// The credentials kept for `shop`, if any.
    pub fn load(&self, shop: &ShopConnection) -> Result<Option<Credentials>, SyncError> {
        self.get(SERVICE, &account(shop))?
            .map(|text| {
                serde_json::from_str(&text).map_err(|_| SyncError::Keychain {
                    reason: format!("the entry for {} is not Courtesy's", shop.name),
                })
            })
            .transpose()
    }

    /// Forgets the credentials of `shop` (nothing kept is no error).
    pub fn delete(&self, shop: &ShopConnection) -> Result<(), SyncError> {
        self.forget(SERVICE, &account(shop))
    }

    /// Keeps the password of the database server at `account` (its URL
    /// without the password).
    pub fn save_database_password(
        &self,
        account: &str,
        password: &str,
    ) -> Result<Saved, SyncError> {
        self.put(DATABASE_SERVICE, account, password)
    }

    /// The password kept for the database server at `account`, if any.
    pub fn database_password(&self, account: &str) -> Result<Option<String>, SyncError> {
        self.get(DATABASE_SERVICE, account)
    }

    /// Forgets the password of the database server at `account`.
    pub fn delete_database_password(&self, account: &str) -> Result<(), SyncError> {
        self.forget(DATABASE_SERVICE, account)
    }

    /// The credentials a sync of `shop` uses: the environment's, which
    /// override the keychain for this run, else the keychain's.
    pub fn credentials_for(
        &self,
        shop: &ShopConnection,
        var: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Credentials, SyncError> {
        if let Some(given) = Credentials::from_env(shop.kind, var) {
            return Ok(given);
        }
        match self.load(shop)? {
            Some(kept) => Ok(kept),
            None => Err(SyncError::NoSecret {
                shop: shop.name.clone(),
                variables: Credentials::env_names(shop.kind).to_string(),
            }),
        }
    }
}

/// The account an entry is filed under: the connection's name and address.
fn account(shop: &ShopConnection) -> String {
    format!("{} ({})", shop.name, shop.base_url)
}

fn keychain_error(e: keyring_core::Error) -> SyncError {
    SyncError::Keychain {
        reason: e.to_string(),
    }
}

#[cfg(target_os = "linux")]
fn platform_store() -> Result<Arc<CredentialStore>, String> {
    dbus_secret_service_keyring_store::Store::new()
        .map(|s| s as Arc<CredentialStore>)
        .map_err(|e| format!("no Secret Service answers on this computer ({e})"))
}

#[cfg(target_os = "macos")]
fn platform_store() -> Result<Arc<CredentialStore>, String> {
    apple_native_keyring_store::keychain::Store::new()
        .map(|s| s as Arc<CredentialStore>)
        .map_err(|e| e.to_string())
}

#[cfg(target_os = "windows")]
fn platform_store() -> Result<Arc<CredentialStore>, String> {
    windows_native_keyring_store::Store::new()
        .map(|s| s as Arc<CredentialStore>)
        .map_err(|e| e.to_string())
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn platform_store() -> Result<Arc<CredentialStore>, String> {
    Err("this system has no keychain Courtesy knows".to_string())
}
