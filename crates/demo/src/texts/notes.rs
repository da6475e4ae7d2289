//! Staff notes on a customer's card, in the customer's language (English when it
//! is not one Courtesy speaks).

use crate::weighted::any;
use courtesy_core::Language;
use rand::Rng;

/// Why a note was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteTopic {
    /// Something staff want to remember.
    Preference,
    /// A complaint and how it was settled.
    Complaint,
    /// An allergy to keep scented samples out of the parcel.
    Allergy,
    /// A blogger the shop works with.
    Influencer,
    /// Terms of a wholesale customer.
    Wholesale,
}

#[rustfmt::skip]
fn pool(language: Language, topic: NoteTopic) -> &'static [&'static str] {
    use NoteTopic::*;
    match (language, topic) {
        (Language::Pl, Preference) => &[
            "Prosi o kontakt telefoniczny po 17:00.",
            "Woli kontakt mailowy, nie lubi telefonów.",
            "Kupuje prezenty dla całej rodziny przed świętami.",
            "Prosi, żeby nie wkładać ulotek do paczki.",
            "Lubi herbaty zielone, czarnej nie pije.",
            "Zamawia zawsze do Paczkomatu przy pracy.",
            "Pyta o nowe świece sojowe — dać znać, gdy przyjdzie dostawa.",
            "Poznaliśmy się na targach rękodzieła w Krakowie.",
        ],
        (Language::Pl, Complaint) => &[
            "Reklamacja: stłuczony kubek w paczce, wysłaliśmy nowy.",
            "Paczka szła 9 dni, klient niezadowolony — przeprosić przy kolejnym zamówieniu.",
            "Zły zapach świecy w paczce (pomyłka przy pakowaniu), zwrot różnicy.",
        ],
        (Language::Pl, Allergy) => &["Alergia na lawendę — nie dodawać próbek zapachowych."],
        (Language::Pl, Influencer) => &["Prowadzi bloga o herbacie — wysyłać nowości do recenzji."],
        (Language::Pl, Wholesale) => &["Hurt: faktura VAT na firmę, przelew 14 dni."],
        (Language::Ru, Preference) => &[
            "Просит звонить только после 18:00 по Москве.",
            "Предпочитает переписку по e-mail.",
            "Заказывает подарки коллегам к 8 Марта.",
            "Просит не вкладывать рекламу в посылку.",
            "Любит улун и пуэр, чёрный чай не пьёт.",
            "Посылки забирает на почте, просит присылать трек-номер.",
        ],
        (Language::Ru, Complaint) => &[
            "Жалоба: посылка шла три недели, вернули стоимость доставки.",
            "Кружка пришла с трещиной — отправили замену.",
        ],
        (Language::Ru, Allergy) => &["Аллергия на лаванду — не класть ароматические пробники."],
        (Language::Ru, Influencer) => &["Ведёт блог о чае — присылать новинки на обзор."],
        (Language::Ru, Wholesale) => &["Опт: счёт на юрлицо, оплата в течение 14 дней."],
        (Language::Fi, Preference) => &[
            "Toivoo yhteydenottoa vain sähköpostitse.",
            "Soita mieluiten arkisin kello 16 jälkeen.",
            "Ostaa joululahjat koko perheelle jo marraskuussa.",
            "Ei halua mainoksia pakettiin.",
            "Pitää vihreistä teistä, erityisesti senchasta.",
            "Noutaa paketit aina samasta pakettiautomaatista.",
        ],
        (Language::Fi, Complaint) => &[
            "Reklamaatio: muki rikki perillä, lähetettiin uusi.",
            "Paketti viipyi kaksi viikkoa — pahoittele seuraavan tilauksen yhteydessä.",
        ],
        (Language::Fi, Allergy) => &["Laventeliallergia — ei tuoksunäytteitä pakettiin."],
        (Language::Fi, Influencer) => &["Pitää teeblogia — lähetä uutuuksia arvioitavaksi."],
        (Language::Fi, Wholesale) => &["Tukkuasiakas: lasku yritykselle, maksuaika 14 päivää."],
        (Language::En, Preference) => &[
            "Prefers e-mail to phone calls.",
            "Please call after 5 pm their time.",
            "Buys Christmas presents for the whole office in November.",
            "Asked us not to put flyers in the parcel.",
            "Loves green teas, does not drink black tea.",
            "Found us through an Instagram giveaway.",
        ],
        (Language::En, Complaint) => &[
            "Complaint: mug arrived broken, replacement sent.",
            "Parcel took two weeks; apologise with the next order.",
        ],
        (Language::En, Allergy) => &["Allergic to lavender – no scented samples."],
        (Language::En, Influencer) => &["Runs a tea blog; send new blends to review."],
        (Language::En, Wholesale) => &["Wholesale: invoice the company, 14 days net."],
    }
}

/// A note on `topic` in `language` (English when unknown).
pub(crate) fn staff_note(
    language: Option<Language>,
    topic: NoteTopic,
    rng: &mut impl Rng,
) -> &'static str {
    any(pool(language.unwrap_or(Language::En), topic), rng)
}
