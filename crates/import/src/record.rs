//! What importers yield: customers and orders as the source described them,
//! before validation and merging, each located at its row in the file.

use chrono::{DateTime, Utc};
use courtesy_core::{Currency, OrderStatus, PostalAddress};

/// A value and the row of the file it starts on (1 = the header row, so the
/// first data row is 2: the number a spreadsheet shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// Row number as a spreadsheet shows it.
    pub row: u64,
    /// The value.
    pub value: T,
}

/// A row that could not be read; the rest of the file goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Row number as a spreadsheet shows it.
    pub row: u64,
    /// The column (header text) at fault, when one is.
    pub column: Option<String>,
    /// Why, in a sentence for the person importing.
    pub reason: String,
}

/// One thing a source describes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(
    clippy::large_enum_variant,
    reason = "made and consumed once per record; boxing buys nothing"
)]
pub enum Record {
    /// A customer (from a customers export).
    Customer(CustomerRecord),
    /// An order with its buyer and lines (from an orders export).
    Order(OrderRecord),
}

/// A customer as the source has it. E-mail and phones are raw; the sink
/// normalises them with the shop's region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerRecord {
    /// `shopify`, `woocommerce` or `csv`.
    pub source: String,
    /// The customer's id in the source; `None` for guests.
    pub external_id: Option<String>,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Company.
    pub company: String,
    /// E-mail as written.
    pub email: Option<String>,
    /// Phone numbers as written, the most important first.
    pub phones: Vec<String>,
    /// ISO alpha-2 country, when known.
    pub country: Option<String>,
    /// Language tag, when the source has one.
    pub language: Option<String>,
    /// Addresses with their kind (`shipping` or `billing`).
    pub addresses: Vec<(String, PostalAddress)>,
    /// Tags.
    pub tags: Vec<String>,
    /// The source's note about the customer.
    pub note: String,
    /// Marketing e-mail consent, when the source says.
    pub email_consent: Option<bool>,
    /// Marketing SMS consent, when the source says.
    pub sms_consent: Option<bool>,
    /// When the customer was created in the source.
    pub created_at: Option<DateTime<Utc>>,
}

/// One line of an order, as the store keeps it.
pub use courtesy_store::NewOrderLine as LineRecord;

/// The parcel of an order, as the store keeps it.
pub use courtesy_store::Shipment;

/// An order's id in the source, as the file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceId {
    /// The id (Shopify `Id`, WooCommerce `id`).
    Given(String),
    /// The file has no id for the order.
    Missing,
    /// A spreadsheet rounded it (`5,01253E+12`): the order is known by its
    /// number instead.
    Rounded(String),
}

impl SourceId {
    /// Reads an id cell: empty is missing, scientific notation rounded.
    pub fn from_cell(text: &str) -> SourceId {
        let t = text.trim();
        if t.is_empty() {
            SourceId::Missing
        } else if courtesy_core::is_rounded_number(t) {
            SourceId::Rounded(t.to_string())
        } else {
            SourceId::Given(t.to_string())
        }
    }

    /// The id to match the order by, when there is one to trust.
    pub fn usable(&self) -> Option<&str> {
        match self {
            SourceId::Given(id) => Some(id),
            SourceId::Missing | SourceId::Rounded(_) => None,
        }
    }
}

/// An order as the source has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRecord {
    /// `shopify`, `woocommerce` or `csv`.
    pub source: String,
    /// The order's id in the source; without a usable one the order is known
    /// by its number.
    pub external_id: SourceId,
    /// Shown number, e.g. `#1001`.
    pub number: String,
    /// Who placed it; guests have no external id and maybe no e-mail.
    pub buyer: CustomerRecord,
    /// Status, mapped from the source's financial / fulfilment states.
    pub status: OrderStatus,
    /// When placed.
    pub placed_at: DateTime<Utc>,
    /// When paid.
    pub paid_at: Option<DateTime<Utc>>,
    /// When shipped.
    pub fulfilled_at: Option<DateTime<Utc>>,
    /// When delivered.
    pub delivered_at: Option<DateTime<Utc>>,
    /// Currency of all amounts.
    pub currency: Currency,
    /// Sum of lines, minor units.
    pub subtotal_minor: i64,
    /// Shipping charged.
    pub shipping_minor: i64,
    /// Discounts, as a positive number.
    pub discount_minor: i64,
    /// Taxes.
    pub tax_minor: i64,
    /// What the customer paid.
    pub total_minor: i64,
    /// What was paid back (partial or full refunds).
    pub refunded_minor: i64,
    /// Shipping method.
    pub shipping_method: String,
    /// Ship-to address.
    pub ship_to: PostalAddress,
    /// The customer's note at checkout.
    pub customer_note: String,
    /// Gift message, when the source has one.
    pub gift_message: String,
    /// Discount codes, comma-separated.
    pub discount_codes: String,
    /// Lines in order.
    pub lines: Vec<LineRecord>,
    /// The parcel, when the source says (the live sync does; exports do not).
    pub shipment: Shipment,
}

/// A source of records: a file read in one pass, record by record.
pub trait Importer {
    /// The next record, or the error of a row that could not be read (a record
    /// whose rows are not all readable is not yielded: each of its rows comes
    /// as an error); `None` at the end of the file. I/O and decoding failures
    /// past the first block are row errors too, so what was read before them
    /// still imports.
    fn next_record(&mut self) -> Option<Result<Located<Record>, RowError>>;

    /// Bytes of the file consumed so far (for progress).
    fn bytes_read(&self) -> u64;

    /// Records so far that were identical to an earlier record of the file and
    /// were not yielded again.
    fn duplicates(&self) -> u64 {
        0
    }

    /// The row number of the first data row: 2 in a file with a header line,
    /// 1 where rows are the items of a JSON array.
    fn first_data_row(&self) -> u64 {
        2
    }
}
