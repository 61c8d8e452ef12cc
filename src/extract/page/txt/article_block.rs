//! The article's text on a scraped page: the densest run of prose lines, told apart from lists of dated teasers and comments.

use std::ops::Range;

use crate::date::Date;

use crate::extract::clues::byline::byline_author;
use crate::extract::page::page_lines::{
    ends_a_sentence, is_account_prompt, is_boundary, is_consent_notice, is_copyright_notice,
    is_day_and_month_line, is_newsletter_prompt, is_printed_twice, is_prose, is_signed_item_header,
    is_widget, strip_bullet,
};

use super::publication::date_line;
use super::title::is_long_headline;

/// Non-prose lines (not counting blank ones) that may separate two paragraphs of one article:
/// subheadings, captions, an inserted "Lire aussi" box.
const MAX_GAP_IN_ARTICLE: usize = 4;
/// Lines of a box of short lines (a sign-in prompt, a share bar, tags) that may separate two
/// paragraphs of one article…
pub(super) const MAX_BOX_LINES: usize = 8;
/// …each line of it having at most this many words.
const MAX_BOX_LINE_WORDS: usize = 8;
/// Lines a "Lire aussi" box prints under its header: a badge, the linked headline, its
/// standfirst.
pub(super) const MAX_WIDGET_LINES: usize = 3;

/// Words of a newsletter's pitch under its prompt, a sentence shorter than most of an
/// article's.
const MAX_PITCH_WORDS: usize = 15;
/// How many times less an item of a list of dated items weighs than a text of its size.
const LIST_ITEM_DISCOUNT: usize = 2;
/// Non-blank lines above a list's item that may hold its date ("- 23/09/2019" / "Écouter").
const ITEM_HEADER_LINES: usize = 3;

/// The run of prose lines with the most text, as a range of line indexes, and the boxes of
/// short lines it was allowed to run across (anywhere on the page).
pub(super) fn main_block(lines: &[&str], today: Date) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    let (runs, boxes) = prose_runs(lines, today);
    let mut best = None;
    for (index, run) in runs.iter().enumerate() {
        let listed = index > 0
            && runs.get(index + 1).is_some_and(|next| {
                is_dated_list_item(lines, [&runs[index - 1].0, &run.0, &next.0], today)
            });
        best = better_run(best, run.clone(), listed, lines, today);
    }
    best.map(|(range, _)| {
        let range = below_a_long_headline(lines, range, today);
        (with_closing_signature(lines, range), boxes)
    })
}

/// The block without the headline it opens on, a headline too long to tell from prose by
/// its length, nor the date or byline under it.
fn below_a_long_headline(lines: &[&str], block: Range<usize>, today: Date) -> Range<usize> {
    // The page's <title> and a menu may come first: the headline is looked for until a
    // sentence is met.
    let headline = block
        .clone()
        .take_while(|&index| {
            !(is_article_prose(lines[index], today) && ends_a_sentence(lines[index]))
        })
        .find(|&index| is_long_headline(lines, index, today));
    let text_start = headline.and_then(|headline| {
        (headline + 1..block.end).find(|&index| is_article_prose(lines[index], today))
    });
    match text_start {
        Some(start) => start..block.end,
        None => block,
    }
}

/// The block, and the signature of a post it quotes last ("— Jeanne Martin (@jmartin)
/// February 17, 2020"), which closes the post's text as a byline does not: an embedded
/// post prints its author and date under it.
fn with_closing_signature(lines: &[&str], block: Range<usize>) -> Range<usize> {
    match (block.end..lines.len()).find(|&index| !lines[index].is_empty()) {
        Some(index) if is_post_signature(lines[index]) => block.start..index + 1,
        _ => block,
    }
}

/// A line signing an embedded post: a dash (read as a bullet), then its author's name and
/// account.
fn is_post_signature(line: &str) -> bool {
    let (rest, bulleted) = strip_bullet(line);
    bulleted && rest.contains("(@")
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
    // Lines of a "Lire aussi" box still to come: its badge and linked headline, which may
    // be as long as a sentence, neither lengthen the gap nor make it a list…
    let mut widget_lines_left = 0;
    // …but are lines of the gap all the same, to leave out of the article's text.
    let mut widget_lines = 0;
    // Whether a line of the gap is a date or a byline.
    let mut gap_has_header = false;
    // Whether the last line was a newsletter's prompt, whose pitch may be a short sentence…
    let mut after_newsletter_prompt = false;
    // …and whether a line of the gap was.
    let mut gap_has_newsletter = false;
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
        // A newsletter's box, inside the article or after it: its prompt ("Inscrivez-vous à
        // notre newsletter") and the short sentence pitching it ("Chaque vendredi, le
        // meilleur du magazine dans votre boîte mail.") are lines of the gap, and a gap
        // holding one is a box left out of the text.
        let is_pitch = after_newsletter_prompt
            && !line.is_empty()
            && line.split_whitespace().count() <= MAX_PITCH_WORDS;
        let is_prompt = current.is_some() && is_newsletter_prompt(line);
        after_newsletter_prompt = is_prompt || (after_newsletter_prompt && line.is_empty());
        gap_has_newsletter |= is_prompt;
        // A "Lire aussi" box after the article may print a teaser's standfirst, a sentence,
        // then its date: that is the box's, not the article's text going on.
        let is_teaser_standfirst = widget_lines_left > 0
            && lines[index + 1..]
                .iter()
                .find(|next| !next.is_empty())
                .is_some_and(|next| !is_prose(next) && date_line(next, today).is_some());
        if !(is_prompt || is_pitch || is_teaser_standfirst) && is_article_prose(line, today) {
            // A date or a byline after a "Lire aussi" box is the header of the article, the
            // text above the box being its photo's caption.
            let joins = (gap <= MAX_GAP_IN_ARTICLE || (gap_is_box && gap <= MAX_BOX_LINES))
                && !(widget_lines > 0 && gap_has_header);
            current = match current.take() {
                Some((range, size)) if joins => {
                    if gap + widget_lines > MAX_GAP_IN_ARTICLE || gap_has_newsletter {
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
            widget_lines_left = 0;
            widget_lines = 0;
            gap_has_header = false;
            gap_has_newsletter = false;
        } else if current.is_some() && is_widget(line) {
            widget_lines_left = MAX_WIDGET_LINES;
            widget_lines += 1;
        } else if widget_lines_left > 0 && !line.is_empty() {
            widget_lines_left -= 1;
            widget_lines += 1;
        } else if !line.is_empty() {
            gap += 1;
            // A date or a byline among short lines is an article's header, which starts
            // another text, not a box inside one. Only a gap after a run and still short
            // enough to be a box is looked at: most lines of a page (menus) are not.
            let short = line.split_whitespace().count() <= MAX_BOX_LINE_WORDS;
            let looked_at = current.is_some()
                && gap <= MAX_BOX_LINES
                && ((gap_is_box && short) || widget_lines > 0);
            if looked_at && !gap_has_header {
                gap_has_header = date_line(line, today).is_some() || byline_author(line).is_some();
            }
            gap_is_box =
                gap_is_box && current.is_some() && gap <= MAX_BOX_LINES && short && !gap_has_header;
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
/// 05:01 - Temps de lecture :"), nor a headline printed twice over, nor a cookie notice.
pub(super) fn is_article_prose(line: &str, today: Date) -> bool {
    is_prose(line)
        && !is_consent_notice(line)
        && !is_copyright_notice(line)
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
