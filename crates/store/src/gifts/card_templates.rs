//! Card texts per language and occasion: the owner's own, or the ones shipped
//! here; and a card's text rendered from one with its merge fields
//! (`{first_name}`, `{order_number}`, `{gift_name}`, `{shop_name}`, `{staff_name}`).

use crate::audit::{record, Actor};
use crate::db::{params, Connection, OptionalExtension};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use courtesy_core::gifts::CardOccasion;
use courtesy_core::{fill_merge_fields, Language};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

/// Every occasion, in the order the editor lists them.
pub const CARD_OCCASIONS: [CardOccasion; 9] = [
    CardOccasion::ThankYou,
    CardOccasion::Welcome,
    CardOccasion::Milestone,
    CardOccasion::BigOrder,
    CardOccasion::Loyalty,
    CardOccasion::Birthday,
    CardOccasion::NameDay,
    CardOccasion::Referral,
    CardOccasion::WelcomeBack,
];

/// The text of one card occasion in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardTemplate {
    /// The card's language.
    pub language: Language,
    /// The occasion.
    pub occasion: CardOccasion,
    /// The text with merge fields.
    pub text: String,
    /// Whether the text is the one shipped with Courtesy (not the owner's).
    #[serde(default)]
    pub shipped: bool,
}

/// An occasion as the database stores it (its JSON name, e.g. `nameDay`).
pub(crate) fn occasion_code(occasion: CardOccasion) -> String {
    serde_json::to_value(occasion)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// An occasion read back; `None` for a name this build does not know.
pub(crate) fn occasion_from_code(code: &str) -> Option<CardOccasion> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

/// The text shipped with Courtesy for `occasion` in `language`.
pub fn shipped_card_text(language: Language, occasion: CardOccasion) -> &'static str {
    use CardOccasion as O;
    use Language as L;
    match (language, occasion) {
        (L::En, O::ThankYou) => "Dear {first_name}, thank you for your order {order_number}! We packed it with care. {staff_name}, {shop_name}",
        (L::En, O::Welcome) => "Dear {first_name}, welcome to {shop_name}! Thank you for your first order. We hope you enjoy {gift_name}, a small gift from us. {staff_name}",
        (L::En, O::Milestone) => "Dear {first_name}, this is already your order {order_number} with us, thank you for coming back! Please accept {gift_name} as our thanks. {staff_name}, {shop_name}",
        (L::En, O::BigOrder) => "Dear {first_name}, thank you for such a generous order! {gift_name} is a little extra from us. {staff_name}, {shop_name}",
        (L::En, O::Loyalty) => "Dear {first_name}, thank you for being with us all this time. {gift_name} is for you. {staff_name}, {shop_name}",
        (L::En, O::Birthday) => "Dear {first_name}, happy birthday! Please accept {gift_name} with our best wishes. {staff_name}, {shop_name}",
        (L::En, O::NameDay) => "Dear {first_name}, happy name day! {gift_name} comes with our best wishes. {staff_name}, {shop_name}",
        (L::En, O::Referral) => "Dear {first_name}, thank you for coming to us on a friend's recommendation! {gift_name} is a small welcome. {staff_name}, {shop_name}",
        (L::En, O::WelcomeBack) => "Dear {first_name}, how good to see you again! {gift_name} is a small welcome back. {staff_name}, {shop_name}",
        (L::Pl, O::ThankYou) => "Droga/Drogi {first_name}, dziękujemy za zamówienie {order_number}! Spakowaliśmy je z troską. {staff_name}, {shop_name}",
        (L::Pl, O::Welcome) => "Droga/Drogi {first_name}, witamy w {shop_name}! Dziękujemy za pierwsze zamówienie. Mamy nadzieję, że {gift_name} – mały prezent od nas – sprawi Ci radość. {staff_name}",
        (L::Pl, O::Milestone) => "Droga/Drogi {first_name}, to już Twoje zamówienie {order_number} u nas – dziękujemy, że wracasz! Przyjmij {gift_name} w podziękowaniu. {staff_name}, {shop_name}",
        (L::Pl, O::BigOrder) => "Droga/Drogi {first_name}, dziękujemy za tak duże zamówienie! {gift_name} to mały dodatek od nas. {staff_name}, {shop_name}",
        (L::Pl, O::Loyalty) => "Droga/Drogi {first_name}, dziękujemy, że jesteś z nami od tak dawna. {gift_name} jest dla Ciebie. {staff_name}, {shop_name}",
        (L::Pl, O::Birthday) => "Droga/Drogi {first_name}, wszystkiego najlepszego z okazji urodzin! Przyjmij {gift_name} z naszymi życzeniami. {staff_name}, {shop_name}",
        (L::Pl, O::NameDay) => "Droga/Drogi {first_name}, wszystkiego najlepszego z okazji imienin! {gift_name} z najlepszymi życzeniami. {staff_name}, {shop_name}",
        (L::Pl, O::Referral) => "Droga/Drogi {first_name}, dziękujemy, że trafiłaś/trafiłeś do nas z polecenia! {gift_name} to mały prezent na powitanie. {staff_name}, {shop_name}",
        (L::Pl, O::WelcomeBack) => "Droga/Drogi {first_name}, jak miło znów Cię widzieć! {gift_name} to mały prezent na powrót. {staff_name}, {shop_name}",
        (L::Ru, O::ThankYou) => "{first_name}, спасибо за заказ {order_number}! Мы собрали его с заботой. {staff_name}, {shop_name}",
        (L::Ru, O::Welcome) => "{first_name}, добро пожаловать в {shop_name}! Спасибо за первый заказ. Надеемся, {gift_name} — наш маленький подарок — вам понравится. {staff_name}",
        (L::Ru, O::Milestone) => "{first_name}, это уже ваш заказ {order_number} у нас — спасибо, что возвращаетесь! Примите {gift_name} в знак благодарности. {staff_name}, {shop_name}",
        (L::Ru, O::BigOrder) => "{first_name}, спасибо за такой большой заказ! {gift_name} — небольшой подарок от нас. {staff_name}, {shop_name}",
        (L::Ru, O::Loyalty) => "{first_name}, спасибо, что вы с нами так давно. {gift_name} — для вас. {staff_name}, {shop_name}",
        (L::Ru, O::Birthday) => "{first_name}, с днём рождения! Примите {gift_name} с нашими наилучшими пожеланиями. {staff_name}, {shop_name}",
        (L::Ru, O::NameDay) => "{first_name}, с днём ангела! {gift_name} — с наилучшими пожеланиями. {staff_name}, {shop_name}",
        (L::Ru, O::Referral) => "{first_name}, спасибо, что пришли к нам по рекомендации! {gift_name} — небольшой подарок для знакомства. {staff_name}, {shop_name}",
        (L::Ru, O::WelcomeBack) => "{first_name}, как хорошо, что вы снова с нами! {gift_name} — небольшой подарок к возвращению. {staff_name}, {shop_name}",
        (L::Fi, O::ThankYou) => "Hei {first_name}, kiitos tilauksestasi {order_number}! Pakkasimme sen huolella. {staff_name}, {shop_name}",
        (L::Fi, O::Welcome) => "Hei {first_name}, tervetuloa {shop_name} -kauppaan! Kiitos ensimmäisestä tilauksestasi. Toivottavasti pidät lahjastamme: {gift_name}. {staff_name}",
        (L::Fi, O::Milestone) => "Hei {first_name}, tämä on jo tilauksesi {order_number} meiltä – kiitos, että palaat! Ota vastaan {gift_name} kiitokseksi. {staff_name}, {shop_name}",
        (L::Fi, O::BigOrder) => "Hei {first_name}, kiitos näin suuresta tilauksesta! {gift_name} on pieni lisä meiltä. {staff_name}, {shop_name}",
        (L::Fi, O::Loyalty) => "Hei {first_name}, kiitos, että olet ollut kanssamme näin kauan. {gift_name} on sinulle. {staff_name}, {shop_name}",
        (L::Fi, O::Birthday) => "Hyvää syntymäpäivää, {first_name}! Ota vastaan {gift_name} parhain toivotuksin. {staff_name}, {shop_name}",
        (L::Fi, O::NameDay) => "Hyvää nimipäivää, {first_name}! {gift_name} parhain toivotuksin. {staff_name}, {shop_name}",
        (L::Fi, O::Referral) => "Hei {first_name}, kiitos, että tulit meille ystävän suosituksesta! {gift_name} on pieni tervetuliaislahja. {staff_name}, {shop_name}",
        (L::Fi, O::WelcomeBack) => "Hei {first_name}, ihana nähdä sinut taas! {gift_name} on pieni tervetuloa takaisin -lahja. {staff_name}, {shop_name}",
    }
}

