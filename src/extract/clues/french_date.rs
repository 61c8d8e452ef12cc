//! French date expressions in page text: "22 octobre 2024", "11 juil. 2024", "1er novembre 2024", "ce lundi 21 octobre", 2024-10-22, 22/10/2024.
use std::ops::{Range, RangeInclusive};

use crate::analysis::fold::fold;
use crate::article::PublicationDate;
use crate::date::{Date, Weekday, PLAUSIBLE_YEARS};

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateMention {
    pub date: Date,
    /// The text gave day, month and weekday but no year: the year was inferred from the weekday.
    pub year_inferred: bool,
    /// The expression names the day as "today": "ce lundi 21 octobre", "ce 21 octobre", "aujourd'hui 21 octobre" (the word "ce"/"aujourd’hui" right before it, case-insensitive).
    pub deictic: bool,
    /// Byte range of the whole expression in the text (including a weekday, "le"/"ce" not included, "1er").
    pub span: Range<usize>,
}

impl DateMention {
    /// The mention as an article's publication date.
    pub(crate) fn as_publication(&self) -> PublicationDate {
        PublicationDate {
            date: self.date,
            year_inferred: self.year_inferred,
        }
    }
}

/// How far back, in years, a weekday is used to find the year of a date written without one.
const YEARS_SEARCHED_BACK: i32 = 40;

/// Characters a number is written with when it continues past a separator: "1,5", "10.000", "22/10".
const NUMBER_JOINERS: [char; 4] = ['.', ',', '/', '-'];

/// Separators of a numeric day-first date: 22/10/2024, 22-10-2024, 22.10.2024.
const NUMERIC_DATE_SEPARATORS: [char; 3] = ['/', '-', '.'];

/// Full month names, folded (lowercase, without accents), January first.
const MONTH_NAMES: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// Abbreviated month names, folded, with their month number; a dot may follow them.
const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("janv", 1),
    ("jan", 1),
    ("fevr", 2),
    ("fev", 2),
    ("avr", 4),
    ("juil", 7),
    ("juill", 7),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names, folded.
const WEEKDAY_NAMES: [(&str, Weekday); 7] = [
    ("lundi", Weekday::Monday),
    ("mardi", Weekday::Tuesday),
    ("mercredi", Weekday::Wednesday),
    ("jeudi", Weekday::Thursday),
    ("vendredi", Weekday::Friday),
    ("samedi", Weekday::Saturday),
    ("dimanche", Weekday::Sunday),
];

/// Whether the folded word names a day of the week ("mardi").
pub(crate) fn is_weekday_name(folded: &str) -> bool {
    WEEKDAY_NAMES.iter().any(|(name, _)| *name == folded)
}

/// Folded words that label a date as a page's publication or update ("Publié le", "Mis à
/// jour le", "Posted on", "Date de publication"): a line ending on one waits for its date.
pub(crate) const DATE_LABEL_WORDS: &[&str] = &[
    "publie",
    "publiee",
    "mis",
    "jour",
    "maj",
    "modifie",
    "actualise",
    "posted",
    "updated",
    "date",
    "publication",
];

/// Folded words that, right before a date, make it "today".
const DEICTIC_WORDS: [&str; 2] = ["ce", "aujourd'hui"];

/// No word looked for before a date is longer than this many chars, accents decomposed included.
const LONGEST_WORD_BEFORE_DATE: usize = 16;

/// Every complete date expression in `text`, in order of appearance. `today` bounds year inference.
pub(crate) fn find_dates(text: &str, today: Date) -> Vec<DateMention> {
    find_dates_where(text, today, ShortYears::WithWeekday)
}

/// The dates of a date line: like [`find_dates`], and when the line says it gives the
/// publication or an update ("Publié le 02/11/23 à 16h33"), a two-digit year is taken
/// without a weekday.
pub(crate) fn find_date_line_dates(text: &str, today: Date) -> Vec<DateMention> {
    let folded = fold(text);
    let says_a_date_comes = ["publie", "posted", "mis a jour", "modifie", "actualise"]
        .iter()
        .any(|label| folded.contains(label));
    let short_years = if says_a_date_comes {
        ShortYears::Always
    } else {
        ShortYears::WithWeekday
    };
    find_dates_where(text, today, short_years)
}

/// Where a day and month written at the start of `text` end ("22 septembre", "1er juil.",
/// "3 juillet 2019"), with or without a year: how a reader's comment or a forum message is
/// dated, the year left out.
pub(crate) fn day_and_month_at_start(text: &str) -> Option<usize> {
    written_date_at(text, 0).map(|parts| parts.end)
}

/// Whether `text` opens on a weekday and its full date, year written ("mardi 12 mars 2024 à
/// 10:30"), as a page's date line does; a sentence names a day of the week without its year
/// ("mercredi 11 septembre à 13h").
pub(crate) fn opens_on_weekday_and_full_date(text: &str) -> bool {
    let Some((first_word, rest)) = text.split_once(' ') else {
        return false;
    };
    rest.starts_with(|character: char| character.is_ascii_digit())
        && is_weekday_name(&fold(first_word))
        && written_date_at(rest, 0).is_some_and(|parts| parts.year.is_some())
}

