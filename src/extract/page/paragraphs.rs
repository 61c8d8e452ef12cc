//! Scraped text back into paragraphs: hard-wrapped lines joined, words cut at a line end repaired, inline fragments glued.
//!
//! Text dumps of web pages break paragraphs in two ways. Terminal browsers (`w3m -dump`,
//! `lynx -dump`) and e-mail wrap lines at a fixed width (72 to 100 columns); a paragraph
//! is then several lines, each as long as the width allows. Tree walkers (BeautifulSoup's
//! `get_text("\n")`) put a line break around every link and emphasis, so a sentence comes
//! in pieces: "Vous voulez communiquer un" / "renseignement" / "ou vous…". Everything
//! downstream (prose detection, the title, the body, snippets) works on whole paragraphs,
//! so they are rebuilt here, from the shape of the lines only:
//!
//! - the wrap width is found from the line lengths (a wrapped text has many lines just
//!   under one width and almost none over it), and a line is joined to the next when the
//!   next line's first word would not have fitted on it: that is why the wrapper broke;
//! - a line is glued to the next when the sentence visibly goes on: it ends on a comma, a
//!   preposition or an article, or the next line starts in lower case or with punctuation;
//! - a word cut at a line-end hyphen is repaired: the hyphen is kept when the page writes
//!   the word with a hyphen elsewhere or when it joins a compound ("nord-coréens",
//!   "a-t-il", "Jean-Pierre"), and dropped otherwise ("gouverne-" "ment").
//!
//! List items keep their own paragraph, with their bullet written as "• ".

use std::collections::HashSet;

use super::page_lines::strip_link_markers;
use crate::analysis::fold::fold;
use crate::extract::clues::french_date::{
    is_weekday_name, opens_on_month_first_date, opens_on_weekday_and_full_date, DATE_LABEL_WORDS,
};

/// One paragraph of a page: its lines joined into one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// The text, on one line, spaces inside it as they were; a list item starts with "• ".
    pub text: String,
    /// 1-based number of the paragraph's first line in the file.
    pub line: usize,
    /// The paragraph was the first after one or more blank lines (or the file's start).
    pub after_blank: bool,
}

/// Lines shorter than this are not counted when the wrap width is looked for.
const MIN_MEASURED_LENGTH: usize = 30;
/// A wrapped line is at most this many columns shorter than the wrap width…
const WRAP_BAND: usize = 10;
/// …and a text is wrapped when at least this share of its measured lines fall in that band.
const MIN_WRAPPED_SHARE: f64 = 0.3;
/// Lines longer than the width (wide table rows, long addresses) may be this share of all.
const MAX_OVERLONG_SHARE: f64 = 0.03;
/// Widths a wrapped text can have: e-mail's 72 to terminals' 100 and a little more.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=200;
/// At least this many lines must sit in the band for a width to count.
const MIN_WRAPPED_LINES: usize = 3;
/// A text with fewer lines in the band than the share asks for is wrapped when at least
/// this many lines sit in the band…
const MIN_CROWDED_LINES: usize = 8;
/// …and this many times as many as in the band of the same width just below it.
const MARGIN_CROWDING: usize = 3;

/// The paragraphs of a page's text, in order.
pub(crate) fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let width = wrap_width(&lines);
    let hyphenated = HyphenEvidence::of(text);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut open: Option<Paragraph> = None;
    let mut previous: Option<&str> = None;
    let mut after_blank = true;
    // The open paragraph has a quotation it has not closed.
    let mut quotation = Quotation::default();
    // The previous line went on a line the wrapper broke.
    let mut previous_was_wrapped = false;
    for (index, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            // A label may be printed apart from its value ("Publié le" / "" / "26/12/2020"):
            // it stays open across the blank line, to be closed by the next line if that is
            // no value.
            // So may a quotation: a tree walker prints a quoted title (`<q>`, `<em>`) as an
            // element of its own, blank lines around it.
            if !open
                .as_ref()
                .is_some_and(|paragraph| is_label(&paragraph.text) || quotation.is_open())
            {
                paragraphs.extend(open.take());
            }
            previous = None;
            after_blank = true;
            continue;
        }
        let (item, bulleted) = normalise_bullet(line);
        let (wrapped, continues) = match (previous, &open) {
            (Some(previous_raw), Some(open)) if !bulleted => {
                let previous = previous_raw.trim();
                let next = lines.get(index + 1).map(|next| next.trim());
                let wrapped = (is_wrapped(previous_raw, raw, width)
                    || (previous_was_wrapped && fills_its_line(previous_raw, width)))
                    && !is_element_after_a_paragraph(previous, line, next, width)
                    && !is_dateline(line);
                let continues = wrapped
                    || goes_on(previous, line)
                    || quotation.goes_on(previous, line)
                    || (width.is_none() && is_linked_words(&open.text, line, next));
                (wrapped, continues)
            }
            (None, Some(open)) if !bulleted => {
                let continues = is_labels_value(&open.text, line)
                    || quotation.goes_on_after_blank(&open.text, line);
                (false, continues)
            }
            _ => (false, false),
        };
        match (&mut open, continues) {
            (Some(paragraph), true) => {
                quotation.read(line);
                join_line(&mut paragraph.text, line, &hyphenated);
            }
            _ => {
                quotation = Quotation::default();
                quotation.read(line);
                paragraphs.extend(open.take());
                open = Some(Paragraph {
                    text: item,
                    line: index + 1,
                    after_blank,
                });
            }
        }
        previous = Some(raw);
        previous_was_wrapped = wrapped;
        after_blank = false;
    }
    paragraphs.extend(open);
    paragraphs
}