/// The text for `occasion` in `language`: the owner's when saved, else the shipped one.
pub(crate) fn template_text(
    conn: &Connection,
    language: Language,
    occasion: CardOccasion,
) -> Result<String> {
    let own: Option<String> = conn
        .prepare_cached("SELECT text FROM card_templates WHERE language = ?1 AND occasion = ?2")?
        .query_row(params![language.code(), occasion_code(occasion)], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(own.unwrap_or_else(|| shipped_card_text(language, occasion).to_string()))
}

/// The values of a card's merge fields.
#[derive(Debug, Clone, Default)]
pub(crate) struct CardFields<'a> {
    pub first_name: &'a str,
    pub order_number: &'a str,
    pub gift_name: &'a str,
    pub shop_name: &'a str,
    pub staff_name: &'a str,
}

/// `template` with its merge fields filled. A field without a value goes with
/// the comma that joins it to the next one ("{staff_name}, {shop_name}"), and
/// spaces are closed up.
pub(crate) fn render_card(template: &str, f: &CardFields<'_>) -> String {
    let mut template = template.to_string();
    for (field, value) in [
        ("{first_name}", f.first_name),
        ("{order_number}", f.order_number),
        ("{gift_name}", f.gift_name),
        ("{shop_name}", f.shop_name),
        ("{staff_name}", f.staff_name),
    ] {
        if value.trim().is_empty() {
            template = template
                .replace(&format!("{field}, "), "")
                .replace(field, "");
        }
    }
    let text = fill_merge_fields(&template, |name| match name {
        "first_name" => Some(f.first_name),
        "order_number" => Some(f.order_number),
        "gift_name" => Some(f.gift_name),
        "shop_name" => Some(f.shop_name),
        "staff_name" => Some(f.staff_name),
        _ => None,
    });
    let text = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    text.replace(" ,", ",")
        .replace(" .", ".")
        .replace(" !", "!")
        .trim_matches([' ', ','])
        .to_string()
}

