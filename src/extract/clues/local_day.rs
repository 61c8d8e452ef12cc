//! The publisher's day of a timestamp given in UTC: French-language newsrooms publish from UTC-5 (Québec) to UTC+2 (Europe in summer), so a time late or early in the UTC day is another day where the article came out.

use crate::date::{Date, Weekday};

/// The most a French-language newsroom's clock is behind UTC (Québec in winter), in minutes.
const WESTMOST_OFFSET: i32 = -5 * 60;

/// The most it is ahead (La Réunion, the Indian Ocean's French-language press), in minutes.
const EASTMOST_OFFSET: i32 = 4 * 60;

const MINUTES_IN_A_DAY: i32 = 24 * 60;

/// A moment stated in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UtcTime {
    pub date: Date,
    /// Minutes since midnight.
    pub minute: u32,
}

impl UtcTime {
    /// The day it is at `offset` minutes from UTC.
    pub(crate) fn day_at(self, offset: i32) -> Date {
        let minutes = self.minute as i32 + offset;
        Date::from_days_since_epoch(
            self.date.days_since_epoch() + i64::from(minutes.div_euclid(MINUTES_IN_A_DAY)),
        )
    }

    /// Whether `day` is the day of this moment somewhere French-language news is published.
    pub(crate) fn may_be_local(self, day: Date) -> bool {
        (self.day_at(WESTMOST_OFFSET)..=self.day_at(EASTMOST_OFFSET)).contains(&day)
    }
}

/// The time zones of the places French-language news comes from, by their rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// France, Belgium, Switzerland, Luxembourg, Monaco: UTC+1, UTC+2 in summer.
    CentralEurope,
    /// Québec, Ontario, Haiti: UTC-5, UTC-4 in summer.
    EasternNorthAmerica,
    /// No summer time: this many minutes from UTC.
    Fixed(i32),
}

impl Zone {
    /// The zone of a country, by its ISO code or its internet domain ("fr", "CA", "sn").
    pub(crate) fn of_country(code: &str) -> Option<Zone> {
        let zone = match code.to_ascii_lowercase().as_str() {
            "fr" | "be" | "ch" | "lu" | "mc" => Zone::CentralEurope,
            "ca" | "qc" | "ht" => Zone::EasternNorthAmerica,
            "sn" | "ci" | "ml" | "bf" | "gn" | "tg" | "mr" => Zone::Fixed(0),
            "ma" | "dz" | "tn" | "cm" | "ga" | "cg" | "cd" | "bj" | "ne" | "td" | "cf" => {
                Zone::Fixed(60)
            }
            "re" | "mu" => Zone::Fixed(4 * 60),
            _ => return None,
        };
        Some(zone)
    }

    /// Its offset from UTC, in minutes, at `time`.
    pub(crate) fn offset_at(self, time: UtcTime) -> i32 {
        match self {
            Zone::CentralEurope => {
                // Summer time from the last Sundays of March to October, at 01:00 UTC.
                let start = (last_sunday(time.date.year, 3), 60);
                let end = (last_sunday(time.date.year, 10), 60);
                60 + 60 * i32::from(within(time, start, end))
            }
            Zone::EasternNorthAmerica => {
                // From the second Sunday of March, 07:00 UTC, to the first of November, 06:00 UTC.
                let start = (nth_sunday(time.date.year, 3, 2), 7 * 60);
                let end = (nth_sunday(time.date.year, 11, 1), 6 * 60);
                -5 * 60 + 60 * i32::from(within(time, start, end))
            }
            Zone::Fixed(offset) => offset,
        }
    }
}

/// The zone of the country an address's domain names ("https://www.exemple.be/…"), if any.
pub(crate) fn zone_of_address(address: &str) -> Option<Zone> {
    let host = address
        .split_once("://")?
        .1
        .split(['/', ':', '?', '#'])
        .next()?;
    Zone::of_country(host.rsplit('.').next()?)
}

/// The day a moment in UTC was on the clock of the country an address names, France's
/// when it names none: how a crawler's UTC timestamp of an article is dated.
pub(crate) fn day_on_the_publishers_clock(time: UtcTime, address: Option<&str>) -> Date {
    let zone = address
        .and_then(zone_of_address)
        .unwrap_or(Zone::CentralEurope);
    time.day_at(zone.offset_at(time))
}

/// The timestamp `text` states in UTC: "2024-04-29T22:15:00Z", "2024-04-29T22:15:00.000+00:00",
/// "2024-04-29 22:15:00 +0000", "Mon, 29 Apr 2024 22:15:00 GMT".
pub(crate) fn utc_time(text: &str) -> Option<UtcTime> {
    let (date, minute, rest) = date_and_time(text)?;
    let zone = rest.trim();
    let is_utc = matches!(
        zone,
        "Z" | "z" | "+00:00" | "+0000" | "-00:00" | "GMT" | "UTC"
    ) || zone.starts_with("+00:00 ");
    is_utc.then_some(UtcTime { date, minute })
}

/// The offset from UTC, in minutes, that a timestamp other than UTC states:
/// "2024-04-30T08:00:00+02:00" → 120.
pub(crate) fn stated_offset(text: &str) -> Option<i32> {
    let (_, _, rest) = date_and_time(text)?;
    let zone = rest.trim();
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    let offset = sign * (hours * 60 + minutes);
    (offset != 0 && (-12 * 60..=14 * 60).contains(&offset)).then_some(offset)
}

