//! Raw scraped page text (.txt): the article's title, date, category, author and body, found among menus, related lists and footers.
//!
//! A scraped page is a column of lines. The article is the densest run of prose lines
//! (the *main block*); its title is the nearest headline above it (preferring a line the
//! page repeats, as pages print their headline more than once); the *header zone* between
//! the title's first appearance and the block holds the date, category and byline; the
//! *footer zone* right after the block may hold them too. Everything else — menus, date
//! banners, "Articles récents", share bars, login forms — is not read.
//!
//! Each step has its module: [`article_block`] finds the main block, [`title`] the
//! headline above it, [`publication`] the date; this one lays out the zones around them and
//! assembles the article (lede, body, category, byline).

mod article_block;
mod publication;
mod title;

use std::ops::Range;

use crate::analysis::folded_words;
use crate::date::Date;

use super::headline::{echo_shares, FoldedArticle};
use super::numbered_links::without_numbered_links;
use super::page_lines::{
    header_byline, header_parts, is_boundary, is_credited_caption, is_noise, is_prose,
    is_related_link, is_widget, remove_inline_markers, repeats_its_opening, strip_bullet,
    strip_link_markers,
};
use super::paragraphs::paragraphs;
use crate::extract::clues::byline::{
    byline_author, is_name_alone, is_plain_name, opens_on_name_and_role,
};
use crate::extract::clues::page_address::stated_address;
use crate::extract::clues::section::stated_category;
use crate::extract::clues::Clues;
use crate::extract::page::PageFields;

use article_block::{is_article_prose, main_block, MAX_WIDGET_LINES};
use publication::{date_line, lead_zone, publication_date, HeaderZones};
use title::{find_title, has_date_after_words, is_headline, is_image_caption};

/// How many non-blank lines after the main block may carry a byline, a date or a category.
const FOOTER_LINES: usize = 8;
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
    if article_body(&lines[block.clone()], &boxes, None, today).is_empty() {
        // Its prose is all menus and form fields: the text is kept whole rather than dropped.
        return read_note(&lines, today);
    }
    let article = FoldedArticle::of(without_author_box(&lines[block.clone()]));
    let title = find_title(&lines, &block, &article, today);
    let mut lede = title.as_ref().map_or_else(Vec::new, |found| {
        lede(&lines, found.first_index, &block, &article, today)
    });
    // Without a headline, the lines right above the article may still give its date and
    // byline.
    let header_start = title.as_ref().map_or_else(
        || lines_above(&lines, block.start, KICKER_LINES),
        |found| found.first_index + 1,
    );
    let header = header_start..block.start;
    let title_words = title.as_ref().map(|found| folded_words(&found.text));
    lede.extend(opening(
        &lines,
        &header,
        title_words.as_deref(),
        &article,
        today,
    ));
    let footer = footer_zone(&lines, block.end);
    let kicker = title.as_ref().map_or(block.start..block.start, |found| {
        found.first_index.saturating_sub(KICKER_LINES)..found.first_index
    });
    // A dump may print the page's title, then menus and a masthead's date, before the
    // headline itself: the lines under its last appearance are read first.
    let near_header = title
        .as_ref()
        .map_or(header.clone(), |found| found.last_index + 1..block.start);
    let title_clue = title.as_ref().map(|found| found.clue);
    let title_text = title.map(|found| found.text);
    let in_zones = |zones: &[&Range<usize>]| -> Vec<&str> {
        zones
            .iter()
            .flat_map(|zone| lines[(*zone).clone()].iter().copied())
            .collect()
    };
    let address = stated_address(&lines);
    let zones = HeaderZones {
        near_header: &near_header,
        header: &header,
        footer: &footer,
        kicker: &kicker,
    };
    let date = publication_date(&lines, &zones, &block, address, today);
    // A breadcrumb trail may end on the headline.
    let category = in_zones(&[&header, &kicker, &footer])
        .into_iter()
        .filter_map(stated_category)
        .find(|category| title_text.as_deref() != Some(category.as_str()));
    // A byline may come under a standfirst, among the article's first paragraphs.
    let lead = lead_zone(&lines, &block);
    let lead_lines = lead
        .clone()
        .filter(|&index| !is_prose(lines[index]) || header_parts(lines[index]).is_some());
    let author = header
        .clone()
        .chain(lead_lines)
        .chain(footer.clone())
        .filter(|&index| !is_list_entry_name(&lines, index, today))
        .find_map(|index| {
            let line = lines[index];
            header_byline(line).or_else(|| date_line(line, today)?.byline)
        })
        .or_else(|| name_beside_a_date(&lines, [&header, &lead, &footer], today));
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
            article_body(&lines[block], &boxes, title_text.as_deref(), today),
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
        if !is_article_prose(lines[index], today) || is_caption(lines, index, today) {
            break;
        }
        lede.push(index);
    }
    about_the_article(lines, lede, article)
}

