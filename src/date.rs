//! Calendar dates: the proleptic Gregorian `Date`, its granularities, ISO parsing for filters, weekdays, today, and the arithmetic on the `YYYYMMDD` values the index stores.

use std::fmt;
use std::ops::RangeInclusive;
use std::time::{SystemTime, UNIX_EPOCH};

/// A calendar day (proleptic Gregorian), without time or time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Day of the week, Monday first as in French calendars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// How precise a date is, or what unit dates are counted by: how much of a date a partial
/// ISO string gave (`2024`, `2024-10` or `2024-10-22`), the periods of the date facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Year,
    Month,
    Day,
}

/// The years a date found in an article may have: a news archive holds no other, and a
/// number outside them is not a year.
pub(crate) const PLAUSIBLE_YEARS: RangeInclusive<i32> = 1900..=2100;

impl Granularity {
    /// The period a `YYYYMMDD` day falls in, as a number: `YYYY`, `YYYYMM` or `YYYYMMDD`.
    pub(crate) fn period_of(self, yyyymmdd: i64) -> i64 {
        yyyymmdd
            / match self {
                Granularity::Year => 10_000,
                Granularity::Month => 100,
                Granularity::Day => 1,
            }
    }

    /// The ISO form of a period of [`Granularity::period_of`]: `2024`, `2024-10` or `2024-10-22`.
    pub(crate) fn format(self, period: i64) -> String {
        match self {
            Granularity::Year => format!("{period:04}"),
            Granularity::Month => format!("{:04}-{:02}", period / 100, period % 100),
            Granularity::Day => format!(
                "{:04}-{:02}-{:02}",
                period / 10_000,
                period / 100 % 100,
                period % 100
            ),
        }
    }
}

/// A day number that grows with the `YYYYMMDD` date: 31 numbers per month, 372 per year, so
/// that a value maps to it, and back ([`from_dense_day_number`]), with a few divisions and
/// no calendar (counting days in an array indexed by it leaves a few slots unused).
pub(crate) fn dense_day_number(yyyymmdd: i64) -> i64 {
    let (year, month, day) = (yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    (year * 12 + month - 1) * 31 + day - 1
}

/// The `YYYYMMDD` day of a [`dense_day_number`].
pub(crate) fn from_dense_day_number(day_number: i64) -> i64 {
    let (months, day) = (day_number / 31, day_number % 31 + 1);
    (months / 12) * 10_000 + (months % 12 + 1) * 100 + day
}

impl Date {
    /// A valid date, or `None` when the day does not exist in that month.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|elapsed| elapsed.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// Days since 1970-01-01 (negative before).
    pub(crate) fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub(crate) fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        } as u32;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub(crate) fn weekday(self) -> Weekday {
        const WEEK: [Weekday; 7] = [
            Weekday::Thursday, // 1970-01-01
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
        ];
        WEEK[self.days_since_epoch().rem_euclid(7) as usize]
    }

    /// The date as the integer `YYYYMMDD`, the form the index stores.
    pub fn to_yyyymmdd(self) -> i64 {
        i64::from(self.year) * 10_000 + i64::from(self.month) * 100 + i64::from(self.day)
    }

    /// The inverse of [`Date::to_yyyymmdd`].
    pub fn from_yyyymmdd(value: i64) -> Option<Date> {
        let year = i32::try_from(value / 10_000).ok()?;
        Date::new(year, (value / 100 % 100) as u32, (value % 100) as u32)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{:04}-{:02}-{:02}",
            self.year, self.month, self.day
        )
    }
}

/// A period as a person writes it (`2024`, `2024-10`, `2024-10-22`): its first day and
/// how much of a date was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    pub start: Date,
    pub granularity: Granularity,
}

