//! How large each paper a slip is printed on is ([`PageSize`] itself is the
//! domain's, in `courtesy-core`).

pub use courtesy_core::PageSize;

/// Millimetres to PDF points.
pub(crate) const MM: f32 = 72.0 / 25.4;

/// The geometry of a page size.
pub trait PageGeometry {
    /// Width and height in PDF points (1/72 in), portrait.
    fn size_pt(&self) -> (f32, f32);
}

impl PageGeometry for PageSize {
    fn size_pt(&self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0 * MM, 297.0 * MM),
            PageSize::Letter => (612.0, 792.0),
            PageSize::A6 => (105.0 * MM, 148.0 * MM),
            PageSize::Label4x6 => (288.0, 432.0),
        }
    }
}
