//! The publication date of a scraped article: a date line in its header or right after it, the page's address, or a relative date in its lead.

use std::ops::Range;

use crate::article::PublicationDate;
use crate::date::Date;

use crate::analysis::fold::fold;
use crate::extract::clues::byline::{byline_after_date, byline_before_date, is_plain_name};
use crate::extract::clues::dispatch::dispatch_date;
use crate::extract::clues::french_date::{
    find_date_line_dates, find_dates, DateMention, DATE_LABEL_WORDS,
};
use crate::extract::clues::page_address::address_day;
use crate::extract::page::page_lines::{header_parts, is_prose, strip_bullet};

/// Paragraphs of prose at the start of the article that a date line may come among.
const LEAD_PARAGRAPHS: usize = 3;

/// The publication date: a date line under the title, else one right after the article,
/// else a "Publié le" line just above the title or a date line right above it, else an
/// agency's dateline opening the text, else the day in the page's `address`, else "publié
/// il y a 2 heures" or "ce lundi 21 octobre" in the lead.
pub(super) fn publication_date(
    lines: &[&str],
    zones: &HeaderZones,
    block: &Range<usize>,
    address: Option<&str>,
    today: Date,
) -> Option<(PublicationDate, &'static str)> {
    // A sentence with a date ("Le ministre à Bruxelles le 20 octobre 2017.") is a photo's
    // caption or the story's, dating what it shows rather than the article, unless it says
    // it dates the article ("Publié le 12 mars 2024 à 10h30 - Lecture 3 min.").
    let dated_lines = |zone: &Range<usize>| -> Vec<DatedLine> {
        lines[zone.clone()]
            .iter()
            .filter_map(|line| {
                // A line of header parts may end on a full stop ("12 mars 2024 à 10h30 |
                // Lecture 3 min.") without being a sentence.
                date_line(line, today).filter(|dated| {
                    dated.is_labelled || !is_prose(line) || header_parts(line).is_some()
                })
            })
            .collect()
    };
    // A line that says it gives the publication date ("publié le …") is taken over a bare
    // date, which may be another article's in a list of teasers.
    let published = |dated: Vec<DatedLine>| {
        let publication = dated
            .iter()
            .find(|line| line.is_labelled)
            .or_else(|| dated.iter().find(|line| !line.is_update))
            .or(dated.first());
        publication.map(|line| line.mention.as_publication())
    };
    let labelled = |dated: Vec<DatedLine>| {
        dated
            .into_iter()
            .find(|line| line.is_labelled)
            .map(|line| line.mention.as_publication())
    };
    let clued = |clue: &'static str| move |date| (date, clue);
    let HeaderZones {
        near_header,
        header,
        footer,
        kicker,
    } = *zones;
    published(dated_lines(near_header))
        .map(clued("a date line under the headline"))
        .or_else(|| {
            published(dated_lines(&lead_zone(lines, block)))
                .map(clued("a date line among the first paragraphs"))
        })
        .or_else(|| {
            // The lines under the headline's last appearance gave none: those between its
            // first appearance and its last are read.
            published(dated_lines(&(header.start..near_header.start)))
                .map(clued("a date line under the headline"))
        })
        .or_else(|| published(dated_lines(footer)).map(clued("a date line after the article")))
        .or_else(|| labelled(dated_lines(kicker)).map(clued("a 'publié' line above the headline")))
        .or_else(|| {
            // A page's masthead may print the day it was saved; menus part it from the
            // headline, unlike the date of an article printed right above its headline.
            let above = kicker.clone().rev().find(|&index| !lines[index].is_empty())?;
            published(dated_lines(&(above..above + 1)))
                .map(clued("a date line right above the headline"))
        })
        .or_else(|| {
            let opening = lines[block.clone()].iter().find(|line| is_prose(line))?;
            dispatch_date(opening, today).map(clued("an agency's dateline opening the text"))
        })
        .or_else(|| {
            let date = address_day(address?, today)?;
            let date = PublicationDate {
                date,
                year_inferred: false,
            };
            Some((date, "the day in the page's address, printed at the top"))
        })
        .or_else(|| {
            relative_publication(lines, header, today).map(clued(
                "'publié il y a …' under the headline, counted from the latest date the page prints",
            ))
        })
        .or_else(|| {
            deictic_date_in_lead(&lines[block.clone()], today)
                .map(clued("a day named in the first paragraphs"))
        })
}

/// Where a page's header may be, as line ranges.
pub(super) struct HeaderZones<'a> {
    /// From under the headline's last appearance to the article's text.
    pub(super) near_header: &'a Range<usize>,
    /// From under its first appearance, which may be the page's title printed at the top.
    pub(super) header: &'a Range<usize>,
    /// The lines right after the article.
    pub(super) footer: &'a Range<usize>,
    /// The lines right above the headline's first appearance.
    pub(super) kicker: &'a Range<usize>,
}

