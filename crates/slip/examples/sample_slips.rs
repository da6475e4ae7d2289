//! Renders one realistic order on every page size and writes the first page of each
//! as `docs/slip-<size>.png` (through poppler's `pdftoppm`), for looking at the
//! layouts.
//!
//!     cargo run -p courtesy-slip --example sample_slips [-- OUT_DIR]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use courtesy_core::Language;
use courtesy_slip::{render, InsertItem, InsertKind, PageSize, ShopHeader, SlipData, SlipLine};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()?;
    let out: PathBuf = std::env::args()
        .nth(1)
        .map_or_else(|| root.join("docs"), PathBuf::from);
    std::fs::create_dir_all(&out)?;
    let work = tempdir()?;
    let slip = sample_order();
    for size in PageSize::ALL {
        let name = match size {
            PageSize::Label4x6 => "4x6".to_string(),
            other => other.code().to_string(),
        };
        let pdf = work.join(format!("slip-{name}.pdf"));
        std::fs::write(&pdf, render(std::slice::from_ref(&slip), size)?)?;
        let png_stem = out.join(format!("slip-{name}"));
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&pdf)
            .arg(&png_stem)
            .status()?;
        if !status.success() {
            return Err(format!("pdftoppm failed on {}", pdf.display()).into());
        }
        println!("{}.png", png_stem.display());
    }
    std::fs::remove_dir_all(&work)?;
    Ok(())
}

fn tempdir() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("courtesy-slip-samples-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// A Polish shop's gift order: a daughter in Kraków sends linen to her mother in
/// Warsaw; both write Russian. Prices are hidden, the shop adds a gift and prints
/// the card with the buyer's message.
fn sample_order() -> SlipData {
    SlipData {
        language: Language::Pl,
        shop: ShopHeader {
            name: "Pracownia Lniana Źródło".into(),
            address_lines: vec![
                "ul. Świętego Filipa 17".into(),
                "31-150 Kraków, Polska".into(),
                "sklep@zrodlo-len.pl · +48 12 345 67 89".into(),
            ],
            logo: Some(sample_logo()),
        },
        order_number: "#10482".into(),
        placed_at: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
        ship_to: vec![
            "Ирина Ковальчук".into(),
            "ul. Złota 44 m. 12".into(),
            "00-120 Warszawa".into(),
            "Polska".into(),
        ],
        shipping_method: "InPost Paczkomat WAW22M".into(),
        customer_note: "Это подарок маме — пожалуйста, без чека в посылке. Dziękuję!".into(),
        lines: vec![
            line(
                "RL-70-GRF",
                "Ręcznik lniany",
                "70 × 140 cm, grafitowy",
                2,
                "B-04",
            ),
            line(
                "SL-45-NAT",
                "Serwetki lniane, 4 szt.",
                "45 × 45 cm, naturalne",
                1,
                "A-12",
            ),
            line("SW-LAKA", "Świeca sojowa „Łąka”", "180 g", 1, "C-07"),
        ],
        show_prices: false,
        total: None,
        inserts: vec![
            InsertItem {
                kind: InsertKind::Gift,
                title: "Saszetka lawendowa".into(),
                text: "Za piąte zamówienie".into(),
            },
            InsertItem {
                kind: InsertKind::Card,
                title: "Urodziny (drukowana)".into(),
                text: "Мамочка, с днём рождения! Обнимаю крепко, твоя Аня".into(),
            },
        ],
        copy_number: 0,
    }
}

fn line(sku: &str, name: &str, variant: &str, quantity: u32, bin: &str) -> SlipLine {
    SlipLine {
        sku: sku.into(),
        name: name.into(),
        variant: variant.into(),
        quantity,
        bin: bin.into(),
        unit_price: None,
    }
}

/// A small two-colour logo: a green leaf-like disc and a bar, drawn in code.
fn sample_logo() -> Vec<u8> {
    let (w, h) = (360u32, 120u32);
    let image = image::RgbaImage::from_fn(w, h, |x, y| {
        let (cx, cy) = (60.0_f32, 60.0_f32);
        let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
        if d < 50.0 {
            image::Rgba([46, 110, 74, 255])
        } else if (130..340).contains(&x) && (48..72).contains(&y) {
            image::Rgba([120, 90, 50, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut bytes = Vec::new();
    let _ = image::DynamicImage::ImageRgba8(image).write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    );
    bytes
}
