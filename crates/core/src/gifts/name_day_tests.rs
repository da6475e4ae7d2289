//! The name-day calendars: the data files, well-known names of each calendar, and
//! the next name day within a few days.

use super::name_days::parse_calendar;
use super::*;
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn has(name: &str, calendar: NameDayCalendar, month: u32, d: u32) {
    let days = name_days(name, calendar);
    assert!(
        days.contains(&(month, d)),
        "{name} should have a name day on {d}.{month} in {calendar:?}, has {days:?}"
    );
}

#[test]
fn every_line_of_every_calendar_file_reads() {
    for calendar in NameDayCalendar::ALL {
        let (_, bad) = parse_calendar(match calendar {
            NameDayCalendar::Pl => include_str!("../../data/name_days/pl.csv"),
            NameDayCalendar::Fi => include_str!("../../data/name_days/fi.csv"),
            NameDayCalendar::Ru => include_str!("../../data/name_days/ru.csv"),
        });
        assert!(bad.is_empty(), "{calendar:?} has unreadable lines: {bad:?}");
    }
}

#[test]
fn calendars_cover_the_common_names() {
    for (calendar, at_least) in [
        (NameDayCalendar::Pl, 500),
        (NameDayCalendar::Fi, 350),
        (NameDayCalendar::Ru, 150),
    ] {
        let n = name_count(calendar);
        assert!(
            n >= at_least,
            "{calendar:?} knows {n} names, expected ≥ {at_least}"
        );
    }
}

#[test]
fn polish_name_days_follow_the_polish_calendar() {
    for (name, m, d) in [
        ("Anna", 7, 26),
        ("Jan", 6, 24),
        ("Piotr", 6, 29),
        ("Paweł", 6, 29),
        ("Katarzyna", 11, 25),
        ("Andrzej", 11, 30),
        ("Barbara", 12, 4),
        ("Mikołaj", 12, 6),
        ("Józef", 3, 19),
        ("Agnieszka", 1, 21),
        ("Krzysztof", 7, 25),
        ("Jakub", 7, 25),
        ("Michał", 9, 29),
        ("Stanisław", 5, 8),
        ("Wojciech", 4, 23),
        ("Adam", 12, 24),
        ("Ewa", 12, 24),
        ("Szczepan", 12, 26),
        ("Sylwester", 12, 31),
        ("Walenty", 2, 14),
        ("Kacper", 1, 6),
        ("Jadwiga", 10, 16),
        ("Marcin", 11, 11),
    ] {
        has(name, NameDayCalendar::Pl, m, d);
    }
}

#[test]
fn polish_names_match_in_any_case_and_without_diacritics() {
    for name in ["JÓZEF", "józef", "Jozef", " jozef "] {
        has(name, NameDayCalendar::Pl, 3, 19);
    }
    has("Mikolaj", NameDayCalendar::Pl, 12, 6);
    has("malgorzata", NameDayCalendar::Pl, 7, 13);
}

#[test]
fn finnish_name_days_follow_the_finnish_almanac() {
    for (name, m, d) in [
        ("Matti", 2, 24),
        ("Anna", 12, 9),
        ("Juhani", 6, 24),
        ("Johannes", 6, 24),
        ("Pekka", 6, 29),
        ("Heikki", 1, 19),
        ("Paavo", 1, 25),
        ("Mikko", 9, 29),
        ("Antti", 11, 30),
        ("Tuomas", 12, 21),
        ("Markku", 4, 25),
        ("Yrjö", 4, 23),
        ("Eeva", 12, 24),
        ("Tapani", 12, 26),
        ("Olavi", 7, 29),
    ] {
        has(name, NameDayCalendar::Fi, m, d);
    }
    has("yrjo", NameDayCalendar::Fi, 4, 23);
}

