//! The headline above a scraped article: the headline-shaped line its text echoes, not a menu entry, a caption or a related headline.

use std::collections::HashSet;
use std::ops::Range;

use crate::date::Date;

use crate::extract::clues::byline::byline_author;
use crate::extract::clues::french_date::find_dates;
use crate::extract::clues::section::stated_category;
use crate::extract::page::headline::{
    best_echoed, is_too_short_to_judge, Candidate, FoldedArticle, PageTitle,
};
use crate::extract::page::page_lines::{
    ends_a_sentence, is_boundary, is_labelled_day_and_month, is_noise, is_prose,
    is_relative_time_line, is_widget, strip_bullet, PROSE_WORDS,
};

use super::article_block::MAX_BOX_LINES;
use super::publication::date_line;

/// How far above the main block a headline is looked for.
const TITLE_WINDOW: usize = 80;
/// How many non-blank lines under a headline may carry its date or byline.
const HEADER_LINES: usize = 6;
/// Words of a header line that states a date among other things (site, byline, update).
const MAX_HEADER_LINE_WORDS: usize = 30;
/// Words of a sentence that makes a line a caption when more text follows it.
const MIN_SENTENCE_WORDS: usize = 8;

/// The headline found above the main block.
pub(super) struct FoundTitle {
    pub(super) text: String,
    /// Index of the headline's first appearance near the block (pages repeat it).
    pub(super) first_index: usize,
    /// Index of its last appearance above the block.
    pub(super) last_index: usize,
    pub(super) clue: &'static str,
}

pub(super) fn find_title(
    lines: &[&str],
    block: &Range<usize>,
    article: &FoldedArticle,
    today: Date,
) -> Option<FoundTitle> {
    let window = block.start.saturating_sub(TITLE_WINDOW)..block.start;
    let contents = contents_entries(lines, &window, block);
    let shapes = HeadlineShapes::of(lines, &window, today);
    let candidates = TitleCandidates {
        contents: &contents,
        shapes: &shapes,
        today,
    };
    let (chosen, clue) = echoed_title(lines, &window, block, article, &candidates, today)
        .map(|index| (index, "the headline the article's text echoes"))
        .or_else(|| {
            nearest_title(lines, &window, &candidates)
                .map(|index| (index, "the nearest headline above the article"))
        })?;
    let chosen = headline_under_kicker(lines, chosen, block, &candidates).unwrap_or(chosen);
    let appearances = || {
        window
            .clone()
            .filter(|&index| same_headline(lines[index], lines[chosen]))
    };
    let first_index = appearances().next().unwrap_or(chosen);
    let last_index = appearances().next_back().unwrap_or(chosen).max(chosen);
    let headline = without_site_name(without_credit(without_quote_marker(lines[chosen])));
    Some(FoundTitle {
        text: without_badge(lines, headline).to_string(),
        first_index,
        last_index,
        clue,
    })
}

/// The headline under `kicker`, when the line found is a kicker (surtitre) over a headline
/// of too few words to be judged by the article's echo ("Turpitude et architecture"): the
/// next line, blank lines aside, is a headline of that kind, set apart from what follows it
/// by a blank line (a prompt or a loading notice runs into the text under it), that the
/// page prints again as a line of its own (in a sticky header, over a share box), as pages
/// print their headline more than once and a kicker once.
fn headline_under_kicker(
    lines: &[&str],
    kicker: usize,
    block: &Range<usize>,
    candidates: &TitleCandidates,
) -> Option<usize> {
    let below = (kicker + 1..block.start).find(|&index| !lines[index].is_empty())?;
    let headline = lines[below];
    let printed_again = || {
        lines
            .iter()
            .enumerate()
            .any(|(index, line)| index != below && same_headline(line, headline))
    };
    let set_apart = lines.get(below + 1).is_some_and(|next| next.is_empty());
    (set_apart
        && is_too_short_to_judge(headline)
        && candidates.admits(lines, below)
        && printed_again())
    .then_some(below)
}

/// Entries of a list that a table of contents needs at least, each printed again as a line
/// of its own: fewer may be a list of other articles naming this one.
const MIN_CONTENTS_ENTRIES: usize = 3;

