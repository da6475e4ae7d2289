//! Where a gift plan and a card stand, as stored and as the UI shows them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A gift plan's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Planned; the gifts wait on the shelf.
    Planned,
    /// The order was packed: the gifts left the shelf.
    Packed,
    /// The order was cancelled: the gifts went back.
    Released,
}

/// A card's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    /// Still to write.
    ToWrite,
    /// Written.
    Written,
    /// Its order was cancelled.
    Dropped,
}

stored_names! {
    PlanStatus { Planned = "planned", Packed = "packed", Released = "released" }
    CardStatus { ToWrite = "to_write", Written = "written", Dropped = "dropped" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip_and_match_serde() {
        for s in [
            PlanStatus::Planned,
            PlanStatus::Packed,
            PlanStatus::Released,
        ] {
            assert_eq!(PlanStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap_or_default(),
                format!("\"{}\"", s.as_str())
            );
        }
        for s in [
            CardStatus::ToWrite,
            CardStatus::Written,
            CardStatus::Dropped,
        ] {
            assert_eq!(CardStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap_or_default(),
                format!("\"{}\"", s.as_str())
            );
        }
    }
}