/// The article's opening paragraphs, when the page prints them apart from the rest of its
/// text: right under the header's date or byline, then a box longer than the article's
/// paragraphs may run across (a table of contents, a "Lire aussi", a live blog's
/// headlines) before the main block. Their indexes, in order: prose about the article,
/// neither a caption nor a box's teaser.
fn opening(
    lines: &[&str],
    header: &Range<usize>,
    title_words: Option<&[String]>,
    article: &FoldedArticle,
    today: Date,
) -> Vec<usize> {
    let Some(header_line) = header.clone().rev().find(|&index| {
        date_line(lines[index], today).is_some() || byline_author(lines[index]).is_some()
    }) else {
        return Vec::new();
    };
    let mut widget_lines_left = 0;
    let mut opening = Vec::new();
    for index in header_line + 1..header.end {
        let line = lines[index];
        if line.is_empty() {
            continue;
        }
        if is_widget(line) {
            widget_lines_left = MAX_WIDGET_LINES;
        } else if widget_lines_left > 0 {
            widget_lines_left -= 1;
        } else if is_article_prose(line, today)
            && !is_caption(lines, index, today)
            // A photo's caption may be the headline again, as a sentence.
            && title_words != Some(folded_words(line).as_slice())
        {
            opening.push(index);
        }
    }
    opening.truncate(MAX_LEDE_PARAGRAPHS);
    about_the_article(lines, opening, article)
}

/// A photo's text rather than the article's: printed twice over, exactly (its alternative
/// text, then its caption; an article's paragraph is printed once), on two lines or joined
/// into one by the wrapper, followed by its credit, ending on one, or giving the day the
/// photo was taken.
fn is_caption(lines: &[&str], index: usize, today: Date) -> bool {
    let line = lines[index];
    let printed_again = lines[index + 1..]
        .iter()
        .find(|after| !after.is_empty())
        .is_some_and(|after| after.starts_with(line));
    printed_again
        || repeats_its_opening(line)
        || is_image_caption(lines, index)
        || is_credited_caption(line)
        || has_date_after_words(line, today)
}

/// The paragraphs among `candidates` whose content words come back enough in the article.
fn about_the_article(
    lines: &[&str],
    candidates: Vec<usize>,
    article: &FoldedArticle,
) -> Vec<usize> {
    let texts: Vec<&str> = candidates.iter().map(|&index| lines[index]).collect();
    let shares = echo_shares(&texts, article);
    candidates
        .into_iter()
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

/// A name alone on a line (two to four capitalised words, not all in capitals like a label
/// such as "ALERTE INFO") right above or under a date line of the header, of the article's
/// first paragraphs (a caption may open them) or of the footer: the byline of pages that
/// print the author's name without "Par" ("Jeanne Corriveau" / "19 février 2020"). A name
/// printed twice over, as a dump prints a portrait's alternative text then the name, is
/// read once.
fn name_beside_a_date(lines: &[&str], zones: [&Range<usize>; 3], today: Date) -> Option<String> {
    // A tree walker's dump may print the separator between name and date on a line of its
    // own ("Ophélie Ostermann" / "|" / "Le 19 février 2020").
    let is_separator = |line: &&&str| {
        line.chars()
            .all(|c| c.is_whitespace() || "|-•·/".contains(c))
    };
    zones.into_iter().flat_map(Range::clone).find_map(|index| {
        let name = once(lines[index]);
        if !is_name_alone(&name) {
            return None;
        }
        let is_date = |line: &&str| is_date_line_of_header(line, today);
        let above_a_date = || {
            lines[index + 1..]
                .iter()
                .find(|line| !is_separator(line))
                .is_some_and(is_date)
        };
        let under_a_date = || {
            lines[..index]
                .iter()
                .rev()
                .find(|line| !is_separator(line))
                .is_some_and(is_date)
        };
        (above_a_date() || under_a_date()).then_some(name)
    })
}

/// The block's lines without the author's box that may close it, printed as a list's item
/// ("• Jeanne Martin (avec Paul Durand) Journaliste au Quotidien Suivre ce journaliste sur
/// twitter"): its prompts are not the article's words, to be echoed by a headline.
fn without_author_box<'a, 'b>(block: &'b [&'a str]) -> &'b [&'a str] {
    let Some(last) = block.iter().rposition(|line| !line.is_empty()) else {
        return block;
    };
    match strip_bullet(block[last]) {
        (text, true) if opens_on_name_and_role(text) => &block[..last],
        _ => block,
    }
}

