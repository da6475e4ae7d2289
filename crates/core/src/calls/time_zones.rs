//! A customer's local time zone, from their country or, failing that, their phone
//! number's country code. Countries spanning several zones (Russia, the United
//! States) are narrowed by the phone's area code where a short table knows it;
//! otherwise their capital's zone is used.

use chrono_tz::Tz;

/// The zone of a country (ISO alpha-2), by its capital or main business zone.
pub fn zone_for_country(country: &str) -> Option<Tz> {
    let zone = match country.trim().to_ascii_uppercase().as_str() {
        "PL" => Tz::Europe__Warsaw,
        "FI" => Tz::Europe__Helsinki,
        "RU" => Tz::Europe__Moscow,
        "US" => Tz::America__New_York,
        "CA" => Tz::America__Toronto,
        "GB" | "UK" => Tz::Europe__London,
        "IE" => Tz::Europe__Dublin,
        "DE" => Tz::Europe__Berlin,
        "AT" => Tz::Europe__Vienna,
        "CH" => Tz::Europe__Zurich,
        "NL" => Tz::Europe__Amsterdam,
        "BE" => Tz::Europe__Brussels,
        "FR" => Tz::Europe__Paris,
        "ES" => Tz::Europe__Madrid,
        "IT" => Tz::Europe__Rome,
        "CZ" => Tz::Europe__Prague,
        "SK" => Tz::Europe__Bratislava,
        "HU" => Tz::Europe__Budapest,
        "DK" => Tz::Europe__Copenhagen,
        "NO" => Tz::Europe__Oslo,
        "SE" => Tz::Europe__Stockholm,
        "EE" => Tz::Europe__Tallinn,
        "LV" => Tz::Europe__Riga,
        "LT" => Tz::Europe__Vilnius,
        "UA" => Tz::Europe__Kyiv,
        "BY" => Tz::Europe__Minsk,
        "KZ" => Tz::Asia__Almaty,
        _ => return None,
    };
    Some(zone)
}

/// Country calling codes (without `+`) and their country, longest first is not
/// needed: none of these is a prefix of another.
const CALLING_CODES: &[(&str, &str)] = &[
    ("48", "PL"),
    ("358", "FI"),
    ("44", "GB"),
    ("49", "DE"),
    ("43", "AT"),
    ("41", "CH"),
    ("31", "NL"),
    ("32", "BE"),
    ("33", "FR"),
    ("34", "ES"),
    ("39", "IT"),
    ("420", "CZ"),
    ("421", "SK"),
    ("36", "HU"),
    ("45", "DK"),
    ("47", "NO"),
    ("46", "SE"),
    ("372", "EE"),
    ("371", "LV"),
    ("370", "LT"),
    ("380", "UA"),
    ("375", "BY"),
    ("353", "IE"),
];

/// Russian area codes (after `+7`) outside Moscow time. Mobile numbers (`+79…`)
/// are not tied to a place and stay on Moscow time.
const RUSSIAN_AREAS: &[(&str, Tz)] = &[
    ("4012", Tz::Europe__Kaliningrad),
    ("8452", Tz::Europe__Saratov),
    ("846", Tz::Europe__Samara),
    ("343", Tz::Asia__Yekaterinburg),
    ("342", Tz::Asia__Yekaterinburg),
    ("347", Tz::Asia__Yekaterinburg),
    ("351", Tz::Asia__Yekaterinburg),
    ("345", Tz::Asia__Yekaterinburg),
    ("381", Tz::Asia__Omsk),
    ("383", Tz::Asia__Novosibirsk),
    ("384", Tz::Asia__Novokuznetsk),
    ("391", Tz::Asia__Krasnoyarsk),
    ("395", Tz::Asia__Irkutsk),
    ("411", Tz::Asia__Yakutsk),
    ("421", Tz::Asia__Vladivostok),
    ("423", Tz::Asia__Vladivostok),
    ("413", Tz::Asia__Magadan),
    ("415", Tz::Asia__Kamchatka),
];

/// United States area codes (after `+1`) outside Eastern time; the rest, and
/// every number the table does not know, stay on New York time.
const US_AREAS: &[(&str, Tz)] = &[
    ("312", Tz::America__Chicago),
    ("773", Tz::America__Chicago),
    ("214", Tz::America__Chicago),
    ("713", Tz::America__Chicago),
    ("303", Tz::America__Denver),
    ("602", Tz::America__Phoenix),
    ("213", Tz::America__Los_Angeles),
    ("310", Tz::America__Los_Angeles),
    ("415", Tz::America__Los_Angeles),
    ("206", Tz::America__Los_Angeles),
    ("808", Tz::Pacific__Honolulu),
];

fn area_zone(table: &[(&str, Tz)], national: &str) -> Option<Tz> {
    table
        .iter()
        .find(|(code, _)| national.starts_with(code))
        .map(|(_, tz)| *tz)
}