impl Store {
    /// Every language's text for every occasion: the owner's where saved, the
    /// shipped one elsewhere.
    pub fn card_templates(&self) -> Result<Vec<CardTemplate>> {
        self.read(|conn| {
            let mut out = Vec::new();
            for language in Language::ALL {
                for occasion in CARD_OCCASIONS {
                    let text = template_text(conn, language, occasion)?;
                    let shipped = text == shipped_card_text(language, occasion);
                    out.push(CardTemplate {
                        language,
                        occasion,
                        text,
                        shipped,
                    });
                }
            }
            Ok(out)
        })
    }

    /// Saves the owner's text for one occasion and language (an empty text goes
    /// back to the shipped one). Cards already made keep their text.
    pub fn save_card_template(
        &self,
        template: &CardTemplate,
        actor: &Actor,
    ) -> Result<CardTemplate> {
        let text = template.text.trim();
        if text.chars().count() > 2_000 {
            return Err(StoreError::Invalid(
                "a card text is limited to 2000 characters".into(),
            ));
        }
        let (language, occasion) = (template.language, template.occasion);
        let code = occasion_code(occasion);
        self.write(|tx| {
            if text.is_empty() {
                tx.execute(
                    "DELETE FROM card_templates WHERE language = ?1 AND occasion = ?2",
                    params![language.code(), code],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO card_templates (language, occasion, text, updated_at)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (language, occasion) DO UPDATE
                     SET text = excluded.text, updated_at = excluded.updated_at",
                    params![language.code(), code, text, to_db(actor.at)],
                )?;
            }
            record(
                tx,
                actor,
                "card_template",
                None,
                "update",
                &json!({"language": language.code(), "occasion": code, "text": text}),
            )?;
            let text = template_text(tx, language, occasion)?;
            Ok(CardTemplate {
                language,
                occasion,
                shipped: text == shipped_card_text(language, occasion),
                text,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_text_names_the_customer() {
        for language in Language::ALL {
            for occasion in CARD_OCCASIONS {
                let text = shipped_card_text(language, occasion);
                assert!(
                    text.contains("{first_name}"),
                    "{language:?} {occasion:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn occasions_round_trip_through_their_stored_names() {
        for occasion in CARD_OCCASIONS {
            let code = occasion_code(occasion);
            assert!(!code.is_empty());
            assert_eq!(occasion_from_code(&code), Some(occasion), "{code}");
        }
        assert_eq!(occasion_code(CardOccasion::NameDay), "nameDay");
    }

    #[test]
    fn a_card_without_a_staff_name_closes_up_the_gap() {
        let fields = CardFields {
            first_name: "Anna",
            order_number: "#1001",
            gift_name: "Tea sampler",
            shop_name: "Herbata",
            staff_name: "",
        };
        let text = render_card(
            shipped_card_text(Language::En, CardOccasion::ThankYou),
            &fields,
        );
        assert_eq!(
            text,
            "Dear Anna, thank you for your order #1001! We packed it with care. Herbata"
        );
    }
}
