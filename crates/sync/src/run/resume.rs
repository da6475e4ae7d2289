//! Where an unfinished pass over the shop's records stopped, kept with the
//! connection's watermark (as text, in the page's own transaction): the
//! moment the pass began (the next watermark), the moment it reads changes
//! from, and its place (a page, a cursor, a bulk export and how many of its
//! records are in).

use chrono::{DateTime, Duration, Utc};
use courtesy_store::SyncMark;
use serde::{Deserialize, Serialize};

/// Changes are read from this long before the watermark: a change the shop
/// recorded a little late, or a desk's clock a little fast, is still read (it
/// merges with what is there, so reading it twice changes nothing).
pub const OVERLAP: Duration = Duration::minutes(5);

/// A pass's place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    /// When the pass began: the watermark once it ends.
    pub start: DateTime<Utc>,
    /// Changes read from (`None`: the whole shop).
    pub since: Option<DateTime<Utc>>,
    /// The next page to read (WooCommerce).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The cursor after the last page read (Shopify).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// The bulk export being read (Shopify).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk: Option<String>,
    /// Records of the bulk export already in.
    #[serde(default)]
    pub done: u64,
}

impl Resume {
    /// Where a pass over records with `mark` begins at `now`: where an
    /// unfinished one stopped, else a new pass from the watermark (less the
    /// overlap), or over the whole shop before any watermark.
    pub fn begin(mark: &SyncMark, now: DateTime<Utc>) -> Resume {
        if let Ok(unfinished) = serde_json::from_str::<Resume>(&mark.resume) {
            return unfinished;
        }
        Resume {
            start: now,
            since: mark.watermark.map(|w| w - OVERLAP),
            page: None,
            cursor: None,
            bulk: None,
            done: 0,
        }
    }

    /// Whether the pass reads the whole shop.
    pub fn whole_shop(&self) -> bool {
        self.since.is_none()
    }

    /// The mark to commit with a page: the watermark as it was, and this place.
    pub fn mark(&self, watermark: Option<DateTime<Utc>>) -> SyncMark {
        SyncMark {
            watermark,
            resume: serde_json::to_string(self).unwrap_or_default(),
        }
    }

    /// The mark to commit with the pass's last page: everything up to its
    /// start is in.
    pub fn finished(&self) -> SyncMark {
        SyncMark {
            watermark: Some(self.start),
            resume: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_new_pass_reads_from_the_watermark_less_the_overlap() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
        let first = Resume::begin(&SyncMark::default(), now);
        assert!(first.whole_shop());
        assert_eq!(first.start, now);
        let w = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let next = Resume::begin(
            &SyncMark {
                watermark: Some(w),
                resume: String::new(),
            },
            now,
        );
        assert_eq!(next.since, Some(w - OVERLAP));
        assert_eq!(next.finished().watermark, Some(now));
    }

    #[test]
    fn an_unfinished_pass_goes_on_where_it_stopped() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
        let mut pass = Resume::begin(&SyncMark::default(), now);
        pass.page = Some(7);
        let mark = pass.mark(None);
        let later = Resume::begin(&mark, now + Duration::hours(1));
        assert_eq!(later, pass);
        assert_eq!(later.page, Some(7));
    }
}