/// The entries of the article's table of contents: a bulleted list above the article whose
/// entries come back as lines of their own further down (the article's subheadings). A
/// subheading is not the headline, though it stands right above a paragraph the article's
/// text echoes. A list naming the article's own headline among other articles' is not one:
/// only that entry comes back.
fn contents_entries<'a>(
    lines: &[&'a str],
    window: &Range<usize>,
    block: &Range<usize>,
) -> HashSet<&'a str> {
    let listed: HashSet<&str> = lines[window.clone()]
        .iter()
        .map(|line| strip_bullet(line))
        .filter(|(entry, bulleted)| *bulleted && entry.split_whitespace().count() >= 3)
        .map(|(entry, _)| entry)
        .collect();
    if listed.len() < MIN_CONTENTS_ENTRIES {
        return HashSet::new();
    }
    let printed: HashSet<&str> = lines[window.start..block.end]
        .iter()
        .copied()
        .filter(|line| listed.contains(line))
        .collect();
    if printed.len() < MIN_CONTENTS_ENTRIES {
        return HashSet::new();
    }
    printed
}

/// Whether two lines print the same headline: a page may print it once plain and once
/// highlighted ("> "), with a no-break space before its colon in one place and not the other;
/// the header under its first appearance is the article's.
pub(super) fn same_headline(line: &str, headline: &str) -> bool {
    without_quote_marker(line)
        .split_whitespace()
        .eq(without_quote_marker(headline).split_whitespace())
}

/// The headline-shaped line of the window that the article's text echoes best.
fn echoed_title(
    lines: &[&str],
    window: &Range<usize>,
    block: &Range<usize>,
    article: &FoldedArticle,
    candidates: &TitleCandidates,
    today: Date,
) -> Option<usize> {
    let indexes: Vec<usize> = window
        .clone()
        .filter(|&index| candidates.admits(lines, index))
        .collect();
    // A tree walker's dump starts with the page's <title>, which names its headline (the
    // first line itself is not named by itself).
    let page_title = lines
        .iter()
        .position(|line| !line.is_empty())
        .map(|first| (first, PageTitle::of(lines[first])));
    // Each line is looked at once, however many candidates it follows.
    let header_end = block.end.min(block.start + 2 * HEADER_LINES);
    let is_header_line: Vec<bool> = lines[window.start..header_end]
        .iter()
        .map(|line| is_header_line(line, today))
        .collect();
    let candidates: Vec<Candidate> = indexes
        .iter()
        .map(|&index| Candidate {
            text: lines[index],
            distance: block.start - index,
            has_header: (index + 1..header_end)
                .filter(|&next| !lines[next].is_empty())
                .take(HEADER_LINES)
                .any(|next| is_header_line[next - window.start]),
            named_first: page_title
                .as_ref()
                .is_some_and(|(first, title)| *first != index && title.names(lines[index])),
        })
        .collect();
    best_echoed(&candidates, article).map(|chosen| indexes[chosen])
}

/// A line of the header news articles print under their headline: a date line, a byline,
/// or a short line stating a date among other things ("Le Monde | 04.05.2015 à 13h36 • Mis
/// à jour le 05.05.2015 | Par Martin Untersinger").
pub(super) fn is_header_line(line: &str, today: Date) -> bool {
    date_line(line, today).is_some()
        || byline_author(line).is_some()
        || (line.split_whitespace().nth(MAX_HEADER_LINE_WORDS).is_none()
            && !is_prose(line)
            && !find_dates(line, today).is_empty())
}

/// The nearest headline-shaped line above the article, preferring one the page repeats.
fn nearest_title(
    lines: &[&str],
    window: &Range<usize>,
    title_candidates: &TitleCandidates,
) -> Option<usize> {
    let candidates: Vec<usize> = window
        .clone()
        .rev()
        .filter(|&index| title_candidates.admits(lines, index))
        .take(3)
        .collect();
    let repeated = |index: &&usize| {
        lines[window.clone()]
            .iter()
            .filter(|line| **line == lines[**index])
            .count()
            > 1
    };
    candidates
        .iter()
        .find(repeated)
        .or(candidates.first())
        .copied()
}

