//! Names of the small businesses that buy wholesale: tea rooms, florists, gift
//! shops, cafés, each in its country's language and legal form.

use crate::country::Country;
use crate::names::DemoName;
use crate::weighted::any;
use rand::Rng;

/// A believable business name for a wholesale customer of `country` run by `owner`.
pub(crate) fn company_name(country: Country, owner: &DemoName, rng: &mut impl Rng) -> String {
    let last = &owner.last;
    let fixed: &[&str] = match country {
        Country::Pl => &[
            "Herbaciarnia Pod Lipą",
            "Kwiaciarnia Różana s.c.",
            "Sklep z Prezentami Zakątek",
            "Kawiarnia Czarny Kot",
            "Pracownia Ceramiki Glina",
        ],
        Country::De => &[
            "Geschenkehaus am Markt",
            "Café Lindenblüte",
            "Teestube Grünblatt",
        ],
        Country::Fi => &[
            "Lahjapuoti Kanerva",
            "Kahvila Mustikka Oy",
            "Teehuone Sointu",
        ],
        Country::Ru => &[
            "ООО «Чайный дом»",
            "Магазин подарков «Шкатулка»",
            "Кофейня «Самовар»",
        ],
        Country::Gb => &["The Tea Nook Ltd", "Corner Gift Shop", "Bramble & Co."],
        Country::Us => &[
            "Maple Gift Shop LLC",
            "Sunny Side Café",
            "Little Kettle Tea Room",
        ],
    };
    if rng.random_bool(0.6) {
        return any(fixed, rng).to_string();
    }
    match country {
        Country::Pl => format!("{} {last} – Rękodzieło", owner.first),
        Country::De => format!("Teeladen {last} GmbH"),
        Country::Fi => format!("Teehuone {last} Oy"),
        Country::Ru => {
            let initial = |s: &str| {
                s.chars()
                    .next()
                    .map(|c| format!("{c}."))
                    .unwrap_or_default()
            };
            format!(
                "ИП {last} {}{}",
                initial(&owner.first),
                initial(&owner.middle)
            )
        }
        Country::Gb => format!("{last} & Daughters"),
        Country::Us => format!("{last} Tea Company"),
    }
}
