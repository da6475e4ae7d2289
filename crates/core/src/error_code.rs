//! Every error a person can be shown, by its stable code: a closed list the
//! crates' typed errors map to, that the UI matches on and translates (each
//! code's message, in each of the UI's languages, from the code and its
//! parameters).

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal [$($param:literal),*],)*) => {
        /// The code of an error, as the boundary carries it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        pub enum ErrorCode {
            $($(#[$doc])* #[serde(rename = $code)] $variant,)*
        }

        impl ErrorCode {
            /// Every code.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as text, e.g. `dispatch.already_packed`.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// The names of the parameters an error of this code carries (and
            /// that its translated messages may use).
            pub fn params(&self) -> &'static [&'static str] {
                match self {
                    $(ErrorCode::$variant => &[$($param),*],)*
                }
            }
        }
    };
}

error_codes! {
    /// The file is not a Courtesy database.
    DbNotADatabase = "db.not_a_database" ["path"],
    /// The database was written by a newer Courtesy.
    DbTooNew = "db.too_new" ["path", "found", "supported"],
    /// Upgrading the database failed.
    DbMigrationFailed = "db.migration_failed" ["version", "reason"],
    /// A file of the database could not be made or read.
    DbIo = "db.io" ["path", "reason"],
    /// Another database error.
    DbSqlite = "db.sqlite" ["reason"],
    /// The database server cannot be reached (Courtesy keeps trying).
    DbUnreachable = "db.unreachable" ["location", "reason"],
    /// The database has customers already.
    DbNotEmpty = "db.not_empty" ["customers"],
    /// A record asked for does not exist.
    NotFound = "not_found" ["entity", "id"],
    /// Input that breaks a rule; the message says which.
    Invalid = "invalid" ["reason"],
    /// Another desk has the call open (its claim has not lapsed).
    CallClaimed = "call.claimed" ["by", "until"],
    /// The call was closed meanwhile (another desk made it, or it was cancelled).
    CallClosed = "call.closed" ["status", "by", "at"],
    /// Someone else changed the customer's fields while this edit was open.
    CustomerChanged = "customer.changed" ["fields", "by", "at"],
    /// The order was packed already.
    DispatchAlreadyPacked = "dispatch.already_packed" ["at", "by"],
    /// A cancelled or refunded order must not be packed.
    DispatchNotToBePacked = "dispatch.not_to_be_packed" ["status"],
    /// The file is not text.
    ImportNotText = "import.not_text" [],
    /// The file is empty.
    ImportEmpty = "import.empty" [],
    /// The file has a header and no rows.
    ImportNoRows = "import.no_rows" [],
    /// The columns are no known export.
    ImportUnknownFormat = "import.unknown_format" ["columns"],
    /// Columns the format or the mapping needs are missing.
    ImportMissingColumns = "import.missing_columns" ["columns"],
    /// The JSON is broken.
    ImportMalformed = "import.malformed" ["reason"],
    /// The JSON is no WooCommerce list.
    ImportUnknownJson = "import.unknown_json" ["reason"],
    /// A CSV of another shop system needs a column mapping.
    ImportNeedsMapping = "import.needs_mapping" [],
    /// The mapping leaves out fields the import needs.
    ImportMappingIncomplete = "import.mapping_incomplete" ["fields"],
    /// The file could not be read.
    ImportIo = "import.io" ["path", "reason"],
    /// No order matched the choice of slips.
    SlipsNoOrders = "slips.no_orders" [],
    /// Saving the slips failed.
    SlipsIo = "slips.io" ["path", "reason"],
    /// No such printer, or no default printer.
    PrintNoPrinter = "print.no_printer" ["reason"],
    /// The printer refused the job.
    PrintFailed = "print.failed" ["printer", "reason"],
    /// No slips to print.
    SlipNoSlips = "slip.no_slips" [],
    /// No cards on the sheet.
    SlipNoCards = "slip.no_cards" [],
    /// An order has no number.
    SlipEmptyOrderNumber = "slip.empty_order_number" [],
    /// An order number a barcode cannot carry.
    SlipOrderNumberNotEncodable = "slip.order_number_not_encodable" ["number", "character"],
    /// An order number too long for the page's barcode.
    SlipOrderNumberTooLong = "slip.order_number_too_long" ["number", "size"],
    /// The logo cannot be drawn.
    SlipBadLogo = "slip.bad_logo" ["reason"],
    /// The PDF could not be written.
    SlipPdf = "slip.pdf" ["reason"],
    /// The font could not be prepared.
    SlipFont = "slip.font" ["reason"],
    /// There are no cards to write.
    CardsNone = "cards.none" [],
    /// A file could not be written.
    FileWrite = "file.write" ["path", "reason"],
    /// The logo file could not be read.
    SettingsIo = "settings.io" ["path", "reason"],
    /// Another shop connection has the name.
    ShopNameTaken = "shop.name_taken" ["name"],
    /// No shop connection has the name.
    ShopNotFound = "shop.not_found" ["name"],
    /// The shop's address cannot be used.
    ShopBadAddress = "shop.bad_address" ["reason"],
    /// Plain http to a host on the network.
    ShopInsecure = "shop.insecure" ["host"],
    /// The shop could not be reached.
    ShopUnreachable = "shop.unreachable" ["host", "reason", "attempts"],
    /// The shop keeps answering with server errors.
    ShopServerError = "shop.server_error" ["host", "status", "attempts"],
    /// The shop refused the credentials.
    ShopUnauthorized = "shop.unauthorized" ["host", "detail"],
    /// The credentials lack a permission.
    ShopScopeMissing = "shop.scope_missing" ["host", "scope"],
    /// Client credentials are not allowed on this shop.
    ShopNotPermitted = "shop.not_permitted" ["host"],
    /// The shop refused a request.
    ShopRefused = "shop.refused" ["host", "what", "status", "detail"],
    /// The address is not a shop of the platform.
    ShopNotAShop = "shop.not_a_shop" ["host", "platform", "reason"],
    /// A page could not be read.
    ShopBadPage = "shop.bad_page" ["what", "reason"],
    /// The shop kept the sync waiting too long.
    ShopThrottled = "shop.throttled" ["host"],
    /// Shopify's bulk export failed.
    ShopBulkFailed = "shop.bulk_failed" ["what", "code"],
    /// Another desk is syncing the shop.
    ShopBusy = "shop.busy" ["shop", "holder", "until"],
    /// No secret for the connection.
    ShopNoSecret = "shop.no_secret" ["shop", "variables"],
    /// The keychain refused.
    ShopKeychain = "shop.keychain" ["reason"],
    /// A sync stopped without finishing (its program ended).
    ShopInterrupted = "shop.interrupted" [],
    /// The app's background task failed.
    AppTaskFailed = "app.task_failed" ["reason"],
    /// Anything else (the UI's own).
    AppUnexpected = "app.unexpected" ["reason"],
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An error's parameters by name, for its translated message.
pub type ErrorParams = Vec<(&'static str, String)>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_serialise_as_their_text() {
        let mut texts: Vec<&str> = ErrorCode::ALL.iter().map(ErrorCode::as_str).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), ErrorCode::ALL.len());
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
        assert!(ErrorCode::DispatchAlreadyPacked == "dispatch.already_packed");
    }
}
