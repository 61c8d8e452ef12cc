//! Raw scraped page text (.txt): the article's title, date, category, author and body, found among menus, related lists and footers.
//!
//! A scraped page is a column of lines. The article is the densest run of prose lines
//! (the *main block*); its title is the nearest headline above it (preferring a line the
//! page repeats, as pages print their headline more than once); the *header zone* between
//! the title's first appearance and the block holds the date, category and byline; the
//! *footer zone* right after the block may hold them too. Everything else — menus, date
//! banners, "Articles récents", share bars, login forms — is not read.

use std::collections::HashSet;
use std::ops::Range;

use crate::article::PublicationDate;
use crate::date::Date;

use super::headline::{
    best_echoed, echo_shares, is_too_short_to_judge, Candidate, FoldedArticle, PageTitle,
};
use super::numbered_links::without_numbered_links;
use super::page_lines::{
    header_parts, is_account_prompt, is_boundary, is_credited_caption, is_day_and_month_line,
    is_noise, is_printed_twice, is_prose, is_related_link, is_signed_item_header, is_widget,
    remove_inline_markers, strip_bullet, strip_link_markers,
};
use super::paragraphs::paragraphs;
use crate::analysis::fold::fold;
use crate::extract::clues::byline::byline_author;
use crate::extract::clues::french_date::{
    find_dates, find_labelled_dates, DateMention, DATE_LABEL_WORDS,
};
use crate::extract::clues::page_address::{address_day, stated_address};
use crate::extract::clues::section::stated_category;
use crate::extract::clues::Clues;
use crate::extract::page::PageFields;

/// Non-prose lines (not counting blank ones) that may separate two paragraphs of one article:
/// subheadings, captions, an inserted "Lire aussi" box.
const MAX_GAP_IN_ARTICLE: usize = 4;
/// Lines of a box of short lines (a sign-in prompt, a share bar, tags) that may separate two
/// paragraphs of one article…
const MAX_BOX_LINES: usize = 8;
/// …each line of it having at most this many words.
const MAX_BOX_LINE_WORDS: usize = 8;
/// Words of a sentence that makes a line a caption when more text follows it.
const MIN_SENTENCE_WORDS: usize = 8;
/// How many times less an item of a list of dated items weighs than a text of its size.
const LIST_ITEM_DISCOUNT: usize = 2;
/// Non-blank lines above a list's item that may hold its date ("- 23/09/2019" / "Écouter").
const ITEM_HEADER_LINES: usize = 3;
/// How far above the main block a headline is looked for.
const TITLE_WINDOW: usize = 80;
/// How many non-blank lines under a headline may carry its date or byline.
const HEADER_LINES: usize = 6;
/// Words of a header line that states a date among other things (site, byline, update).
const MAX_HEADER_LINE_WORDS: usize = 30;
/// How many non-blank lines after the main block may carry a byline, a date or a category.
const FOOTER_LINES: usize = 8;
/// Links a "Lire aussi" box may list before the article's prose resumes.
const MAX_WIDGET_LINES: usize = 3;
/// Paragraphs of prose at the start of the article that a date line may come among.
const LEAD_PARAGRAPHS: usize = 3;
/// Paragraphs of a lede (chapô) under a headline.
const MAX_LEDE_PARAGRAPHS: usize = 2;
/// A lede is about its article: at least this share of its content words come back in the
/// article's text (a related article's teaser under a misread headline shares few).
const MIN_LEDE_ECHO: f64 = 0.4;
/// Lines above the title's first appearance that may state its category ("International").
const KICKER_LINES: usize = 3;

/// Reads the article in a scraped page. `today` bounds the year inferred for dates such as
/// "ce lundi 21 octobre".
pub(crate) fn read_page(text: &str, today: Date) -> (PageFields, Clues) {
    let text = without_numbered_links(text);
    let paragraph_lines = paragraph_lines(&text);
    let lines: Vec<&str> = paragraph_lines.iter().map(|line| line.trim()).collect();
    let Some((block, boxes)) = main_block(&lines, today) else {
        return read_page_without_prose(&lines, today);
    };
    // The boxes inside the block, counted from its first line.
    let boxes: Vec<Range<usize>> = boxes
        .into_iter()
        .filter(|found| block.contains(&found.start))
        .map(|found| found.start - block.start..found.end - block.start)
        .collect();
    if article_body(&lines[block.clone()], &boxes, None).is_empty() {
        // Its prose is all menus and form fields: the text is kept whole rather than dropped.
        return read_note(&lines, today);
    }
    let article = FoldedArticle::of(&lines[block.clone()]);
    let title = find_title(&lines, &block, &article, today);
    let lede = title.as_ref().map_or_else(Vec::new, |found| {
        lede(&lines, found.first_index, &block, &article, today)
    });
    let header_start = title
        .as_ref()
        .map_or(block.start, |found| found.first_index + 1);
    let header = header_start..block.start;
    let footer = footer_zone(&lines, block.end);
    let kicker = title.as_ref().map_or(block.start..block.start, |found| {
        found.first_index.saturating_sub(KICKER_LINES)..found.first_index
    });
    let title_clue = title.as_ref().map(|found| found.clue);
    let title_text = title.map(|found| found.text);
    let in_zones = |zones: &[&Range<usize>]| -> Vec<&str> {
        zones
            .iter()
            .flat_map(|zone| lines[(*zone).clone()].iter().copied())
            .collect()
    };
    let address = stated_address(&lines);
    let date = publication_date(&lines, &header, &footer, &kicker, &block, address, today);
    let category = in_zones(&[&header, &kicker, &footer])
        .into_iter()
        .find_map(stated_category);
    let author = in_zones(&[&header, &footer]).into_iter().find_map(|line| {
        byline_author(line).or_else(|| header_parts(line)?.into_iter().find_map(byline_author))
    });
    let clues = Clues {
        title: title_clue,
        date: date.map(|(_, clue)| clue),
        category: category
            .as_ref()
            .map(|_| "a section named near the headline"),
        author: author.as_ref().map(|_| "a byline near the headline"),
    };
    let fields = PageFields {
        date: date.map(|(date, _)| date),
        category,
        author,
        body: with_lede(
            &lines,
            &lede,
            article_body(&lines[block], &boxes, title_text.as_deref()),
        ),
        title: title_text,
        url: address.map(str::to_string),
        ..PageFields::default()
    };
    (fields, clues)
}