impl Period {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub(crate) fn parse(text: &str) -> Option<Period> {
        let mut parts = text.trim().split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year = year_text.parse().ok()?;
        let mut number = |len_ok: fn(usize) -> bool| -> Option<Option<u32>> {
            match parts.next() {
                None => Some(None),
                Some(part) if len_ok(part.len()) && part.bytes().all(|b| b.is_ascii_digit()) => {
                    Some(Some(part.parse().ok()?))
                }
                Some(_) => None,
            }
        };
        let month = number(|len| len == 1 || len == 2)?;
        let day = number(|len| len == 1 || len == 2)?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return None;
        }
        let (start, granularity) = match (month, day) {
            (None, _) => (Date::new(year, 1, 1)?, Granularity::Year),
            (Some(month), None) => (Date::new(year, month, 1)?, Granularity::Month),
            (Some(month), Some(day)) => (Date::new(year, month, day)?, Granularity::Day),
        };
        Some(Period { start, granularity })
    }

    /// The period's last day (`2024-10` ends on 2024-10-31).
    pub(crate) fn last_day(self) -> Date {
        let start = self.start;
        match self.granularity {
            Granularity::Year => Date {
                month: 12,
                day: 31,
                ..start
            },
            Granularity::Month => Date {
                day: days_in_month(start.year, start.month),
                ..start
            },
            Granularity::Day => start,
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as an inclusive bound: the first day of the period, or
/// its last day for an upper bound (`2024-10` ends on 2024-10-31).
pub(crate) fn period_bound(text: &str, is_upper: bool) -> Option<Date> {
    let period = Period::parse(text)?;
    Some(if is_upper {
        period.last_day()
    } else {
        period.start
    })
}

/// Inclusive bounds on the publication day, either open: what `--since`/`--until`, `date:`
/// and the date facet's ranges select.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// Why a date range was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateRangeError {
    /// This part is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    NotADate(String),
    /// The range ends before it starts.
    Reversed,
}

impl DayRange {
    /// A period or a range of periods: `2024-10`, `2024-10-01..2024-11-15`, `2024..`,
    /// `..2020`.
    pub(crate) fn parse(text: &str) -> Result<DayRange, DateRangeError> {
        let bound = |date: &str, is_upper: bool| {
            if date.is_empty() {
                return Ok(None);
            }
            period_bound(date, is_upper)
                .map(Some)
                .ok_or_else(|| DateRangeError::NotADate(date.to_string()))
        };
        let (from, to) = match text.split_once("..") {
            Some((from, to)) => (bound(from, false)?, bound(to, true)?),
            None => (bound(text, false)?, bound(text, true)?),
        };
        match (from, to) {
            (None, None) => Err(DateRangeError::NotADate(text.to_string())),
            (Some(from), Some(to)) if from > to => Err(DateRangeError::Reversed),
            _ => Ok(DayRange { from, to }),
        }
    }

    /// Whether the range restricts nothing.
    pub(crate) fn is_open(self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether a `YYYYMMDD` day (as the index's date column holds it) is in the range.
    pub(crate) fn contains_yyyymmdd(self, yyyymmdd: i64) -> bool {
        self.from.is_none_or(|from| from.to_yyyymmdd() <= yyyymmdd)
            && self.to.is_none_or(|to| yyyymmdd <= to.to_yyyymmdd())
    }
}

pub(crate) fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_round_trip_over_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date}");
            assert!(Date::new(date.year, date.month, date.day).is_some());
        }
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(Date::new(2024, 10, 21).unwrap().weekday(), Weekday::Monday);
        assert_eq!(Date::new(2024, 10, 22).unwrap().weekday(), Weekday::Tuesday);
        assert_eq!(Date::new(2025, 5, 20).unwrap().weekday(), Weekday::Tuesday);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), Weekday::Tuesday);
    }

    #[test]
    fn invalid_days_are_refused() {
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2024, 13, 1).is_none());
    }

    #[test]
    fn partial_iso_dates() {
        let period = Period::parse("2024-10").unwrap();
        assert_eq!(
            (period.start.to_string(), period.granularity),
            ("2024-10-01".into(), Granularity::Month)
        );
        assert_eq!(period.last_day().to_string(), "2024-10-31");
        assert_eq!(
            Period::parse("2024").unwrap().last_day().to_string(),
            "2024-12-31"
        );
        assert_eq!(
            Period::parse("2024-02").unwrap().last_day().to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Period::parse("2024-10-22").unwrap().granularity,
            Granularity::Day
        );
        for bad in [
            "",
            "24",
            "2024-",
            "2024-13",
            "2024-02-30",
            "2024/10",
            "2024-10-22-1",
            "oct",
        ] {
            assert!(Period::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn day_ranges() {
        let day = |text: &str| Period::parse(text).map(|period| period.start);
        let range = DayRange::parse("2024-10").unwrap();
        assert_eq!(
            (range.from, range.to),
            (day("2024-10-01"), day("2024-10-31"))
        );
        let range = DayRange::parse("2024-10-15..2025").unwrap();
        assert_eq!(
            (range.from, range.to),
            (day("2024-10-15"), day("2025-12-31"))
        );
        assert_eq!(DayRange::parse("..2020").unwrap().from, None);
        assert!(DayRange::parse("2020..").unwrap().to.is_none());
        assert!(range.contains_yyyymmdd(20241015) && range.contains_yyyymmdd(20251231));
        assert!(!range.contains_yyyymmdd(20241014) && !range.contains_yyyymmdd(20260101));
        assert!(DayRange::default().is_open() && !range.is_open());
        assert_eq!(DayRange::parse("2025..2024"), Err(DateRangeError::Reversed));
        assert_eq!(
            DayRange::parse("..oct"),
            Err(DateRangeError::NotADate("oct".into()))
        );
        assert_eq!(
            DayRange::parse(".."),
            Err(DateRangeError::NotADate("..".into()))
        );
    }

    #[test]
    fn dense_day_numbers_keep_the_order_and_map_back() {
        let days = [19991231, 20000101, 20240229, 20241022, 20241101];
        let numbers: Vec<i64> = days.iter().map(|&day| dense_day_number(day)).collect();
        assert!(numbers.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(numbers
            .iter()
            .zip(days)
            .all(|(&number, day)| from_dense_day_number(number) == day));
    }

    #[test]
    fn periods_print_as_iso() {
        assert_eq!(Granularity::Year.format(20241022 / 10_000), "2024");
        assert_eq!(Granularity::Month.format(20241022 / 100), "2024-10");
        assert_eq!(Granularity::Day.format(20241022), "2024-10-22");
    }

    #[test]
    fn periods_by_granularity() {
        let day = 20241022;
        assert_eq!(
            Granularity::Year.format(Granularity::Year.period_of(day)),
            "2024"
        );
        assert_eq!(
            Granularity::Month.format(Granularity::Month.period_of(day)),
            "2024-10"
        );
        assert_eq!(
            Granularity::Day.format(Granularity::Day.period_of(day)),
            "2024-10-22"
        );
    }

    #[test]
    fn yyyymmdd_round_trip() {
        let date = Date::new(2024, 7, 11).unwrap();
        assert_eq!(date.to_yyyymmdd(), 20240711);
        assert_eq!(Date::from_yyyymmdd(20240711), Some(date));
    }
}