/// The zone of an E.164 number (`+7343…`), by its country code and, for Russia
/// and the United States, its area code.
pub fn zone_for_phone(e164: &str) -> Option<Tz> {
    let digits = e164.trim().strip_prefix('+')?;
    if let Some(national) = digits.strip_prefix('7') {
        if national.starts_with('6') || national.starts_with('7') {
            return Some(Tz::Asia__Almaty);
        }
        return Some(area_zone(RUSSIAN_AREAS, national).unwrap_or(Tz::Europe__Moscow));
    }
    if let Some(national) = digits.strip_prefix('1') {
        return Some(area_zone(US_AREAS, national).unwrap_or(Tz::America__New_York));
    }
    CALLING_CODES
        .iter()
        .find(|(code, _)| digits.starts_with(code))
        .and_then(|(_, country)| zone_for_country(country))
}

/// The customer's zone: the country, narrowed by the phone where the country spans
/// several zones and the phone belongs to it; the phone alone when the country is
/// unknown; `fallback` (the shop's zone) when neither tells.
pub fn zone_for_customer(country: Option<&str>, phone_e164: Option<&str>, fallback: Tz) -> Tz {
    let by_country = country.and_then(zone_for_country);
    let by_phone = phone_e164.and_then(zone_for_phone);
    match (country.map(|c| c.trim().to_ascii_uppercase()), by_country) {
        (Some(c), Some(zone)) => {
            let spans_zones = c == "RU" || c == "US";
            let phone_matches = phone_e164.is_some_and(|p| {
                (c == "RU" && p.starts_with("+7")) || (c == "US" && p.starts_with("+1"))
            });
            if spans_zones && phone_matches {
                by_phone.unwrap_or(zone)
            } else {
                zone
            }
        }
        _ => by_phone.unwrap_or(fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_comes_from_country_first() {
        let cases = [
            ("PL", Tz::Europe__Warsaw),
            ("fi", Tz::Europe__Helsinki),
            ("RU", Tz::Europe__Moscow),
            ("US", Tz::America__New_York),
            ("GB", Tz::Europe__London),
            ("DE", Tz::Europe__Berlin),
            ("SE", Tz::Europe__Stockholm),
            ("EE", Tz::Europe__Tallinn),
            ("LT", Tz::Europe__Vilnius),
            ("LV", Tz::Europe__Riga),
            ("UA", Tz::Europe__Kyiv),
        ];
        for (country, zone) in cases {
            assert_eq!(
                zone_for_customer(Some(country), Some("+48601234567"), Tz::UTC),
                zone,
                "{country}"
            );
        }
    }

    #[test]
    fn zone_comes_from_phone_prefix_when_country_is_unknown() {
        let cases = [
            ("+48601234567", Tz::Europe__Warsaw),
            ("+358401234567", Tz::Europe__Helsinki),
            ("+79123456789", Tz::Europe__Moscow),
            ("+12125550100", Tz::America__New_York),
            ("+447700900123", Tz::Europe__London),
            ("+380501234567", Tz::Europe__Kyiv),
        ];
        for (phone, zone) in cases {
            assert_eq!(
                zone_for_customer(None, Some(phone), Tz::UTC),
                zone,
                "{phone}"
            );
        }
    }

    #[test]
    fn russian_landline_area_code_narrows_the_zone() {
        let cases = [
            ("+73432123456", Tz::Asia__Yekaterinburg),
            ("+73832123456", Tz::Asia__Novosibirsk),
            ("+74232123456", Tz::Asia__Vladivostok),
            ("+74012123456", Tz::Europe__Kaliningrad),
            ("+74951234567", Tz::Europe__Moscow),
            ("+79123456789", Tz::Europe__Moscow),
        ];
        for (phone, zone) in cases {
            assert_eq!(
                zone_for_customer(Some("RU"), Some(phone), Tz::UTC),
                zone,
                "{phone}"
            );
        }
    }

    #[test]
    fn us_area_code_narrows_the_zone_and_unknown_codes_stay_on_new_york() {
        assert_eq!(
            zone_for_customer(Some("US"), Some("+14155550100"), Tz::UTC),
            Tz::America__Los_Angeles
        );
        assert_eq!(
            zone_for_customer(Some("US"), Some("+12015550100"), Tz::UTC),
            Tz::America__New_York
        );
    }

    #[test]
    fn foreign_phone_does_not_override_a_known_country() {
        assert_eq!(
            zone_for_customer(Some("RU"), Some("+358401234567"), Tz::UTC),
            Tz::Europe__Moscow
        );
    }

    #[test]
    fn unknown_country_and_no_phone_fall_back_to_the_shop_zone() {
        assert_eq!(
            zone_for_customer(Some("ZZ"), None, Tz::Europe__Warsaw),
            Tz::Europe__Warsaw
        );
        assert_eq!(
            zone_for_customer(None, None, Tz::Europe__Warsaw),
            Tz::Europe__Warsaw
        );
    }
}
