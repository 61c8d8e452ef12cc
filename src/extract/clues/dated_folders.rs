//! Folders named after dates (`archive/2024/10/03/`, `2024-10/`): never a category, and a day they name is a date.
//!
//! Archives are often filed by date. A folder called `2024` or `10` says when, not what
//! about, so it is not taken as the article's section; when the folders name a whole day
//! (year, month and day, in separate folders or in one `2024-10-03`), that day stands in
//! for the publication date of a page that states none.

use std::path::Path;

use crate::date::{Date, Granularity, Period, PLAUSIBLE_YEARS};

/// Whether a folder's name is a date or a part of one: a year, a month or day number, or
/// an ISO-style `2024-10` / `2024-10-03` (also with `_`).
pub(crate) fn is_date_folder(name: &str) -> bool {
    let name = name.trim();
    is_day_or_month(name) || folder_date(name).is_some()
}

/// The day the folders holding `path` name, innermost first: `…/2024/10/03/page.txt` or
/// `…/2024-10-03/page.txt`.
pub(crate) fn folder_day(path: &Path) -> Option<Date> {
    let folders: Vec<String> = path
        .parent()?
        .iter()
        .rev()
        .take(3)
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if let Some((date, Granularity::Day)) = folders.first().and_then(|name| folder_date(name)) {
        return Some(date);
    }
    match folders.as_slice() {
        [day, month, year, ..] if is_day_or_month(day) && is_day_or_month(month) => {
            let (year, Granularity::Year) = folder_date(year)? else {
                return None;
            };
            Date::new(year.year, month.parse().ok()?, day.parse().ok()?)
        }
        _ => None,
    }
}

/// A one- or two-digit number from 1 to 31.
fn is_day_or_month(name: &str) -> bool {
    (1..=2).contains(&name.len())
        && name.bytes().all(|byte| byte.is_ascii_digit())
        && name
            .parse::<u32>()
            .is_ok_and(|number| (1..=31).contains(&number))
}

/// `2024`, `2024-10`, `2024-10-03` (or with `_`) as a date and its precision, for years a
/// news archive can hold.
fn folder_date(name: &str) -> Option<(Date, Granularity)> {
    let period = Period::parse(&name.replace('_', "-"))?;
    PLAUSIBLE_YEARS
        .contains(&period.start.year)
        .then_some((period.start, period.granularity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_folders_are_recognised() {
        for name in ["2024", "10", "3", "2024-10", "2024_10_03", "2024-10-03"] {
            assert!(is_date_folder(name), "{name}");
        }
        for name in ["Economie", "2024 en bref", "00", "45", "1789-bis", "12345"] {
            assert!(!is_date_folder(name), "{name}");
        }
    }

    #[test]
    fn a_whole_day_in_the_folders_is_a_date() {
        let day = |path: &str| folder_day(Path::new(path)).map(|date| date.to_string());
        assert_eq!(
            day("archive/2024/10/03/page.txt").as_deref(),
            Some("2024-10-03")
        );
        assert_eq!(
            day("archive/2024-10-03/page.txt").as_deref(),
            Some("2024-10-03")
        );
        assert_eq!(day("archive/2024/10/page.txt"), None);
        assert_eq!(day("archive/2024-10/page.txt"), None);
        assert_eq!(day("archive/2024/02/31/page.txt"), None);
        assert_eq!(day("page.txt"), None);
    }
}
