//! What the caller says: a short script per kind of call and language, with merge
//! fields. The owner edits them in the settings; these are the defaults.

use crate::merge_fields::fill_merge_fields;
use crate::Language;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

use super::reasons::CallReason;

/// The merge fields a call script may use.
pub const SCRIPT_FIELDS: [&str; 6] = [
    "address_form",
    "first_name",
    "order_number",
    "product",
    "shop_name",
    "staff_name",
];

/// The two kinds of script: thanking for an order, and following up on a problem
/// or a request to call again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ScriptKind {
    /// First, big and VIP orders.
    ThankYou,
    /// Service recovery, delivery problems, "call again", manual calls.
    FollowUp,
}

impl ScriptKind {
    /// The kind of script a call with `reason` uses.
    pub fn for_reason(reason: CallReason) -> ScriptKind {
        if reason.is_thank_you() {
            ScriptKind::ThankYou
        } else {
            ScriptKind::FollowUp
        }
    }
}

/// The owner's scripts by kind and language code; a missing or blank one falls
/// back to the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CallScripts {
    /// Thank-you scripts by language code (`en`, `pl`, `ru`, `fi`).
    pub thank_you: BTreeMap<String, String>,
    /// Follow-up scripts by language code.
    pub follow_up: BTreeMap<String, String>,
}

impl CallScripts {
    /// Every script filled in: the owner's where set, else the default.
    pub fn completed(&self) -> CallScripts {
        let fill = |own: &BTreeMap<String, String>, kind| {
            Language::ALL
                .into_iter()
                .map(|l| (l.code().to_string(), self.text_or_default(own, kind, l)))
                .collect()
        };
        CallScripts {
            thank_you: fill(&self.thank_you, ScriptKind::ThankYou),
            follow_up: fill(&self.follow_up, ScriptKind::FollowUp),
        }
    }

    /// The script of `kind` in `language`.
    pub fn text(&self, kind: ScriptKind, language: Language) -> String {
        let own = match kind {
            ScriptKind::ThankYou => &self.thank_you,
            ScriptKind::FollowUp => &self.follow_up,
        };
        self.text_or_default(own, kind, language)
    }

    fn text_or_default(
        &self,
        own: &BTreeMap<String, String>,
        kind: ScriptKind,
        language: Language,
    ) -> String {
        own.get(language.code())
            .filter(|t| !t.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| default_script(kind, language).to_string())
    }
}

/// The values of a script's merge fields for one call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScriptValues {
    /// How to address the customer ("Pani Anno", "Иван Петрович").
    pub address_form: String,
    /// The customer's given name.
    pub first_name: String,
    /// The order the call is about, e.g. `#1001`.
    pub order_number: String,
    /// The order's first product.
    pub product: String,
    /// The shop.
    pub shop_name: String,
    /// The person calling.
    pub staff_name: String,
}

/// Fills a script's merge fields.
pub fn render_script(template: &str, v: &ScriptValues) -> String {
    fill_merge_fields(template, |name| match name {
        "address_form" => Some(v.address_form.as_str()),
        "first_name" => Some(v.first_name.as_str()),
        "order_number" => Some(v.order_number.as_str()),
        "product" => Some(v.product.as_str()),
        "shop_name" => Some(v.shop_name.as_str()),
        "staff_name" => Some(v.staff_name.as_str()),
        _ => None,
    })
}

