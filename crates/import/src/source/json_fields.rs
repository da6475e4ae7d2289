//! Reading the fields of one JSON object the way the WooCommerce REST API
//! writes them, turning a missing or mistyped field into a [`RowError`] that
//! names the object (its 1-based place in the list) and the field's path
//! (`billing.email`, `line_items[1].quantity`, 0-based inside arrays).
//!
//! The API writes money as strings with a dot (`"49.90"`) and some amounts as
//! numbers (a line's `price`); both are read, rounded half away from zero to
//! the currency's minor unit (a price of `16.6666667` is 1667 cents).

use crate::record::RowError;
use crate::source::cells::{country_code, parse_datetime};
use chrono::{DateTime, Utc};
use courtesy_core::{Currency, PostalAddress};
use serde_json::{Map, Value};

/// An object of a list inside an object, with its 0-based index.
pub(crate) type IndexedObject<'v> = (usize, &'v Map<String, Value>);

/// The fields of one object, with where it is for error messages.
#[derive(Debug, Clone)]
pub(crate) struct Fields<'v> {
    object: &'v Map<String, Value>,
    row: u64,
    path: String,
}

/// The JSON type of a value, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl<'v> Fields<'v> {
    /// The top-level object at place `row` of the list.
    pub(crate) fn new(object: &'v Map<String, Value>, row: u64) -> Self {
        Fields {
            object,
            row,
            path: String::new(),
        }
    }

    /// The object `object` found at `key` (`billing`, `line_items[2]`) of this one.
    pub(crate) fn nested(&self, object: &'v Map<String, Value>, key: &str) -> Self {
        Fields {
            object,
            row: self.row,
            path: format!("{}{key}.", self.path),
        }
    }

    /// The object at `key` as fields; `None` when absent or `null`.
    pub(crate) fn child(&self, key: &str) -> Result<Option<Fields<'v>>, RowError> {
        Ok(self.object(key)?.map(|o| self.nested(o, key)))
    }

    /// An error at `key` of this object.
    pub(crate) fn error(&self, key: &str, reason: String) -> RowError {
        RowError {
            row: self.row,
            column: Some(format!("{}{key}", self.path)),
            reason,
        }
    }

    fn get(&self, key: &str) -> Option<&'v Value> {
        self.object.get(key).filter(|v| !v.is_null())
    }

    /// Text, trimmed; a number reads as its digits; absent or `null` is empty.
    pub(crate) fn text(&self, key: &str) -> Result<String, RowError> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.trim().to_string()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            Some(other) => Err(self.error(key, format!("{key} is {}, not text", kind(other)))),
        }
    }

    /// An id: a number or non-empty text; `None` when absent, empty or 0.
    pub(crate) fn id(&self, key: &str) -> Result<Option<String>, RowError> {
        let text = self.text(key)?;
        Ok((!text.is_empty() && text != "0").then_some(text))
    }

    /// A money amount in minor units of `currency`; absent, `null` or empty is 0.
    pub(crate) fn amount(&self, key: &str, currency: Currency) -> Result<i64, RowError> {
        let text = match self.get(key) {
            None => return Ok(0),
            Some(Value::String(s)) if s.trim().is_empty() => return Ok(0),
            Some(Value::String(s)) => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                return Err(self.error(key, format!("{key} is {}, not an amount", kind(other))))
            }
        };
        decimal_minor(&text, currency.exponent())
            .ok_or_else(|| self.error(key, format!("'{text}' is not an amount")))
    }

    /// A date-time (the API's `2024-03-01T13:05:09`, UTC for `…_gmt` fields);
    /// absent, `null` or empty is `None`.
    pub(crate) fn date(&self, key: &str) -> Result<Option<DateTime<Utc>>, RowError> {
        let text = self.text(key)?;
        if text.is_empty() {
            return Ok(None);
        }
        parse_datetime(&text)
            .map(Some)
            .ok_or_else(|| self.error(key, format!("'{text}' is not a date")))
    }

    /// A whole number of at least 1.
    pub(crate) fn quantity(&self, key: &str) -> Result<i64, RowError> {
        let value = self.get(key);
        let quantity = match value {
            Some(Value::Number(n)) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
            Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
            _ => None,
        };
        match quantity {
            Some(q) if q >= 1 => Ok(q),
            Some(q) => Err(self.error(key, format!("the quantity is {q}; it must be at least 1"))),
            None => Err(self.error(
                key,
                match value {
                    None => "the quantity is missing".to_string(),
                    Some(v) => format!("{v} is not a quantity"),
                },
            )),
        }
    }

    /// The object at `key`; `None` when absent or `null`.
    pub(crate) fn object(&self, key: &str) -> Result<Option<&'v Map<String, Value>>, RowError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(o)) => Ok(Some(o)),
            Some(other) => Err(self.error(key, format!("{key} is {}, not an object", kind(other)))),
        }
    }

    /// The list at `key`; empty when absent or `null`.
    pub(crate) fn list(&self, key: &str) -> Result<&'v [Value], RowError> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(other) => Err(self.error(key, format!("{key} is {}, not a list", kind(other)))),
        }
    }

    /// The objects of the list at `key`, each with its index.
    pub(crate) fn objects(&self, key: &str) -> Result<Vec<IndexedObject<'v>>, RowError> {
        self.list(key)?
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Object(o) => Ok((i, o)),
                other => Err(self.error(
                    &format!("{key}[{i}]"),
                    format!("{key}[{i}] is {}, not an object", kind(other)),
                )),
            })
            .collect()
    }

    /// A WooCommerce address block (`billing` or `shipping`); `None` when it
    /// is absent or has no street, city or postcode.
    pub(crate) fn address(&self) -> Result<Option<PostalAddress>, RowError> {
        let name = [self.text("first_name")?, self.text("last_name")?]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let country = self.text("country")?;
        let address = PostalAddress {
            name,
            company: self.text("company")?,
            line1: self.text("address_1")?,
            line2: self.text("address_2")?,
            postal_code: self.text("postcode")?,
            city: self.text("city")?,
            region: self.text("state")?,
            country: country_code(&country).unwrap_or(country),
        };
        let blank =
            address.line1.is_empty() && address.city.is_empty() && address.postal_code.is_empty();
        Ok((!blank).then_some(address))
    }
}