/// Whether the line is a name among a list's entries (a page's tags "• Pyrénées-Atlantiques"
/// / "• Nouvelle Aquitaine" / "• Aquitaine", a menu, the site's authors) rather than a
/// header's byline printed as a list item ("- Ludeny Phedjyna Eugene" / "- 11 juil. 2024"):
/// a bulleted name beside another item that is neither a date nor a reading time. A
/// labelled byline ("• Par Elba") is one wherever it stands.
fn is_list_entry_name(lines: &[&str], index: usize, today: Date) -> bool {
    let (text, bulleted) = strip_bullet(lines[index]);
    if !bulleted || !is_plain_name(text) || byline_author(text).is_some() {
        return false;
    }
    let is_other_entry =
        |line: &&str| strip_bullet(line).1 && date_line(line, today).is_none() && !is_noise(line);
    let above = index.checked_sub(1).and_then(|above| lines.get(above));
    above.is_some_and(is_other_entry) || lines.get(index + 1).is_some_and(is_other_entry)
}

/// Whether the line is a header's date line, maybe after the separator that followed the
/// name ("| Le 19 février 2020"); [`date_line`] reads a line of several parts.
fn is_date_line_of_header(line: &str, today: Date) -> bool {
    date_line(line.trim_start_matches(['|', '-', '•', ' ']), today).is_some()
}