/// The script Courtesy offers until the owner writes their own.
pub fn default_script(kind: ScriptKind, language: Language) -> &'static str {
    match (kind, language) {
        (ScriptKind::ThankYou, Language::En) => {
            "Hello {address_form}, this is {staff_name} from {shop_name}. \
             I'm calling to thank you for your order {order_number}. \
             Did everything arrive in good shape? How do you like the {product}? \
             Is there anything we could do better? Thank you, and have a lovely day!"
        }
        (ScriptKind::ThankYou, Language::Pl) => {
            "Dzień dobry, {address_form}! Mówi {staff_name} ze sklepu {shop_name}. \
             Dzwonię, żeby podziękować za zamówienie {order_number}. \
             Czy paczka dotarła w dobrym stanie? Jak się sprawdza {product}? \
             Czy jest coś, co moglibyśmy zrobić lepiej? Dziękujemy i życzę miłego dnia!"
        }
        (ScriptKind::ThankYou, Language::Ru) => {
            "Здравствуйте, {address_form}! Это {staff_name} из магазина «{shop_name}». \
             Звоню, чтобы поблагодарить вас за заказ {order_number}. \
             Всё ли пришло в целости? Как вам {product}? \
             Может быть, нам стоит что-то улучшить? Спасибо вам и хорошего дня!"
        }
        (ScriptKind::ThankYou, Language::Fi) => {
            "Hei {address_form}, täällä {staff_name} kaupasta {shop_name}. \
             Soitan kiittääkseni tilauksestanne {order_number}. \
             Tuliko kaikki perille hyvässä kunnossa? Mitä pidätte tuotteesta {product}? \
             Voisimmeko tehdä jotain paremmin? Kiitos ja mukavaa päivänjatkoa!"
        }
        (ScriptKind::FollowUp, Language::En) => {
            "Hello {address_form}, this is {staff_name} from {shop_name}. \
             We spoke about your order {order_number}, and I'm calling back to make it right. \
             Has the problem been solved? What can we do for you now?"
        }
        (ScriptKind::FollowUp, Language::Pl) => {
            "Dzień dobry, {address_form}! Mówi {staff_name} ze sklepu {shop_name}. \
             Rozmawialiśmy o zamówieniu {order_number} i oddzwaniam, żeby wszystko naprawić. \
             Czy problem został rozwiązany? Co możemy jeszcze dla Pani/Pana zrobić?"
        }
        (ScriptKind::FollowUp, Language::Ru) => {
            "Здравствуйте, {address_form}! Это {staff_name} из магазина «{shop_name}». \
             Мы говорили о вашем заказе {order_number}, и я перезваниваю, чтобы всё исправить. \
             Проблема решена? Что мы можем сделать для вас сейчас?"
        }
        (ScriptKind::FollowUp, Language::Fi) => {
            "Hei {address_form}, täällä {staff_name} kaupasta {shop_name}. \
             Puhuimme tilauksestanne {order_number}, ja soitan takaisin korjataksemme asian. \
             Onko ongelma ratkennut? Mitä voimme nyt tehdä puolestanne?"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge_fields::merge_field_names;

    #[test]
    fn default_scripts_use_only_known_merge_fields() {
        for kind in [ScriptKind::ThankYou, ScriptKind::FollowUp] {
            for lang in Language::ALL {
                let text = default_script(kind, lang);
                for name in merge_field_names(text) {
                    assert!(
                        SCRIPT_FIELDS.contains(&name.as_str()),
                        "{kind:?} {lang:?}: {name}"
                    );
                }
                assert!(text.contains("{order_number}"), "{kind:?} {lang:?}");
            }
        }
    }

    #[test]
    fn a_russian_customer_hears_the_russian_script_with_their_name_and_order() {
        let v = ScriptValues {
            address_form: "Ольга Ивановна".into(),
            first_name: "Ольга".into(),
            order_number: "#1042".into(),
            product: "Пуэр".into(),
            shop_name: "Herbaciarnia".into(),
            staff_name: "Ola".into(),
        };
        let text = render_script(
            &CallScripts::default().text(ScriptKind::ThankYou, Language::Ru),
            &v,
        );
        assert!(
            text.starts_with("Здравствуйте, Ольга Ивановна! Это Ola"),
            "{text}"
        );
        assert!(
            text.contains("заказ #1042") && text.contains("Как вам Пуэр?"),
            "{text}"
        );
    }

    #[test]
    fn the_owner_script_wins_and_a_blank_one_falls_back_to_the_default() {
        let mut s = CallScripts::default();
        s.thank_you
            .insert("pl".into(), "Dziękujemy, {first_name}!".into());
        s.thank_you.insert("fi".into(), "   ".into());
        assert_eq!(
            s.text(ScriptKind::ThankYou, Language::Pl),
            "Dziękujemy, {first_name}!"
        );
        assert_eq!(
            s.text(ScriptKind::ThankYou, Language::Fi),
            default_script(ScriptKind::ThankYou, Language::Fi)
        );
        let all = s.completed();
        assert_eq!(all.thank_you.len(), 4);
        assert_eq!(all.follow_up.len(), 4);
        assert_eq!(all.thank_you["pl"], "Dziękujemy, {first_name}!");
    }

    #[test]
    fn service_recovery_and_call_again_use_the_follow_up_script() {
        assert_eq!(
            ScriptKind::for_reason(CallReason::FirstOrder),
            ScriptKind::ThankYou
        );
        assert_eq!(
            ScriptKind::for_reason(CallReason::VipOrder),
            ScriptKind::ThankYou
        );
        assert_eq!(
            ScriptKind::for_reason(CallReason::ServiceRecovery),
            ScriptKind::FollowUp
        );
        assert_eq!(
            ScriptKind::for_reason(CallReason::CallAgain),
            ScriptKind::FollowUp
        );
    }
}
