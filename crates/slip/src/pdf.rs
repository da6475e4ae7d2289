//! Turning laid-out pages into one PDF with printpdf: the subset fonts and logos
//! embedded once, every page's boxes and rules first, then its text in one text
//! object (so white text lands on the black boxes drawn under it); streams
//! deflated at zlib's fast level.

use crate::page_size::PageGeometry;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, RawImage, Rect, TextItem, TextMatrix, XObjectId,
    XObjectTransform,
};

use crate::canvas::{Ink, Mark};
use crate::error::SlipError;
use crate::fonts::{subset_font, Face};
use crate::page_size::{PageSize, MM};

/// The PDF of `pages` (marks in points from the top-left) on `size` paper.
pub(crate) fn write(
    title: &str,
    size: PageSize,
    pages: &[Vec<Mark>],
    logos: &[RawImage],
) -> Result<Vec<u8>, SlipError> {
    let mut doc = PdfDocument::new(title);
    let fonts = embed_fonts(&mut doc, pages)?;
    let images: Vec<XObjectId> = logos.iter().map(|logo| doc.add_image(logo)).collect();
    let (width, height) = size.size_pt();

    let pdf_pages = pages
        .iter()
        .map(|marks| {
            let ops = page_ops(marks, height, &fonts, &images);
            PdfPage::new(Mm(width / MM), Mm(height / MM), ops)
        })
        .collect();
    doc.with_pages(pdf_pages);

    let options = PdfSaveOptions {
        // Streams are compressed below, faster than printpdf would.
        optimize: false,
        // The fonts are subset already (see `fonts`).
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut document = doc.to_lopdf_document(&options, &mut warnings);
    compress_streams(&mut document).map_err(|e| SlipError::Pdf {
        reason: e.to_string(),
    })?;
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).map_err(|e| SlipError::Pdf {
        reason: e.to_string(),
    })?;
    Ok(bytes)
}

/// Deflates every stream that may be compressed, at zlib's fast level: a slip's
/// content streams are small and repetitive, so it saves nearly as much as the
/// best level (which lopdf uses) in a fraction of the time.
fn compress_streams(document: &mut lopdf::Document) -> std::io::Result<()> {
    for object in document.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(&stream.content)?;
        let compressed = encoder.finish()?;
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// Subsets each face to the characters the pages use and adds it to the document.
fn embed_fonts(
    doc: &mut PdfDocument,
    pages: &[Vec<Mark>],
) -> Result<BTreeMap<Face, FontId>, SlipError> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for mark in pages.iter().flatten() {
        if let Mark::Text { face, text, .. } = mark {
            used.entry(*face).or_default().extend(text.chars());
        }
    }
    let mut fonts = BTreeMap::new();
    for (face, chars) in used {
        let font = subset_font(face, &chars)?;
        fonts.insert(face, doc.add_font(&font));
    }
    Ok(fonts)
}

fn grey(ink: Ink) -> Color {
    Color::Greyscale(Greyscale::new(ink.0.clamp(0.0, 1.0), None))
}

/// The content of one page: graphics, then text.
fn page_ops(
    marks: &[Mark],
    height: f32,
    fonts: &BTreeMap<Face, FontId>,
    images: &[XObjectId],
) -> Vec<Op> {
    let mut ops = Vec::with_capacity(marks.len() * 3 + 8);
    let mut fill: Option<Ink> = None;
    let mut set_fill = |ops: &mut Vec<Op>, ink: Ink| {
        if fill != Some(ink) {
            ops.push(Op::SetFillColor { col: grey(ink) });
            fill = Some(ink);
        }
    };
    let mut stroke: Option<(Ink, f32)> = None;
    let mut set_stroke = |ops: &mut Vec<Op>, ink: Ink, line: f32| {
        if stroke != Some((ink, line)) {
            ops.push(Op::SetOutlineColor { col: grey(ink) });
            ops.push(Op::SetOutlineThickness { pt: Pt(line) });
            stroke = Some((ink, line));
        }
    };

    for mark in marks {
        match *mark {
            Mark::Fill { x, y, w, h, ink } => {
                set_fill(&mut ops, ink);
                ops.push(Op::DrawRectangle {
                    rectangle: rect(x, height - y - h, w, h, PaintMode::Fill),
                });
            }
            Mark::Frame {
                x,
                y,
                w,
                h,
                line,
                ink,
            } => {
                set_stroke(&mut ops, ink, line);
                ops.push(Op::DrawRectangle {
                    rectangle: rect(x, height - y - h, w, h, PaintMode::Stroke),
                });
            }
            Mark::Rule {
                x1,
                y1,
                x2,
                y2,
                line,
                ink,
            } => {
                set_stroke(&mut ops, ink, line);
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(x1, height - y1), point(x2, height - y2)],
                        is_closed: false,
                    },
                });
            }
            Mark::Logo { x, y, w, h, logo } => {
                if let Some(id) = images.get(logo) {
                    ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(x)),
                            translate_y: Some(Pt(height - y - h)),
                            scale_x: Some(w),
                            scale_y: Some(h),
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                }
            }
            Mark::Text { .. } => {}
        }
    }

    let mut font: Option<(Face, f32)> = None;
    let mut text_started = false;
    for mark in marks {
        let Mark::Text {
            x,
            baseline,
            face,
            size,
            ref text,
            ink,
        } = *mark
        else {
            continue;
        };
        let Some(font_id) = fonts.get(&face) else {
            continue;
        };
        if !text_started {
            ops.push(Op::StartTextSection);
            text_started = true;
        }
        if font != Some((face, size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id.clone()),
                size: Pt(size),
            });
            font = Some((face, size));
        }
        set_fill(&mut ops, ink);
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(height - baseline)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.clone())],
        });
    }
    if text_started {
        ops.push(Op::EndTextSection);
    }
    ops
}

fn rect(x: f32, y: f32, w: f32, h: f32, mode: PaintMode) -> Rect {
    Rect {
        x: Pt(x),
        y: Pt(y),
        width: Pt(w),
        height: Pt(h),
        mode: Some(mode),
        winding_order: None,
    }
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}