/// The column width the text is wrapped at, or `None` when its lines are not wrapped.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let lengths: Vec<usize> = lines
        .iter()
        .map(|line| line.chars().count())
        .filter(|&length| length >= MIN_MEASURED_LENGTH)
        .collect();
    let measured = lengths.len();
    if measured < MIN_WRAPPED_LINES {
        return None;
    }
    let mut sorted = lengths;
    sorted.sort_unstable();
    // The width is the longest line once the few overlong ones are set aside.
    let overlong_allowed = (measured as f64 * MAX_OVERLONG_SHARE).floor() as usize;
    let width = sorted[measured - 1 - overlong_allowed.min(measured - 1)];
    if !WRAP_WIDTHS.contains(&width) {
        return None;
    }
    let in_band = sorted
        .iter()
        .filter(|&&length| length + WRAP_BAND > width && length <= width)
        .count();
    // A short article among many lines of menus may have too few lines at the margin for
    // the share; it is still wrapped when lines crowd at the margin as they never do in
    // text that is not: many more there than in the band just below it.
    let below_band = sorted
        .iter()
        .filter(|&&length| length + 2 * WRAP_BAND > width && length + WRAP_BAND <= width)
        .count();
    let crowded = in_band >= MIN_CROWDED_LINES && in_band >= MARGIN_CROWDING * below_band.max(1);
    let wrapped = in_band >= MIN_WRAPPED_LINES
        && (in_band as f64 >= measured as f64 * MIN_WRAPPED_SHARE || crowded);
    wrapped.then_some(width)
}

/// Whether `line` was broken by the wrapper: the first word of `next` would not have fitted.
fn is_wrapped(line: &str, next: &str, width: Option<usize>) -> bool {
    let Some(width) = width else {
        return false;
    };
    // A text browser prints a picture's or a link's marker ("[IMG]", "[arton1145-6eed9]")
    // on a line of its own when nothing follows it, and a picture's credit ("©Jean Martin /
    // AFP") under its caption: no wrapper put them there.
    if strip_link_markers(next).is_empty() || next.trim_start().starts_with('©') {
        return false;
    }
    let length = line.chars().count();
    let next_word = next.trim_start().split(' ').next().unwrap_or("");
    // A long first word (an address) must not pull a short line into the next one.
    length * 2 >= width && length + 1 + next_word.chars().count() > width
}

/// Columns by which the next line's first word must clearly fit on a line for the line to
/// be taken as a paragraph's last (the wrap width is measured, not known).
const CLEAR_FIT: usize = 3;

/// Whether `line`, printed right under a paragraph without a blank line, is an element of
/// its own ("Publié dans Transports", a tag list or a button under the article): the line
/// above ends a sentence, and `line` would be the paragraph's last line (the first word
/// of the line after it clearly fits on it, so no wrapper broke it there) yet ends none,
/// as a paragraph's last line does.
fn is_element_after_a_paragraph(
    previous: &str,
    line: &str,
    following: Option<&str>,
    width: Option<usize>,
) -> bool {
    let Some(width) = width else {
        return false;
    };
    let ends_with_a_full_stop = without_closing_marks(previous).ends_with(['.', '!', '?', '…']);
    let is_last_line = following.is_none_or(|following| {
        let next_word = following.split_whitespace().next().unwrap_or("");
        next_word.is_empty()
            || line.chars().count() + 1 + next_word.chars().count() + CLEAR_FIT <= width
    });
    ends_with_a_full_stop
        && is_last_line
        && !ends_a_sentence(line)
        && !line.ends_with(['»', '"', '”', ')'])
}

/// Words of a dateline ("Publié le 12/03/2024 à 10h30, mis à jour à 11h00").
const MAX_DATELINE_WORDS: usize = 12;