/// Which lines of the title window may be the headline: the window's lines are judged
/// headline-shaped once, however many times a line is looked at (as a candidate or as the
/// neighbour of one).
struct TitleCandidates<'a> {
    /// Entries of the article's table of contents.
    contents: &'a HashSet<&'a str>,
    shapes: &'a HeadlineShapes,
    today: Date,
}

impl TitleCandidates<'_> {
    /// A headline-shaped line that is not an image's caption, a link in a "Lire aussi" box,
    /// an entry of the article's table of contents or of a list of headlines.
    fn admits(&self, lines: &[&str], index: usize) -> bool {
        let today = self.today;
        self.shapes.is_headline(index)
            && !self.contents.contains(lines[index])
            && !is_photo_credit(lines[index])
            && !is_image_caption(lines, index)
            && !is_in_related_box(lines, index, today)
            && !is_sectioned_teaser(lines, index, today)
            && !is_in_list_of_headlines(self.shapes, index)
    }
}

/// Whether each line of the title window, and of the few lines around it that a list's
/// entry may have beside it, is shaped like a headline.
struct HeadlineShapes {
    first: usize,
    shaped: Vec<bool>,
}

impl HeadlineShapes {
    fn of(lines: &[&str], window: &Range<usize>, today: Date) -> HeadlineShapes {
        let around = MIN_LISTED_HEADLINES - 1;
        let first = window.start.saturating_sub(around);
        let end = (window.end + around).min(lines.len());
        let shaped = (first..end)
            .map(|index| {
                !lines[index].is_empty()
                    && (is_headline(lines[index], today) || is_long_headline(lines, index, today))
            })
            .collect();
        HeadlineShapes { first, shaped }
    }

    /// Whether the line at `index` is headline-shaped; lines out of reach are not.
    fn is_headline(&self, index: usize) -> bool {
        index
            .checked_sub(self.first)
            .and_then(|at| self.shaped.get(at))
            .copied()
            .unwrap_or(false)
    }
}

/// Headline-shaped lines that, printed one under the other, make a list.
const MIN_LISTED_HEADLINES: usize = 3;

/// A line of a list of headline-shaped lines printed one under the other, with no blank
/// line between them: a menu or another articles' list without bullets ("École normale
/// supérieure" / "École nationale des chartes" / …). An article's headline stands apart
/// from the lines around it: a kicker and a byline, a date, a section name.
fn is_in_list_of_headlines(shapes: &HeadlineShapes, index: usize) -> bool {
    let above = (1..MIN_LISTED_HEADLINES)
        .take_while(|&step| index >= step && shapes.is_headline(index - step))
        .count();
    let below = (1..MIN_LISTED_HEADLINES - above)
        .take_while(|&step| shapes.is_headline(index + step))
        .count();
    1 + above + below >= MIN_LISTED_HEADLINES
}

/// A line of a "Lire aussi" box: another article's headline (with its section), which a
/// page may print between its own headline and the article's text. The box runs from its
/// header to the article's header (a date or byline line) or prose, over a few short lines
/// with no blank line between them: a headline set apart below a box is not in it.
fn is_in_related_box(lines: &[&str], index: usize, today: Date) -> bool {
    for line in lines[..index].iter().rev().take(MAX_BOX_LINES) {
        if line.is_empty() {
            return false;
        }
        if is_widget(line) {
            return true;
        }
        if is_prose(line) || is_header_line(line, today) {
            return false;
        }
    }
    false
}

/// A headline under its section name in a "Lire aussi" box whose teasers each carry
/// theirs ("A lire aussi" / "Monde" / a headline / "Monde" / a headline), however many
/// blank lines a line-per-markup dump prints between them. The box's first line shows the
/// shape of its items: a headline under its own section name after a box of bare headlines
/// is the article's, its section its kicker.
fn is_sectioned_teaser(lines: &[&str], index: usize, today: Date) -> bool {
    let mut above = lines[..index]
        .iter()
        .rev()
        .filter(|line| !line.is_empty())
        .take(MAX_BOX_LINES);
    let Some(kicker) = above.next().filter(|line| stated_category(line).is_some()) else {
        return false;
    };
    // Walking up, the last line seen before the box's header is its first item's.
    let mut first_line = kicker;
    for line in above {
        if is_widget(line) {
            return stated_category(first_line).is_some();
        }
        if is_prose(line) || is_header_line(line, today) {
            return false;
        }
        first_line = line;
    }
    false
}