/// "Publié il y a 2 heures" under the headline: the page was saved that long after the
/// article appeared, and no earlier than the latest date it prints (a comment, an update),
/// so the article is dated from that latest date.
fn relative_publication(
    lines: &[&str],
    header: &Range<usize>,
    today: Date,
) -> Option<PublicationDate> {
    let days_ago = lines[header.clone()]
        .iter()
        .filter(|line| line.split_whitespace().nth(MAX_DATE_LINE_WORDS).is_none())
        .find_map(|line| published_days_ago(&fold(line)))?;
    let latest = lines
        .iter()
        .filter(|line| line.bytes().any(|byte| byte.is_ascii_digit()))
        .flat_map(|line| find_dates(line, today))
        .filter(|mention| !mention.year_inferred && mention.date <= today)
        .map(|mention| mention.date)
        .max()?;
    Some(PublicationDate {
        date: Date::from_days_since_epoch(latest.days_since_epoch() - days_ago),
        year_inferred: false,
    })
}

/// How many whole days ago a folded "publie il y a 3 jours" line says the article appeared
/// (0 for minutes and hours); an update ("mis a jour il y a 8 minutes") is not read.
fn published_days_ago(folded: &str) -> Option<i64> {
    let after = &folded[folded.find("publie")?..];
    let mut words = after[after.find("il y a ")? + "il y a ".len()..].split_whitespace();
    let count: i64 = words.next()?.parse().ok()?;
    let unit = words.next()?;
    if unit.starts_with("min") || unit.starts_with("heure") || unit == "h" {
        Some(0)
    } else if unit.starts_with("jour") {
        Some(count)
    } else {
        None
    }
}

/// The start of the article up to its third paragraph of prose: a caption or a standfirst
/// may come before the header's date line.
pub(super) fn lead_zone(lines: &[&str], block: &Range<usize>) -> Range<usize> {
    let end = block
        .clone()
        .filter(|&index| is_prose(lines[index]))
        .nth(LEAD_PARAGRAPHS)
        .unwrap_or(block.end);
    block.start..end
}

/// A line that is essentially a date ("22 octobre 2024", "Publié le 22/10/2024 à 14h05").
pub(super) struct DatedLine {
    pub(super) mention: DateMention,
    is_update: bool,
    is_labelled: bool,
    /// The author a byline before the date names ("Par Jeanne Martin, le 12/03/2024").
    pub(super) byline: Option<String>,
}

/// A date line has at most this many words ("Publié le 7 mai 2019 à 13h59 - Mis à jour le 8
/// mai 2019 à 09h03" has 17).
const MAX_DATE_LINE_WORDS: usize = 24;

/// Words other than its labels and connectives a date line may have ("mardi", "Paris")…
const MAX_OTHER_WORDS: usize = 3;
/// …or, on a line labelled as the publication date, the names of who published it.
const MAX_PUBLISHER_WORDS: usize = 6;

/// Words that may stand beside a date on a date line, besides the words labelling it
/// ([`DATE_LABEL_WORDS`]: "Publié le … à …", "Posted on … at …").
const DATE_LINE_CONNECTIVES: &[&str] = &["le", "a", "par", "et", "h", "on", "at", "de"];

pub(super) fn date_line(line: &str, today: Date) -> Option<DatedLine> {
    let (text, _) = strip_bullet(line);
    match header_parts(text) {
        // The parts without a date name the source and the author: the dated ones are
        // weighed as a date line.
        Some(parts) => {
            let (dated, undated): (Vec<&str>, Vec<&str>) = parts
                .into_iter()
                .partition(|part| part.bytes().any(|byte| byte.is_ascii_digit()));
            let mut line = dated_text(&dated.join(" • "), today)?;
            // "Jeanne Martin | 12/03/2024 à 18:05": a part may be the name alone.
            line.byline = line.byline.or_else(|| {
                undated
                    .into_iter()
                    .find(|part| is_plain_name(part))
                    .map(str::to_string)
            });
            Some(line)
        }
        None => dated_text(text, today),
    }
}

/// The date a line's text gives, when it is a date line: dates, their labels and a few
/// other words.
fn dated_text(text: &str, today: Date) -> Option<DatedLine> {
    // Every date has a number: most lines are settled without looking for one.
    if !text.bytes().any(|byte| byte.is_ascii_digit())
        || text.split_whitespace().nth(MAX_DATE_LINE_WORDS).is_some()
    {
        return None;
    }
    let mentions = find_date_line_dates(text, today);
    let mut rest = String::new();
    let mut after_previous = 0;
    for mention in &mentions {
        rest.push_str(&text[after_previous..mention.span.start]);
        rest.push(' ');
        after_previous = mention.span.end;
    }
    rest.push_str(&text[after_previous..]);
    let rest = fold(&rest);
    // "Par Jeanne Martin et Paul Durand, le 12/03/2024": the names of a byline before the
    // date are not other words.
    // "Publié le 12 mars 2024 à 10:30 par Jeanne Martin": a byline may come after the date.
    let byline = mentions.first().and_then(|first| {
        byline_before_date(&text[..first.span.start])
            .or_else(|| byline_after_date(&text[mentions.last()?.span.end..]))
    });
    let byline_words = byline
        .as_deref()
        .map_or(0, |names| other_words(&fold(names)));
    let other_words = other_words(&rest).saturating_sub(byline_words);
    let is_labelled = rest.contains("publie") || rest.contains("posted");
    let names_update = ["mis a jour", "modifie", "actualise", "maj", "updated"]
        .iter()
        .any(|word| rest.contains(word));
    let several = mentions.len() > 1;
    // "Publié le 7 mai, mis à jour le 8 mai": an update comes after the publication.
    let mention = mentions.into_iter().min_by_key(|mention| mention.date)?;
    // A line that says it gives the publication date may name who published it first
    // ("Le Quotidien avec agences, publié le 14 mars 2024").
    let names_publisher = is_labelled && other_words <= MAX_PUBLISHER_WORDS && !is_prose(text);
    (other_words <= MAX_OTHER_WORDS || names_publisher).then_some(DatedLine {
        is_update: names_update && !is_labelled && !several,
        is_labelled,
        mention,
        byline,
    })
}