/// Whether `text` opens on a date written month first ("juin 18, 2024"): a line doing so
/// is a date, not the lower-case rest of the sentence above it.
pub(crate) fn opens_on_month_first_date(text: &str) -> bool {
    // Most lines are settled by their first word and what follows it.
    let Some((first_word, rest)) = text.split_once(' ') else {
        return false;
    };
    rest.starts_with(|character: char| character.is_ascii_digit())
        && month_first_date_at(text, first_word.len() + 1)
            .is_some_and(|(_, month_start)| month_start == 0)
}

/// When a two-digit year ("10.12.19") is read as a year.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ShortYears {
    /// Only when a weekday before the date agrees: in running text "10.12.19" may be anything.
    WithWeekday,
    /// Always: the text says a date comes.
    Always,
}

fn find_dates_where(text: &str, today: Date, short_years: ShortYears) -> Vec<DateMention> {
    let mut mentions = Vec::new();
    let mut position = 0;
    while let Some(start) = next_number_start(text, position) {
        // A date glued to the one before it starts where that one ends.
        let after_a_date = mentions
            .last()
            .is_some_and(|previous: &DateMention| previous.span.end == start);
        match mention_at(text, start, today, short_years, after_a_date) {
            Some(mention) => {
                position = mention.span.end;
                mentions.push(mention);
            }
            None => position = start + Cursor::new(text, start).digit_count(),
        }
    }
    mentions
}

/// What the text says about a date before its year is settled.
struct DateParts {
    year: Option<i32>,
    /// A two-digit year ("10.12.19"), trusted only when a weekday before the date agrees.
    short_year: Option<i32>,
    month: u32,
    day: u32,
    /// Byte offset where the expression ends.
    end: usize,
}

/// The date expression whose first number starts at `start`, with any weekday before it.
fn mention_at(
    text: &str,
    start: usize,
    today: Date,
    short_years: ShortYears,
    after_a_date: bool,
) -> Option<DateMention> {
    if !after_a_date && is_glued_to_previous(text, start) {
        return None;
    }
    let (parts, start) = match month_first_date_at(text, start) {
        Some((parts, month_start)) => (parts, month_start),
        None => (
            iso_date_at(text, start)
                .or_else(|| numeric_day_first_date_at(text, start))
                .or_else(|| written_date_at(text, start))?,
            start,
        ),
    };
    let weekday = weekday_before(text, start);
    let (date, year_inferred) = match (parts.year, parts.short_year) {
        (Some(year), _) => (Date::new(year, parts.month, parts.day)?, false),
        (None, Some(short_year)) => {
            let date = Date::new(full_year(short_year, today), parts.month, parts.day)?;
            let agrees = match weekday {
                Some((stated_weekday, _)) => date.weekday() == stated_weekday,
                None => {
                    short_years == ShortYears::Always || is_time_of_day_next(&text[parts.end..])
                }
            };
            agrees.then_some((date, false))?
        }
        (None, None) => {
            let (stated_weekday, _) = weekday?;
            (
                infer_year(parts.month, parts.day, stated_weekday, today)?,
                true,
            )
        }
    };
    let expression_start = weekday.map_or(start, |(_, weekday_start)| weekday_start);
    Some(DateMention {
        date,
        year_inferred,
        deictic: is_deictic_word_before(text, expression_start),
        span: expression_start..parts.end,
    })
}

/// `2024-10-22`, possibly followed by a time as in `2024-10-22T10:00:00`.
fn iso_date_at(text: &str, start: usize) -> Option<DateParts> {
    let mut cursor = Cursor::new(text, start);
    let year = cursor.take_year()?;
    cursor.require('-')?;
    let month = cursor.take_number(2..=2)?;
    cursor.require('-')?;
    let day = cursor.take_number(2..=2)?;
    let ends_cleanly = !cursor.is_glued_to_next() || cursor.is_followed_by_time();
    ends_cleanly.then_some(DateParts {
        year: Some(year),
        short_year: None,
        month,
        day,
        end: cursor.position,
    })
}

/// `22/10/2024`, `22-10-2024`, `22.10.2024` or `1/7/2024`: day, month, four-digit year; or
/// `mardi 10.12.19`, a two-digit year that the weekday before it must confirm.
fn numeric_day_first_date_at(text: &str, start: usize) -> Option<DateParts> {
    let mut cursor = Cursor::new(text, start);
    let day = cursor.take_number(1..=2)?;
    let separator = cursor
        .peek()
        .filter(|character| NUMERIC_DATE_SEPARATORS.contains(character))?;
    cursor.eat(separator);
    let month = cursor.take_number(1..=2)?;
    cursor.require(separator)?;
    let before_year = cursor.position;
    if let Some(year) = year_glued_to_a_date(&cursor) {
        return Some(DateParts {
            year: Some(year),
            short_year: None,
            month,
            day,
            end: before_year + 4,
        });
    }
    let (year, short_year) = match cursor.take_year() {
        Some(year) => (Some(year), None),
        None => {
            cursor.position = before_year;
            (None, Some(cursor.take_number(2..=2)? as i32))
        }
    };
    (!cursor.is_glued_to_next()).then_some(DateParts {
        year,
        short_year,
        month,
        day,
        end: cursor.position,
    })
}