/// An image's text rather than a headline: the next line is its credit ("©Jean Martin,
/// AFP"), or repeats the line and goes on (an image's alternative text, then its caption
/// with the credit: "Le ministre à Bercy" / "Le ministre à Bercy Crédits photo : …").
pub(super) fn is_image_caption(lines: &[&str], index: usize) -> bool {
    let line = lines[index];
    lines[index + 1..]
        .iter()
        .find(|next| !next.is_empty())
        .is_some_and(|next| {
            next.starts_with('©') || (next.len() > line.len() && next.starts_with(line))
        })
}

/// A photo's credit on a line of its own: after the copyright sign, a photographer and an
/// agency set apart by a slash ("©JOEL SAGET / AFP"). A headline that a dump glues to a
/// credit's sign ("©La grève continue au port du Havre") has no such slash.
fn is_photo_credit(line: &str) -> bool {
    line.strip_prefix('©')
        .is_some_and(|credit| credit.contains(" / "))
}

/// Words a photo credit glued to a headline may have ("…face à l'EI©AFP", "©Jean Martin,
/// Agence").
const MAX_CREDIT_WORDS: usize = 6;

/// The headline without a photo credit glued to it: a page whose image repeats the headline
/// as its caption prints "Les forces avancent dans Mossoul©AFP"; a headline never holds "©".
fn without_credit(line: &str) -> &str {
    let line = line.strip_prefix('©').map_or(line, str::trim_start);
    match line.split_once('©') {
        Some((headline, credit))
            if credit.split_whitespace().count() <= MAX_CREDIT_WORDS
                && headline.split_whitespace().count() >= 3 =>
        {
            headline.trim_end()
        }
        _ => line,
    }
}

/// The line without the "> " that text dumps and e-mail print before quoted or highlighted text.
fn without_quote_marker(line: &str) -> &str {
    line.strip_prefix("> ").map_or(line, str::trim_start)
}

/// Words a site name printed after a headline's " | " may have ("Le Journal du Soir").
const MAX_SITE_NAME_WORDS: usize = 4;

/// The headline without the site name a page's own title puts after it ("La grève
/// continue | Le Quotidien"): a French headline does not use " | " itself.
fn without_site_name(line: &str) -> &str {
    match line.rsplit_once(" | ") {
        Some((headline, site))
            if site.split_whitespace().count() <= MAX_SITE_NAME_WORDS
                && headline.split_whitespace().count() >= 3 =>
        {
            headline.trim_end()
        }
        _ => line,
    }
}

/// The headline without the badge a site prints after it ("… à Balkany Abonnés", "…
/// Premium"): a capitalised word that the page leaves out where it prints the headline
/// again, at the end of another line (a player's "[EXTRAIT] <headline>", a comment's "En
/// réponse à : <headline>"). A headline ending on a name is printed again with it.
fn without_badge<'a>(lines: &[&str], headline: &'a str) -> &'a str {
    let Some((shorter, badge)) = headline.trim_end().rsplit_once(' ') else {
        return headline;
    };
    let shorter = shorter.trim_end();
    if !badge.starts_with(char::is_uppercase) || shorter.split_whitespace().count() < 3 {
        return headline;
    }
    if lines.iter().any(|line| line.ends_with(shorter)) {
        shorter
    } else {
        headline
    }
}

/// Whether a line can be a headline: a few words, not a menu entry, a date, a byline, a
/// caption or prose.
pub(super) fn is_headline(line: &str, today: Date) -> bool {
    !is_prose(line) && has_headline_shape(line, today)
}

/// Whether the line at `index` is a headline longer than prose is ([`is_prose`]): a line
/// shaped like a headline, over a header line (its date or byline).
pub(super) fn is_long_headline(lines: &[&str], index: usize, today: Date) -> bool {
    let line = lines[index];
    line.split_whitespace().nth(PROSE_WORDS - 1).is_some()
        && !ends_a_sentence(line)
        && has_headline_shape(line, today)
        && lines[index + 1..]
            .iter()
            .find(|line| !line.is_empty())
            .is_some_and(|next| is_header_line(next, today))
}

