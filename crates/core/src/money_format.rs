//! Money as people read it in each of the shop's languages: `1 234,50 zł` in
//! Polish, `1 234,50 ₽` in Russian, `12,50 €` in Finnish, `€12.50` in English
//! (CLDR's patterns for these four locales; grouping with a no-break space).

use crate::{Language, Money};

/// The symbol people write for a currency; the ISO code where there is none.
fn symbol(code: &str, language: Language) -> &str {
    match (code, language) {
        ("PLN", _) => "zł",
        ("EUR", _) => "€",
        ("RUB", _) => "₽",
        ("USD", Language::En) => "$",
        ("GBP", _) => "£",
        ("USD", _) => "$",
        (other, _) => other,
    }
}

fn group(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

/// `money` written for a reader of `language`.
pub fn format_money(money: Money, language: Language) -> String {
    let exp = money.currency.exponent() as usize;
    let unit = 10u64.pow(exp as u32);
    let abs = money.minor.unsigned_abs();
    let (whole, fraction) = (abs / unit, abs % unit);
    let sign = if money.minor < 0 { "-" } else { "" };
    let code = money.currency.code();
    let sym = symbol(code, language);
    let number = |group_sep: char, decimal: char| {
        let whole = group(&whole.to_string(), group_sep);
        if exp == 0 {
            whole
        } else {
            format!("{whole}{decimal}{fraction:0exp$}")
        }
    };
    match language {
        Language::En if sym.chars().count() == 1 => format!("{sign}{sym}{}", number(',', '.')),
        Language::En => format!("{sign}{} {sym}", number(',', '.')),
        Language::Pl | Language::Ru | Language::Fi => {
            format!("{sign}{}\u{a0}{sym}", number('\u{a0}', ','))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn m(minor: i64, code: &str) -> Money {
        Money::new(minor, Currency::parse(code).unwrap())
    }

    #[test]
    fn each_language_writes_money_its_own_way() {
        assert_eq!(
            format_money(m(123450, "PLN"), Language::Pl),
            "1\u{a0}234,50\u{a0}zł"
        );
        assert_eq!(format_money(m(99900, "RUB"), Language::Ru), "999,00\u{a0}₽");
        assert_eq!(format_money(m(1250, "EUR"), Language::Fi), "12,50\u{a0}€");
        assert_eq!(format_money(m(1250, "EUR"), Language::En), "€12.50");
        assert_eq!(
            format_money(m(123456789, "USD"), Language::En),
            "$1,234,567.89"
        );
        assert_eq!(format_money(m(4990, "PLN"), Language::En), "49.90 zł");
        assert_eq!(format_money(m(-500, "SEK"), Language::Fi), "-5,00\u{a0}SEK");
    }

    #[test]
    fn currencies_without_minor_units_have_no_decimals() {
        assert_eq!(format_money(m(1500, "JPY"), Language::En), "1,500 JPY");
    }
}