/// The lede (chapô) news pages print right under their headline, above the byline, the date
/// and the photo: one or two paragraphs of prose, the first lines under the headline (or
/// under a second headline line, when the title found is the kicker above it), about what
/// the article says. Its indexes, in order; none when the lines under the headline are not
/// such prose.
fn lede(
    lines: &[&str],
    title_index: usize,
    block: &Range<usize>,
    article: &FoldedArticle,
    today: Date,
) -> Vec<usize> {
    let mut under = (title_index + 1..block.start)
        .filter(|&index| !lines[index].is_empty())
        .peekable();
    under.next_if(|&index| is_headline(lines[index], today));
    let mut lede = Vec::new();
    while let Some(index) = under.next().filter(|_| lede.len() < MAX_LEDE_PARAGRAPHS) {
        let line = lines[index];
        // A photo's text may be printed twice over, exactly (its alternative text, then
        // its caption): unlike a headline, a lede is printed once.
        let printed_again = under
            .peek()
            .is_some_and(|&after| lines[after].starts_with(line));
        let is_caption = printed_again
            || is_image_caption(lines, index)
            || is_credited_caption(line)
            || has_date_after_words(line, today);
        if !is_article_prose(line, today) || is_caption {
            break;
        }
        lede.push(index);
    }
    let texts: Vec<&str> = lede.iter().map(|&index| lines[index]).collect();
    let shares = echo_shares(&texts, article);
    lede.into_iter()
        .zip(shares)
        .filter(|&(_, share)| share >= MIN_LEDE_ECHO)
        .map(|(index, _)| index)
        .collect()
}

/// The article's body with its lede first, unless the body already holds it.
fn with_lede(lines: &[&str], lede: &[usize], body: String) -> String {
    let mut paragraphs: Vec<String> = lede
        .iter()
        .map(|&index| remove_inline_markers(lines[index]))
        .filter(|paragraph| !body.contains(paragraph.as_str()))
        .collect();
    if paragraphs.is_empty() {
        return body;
    }
    if !body.is_empty() {
        paragraphs.push(body);
    }
    paragraphs.join("\n\n")
}

/// The page as one line per paragraph, a blank line where the page had one.
fn paragraph_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (index, paragraph) in paragraphs(text).into_iter().enumerate() {
        if paragraph.after_blank && index > 0 {
            lines.push(String::new());
        }
        let text = strip_link_markers(&paragraph.text);
        if !text.is_empty() {
            lines.push(text.to_string());
        }
    }
    lines
}

/// The run of prose lines with the most text, as a range of line indexes, and the boxes of
/// short lines it was allowed to run across (anywhere on the page).
fn main_block(lines: &[&str], today: Date) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    let (runs, boxes) = prose_runs(lines, today);
    let mut best = None;
    for (index, run) in runs.iter().enumerate() {
        let listed = index > 0
            && runs.get(index + 1).is_some_and(|next| {
                is_dated_list_item(lines, [&runs[index - 1].0, &run.0, &next.0], today)
            });
        best = better_run(best, run.clone(), listed, lines, today);
    }
    best.map(|(range, _)| (range, boxes))
}

/// A run of prose lines, as a range of line indexes, and its size (the length of its prose).
type Run = (Range<usize>, usize);

/// The runs of prose lines of the page, each with its size, and the boxes of short lines
/// they were allowed to run across.
fn prose_runs(lines: &[&str], today: Date) -> (Vec<Run>, Vec<Range<usize>>) {
    let mut boxes = Vec::new();
    let mut runs = Vec::new();
    let mut current: Option<Run> = None;
    let mut gap = 0;
    // Whether every line of the gap is short: a box inside the article rather than a list.
    let mut gap_is_box = true;
    for (index, line) in lines.iter().enumerate() {
        // A sign-in box inside the article ends on its button, and the article goes on
        // right after it; a login form after the article follows its prompt.
        if is_boundary(line) {
            let ends_a_box = current.is_some()
                && gap > 0
                && is_account_prompt(line)
                && lines[index + 1..]
                    .iter()
                    .find(|next| !next.is_empty())
                    .is_some_and(|next| is_article_prose(next, today));
            if !ends_a_box {
                runs.extend(current.take());
                continue;
            }
        }
        if is_article_prose(line, today) {
            let joins = gap <= MAX_GAP_IN_ARTICLE || (gap_is_box && gap <= MAX_BOX_LINES);
            current = match current.take() {
                Some((range, size)) if joins => {
                    if gap > MAX_GAP_IN_ARTICLE {
                        boxes.push(range.end..index);
                    }
                    Some((range.start..index + 1, size + line.len()))
                }
                previous => {
                    runs.extend(previous);
                    Some((index..index + 1, line.len()))
                }
            };
            gap = 0;
            gap_is_box = true;
        } else if !line.is_empty() {
            gap += 1;
            // A date or a byline among short lines is an article's header, which starts
            // another text, not a box inside one. Only a gap after a run and still short
            // enough to be a box is looked at: most lines of a page (menus) are not.
            gap_is_box = gap_is_box
                && current.is_some()
                && gap <= MAX_BOX_LINES
                && line.split_whitespace().count() <= MAX_BOX_LINE_WORDS
                && date_line(line, today).is_none()
                && byline_author(line).is_none();
        }
    }
    runs.extend(current);
    (runs, boxes)
}

/// Whether the middle one of three runs of prose is an item of a list of dated items: it
/// opens right under a date line (a teaser under its headline and date, a comment under
/// its header), as does the run after it, and the run before it is dated too, each a few
/// lines from the next. Items whose headers set them further apart than an article's
/// paragraphs are runs of their own, with no date inside; an article states its date once,
/// above its text, and is not printed between two dated items.
fn is_dated_list_item(
    lines: &[&str],
    [previous, run, next]: [&Range<usize>; 3],
    today: Date,
) -> bool {
    let near = |before: &Range<usize>, after: &Range<usize>| {
        lines[before.end..after.start]
            .iter()
            .filter(|line| !line.is_empty())
            .count()
            <= MAX_BOX_LINES
    };
    near(previous, run)
        && near(run, next)
        && opens_under_a_date(lines, run.start, today)
        && opens_under_a_date(lines, next.start, today)
        && (opens_under_a_date(lines, previous.start, today)
            || previous
                .clone()
                .any(|index| is_dated_line(lines, index, today)))
}

/// Whether one of the few lines right above `start` (blank lines aside) dates what starts
/// there.
fn opens_under_a_date(lines: &[&str], start: usize, today: Date) -> bool {
    (0..start)
        .rev()
        .filter(|&index| !lines[index].is_empty())
        .take(ITEM_HEADER_LINES)
        .any(|index| is_dated_line(lines, index, today))
}