/// A headline's shape, whatever its length: up to 40 words that do not end on a full stop,
/// and not a menu entry, a date, a byline or a caption.
fn has_headline_shape(line: &str, today: Date) -> bool {
    let words = line.split_whitespace().count();
    let (_, bulleted) = strip_bullet(line);
    (3..=40).contains(&words)
        && !ends_as_a_sentence(line)
        && line.chars().count() <= 250
        && !bulleted
        && !is_noise(line)
        && !is_boundary(line)
        && !is_widget(line)
        && byline_author(line).is_none()
        && stated_category(line).is_none()
        && date_line(line, today).is_none()
        && !is_labelled_day_and_month(line)
        && !has_sentence_then_more(line)
        && !(line.starts_with('(') && line.ends_with(')'))
        && !has_date_after_words(line, today)
        && !is_relative_time_line(line)
}

/// A line that gives a full date set apart after other words: a photo's caption ("Des
/// manifestants devant l'Assemblée, le 5 mai 2020 à Paris") or a header ("AFP, publié le 27
/// octobre 2019"). A headline may name a date as its subject ("Attentats du 13 novembre
/// 2015 : le procès s'ouvre") or open on the date it recalls ("Le 18 juin 1940, …"), but
/// does not add one after a comma.
pub(super) fn has_date_after_words(line: &str, today: Date) -> bool {
    line.bytes().any(|byte| byte.is_ascii_digit())
        && find_dates(line, today).iter().any(|mention| {
            let before = &line[..mention.span.start];
            !mention.year_inferred && before.contains(',') && before.split_whitespace().count() > 1
        })
}

/// A line ending on a full stop, once a photo credit after it is set aside ("… au premier
/// semestre. (Jean Martin/AFP)", "… Pyrénées-Atlantiques. —"): a caption or a sentence.
/// French headlines end on a word, a question or exclamation mark or an ellipsis, never on
/// a full stop.
fn ends_as_a_sentence(line: &str) -> bool {
    let mut text = line.trim_end();
    if text.ends_with(')') {
        if let Some(open) = text.rfind('(') {
            let credit = &text[open..];
            if credit.contains('/') || credit.contains('©') {
                text = text[..open].trim_end();
            }
        }
    }
    let text = text.trim_end_matches(['—', '–', ' ', '\u{A0}']);
    text.ends_with('.') && !text.ends_with("..")
}

