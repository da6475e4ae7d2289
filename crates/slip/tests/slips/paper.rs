//! Paper sizes and the embedded font.

use courtesy_slip::PageSize;

use crate::fixtures::order;
use crate::rendered;

#[test]
fn each_page_size_prints_on_its_own_paper() {
    let expected = [
        (PageSize::A4, (595, 842)),
        (PageSize::Letter, (612, 792)),
        (PageSize::A6, (298, 420)),
        (PageSize::Label4x6, (288, 432)),
    ];
    for (size, points) in expected {
        let pdf = rendered(&[order()], size);
        assert_eq!(
            pdf.page_size(),
            points,
            "expected {size} to be {points:?} pt"
        );
    }
}

#[test]
fn fonts_are_embedded_subsets_of_dejavu_sans() {
    for size in PageSize::ALL {
        let pdf = rendered(&[order()], size);
        let fonts = pdf.fonts();
        assert_eq!(
            fonts.len(),
            2,
            "expected regular and bold on {size}, pdffonts said {fonts:#?}"
        );
        for row in &fonts {
            let cells: Vec<&str> = row.split_whitespace().collect();
            let name = cells.first().copied().unwrap_or("");
            let (tag, family) = name.split_once('+').unwrap_or(("", name));
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "expected a subset tag like ABCDEF+ on {size}, got {name:?}"
            );
            assert!(
                family.starts_with("DejaVuSans"),
                "expected DejaVu Sans on {size}, got {name:?}"
            );
            // Columns: name, type (2 words), encoding, emb, sub, uni, object, id.
            let flags = &cells[cells.len().saturating_sub(5)..cells.len().saturating_sub(2)];
            assert_eq!(
                flags,
                ["yes", "yes", "yes"],
                "expected emb, sub and uni yes on {size}: {row}"
            );
        }
    }
}

#[test]
fn a_subset_font_keeps_the_file_small() {
    let bytes = courtesy_slip::render(&[order()], PageSize::A4).unwrap_or_default();
    // The two whole fonts are 1.4 MB; subsets of a few dozen glyphs are a few kB.
    assert!(
        bytes.len() < 120_000,
        "expected a small PDF with subset fonts, got {} bytes",
        bytes.len()
    );
}
