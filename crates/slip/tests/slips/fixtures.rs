//! Slips to render in tests: a realistic order in each language, long orders, and a
//! logo drawn in code.

use chrono::NaiveDate;
use courtesy_core::Language;
use courtesy_slip::{InsertItem, InsertKind, ShopHeader, SlipData, SlipLine};

pub fn line(
    sku: &str,
    name: &str,
    variant: &str,
    quantity: u32,
    bin: &str,
    price: &str,
) -> SlipLine {
    SlipLine {
        sku: sku.into(),
        name: name.into(),
        variant: variant.into(),
        quantity,
        bin: bin.into(),
        unit_price: Some(price.into()),
    }
}

/// An English order with prices, a note, a gift, a card and a gift message.
pub fn order() -> SlipData {
    SlipData {
        language: Language::En,
        shop: ShopHeader {
            name: "Northwind Knits".into(),
            address_lines: vec!["12 Harbour Street".into(), "Leith EH6 6LD, UK".into()],
            logo: None,
        },
        order_number: "#1001".into(),
        placed_at: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
        ship_to: vec![
            "Margaret Okafor".into(),
            "Flat 3, 27 Willow Road".into(),
            "Bristol BS1 4QA".into(),
            "United Kingdom".into(),
        ],
        shipping_method: "Royal Mail Tracked 48".into(),
        customer_note: "Please leave the parcel with the neighbour at number 29.".into(),
        lines: vec![
            line("SCF-MER-GRY", "Merino scarf", "Grey", 1, "B-2", "£45.00"),
            line(
                "HAT-BOB-RED",
                "Bobble hat",
                "Red, adult",
                3,
                "A-7",
                "£22.00",
            ),
            line(
                "MIT-LAM-NAT",
                "Lambswool mittens",
                "Size M",
                2,
                "A-7",
                "£18.50",
            ),
        ],
        show_prices: true,
        total: Some("£148.00".into()),
        inserts: vec![
            InsertItem {
                kind: InsertKind::Gift,
                title: "Lavender sachet".into(),
                text: "Thank-you gift for a fifth order".into(),
            },
            InsertItem {
                kind: InsertKind::Card,
                title: "Thank you card".into(),
                text: "Dear Margaret, thank you for knitting along with us this winter!".into(),
            },
            InsertItem {
                kind: InsertKind::GiftMessage,
                title: String::new(),
                text: "Happy birthday, Mum! Love, Tom".into(),
            },
        ],
        copy_number: 0,
    }
}

/// The same order in Polish, Russian or Finnish, with the language's own letters
/// in every field.
pub fn order_in(language: Language) -> SlipData {
    let mut slip = order();
    slip.language = language;
    match language {
        Language::Pl => {
            slip.ship_to = vec![
                "Zażółć Gęślą-Jaźń".into(),
                "ul. Źródlana 5/12".into(),
                "80-180 Gdańsk".into(),
            ];
            slip.shipping_method = "InPost Paczkomat GDA01M".into();
            slip.customer_note = "Proszę zostawić paczkę u sąsiadki, dziękuję!".into();
            slip.lines[0].name = "Szalik z wełny świętojańskiej".into();
            slip.inserts[1].text = "Dziękujemy za zakupy — życzymy miłego dnia!".into();
        }
        Language::Ru => {
            slip.ship_to = vec![
                "Фёдор Щукин".into(),
                "ул. Подъёмная, д. 14, кв. 7".into(),
                "Санкт-Петербург 190000".into(),
            ];
            slip.shipping_method = "СДЭК до двери".into();
            slip.customer_note = "Позвоните за час до доставки, пожалуйста.".into();
            slip.lines[0].name = "Шарф из мериносовой шерсти".into();
            slip.inserts[1].text = "Спасибо, что вы с нами! Ждём вас снова.".into();
        }
        Language::Fi => {
            slip.ship_to = vec![
                "Äänekoski Öljynen".into(),
                "Säästöpankinranta 4 B 12".into(),
                "00530 Helsinki".into(),
            ];
            slip.shipping_method = "Posti Pakettiautomaatti".into();
            slip.customer_note = "Jättäkää paketti ovelle, kiitos.".into();
            slip.lines[0].name = "Villahuivi, kääntöpuolinen".into();
            slip.inserts[1].text = "Hyvää päivänjatkoa ja kiitos tilauksesta!".into();
        }
        Language::En => {}
    }
    slip
}

/// An order of `count` lines, each with its own bin, name and SKU.
pub fn long_order(count: usize) -> SlipData {
    let mut slip = order();
    slip.order_number = "#2002".into();
    slip.lines = (1..=count)
        .map(|i| {
            let sku = format!("SKU-{i:03}");
            let name = format!("Product number {i:03}");
            line(
                &sku,
                &name,
                "Standard",
                (i % 3) as u32 + 1,
                &format!("R-{i:03}"),
                "€9.90",
            )
        })
        .collect();
    slip
}

/// A 120 × 40 PNG logo.
pub fn logo_png() -> Vec<u8> {
    let image = image::RgbImage::from_fn(120, 40, |x, _| {
        if x < 40 {
            image::Rgb([20, 90, 60])
        } else {
            image::Rgb([250, 250, 250])
        }
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("a PNG encodes in memory");
    bytes
}
