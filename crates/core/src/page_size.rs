//! The paper a packing slip is printed on: office sheets (A4, Letter), a
//! postcard-sized A6 and the 4×6 inch thermal shipping label. Settings hold one,
//! the command line and the app ask for one by its code.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// A page size with its own slip layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PageSize {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A6, 105 × 148 mm.
    A6,
    /// 4 × 6 in thermal label (black only).
    Label4x6,
}

/// A text that names no page size.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown page size {given:?}; expected a4, letter, a6 or 4x6")]
pub struct UnknownPageSize {
    /// The text as given.
    pub given: String,
}

impl PageSize {
    /// Every page size, in menu order.
    pub const ALL: [PageSize; 4] = [
        PageSize::A4,
        PageSize::Letter,
        PageSize::A6,
        PageSize::Label4x6,
    ];

    /// The stable code used in settings, on the command line and on the wire.
    pub fn code(&self) -> &'static str {
        match self {
            PageSize::A4 => "a4",
            PageSize::Letter => "letter",
            PageSize::A6 => "a6",
            PageSize::Label4x6 => "label4x6",
        }
    }
}

impl fmt::Display for PageSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for PageSize {
    type Err = UnknownPageSize;

    /// Accepts `a4`, `letter`, `a6`, `4x6` and `label4x6`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(PageSize::A4),
            "letter" => Ok(PageSize::Letter),
            "a6" => Ok(PageSize::A6),
            "4x6" | "label4x6" => Ok(PageSize::Label4x6),
            _ => Err(UnknownPageSize {
                given: s.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_display_and_from_str() {
        for size in PageSize::ALL {
            assert_eq!(size.to_string().parse::<PageSize>().ok(), Some(size));
        }
        assert_eq!("4x6".parse::<PageSize>().ok(), Some(PageSize::Label4x6));
        assert_eq!(" A4 ".parse::<PageSize>().ok(), Some(PageSize::A4));
        assert!("a5".parse::<PageSize>().is_err());
    }

    #[test]
    fn serde_uses_the_codes() {
        let json = serde_json::to_string(&PageSize::ALL).unwrap_or_default();
        assert_eq!(json, r#"["a4","letter","a6","label4x6"]"#);
    }
}