/// A whole sentence followed by more text ("Le chlorothalonil est utilisé dans la culture
/// des céréales depuis cinquante ans. Image: Keystone"): a caption, not a headline, which
/// says one thing.
fn has_sentence_then_more(line: &str) -> bool {
    line.match_indices(". ").any(|(at, _)| {
        let before = &line[..at];
        let rest = line[at + 2..].trim_start();
        before.split_whitespace().count() >= MIN_SENTENCE_WORDS
            && rest.starts_with(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::today;
    use super::*;

    /// A list of other articles naming this one's headline is no table of contents: only
    /// that entry comes back as a line of its own.
    #[test]
    fn a_list_naming_the_headline_is_no_contents() {
        let lines = [
            "Les plus lus",
            "• La grève des dockers paralyse le port du Havre",
            "• Les armateurs redoutent des pertes importantes",
            "• Le gouvernement annonce un plan pour les ports",
            "",
            "La grève des dockers paralyse le port du Havre",
            "Les dockers du Havre ont cessé le travail mercredi pour protester contre la réforme des retraites.",
        ];
        assert!(contents_entries(&lines, &(0..6), &(6..7)).is_empty());
    }

    /// A caption, or an aside in parentheses, is no headline.
    #[test]
    fn a_caption_is_no_headline() {
        assert!(!is_headline(
            "Le chlorothalonil est utilisé dans la culture des céréales depuis cinquante ans. Image: Keystone",
            today()
        ));
        assert!(is_headline(
            "Frain. Incendie dans une maison : cinq personnes relogées",
            today()
        ));
        assert!(!is_headline(
            "(Bruxelles, bureau européen du journal)",
            today()
        ));
    }

    /// A line dating something to the day after other words and a comma is a photo's
    /// caption or a header, not a headline; a headline may open on the date it recalls or
    /// name a date as its subject.
    #[test]
    fn a_line_with_a_full_date_after_words_is_no_headline() {
        assert!(!is_headline(
            "Des dockers votent la reprise du travail sur le port du Havre, le 13 mars 2024",
            today()
        ));
        assert!(!is_headline(
            "Le Quotidien avec agences, publié le jeudi 14 mars 2024 à 18h20",
            today()
        ));
        assert!(is_headline(
            "Le 18 juin 1940, de Gaulle lance son appel depuis Londres",
            today()
        ));
        assert!(is_headline(
            "Les dockers du Havre en grève depuis mars 2024",
            today()
        ));
        assert!(is_headline(
            "Attentats du 13 novembre 2015 : le procès en appel s'ouvre à Paris",
            today()
        ));
    }

    /// A caption ends on a full stop, with or without a photo credit after it; a headline
    /// never does.
    #[test]
    fn a_line_ending_on_a_full_stop_is_no_headline() {
        assert!(!is_headline(
            "Les ventes de vélos électriques ont reculé au premier trimestre. (Jean Martin/AFP)",
            today()
        ));
        assert!(!is_headline(
            "Des arbres arrachés par le vent sur la commune de Plouha. —",
            today()
        ));
        assert!(is_headline(
            "Les ventes de vélos électriques reculent… pour la première fois",
            today()
        ));
        assert!(is_headline(
            "Qui veut vraiment la fin du nucléaire ?",
            today()
        ));
    }

    /// An image's caption is known by the credit under it, or by the caption that repeats
    /// its alternative text and goes on; a credit glued to a headline is not part of it.
    #[test]
    fn an_image_caption_is_known_by_its_credit() {
        let lines = [
            "Le ministre de l'Économie à Bercy, le 4 avril",
            "©Jean Martin, AFP",
            "Le gouvernement envisage des privatisations partielles",
            "",
            "Le gouvernement envisage des privatisations partielles Crédits photo : Paul Durand",
            "Le port du Havre à l'arrêt",
            "Par Jeanne Martin",
        ];
        assert!(is_image_caption(&lines, 0));
        assert!(is_image_caption(&lines, 2));
        assert!(!is_image_caption(&lines, 5));
        assert_eq!(
            without_credit("Les forces irakiennes avancent dans Mossoul©Jean Martin, AFP"),
            "Les forces irakiennes avancent dans Mossoul"
        );
        assert_eq!(
            without_credit("©La grève continue au port du Havre"),
            "La grève continue au port du Havre"
        );
        assert!(is_photo_credit("©JOEL SAGET / AFP"));
        assert!(!is_photo_credit("©La grève continue au port du Havre"));
        assert!(!is_photo_credit(
            "Pétrole / gaz : la facture énergétique s'envole"
        ));
        let unchanged = "Le © d'une photo appartient à son auteur, même quand elle circule partout sur les réseaux sociaux";
        assert_eq!(without_credit(unchanged), unchanged);
    }

    #[test]
    fn a_site_name_after_a_bar_is_not_part_of_the_title() {
        assert_eq!(
            without_site_name("La grève des dockers continue au Havre | Le Quotidien"),
            "La grève des dockers continue au Havre"
        );
        assert_eq!(
            without_site_name("La grève | une nouvelle semaine de blocage au port du Havre"),
            "La grève | une nouvelle semaine de blocage au port du Havre"
        );
    }

    #[test]
    fn a_badge_after_the_headline_is_not_part_of_the_title() {
        let headline = "Les dockers du Havre votent la reprise du travail Exclusif";
        let page = [
            headline,
            "Les dockers ont voté jeudi la reprise du travail après trois semaines de grève.",
            "Réagir à : Les dockers du Havre votent la reprise du travail",
        ];
        assert_eq!(
            without_badge(&page, headline),
            "Les dockers du Havre votent la reprise du travail"
        );
        // A headline ending on a name is printed again with it.
        let headline = "Les dockers du Havre reçus par Emmanuel Macron";
        let page = [
            headline,
            "Les dockers ont été reçus jeudi à l'Élysée après trois semaines de grève.",
            "Réagir à : Les dockers du Havre reçus par Emmanuel Macron",
            "Les dockers du Havre reçus par Emmanuel Macron",
        ];
        assert_eq!(without_badge(&page, headline), headline);
    }
}
