//! When people buy: two years of history ending at `now`, a shop that grows,
//! December and the days before Valentine's, Women's Day (8 March, big in Poland
//! and Russia) and Polish Mother's Day (26 May), Black Friday; Sundays busier than
//! Saturdays, evenings busier than mornings.

use crate::country::Country;
use crate::weighted::WeightedTable;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use rand::Rng;

/// How far back the shop's history goes.
pub(crate) const HISTORY_DAYS: u32 = 730;

/// Relative busyness per local hour of the day, midnight first.
const HOURS: [u64; 24] = [
    10, 5, 3, 2, 2, 3, 8, 15, 25, 30, 35, 35, 40, 40, 35, 35, 35, 40, 45, 55, 65, 65, 45, 25,
];

/// The days of the shop's history with their busyness.
#[derive(Debug, Clone)]
pub(crate) struct ShopCalendar {
    now: DateTime<Utc>,
    days: Vec<NaiveDate>,
    busyness: WeightedTable,
    hours: WeightedTable,
}

/// Busyness of a date in percent of an ordinary day, from the season and holidays.
fn season_percent(date: NaiveDate) -> u64 {
    let (m, d) = (date.month(), date.day());
    let month: u64 = [80, 100, 110, 90, 110, 90, 70, 75, 90, 100, 130, 190][date.month0() as usize];
    let occasion: u64 = match (m, d) {
        (2, 7..=13) => 200,
        (3, 1..=7) => 220,
        (5, 15..=25) => 160,
        (11, 24..=30) => 180,
        (12, 1..=18) => 150,
        (12, 24..=26) => 30,
        _ => 100,
    };
    month * occasion / 100
}

fn weekday_percent(date: NaiveDate) -> u64 {
    match date.weekday() {
        Weekday::Mon => 110,
        Weekday::Tue | Weekday::Wed => 100,
        Weekday::Thu => 95,
        Weekday::Fri => 85,
        Weekday::Sat => 80,
        Weekday::Sun => 115,
    }
}

impl ShopCalendar {
    /// The history of [`HISTORY_DAYS`] days up to and including `now`'s date.
    pub(crate) fn ending_at(now: DateTime<Utc>) -> Self {
        let today = now.date_naive();
        let first = today
            .checked_sub_days(Days::new(u64::from(HISTORY_DAYS - 1)))
            .unwrap_or(today);
        let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= today).collect();
        let n = days.len().max(1) as u64;
        let busyness = WeightedTable::new(days.iter().enumerate().map(|(i, &date)| {
            // The shop grows: the last day is twice as busy as the first.
            let growth = 600 + 600 * i as u64 / n;
            growth * season_percent(date) * weekday_percent(date)
        }));
        ShopCalendar {
            now,
            days,
            busyness,
            hours: WeightedTable::new(HOURS),
        }
    }

    /// The end of the history.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The moment a customer in `country` places an order: a day by the shop's
    /// season, an hour of their local day. Always before `now`.
    pub(crate) fn order_time(&self, country: Country, rng: &mut impl Rng) -> DateTime<Utc> {
        for _ in 0..16 {
            let day = self.days[self.busyness.pick(rng).min(self.days.len() - 1)];
            let local_hour = self.hours.pick(rng) as i64;
            let seconds =
                (local_hour - country.utc_offset_hours()) * 3600 + rng.random_range(0..3600);
            let at = day.and_time(NaiveTime::MIN).and_utc() + TimeDelta::seconds(seconds);
            if at < self.now {
                return at;
            }
        }
        self.now - TimeDelta::seconds(rng.random_range(60..7200))
    }

    /// Any moment of the history, evenly (customers who signed up without buying).
    pub(crate) fn any_time(&self, rng: &mut impl Rng) -> DateTime<Utc> {
        let span = i64::from(HISTORY_DAYS) * 86_400;
        self.now - TimeDelta::seconds(rng.random_range(60..span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn orders_fall_inside_two_years_before_now_and_peak_in_december() {
        let now = "2026-11-26T08:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let cal = ShopCalendar::ending_at(now);
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let mut by_month = [0u32; 12];
        for _ in 0..20_000 {
            let t = cal.order_time(Country::Pl, &mut rng);
            assert!(t < now && t > now - TimeDelta::days(731), "{t}");
            by_month[t.month0() as usize] += 1;
        }
        assert!(
            by_month[11] > by_month[6] * 2,
            "December should beat July: {by_month:?}"
        );
    }
}