/// A decimal number with a dot (or in exponent form, as JSON numbers may be)
/// in minor units with `exponent` decimals, rounded half away from zero.
pub(crate) fn decimal_minor(text: &str, exponent: u32) -> Option<i64> {
    let t = text.trim();
    if t.contains(['e', 'E']) {
        let f: f64 = t.parse().ok()?;
        let scaled = (f * 10f64.powi(i32::try_from(exponent).ok()?)).round();
        return (scaled.is_finite() && scaled.abs() < 1e15).then_some(scaled as i64);
    }
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let exponent = exponent as usize;
    let mut minor: i128 = 0;
    for b in int.bytes() {
        minor = minor * 10 + i128::from(b - b'0');
        if minor > 1_000_000_000_000_000 {
            return None;
        }
    }
    let frac = frac.as_bytes();
    for i in 0..exponent {
        minor = minor * 10 + frac.get(i).map_or(0, |b| i128::from(b - b'0'));
    }
    if frac.get(exponent).is_some_and(|&b| b >= b'5') {
        minor += 1;
    }
    i64::try_from(if negative { -minor } else { minor }).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn amounts_round_to_the_minor_unit() {
        assert_eq!(decimal_minor("49.90", 2), Some(4990));
        assert_eq!(decimal_minor("55", 2), Some(5500));
        assert_eq!(decimal_minor("16.666666667", 2), Some(1667));
        assert_eq!(decimal_minor("0.125", 2), Some(13));
        assert_eq!(decimal_minor("-3.5", 0), Some(-4));
        assert_eq!(decimal_minor("1e-7", 2), Some(0));
        assert_eq!(decimal_minor("2.5E1", 2), Some(2500));
        assert_eq!(decimal_minor(".5", 2), Some(50));
        assert_eq!(decimal_minor("12,50", 2), None);
        assert_eq!(decimal_minor("", 2), None);
        assert_eq!(decimal_minor(".", 2), None);
        assert_eq!(decimal_minor("99999999999999999999", 2), None);
    }

    #[test]
    fn mistyped_fields_are_errors_on_their_path() {
        let value = json!({"total": true, "billing": {"email": 5}, "line_items": [1]});
        let Some(object) = value.as_object() else {
            panic!("an object")
        };
        let fields = Fields::new(object, 3);
        let err = fields.amount(
            "total",
            Currency::parse("PLN").unwrap_or_else(|e| panic!("{e}")),
        );
        assert_eq!(
            err.err(),
            Some(RowError {
                row: 3,
                column: Some("total".into()),
                reason: "total is true or false, not an amount".into()
            })
        );
        let billing = fields.object("billing").ok().flatten();
        let nested = billing.map(|b| fields.nested(b, "billing").text("email"));
        assert_eq!(nested, Some(Ok("5".to_string())), "a number reads as text");
        let items = fields.objects("line_items").err().and_then(|e| e.column);
        assert_eq!(items.as_deref(), Some("line_items[0]"));
        assert_eq!(fields.text("missing"), Ok(String::new()));
    }
}
