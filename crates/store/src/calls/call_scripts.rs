//! The call scripts (kept as JSON under the `call_scripts` setting) and the call
//! card: everything the call screen shows for one call, with its script filled in
//! for the customer, in their language.

use crate::audit::Actor;
use crate::calls::call_history::{call_view, CallView};
use crate::customers::profiles::{profile, CustomerProfile};
use crate::db::{Connection, OptionalExtension};
use crate::error::{Result, StoreError};
use crate::settings::{get, put_json};
use crate::Store;
use courtesy_core::calls::{render_script, CallScripts, ScriptKind, ScriptValues};
use courtesy_core::Language;
use serde::Serialize;
use ts_rs::TS;

const KEY: &str = "call_scripts";

/// Longest script the settings take, in characters.
const MAX_SCRIPT_CHARS: usize = 4000;

/// One call as the call screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallCard {
    /// The call and its earlier attempts.
    pub call: CallView,
    /// The customer, with orders and all their calls.
    pub customer: CustomerProfile,
    /// The script, merge fields filled in.
    pub script: String,
    /// The language of the script.
    pub script_language: Language,
}

fn read_scripts(conn: &Connection) -> Result<CallScripts> {
    Ok(get(conn, KEY)?
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// The language to speak to a customer in: theirs, else their country's.
fn customer_language(p: &CustomerProfile) -> Language {
    p.language
        .unwrap_or_else(|| Language::for_country(p.country.as_deref().unwrap_or("")))
}

fn first_product(conn: &Connection, order_id: Option<i64>) -> Result<String> {
    let Some(id) = order_id else {
        return Ok(String::new());
    };
    Ok(conn
        .prepare_cached(
            "SELECT name FROM order_lines WHERE order_id = ?1 ORDER BY position, id LIMIT 1",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

fn card(conn: &Connection, call_id: i64, staff_name: &str) -> Result<CallCard> {
    let call = call_view(conn, call_id)?.ok_or(StoreError::NotFound {
        entity: "call",
        id: call_id,
    })?;
    let customer_id: i64 = conn.query_row(
        "SELECT customer_id FROM calls WHERE id = ?1",
        [call_id],
        |r| r.get(0),
    )?;
    let customer = profile(conn, customer_id)?;
    let language = customer_language(&customer);
    let reason = call.reason;
    let template = read_scripts(conn)?.text(ScriptKind::for_reason(reason), language);
    let values = ScriptValues {
        address_form: customer.address_form.clone(),
        first_name: customer.first_name.clone(),
        order_number: call.order_number.clone().unwrap_or_default(),
        product: first_product(conn, call.order_id)?,
        shop_name: crate::settings::read(conn)?.shop_name,
        staff_name: staff_name.to_string(),
    };
    Ok(CallCard {
        script: render_script(&template, &values),
        script_language: language,
        call,
        customer,
    })
}

impl Store {
    /// The call scripts, every kind and language filled in (defaults where the
    /// owner wrote none).
    pub fn call_scripts(&self) -> Result<CallScripts> {
        self.read(|conn| Ok(read_scripts(conn)?.completed()))
    }

    /// Saves the owner's scripts; a script equal to the default or blank is kept
    /// as "use the default". The change goes to the audit log.
    pub fn save_call_scripts(&self, scripts: &CallScripts, actor: &Actor) -> Result<CallScripts> {
        let mut own = CallScripts::default();
        for (kind, texts, keep) in [
            (ScriptKind::ThankYou, &scripts.thank_you, &mut own.thank_you),
            (ScriptKind::FollowUp, &scripts.follow_up, &mut own.follow_up),
        ] {
            for (code, text) in texts {
                let Some(language) = Language::from_tag(code) else {
                    return Err(StoreError::Invalid(format!("'{code}' is not a language")));
                };
                if text.chars().count() > MAX_SCRIPT_CHARS {
                    return Err(StoreError::Invalid(format!(
                        "a call script is limited to {MAX_SCRIPT_CHARS} characters"
                    )));
                }
                let text = text.trim();
                if !text.is_empty() && text != courtesy_core::calls::default_script(kind, language)
                {
                    keep.insert(language.code().to_string(), text.to_string());
                }
            }
        }
        self.write(|tx| {
            put_json(tx, actor, KEY, &own, "the call scripts")?;
            Ok(read_scripts(tx)?.completed())
        })
    }

    /// Everything the call screen shows for a call, the script filled in for the
    /// customer and `staff_name`, in the customer's language.
    pub fn call_card(&self, call_id: i64, staff_name: &str) -> Result<CallCard> {
        self.read(|conn| card(conn, call_id, staff_name))
    }
}