/// The better of the best run so far and a run just closed, once the run is split into the
/// dated items it lists, if it lists some. A run that is `listed` is itself an item of a
/// list of dated items, the runs around it others.
fn better_run(
    best: Option<Run>,
    (range, size): Run,
    listed: bool,
    lines: &[&str],
    today: Date,
) -> Option<Run> {
    let dated: Vec<usize> = range
        .clone()
        .filter(|&index| is_dated_line(lines, index, today))
        .collect();
    if dated.len() < 2 && !listed {
        return better(best, Some((range, size)));
    }
    // Prose with a date line between every few paragraphs is a list of dated items (other
    // articles' teasers, comments): an article's text states its date once, above it.
    let mut best = best;
    let mut start = range.start;
    for end in dated.into_iter().chain([range.end]) {
        let item = start..end;
        let size: usize = lines[item.clone()]
            .iter()
            .filter(|line| is_article_prose(line, today))
            .map(|line| line.len())
            .sum();
        // An item of the list (after a date line) is a teaser's standfirst or a comment,
        // which may run longer than a short article: it counts for less than a text of its
        // own size. What comes before the list's first date line is not one of its items.
        let size = if start == range.start && !listed {
            size
        } else {
            size / LIST_ITEM_DISCOUNT
        };
        if size > 0 {
            best = better(best, Some((item, size)));
        }
        start = end + 1;
    }
    best
}

/// Whether the line dates an item of a list: a date line, a comment's header, or a day and
/// month under a teaser's headline.
fn is_dated_line(lines: &[&str], index: usize, today: Date) -> bool {
    let line = lines[index];
    !is_prose(line)
        && (date_line(line, today).is_some()
            || is_signed_item_header(line)
            || (is_day_and_month_line(line) && follows_a_heading(lines, index)))
}

/// Whether the line before `index` (blank lines aside) is not prose: a day and month under
/// a teaser's headline dates the teaser, while one right after a paragraph is a subheading
/// of the article's own chronology ("Le 5 juillet" / what happened that day).
fn follows_a_heading(lines: &[&str], index: usize) -> bool {
    lines[..index]
        .iter()
        .rev()
        .find(|line| !line.is_empty())
        .is_some_and(|previous| !is_prose(previous))
}

/// A prose line that is not a byline or a date line, however long ("Par Jeanne Martin -
/// 05:01 - Temps de lecture :"), nor a headline printed twice over.
fn is_article_prose(line: &str, today: Date) -> bool {
    is_prose(line)
        && !is_printed_twice(line)
        && byline_author(line).is_none()
        && date_line(line, today).is_none()
}

fn better(best: Option<Run>, candidate: Option<Run>) -> Option<Run> {
    match (best, candidate) {
        (Some(best), Some(candidate)) if candidate.1 > best.1 => Some(candidate),
        (Some(best), _) => Some(best),
        (None, candidate) => candidate,
    }
}

/// The headline found above the main block.
struct FoundTitle {
    text: String,
    /// Index of the headline's first appearance near the block (pages repeat it).
    first_index: usize,
    clue: &'static str,
}