/// `22 octobre 2024`, `1er nov. 2024`, or `21 octobre` whose year a weekday must then give.
fn written_date_at(text: &str, start: usize) -> Option<DateParts> {
    let mut cursor = Cursor::new(text, start);
    let day = cursor.take_number(1..=2)?;
    let suffix = cursor.take_word();
    let is_plain_or_ordinal = suffix.is_empty() || (day == 1 && is_ordinal_suffix(suffix));
    if !is_plain_or_ordinal {
        return None;
    }
    if !cursor.skip_spaces() {
        return None;
    }
    let month = take_month(&mut cursor)?;
    if cursor.is_glued_to_next() {
        return None;
    }
    let (year, short_year) = match year_after_month(&mut cursor) {
        YearAfterMonth::Written(year) => (Some(year), None),
        YearAfterMonth::Short(short_year) => (None, Some(short_year)),
        YearAfterMonth::Absent => (None, None),
        YearAfterMonth::NotAYear => return None,
    };
    Some(DateParts {
        year,
        short_year,
        month,
        day,
        end: cursor.position,
    })
}

/// `juin 18, 2024`: a full month name, the day, a comma and the year, as blogs set to an
/// English date format print French dates; with where the month starts.
fn month_first_date_at(text: &str, start: usize) -> Option<(DateParts, usize)> {
    // Day, comma and year first: most numbers are settled before the word before them is
    // folded.
    let mut cursor = Cursor::new(text, start);
    let day = cursor.take_number(1..=2)?;
    cursor.require(',')?;
    if !cursor.skip_spaces() {
        return None;
    }
    let year = cursor.take_year()?;
    if cursor.is_glued_to_next() {
        return None;
    }
    let month_word = text[..start].strip_suffix(' ')?;
    let month_start = month_word
        .char_indices()
        .rev()
        .take_while(|(_, character)| is_word_character(*character))
        .last()
        .map(|(index, _)| index)?;
    let folded = fold(&month_word[month_start..]);
    let month = MONTH_NAMES.iter().position(|name| folded == *name)? as u32 + 1;
    Some((
        DateParts {
            year: Some(year),
            short_year: None,
            month,
            day,
            end: cursor.position,
        },
        month_start,
    ))
}

/// "er" of "1er", in letters or superscript.
fn is_ordinal_suffix(word: &str) -> bool {
    fold(word) == "er" || word == "ᵉʳ"
}

/// A month name, full or abbreviated (with its optional dot), and its number.
fn take_month(cursor: &mut Cursor) -> Option<u32> {
    let word = fold(cursor.take_word());
    if let Some(index) = MONTH_NAMES.iter().position(|name| word == *name) {
        return Some(index as u32 + 1);
    }
    let &(_, month) = MONTH_ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| word == *abbreviation)?;
    cursor.eat('.');
    Some(month)
}

/// What follows a month name.
enum YearAfterMonth {
    /// A plausible four-digit year.
    Written(i32),
    /// Two digits, then the end, a time's "à" or a separator ("12 mars 24 à 10h30"): a
    /// year only where a weekday agrees or the line says it gives a date, like "12.03.24".
    Short(i32),
    /// No number, or a short one that belongs to something else: "à 14h30", "2 000 manifestants".
    Absent,
    /// A long number that cannot be the year: "octobre 1850", "octobre 20245".
    NotAYear,
}

/// Reads the year after a month name, leaving the cursor in place when there is none.
fn year_after_month(cursor: &mut Cursor) -> YearAfterMonth {
    let mut lookahead = cursor.clone();
    if !lookahead.skip_spaces() {
        return YearAfterMonth::Absent;
    }
    if lookahead.digit_count() == 2 {
        let short_year = lookahead.take_number(2..=2);
        let after = lookahead.rest().trim_start();
        let stands_alone = lookahead
            .rest()
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
            && (after.is_empty()
                || after.starts_with("à ")
                || after.starts_with([',', '-', '–', '|', '•', '·']));
        return match short_year {
            Some(short_year) if stands_alone => {
                *cursor = lookahead;
                YearAfterMonth::Short(short_year as i32)
            }
            _ => YearAfterMonth::Absent,
        };
    }
    if lookahead.digit_count() < 4 {
        return YearAfterMonth::Absent;
    }
    if let Some(year) = year_glued_to_a_date(&lookahead) {
        lookahead.position += 4;
        *cursor = lookahead;
        return YearAfterMonth::Written(year);
    }
    match lookahead.take_year() {
        Some(year) if !lookahead.is_glued_to_next() => {
            *cursor = lookahead;
            YearAfterMonth::Written(year)
        }
        _ => YearAfterMonth::NotAYear,
    }
}

/// A year at the cursor glued to the date after it, as a page prints its publication and
/// update dates in two elements without a space between them ("18 juin 202419 juin 2024").
fn year_glued_to_a_date(cursor: &Cursor) -> Option<i32> {
    if !(5..=6).contains(&cursor.digit_count()) {
        return None;
    }
    let year: i32 = cursor.rest().get(..4)?.parse().ok()?;
    let next = cursor.position + 4;
    let starts_a_date = written_date_at(cursor.text, next)
        .or_else(|| numeric_day_first_date_at(cursor.text, next))
        .is_some_and(|parts| parts.year.is_some());
    (PLAUSIBLE_YEARS.contains(&year) && starts_a_date).then_some(year)
}

/// The latest date on `month`/`day` falling on `weekday`, no later than `today` and at most
/// [`YEARS_SEARCHED_BACK`] years before it.
fn infer_year(month: u32, day: u32, weekday: Weekday, today: Date) -> Option<Date> {
    (today.year - YEARS_SEARCHED_BACK..=today.year)
        .rev()
        .filter_map(|year| Date::new(year, month, day))
        .find(|date| *date <= today && date.weekday() == weekday)
}

