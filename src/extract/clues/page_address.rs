//! The page's own address when a dump prints it at the top, and the day that address names (`…/2015/05/04/…`, `…-20240429`).
//!
//! lynx prints a page that reloads itself (`<meta http-equiv="refresh">`, common on news
//! front pages and articles) as a first line `REFRESH(500 sec): https://…`, the page's own
//! address; scrapers that keep the address often write it alone on the first line. News
//! sites put the day of publication in their articles' addresses, as a path
//! (`/2015/05/04/`) or a number (`-20240429`): the day the article was first published,
//! which an update does not change.

use crate::date::{Date, PLAUSIBLE_YEARS};

/// How many non-blank lines at the top of a dump may hold the page's address.
const ADDRESS_LINES: usize = 3;

/// The page's address printed at the top of a dump: lynx's `REFRESH(N sec): URL`, or a
/// line that is an address alone.
pub(crate) fn stated_address<'a>(lines: &[&'a str]) -> Option<&'a str> {
    lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .take(ADDRESS_LINES)
        .find_map(|line| {
            let address = match line.strip_prefix("REFRESH(") {
                Some(rest) => rest.split_once("):")?.1.trim(),
                None => line,
            };
            is_web_address(address).then_some(address)
        })
}

/// `http(s)://host/…` with nothing else on the line.
fn is_web_address(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        rest.contains('.') && !rest.starts_with('/') && !rest.contains(char::is_whitespace)
    })
}

/// The day an article's address names, no later than `today`: three path segments
/// `YYYY/MM/DD`, or `YYYY-MM-DD` or `YYYYMMDD` standing apart in the path (not in the
/// host, the query or a longer number).
pub(crate) fn address_day(address: &str, today: Date) -> Option<Date> {
    let after_scheme = address.split_once("://").map_or(address, |(_, rest)| rest);
    let path = after_scheme.split_once('/')?.1;
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let day = path_segments_day(path).or_else(|| number_day(path))?;
    (PLAUSIBLE_YEARS.contains(&day.year) && day <= today).then_some(day)
}

/// `…/2015/05/04/…`: a year, a month and a day as consecutive segments.
fn path_segments_day(path: &str) -> Option<Date> {
    let segments: Vec<&str> = path.split('/').collect();
    segments.windows(3).find_map(|window| {
        let [year, month, day] = window else {
            return None;
        };
        let digits = |text: &str, lengths: &[usize]| {
            lengths.contains(&text.len()) && text.bytes().all(|byte| byte.is_ascii_digit())
        };
        if !(digits(year, &[4]) && digits(month, &[1, 2]) && digits(day, &[1, 2])) {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    })
}

/// `…-20240429`, `…_2024-04-29.html`: eight digits, or a dashed date, set apart from other
/// digits.
fn number_day(path: &str) -> Option<Date> {
    let bytes = path.as_bytes();
    let stands_apart = |start: usize, end: usize| {
        (start == 0 || !bytes[start - 1].is_ascii_digit())
            && (end == bytes.len() || !bytes[end].is_ascii_digit())
    };
    (0..bytes.len()).find_map(|start| {
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            return None;
        }
        let dashed = path.get(start..start + 10).filter(|text| {
            text.bytes().enumerate().all(|(at, byte)| match at {
                4 | 7 => byte == b'-',
                _ => byte.is_ascii_digit(),
            })
        });
        if let Some(text) = dashed.filter(|_| stands_apart(start, start + 10)) {
            return Date::new(
                text[..4].parse().ok()?,
                text[5..7].parse().ok()?,
                text[8..].parse().ok()?,
            );
        }
        let packed = path
            .get(start..start + 8)
            .filter(|text| text.bytes().all(|byte| byte.is_ascii_digit()))
            .filter(|_| stands_apart(start, start + 8))?;
        Date::new(
            packed[..4].parse().ok()?,
            packed[4..6].parse().ok()?,
            packed[6..].parse().ok()?,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 12, 2).unwrap()
    }

    fn day(address: &str) -> Option<String> {
        address_day(address, today()).map(|date| date.to_string())
    }

    #[test]
    fn the_address_at_the_top_of_a_dump() {
        let lynx = [
            "#alternate",
            "REFRESH(500 sec): https://www.exemple.fr/monde/un-titre-20240429",
            "",
            "Aller au contenu",
        ];
        assert_eq!(
            stated_address(&lynx),
            Some("https://www.exemple.fr/monde/un-titre-20240429")
        );
        let scraped = ["", "https://exemple.fr/a/b.html", "Le titre"];
        assert_eq!(
            stated_address(&scraped),
            Some("https://exemple.fr/a/b.html")
        );
        // An address inside a sentence, or further down, is not the page's.
        let prose = [
            "Le titre",
            "Lire aussi https://exemple.fr/autre",
            "",
            "x",
            "y",
        ];
        assert_eq!(stated_address(&prose), None);
        let late = ["Le titre", "Le chapô.", "Le texte.", "https://exemple.fr/a"];
        assert_eq!(stated_address(&late), None);
    }

    #[test]
    fn the_day_in_an_address() {
        assert_eq!(
            day(
                "http://www.lemonde.fr/pixels/article/2015/05/04/que-contient_4627068_4408996.html"
            )
            .as_deref(),
            Some("2015-05-04")
        );
        assert_eq!(
            day("https://www.exemple.fr/international/deux-policiers-20240430").as_deref(),
            Some("2024-04-30")
        );
        assert_eq!(
            day("https://exemple.fr/2023-11-02-tempete.html").as_deref(),
            Some("2023-11-02")
        );
        assert_eq!(
            day("https://exemple.fr/societe/4060503-20231102-tempete").as_deref(),
            Some("2023-11-02")
        );
    }

    #[test]
    fn numbers_that_are_not_days() {
        for address in [
            // A month only, an article number, a day in the query or the host.
            "https://exemple.fr/2024/10/titre.html",
            "https://exemple.fr/article/120240429/titre",
            "https://exemple.fr/titre_4627068_4408996.html",
            "https://exemple.fr/titre?date=20240429",
            "https://20240429.exemple.fr/titre",
            // Not a day of the calendar, or after today.
            "https://exemple.fr/titre-20241332",
            "https://exemple.fr/titre-20990101",
        ] {
            assert_eq!(day(address), None, "{address}");
        }
    }
}
