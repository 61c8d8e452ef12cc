//! Dates as metadata fields write them: ISO dates and timestamps, RFC 2822, Unix seconds, French dates.

use crate::article::PublicationDate;
use crate::date::{Date, PLAUSIBLE_YEARS};

use super::french_date::find_dates;
use super::local_day::UtcTime;

/// English month abbreviations of RFC 2822 dates ("Thu, 18 Jun 2020 18:53:09 +0200").
const ENGLISH_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Unix times above this many seconds are taken to be in milliseconds.
const LARGEST_TIME_IN_SECONDS: i64 = 100_000_000_000;

/// The date a metadata value states: "2020-06-18", "2020-06-18T18:53:09+02:00" (the date
/// as written, that is the publisher's local date), "Thu, 18 Jun 2020 18:53:09 +0200",
/// "18 juin 2020", "18/06/2020".
pub(crate) fn parse_date_value(text: &str, today: Date) -> Option<PublicationDate> {
    let text = text.trim();
    let date = iso_date_prefix(text)
        .or_else(|| compact_date(text))
        .or_else(|| rfc2822_date(text));
    date.map(exact).or_else(|| {
        find_dates(text, today)
            .into_iter()
            .next()
            .map(|mention| mention.as_publication())
    })
}

/// The moment a Unix time in seconds (or milliseconds, for large values) names.
pub(crate) fn unix_moment(time: i64) -> Option<UtcTime> {
    let seconds = if time.abs() > LARGEST_TIME_IN_SECONDS {
        time / 1000
    } else {
        time
    };
    let date = Date::from_days_since_epoch(seconds.div_euclid(86_400));
    let minute = u32::try_from(seconds.rem_euclid(86_400) / 60).ok()?;
    PLAUSIBLE_YEARS
        .contains(&date.year)
        .then_some(UtcTime { date, minute })
}

pub(crate) fn exact(date: Date) -> PublicationDate {
    PublicationDate {
        date,
        year_inferred: false,
    }
}

/// `YYYY-MM-DD` at the start of `text`, followed by nothing, a time or a space.
pub(super) fn iso_date_prefix(text: &str) -> Option<Date> {
    let prefix = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let bytes = prefix.as_bytes();
    let digits_at = |range: std::ops::Range<usize>| {
        bytes[range.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| prefix[range].parse::<u32>().ok())
            .flatten()
    };
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits_at(0..4)?).ok()?;
    Date::new(year, digits_at(5..7)?, digits_at(8..10)?)
}

/// `20200618` (a `pubdate` meta tag's value), maybe followed by a time (`20200618T185309`):
/// a plausible year, its month and day, in eight digits.
fn compact_date(text: &str) -> Option<Date> {
    let (digits, rest) = (text.get(..8)?, &text[8..]);
    if !digits.bytes().all(|byte| byte.is_ascii_digit())
        || !(rest.is_empty() || rest.starts_with(['T', 't', ' ']))
    {
        return None;
    }
    let year = digits[..4].parse::<i32>().ok()?;
    PLAUSIBLE_YEARS.contains(&year).then_some(())?;
    Date::new(year, digits[4..6].parse().ok()?, digits[6..].parse().ok()?)
}

/// "Thu, 18 Jun 2020 18:53:09 +0200": day, English month abbreviation, year.
pub(super) fn rfc2822_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split(|character: char| character.is_whitespace() || character == ',')
        .filter(|word| !word.is_empty())
        .collect();
    words.windows(3).find_map(|window| {
        let day = window[0].parse::<u32>().ok()?;
        let month_word = window[1].to_ascii_lowercase();
        let month = ENGLISH_MONTHS
            .iter()
            .position(|name| month_word.starts_with(name))?;
        let year = window[2].parse::<i32>().ok()?;
        PLAUSIBLE_YEARS.contains(&year).then_some(())?;
        Date::new(year, month as u32 + 1, day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Option<String> {
        parse_date_value(text, Date::new(2026, 11, 21).unwrap()).map(|found| found.date.to_string())
    }

    #[test]
    fn metadata_dates() {
        for (text, expected) in [
            ("2020-06-18", "2020-06-18"),
            ("2020-06-18T18:53:09+02:00", "2020-06-18"),
            ("2020-06-18T23:30:00Z", "2020-06-18"),
            ("2020-06-18 18:53:09", "2020-06-18"),
            ("Thu, 18 Jun 2020 18:53:09 +0200", "2020-06-18"),
            ("18 juin 2020", "2020-06-18"),
            ("publié le jeudi 18 juin 2020 à 18h53", "2020-06-18"),
            ("18/06/2020", "2020-06-18"),
            ("20200618", "2020-06-18"),
            ("20200618T185309", "2020-06-18"),
        ] {
            assert_eq!(parsed(text).as_deref(), Some(expected), "{text}");
        }
        assert_eq!(parsed("2020-13-01"), None);
        assert_eq!(parsed("hier"), None);
        assert_eq!(parsed("12 Mar 24 à 18:05"), None);
        assert_eq!(parsed("20201318"), None);
        assert_eq!(parsed("12345678"), None);
        assert_eq!(parsed(""), None);
    }

    #[test]
    fn unix_times() {
        let moment = |time| unix_moment(time).map(|found| (found.date.to_string(), found.minute));
        let expected = Some(("2020-07-03".to_string(), 10 * 60 + 54));
        assert_eq!(moment(1_593_773_698), expected);
        assert_eq!(moment(1_593_773_698_000), expected);
    }
}
