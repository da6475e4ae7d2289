//! Why a sync, a connection test or a keychain step could not be done, said
//! the way a shop owner understands it and with a stable code. No message
//! carries a secret or an address with one in it: errors name the host and the
//! page, never the URL sent.

use courtesy_core::{ErrorCode, ErrorParams, ShopAddressError};
use courtesy_store::StoreError;

/// Why a sync or a connection test stopped.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The shop's address cannot be used.
    #[error("{0}")]
    Address(#[from] ShopAddressError),
    /// The shop could not be reached, after retries.
    #[error("{host} could not be reached ({reason}); Courtesy tried {attempts} times")]
    Unreachable {
        /// The host.
        host: String,
        /// The last failure (timeout, refused, cut off).
        reason: String,
        /// How many times.
        attempts: u32,
    },
    /// The shop answered with a server error, after retries.
    #[error("{host} keeps failing (HTTP {status}); Courtesy tried {attempts} times")]
    ServerError {
        /// The host.
        host: String,
        /// The last status.
        status: u16,
        /// How many times.
        attempts: u32,
    },
    /// The shop refused the credentials.
    #[error("{host} refused Courtesy's key: it was revoked, expired or mistyped ({detail})")]
    Unauthorized {
        /// The host.
        host: String,
        /// What the shop said.
        detail: String,
    },
    /// The credentials lack a permission the sync needs.
    #[error("{host} did not allow Courtesy to read {scope}: give the key that permission")]
    ScopeMissing {
        /// The host.
        host: String,
        /// What is missing (e.g. `read_orders`).
        scope: String,
    },
    /// The shop does not let this app sign in with client credentials.
    #[error("{host} does not let this app sign in with its client id and secret: the app must belong to the shop's own organisation")]
    NotPermitted {
        /// The host.
        host: String,
    },
    /// The shop refused the request for another reason.
    #[error("{host} refused {what} (HTTP {status}): {detail}")]
    Refused {
        /// The host.
        host: String,
        /// What was asked.
        what: String,
        /// The status.
        status: u16,
        /// What the shop said.
        detail: String,
    },
    /// The address answers, but not as the shop platform does.
    #[error("{host} does not answer as a {platform} shop: {reason}")]
    NotAShop {
        /// The host.
        host: String,
        /// Shopify or WooCommerce.
        platform: String,
        /// What was found instead.
        reason: String,
    },
    /// A page of data could not be read; nothing after the last good page was
    /// recorded as synced.
    #[error("{what} could not be read: {reason}")]
    BadPage {
        /// The page, e.g. `orders page 3`.
        what: String,
        /// Why.
        reason: String,
    },
    /// The shop kept the sync waiting longer than Courtesy waits.
    #[error("{host} kept asking Courtesy to wait; try again later")]
    Throttled {
        /// The host.
        host: String,
    },
    /// Shopify's bulk export failed.
    #[error("Shopify's export of {what} failed ({code})")]
    BulkFailed {
        /// What was exported.
        what: String,
        /// Shopify's error code or status.
        code: String,
    },
    /// Another desk or window is syncing this shop.
    #[error("{shop} is being synced by {holder} (until {until} at the latest)")]
    Busy {
        /// The connection.
        shop: String,
        /// Who.
        holder: String,
        /// When the lease lapses (UTC).
        until: String,
    },
    /// No secret for the connection in the keychain or the environment.
    #[error("no key for {shop}: the keychain has none; enter it again, or set {variables}")]
    NoSecret {
        /// The connection.
        shop: String,
        /// The environment variables that would give it.
        variables: String,
    },
    /// The keychain refused.
    #[error("the keychain refused: {reason}")]
    Keychain {
        /// Why.
        reason: String,
    },
    /// The database refused; pages committed before stay.
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl SyncError {
    /// A stable code, e.g. `shop.unauthorized`.
    pub fn code(&self) -> ErrorCode {
        match self {
            SyncError::Address(ShopAddressError::Insecure { .. }) => ErrorCode::ShopInsecure,
            SyncError::Address(_) => ErrorCode::ShopBadAddress,
            SyncError::Unreachable { .. } => ErrorCode::ShopUnreachable,
            SyncError::ServerError { .. } => ErrorCode::ShopServerError,
            SyncError::Unauthorized { .. } => ErrorCode::ShopUnauthorized,
            SyncError::ScopeMissing { .. } => ErrorCode::ShopScopeMissing,
            SyncError::NotPermitted { .. } => ErrorCode::ShopNotPermitted,
            SyncError::Refused { .. } => ErrorCode::ShopRefused,
            SyncError::NotAShop { .. } => ErrorCode::ShopNotAShop,
            SyncError::BadPage { .. } => ErrorCode::ShopBadPage,
            SyncError::Throttled { .. } => ErrorCode::ShopThrottled,
            SyncError::BulkFailed { .. } => ErrorCode::ShopBulkFailed,
            SyncError::Busy { .. } => ErrorCode::ShopBusy,
            SyncError::NoSecret { .. } => ErrorCode::ShopNoSecret,
            SyncError::Keychain { .. } => ErrorCode::ShopKeychain,
            SyncError::Store(e) => e.code(),
        }
    }

    /// The error's parameters, named as its code says.
    pub fn params(&self) -> ErrorParams {
        let s = |v: &str| v.to_string();
        match self {
            SyncError::Address(ShopAddressError::Insecure { host }) => vec![("host", s(host))],
            SyncError::Address(e) => vec![("reason", e.to_string())],
            SyncError::Unreachable {
                host,
                reason,
                attempts,
            } => vec![
                ("host", s(host)),
                ("reason", s(reason)),
                ("attempts", attempts.to_string()),
            ],
            SyncError::ServerError {
                host,
                status,
                attempts,
            } => vec![
                ("host", s(host)),
                ("status", status.to_string()),
                ("attempts", attempts.to_string()),
            ],
            SyncError::Unauthorized { host, detail } => {
                vec![("host", s(host)), ("detail", s(detail))]
            }
            SyncError::ScopeMissing { host, scope } => vec![("host", s(host)), ("scope", s(scope))],
            SyncError::NotPermitted { host } | SyncError::Throttled { host } => {
                vec![("host", s(host))]
            }
            SyncError::Refused {
                host,
                what,
                status,
                detail,
            } => vec![
                ("host", s(host)),
                ("what", s(what)),
                ("status", status.to_string()),
                ("detail", s(detail)),
            ],
            SyncError::NotAShop {
                host,
                platform,
                reason,
            } => vec![
                ("host", s(host)),
                ("platform", s(platform)),
                ("reason", s(reason)),
            ],
            SyncError::BadPage { what, reason } => vec![("what", s(what)), ("reason", s(reason))],
            SyncError::BulkFailed { what, code } => vec![("what", s(what)), ("code", s(code))],
            SyncError::Busy {
                shop,
                holder,
                until,
            } => vec![
                ("shop", s(shop)),
                ("holder", s(holder)),
                ("until", s(until)),
            ],
            SyncError::NoSecret { shop, variables } => {
                vec![("shop", s(shop)), ("variables", s(variables))]
            }
            SyncError::Keychain { reason } => vec![("reason", s(reason))],
            SyncError::Store(e) => e.params(),
        }
    }
}
