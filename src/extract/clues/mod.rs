//! Which clue decided each field of an article: what `newsearch extract` shows beside the fields.

pub(crate) mod byline;
pub(crate) mod date_value;
pub(crate) mod dated_folders;
pub(crate) mod dispatch;
pub(crate) mod french_date;
pub(crate) mod local_day;
pub(crate) mod page_address;
pub(crate) mod section;

use serde::Serialize;

/// For each field, the clue it was read from, in words; `None` when the field is empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Clues {
    pub title: Option<&'static str>,
    pub date: Option<&'static str>,
    pub category: Option<&'static str>,
    pub author: Option<&'static str>,
}

impl Clues {
    /// The same clue for every field that has a value: readers that do not tell their clues
    /// apart (HTML pages, JSON records) name themselves.
    pub(crate) fn all(
        clue: &'static str,
        title: bool,
        date: bool,
        category: bool,
        author: bool,
    ) -> Clues {
        let when = |present: bool| present.then_some(clue);
        Clues {
            title: when(title),
            date: when(date),
            category: when(category),
            author: when(author),
        }
    }
}