/// The words of a folded text that are neither numbers, date labels nor connectives.
fn other_words(folded: &str) -> usize {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !word.chars().any(|c| c.is_ascii_digit()))
        .filter(|word| !DATE_LABEL_WORDS.contains(word) && !DATE_LINE_CONNECTIVES.contains(word))
        .count()
}

/// "ce lundi 21 octobre" in the first paragraphs names the day the article was written.
fn deictic_date_in_lead(block: &[&str], today: Date) -> Option<PublicationDate> {
    block
        .iter()
        .filter(|line| is_prose(line))
        .take(2)
        .flat_map(|line| find_dates(line, today))
        .find(|mention| mention.deictic)
        .map(|mention| mention.as_publication())
}

#[cfg(test)]
mod tests {
    use super::super::tests::today;
    use super::*;

    /// A byline's names before the date are not other words: two authors may sign.
    #[test]
    fn a_byline_may_carry_the_date() {
        let date = |line| date_line(line, today()).map(|found| found.mention.date.to_string());
        for line in [
            "Par Jeanne Martin et Paul Durand, le 12/03/2024",
            "Par Jeanne Martin, le 12 mars 2024 à 10h30",
            "Jeanne Martin avec AFP Le 12/03/2024 à 18:05",
        ] {
            assert_eq!(date(line).as_deref(), Some("2024-03-12"), "{line}");
        }
        assert_eq!(
            date("Jeanne Martin et Paul Durand ont signé le 12/03/2024"),
            None
        );
        // A dump may lay the byline and the dates out in columns on one line: the name ends
        // where the date's label starts.
        let byline = |line| date_line(line, today()).and_then(|found| found.byline);
        assert_eq!(
            byline("Par Jeanne Martin   Publié le 12 mars 2024 à 10h30   Mis à jour à 11h00")
                .as_deref(),
            Some("Jeanne Martin")
        );
        assert_eq!(byline("Publié le 12 mars 2024 à 10h30"), None);
        assert_eq!(
            byline("Jeanne Martin | 12/03/2024 à 18:05 | Lecture 3 min").as_deref(),
            Some("Jeanne Martin")
        );
        assert_eq!(
            byline("Jeanne Martin avec AFP Le 12/03/2024 à 18:05").as_deref(),
            Some("Jeanne Martin avec AFP")
        );
        for line in [
            "Publié le 12 mars 2024 par Jeanne Martin — 4 commentaires",
            "Publié le 12 mars 2024 à 10:30 par Jeanne Martin",
        ] {
            assert_eq!(byline(line).as_deref(), Some("Jeanne Martin"), "{line}");
        }
    }

    /// A line labelled as the publication date is read even when it ends like a sentence;
    /// a caption's date is not.
    #[test]
    fn a_labelled_date_line_may_end_on_a_full_stop() {
        let lines = [
            "Au Havre, les dockers votent la reprise du travail",
            "Publié le 12 mars 2024 à 10h30 - Lecture 3 min.",
        ];
        let date = |lines: &[&str]| {
            let zones = HeaderZones {
                near_header: &(1..2),
                header: &(1..2),
                footer: &(2..2),
                kicker: &(0..0),
            };
            publication_date(lines, &zones, &(2..2), None, today())
                .map(|(found, _)| found.date.to_string())
        };
        assert_eq!(date(&lines).as_deref(), Some("2024-03-12"));
        let caption = [
            "Au Havre",
            "Le ministre à Bruxelles, le mardi 12 mars 2024 à 10h30.",
        ];
        assert_eq!(date(&caption), None);
    }

    /// A line labelled as the publication date may name who published it; another line
    /// holding a date among as many words is not a date line.
    #[test]
    fn a_publication_line_may_name_its_publisher() {
        let labelled = date_line(
            "La Gazette du Port avec agences, publié le jeudi 14 mars 2024 à 18h20",
            today(),
        );
        assert_eq!(
            labelled
                .map(|line| line.mention.date.to_string())
                .as_deref(),
            Some("2024-03-14")
        );
        assert!(date_line(
            "La Gazette du Port avec agences, jeudi 14 mars 2024 à 18h20",
            today()
        )
        .is_none());
    }
}