/// An ISO timestamp's date, its time in minutes and what follows its seconds; an RFC 2822
/// one's likewise.
fn date_and_time(text: &str) -> Option<(Date, u32, &str)> {
    let text = text.trim();
    if let Some(date) = super::date_value::iso_date_prefix(text) {
        let time = text.get(11..)?;
        let (minute, rest) = clock(time)?;
        return Some((date, minute, rest));
    }
    let date = super::date_value::rfc2822_date(text)?;
    let colon = text.find(':')?;
    let (minute, rest) = clock(text.get(colon.checked_sub(2)?..)?)?;
    Some((date, minute, rest))
}

/// "22:15", "22:15:00", "22:15:00.123" at the start of `text`: minutes since midnight, and
/// the rest.
fn clock(text: &str) -> Option<(u32, &str)> {
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let hours = number(0..2)?;
    let minutes = number(3..5)?;
    if text.as_bytes().get(2) != Some(&b':') || hours > 23 || minutes > 59 {
        return None;
    }
    let mut rest = &text[5..];
    if let Some(after) = rest.strip_prefix(':') {
        let seconds_end = after
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(after.len());
        rest = &after[seconds_end..];
    }
    Some((hours * 60 + minutes, rest))
}

fn within(time: UtcTime, start: (Date, u32), end: (Date, u32)) -> bool {
    let moment = (time.date, time.minute);
    start <= moment && moment < end
}

fn last_sunday(year: i32, month: u32) -> Date {
    let next_month = if month == 12 {
        Date::new(year + 1, 1, 1)
    } else {
        Date::new(year, month + 1, 1)
    };
    let last_day = next_month.map_or(0, Date::days_since_epoch) - 1;
    let mut day = Date::from_days_since_epoch(last_day);
    while day.weekday() != Weekday::Sunday {
        day = Date::from_days_since_epoch(day.days_since_epoch() - 1);
    }
    day
}

fn nth_sunday(year: i32, month: u32, nth: i64) -> Date {
    let first = Date::new(year, month, 1).map_or(0, Date::days_since_epoch);
    let mut day = Date::from_days_since_epoch(first);
    while day.weekday() != Weekday::Sunday {
        day = Date::from_days_since_epoch(day.days_since_epoch() + 1);
    }
    Date::from_days_since_epoch(day.days_since_epoch() + 7 * (nth - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        let (year, rest) = text.split_once('-').unwrap();
        let (month, day) = rest.split_once('-').unwrap();
        Date::new(
            year.parse().unwrap(),
            month.parse().unwrap(),
            day.parse().unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn utc_timestamps_are_told_from_local_ones() {
        let late = utc_time("2024-04-29T22:15:00Z").unwrap();
        assert_eq!((late.date, late.minute), (day("2024-04-29"), 22 * 60 + 15));
        assert!(utc_time("2024-04-29T22:15:00.000+00:00").is_some());
        assert!(utc_time("2024-04-29 22:15:00 +0000").is_some());
        assert!(utc_time("Mon, 29 Apr 2024 22:15:00 GMT").is_some());
        assert_eq!(utc_time("2024-04-29T22:15:00+02:00"), None);
        assert_eq!(utc_time("2024-04-29"), None);
        assert_eq!(stated_offset("2024-04-30T08:00:00+02:00"), Some(120));
        assert_eq!(stated_offset("2024-04-30T08:00:00-0400"), Some(-240));
        assert_eq!(stated_offset("2024-04-30T08:00:00Z"), None);
    }

    #[test]
    fn summer_time_follows_each_zones_rules() {
        let at = |text: &str| utc_time(text).unwrap();
        // Europe changes on 31 March 2024 at 01:00 UTC and 27 October at 01:00 UTC.
        assert_eq!(
            Zone::CentralEurope.offset_at(at("2024-03-31T00:59:00Z")),
            60
        );
        assert_eq!(
            Zone::CentralEurope.offset_at(at("2024-03-31T01:00:00Z")),
            120
        );
        assert_eq!(
            Zone::CentralEurope.offset_at(at("2024-10-27T00:59:00Z")),
            120
        );
        assert_eq!(
            Zone::CentralEurope.offset_at(at("2024-10-27T01:00:00Z")),
            60
        );
        // North America on 10 March 2024 at 07:00 UTC and 3 November at 06:00 UTC.
        assert_eq!(
            Zone::EasternNorthAmerica.offset_at(at("2024-03-10T06:59:00Z")),
            -300
        );
        assert_eq!(
            Zone::EasternNorthAmerica.offset_at(at("2024-03-10T07:00:00Z")),
            -240
        );
        assert_eq!(
            Zone::EasternNorthAmerica.offset_at(at("2024-11-03T06:00:00Z")),
            -300
        );
    }

    #[test]
    fn the_local_day_may_be_the_next_or_the_previous() {
        let late = utc_time("2024-04-29T22:15:00Z").unwrap();
        let offset = Zone::CentralEurope.offset_at(late);
        assert_eq!(late.day_at(offset), day("2024-04-30"));
        let early = utc_time("2024-01-15T03:00:00Z").unwrap();
        let offset = Zone::EasternNorthAmerica.offset_at(early);
        assert_eq!(early.day_at(offset), day("2024-01-14"));
        assert!(late.may_be_local(day("2024-04-30")));
        assert!(late.may_be_local(day("2024-04-29")));
        assert!(!late.may_be_local(day("2024-04-28")));
        assert!(!utc_time("2024-04-29T12:00:00Z")
            .unwrap()
            .may_be_local(day("2024-04-30")));
    }
}
