//! Cards that go into parcels: the queue of cards to write by hand with their
//! text, editing a text before it is written, marking one written, and choosing
//! to print a card on the slip instead.

use crate::audit::{record, Actor};
use crate::db::{params, Connection, OptionalExtension, Row};
use crate::error::{Result, StoreError};
use crate::gifts::card_templates::occasion_from_code;
use crate::time::to_db;
use crate::Store;
use courtesy_core::gifts::CardOccasion;
use courtesy_core::{Language, NameCulture, PersonName};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

/// One card, as the card queue and the order show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardView {
    /// The card's id.
    #[ts(type = "number")]
    pub id: i64,
    /// Its order.
    #[ts(type = "number")]
    pub order_id: i64,
    /// The order's number.
    pub order_number: String,
    /// The customer, unless erased.
    #[ts(type = "number | null")]
    pub customer_id: Option<i64>,
    /// The customer's name as the card greets them.
    pub customer_name: String,
    /// The language the text is in.
    pub language: Language,
    /// The occasion.
    pub occasion: CardOccasion,
    /// The text to write (or print).
    pub text: String,
    /// Printed on the slip rather than written by hand.
    pub printed: bool,
    /// To write, written, or dropped (its order was cancelled).
    pub status: courtesy_core::gifts::CardStatus,
    /// When it was written (UTC).
    pub written_at: Option<String>,
    /// Who wrote it.
    pub written_by: String,
}

const CARD_SELECT: &str = "
    SELECT k.id, k.order_id, o.number, k.customer_id, c.first_name, c.middle_name, c.last_name,
        c.country, k.language, k.occasion, k.text, k.printed, k.status, k.written_at, k.written_by
    FROM cards k JOIN orders o ON o.id = k.order_id
    LEFT JOIN customers c ON c.id = k.customer_id";

fn card_view(r: &Row<'_>) -> crate::db::Result<CardView> {
    let language = r
        .get::<_, String>(8)
        .map(|l| Language::from_tag(&l).unwrap_or(Language::En))?;
    let country: Option<String> = r.get(7)?;
    let name = PersonName::new(
        &r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        &r.get::<_, Option<String>>(5)?.unwrap_or_default(),
        &r.get::<_, Option<String>>(6)?.unwrap_or_default(),
    )
    .full(NameCulture::of(
        country.as_deref().unwrap_or(""),
        Some(language),
    ));
    let occasion: String = r.get(9)?;
    Ok(CardView {
        id: r.get(0)?,
        order_id: r.get(1)?,
        order_number: r.get(2)?,
        customer_id: r.get(3)?,
        customer_name: name,
        language,
        occasion: occasion_from_code(&occasion).unwrap_or(CardOccasion::ThankYou),
        text: r.get(10)?,
        printed: r.get(11)?,
        status: crate::calls::call_history::stored(r, 12, courtesy_core::gifts::CardStatus::parse)?,
        written_at: r.get(13)?,
        written_by: r.get(14)?,
    })
}

/// The card of a plan, if it has one.
pub(crate) fn plan_card(conn: &Connection, plan_id: i64) -> Result<Option<CardView>> {
    let sql = format!("{CARD_SELECT} WHERE k.plan_id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([plan_id], card_view)
        .optional()?)
}

fn card_by_id(conn: &Connection, id: i64) -> Result<CardView> {
    let sql = format!("{CARD_SELECT} WHERE k.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], card_view)
        .optional()?
        .ok_or(StoreError::NotFound { entity: "card", id })
}

/// The card, refused when its order was cancelled and it was dropped.
fn live_card(conn: &Connection, id: i64) -> Result<CardView> {
    let card = card_by_id(conn, id)?;
    if card.status == "dropped" {
        return Err(StoreError::Invalid(
            "this card was dropped: its order was cancelled".into(),
        ));
    }
    Ok(card)
}

impl Store {
    /// The cards to write by hand, oldest order first: customer, order number,
    /// language and text.
    pub fn cards_to_write(&self) -> Result<Vec<CardView>> {
        self.read(|conn| {
            let sql = format!(
                "{CARD_SELECT} WHERE k.status = 'to_write' AND k.printed = 0
                 ORDER BY o.placed_at, k.id"
            );
            let rows = conn
                .prepare_cached(&sql)?
                .query_map([], card_view)?
                .collect::<crate::db::Result<_>>()?;
            Ok(rows)
        })
    }

    /// One card.
    pub fn card(&self, card_id: i64) -> Result<CardView> {
        self.read(|conn| card_by_id(conn, card_id))
    }

    /// Replaces a card's text (before or after it is written: the text kept is
    /// the one in the parcel).
    pub fn edit_card_text(&self, card_id: i64, text: &str, actor: &Actor) -> Result<CardView> {
        let text = text.trim();
        if text.is_empty() {
            return Err(StoreError::Invalid("a card needs a text".into()));
        }
        if text.chars().count() > 2_000 {
            return Err(StoreError::Invalid(
                "a card text is limited to 2000 characters".into(),
            ));
        }
        self.write(|tx| {
            let before = live_card(tx, card_id)?;
            tx.prepare_cached("UPDATE cards SET text = ?2 WHERE id = ?1")?
                .execute(params![card_id, text])?;
            record(
                tx,
                actor,
                "card",
                Some(card_id),
                "edit",
                &json!({"from": before.text, "to": text}),
            )?;
            card_by_id(tx, card_id)
        })
    }

    /// Marks a card written by `actor`; a card written already keeps its first
    /// time and writer.
    pub fn mark_card_written(&self, card_id: i64, actor: &Actor) -> Result<CardView> {
        self.write(|tx| {
            let card = live_card(tx, card_id)?;
            if card.status == "written" {
                return Ok(card);
            }
            let at = to_db(actor.at);
            tx.prepare_cached(
                "UPDATE cards SET status = 'written', written_at = ?2, written_by = ?3 WHERE id = ?1",
            )?
            .execute(params![card_id, at, actor.name])?;
            record(tx, actor, "card", Some(card_id), "written", &json!({"at": at}))?;
            card_by_id(tx, card_id)
        })
    }

    /// Prints the card's text on the slip (`true`) or has it written by hand.
    pub fn set_card_printed(&self, card_id: i64, printed: bool, actor: &Actor) -> Result<CardView> {
        self.write(|tx| {
            live_card(tx, card_id)?;
            tx.prepare_cached("UPDATE cards SET printed = ?2 WHERE id = ?1")?
                .execute(params![card_id, printed])?;
            record(
                tx,
                actor,
                "card",
                Some(card_id),
                "printed",
                &json!({"printed": printed}),
            )?;
            card_by_id(tx, card_id)
        })
    }
}