#[test]
fn russian_name_days_follow_the_orthodox_calendar_in_cyrillic_and_latin() {
    for (name, m, d) in [
        ("Татьяна", 1, 25),
        ("ТАТЬЯНА", 1, 25),
        ("Tatiana", 1, 25),
        ("Tatyana", 1, 25),
        ("Ольга", 7, 24),
        ("Olga", 7, 24),
        ("Николай", 12, 19),
        ("Николай", 5, 22),
        ("Анна", 2, 16),
        ("Анна", 8, 7),
        ("Анна", 12, 22),
        ("Мария", 8, 4),
        ("Сергей", 10, 8),
        ("Sergey", 10, 8),
        ("Пётр", 7, 12),
        ("Петр", 7, 12),
        ("Вера", 9, 30),
        ("Надежда", 9, 30),
        ("Любовь", 9, 30),
        ("Екатерина", 12, 7),
        ("Андрей", 12, 13),
        ("Дмитрий", 11, 8),
        ("Михаил", 11, 21),
        ("Владимир", 7, 28),
        ("Иван", 7, 7),
        ("Ivan", 7, 7),
        ("Алёна", 6, 3),
        ("Алена", 6, 3),
        ("Оксана", 2, 6),
    ] {
        has(name, NameDayCalendar::Ru, m, d);
    }
}

#[test]
fn a_name_the_calendar_does_not_list_has_no_name_days() {
    assert!(name_days("Brooklyn", NameDayCalendar::Pl).is_empty());
    assert!(name_days("", NameDayCalendar::Fi).is_empty());
    assert!(name_days("Татьяна", NameDayCalendar::Pl).is_empty());
}

#[test]
fn a_double_name_is_looked_up_by_its_first_part() {
    has("Anna Maria", NameDayCalendar::Pl, 7, 26);
    has("Anna-Liisa", NameDayCalendar::Fi, 12, 9);
}

#[test]
fn next_name_day_within_counts_days_from_the_given_date() {
    use NameDayCalendar::*;
    type Case<'a> = (
        &'a str,
        &'a [NameDayCalendar],
        &'a str,
        u32,
        Option<(&'a str, NameDayCalendar)>,
    );
    let cases: [Case; 9] = [
        ("Anna", &[Pl], "2026-07-20", 7, Some(("2026-07-26", Pl))),
        ("Anna", &[Pl], "2026-07-20", 5, None),
        ("Anna", &[Pl], "2026-07-26", 0, Some(("2026-07-26", Pl))),
        (
            "Sylwester",
            &[Pl],
            "2026-12-29",
            3,
            Some(("2026-12-31", Pl)),
        ),
        (
            "Mieczysław",
            &[Pl],
            "2026-12-30",
            3,
            Some(("2027-01-01", Pl)),
        ),
        (
            "Anna",
            &[Pl, Fi],
            "2026-12-01",
            10,
            Some(("2026-12-09", Fi)),
        ),
        ("Татьяна", &[Ru], "2027-01-20", 5, Some(("2027-01-25", Ru))),
        ("August", &[Pl], "2027-02-20", 10, Some(("2027-02-28", Pl))),
        ("August", &[Pl], "2028-02-20", 10, Some(("2028-02-29", Pl))),
    ];
    for (name, calendars, from, days, want) in cases {
        let got = next_name_day_within(name, calendars, day(from), days);
        let want = want.map(|(d, calendar)| NameDayHit {
            date: day(d),
            calendar,
        });
        assert_eq!(got, want, "{name} from {from} within {days} days");
    }
}

#[test]
fn a_customer_follows_their_country_calendar_then_their_language_one() {
    use crate::Language;
    let of = NameDayCalendar::of_customer;
    assert_eq!(
        of(Some("FI"), Some(Language::Ru)),
        Some(NameDayCalendar::Fi)
    );
    assert_eq!(
        of(Some("DE"), Some(Language::Ru)),
        Some(NameDayCalendar::Ru)
    );
    assert_eq!(of(Some("pl"), None), Some(NameDayCalendar::Pl));
    assert_eq!(of(Some("GB"), Some(Language::En)), None);
    assert_eq!(of(None, None), None);
}