/// Whether `rest` opens on a time of day, maybe after "à" or a separator ("à 10h30", " -
/// 10:30", " 10h"): a two-digit-year date followed by its time is a date, "10.12.19" alone
/// may be anything.
fn is_time_of_day_next(rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = ["à ", "- ", "– ", ", "]
        .iter()
        .find_map(|connective| rest.strip_prefix(connective))
        .unwrap_or(rest)
        .trim_start();
    let mut cursor = Cursor::new(rest, 0);
    let Some(hour) = cursor.take_number(1..=2) else {
        return false;
    };
    let minutes_follow = |cursor: &mut Cursor| cursor.take_number(2..=2).is_some();
    hour < 24
        && match cursor.peek() {
            Some(':') => {
                cursor.eat(':');
                let minutes = minutes_follow(&mut cursor);
                // Seconds may follow ("10:30:45").
                if cursor.eat(':') {
                    cursor.take_number(2..=2);
                }
                minutes
            }
            Some('h') => {
                cursor.eat('h');
                cursor.digit_count() == 0 || minutes_follow(&mut cursor)
            }
            _ => false,
        }
        && !cursor.is_glued_to_next()
}

/// The year of a two-digit year: this century unless that is more than a year ahead of today.
fn full_year(short_year: i32, today: Date) -> i32 {
    let this_century = today.year - today.year.rem_euclid(100) + short_year;
    if this_century > today.year + 1 {
        this_century - 100
    } else {
        this_century
    }
}

/// The weekday named right before `position`, and where its name starts.
fn weekday_before(text: &str, position: usize) -> Option<(Weekday, usize)> {
    let (word, word_start) = word_before(text, position)?;
    let word = fold(word);
    WEEKDAY_NAMES
        .iter()
        .find(|(name, _)| word == *name)
        .map(|&(_, weekday)| (weekday, word_start))
}

/// Whether "ce" or "aujourd'hui" comes right before `position`.
fn is_deictic_word_before(text: &str, position: usize) -> bool {
    word_before(text, position)
        .is_some_and(|(word, _)| DEICTIC_WORDS.contains(&fold(word).as_str()))
}

/// The word (apostrophes included) ending just before `position`, past spaces and commas, with
/// its start; `None` when there is none or it is too long to be one of the words looked for.
fn word_before(text: &str, position: usize) -> Option<(&str, usize)> {
    let before = text[..position]
        .trim_end_matches(|character: char| character.is_whitespace() || character == ',');
    let mut word_start = before.len();
    for (count, (index, character)) in before.char_indices().rev().enumerate() {
        if !is_word_character(character) && !is_apostrophe(character) {
            break;
        }
        if count == LONGEST_WORD_BEFORE_DATE {
            return None;
        }
        word_start = index;
    }
    (word_start < before.len()).then(|| (&before[word_start..], word_start))
}

/// Byte offset of the first ASCII digit at or after `position`.
fn next_number_start(text: &str, position: usize) -> Option<usize> {
    text.as_bytes()[position..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|offset| position + offset)
}

/// Whether a number starting at `position` continues a word or another number: "a22", "1,22".
fn is_glued_to_previous(text: &str, position: usize) -> bool {
    continues_number(text[..position].chars().rev())
}

/// Whether the chars leading away from a number, forwards or backwards, make it part of a longer
/// word or number: a letter or digit, or a joiner and then a digit ("2024a", "2024,5", "1.22").
fn continues_number(mut neighbours: impl Iterator<Item = char>) -> bool {
    match neighbours.next() {
        Some(character) if character.is_alphanumeric() => true,
        Some(character) if NUMBER_JOINERS.contains(&character) => neighbours
            .next()
            .is_some_and(|character| character.is_ascii_digit()),
        _ => false,
    }
}

/// A reading position in a text, always on a char boundary.
#[derive(Clone)]
struct Cursor<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str, position: usize) -> Self {
        Cursor { text, position }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.position..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Moves past `expected` if it comes next.
    fn eat(&mut self, expected: char) -> bool {
        let found = self.peek() == Some(expected);
        if found {
            self.position += expected.len_utf8();
        }
        found
    }

    /// Moves past `expected`, or gives `None` when something else comes next (for `?`).
    fn require(&mut self, expected: char) -> Option<()> {
        self.eat(expected).then_some(())
    }

    /// Moves past the chars that satisfy `keep` and returns them.
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let rest = self.rest();
        let length = rest
            .find(|character: char| !keep(character))
            .unwrap_or(rest.len());
        self.position += length;
        &rest[..length]
    }

    fn take_digits(&mut self) -> &'a str {
        self.take_while(|character| character.is_ascii_digit())
    }

    fn take_word(&mut self) -> &'a str {
        self.take_while(is_word_character)
    }

    /// Moves past spaces of any kind, telling whether there were any.
    fn skip_spaces(&mut self) -> bool {
        !self.take_while(char::is_whitespace).is_empty()
    }

    /// How many ASCII digits come next.
    fn digit_count(&self) -> usize {
        self.rest().bytes().take_while(u8::is_ascii_digit).count()
    }

    /// The number at the cursor if its digit count is in `lengths`.
    fn take_number(&mut self, lengths: RangeInclusive<usize>) -> Option<u32> {
        let digits = self.take_digits();
        if lengths.contains(&digits.len()) {
            digits.parse().ok()
        } else {
            None
        }
    }

    /// A four-digit year between 1900 and 2100.
    fn take_year(&mut self) -> Option<i32> {
        let year = self.take_number(4..=4)? as i32;
        PLAUSIBLE_YEARS.contains(&year).then_some(year)
    }

    /// Whether what comes next continues the word or number before the cursor: "2024a", "2024,5".
    fn is_glued_to_next(&self) -> bool {
        continues_number(self.rest().chars())
    }

    /// Whether an ISO time such as `T10:00:00` comes next.
    fn is_followed_by_time(&self) -> bool {
        let mut next = self.rest().chars();
        next.next() == Some('T')
            && next
                .next()
                .is_some_and(|character| character.is_ascii_digit())
    }
}

