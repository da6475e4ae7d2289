//! What a packing slip says: the order, where it goes, what goes into the box.
//!
//! The caller formats money and addresses (they depend on the shop's currency and the
//! destination country); this crate only lays them out.

use chrono::NaiveDate;
use courtesy_core::Language;
use serde::{Deserialize, Serialize};

/// One packing slip: one order, printed in the customer's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipData {
    /// Language of every printed label and of the date.
    pub language: Language,
    /// The shop's logo, name and address at the top.
    pub shop: ShopHeader,
    /// The order number as the shop shows it ("1001" or "#1001"); the barcode encodes
    /// exactly this string.
    pub order_number: String,
    /// The day the order was placed.
    pub placed_at: NaiveDate,
    /// Address lines, already formatted for the destination country; the first is
    /// usually the recipient's name.
    pub ship_to: Vec<String>,
    /// Carrier and service, e.g. "InPost Paczkomat".
    pub shipping_method: String,
    /// What the customer wrote at checkout; empty for none.
    pub customer_note: String,
    /// The order lines, in any order: the slip sorts them by bin, then SKU.
    pub lines: Vec<SlipLine>,
    /// Whether prices are printed; false on gift orders.
    pub show_prices: bool,
    /// The formatted order total, printed only with prices.
    pub total: Option<String>,
    /// Gifts, cards and the gift message to put into the parcel.
    pub inserts: Vec<InsertItem>,
    /// 0 for the first print; 1 and more print a visible "COPY n" mark.
    pub copy_number: u32,
}

/// The shop's identity at the top of the slip.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ShopHeader {
    /// Shop name.
    pub name: String,
    /// Return address, one line each.
    pub address_lines: Vec<String>,
    /// PNG or JPEG bytes; drawn when decodable, skipped otherwise (see
    /// [`check_logo`](crate::check_logo) to validate one up front).
    pub logo: Option<Vec<u8>>,
}

/// One line of the order: a product, how many, and where it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SlipLine {
    /// Stock keeping unit.
    pub sku: String,
    /// Product name.
    pub name: String,
    /// Variant ("Size M / Blue"); empty for none.
    pub variant: String,
    /// How many to pack.
    pub quantity: u32,
    /// Bin location in the store room; empty when unknown.
    pub bin: String,
    /// Formatted unit price; `None` leaves the cell empty.
    pub unit_price: Option<String>,
}

/// Something that goes into the parcel besides the ordered goods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsertItem {
    /// Gift, card or gift message.
    pub kind: InsertKind,
    /// Gift name, card occasion; may be empty for a gift message.
    pub title: String,
    /// Card text when printed (not handwritten), the gift message, or a note for the
    /// packer; may be empty.
    pub text: String,
}

/// The kind of an [`InsertItem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InsertKind {
    /// A planned gift.
    Gift,
    /// A card (handwritten or printed).
    Card,
    /// The buyer's message to the recipient of a gift order.
    GiftMessage,
}