/// The text once, when it is printed twice over ("Ophélie OstermannOphélie Ostermann").
fn once(text: &str) -> String {
    let half = text.len() / 2;
    if text.len().is_multiple_of(2) && text.is_char_boundary(half) && text[..half] == text[half..] {
        return text[..half].to_string();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let (first, second) = words.split_at(words.len() / 2);
    if first == second {
        first.join(" ")
    } else {
        text.to_string()
    }
}

/// Where the `count` non-blank lines above `end` start.
fn lines_above(lines: &[&str], end: usize, count: usize) -> usize {
    (0..end)
        .rev()
        .filter(|&index| !lines[index].is_empty())
        .nth(count - 1)
        .unwrap_or(0)
}

/// The lines right after the main block, up to what opens the page's footer or a box of
/// links to other articles, whose dates and names are theirs.
fn footer_zone(lines: &[&str], block_end: usize) -> Range<usize> {
    let mut end = block_end;
    let mut seen = 0;
    while end < lines.len()
        && seen < FOOTER_LINES
        && !is_boundary(lines[end])
        && !is_widget(lines[end])
    {
        seen += usize::from(!lines[end].is_empty());
        end += 1;
    }
    block_end..end
}

/// bylines, repeated lines or the title. `boxes` are the boxes of short lines the block
/// runs across, as ranges of its lines.
fn article_body(
    block: &[&str],
    boxes: &[Range<usize>],
    title: Option<&str>,
    today: Date,
) -> String {
    let header = header_under_lede(block, today);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut widget_lines_left = 0;
    for (index, line) in block.iter().enumerate() {
        if line.is_empty()
            || boxes.iter().any(|found| found.contains(&index))
            || header.contains(&index)
        {
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

/// The header a page prints under the lede (chapô) that opens the block, when it holds a
/// date line: the short lines between the first paragraph and the next ("Jeanne Martin" /
/// "Publié à 6 h 00 12 mars 2024" / a photo's text), which are not the article's text.
fn header_under_lede(block: &[&str], today: Date) -> Range<usize> {
    let mut prose = block
        .iter()
        .enumerate()
        .filter(|(_, line)| is_prose(line))
        .map(|(index, _)| index);
    let (Some(lede), Some(text)) = (prose.next(), prose.next()) else {
        return 0..0;
    };
    let between = lede + 1..text;
    let has_date = block[between.clone()]
        .iter()
        .any(|line| date_line(line, today).is_some());
    if has_date {
        between
    } else {
        0..0
    }
}

/// A page with no paragraph of prose: its first headline-like line is the title and the
/// lines after it, up to the footer, are the body; a page where that leaves nothing is a note.
fn read_page_without_prose(lines: &[&str], today: Date) -> (PageFields, Clues) {
    let title_index = lines.iter().position(|line| is_headline(line, today));
    let start = title_index.map_or(0, |index| index + 1);
    let end = (start..lines.len())
        .find(|&index| is_boundary(lines[index]))
        .unwrap_or(lines.len());
    let body = article_body(&lines[start..end], &[], None, today);
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
    use super::title::{is_header_line, same_headline};
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

    /// A page whose header is followed by `caption`, a table of contents, the article's
    /// opening paragraph and a box, then the rest of the article.
    fn opening_page(caption: &str) -> String {
        let contents = "Sommaire\n\
• Les maires adoptent une motion sur l'accès aux soins dans les campagnes\n\
• La ministre de la Santé promet une réponse avant la fin de l'année\n\
• Les jeunes médecins réticents à s'installer loin des hôpitaux\n";
        format!(
            "Accueil\nSociété\nLes maires ruraux réclament un plan pour les médecins de campagne\n\
Par Claire Bonnet\nPublié le 18 novembre 2025 à 11h05\n{caption}\n{contents}\
Réunis en congrès à Périgueux, les maires des communes rurales demandent à l'État un plan pour installer des médecins dans les campagnes.\n\
À découvrir\n• Notre podcast santé\n{}",
            LEDE_ARTICLE.split_once("Copier le lien\n").unwrap().1
        )
    }

    #[test]
    fn the_opening_paragraph_under_the_header_opens_the_body_and_a_caption_does_not() {
        // Long enough to be prose: only its repeated opening tells it from a paragraph.
        let twice = "Les maires des communes rurales réunis en congrès à Périgueux. Les maires des communes rurales réunis en congrès à Périgueux, lundi, pour réclamer des médecins. CLAIRE BONNET / AGENCE";
        let headline_again = "Les maires ruraux réclament un plan pour les médecins de campagne.";
        for caption in [twice, headline_again] {
            let body = read_page_fields(&opening_page(caption), today()).body;
            assert!(
                body.starts_with("Réunis en congrès à Périgueux, les maires"),
                "{body}"
            );
            assert!(body.contains("Les maires ruraux ont adopté mardi"));
            assert!(
                !body.contains(caption) && !body.contains("Sommaire"),
                "{body}"
            );
        }
    }

    /// A photo's caption, a "Lire aussi" box of long headlines, then the header's date
    /// line: the caption is not joined to the article across the box, and the date line is
    /// read as the header's.
    #[test]
    fn a_date_line_after_a_related_box_is_the_header_of_the_text_below() {
        let page = format!(
            "Accueil\nSociété\nLes maires ruraux réclament un plan pour les médecins de campagne\n\
Les maires des communes rurales réunis en congrès à Périgueux.\n\
© Claire Bonnet / Agence\n\
A lire aussi\n\
Santé : les jeunes médecins boudent toujours les campagnes malgré les aides de l'État\n\
Société\n\
Hôpital : les urgences de plusieurs villes moyennes fermeront la nuit pendant les fêtes\n\
Agence, publié le mardi 18 novembre 2025 à 11h05\n{}",
            LEDE_ARTICLE.split_once("Copier le lien\n").unwrap().1
        );
        let fields = read_page_fields(&page, today());
        assert_eq!(
            fields.date.map(|d| d.date.to_string()).as_deref(),
            Some("2025-11-18")
        );
        assert!(
            fields
                .body
                .starts_with("Les maires ruraux ont adopté mardi"),
            "{}",
            fields.body
        );
    }

    /// A post the article quotes last keeps its signature; the byline after it is not text.
    #[test]
    fn the_signature_of_a_quoted_post_closes_the_article() {
        let post = "Les maires ruraux réunis à Périgueux demandent des médecins pour les campagnes, et ils ont bien raison de le faire : la santé de tous en dépend. https://t.co/abc";
        let page = format!(
            "{}\n\n{post}\n\n— Association des maires (@maires_ruraux) November 18, 2025\n\nClaire BONNET\n\nLes plus lus\n",
            lede_page("")
        );
        let body = read_page_fields(&page, today()).body;
        assert!(
            body.ends_with("Association des maires (@maires_ruraux) November 18, 2025"),
            "{body}"
        );
    }

    pub(super) fn today() -> Date {
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
                today(),
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

    /// A headline as long as prose is told from it by the date line under it: it is the
    /// title, and the text starts under the date.
    #[test]
    fn a_headline_longer_than_prose_over_its_date_is_the_title() {
        let headline = "Au Havre, après trois semaines d'un conflit qui a paralysé le premier port à conteneurs du pays, les dockers votent à main levée la reprise du travail";
        assert!(is_prose(headline));
        let page = format!(
            "Accueil\nÉconomie\nSport\n\n{headline}\n\nPublié le 12 mars 2024 à 10h30\n\n\
             Les dockers du Havre ont voté mercredi la reprise du travail, après trois semaines d'un conflit qui a paralysé le premier port à conteneurs du pays.\n\n\
             Le vote, organisé à main levée devant les grilles du terminal, a réuni plus de huit cents dockers, selon les syndicats du port.\n"
        );
        let fields = read_page_fields(&page, today());
        assert_eq!(fields.title.as_deref(), Some(headline));
        assert!(
            fields.body.starts_with("Les dockers du Havre"),
            "{}",
            fields.body
        );
        // A line as long that ends on a full stop is the text's.
        let sentence = page.replace(headline, &format!("{headline}."));
        assert_eq!(read_page_fields(&sentence, today()).title, None);
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

    /// A header line that says only when, relative to the day the page was saved, it
    /// appeared is no headline, though it is the nearest line above the text.
    #[test]
    fn a_relative_time_is_no_headline() {
        // The text hardly echoes the headline: the nearest headline-shaped line is taken.
        let article = "Le conseil municipal a voté mardi soir une hausse des tarifs, après un long débat entre la majorité et l'opposition sur le coût des repas.\n\nLes parents d'élèves, venus nombreux, ont dénoncé une décision prise sans concertation et annoncent une pétition.\n";
        for header in ["il y a 3 heures", "Publié aujourd'hui à 10h30"] {
            let page = format!("La cantine plus chère à la rentrée\n\n{header}\n\n{article}");
            let fields = read_page_fields(&page, today());
            assert_eq!(
                fields.title.as_deref(),
                Some("La cantine plus chère à la rentrée"),
                "{header}"
            );
        }
    }

    /// Under a lede, the header (byline, date line, a photo's text) is not the article's
    /// text; a newsletter's prompt written as a sentence, and the site's copyright notice
    /// after a list of other articles, are not either.
    #[test]
    fn the_header_under_a_lede_and_the_sites_notices_are_not_the_text() {
        let page = "Le Quotidien du Nord\n\n  • Actualités\n  • Politique\n\nPolitique municipale\n\n\
            Le tramway de Québec reporté d’un an\n\n\
            La Ville blâme la hausse des coûts de construction et les délais d’approvisionnement.\n\n\
            Marie-Ève TremblayLe Quotidien du Nord\n\
            Publié à 6 h 00 12 mars 2024 Mis à jour à 14 h 35\n\n\
            Une rame de tramway\n\
            Le projet de tramway est estimé à 8,4 milliards de dollars. (Photo : Jean Gagnon)\n\n\
            La mise en service du tramway de Québec est repoussée à 2030, a annoncé lundi le maire lors d’une conférence de presse à l’hôtel de ville.\n\n\
            Les soumissions reçues pour la construction du centre d’entretien dépassent de 30 % les estimations, selon le bureau de projet.\n\n\
            Abonnez-vous à notre infolettre pour recevoir chaque matin l’essentiel de l’actualité.\n\n\
            Le gouvernement provincial, qui finance la majeure partie du projet, dit vouloir attendre le nouvel échéancier.\n\n\
            Plus de nouvelles\n\n  • Déneigement : la Ville promet de faire mieux 11 mars 2024\n\n\
            © 2024 Le Quotidien du Nord. Tous droits réservés.\n";
        let fields = read_page_fields(page, today());
        assert_eq!(
            fields.title.as_deref(),
            Some("Le tramway de Québec reporté d’un an")
        );
        assert_eq!(
            fields.date.map(|date| date.date.to_string()).as_deref(),
            Some("2024-03-12")
        );
        let body = fields.body;
        assert!(body.starts_with("La Ville blâme"), "{body}");
        assert!(body.ends_with("attendre le nouvel échéancier."), "{body}");
        for absent in [
            "Tremblay",
            "Publié",
            "rame",
            "Photo",
            "Abonnez",
            "Déneigement",
            "©",
        ] {
            assert!(!body.contains(absent), "{absent}: {body}");
        }
    }

    /// A header line of parts is a date line though its last part ends on a full stop,
    /// and a two-digit year is read before the time of day.
    #[test]
    fn header_lines_ending_on_a_full_stop_and_short_years() {
        let article = "Les ostréiculteurs du golfe du Morbihan ont constaté mardi des pertes importantes dans leurs parcs après le passage de la tempête, selon leur syndicat.\n\nLa chambre régionale demande une aide rapide de l'État pour les exploitations touchées par les dégâts.\n";
        for header in [
            "12 mars 2024 à 10h30 | Lecture 3 min.",
            "Le 12/03/24 à 10h30",
        ] {
            let page = format!(
                "Les ostréiculteurs comptent leurs pertes après la tempête\n\n{header}\n\n{article}"
            );
            let fields = read_page_fields(&page, today());
            let date = fields.date.map(|date| date.date.to_string());
            assert_eq!(date.as_deref(), Some("2024-03-12"), "{header}");
            assert_eq!(
                fields.title.as_deref(),
                Some("Les ostréiculteurs comptent leurs pertes après la tempête"),
                "{header}"
            );
        }
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

    /// The author's box closing the block is not the article's words, to be echoed by a
    /// headline; a last paragraph naming a person is.
    #[test]
    fn the_author_box_is_not_the_articles_words() {
        let text = [
            "Les maires ruraux ont adopté mardi une motion.",
            "",
            "  • Claire Bonnet (avec Paul Durand) Journaliste Suivre cette journaliste sur twitter",
            "",
        ];
        assert_eq!(without_author_box(&text), &text[..2]);
        let named = [
            "Les maires ruraux ont adopté mardi une motion.",
            "Claire Bonnet (PS), maire de Périgueux, a salué le vote.",
        ];
        assert_eq!(without_author_box(&named), &named[..]);
    }

    /// A name among a page's tags ("• Nouvelle Aquitaine") is no byline; a name printed as
    /// the list item beside the header's date is one.
    #[test]
    fn a_name_among_listed_tags_is_no_byline() {
        let text = LEDE_ARTICLE.split_once("Copier le lien\n").unwrap().1;
        let tagged = format!("Accueil\nLes maires ruraux réclament un plan pour les médecins de campagne\n\n18 novembre 2025\n{text}\nMots-clés\n\n  • Santé\n  • Nouvelle Aquitaine\n  • Médecins\n");
        assert_eq!(read_page_fields(&tagged, today()).author, None);
        let listed = format!("Accueil\nLes maires ruraux réclament un plan pour les médecins de campagne\n- Claire Bonnet\n- 18 novembre 2025\n- 2 min de lecture\n\n{text}");
        assert_eq!(
            read_page_fields(&listed, today()).author.as_deref(),
            Some("Claire Bonnet")
        );
    }

    /// A name alone right above or under the date line is the byline; a label in capitals
    /// above a teaser's date is not, nor a place.
    #[test]
    fn a_name_alone_beside_the_date_line_is_the_byline() {
        let text = LEDE_ARTICLE.split_once("Copier le lien\n").unwrap().1;
        let page = |name: &str| {
            format!("Accueil\nLes maires ruraux réclament un plan pour les médecins de campagne\n{name}\n\n18 novembre 2025\n{text}")
        };
        let author = |name: &str| read_page_fields(&page(name), today()).author;
        assert_eq!(author("Claire Bonnet").as_deref(), Some("Claire Bonnet"));
        assert_eq!(
            author("Claire Bonnet Claire Bonnet").as_deref(),
            Some("Claire Bonnet")
        );
        assert_eq!(
            author("Claire Bonnet\n\n|\n\nLe").as_deref(),
            Some("Claire Bonnet")
        );
        assert_eq!(
            author("Claire Bonnet et Paul Durand").as_deref(),
            Some("Claire Bonnet et Paul Durand")
        );
        assert_eq!(author("ALERTE INFO"), None);
        assert_eq!(author("Les médecins partent"), None);
        // A weekday and its date printed under the name is no rest of its sentence.
        let above_a_weekday = format!("Accueil\nLes maires ruraux réclament un plan pour les médecins de campagne\n\nClaire Bonnet\nmardi 18 novembre 2025 à 10:30\n{text}");
        assert_eq!(
            read_page_fields(&above_a_weekday, today())
                .author
                .as_deref(),
            Some("Claire Bonnet")
        );
        let under = |name: &str| {
            let page = format!("Accueil\nLes maires ruraux réclament un plan pour les médecins de campagne\n\n18 novembre 2025\n{name}\n{text}");
            read_page_fields(&page, today()).author
        };
        assert_eq!(under("Claire Bonnet").as_deref(), Some("Claire Bonnet"));
        assert_eq!(under("La Rochelle"), None);
        assert_eq!(once("Claire BonnetClaire Bonnet"), "Claire Bonnet");
        assert_eq!(once("Claire Bonnet"), "Claire Bonnet");
    }

    /// A headline too short to tell from a menu entry is not taken, but the date and the
    /// byline right above the article still are.
    #[test]
    fn without_a_headline_the_lines_above_the_article_date_it() {
        let text = LEDE_ARTICLE.split_once("Copier le lien\n").unwrap().1;
        let page = format!(
            "Accueil\nSport\nCulture\nSe connecter\nGrève levée\nPar Claire Bonnet\nPublié le 12 mars 2024 à 10h30\n\n{text}"
        );
        let (fields, clues) = read_page(&page, today());
        assert_eq!(clues.title, None);
        assert_eq!(
            fields.date.map(|found| found.date.to_string()).as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(fields.author.as_deref(), Some("Claire Bonnet"));
    }

    #[test]
    fn empty_page() {
        assert_eq!(read_page_fields("", today()), PageFields::default());
    }

    #[test]
    fn a_publication_day_without_its_year_is_no_headline() {
        // A line-per-markup dump: the headline, a related box, then the header's date,
        // printed without its year, right over the text.
        let page = "Toutes les news\n\
\n\
Art Car Collection\n\
\n\
Réagir\n\
Art Car Collection\n\
1\n\
/8\n\
\n\
© Studio\n\
\n\
A lire aussi\n\
News\n\
\n\
Un nouveau tout-terrain sur les traces des anciens\n\
\n\
News\n\
\n\
Nouvelles finitions pour le grand coupé\n\
\n\
publié le\n\
11 juillet\n\
En 1975, la toute première Art Car était l'idée d'un pilote et commissaire-priseur, qui souhaitait qu'un peintre revisite une voiture de course.\n\
La lignée s'est poursuivie jusqu'à aujourd'hui, toujours réalisée par de célèbres artistes de mouvances et d'époques différentes, et ces carrosseries s'exposent.\n\
Le constructeur propose désormais de découvrir en détail chacune des Art Cars grâce à une visite virtuelle de la collection.\n\
";
        let fields = read_page_fields(page, today());
        assert_eq!(fields.title.as_deref(), Some("Art Car Collection"));
    }
}