/// Letters, and the combining accents of decomposed text ("e\u{301}").
fn is_word_character(character: char) -> bool {
    character.is_alphabetic() || is_combining_accent(character)
}

fn is_combining_accent(character: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&character)
}

fn is_apostrophe(character: char) -> bool {
    character == '\'' || character == '’'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date::new(year, month, day).unwrap()
    }

    /// The day the tests run on: Saturday 21 November 2026.
    fn today() -> Date {
        date(2026, 11, 21)
    }

    /// Each mention's covered text and date, in order.
    fn spans_and_dates(text: &str) -> Vec<(&str, Date)> {
        find_dates(text, today())
            .into_iter()
            .map(|mention| (&text[mention.span], mention.date))
            .collect()
    }

    /// The only mention in `text`, with the text its span covers.
    fn only_mention(text: &str, today: Date) -> (DateMention, &str) {
        let mentions = find_dates(text, today);
        assert_eq!(mentions.len(), 1, "{text:?}: {mentions:?}");
        let mention = mentions[0].clone();
        let covered = &text[mention.span.clone()];
        (mention, covered)
    }

    fn assert_single_date(text: &str, expected_span: &str, expected: Date) {
        assert_eq!(
            spans_and_dates(text),
            [(expected_span, expected)],
            "{text:?}"
        );
    }

    /// The days `text` names, as of 2026-11-21.
    fn dates(text: &str) -> Vec<String> {
        find_dates(text, Date::new(2026, 11, 21).unwrap())
            .iter()
            .map(|mention| mention.date.to_string())
            .collect()
    }

    #[test]
    fn a_two_digit_year_needs_its_weekday() {
        assert_eq!(dates("mardi 10.12.19"), ["2019-12-10"]);
        assert!(dates("lundi 10.12.19").is_empty());
        assert!(dates("le score fut de 10.12.19 points").is_empty());
    }

    /// The days a line that says it gives a date names, as of 2026-11-21.
    fn labelled_days(text: &str) -> Vec<String> {
        find_date_line_dates(text, Date::new(2026, 11, 21).unwrap())
            .iter()
            .map(|mention| mention.date.to_string())
            .collect()
    }

    #[test]
    fn a_labelled_line_takes_a_two_digit_year_without_weekday() {
        let today = Date::new(2026, 11, 21).unwrap();
        assert_eq!(labelled_days("Publié le 02/11/23 à 16h33"), ["2023-11-02"]);
        assert_eq!(labelled_days("Mis à jour le 13/03/24"), ["2024-03-13"]);
        assert_eq!(labelled_days("Modifié le 13/03/24"), ["2024-03-13"]);
        assert_eq!(labelled_days("Actualisé le 13/03/24"), ["2024-03-13"]);
        assert_eq!(labelled_days("Posted 13/03/24"), ["2024-03-13"]);
        assert!(labelled_days("le 02/11/23").is_empty());
        assert_eq!(labelled_days("mardi 10.12.19"), ["2019-12-10"]);
        assert!(labelled_days("lundi 10.12.19").is_empty());
        assert!(find_dates("Publié le 02/11/23", today).is_empty());
    }

    /// A two-digit year followed by a time of day is a date and its time, as a page's
    /// header or a comment prints them; alone, or followed by anything else, it may be a
    /// score or a reference.
    #[test]
    fn a_two_digit_year_is_read_before_a_time_of_day() {
        for (text, day) in [
            ("Le 12/03/24 à 10h30", "2024-03-12"),
            ("le 02/11/23 à 16h33", "2023-11-02"),
            ("12.03.24 - 10:30", "2024-03-12"),
            ("12/03/24 10:30:45", "2024-03-12"),
            ("12/03/24 à 18h", "2024-03-12"),
        ] {
            assert_eq!(dates(text), [day], "{text}");
        }
        for text in [
            "le 02/11/23",
            "12/03/24 à 10 ans",
            "12/03/24 à 30h00",
            "12/03/24 10:3",
        ] {
            assert!(dates(text).is_empty(), "{text}");
        }
    }

    /// A page printing its publication and update dates in two elements, without a space
    /// between them, glues the first one's year to the second one's day.
    #[test]
    fn dates_glued_together_are_both_read() {
        assert_eq!(
            dates("Publié le 18 juin 202419 juin 2024 par Claire Dumas"),
            ["2024-06-18", "2024-06-19"]
        );
        assert_eq!(dates("18/06/202419/06/2024"), ["2024-06-18", "2024-06-19"]);
        assert_eq!(
            dates("1er mai 20242 mai 2024"),
            ["2024-05-01", "2024-05-02"]
        );
        // Digits after a year that start no date keep the number from being a year.
        assert!(dates("le 18 juin 202419 personnes").is_empty());
        assert!(dates("18 juin 20245").is_empty());
    }

    /// A blog set to an English date format prints the month first: "juin 18, 2024".
    #[test]
    fn a_month_first_date_with_its_comma() {
        assert_single_date(
            "Publié le juin 18, 2024 par Claire",
            "juin 18, 2024",
            Date::new(2024, 6, 18).unwrap(),
        );
        assert_eq!(
            spans_and_dates("Le 3 juin 2024, puis juin 18, 2024."),
            [
                ("3 juin 2024", Date::new(2024, 6, 3).unwrap()),
                ("juin 18, 2024", Date::new(2024, 6, 18).unwrap())
            ]
        );
        let today = Date::new(2026, 11, 21).unwrap();
        assert!(find_dates("en juin 18 personnes, 2024", today).is_empty());
        assert!(find_dates("mai 12 2024", today).is_empty());
    }

    /// A written month may be followed by a two-digit year ("Publié le 12 mars 24 à
    /// 10h30"), read as such under the same conditions as "12.03.24".
    #[test]
    fn a_two_digit_year_after_a_written_month() {
        let today = Date::new(2026, 11, 21).unwrap();
        assert_eq!(
            labelled_days("Publié le 12 mars 24 à 10h30"),
            ["2024-03-12"]
        );
        assert_eq!(labelled_days("Publié le 1er févr. 25"), ["2025-02-01"]);
        assert!(find_dates("Publié le 12 mars 24", today).is_empty());
        let dates = find_dates("mardi 12 mars 24 à 10h30", today);
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].date.to_string(), "2024-03-12");
        assert!(!dates[0].year_inferred);
        // Two digits glued to what follows, or an hour, are not a year.
        assert!(labelled_days("Publié le 12 mars 24h/24").is_empty());
        let hour = find_dates("ce mardi 12 mars 14 h 30", today);
        assert_eq!(hour.len(), 1);
        assert!(hour[0].year_inferred);
    }

    #[test]
    fn ordinal_first_day_in_a_sentence() {
        let text = "Des chars sud-coréens K2 lors d’un défilé à Séoul le 1er octobre 2024.";
        let (mention, covered) = only_mention(text, today());
        assert_eq!(covered, "1er octobre 2024");
        assert_eq!(mention.date, date(2024, 10, 1));
        assert!(!mention.year_inferred);
        assert!(!mention.deictic);
        assert_single_date(
            "le 1ᵉʳ novembre 2024 à Paris",
            "1ᵉʳ novembre 2024",
            date(2024, 11, 1),
        );
        assert_single_date("1ER NOVEMBRE 2024", "1ER NOVEMBRE 2024", date(2024, 11, 1));
    }

    #[test]
    fn full_month_names() {
        let cases = [
            (
                "Le 5 janvier 2025, à Kyiv",
                "5 janvier 2025",
                date(2025, 1, 5),
            ),
            ("le 12 février 2024", "12 février 2024", date(2024, 2, 12)),
            ("le 12 fevrier 2024", "12 fevrier 2024", date(2024, 2, 12)),
            ("depuis le 24 mars 2022.", "24 mars 2022", date(2022, 3, 24)),
            ("(18 avril 2023)", "18 avril 2023", date(2023, 4, 18)),
            ("mardi 20 Mai 2025", "mardi 20 Mai 2025", date(2025, 5, 20)),
            ("6 juin 1944", "6 juin 1944", date(1944, 6, 6)),
            ("le 14 juillet 2024", "14 juillet 2024", date(2024, 7, 14)),
            ("le 15 août 2024", "15 août 2024", date(2024, 8, 15)),
            ("le 15 aout 2024", "15 aout 2024", date(2024, 8, 15)),
            ("LE 15 AOÛT 2024", "15 AOÛT 2024", date(2024, 8, 15)),
            ("11 septembre 2001", "11 septembre 2001", date(2001, 9, 11)),
            ("22 octobre 2024", "22 octobre 2024", date(2024, 10, 22)),
            (
                "le 30 novembre 2024",
                "30 novembre 2024",
                date(2024, 11, 30),
            ),
            (
                "le 31 décembre 2024",
                "31 décembre 2024",
                date(2024, 12, 31),
            ),
            (
                "le 31 decembre 2024",
                "31 decembre 2024",
                date(2024, 12, 31),
            ),
            ("le 01 mars 2024", "01 mars 2024", date(2024, 3, 1)),
        ];
        for (text, span, expected) in cases {
            assert_single_date(text, span, expected);
        }
    }

    #[test]
    fn abbreviated_month_names_with_or_without_dot() {
        let cases = [
            ("- 11 juil. 2024", "11 juil. 2024", date(2024, 7, 11)),
            ("11 juill. 2024", "11 juill. 2024", date(2024, 7, 11)),
            ("3 sept 2023", "3 sept 2023", date(2023, 9, 3)),
            ("3 sep. 2023", "3 sep. 2023", date(2023, 9, 3)),
            ("le 9 févr. 2024", "9 févr. 2024", date(2024, 2, 9)),
            ("le 9 fév 2024", "9 fév 2024", date(2024, 2, 9)),
            ("le 9 FEVR 2024", "9 FEVR 2024", date(2024, 2, 9)),
            ("7 janv. 2025", "7 janv. 2025", date(2025, 1, 7)),
            ("7 jan 2025", "7 jan 2025", date(2025, 1, 7)),
            ("2 avr. 2024", "2 avr. 2024", date(2024, 4, 2)),
            (
                "Publié le 22 oct. 2024 à 10:42",
                "22 oct. 2024",
                date(2024, 10, 22),
            ),
            ("5 nov 2024", "5 nov 2024", date(2024, 11, 5)),
            ("24 déc. 2024", "24 déc. 2024", date(2024, 12, 24)),
            ("24 dec 2024", "24 dec 2024", date(2024, 12, 24)),
        ];
        for (text, span, expected) in cases {
            assert_single_date(text, span, expected);
        }
    }

    #[test]
    fn decomposed_accents() {
        assert_single_date(
            "le 12 fe\u{301}vrier 2024",
            "12 fe\u{301}vrier 2024",
            date(2024, 2, 12),
        );
        assert_single_date(
            "le 15 aou\u{302}t 2024",
            "15 aou\u{302}t 2024",
            date(2024, 8, 15),
        );
    }

    #[test]
    fn any_kind_and_number_of_spaces() {
        assert_single_date(
            "le 22\u{a0}octobre\u{a0}2024",
            "22\u{a0}octobre\u{a0}2024",
            date(2024, 10, 22),
        );
        assert_single_date(
            "le 22\u{202f}octobre\u{202f}2024",
            "22\u{202f}octobre\u{202f}2024",
            date(2024, 10, 22),
        );
        assert_single_date(
            "le 22   octobre \t 2024",
            "22   octobre \t 2024",
            date(2024, 10, 22),
        );
        assert_single_date(
            "mardi\u{a0}22 octobre 2024",
            "mardi\u{a0}22 octobre 2024",
            date(2024, 10, 22),
        );
    }

    #[test]
    fn weekday_with_year_is_part_of_the_span_even_when_wrong() {
        let (mention, covered) = only_mention("Publié le mardi 22 octobre 2024 à 14h30", today());
        assert_eq!(covered, "mardi 22 octobre 2024");
        assert_eq!(mention.date, date(2024, 10, 22));
        assert!(!mention.year_inferred);

        // 22 October 2024 was a Tuesday: the written year wins.
        let (mention, covered) = only_mention("le lundi 22 octobre 2024", today());
        assert_eq!(covered, "lundi 22 octobre 2024");
        assert_eq!(mention.date, date(2024, 10, 22));
        assert!(!mention.year_inferred);

        assert_single_date(
            "Lundi, 21 octobre 2024",
            "Lundi, 21 octobre 2024",
            date(2024, 10, 21),
        );
    }

    #[test]
    fn year_inferred_from_weekday_with_deictic_ce() {
        let text =
            "La Corée du Sud a convoqué l’ambassadeur de Russie à Séoul ce lundi 21 octobre.";
        let (mention, covered) = only_mention(text, today());
        assert_eq!(covered, "lundi 21 octobre");
        assert_eq!(mention.date, date(2024, 10, 21));
        assert!(mention.year_inferred);
        assert!(mention.deictic);
    }

    #[test]
    fn deictic_words() {
        let deictic = |text: &str| only_mention(text, today()).0.deictic;
        assert!(deictic("ce 21 octobre 2024"));
        assert!(deictic("CE LUNDI 21 OCTOBRE"));
        assert!(deictic("Aujourd’hui 21 octobre 2024, la ville"));
        assert!(deictic("aujourd'hui lundi 21 octobre"));
        assert!(deictic("aujourd'hui, lundi 21 octobre"));
        assert!(!deictic("le lundi 21 octobre"));
        assert!(!deictic("le 21 octobre 2024"));
        assert!(!deictic("dépêche lundi 21 octobre"));
        let (_, covered) = only_mention("Aujourd’hui lundi 21 octobre", today());
        assert_eq!(covered, "lundi 21 octobre");
    }

    #[test]
    fn inferred_year_skips_dates_after_today() {
        // 25 December 2026 is a Friday, but later than today: the previous Friday 25 December was in 2020.
        let (mention, covered) = only_mention("vendredi 25 décembre", today());
        assert_eq!(covered, "vendredi 25 décembre");
        assert_eq!(mention.date, date(2020, 12, 25));
        assert!(mention.year_inferred);
        // Today itself counts.
        assert_eq!(only_mention("samedi 21 novembre", today()).0.date, today());
    }

    #[test]
    fn inferred_year_of_february_29() {
        assert_eq!(
            only_mention("jeudi 29 février", today()).0.date,
            date(2024, 2, 29)
        );
        assert_eq!(
            only_mention("jeudi 29 février", date(2024, 2, 28)).0.date,
            date(1996, 2, 29)
        );
        assert_eq!(
            only_mention("mardi 29 févr.", today()).0.date,
            date(2000, 2, 29)
        );
    }

    #[test]
    fn weekday_matching_no_year_gives_nothing() {
        for text in [
            "lundi 31 novembre",
            "mardi 30 février",
            "lundi 31 novembre 2024",
            "jeudi 29 février 2023",
        ] {
            assert!(find_dates(text, today()).is_empty(), "{text}");
        }
    }

    #[test]
    fn day_and_month_alone_are_ambiguous() {
        for text in [
            "21 octobre",
            "le 21 octobre, à Paris",
            "ce 21 octobre",
            "aujourd'hui 21 octobre",
            "le 11 juil.",
        ] {
            assert!(find_dates(text, today()).is_empty(), "{text}");
        }
    }

    #[test]
    fn numeric_day_first_dates() {
        assert_single_date(
            "Publié le 22/10/2024 à 14h05",
            "22/10/2024",
            date(2024, 10, 22),
        );
        assert_single_date("le 22-10-2024.", "22-10-2024", date(2024, 10, 22));
        assert_single_date("le 22.10.2024, 10:42", "22.10.2024", date(2024, 10, 22));
        assert_single_date("le 1/7/2024", "1/7/2024", date(2024, 7, 1));
        assert_single_date("mardi 22/10/2024", "mardi 22/10/2024", date(2024, 10, 22));
    }

    #[test]
    fn iso_dates() {
        assert_single_date(
            "Mis à jour le 2024-10-23T08:00:00+02:00",
            "2024-10-23",
            date(2024, 10, 23),
        );
        assert_single_date("<time>2024-10-22</time>", "2024-10-22", date(2024, 10, 22));
        assert_single_date("2024-10-22 10:00", "2024-10-22", date(2024, 10, 22));
    }

    #[test]
    fn times_after_a_date_are_left_out() {
        assert_single_date(
            "le 22 octobre 2024 à 14h30",
            "22 octobre 2024",
            date(2024, 10, 22),
        );
        assert_single_date("22/10/2024, 10:42", "22/10/2024", date(2024, 10, 22));
        let (mention, covered) = only_mention("ce lundi 21 octobre à 14h30", today());
        assert_eq!(
            (covered, mention.date),
            ("lundi 21 octobre", date(2024, 10, 21))
        );
        let (mention, covered) = only_mention("ce lundi 21 octobre 14:30", today());
        assert_eq!(
            (covered, mention.date),
            ("lundi 21 octobre", date(2024, 10, 21))
        );
    }

    #[test]
    fn things_that_are_not_dates() {
        let texts = [
            "21 octobre",
            "122 octobre 2024",
            "31/02/2024",
            "2024-02-30",
            "la 5e édition",
            "10 000 soldats",
            "2 min de lecture",
            "en octobre 2024",
            "2er octobre 2024",
            "22 marsupiaux 2024",
            "22octobre 2024",
            "22 octobre2024",
            "le 32 octobre 2024",
            "le 0 octobre 2024",
            "22/13/2024",
            "22/10/24",
            "22/10-2024",
            "2024/10/22",
            "2024-1-22",
            "",
        ];
        for text in texts {
            assert!(
                find_dates(text, today()).is_empty(),
                "{text:?}: {:?}",
                find_dates(text, today())
            );
        }
    }

    #[test]
    fn numbers_glued_to_words_or_numbers_are_not_dates() {
        let texts = [
            "2024-10-223",
            "12024-10-22",
            "2024-10-22a",
            "a22/10/2024",
            "22/10/2024a",
            "22/10/20245",
            "1,22 octobre 2024",
            "22 octobre 2024,5",
            "22 octobre 20245",
            "lundi 21 octobre 20245",
            "v1.22.10.2024",
            "22.10.2024.1",
        ];
        for text in texts {
            assert!(
                find_dates(text, today()).is_empty(),
                "{text:?}: {:?}",
                find_dates(text, today())
            );
        }
    }

    #[test]
    fn years_outside_1900_to_2100_are_refused() {
        for text in [
            "22 octobre 1850",
            "lundi 21 octobre 1850",
            "22/10/2101",
            "1899-12-31",
            "31/12/1899",
        ] {
            assert!(find_dates(text, today()).is_empty(), "{text}");
        }
        assert_single_date("1er janvier 1900", "1er janvier 1900", date(1900, 1, 1));
        assert_single_date("31/12/2100", "31/12/2100", date(2100, 12, 31));
    }

    #[test]
    fn several_dates_in_order_of_appearance() {
        let text = "Publié le 22/10/2024 à 14h05, mis à jour le 2024-10-23T08:00:00. \
                    Le sommet du 1er novembre 2024 suivait celui de mardi 20 Mai 2025 \
                    et la réunion de ce lundi 21 octobre.";
        assert_eq!(
            spans_and_dates(text),
            [
                ("22/10/2024", date(2024, 10, 22)),
                ("2024-10-23", date(2024, 10, 23)),
                ("1er novembre 2024", date(2024, 11, 1)),
                ("mardi 20 Mai 2025", date(2025, 5, 20)),
                ("lundi 21 octobre", date(2024, 10, 21)),
            ]
        );
    }

    #[test]
    fn spans_are_byte_ranges() {
        let text = "Séoul — 22 octobre 2024";
        let mentions = find_dates(text, today());
        assert_eq!(mentions[0].span, 11..text.len());
    }

    #[test]
    fn never_panics_and_spans_stay_on_char_boundaries() {
        let pieces = [
            "1",
            "22",
            "er",
            "ᵉʳ",
            " ",
            "\u{a0}",
            "\u{202f}",
            "/",
            "-",
            ".",
            ",",
            "T",
            "2024",
            "octobre",
            "juil",
            "févr",
            "e\u{301}",
            "lundi",
            "ce",
            "aujourd’hui",
            "é",
            "🦀",
            "\u{0}",
            "日本",
            "\u{300}",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..8 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            for mention in find_dates(&text, today()) {
                assert!(
                    text.get(mention.span.clone()).is_some(),
                    "{text:?}: {mention:?}"
                );
            }
        }
    }
}
