//! A stored order turned into what the slip renderer draws: labels in the
//! customer's language, money written their way, prices hidden on gift orders,
//! the planned gifts, the card and the gift message in the Insert block, and COPY
//! on reprints.

use crate::card_words::{handwritten, occasion_name};
use chrono::{DateTime, NaiveDate, Utc};
use courtesy_core::format_money;
use courtesy_slip::{InsertItem, InsertKind, ShopHeader, SlipData, SlipLine};
use courtesy_store::{OrderGiftPlan, SlipOrder, Store, StoreError};

/// The shop's side of every slip: header, logo and whether prices show.
#[derive(Debug, Clone, Default)]
pub struct SlipSettings {
    /// The shop's name.
    pub shop_name: String,
    /// The return address, a line each.
    pub shop_address: Vec<String>,
    /// PNG or JPEG bytes.
    pub logo: Option<Vec<u8>>,
    /// Prices on slips (never on gift orders).
    pub show_prices: bool,
}

impl SlipSettings {
    /// Reads the shop's slip settings and logo.
    pub fn load(store: &Store) -> Result<SlipSettings, StoreError> {
        let s = store.settings()?;
        Ok(SlipSettings {
            shop_name: s.shop_name,
            shop_address: s.shop_address.lines().map(str::to_string).collect(),
            logo: store.shop_logo()?,
            show_prices: s.slip_prices,
        })
    }
}

/// The UTC day an ISO 8601 time falls on (the store writes every time so); the
/// first day of the Unix epoch for a text that is none, which no order has.
fn day_of(placed_at: &str) -> NaiveDate {
    DateTime::parse_from_rfc3339(placed_at)
        .map(|t| t.with_timezone(&Utc).date_naive())
        .or_else(|_| NaiveDate::parse_from_str(placed_at.get(..10).unwrap_or(""), "%Y-%m-%d"))
        .unwrap_or_default()
}

/// What goes into the parcel: the planned gifts (name, SKU), the card (its
/// occasion; its text when it is printed rather than handwritten), then the gift
/// message.
fn inserts(order: &SlipOrder, plan: Option<&OrderGiftPlan>) -> Vec<InsertItem> {
    let language = order.language;
    let mut items = Vec::new();
    if let Some(plan) = plan {
        items.extend(plan.gifts.iter().map(|g| InsertItem {
            kind: InsertKind::Gift,
            title: g.name.clone(),
            text: g.sku.clone().unwrap_or_default(),
        }));
        if let Some(card) = plan.card.as_ref().filter(|c| c.status != "dropped") {
            let occasion = occasion_name(card.occasion, language);
            items.push(if card.printed {
                InsertItem {
                    kind: InsertKind::Card,
                    title: occasion.to_string(),
                    text: card.text.clone(),
                }
            } else {
                InsertItem {
                    kind: InsertKind::Card,
                    title: format!("{occasion} ({})", handwritten(language)),
                    text: String::new(),
                }
            });
        }
    }
    if !order.gift_message.trim().is_empty() {
        items.push(InsertItem {
            kind: InsertKind::GiftMessage,
            title: String::new(),
            text: order.gift_message.trim().to_string(),
        });
    }
    items
}

/// The slip for `order` with its gift plan, as its copy number `order.prints`.
pub fn slip_data(order: &SlipOrder, plan: Option<&OrderGiftPlan>, shop: &SlipSettings) -> SlipData {
    let language = order.language;
    let gift = !order.gift_message.trim().is_empty();
    let show_prices = shop.show_prices && !gift;
    let lines = order
        .lines
        .iter()
        .map(|l| SlipLine {
            sku: l.sku.clone(),
            name: l.name.clone(),
            variant: l.variant.clone(),
            quantity: u32::try_from(l.quantity).unwrap_or(u32::MAX),
            bin: l.bin_location.clone().unwrap_or_default(),
            unit_price: show_prices.then(|| format_money(l.unit_price, language)),
        })
        .collect();
    let inserts = inserts(order, plan);
    SlipData {
        language,
        shop: ShopHeader {
            name: shop.shop_name.clone(),
            address_lines: shop.shop_address.clone(),
            logo: shop.logo.clone(),
        },
        order_number: order.number.clone(),
        placed_at: day_of(&order.placed_at),
        ship_to: order.ship_to.clone(),
        shipping_method: order.shipping_method.clone(),
        customer_note: order.customer_note.trim().to_string(),
        lines,
        show_prices,
        total: show_prices.then(|| format_money(order.total, language)),
        inserts,
        copy_number: u32::try_from(order.prints).unwrap_or(u32::MAX),
    }
}
