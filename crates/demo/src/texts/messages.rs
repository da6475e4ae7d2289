//! What customers write at checkout: a note for the shop, or a gift message for
//! the parcel, in their own language and fitting the season.

use crate::country::Country;
use crate::weighted::any;
use chrono::{DateTime, Datelike, Utc};
use rand::Rng;

/// A short note to the shop.
#[rustfmt::skip]
pub(crate) fn customer_note(country: Country, rng: &mut impl Rng) -> &'static str {
    let pool: &[&str] = match country {
        Country::Pl => &[
            "Proszę o staranne zapakowanie, to prezent.",
            "Proszę nie dzwonić domofonem, śpi dziecko.",
            "Jeśli mnie nie będzie, proszę zostawić u sąsiada pod 5.",
            "Proszę nie wkładać paragonu z cenami, to na prezent.",
            "Czy mogę prosić o próbkę nowej herbaty?",
            "Proszę o wysyłkę przed piątkiem, to na urodziny.",
        ],
        Country::Ru => &[
            "Пожалуйста, упакуйте как подарок.",
            "Позвоните, пожалуйста, за час до доставки.",
            "Если можно, положите пробник улуна.",
            "Отправьте, пожалуйста, до пятницы — это на день рождения.",
        ],
        Country::Fi => &[
            "Jätä paketti oven taakse, kiitos.",
            "Lahjapaketointi, kiitos!",
            "Voisiko mukaan laittaa näytteen uudesta teestä?",
            "Ei hintoja pakettiin, se on lahja.",
        ],
        Country::De => &[
            "Bitte als Geschenk verpacken.",
            "Bei Abwesenheit bitte beim Nachbarn abgeben.",
            "Bitte keine Rechnung mit Preisen beilegen, es ist ein Geschenk.",
            "Könnten Sie eine Probe vom neuen Tee beilegen?",
        ],
        Country::Gb | Country::Us => &[
            "Please gift wrap, it's a present.",
            "Leave with a neighbour if I'm out, thanks!",
            "Could you add a sample of the new tea?",
            "Please ship before Friday, it's for a birthday.",
            "No prices in the parcel please, it's a gift.",
        ],
    };
    any(pool, rng)
}

/// The occasion a gift sent at `at` is most likely for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Occasion {
    Christmas,
    WomensDay,
    Birthday,
    Thanks,
}

fn occasion(country: Country, at: DateTime<Utc>, rng: &mut impl Rng) -> Occasion {
    let (m, d) = (at.month(), at.day());
    if m == 12 && d <= 22 && rng.random_bool(0.8) {
        return Occasion::Christmas;
    }
    if m == 3 && d <= 8 && matches!(country, Country::Pl | Country::Ru) && rng.random_bool(0.8) {
        return Occasion::WomensDay;
    }
    if rng.random_bool(0.7) {
        Occasion::Birthday
    } else {
        Occasion::Thanks
    }
}

/// A gift message signed with the sender's first name.
#[rustfmt::skip]
pub(crate) fn gift_message(country: Country, first_name: &str, at: DateTime<Utc>, rng: &mut impl Rng) -> String {
    use Occasion::*;
    let text = match (country, occasion(country, at, rng)) {
        (Country::Pl, Christmas) => "Wesołych Świąt i spokojnego Nowego Roku!",
        (Country::Pl, WomensDay) => "Wszystkiego najlepszego z okazji Dnia Kobiet!",
        (Country::Pl, Birthday) => any(&["Wszystkiego najlepszego z okazji urodzin! Ściskam", "Sto lat! Buziaki"], rng),
        (Country::Pl, Thanks) => any(&["Dziękuję za wszystko.", "Dla najlepszej Mamy — kocham"], rng),
        (Country::Ru, Christmas) => "С наступающим Новым годом! Тепла и уюта.",
        (Country::Ru, WomensDay) => "С 8 Марта! Весны в душе.",
        (Country::Ru, Birthday) => "С днём рождения! Обнимаю,",
        (Country::Ru, Thanks) => "Спасибо за всё!",
        (Country::Fi, Christmas) => "Hyvää joulua ja onnellista uutta vuotta!",
        (Country::Fi, Birthday) => "Hyvää syntymäpäivää! Halauksin",
        (Country::Fi, _) => "Kiitos kaikesta!",
        (Country::De, Christmas) => "Frohe Weihnachten und einen guten Rutsch!",
        (Country::De, Birthday) => "Alles Liebe zum Geburtstag!",
        (Country::De, _) => "Danke für alles!",
        (Country::Gb | Country::Us, Christmas) => "Merry Christmas and a happy New Year!",
        (Country::Gb | Country::Us, Birthday) => "Happy birthday! Love,",
        (Country::Gb | Country::Us, _) => any(&["Thank you for everything!", "Thinking of you. x"], rng),
    };
    format!("{text} {first_name}")
}