fn find_title(
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
    let first_index = window
        .clone()
        .find(|&index| same_headline(lines[index], lines[chosen]))
        .unwrap_or(chosen);
    let headline = without_site_name(without_credit(without_quote_marker(lines[chosen])));
    Some(FoundTitle {
        text: without_badge(lines, headline).to_string(),
        first_index,
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
fn same_headline(line: &str, headline: &str) -> bool {
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
fn is_header_line(line: &str, today: Date) -> bool {
    date_line(line, today).is_some()
        || byline_author(line).is_some()
        || (line.split_whitespace().count() <= MAX_HEADER_LINE_WORDS
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
        let shaped = lines[first..end]
            .iter()
            .map(|line| !line.is_empty() && is_headline(line, today))
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
fn is_image_caption(lines: &[&str], index: usize) -> bool {
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
fn is_headline(line: &str, today: Date) -> bool {
    let words = line.split_whitespace().count();
    let (_, bulleted) = strip_bullet(line);
    (3..=40).contains(&words)
        && !ends_as_a_sentence(line)
        && line.chars().count() <= 250
        && !bulleted
        && !is_prose(line)
        && !is_noise(line)
        && !is_boundary(line)
        && !is_widget(line)
        && byline_author(line).is_none()
        && stated_category(line).is_none()
        && date_line(line, today).is_none()
        && !has_sentence_then_more(line)
        && !(line.starts_with('(') && line.ends_with(')'))
        && !has_date_after_words(line, today)
}

/// A line that gives a full date set apart after other words: a photo's caption ("Des
/// manifestants devant l'Assemblée, le 5 mai 2020 à Paris") or a header ("AFP, publié le 27
/// octobre 2019"). A headline may name a date as its subject ("Attentats du 13 novembre
/// 2015 : le procès s'ouvre") or open on the date it recalls ("Le 18 juin 1940, …"), but
/// does not add one after a comma.
fn has_date_after_words(line: &str, today: Date) -> bool {
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

/// The lines right after the main block, up to what opens the page's footer.
fn footer_zone(lines: &[&str], block_end: usize) -> Range<usize> {
    let mut end = block_end;
    let mut seen = 0;
    while end < lines.len() && seen < FOOTER_LINES && !is_boundary(lines[end]) {
        seen += usize::from(!lines[end].is_empty());
        end += 1;
    }
    block_end..end
}

/// The publication date: a date line under the title, else one right after the article,
/// else a "Publié le" line just above the title, else the day in the page's `address`,
/// else "publié il y a 2 heures" or "ce lundi 21 octobre" in the lead.
fn publication_date(
    lines: &[&str],
    header: &Range<usize>,
    footer: &Range<usize>,
    kicker: &Range<usize>,
    block: &Range<usize>,
    address: Option<&str>,
    today: Date,
) -> Option<(PublicationDate, &'static str)> {
    // A sentence with a date ("Le ministre à Bruxelles le 20 octobre 2017.") is a photo's
    // caption or the story's, dating what it shows rather than the article.
    let dated_lines = |zone: &Range<usize>| -> Vec<DatedLine> {
        lines[zone.clone()]
            .iter()
            .filter(|line| !is_prose(line))
            .filter_map(|line| date_line(line, today))
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
        publication.map(|line| as_publication(&line.mention))
    };
    let labelled = |dated: Vec<DatedLine>| {
        dated
            .into_iter()
            .find(|line| line.is_labelled)
            .map(|line| as_publication(&line.mention))
    };
    let clued = |clue: &'static str| move |date| (date, clue);
    published(dated_lines(header))
        .map(clued("a date line under the headline"))
        .or_else(|| {
            published(dated_lines(&lead_zone(lines, block)))
                .map(clued("a date line among the first paragraphs"))
        })
        .or_else(|| published(dated_lines(footer)).map(clued("a date line after the article")))
        .or_else(|| labelled(dated_lines(kicker)).map(clued("a 'publié' line above the headline")))
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
        .filter(|line| line.split_whitespace().count() <= MAX_DATE_LINE_WORDS)
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
fn lead_zone(lines: &[&str], block: &Range<usize>) -> Range<usize> {
    let end = block
        .clone()
        .filter(|&index| is_prose(lines[index]))
        .nth(LEAD_PARAGRAPHS)
        .unwrap_or(block.end);
    block.start..end
}

fn as_publication(mention: &DateMention) -> PublicationDate {
    PublicationDate {
        date: mention.date,
        year_inferred: mention.year_inferred,
    }
}

/// A line that is essentially a date ("22 octobre 2024", "Publié le 22/10/2024 à 14h05").
struct DatedLine {
    mention: DateMention,
    is_update: bool,
    is_labelled: bool,
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

fn date_line(line: &str, today: Date) -> Option<DatedLine> {
    let (text, _) = strip_bullet(line);
    match header_parts(text) {
        // The parts without a date name the source and the author: the dated ones are
        // weighed as a date line.
        Some(parts) => {
            let dated: Vec<&str> = parts
                .into_iter()
                .filter(|part| part.bytes().any(|byte| byte.is_ascii_digit()))
                .collect();
            dated_text(&dated.join(" • "), today)
        }
        None => dated_text(text, today),
    }
}

/// The date a line's text gives, when it is a date line: dates, their labels and a few
/// other words.
fn dated_text(text: &str, today: Date) -> Option<DatedLine> {
    // Every date has a number: most lines are settled without looking for one.
    if !text.bytes().any(|byte| byte.is_ascii_digit())
        || text.split_whitespace().count() > MAX_DATE_LINE_WORDS
    {
        return None;
    }
    let folded = fold(text);
    let says_published = folded.contains("publie") || folded.contains("posted");
    let mentions = if says_published {
        find_labelled_dates(text, today)
    } else {
        find_dates(text, today)
    };
    let mut rest = String::new();
    let mut after_previous = 0;
    for mention in &mentions {
        rest.push_str(&text[after_previous..mention.span.start]);
        rest.push(' ');
        after_previous = mention.span.end;
    }
    rest.push_str(&text[after_previous..]);
    let rest = fold(&rest);
    let other_words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !word.chars().any(|c| c.is_ascii_digit()))
        .filter(|word| !DATE_LABEL_WORDS.contains(word) && !DATE_LINE_CONNECTIVES.contains(word))
        .count();
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
    })
}

/// "ce lundi 21 octobre" in the first paragraphs names the day the article was written.
fn deictic_date_in_lead(block: &[&str], today: Date) -> Option<PublicationDate> {
    block
        .iter()
        .filter(|line| is_prose(line))
        .take(2)
        .flat_map(|line| find_dates(line, today))
        .find(|mention| mention.deictic)
        .map(|mention| as_publication(&mention))
}

/// The article text of the main block: paragraphs without related boxes, share bars,
/// bylines, repeated lines or the title. `boxes` are the boxes of short lines the block
/// runs across, as ranges of its lines.
fn article_body(block: &[&str], boxes: &[Range<usize>], title: Option<&str>) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut widget_lines_left = 0;
    for (index, line) in block.iter().enumerate() {
        if line.is_empty() || boxes.iter().any(|found| found.contains(&index)) {
            continue;
        }
        if is_widget(line) {
            widget_lines_left = MAX_WIDGET_LINES;
            continue;
        }
        if widget_lines_left > 0 && !is_prose(line) {
            widget_lines_left -= 1;
            continue;
        }
        widget_lines_left = 0;
        let is_byline = byline_author(line).is_some() && !is_prose(line);
        let is_link_or_caption = is_related_link(line) || is_credited_caption(line);
        if is_noise(line) || is_byline || is_link_or_caption || Some(*line) == title {
            continue;
        }
        let paragraph = remove_inline_markers(line);
        if !paragraphs.contains(&paragraph) {
            paragraphs.push(paragraph);
        }
    }
    paragraphs.join("\n\n")
}

/// A page with no paragraph of prose: its first headline-like line is the title and the
/// lines after it, up to the footer, are the body; a page where that leaves nothing is a note.
fn read_page_without_prose(lines: &[&str], today: Date) -> (PageFields, Clues) {
    let title_index = lines.iter().position(|line| is_headline(line, today));
    let start = title_index.map_or(0, |index| index + 1);
    let end = (start..lines.len())
        .find(|&index| is_boundary(lines[index]))
        .unwrap_or(lines.len());
    let body = article_body(&lines[start..end], &[], None);
    if body.is_empty() {
        return read_note(lines, today);
    }
    let fields = PageFields {
        title: title_index.map(|index| lines[index].to_string()),
        body,
        ..PageFields::default()
    };
    let clues = Clues {
        title: title_index.map(|_| "the first headline-shaped line (the page has no prose)"),
        ..Clues::default()
    };
    (fields, clues)
}

/// A short note (a sentence or two, a list): every line is kept, as a user's note is never
/// dropped; its first line is the title when it is shaped like a headline and text follows.
fn read_note(lines: &[&str], today: Date) -> (PageFields, Clues) {
    let written: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|line| !line.is_empty())
        .collect();
    let titled = written.len() > 1 && is_headline(written[0], today);
    let body = if titled { &written[1..] } else { &written[..] };
    let fields = PageFields {
        title: titled.then(|| written[0].to_string()),
        body: body.join("\n\n"),
        ..PageFields::default()
    };
    let clues = Clues {
        title: titled.then_some("the first line of a short note"),
        ..Clues::default()
    };
    (fields, clues)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_page_fields(text: &str, today: Date) -> PageFields {
        read_page(text, today).0
    }

    /// The article of [`lede_page`]: a share bar sets its header apart from its text.
    const LEDE_ARTICLE: &str = "\
Par Claire Bonnet
Publié le 18 novembre 2025 à 11h05
Temps de lecture 3 min.
Partager
Facebook
Twitter
E-mail
Copier le lien
Les maires ruraux ont adopté mardi une motion qui demande à l'État de financer l'installation de médecins dans les campagnes, après deux jours de débats à Périgueux sur l'accès aux soins.
« Dans mon canton, le dernier généraliste part à la retraite en juin, et personne ne le remplace », a expliqué le maire d'une commune de mille deux cents habitants.
Le gouvernement doit répondre aux maires des communes rurales avant la fin de l'année, a promis la ministre de la Santé, venue clore le congrès.";

    /// A page whose headline is followed by `under_headline`, then [`LEDE_ARTICLE`].
    fn lede_page(under_headline: &str) -> String {
        format!(
            "Accueil\nSociété\nLes maires ruraux réclament un plan pour les médecins de campagne\n{under_headline}\n{LEDE_ARTICLE}"
        )
    }

    #[test]
    fn the_prose_under_the_headline_is_the_lede_when_it_is_about_the_article() {
        let lede = "Réunis en congrès à Périgueux, les maires des communes rurales demandent à l'État un plan pour installer des médecins dans les campagnes.";
        let body = read_page_fields(&lede_page(lede), today()).body;
        assert!(body.starts_with(lede), "{body}");
        assert!(body.contains("Les maires ruraux ont adopté mardi"));
        // A second headline line is passed: the title found may be the kicker above a
        // headline of too few words to be judged by its echo.
        let with_headline = format!("Santé et territoires\n{lede}");
        let body = read_page_fields(&lede_page(&with_headline), today()).body;
        assert!(body.starts_with(lede), "{body}");
    }

    #[test]
    fn prose_under_the_headline_about_something_else_or_printed_twice_is_not_the_lede() {
        // Another article's teaser, under a headline misread or a related box's.
        let teaser = "Le club de Bordeaux a battu Lens samedi soir au terme d'un match disputé devant vingt mille spectateurs enthousiastes.";
        let body = read_page_fields(&lede_page(teaser), today()).body;
        assert!(!body.contains("Bordeaux"), "{body}");
        // A photo's text, printed as its alternative text and again as its caption.
        let caption = "Les maires des communes rurales réunis en congrès à Périgueux demandent des médecins pour les campagnes.";
        let twice = format!("{caption}\n{caption}\n1/2\n© Claire Bonnet");
        let body = read_page_fields(&lede_page(&twice), today()).body;
        assert!(!body.starts_with(caption), "{body}");
    }

    fn today() -> Date {
        Date::new(2026, 11, 21).unwrap()
    }

    const PAGE: &str = "\
lundi 3 mars 2025
Accueil
  • Politique
  • Économie
Les plus lus
Un titre de menu qui ne compte pas du tout
Par Marc Menu

Monde
La grève des dockers paralyse le port du Havre
Publié le 12/02/2025 à 08h10
Par Jeanne Martin
Les dockers du Havre ont cessé le travail mercredi pour protester contre la réforme des retraites, bloquant des dizaines de navires.
Partager
Facebook Twitter
Le mouvement, lancé par la CGT, devrait durer au moins trois jours selon les syndicats, qui réclament l’ouverture de négociations.
Lire aussi
Les ports européens face à la concurrence asiatique
Les armateurs redoutent des pertes importantes si le blocage se prolonge au-delà du week-end, a indiqué leur fédération.

Articles récents
Le gouvernement annonce un plan pour les ports de commerce
Connexion
Mot de passe
";

    #[test]
    fn reads_a_page_with_menus_and_lists() {
        let page = read_page_fields(PAGE, today());
        assert_eq!(
            page.title.as_deref(),
            Some("La grève des dockers paralyse le port du Havre")
        );
        assert_eq!(
            page.date.map(|d| d.date.to_string()).as_deref(),
            Some("2025-02-12")
        );
        assert_eq!(page.category.as_deref(), Some("Monde"));
        assert_eq!(page.author.as_deref(), Some("Jeanne Martin"));
        assert!(page.body.starts_with("Les dockers du Havre"));
        assert!(page.body.ends_with("leur fédération."));
        for absent in [
            "menu",
            "Partager",
            "Facebook",
            "concurrence asiatique",
            "gouvernement",
            "Mot de passe",
            "Politique",
        ] {
            assert!(!page.body.contains(absent), "{absent} in body");
        }
        assert_eq!(page.body.matches("\n\n").count(), 2);
    }

    /// "Lire aussi : …" with another article's headline, however long, is a link, and an
    /// image's caption ending on its credit is a caption: neither is a paragraph of the
    /// article.
    #[test]
    fn a_related_link_inside_the_article_is_not_its_text() {
        let between_two_paragraphs = |line: &str| {
            article_body(
                &[
                    "Les dockers du Havre ont cessé le travail mercredi pour protester contre la réforme des retraites.",
                    line,
                    "Les armateurs attendent une réponse du ministre des transports, qui doit recevoir les syndicats lundi.",
                ],
                &[],
                None,
            )
        };
        let body = between_two_paragraphs("À lire aussi : Les dockers de Marseille, solidaires de leurs collègues du Havre, votent à leur tour une grève reconductible de trois jours");
        assert!(!body.contains("Marseille"), "{body}");
        assert_eq!(body.matches("\n\n").count(), 1);
        let captioned =
            between_two_paragraphs("Le piquet de grève devant le terminal / (C) Jean Martin");
        assert!(!captioned.contains("piquet"), "{captioned}");
    }

    #[test]
    fn a_date_in_the_story_is_not_the_publication_date() {
        let page = "Titre de l'article sur la réunion\n\nLa réunion a commencé tôt et les délégués ont discuté longuement de la suite.\nLe prochain sommet aura lieu le 23 novembre 2024 à Bruxelles selon les organisateurs.\n";
        let fields = read_page_fields(page, today());
        assert_eq!(
            fields.title.as_deref(),
            Some("Titre de l'article sur la réunion")
        );
        assert_eq!(fields.date, None);
    }

    #[test]
    fn deictic_date_in_the_lead_infers_the_year() {
        let page = "Le Sénat rejette le budget\n\nLe Sénat a rejeté le projet de budget ce mardi 22 octobre, après des débats houleux.\n";
        let date = read_page_fields(page, today()).date.unwrap();
        assert_eq!(date.date.to_string(), "2024-10-22");
        assert!(date.year_inferred);
    }

    #[test]
    fn dated_teasers_after_the_article_are_not_its_text() {
        // Each teaser is longer than nothing but shorter than the article; together they
        // outweigh it. Split at their date lines, they are items, not the article.
        let teaser = |day: u32, subject: &str| {
            format!(
                "{day} octobre 2024\nLe conseil municipal a débattu longuement de {subject}, sans parvenir à un accord sur le calendrier des travaux.\n\n"
            )
        };
        let page = format!(
            "Les vendanges commencent en Champagne\n\nLe 2 octobre 2024\n\n\
             Les vendanges ont commencé mardi dans toute la Champagne, sous un soleil revenu après des semaines de pluie.\n\n\
             Les vignerons attendent une récolte plus faible que l'an dernier, mais d'une belle qualité selon les premiers relevés.\n\n\
             {}{}{}{}",
            teaser(1, "la rénovation de la mairie"),
            teaser(30, "la piscine intercommunale"),
            teaser(29, "la nouvelle ligne de bus"),
            teaser(28, "la cantine scolaire"),
        );
        let fields = read_page_fields(&page, today());
        assert_eq!(
            fields.title.as_deref(),
            Some("Les vendanges commencent en Champagne")
        );
        assert!(fields.body.starts_with("Les vendanges ont commencé mardi"));
        assert!(fields.body.contains("une belle qualité"));
        assert!(
            !fields.body.contains("conseil municipal"),
            "{}",
            fields.body
        );
    }

    /// Readers' comments, each headed by its day and its signer, are items: together they
    /// outweigh a short article, but none of them does.
    #[test]
    fn signed_comments_do_not_outweigh_a_short_article() {
        let comment = |day: u32, signer: &str| {
            format!(
                "# Le {day} juin à 10:43, par {signer} En réponse à : Le maire de Vannes relance le projet de tramway\n\n\
                 Encore un projet qui coûtera une fortune aux contribuables de la ville, alors que les bus suffisent largement.\n\n"
            )
        };
        let page = format!(
            "Le maire de Vannes relance le projet de tramway\n\nLe 28 juin 2019\n\n\
             Le maire de Vannes a présenté mardi un nouveau tracé pour le tramway, abandonné il y a dix ans faute de financement.\n\n\
             Le projet relierait la gare au port en vingt minutes, pour un coût estimé à 180 millions d'euros selon la mairie.\n\n\
             Commentaires (4)\n\n{}{}{}{}",
            comment(29, "Jeanne"),
            comment(30, "paul56"),
            comment(1, "Marc Menu"),
            comment(2, "lea"),
        );
        let fields = read_page_fields(&page, today());
        assert_eq!(
            fields.title.as_deref(),
            Some("Le maire de Vannes relance le projet de tramway")
        );
        assert_eq!(
            fields.date.map(|d| d.date.to_string()).as_deref(),
            Some("2019-06-28")
        );
        assert!(fields.body.starts_with("Le maire de Vannes a présenté"));
        assert!(!fields.body.contains("contribuables"), "{}", fields.body);
    }

    /// Asserts that the page reads as the short article on Vannes's tramway, under its
    /// headline, without the other texts printed after it (`not_in_body`).
    fn assert_is_the_tramway_article(page: &str, not_in_body: &str) {
        let fields = read_page_fields(page, today());
        assert_eq!(
            fields.title.as_deref(),
            Some("Le maire de Vannes relance le projet de tramway")
        );
        assert!(fields.body.starts_with("Le maire de Vannes a présenté"));
        assert!(!fields.body.contains(not_in_body), "{}", fields.body);
    }

    /// In a list of other articles' teasers, each dated under its headline with a day and
    /// month, a teaser's standfirst longer than a short article does not outweigh it.
    #[test]
    fn teasers_dated_by_day_and_month_do_not_outweigh_a_short_article() {
        let teaser = |day: u32, headline: &str| {
            format!(
                "{headline}\n\nLe {day} juillet\n\n\
                 Les urgences de l'hôpital sont en grève depuis la mi-mars : un mouvement de grande ampleur, lancé hors des syndicats par des soignants épuisés.\n\n\
                 Nous sommes allés à leur rencontre, une nuit de garde, entre les brancards alignés dans les couloirs et les appels qui ne cessent pas.\n\n\
                 • Reportage –\n\n"
            )
        };
        let page = format!(
            "Le maire de Vannes relance le projet de tramway\n\n28 juin 2019\n\n\
             Le maire de Vannes a présenté mardi un nouveau tracé pour le tramway, abandonné il y a dix ans faute de financement.\n\n\
             Le projet relierait la gare au port en vingt minutes, pour un coût estimé à 180 millions d'euros.\n\n\
             Une sélection :\n\n{}{}",
            teaser(5, "Colère aux urgences de Chinon"),
            teaser(9, "Les soignants de Quimper en grève"),
        );
        assert_is_the_tramway_article(&page, "brancards");
    }

    /// Teasers whose headers (kicker, headline, badge, date, a player's button) set them
    /// further apart than an article's paragraphs are runs of their own, with no date
    /// inside: one between two others, each under its date, is an item of their list and
    /// does not outweigh a short article however long its standfirst.
    #[test]
    fn a_teaser_between_dated_teasers_does_not_outweigh_a_short_article() {
        let teaser = |day: u32, headline: &str, standfirst: &str| {
            format!("Reportage\n\n{headline}\nAbonnés\n\n- {day}/09/2019\n\nÉcouter\n\n{standfirst}\n\n")
        };
        let long = "Les urgences de l'hôpital sont en grève depuis la mi-mars : un mouvement de grande ampleur, lancé hors des syndicats par des soignants épuisés.\n\n\
            Nous sommes allés à leur rencontre, une nuit de garde, entre les brancards alignés dans les couloirs et les appels qui ne cessent pas.\n\n\
            Les infirmières racontent les patients qui attendent des heures sur un brancard, et les départs de collègues qu'on ne remplace plus.";
        let page = format!(
            "Le maire de Vannes relance le projet de tramway\n\nLe 28 juin 2019\n\n\
             Le maire de Vannes a présenté mardi un nouveau tracé pour le tramway, abandonné il y a dix ans faute de financement.\n\n\
             Le projet relierait la gare au port en vingt minutes, pour un coût estimé à 180 millions d'euros.\n\n\
             Newsletter\n\nEmail\n\nDernières publications\n\n{}{}{}",
            teaser(24, "Marche pour le climat à Nantes", "Une marche pour le climat a réuni samedi des milliers de personnes dans les rues de Nantes."),
            teaser(23, "Colère aux urgences de Chinon", long),
            teaser(20, "Les cheminots de Rennes en grève", "Les cheminots de Rennes ont cessé le travail vendredi, à l'appel de trois syndicats."),
        );
        assert_is_the_tramway_article(&page, "brancard");
    }

    /// Text dumps print a teaser's picture as its alternative text, the headline, before
    /// the headline's link: a list of teasers whose headlines come twice over does not
    /// outweigh a short article for their length.
    #[test]
    fn headlines_printed_twice_do_not_make_teasers_outweigh_a_short_article() {
        let teaser = |headline: &str, standfirst: &str| {
            format!("{headline}\n\n{headline} {headline}\n\n{standfirst}\n\n")
        };
        let page = format!(
            "Le maire de Vannes relance le projet de tramway\n\nPar Jeanne Martin\nPublié le 28 juin 2019\n\n\
             Le maire de Vannes a présenté mardi un nouveau tracé pour le tramway, abandonné il y a dix ans faute de financement, devant un conseil municipal divisé.\n\n\
             Le projet relierait la gare au port en vingt minutes, pour un coût estimé à 180 millions d'euros, que la ville espère partager avec la région et l'État.\n\n\
             Partager\nFacebook\nE-mail\n\nLes commentaires sont fermés pour les articles de cette rubrique\n\n\
             À lire aussi\n\n{}{}{}",
            teaser("Le conseil municipal de Lorient vote la gratuité des bus pour tous les habitants de moins de vingt-six ans", "La mesure entrera en vigueur au premier janvier."),
            teaser("À Quimper, la rénovation de la piscine intercommunale coûtera deux fois plus cher que prévu au départ", "Les travaux ont pris un an de retard."),
            teaser("Les commerçants du centre-ville de Brest réclament de nouveaux parkings près des halles rénovées cet été", "La mairie promet une réponse à l'automne."),
        );
        assert_is_the_tramway_article(&page, "gratuité");
    }

    /// A chronology's "Le 5 juillet" subheadings, right after a paragraph, are not a list's
    /// dates: the article stays whole.
    #[test]
    fn a_chronologys_days_do_not_split_the_article() {
        let chronology = "Tour de France : les étapes de la première semaine\n\n28 juin 2024\n\n\
            Le Tour de France part cette année d'Italie, une première, avant de rejoindre les Alpes par le col du Galibier.\n\n\
            Le 5 juillet\n\n\
            La première étape relie Florence à Rimini, sur un parcours accidenté de plus de deux cents kilomètres.\n\n\
            Le 6 juillet\n\n\
            La deuxième étape part de Cesenatico, la ville de Marco Pantani, pour arriver à Bologne.\n";
        let fields = read_page_fields(chronology, today());
        assert!(fields.body.contains("Florence"), "{}", fields.body);
        assert!(fields.body.contains("Cesenatico"), "{}", fields.body);
    }

    /// A "Lire aussi" box whose teasers each carry their section, its lines set apart by
    /// blank lines as a line-per-markup dump prints them, lists no title, even right above
    /// the article's header; after a box of bare headlines, a headline under its section
    /// name is the article's.
    #[test]
    fn a_teaser_under_its_section_in_a_box_is_no_title() {
        let prose = "Les négociations ont repris mardi soir entre les deux délégations, après une semaine d'interruption et plusieurs incidents à la frontière.\n\n\
            Aucun accord n'a encore été annoncé, mais les médiateurs se disent prudemment optimistes pour la fin de la semaine, selon un communiqué.\n";
        let sectioned = format!(
            "Le dialogue reprend entre Séoul et Pyongyang\n\nRéagir\nA lire aussi\nMonde\n\n\
             Pakistan : le Premier ministre fait scandale au Parlement\n\nMonde\n\n\
             Le président américain n'exclut pas un sommet du G7 élargi\n\n\
             Le Quotidien, publié le lundi 11 mai 2015 à 20h26\n\n{prose}"
        );
        assert_eq!(
            read_page_fields(&sectioned, today()).title.as_deref(),
            Some("Le dialogue reprend entre Séoul et Pyongyang")
        );
        let bare = format!(
            "Accueil\n\nÀ lire aussi\nPakistan : le Premier ministre fait scandale au Parlement\n\n\
             Monde\n\nLe dialogue reprend entre Séoul et Pyongyang\n\n\
             Le Quotidien, publié le lundi 11 mai 2015 à 20h26\n\n{prose}"
        );
        assert_eq!(
            read_page_fields(&bare, today()).title.as_deref(),
            Some("Le dialogue reprend entre Séoul et Pyongyang")
        );
    }

    #[test]
    fn a_list_of_names_without_bullets_is_no_title() {
        // Every name of the list comes back in the article, more of them than of its headline.
        let list = "Nos établissements\nInstitut national des langues orientales\n\
            École nationale des ponts et chaussées\nConservatoire national des arts et métiers\n\
            Muséum national d'histoire naturelle\n\n";
        let article = "L'alliance des écoles parisiennes devient une université à part entière\n\n\
            Publié le 14 octobre 2025\n\n\
            Le décret qui reconnaît l'alliance comme université de plein exercice a été publié mardi au Journal officiel, au terme de six années de préparation.\n\n\
            Elle réunit l'Institut national des langues orientales, l'École nationale des ponts et chaussées, le Conservatoire national des arts et métiers et le Muséum national d'histoire naturelle, qui gardent leur nom et leurs diplômes.\n\n\
            Les étudiants inscrits à la rentrée prochaine recevront un diplôme commun, a précisé la présidente de l'alliance.\n";
        let headline =
            Some("L'alliance des écoles parisiennes devient une université à part entière");
        let page = format!("{list}Accueil\nUniversité\n\n{article}");
        assert_eq!(read_page_fields(&page, today()).title.as_deref(), headline);
        // A kicker printed right above the headline makes no list of it.
        let page = format!("{list}Enseignement supérieur en région parisienne\n{article}");
        assert_eq!(read_page_fields(&page, today()).title.as_deref(), headline);
    }

    #[test]
    fn a_short_headline_under_its_kicker_is_the_title() {
        let page = |under_kicker: &str, printed_again: &str| {
            format!(
                "Accueil\n\nÉnergie et climat en Europe\n\n{under_kicker}\n\
                 Les barrages hydroélectriques des Alpes ont retenu mardi des crues exceptionnelles après trois jours de pluie, selon les exploitants.\n\n\
                 par Jeanne Martin, 12 mars 2025\n{printed_again}\n\n\
                 Les ingénieurs surveillent jour et nuit le niveau des barrages depuis le début des pluies, qui ont touché toute l'Europe centrale et mis à l'épreuve la production d'énergie.\n\n\
                 Pour les climatologues, ces tempêtes à répétition annoncent ce que le climat réserve à l'Europe, et les barrages devront être renforcés avant dix ans.\n"
            )
        };
        let title = |text: &str| read_page_fields(text, today()).title;
        let headline = "Tempêtes et barrages";
        assert_eq!(
            title(&page(&format!("{headline}\n"), headline)).as_deref(),
            Some(headline)
        );
        // Printed once, or running into the text under it (a prompt, a loading notice), a
        // short line under the line found is not its headline.
        let kicker = Some("Énergie et climat en Europe");
        assert_eq!(
            title(&page(&format!("{headline}\n"), "Partager")).as_deref(),
            kicker
        );
        assert_eq!(title(&page(headline, headline)).as_deref(), kicker);
    }

    /// A table of contents lists the article's subheadings, which it then prints over their
    /// paragraphs: the first of them, right above the text, is not the headline.
    #[test]
    fn a_subheading_listed_in_the_contents_is_no_title() {
        let page = "Guerre en Ukraine : la Russie affirme avoir fait échouer la campagne ukrainienne\n\n\
            Par Jeanne Martin\nPublié le 22/11/2024 à 09h42\n\n\
            Sommaire\n\
              • Moscou salue une avancée des forces russes\n\
              • Réunion de l'Otan mardi à Bruxelles\n\
              • Deux morts dans des frappes à Soumy\n\n\
            Moscou salue une avancée des forces russes\n\n\
            Le ministre russe de la Défense a salué vendredi une avancée des forces russes à Moscou, selon une vidéo de l'armée.\n\n\
            Réunion de l'Otan mardi à Bruxelles\n\n\
            Les alliés et l'Ukraine se retrouveront mardi à Bruxelles pour évoquer la guerre et la campagne de frappes russes.\n\n\
            Deux morts dans des frappes à Soumy\n\n\
            Des frappes russes ont fait au moins deux morts à Soumy, dans le nord-est de l'Ukraine, selon les autorités locales.\n";
        let fields = read_page_fields(page, today());
        assert_eq!(
            fields.title.as_deref(),
            Some(
                "Guerre en Ukraine : la Russie affirme avoir fait échouer la campagne ukrainienne"
            )
        );
        assert_eq!(
            fields.date.map(|d| d.date.to_string()).as_deref(),
            Some("2024-11-22")
        );
    }

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

    #[test]
    fn a_page_without_prose_still_has_a_title() {
        let fields = read_page_fields("Brève : la séance est levée\nÀ suivre\n", today());
        assert_eq!(fields.title.as_deref(), Some("Brève : la séance est levée"));
    }

    #[test]
    fn a_short_note_is_kept_whole() {
        let one = read_page_fields("Rappeler le notaire pour la vente.\n", today());
        assert_eq!(one.title, None);
        assert_eq!(one.body, "Rappeler le notaire pour la vente.");
        let titled = read_page_fields(
            "Idées pour le dossier retraites\nRelire le rapport.\n",
            today(),
        );
        assert_eq!(
            titled.title.as_deref(),
            Some("Idées pour le dossier retraites")
        );
        assert_eq!(titled.body, "Relire le rapport.");
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

    /// A headline printed after "> " (a highlighted or quoted line in a text dump) is read
    /// without the marker.
    #[test]
    fn the_quote_marker_is_not_part_of_the_title() {
        let page = "> Bretagne : les ostréiculteurs comptent leurs pertes après la tempête\n\nLes ostréiculteurs du golfe du Morbihan ont constaté mardi des pertes importantes dans leurs parcs après le passage de la tempête.\nLa tempête a touché les ostréiculteurs de toute la côte bretonne, selon la chambre régionale.\n";
        assert_eq!(
            read_page_fields(page, today()).title.as_deref(),
            Some("Bretagne : les ostréiculteurs comptent leurs pertes après la tempête")
        );
    }

    /// "Publié le 02/11/23": a two-digit year is read on a line that says it gives a date.
    #[test]
    fn a_publication_line_may_give_a_two_digit_year() {
        let page = "Les ostréiculteurs comptent leurs pertes après la tempête\nPublié le 02/11/23 à 16h33\n\nLes ostréiculteurs du golfe du Morbihan ont constaté mardi des pertes importantes dans leurs parcs après le passage de la tempête.\n";
        let date = read_page_fields(page, today()).date.unwrap();
        assert_eq!(date.date.to_string(), "2023-11-02");
        assert!(date_line("Le score final : 02/11/23", today()).is_none());
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

    /// A date labelled as the publication wins over a bare date nearer the headline (a
    /// teaser's, in a list of other articles each with its date).
    #[test]
    fn a_labelled_publication_date_wins_over_a_bare_date() {
        let page = "Les ostréiculteurs comptent leurs pertes après la tempête\n\
            12 mars 2024\n\
            Le port de Vannes rouvre ses quais aux plaisanciers\n\
            Publié le 14/03/2024 à 18h20\n\n\
            Les ostréiculteurs du golfe du Morbihan ont constaté mardi des pertes importantes dans leurs parcs après le passage de la tempête.\n";
        let date = read_page_fields(page, today()).date.unwrap();
        assert_eq!(date.date.to_string(), "2024-03-14");
    }

    /// A photo's caption under the headline dates the photo, not the article.
    #[test]
    fn a_captions_date_is_not_the_publication_date() {
        let page = "Les ostréiculteurs comptent leurs pertes après la tempête\n\
            Le préfet à Locmariaquer le 12 mars 2024.\n\
            Publié le 14/03/2024 à 18h20\n\n\
            Les ostréiculteurs du golfe du Morbihan ont constaté mardi des pertes importantes dans leurs parcs après le passage de la tempête.\n";
        let date = read_page_fields(page, today()).date.unwrap();
        assert_eq!(date.date.to_string(), "2024-03-14");
    }

    /// A line under a headline that states a date among a site name and a byline, in parts
    /// joined by "|" and "•", is a header and a date line: its dated parts give the date.
    #[test]
    fn a_wordy_header_line_is_a_header() {
        let line = "Le Quotidien | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 | Par Jeanne Martin (avec Paul Durand et Léa Petit)";
        let dated = date_line(line, today()).unwrap();
        assert_eq!(dated.mention.date.to_string(), "2015-05-04");
        assert!(is_header_line(line, today()));
        assert!(!is_header_line(
            "Le Sénat a voté le texte le 05.05.2015 après trois semaines de débats, selon les sénateurs présents.",
            today()
        ));
    }

    /// "Publié il y a 3 heures" is dated from the latest date the page prints (here a
    /// reader's comment), "il y a 2 jours" two days before it; an update is not read.
    #[test]
    fn a_relative_publication_date_counts_from_the_latest_date() {
        let article = "Les ostréiculteurs du golfe du Morbihan ont constaté mardi des pertes importantes dans leurs parcs après le passage de la tempête, selon leur syndicat.\nLa chambre régionale demande une aide rapide de l'État pour les exploitations touchées par les dégâts.\n";
        let page = |published: &str| {
            format!(
                "Les ostréiculteurs comptent leurs pertes après la tempête\n{published}\n\n{article}\nCommentaires\nJeanne\nle 14/03/2024 à 16:18\nTrès triste pour eux.\n"
            )
        };
        let date = |published: &str| {
            read_page_fields(&page(published), today())
                .date
                .map(|date| date.date.to_string())
        };
        assert_eq!(
            date("Publié il y a 3 heures").as_deref(),
            Some("2024-03-14")
        );
        assert_eq!(
            date("Publié il y a 2 jours, mis à jour il y a 8 minutes").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(date("Mis à jour il y a 8 minutes"), None);
    }

    /// A live page prints its headline with its header, then again highlighted ("> ") in
    /// a summary just above the prose: the header under the first appearance dates it.
    #[test]
    fn the_header_is_read_under_the_headlines_first_appearance() {
        let page = "Le fil info\n\n\
            Europe\u{a0}: les ventes de voitures neuves ont progressé au premier semestre\n\n\
            Par Jeanne Martin\n\n\
            Publié le 18 juil. 2024 à 08:01\n\n\
            Les principales infos de ce matin\n\n\
            > Europe : les ventes de voitures neuves ont progressé au premier semestre\n\n\
            Les ventes de voitures neuves dans l'Union européenne ont progressé au premier semestre, selon les constructeurs.\n\
            Les voitures électriques ont connu une légère hausse des ventes au premier semestre, loin des années précédentes.\n";
        let fields = read_page_fields(page, today());
        let title = fields.title.as_deref().unwrap_or_default();
        assert!(
            same_headline(
                title,
                "Europe : les ventes de voitures neuves ont progressé au premier semestre"
            ),
            "{title}"
        );
        assert_eq!(
            fields.date.map(|d| d.date.to_string()).as_deref(),
            Some("2024-07-18")
        );
        assert_eq!(fields.author.as_deref(), Some("Jeanne Martin"));
        // Another headline sharing its first words is not the same one.
        assert!(!same_headline(
            "> Europe : les ventes de voitures neuves",
            "Europe : les ventes de voitures neuves ont progressé au premier semestre"
        ));
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

    #[test]
    fn empty_page() {
        assert_eq!(read_page_fields("", today()), PageFields::default());
    }
}
