//! Renders 1,000 A6 packing slips (three lines each, barcode, embedded subset font,
//! deterministic data in four languages) into one PDF and reports the wall time of
//! `render` and the process's peak RSS against the targets (≤ 1 s, ≤ 150 MB).
//!
//!     cargo bench -p courtesy-slip --bench slips [-- --dir DIR]
//!
//! With `--dir`, it also writes `slips.json` (the same slips, for the ReportLab and
//! WeasyPrint renderers of `bench/slips/run.sh`) and `slips-courtesy.pdf` there.

use std::time::Instant;

use chrono::NaiveDate;
use courtesy_core::Language;
use courtesy_slip::{render, InsertItem, InsertKind, PageSize, ShopHeader, SlipData, SlipLine};

const SLIPS: usize = 1000;
const TARGET_SECONDS: f64 = 1.0;
const TARGET_RSS_MB: f64 = 150.0;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .iter()
        .position(|a| a == "--dir")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);

    let slips: Vec<SlipData> = (0..SLIPS).map(slip).collect();

    // The first run includes reading the font's metrics; later runs show the steady
    // state. The report uses the first, as a batch print in a fresh app would see it.
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let pdf = render(&slips, PageSize::A6)?;
    let first = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    let mut best = first;
    for _ in 0..2 {
        let started = Instant::now();
        let again = render(&slips, PageSize::A6)?;
        best = best.min(started.elapsed().as_secs_f64());
        drop(again);
    }
    let rss_mb = peak_rss_kb().map(|kb| kb as f64 / 1024.0);

    println!(
        "courtesy-slip: {SLIPS} A6 slips, 3 lines each, one PDF of {} kB",
        pdf.len() / 1024
    );
    println!("render wall s    first {first:.3}   best of 3 {best:.3}");
    if let Some(cpu) = cpu {
        println!("render CPU s     first {cpu:.3} (on-CPU time: what the wall time would be on an idle core)");
    }
    match rss_mb {
        Some(mb) => println!("peak RSS MB      {mb:.1}"),
        None => println!("peak RSS MB      unknown (no /proc/self/status)"),
    }
    let verdict = |ok: bool| if ok { "PASS" } else { "FAIL" };
    println!(
        "target wall <= {TARGET_SECONDS} s      {first:.3} s   {}",
        verdict(first <= TARGET_SECONDS)
    );
    let rss_ok = rss_mb.is_some_and(|mb| mb <= TARGET_RSS_MB);
    println!(
        "target RSS <= {TARGET_RSS_MB} MB    {:.1} MB   {}",
        rss_mb.unwrap_or(f64::NAN),
        verdict(rss_ok)
    );
    println!(
        "RESULT courtesy wall_s={first:.4} best_s={best:.4} cpu_s={:.4} rss_mb={:.1} bytes={}",
        cpu.unwrap_or(f64::NAN),
        rss_mb.unwrap_or(f64::NAN),
        pdf.len()
    );

    if let Some(dir) = dir {
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("slips.json"), serde_json::to_vec(&slips)?)?;
        std::fs::write(dir.join("slips-courtesy.pdf"), &pdf)?;
    }
    Ok(())
}

/// Time this thread has spent on a CPU, in seconds (Linux schedstat).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// Peak resident set size of this process, in kB.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

const PRODUCTS: [(&str, &str, &str); 12] = [
    ("RL-70-GRF", "Ręcznik lniany", "70 × 140 cm, grafitowy"),
    (
        "SL-45-NAT",
        "Serwetki lniane, 4 szt.",
        "45 × 45 cm, naturalne",
    ),
    ("SW-LAKA", "Świeca sojowa „Łąka”", "180 g"),
    ("SCF-MER-GRY", "Merino scarf", "Grey"),
    ("HAT-BOB-RED", "Bobble hat", "Red, adult"),
    ("MIT-LAM-NAT", "Lambswool mittens", "Size M"),
    ("ЧАЙ-ИВ-100", "Иван-чай ферментированный", "100 г"),
    ("МЁД-ЛИП-250", "Мёд липовый", "250 г, стекло"),
    ("ПЛЕД-ШЕР", "Плед из овечьей шерсти", "140 × 200 см"),
    ("KAHVI-TUM", "Kahvi, tumma paahto", "500 g"),
    ("MUKI-SIN", "Keraaminen muki", "sininen, 3 dl"),
    ("SUKAT-VIL", "Villasukat", "koko 38–40"),
];

const PEOPLE: [(&str, &str, &str); 4] = [
    (
        "Margaret Okafor",
        "Flat 3, 27 Willow Road",
        "Bristol BS1 4QA",
    ),
    (
        "Zofia Wiśniewska",
        "ul. Żółkiewskiego 12/4",
        "31-539 Kraków",
    ),
    (
        "Фёдор Щукин",
        "ул. Подъёмная, д. 14, кв. 7",
        "190000 Санкт-Петербург",
    ),
    (
        "Äänekoski Öljynen",
        "Säästöpankinranta 4 B 12",
        "00530 Helsinki",
    ),
];

/// Slip number `i`: deterministic, different languages, addresses and products.
fn slip(i: usize) -> SlipData {
    let language = Language::ALL[i % 4];
    let (name, street, city) = PEOPLE[i % 4];
    let lines = (0..3)
        .map(|k| {
            let (sku, product, variant) = PRODUCTS[(i * 7 + k * 5) % PRODUCTS.len()];
            SlipLine {
                sku: sku.into(),
                name: product.into(),
                variant: variant.into(),
                quantity: ((i + k) % 3) as u32 + 1,
                bin: format!(
                    "{}-{:02}",
                    ["A", "B", "C", "D"][(i + k) % 4],
                    (i * 3 + k) % 40 + 1
                ),
                unit_price: Some(format!("{},{:02} zł", 10 + (i + k) % 90, (i * 13) % 100)),
            }
        })
        .collect();
    let mut inserts = Vec::new();
    if i.is_multiple_of(3) {
        inserts.push(InsertItem {
            kind: InsertKind::Gift,
            title: "Saszetka lawendowa".into(),
            text: "Za piąte zamówienie".into(),
        });
    }
    if i.is_multiple_of(5) {
        inserts.push(InsertItem {
            kind: InsertKind::Card,
            title: "Thank you card".into(),
            text: "Dziękujemy! Спасибо! Kiitos! Thank you for shopping with us.".into(),
        });
    }
    SlipData {
        language,
        shop: ShopHeader {
            name: "Pracownia Lniana Źródło".into(),
            address_lines: vec![
                "ul. Świętego Filipa 17".into(),
                "31-150 Kraków, Polska".into(),
            ],
            logo: None,
        },
        order_number: format!("#{}", 100_000 + i),
        placed_at: NaiveDate::from_ymd_opt(2026, 11, 1 + (i % 28) as u32).unwrap_or_default(),
        ship_to: vec![name.into(), street.into(), city.into()],
        shipping_method: [
            "InPost Paczkomat",
            "DPD Classic",
            "СДЭК до двери",
            "Posti Paketti",
        ][i % 4]
            .into(),
        customer_note: if i % 4 == 1 {
            "Proszę nie dzwonić domofonem, dziecko śpi.".into()
        } else {
            String::new()
        },
        lines,
        show_prices: i.is_multiple_of(2),
        total: Some(format!("{},00 zł", 60 + i % 200)),
        inserts,
        copy_number: 0,
    }
}
