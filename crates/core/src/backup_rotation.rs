//! Which backups to keep: a grandfather-father-son rotation. Of the backups
//! Courtesy takes by itself, the newest of each of the last 7 days, of each of
//! the last 4 ISO weeks and of each of the last 12 months are kept (days,
//! weeks and months counted back from `now`, in UTC). Backups taken for a
//! reason — by hand, before an upgrade, a restore or a merge — are kept apart:
//! the newest [`KEEP_OTHERS`] of each reason.

use chrono::{DateTime, Datelike, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Daily backups kept.
pub const KEEP_DAYS: i64 = 7;
/// Weekly backups kept.
pub const KEEP_WEEKS: i64 = 4;
/// Monthly backups kept.
pub const KEEP_MONTHS: i32 = 12;
/// Backups of each other reason kept.
pub const KEEP_OTHERS: usize = 10;

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The daily backup Courtesy takes by itself.
    Daily,
    /// Asked for (Settings, `courtesy backup`).
    Manual,
    /// Before the schema was upgraded.
    BeforeUpgrade,
    /// Before another backup was restored over the database.
    BeforeRestore,
    /// Before two customers were merged.
    BeforeMerge,
}

stored_names! {
    BackupReason {
        Daily = "daily",
        Manual = "manual",
        BeforeUpgrade = "before-upgrade",
        BeforeRestore = "before-restore",
        BeforeMerge = "before-merge"
    }
}

/// The months since year 0 of `t`, to count months back.
fn month_index(t: DateTime<Utc>) -> i32 {
    t.year() * 12 + t.month0() as i32
}

/// The backups of `taken` (when each was taken, and why) to keep at `now`, as
/// indexes into `taken`, ascending. Everything else may be deleted.
pub fn backups_to_keep(taken: &[(DateTime<Utc>, BackupReason)], now: DateTime<Utc>) -> Vec<usize> {
    let mut keep = std::collections::BTreeSet::new();
    // The newest backup in each bucket (day, week, month) that is recent enough.
    let mut newest: BTreeMap<(u8, i64), (DateTime<Utc>, usize)> = BTreeMap::new();
    let today = now.date_naive();
    let week_start = today - Duration::days(i64::from(now.weekday().num_days_from_monday()));
    let this_month = month_index(now);
    let mut others: BTreeMap<BackupReason, Vec<(DateTime<Utc>, usize)>> = BTreeMap::new();
    for (i, &(at, reason)) in taken.iter().enumerate() {
        if reason != BackupReason::Daily {
            others.entry(reason).or_default().push((at, i));
            continue;
        }
        if at > now {
            // From a clock that was ahead: kept, rather than lost to a guess.
            keep.insert(i);
            continue;
        }
        let day = (today - at.date_naive()).num_days();
        let at_week_start =
            at.date_naive() - Duration::days(i64::from(at.weekday().num_days_from_monday()));
        let week = (week_start - at_week_start).num_days() / 7;
        let month = i64::from(this_month - month_index(at));
        for (kind, age, limit) in [
            (0u8, day, KEEP_DAYS),
            (1, week, KEEP_WEEKS),
            (2, month, i64::from(KEEP_MONTHS)),
        ] {
            if (0..limit).contains(&age) {
                let slot = newest.entry((kind, age)).or_insert((at, i));
                if at > slot.0 {
                    *slot = (at, i);
                }
            }
        }
    }
    keep.extend(newest.values().map(|&(_, i)| i));
    for list in others.values_mut() {
        list.sort_by_key(|b| std::cmp::Reverse(b.0));
        keep.extend(list.iter().take(KEEP_OTHERS).map(|&(_, i)| i));
    }
    keep.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap()
    }

    /// 400 days of one daily backup at 09:00 (and a second one some days),
    /// rotating after each: what is left is exactly the promised set.
    #[test]
    fn four_hundred_days_leave_seven_daily_four_weekly_twelve_monthly() {
        let start = at(2025, 11, 1, 9);
        let mut kept: Vec<(DateTime<Utc>, BackupReason)> = Vec::new();
        for n in 0..400 {
            let now = start + Duration::days(n);
            kept.push((now, BackupReason::Daily));
            if n % 9 == 0 {
                kept.push((now + Duration::hours(5), BackupReason::Daily));
            }
            if n % 30 == 0 {
                kept.push((now, BackupReason::Manual));
            }
            let survivors = backups_to_keep(&kept, now + Duration::hours(6));
            kept = survivors.iter().map(|&i| kept[i]).collect();
        }
        let now = start + Duration::days(399) + Duration::hours(6);
        let daily: Vec<DateTime<Utc>> = kept
            .iter()
            .filter(|(_, r)| *r == BackupReason::Daily)
            .map(|(t, _)| *t)
            .collect();
        // The last seven days, one each (the newest of the day).
        for d in 0..KEEP_DAYS {
            let day = (now - Duration::days(d)).date_naive();
            let that_day: Vec<_> = daily.iter().filter(|t| t.date_naive() == day).collect();
            assert_eq!(that_day.len(), 1, "one backup kept for {day}");
        }
        // Every kept backup is the newest of its day, and of a day, week or
        // month still inside the rotation; nothing else is kept.
        for t in &daily {
            let newest_of_day = daily
                .iter()
                .filter(|u| u.date_naive() == t.date_naive())
                .max()
                .unwrap();
            assert_eq!(t, newest_of_day, "{t} is the newest of its day");
        }
        let months: std::collections::BTreeSet<i32> =
            daily.iter().map(|t| month_index(*t)).collect();
        assert_eq!(
            months.len(),
            KEEP_MONTHS as usize,
            "one or more in each of twelve months: {months:?}"
        );
        assert!(daily.len() <= (KEEP_DAYS + KEEP_WEEKS) as usize + KEEP_MONTHS as usize);
        let oldest = daily.iter().min().unwrap();
        assert_eq!(
            month_index(*oldest),
            month_index(now) - KEEP_MONTHS + 1,
            "nothing older than twelve months"
        );
        // Each of the last four weeks has its newest backup.
        for w in 0..KEEP_WEEKS {
            let week_day = now - Duration::weeks(w);
            let week = week_day.iso_week();
            let in_week: Vec<_> = daily.iter().filter(|t| t.iso_week() == week).collect();
            assert!(!in_week.is_empty(), "week {week:?} has a backup");
        }
        let manual = kept
            .iter()
            .filter(|(_, r)| *r == BackupReason::Manual)
            .count();
        assert_eq!(manual, KEEP_OTHERS, "the newest ten taken by hand");
    }

    #[test]
    fn a_backup_from_the_future_is_kept_and_other_reasons_do_not_push_out_dailies() {
        let now = at(2026, 3, 10, 12);
        let taken = vec![
            (at(2026, 3, 11, 9), BackupReason::Daily),
            (at(2026, 3, 10, 9), BackupReason::Daily),
            (at(2026, 3, 10, 8), BackupReason::Daily),
            (at(2026, 3, 10, 10), BackupReason::BeforeRestore),
        ];
        assert_eq!(backups_to_keep(&taken, now), vec![0, 1, 3]);
    }
}