/// Whether `line` is a dateline ("Publié le 12/03/2024 à 10h30", "Le 12 mars 2024"): a
/// capitalised label then a number, in a few words. No wrapper breaks a sentence before
/// such a line; a page prints it under a headline however long that is.
fn is_dateline(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let labelled = first.starts_with(char::is_uppercase)
        && (DATE_LABEL_WORDS.contains(&fold(first).as_str()) || first == "Le");
    labelled
        && line.split_whitespace().nth(MAX_DATELINE_WORDS).is_none()
        && words
            .take(3)
            .any(|word| word.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether `line`, inside a wrapped paragraph, fills its line and stops mid-sentence: the
/// wrapper broke it though the next word seems to fit, as that word was glued by a no-break
/// space to the one after it ("Vladimir Poutine\u{a0}jugeant"), which the dump prints as a
/// plain space. A paragraph ends on a sentence's end, not mid-sentence at the margin.
fn fills_its_line(line: &str, width: Option<usize>) -> bool {
    width.is_some_and(|width| line.chars().count() + WRAP_BAND > width) && !ends_a_sentence(line)
}

/// Words a French sentence cannot end on: when a line ends on one, the sentence goes on.
const UNFINISHED_ENDINGS: &[&str] = &[
    "le", "la", "les", "l'", "de", "du", "des", "d'", "a", "au", "aux", "en", "par", "pour", "sur",
    "sous", "avec", "sans", "dans", "chez", "et", "ou", "mais", "que", "qu'", "qui", "dont", "ce",
    "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
    "selon", "entre", "vers", "contre", "depuis", "pendant", "lors", "afin", "the", "of", "and",
];

/// Quotation marks, opening and closing.
const QUOTE_MARKS: &[char] = &['"', '«', '»', '“', '”', '„'];

/// A line holding nothing but a quotation mark.
fn is_quote_mark(line: &str) -> bool {
    let mut characters = line.trim().chars();
    characters.next().is_some_and(|c| QUOTE_MARKS.contains(&c)) && characters.next().is_none()
}

/// The quotation marks of the paragraph read so far: whether a quotation is open in it.
/// Kept line by line, so that a long paragraph is not read again for each of its lines.
#[derive(Default)]
struct Quotation {
    /// An odd number of straight quotes ("), which open and close alike.
    straight_open: bool,
    /// French and curly opening marks not yet closed.
    depth: i32,
}

impl Quotation {
    fn read(&mut self, line: &str) {
        for character in line.chars() {
            match character {
                '"' => self.straight_open = !self.straight_open,
                '«' | '“' | '„' => self.depth += 1,
                '»' | '”' => self.depth = (self.depth - 1).max(0),
                _ => {}
            }
        }
    }

    fn is_open(&self) -> bool {
        self.straight_open || self.depth > 0
    }

    /// Whether `next`, printed after a blank line, goes on with the open quotation of
    /// `paragraph`: the quoted words after an opening mark that ends it ("un «" / "train de
    /// la paix"), or the closing mark that ends them, before the sentence goes on ("» qui
    /// réunira…"). A paragraph of a long quotation opens on its own mark: it is a paragraph
    /// of its own.
    fn goes_on_after_blank(&self, paragraph: &str, next: &str) -> bool {
        if !self.is_open() {
            return false;
        }
        if paragraph.ends_with(['«', '“', '„']) {
            return true;
        }
        next.strip_prefix(['»', '”']).is_some_and(|rest| {
            rest.is_empty()
                || rest.trim_start().starts_with(|c: char| {
                    c.is_lowercase() || matches!(c, ',' | '.' | ';' | ':' | ')')
                })
        })
    }

    /// Whether `next` goes on with the open quotation: a tree walker prints a quotation's
    /// marks apart from it (`<q>`, a quote in a link), so an opening mark alone on its line
    /// goes on with the quoted words, and a closing mark alone or before the sentence's
    /// punctuation (`", a-t-il dit`) ends them.
    fn goes_on(&self, line: &str, next: &str) -> bool {
        if !self.straight_open && self.depth == 0 {
            return false;
        }
        let closes = next.strip_prefix(QUOTE_MARKS).is_some_and(|rest| {
            rest.is_empty() || rest.trim_start().starts_with([',', '.', ';', ':', ')'])
        });
        is_quote_mark(line) || closes
    }
}

/// Words of a label printed on its own line ("Par", "Publié le", "mardi").
const MAX_LABEL_WORDS: usize = 3;

/// A short line that cannot stand alone: its last word calls for what follows ("Publié le",
/// "Par"), or it is a weekday waiting for its date. Tree walkers print such a label and its
/// value as two elements, often with a blank line between them, so a blank line after one
/// does not end it.
fn is_label(text: &str) -> bool {
    if text.split_whitespace().nth(MAX_LABEL_WORDS).is_some() || ends_a_sentence(text) {
        return false;
    }
    let last_word = text.rsplit(char::is_whitespace).next().unwrap_or("");
    let folded = fold(last_word);
    UNFINISHED_ENDINGS.contains(&folded.as_str())
        || is_weekday_name(&folded)
        || DATE_LABEL_WORDS.contains(&folded.as_str())
}

/// Whether `next`, printed after a blank line, is the value of `label`: a date or a time
/// ("26/12/2020", "il y a 2 heures") or, after "Par", a name. Anything else (a headline after
/// a "Publié le" left empty) starts a paragraph of its own.
fn is_labels_value(label: &str, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return false;
    };
    let is_byline = fold(label).ends_with("par");
    (first.is_ascii_digit() || first.is_lowercase() || is_byline) && goes_on(label, next)
}

/// Whether the sentence of `line` visibly goes on in `next` (fragments of one paragraph).
fn goes_on(line: &str, next: &str) -> bool {
    if ends_a_sentence(line) {
        return false;
    }
    let Some(first) = next.chars().next() else {
        return false;
    };
    if first.is_lowercase() && !opens_on_a_date(line, next) {
        return true;
    }
    if matches!(first, ',' | '.' | ';' | ')' | '»' | '”' | '…') {
        return true;
    }
    if matches!(first, '?' | '!' | ':') {
        return true;
    }
    // "Elle dit avoir" / "« mis en garde » le chef de l'Etat": a tree walker prints a
    // quotation inside a sentence as an element of its own, on the next line.
    if matches!(first, '«' | '“') && line.ends_with(char::is_alphanumeric) {
        return true;
    }
    // "mardi" / "10.12.19": a weekday alone goes on with its date.
    if first.is_ascii_digit() && is_weekday_name(&fold(line)) {
        return true;
    }
    let last_character = line.chars().last().unwrap_or(' ');
    let opens = matches!(last_character, ',' | '«' | '(' | '\'' | '’' | '“');
    opens || ends_on_unfinished_word(line)
}

/// Whether `line` ends on a word a French sentence cannot end on ("… aura lieu le").
fn ends_on_unfinished_word(line: &str) -> bool {
    let last_word = line
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    UNFINISHED_ENDINGS.contains(&fold(last_word).as_str()) && !is_acronym(line, last_word)
}

/// Whether `next`, opening in lower case, is a date line of its own rather than the rest of
/// the sentence of `line`: a date written month first ("juin 18, 2024"), or a weekday and
/// its full date ("mardi 12 mars 2024") under a line that does not stop mid-sentence (the
/// name of a byline, not "La réunion aura lieu le").
fn opens_on_a_date(line: &str, next: &str) -> bool {
    opens_on_month_first_date(next)
        || (opens_on_weekday_and_full_date(next) && !ends_on_unfinished_word(line))
}

/// Whether the word, in capitals on a line that has lower case, is an acronym ("10:30 CET",
/// "Renault SA") rather than the word it spells ("cet", "sa").
fn is_acronym(line: &str, word: &str) -> bool {
    word.chars().count() >= 2
        && !word.chars().any(char::is_lowercase)
        && line.chars().any(char::is_lowercase)
}

/// Words a paragraph has before a link a tree walker printed apart from it.
const MIN_WORDS_BEFORE_LINK: usize = 15;

/// Whether `line` is words a tree walker printed apart from the sentence of `paragraph`
/// because they are a link or an emphasis ("…au lendemain d'un discours du président" /
/// "Vladimir Poutine jugeant que…" / "«mondiale»."): the paragraph, a long sentence with a
/// comma or a full stop inside, stops on a word, and the line, starting on a capital,
/// visibly goes on in the next one. A headline and the text under it, or two list entries,
/// do not all.
fn is_linked_words(paragraph: &str, line: &str, next: Option<&str>) -> bool {
    line.starts_with(char::is_uppercase)
        && paragraph.ends_with(char::is_alphabetic)
        && next.is_some_and(|next| goes_on(line, next))
        && (paragraph.contains(", ") || paragraph.contains(". "))
        && paragraph
            .split_whitespace()
            .nth(MIN_WORDS_BEFORE_LINK - 1)
            .is_some()
}

fn ends_a_sentence(line: &str) -> bool {
    without_closing_marks(line).ends_with(['.', '!', '?', '…', ':', ';'])
}

/// The line without the closing quotes, brackets and spaces after its last word or mark.
fn without_closing_marks(line: &str) -> &str {
    line.trim_end_matches(['»', '"', '”', ')', ' ', '\u{A0}', '\u{202F}'])
}

/// Appends a continuation line to a paragraph, repairing a word cut at the line end.
fn join_line(paragraph: &mut String, line: &str, hyphenated: &HyphenEvidence) {
    if let Some(head) = cut_word_head(paragraph) {
        let tail: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
        if !tail.is_empty() {
            let is_cut_word =
                tail.starts_with(char::is_lowercase) && !hyphenated.keeps_hyphen(&head, &tail);
            if is_cut_word {
                paragraph.pop();
            }
            paragraph.push_str(line);
            return;
        }
    }
    if !paragraph.ends_with(['\'', '’']) {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

/// The letters before a line-end hyphen ("gouverne" of "le gouverne-"), if the line ends so.
fn cut_word_head(paragraph: &str) -> Option<String> {
    let before = paragraph.strip_suffix('-')?;
    let head: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    head.chars()
        .last()
        .is_some_and(char::is_alphabetic)
        .then_some(head)
}

/// Second parts that make a compound, never a cut word: "a-t-il", "celle-ci", "lui-même".
const COMPOUND_TAILS: &[&str] = &[
    "il", "elle", "ils", "elles", "on", "je", "tu", "nous", "vous", "t", "la", "le", "les", "lui",
    "leur", "moi", "toi", "eux", "ci", "meme", "memes", "y", "en", "ce",
];

/// First parts that make a compound: "nord-coréens", "ex-ministre", "franco-allemand".
const COMPOUND_HEADS: &[&str] = &[
    "nord",
    "sud",
    "est",
    "ouest",
    "ex",
    "anti",
    "non",
    "post",
    "pre",
    "vice",
    "demi",
    "mi",
    "semi",
    "neo",
    "extra",
    "ultra",
    "contre",
    "sous",
    "grand",
    "grande",
    "arriere",
    "avant",
    "apres",
    "porte",
    "micro",
    "macro",
    "multi",
    "inter",
    "intra",
    "auto",
    "co",
    "euro",
    "franco",
    "anglo",
    "germano",
    "italo",
    "russo",
    "sino",
    "afro",
    "israelo",
    "arabo",
    "americano",
    "socio",
    "politico",
    "medico",
    "technico",
    "economico",
    "pseudo",
    "quasi",
    "peut",
    "c'est",
    "au",
    "vis",
    "va",
    "ouvre",
    "garde",
    "tire",
    "lave",
    "sans",
    "belle",
    "beau",
    "petit",
    "petite",
    "arriere",
    "bien",
    "mal",
    "plus",
    "moins",
    "haut",
    "mini",
    "maxi",
    "super",
    "hyper",
    "cyber",
    "bio",
    "eco",
    "geo",
    "tele",
    "radio",
    "photo",
];

/// What the page itself says about hyphens: the words it writes with one.
struct HyphenEvidence {
    /// Folded hyphenated words ("nord-coreens") and their joined forms ("nordcoreens") seen
    /// whole on a line, each marked with whether the hyphen was written.
    hyphenated: HashSet<String>,
    joined: HashSet<String>,
}

impl HyphenEvidence {
    fn of(text: &str) -> HyphenEvidence {
        let mut hyphenated = HashSet::new();
        let mut joined = HashSet::new();
        // Most pages cut no word at a line end: then there is nothing to look up.
        let cuts_words = text
            .lines()
            .any(|line| cut_word_head(line.trim_end()).is_some());
        for line in text.lines().filter(|_| cuts_words) {
            let words: Vec<&str> = line
                .split(|c: char| !(c.is_alphabetic() || c == '-'))
                .filter(|word| !word.is_empty())
                .collect();
            let last = words.len().saturating_sub(1);
            for (position, word) in words.iter().enumerate() {
                // The last word of a line may itself be cut: it is no evidence.
                if position == last && line.trim_end().ends_with('-') {
                    continue;
                }
                let word = word.trim_matches('-');
                if word.contains('-') {
                    hyphenated.insert(fold(word));
                } else if word.chars().count() >= 5 {
                    joined.insert(fold(word));
                }
            }
        }
        HyphenEvidence { hyphenated, joined }
    }

    /// Whether `head-` at a line end and `tail` on the next line make a hyphenated word.
    fn keeps_hyphen(&self, head: &str, tail: &str) -> bool {
        let last_part = head.rsplit('-').next().unwrap_or(head);
        let (head, tail, last_part) = (fold(head), fold(tail), fold(last_part));
        if self.hyphenated.contains(&format!("{head}-{tail}")) {
            return true;
        }
        if self.joined.contains(&format!("{last_part}{tail}")) {
            return false;
        }
        COMPOUND_TAILS.contains(&tail.as_str())
            || COMPOUND_HEADS.contains(&last_part.as_str())
            || head.contains('-')
    }
}

/// Bullets of lists as dumps print them: "•", "◦", "▪", "□", "*", "+", "-", "o"…
const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '□', '■', '‣', '·', '►', '*', '+', '-', '–', '—', 'o', '#', '@',
];

/// The line with its bullet written as "• ", and whether it had one.
fn normalise_bullet(line: &str) -> (String, bool) {
    let mut characters = line.chars();
    if let (Some(first), Some(' ')) = (characters.next(), characters.next()) {
        if BULLETS.contains(&first) {
            let rest = line[first.len_utf8() + 1..].trim_start();
            return (format!("• {rest}"), true);
        }
    }
    if line == "•" {
        return ("•".to_string(), true);
    }
    (line.to_string(), is_numbered_item(line))
}

/// "1. Accueil", "2) Politique": an item of a numbered list.
fn is_numbered_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && matches!(line[digits..].chars().next(), Some('.' | ')'))
        && line[digits + 1..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        paragraphs(text).into_iter().map(|p| p.text).collect()
    }

    const WRAPPED: &str = "\
Le Sénat adopte le budget

Le Sénat a adopté mardi soir le projet de loi de finances pour l'année prochaine, après
trois semaines de débats souvent houleux entre la majorité sénatoriale et le gouvernement
de Michel Barnier, qui avait engagé sa responsabilité.

Les sénateurs ont voté le texte par 190 voix contre 109, une majorité plus large que prévu
selon les observateurs, qui attendaient une abstention massive du groupe centriste au
moment du scrutin solennel.
";

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let found = texts(WRAPPED);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[0], "Le Sénat adopte le budget");
        assert!(found[1].starts_with("Le Sénat a adopté"));
        assert!(found[1].contains("l'année prochaine, après trois semaines"));
        assert!(found[1].ends_with("sa responsabilité."));
        assert!(found[2].contains("prévu selon les observateurs"));
    }

    /// A dump may print the element under a paragraph right under its last line: a line
    /// that a wrapper did not break and that ends no sentence, after a sentence's end, is
    /// an element of its own.
    #[test]
    fn an_element_right_under_a_wrapped_paragraph_stays_apart() {
        // The paragraph's last line is as long as its others: "Publié" would not have
        // fitted after it.
        let text = format!(
            "{}\n{}\nPublié dans Transports, Lyon\nArticle précédent Le périphérique bientôt gratuit ?\n",
            WRAPPED.trim_end(),
            "Les débats reprendront à l'Assemblée nationale dès lundi, pour une lecture définitive."
        );
        let found = texts(&text);
        let last = found
            .iter()
            .position(|p| p.ends_with("lecture définitive."));
        assert!(last.is_some(), "{found:#?}");
        assert_eq!(found[last.unwrap() + 1], "Publié dans Transports, Lyon");
    }

    /// A dateline under a headline as long as the wrapped lines stays apart from it.
    #[test]
    fn a_dateline_under_a_long_headline_stays_apart() {
        let headline = "Le Sénat adopte le budget après trois semaines de débats houleux au Palais du Luxembourg";
        let text = format!("{headline}\nPublié le 12/03/2024 à 10h30\n\n{}", WRAPPED);
        let found = texts(&text);
        assert_eq!(
            found[..2],
            [headline, "Publié le 12/03/2024 à 10h30"],
            "{found:#?}"
        );
        // Without a date it is the wrapped line's end.
        let wrapped = text.replace(
            "Publié le 12/03/2024 à 10h30",
            "Publié au Journal officiel.",
        );
        assert_eq!(
            texts(&wrapped)[0],
            format!("{headline} Publié au Journal officiel.")
        );
    }

    /// A date written month first opens in lower case without going on with the line above.
    #[test]
    fn a_month_first_date_is_a_line_of_its_own() {
        assert_eq!(
            texts("La rénovation du tunnel prendra deux ans de plus\njuin 18, 2024\nLa métropole de Lyon a reconnu mardi un retard."),
            [
                "La rénovation du tunnel prendra deux ans de plus",
                "juin 18, 2024",
                "La métropole de Lyon a reconnu mardi un retard."
            ]
        );
        assert_eq!(
            texts("La rénovation du tunnel prendra\njuin prochain le relais"),
            ["La rénovation du tunnel prendra juin prochain le relais"]
        );
    }

    /// A weekday and its date under a byline's name is the header's date line; under a line
    /// stopping mid-sentence it goes on with it.
    #[test]
    fn a_weekday_and_its_date_is_a_line_of_its_own() {
        assert_eq!(
            texts("Jeanne Martin\nmardi 12 mars 2024 à 10:30"),
            ["Jeanne Martin", "mardi 12 mars 2024 à 10:30"]
        );
        assert_eq!(
            texts("La séance du conseil aura lieu le\nmardi 12 mars 2024 à la mairie."),
            ["La séance du conseil aura lieu le mardi 12 mars 2024 à la mairie."]
        );
        assert_eq!(
            texts("Le maire a répondu\nmardi que rien ne changerait."),
            ["Le maire a répondu mardi que rien ne changerait."]
        );
        assert_eq!(
            texts("Une conférence de presse\nmercredi 11 septembre à 13h"),
            ["Une conférence de presse mercredi 11 septembre à 13h"]
        );
    }

    /// A line ending on a word that calls for more goes on, unless the word is an acronym
    /// spelling it: the time zone after a time is not the determiner "cet".
    #[test]
    fn a_line_ending_on_an_acronym_is_finished() {
        assert_eq!(
            texts("Publié le 12/03/2024 à 10:30 CET\nPar Jeanne Martin\n"),
            ["Publié le 12/03/2024 à 10:30 CET", "Par Jeanne Martin"]
        );
        assert_eq!(
            texts("Le ministre a reçu cet\nAprès-midi les syndicats\n"),
            ["Le ministre a reçu cet Après-midi les syndicats"]
        );
    }

    /// A short wrapped article below many lines of menus: too few of the page's lines reach
    /// the margin for their share, but they crowd there as only wrapped lines do.
    #[test]
    fn a_short_wrapped_article_among_menus_is_joined() {
        let menus: String = (0..40)
            .map(|i| format!("Rubrique {i} : {}\n", "les nouvelles ".repeat(1 + i % 3)))
            .collect();
        let sentence = "Les sénateurs ont voté le texte par une majorité plus large que prévu. ";
        let mut article = String::new();
        let mut line = String::new();
        for word in sentence.repeat(12).split_whitespace() {
            if line.chars().count() + 1 + word.chars().count() > 80 {
                article.push_str(&line);
                article.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        article.push_str(&line);
        let text = format!("{menus}\n{article}\n");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(wrap_width(&lines), Some(80));
        let found = texts(&text);
        assert!(found.last().unwrap().starts_with("Les sénateurs ont voté"));
        assert_eq!(found.last().unwrap().matches("Les sénateurs").count(), 12);
        // Lines spread over the widths below the longest are not wrapped.
        let unwrapped: String = (0..40)
            .map(|i| format!("Une phrase {}.\n", "assez longue ".repeat(3 + i % 6)))
            .collect();
        let lines: Vec<&str> = unwrapped.lines().collect();
        assert_eq!(wrap_width(&lines), None);
    }

    #[test]
    fn paragraphs_know_their_first_line() {
        let found = paragraphs(WRAPPED);
        assert_eq!(found.iter().map(|p| p.line).collect::<Vec<_>>(), [1, 3, 7]);
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        let text = "Un titre d'article\nUne première phrase assez longue pour compter dans la mesure des lignes du texte.\nUne deuxième phrase, elle aussi assez longue pour compter dans la mesure.\nEncore une ligne qui termine le texte sans rien de plus que du contenu.\n";
        assert_eq!(texts(text).len(), 4);
    }

    #[test]
    fn list_items_stay_apart() {
        let text = "\
Le gouvernement a présenté les mesures suivantes lors de la conférence de presse de ce
matin :
  • la hausse du salaire minimum de deux pour cent à compter du premier janvier prochain
    pour tous les salariés ;
  • le gel des loyers ;
  * la baisse de la TVA.
";
        let found = texts(text);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(found[0].ends_with("ce matin :"));
        assert_eq!(
            found[1],
            "• la hausse du salaire minimum de deux pour cent à compter du premier janvier prochain pour tous les salariés ;"
        );
        assert_eq!(found[3], "• la baisse de la TVA.");
    }

    #[test]
    fn fragments_of_a_sentence_are_glued() {
        assert_eq!(
            texts("Opinion\nMardi\n10.12.19\nUn titre"),
            ["Opinion", "Mardi 10.12.19", "Un titre"]
        );
        let text = "Vous voulez communiquer un\nrenseignement\nou vous avez repéré une\nerreur\n?\nPolitique\nSuisse romande\nPar\nJeanne Martin\n";
        assert_eq!(
            texts(text),
            [
                "Vous voulez communiquer un renseignement ou vous avez repéré une erreur ?",
                "Politique",
                "Suisse romande",
                "Par Jeanne Martin",
            ]
        );
    }

    /// Quotation marks a tree walker prints on lines of their own stay with the quotation.
    /// A quoted title printed as an element of its own, blank lines around it, stays in its
    /// sentence; a long quotation's next paragraph, opening on its own mark, and a headline
    /// after a paragraph left with an open mark start paragraphs of their own.
    #[test]
    fn a_quotation_goes_on_across_blank_lines() {
        let quoted = "Il prépare pour l'an prochain un «\n\ntrain de la paix\n\n» qui réunira des écrivains de chaque pays.\n\nSon roman paraît en France.\n";
        assert_eq!(
            texts(quoted),
            [
                "Il prépare pour l'an prochain un « train de la paix » qui réunira des écrivains de chaque pays.",
                "Son roman paraît en France."
            ]
        );
        let long = "« Nous avons tout essayé pendant des mois, raconte-t-il.\n\n« Rien n'a marché, et personne ne nous a aidés. »\n";
        assert_eq!(texts(long).len(), 2);
        let unclosed = "Le ministre a promis « une réponse rapide aux agriculteurs\n\nLa colère des agriculteurs ne retombe pas\n";
        assert_eq!(texts(unclosed).len(), 2);
    }

    /// A quotation a tree walker prints on its own line, inside a sentence, stays in it; a
    /// finished sentence before a quotation ends its paragraph.
    #[test]
    fn a_quotation_on_its_own_line_stays_in_its_sentence() {
        let text = "Elle dit avoir\n« mis en garde »\nle ministre contre la réforme.\nIl a répondu.\n« Nous ne reculerons pas », a-t-il dit.\n";
        assert_eq!(
            texts(text),
            [
                "Elle dit avoir « mis en garde » le ministre contre la réforme.",
                "Il a répondu.",
                "« Nous ne reculerons pas », a-t-il dit.",
            ]
        );
    }

    /// A link a tree walker prints on its own line, inside a long sentence that visibly
    /// goes on after it, stays in the sentence; a headline over the text does not join it.
    #[test]
    fn a_link_printed_apart_stays_in_its_sentence() {
        let text = "La Russie a affirmé vendredi avoir fait échouer la campagne ukrainienne, au lendemain d'un discours du président\nVladimir Poutine\njugeant le conflit mondial.\n";
        assert_eq!(
            texts(text),
            ["La Russie a affirmé vendredi avoir fait échouer la campagne ukrainienne, au lendemain d'un discours du président Vladimir Poutine jugeant le conflit mondial."]
        );
        for headline in [
            "La Russie affirme avoir fait échouer la campagne militaire ukrainienne pour cette année",
            "Guerre en Ukraine, la Russie affirme avoir fait échouer la campagne de Kiev",
        ] {
            let page = format!("{headline}\nMoscou salue une avancée\ndes forces russes sur le front.\n");
            assert_eq!(texts(&page).len(), 2, "{:?}", texts(&page));
        }
    }

    #[test]
    fn quotation_marks_printed_apart_stay_with_the_quotation() {
        let text = "\"\nUn point, ce n'est pas le pire des résultats\n\", a admis l'entraîneur, \"\nnous avons eu des occasions.\n\"\nLe nul doit beaucoup au milieu de terrain.\n";
        let found = texts(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[0].starts_with('"') && found[0].ends_with('"'),
            "{}",
            found[0]
        );
        assert!(found[0].contains("résultats \", a admis"), "{}", found[0]);
        assert_eq!(found[1], "Le nul doit beaucoup au milieu de terrain.");
    }

    /// A tree walker's dump prints a label and its value as two elements, a blank line
    /// between them: they are one line again; a label followed by no value is left alone.
    #[test]
    fn a_label_goes_on_across_a_blank_line() {
        let text = "Publié le\n\n26/12/2020 à 21:00\n\nmardi\n\n10.12.19\n\nPar\n\nJeanne Martin\n\nPublié\n\nil y a 2 heures\n\nPublié le\n\nUn titre d'article\n";
        assert_eq!(
            texts(text),
            [
                "Publié le 26/12/2020 à 21:00",
                "mardi 10.12.19",
                "Par Jeanne Martin",
                "Publié il y a 2 heures",
                "Publié le",
                "Un titre d'article",
            ]
        );
        let found = paragraphs(text);
        assert!(found.iter().all(|paragraph| paragraph.after_blank));
        assert_eq!(texts("Politique\n\nla suite\n"), ["Politique", "la suite"]);
        // Every word that labels a date on a date line labels it here too.
        assert_eq!(
            texts("Date de publication\n\nil y a 2 heures\n"),
            ["Date de publication il y a 2 heures"]
        );
    }

    fn wrapped_around(head: &str, tail: &str, elsewhere: &str) -> String {
        let filler = "Une ligne de remplissage qui a la longueur d'une ligne coupée à la marge";
        let kept: String = filler
            .chars()
            .take(filler.chars().count() - head.chars().count() - 1)
            .collect();
        let first = format!("{kept} {head}");
        let text = format!(
            "{first}\n{tail} suite du paragraphe jusqu'au bout de la ligne pour la mesure.\n{filler}\n{filler}\n\n{elsewhere}\n"
        );
        texts(&text)[0].clone()
    }

    #[test]
    fn words_cut_at_a_line_end_are_repaired() {
        let joined = wrapped_around("gouverne-", "ment", "");
        assert!(joined.contains(" gouvernement suite"), "{joined}");
        let compound = wrapped_around("nord-", "coréens", "");
        assert!(compound.contains(" nord-coréens suite"), "{compound}");
        let pronoun = wrapped_around("a-t-", "il", "");
        assert!(pronoun.contains(" a-t-il suite"), "{pronoun}");
        let seen_hyphenated = wrapped_around("porte-", "parole", "Le porte-parole a parlé.");
        assert!(
            seen_hyphenated.contains(" porte-parole suite"),
            "{seen_hyphenated}"
        );
        let seen_joined = wrapped_around("inter-", "nationale", "Une affaire internationale.");
        assert!(
            seen_joined.contains(" internationale suite"),
            "{seen_joined}"
        );
    }

    #[test]
    fn a_word_glued_by_a_no_break_space_does_not_end_the_paragraph() {
        // "Macron" and "estimant" were glued by a no-break space, printed as a space: they did
        // not fit on the second line together, though "Macron" alone would have.
        let text = "\
Le gouvernement a présenté mercredi son plan d'économies pour l'année prochaine,
au lendemain d'une réunion tendue à l'Élysée avec le président Emmanuel
Macron estimant que l'effort demandé aux collectivités restait supportable
malgré la hausse des taux.
Des élus locaux ont aussitôt dénoncé un transfert de charges vers les communes,
qui devront financer seules la rénovation des écoles et des vieux gymnases.
Le budget de la défense
Les crédits militaires progressent de trois milliards d'euros l'an prochain.
";
        let found = texts(text);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(found[0].contains("Emmanuel Macron estimant"), "{found:#?}");
        assert!(found[0].ends_with("la hausse des taux."));
        // A paragraph reaching the margin on a full stop ends there.
        assert!(found[1].ends_with("des vieux gymnases."), "{found:#?}");
        assert_eq!(found[2], "Le budget de la défense");
    }

    #[test]
    fn a_short_line_before_a_long_word_is_not_wrapped() {
        assert!(!is_wrapped(
            "Voir",
            "https://exemple.fr/une/adresse/tres/longue/qui/ne/tient/pas/sur/la/ligne",
            Some(80)
        ));
        // A line reaching the margin before a picture's name printed alone.
        let line = "Infos Locales Féminismes/Genres/Sexualités Justice / Police / Médias";
        assert!(!is_wrapped(line, "[arton1145-6eed9]", Some(72)));
        assert!(is_wrapped(line, "Logement et squats", Some(72)));
        // A caption reaching the margin before its picture's credit.
        let caption = "Le pape a fustigé des attitudes de \"fermeture\" pointant le risque du déclenchement d'une guerre.";
        assert!(!is_wrapped(caption, "©Filippo MONTEFORTE / AFP", Some(100)));
        assert!(is_wrapped(caption, "Filippo MONTEFORTE / AFP", Some(100)));
    }

    #[test]
    fn numbered_and_lynx_bullets() {
        assert_eq!(
            normalise_bullet("1. Accueil"),
            ("1. Accueil".to_string(), true)
        );
        assert_eq!(
            normalise_bullet("+ Comparatif"),
            ("• Comparatif".to_string(), true)
        );
        assert_eq!(normalise_bullet("o Monde"), ("• Monde".to_string(), true));
        assert_eq!(normalise_bullet("-50 %"), ("-50 %".to_string(), false));
        assert_eq!(
            normalise_bullet("2024 fut"),
            ("2024 fut".to_string(), false)
        );
    }
}
