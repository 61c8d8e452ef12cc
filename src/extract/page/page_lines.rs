//! What a line of a scraped page is: article prose, a menu or share button, a list header that ends the article.

use crate::analysis::fold::fold;
use crate::extract::clues::byline::byline_author;
use crate::extract::clues::french_date::{day_and_month_at_start, DATE_LABEL_WORDS};

/// A line is prose when it reads as a paragraph: enough words and a sentence ending,
/// or long enough that no menu entry or headline would be.
pub(crate) fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= PROSE_WORDS || (words >= 8 && ends_a_sentence(line))
}

/// Words from which a line is prose however it ends.
pub(crate) const PROSE_WORDS: usize = 25;

pub(crate) fn ends_a_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(|c: char| {
        matches!(c, '»' | '"' | '”' | ')' | ' ' | '\u{A0}' | '\u{202F}')
    });
    end.ends_with(['.', '!', '…', ':', ';'])
}

/// What joins the parts of a header line: "Le Monde | 04.05.2015 à 13h36 • Mis à jour le
/// 05.05.2015 à 20h13 | Par Martin Untersinger".
const HEADER_SEPARATORS: [char; 3] = ['|', '•', '·'];
/// Words a part of a header line may have ("Par Martin Untersinger (avec Damien Leloup et
/// Morgane Tual)" has nine).
const MAX_HEADER_PART_WORDS: usize = 10;

/// The parts of a header line that joins the page's source, dates and byline with `|`, `•`
/// or `·`: two or more, each short. The last may end on a full stop ("Par Jeanne Martin |
/// Publié le 12 mars 2024 à 10h30 | Lecture 4 min.") without the line being a sentence.
pub(crate) fn header_parts(line: &str) -> Option<Vec<&str>> {
    if !line.contains(HEADER_SEPARATORS) {
        return None;
    }
    let parts: Vec<&str> = line
        .split(HEADER_SEPARATORS)
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let short = |part: &&str| part.split_whitespace().count() <= MAX_HEADER_PART_WORDS;
    (parts.len() >= 2 && parts.iter().all(short)).then_some(parts)
}

/// The author a header line names: a byline ("Par Jeanne Martin"), or a byline among the
/// parts of a line joining the source, the dates and the byline ("Par Jeanne Martin (à
/// Quiberon) | Publié le 12 mars 2024 | Lecture 4 min.").
pub(crate) fn header_byline(line: &str) -> Option<String> {
    byline_author(line).or_else(|| header_parts(line)?.into_iter().find_map(byline_author))
}

/// Words of the name after "par" on a signed item's header that gives no time of day.
const MAX_SIGNER_WORDS: usize = 4;

/// Whether the line heads or signs a reader's comment or a forum message: a day and month,
/// the year left out or not, maybe a time of day, then who wrote it ("Le 29 juin à 10:43, par
/// M.Claire En réponse à : …", "— Le 22 septembre, par Kevin Nabat."). Without a time of day
/// only a short name may follow, so that a sentence opening on a date ("Le 3 juillet, par
/// décret, le gouvernement fixe…") is not one.
pub(crate) fn is_signed_item_header(line: &str) -> bool {
    if is_prose(line) {
        return false;
    }
    let text = without_day_markers(line);
    let Some(date_end) = day_and_month_at_start(text) else {
        return false;
    };
    let rest = text[date_end..].replace(',', " ");
    let mut words = rest.split_whitespace().peekable();
    words.next_if(|word| *word == "à");
    let timed = words
        .next_if(|word| word.starts_with(|c: char| c.is_ascii_digit()) && word.contains([':', 'h']))
        .is_some();
    if !words
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("par"))
    {
        return false;
    }
    let signer_words = words.count();
    signer_words > 0 && (timed || signer_words <= MAX_SIGNER_WORDS)
}

/// Whether the line is a day and month and nothing else ("Le 5 juillet", "- 22 sept."): in a
/// list of other articles' teasers, the date each was published, its year left out.
pub(crate) fn is_day_and_month_line(line: &str) -> bool {
    let text = without_day_markers(line);
    day_and_month_at_start(text).is_some_and(|end| text[end..].trim().is_empty())
}

/// Whether the line labels a day and month as the page's publication or update, its year
/// left out, maybe with the time ("Publié le 11 juillet", "Mis à jour le 3 août à 10h30"):
/// a header line, never a headline.
pub(crate) fn is_labelled_day_and_month(line: &str) -> bool {
    let folded = fold(line.trim());
    let mut rest = folded.as_str();
    let mut labelled = false;
    while let Some((word, after)) = rest.split_once(' ') {
        if DATE_LABEL_WORDS.contains(&word) {
            labelled = true;
        } else if !matches!(word, "le" | "a" | "en" | "ligne" | "on" | "du") {
            break;
        }
        rest = after.trim_start();
    }
    let Some(end) = labelled.then(|| day_and_month_at_start(rest)).flatten() else {
        return false;
    };
    let mut after_date = rest[end..].split_whitespace();
    match (after_date.next(), after_date.next(), after_date.next()) {
        (None, ..) => true,
        (Some("a" | "-" | ","), Some(time), None) | (Some(time), None, None) => {
            time.starts_with(|c: char| c.is_ascii_digit()) && time.contains([':', 'h'])
        }
        _ => false,
    }
}

/// Words that may stand beside a time on a line saying when, relative to the day it was
/// read, a page was published ("il y a 3 heures", "aujourd'hui à 10h30"), as split by
/// [`is_relative_time_line`]; "aujourd'hui" is two words there.
const RELATIVE_TIME_WORDS: &[&str] = &[
    "il", "y", "a", "le", "depuis", "aujourd", "hui", "hier", "s", "sec", "seconde", "secondes",
    "mn", "min", "mins", "minute", "minutes", "h", "heure", "heures", "jour", "jours", "semaine",
    "semaines",
];

/// Whether the line only says how long ago, or at what time today or yesterday, the page
/// was published or updated ("il y a 3 heures", "Publié aujourd'hui à 10h30", "Hier à
/// 18:05 | Mis à jour il y a 5 min"): a header line, never a headline.
pub(crate) fn is_relative_time_line(line: &str) -> bool {
    let folded = fold(line);
    let words = || {
        folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
    };
    let says_when =
        folded.contains("il y a ") || words().any(|word| matches!(word, "aujourd" | "hier"));
    says_when
        && words().all(|word| {
            word.starts_with(|c: char| c.is_ascii_digit())
                || DATE_LABEL_WORDS.contains(&word)
                || RELATIVE_TIME_WORDS.contains(&word)
        })
}

/// The line from its first letter or digit, without the "Le" before a day: the markers a
/// dump prints before a dated item ("#", "^", bullets, dashes) are not its text.
fn without_day_markers(line: &str) -> &str {
    let text = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    ["Le ", "le "]
        .iter()
        .find_map(|article| text.strip_prefix(article))
        .unwrap_or(text)
}

/// Strips a list bullet ("• ", "- ", "– ", "* ", "· ", "► ") and reports whether there was one.
pub(crate) fn strip_bullet(line: &str) -> (&str, bool) {
    let trimmed = line.trim();
    for bullet in ['•', '-', '–', '—', '*', '·', '►', '▪'] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            if rest.starts_with(char::is_whitespace) {
                return (rest.trim(), true);
            }
        }
    }
    (trimmed, false)
}

/// The folded form of a short line used to compare it with the lists below.
fn key(line: &str) -> String {
    let folded = fold(strip_bullet(line).0);
    folded
        .trim_end_matches([':', ' ', '.', '!', '»', '>'])
        .trim()
        .to_string()
}

/// Headers of what follows an article: related lists, comments, footers, login forms.
const BOUNDARIES: &[&str] = &[
    "articles recents",
    "derniers articles",
    "nos derniers articles",
    "vous pourriez aussi aimer",
    "vous aimerez aussi",
    "vous aimerez egalement",
    "sur le meme sujet",
    "dans la meme rubrique",
    "les plus lus",
    "les plus partages",
    "articles similaires",
    "articles lies",
    "a decouvrir",
    "recommande pour vous",
    "contenus sponsorises",
    "you may also like",
    "related articles",
    "related posts",
    "leave a comment",
    "leave a reply",
    "laisser un commentaire",
    "laissez un commentaire",
    "ajouter un commentaire",
    "commentaires",
    "reagir",
    "quitter la version mobile",
    "welcome back",
    "sign in to your account",
    "se connecter",
    "connexion",
    "mot de passe oublie",
    "vous avez perdu votre mot de passe ?",
    "nous suivre",
    "suivez-nous",
    "liens utiles",
    "newsletter",
    "inscrivez-vous a la newsletter",
];

/// Links to the neighbouring articles that blogs and news sites print under an article,
/// the linked headline on the same line ("Article suivant Les Tunisiens rapatriés…").
const NEIGHBOUR_LINKS: &[&str] = &[
    "article precedent",
    "article suivant",
    "billet precedent",
    "billet suivant",
    "previous post",
    "next post",
];

/// Whether the line opens what follows the article (related lists, comments, footer), or
/// links to the previous or next article, which only comes after it.
pub(crate) fn is_boundary(line: &str) -> bool {
    let key = key(line);
    BOUNDARIES.contains(&key.as_str())
        || is_paywall_notice(&key)
        || is_comment_count(&key)
        || NEIGHBOUR_LINKS.iter().any(|link| {
            key.strip_prefix(link)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
}

/// What a count of the readers' comments counts, folded.
const COMMENT_WORDS: &[&str] = &[
    "commentaire",
    "commentaires",
    "reponse",
    "reponses",
    "reaction",
    "reactions",
    "comment",
    "comments",
];

/// Words of a comment count's header, "4 réponses à « … »" naming the article.
const MAX_COMMENT_COUNT_WORDS: usize = 20;

/// Whether the folded line heads the readers' comments by counting them ("4 réponses",
/// "12 commentaires", "Réactions (6)", "Une réponse à « Le titre »"): comments come after
/// the article.
fn is_comment_count(folded: &str) -> bool {
    // Most lines are settled by their first word.
    let mut words = folded.split_whitespace();
    let first = words.next().unwrap_or("");
    // "Réactions (6)", "Commentaires (12)".
    if COMMENT_WORDS.contains(&first) {
        return words.next().is_some_and(|count| {
            count.starts_with('(')
                && count.ends_with(')')
                && count[1..count.len() - 1].parse::<u32>().is_ok()
        }) && words.next().is_none();
    }
    let counts = matches!(first, "un" | "une") || first.parse::<u32>().is_ok();
    if !counts
        || !words
            .next()
            .is_some_and(|word| COMMENT_WORDS.contains(&word))
    {
        return false;
    }
    // "Une réponse à la crise" is a subheading; "Une réponse à « Le titre »" quotes the
    // article's headline.
    match words.next() {
        None => true,
        Some(word) => {
            matches!(word, "a" | "sur" | "to" | "on")
                && folded.contains(['«', '"', '“'])
                && words.count() + 3 < MAX_COMMENT_COUNT_WORDS
        }
    }
}

/// Words of a paywall's notice ("Il vous reste 57% de cet article à lire. La suite est
/// réservée aux abonnés.").
const MAX_PAYWALL_NOTICE_WORDS: usize = 30;

/// Whether the folded line tells that the rest of the article is for subscribers: the
/// article's free text ends there. A badge ("Article réservé aux abonnés") says nothing of
/// a rest, and is printed above an article or beside a linked headline.
fn is_paywall_notice(folded: &str) -> bool {
    folded.contains("abonne")
        && folded.contains("reserve")
        && (folded.contains("il vous reste") || folded.contains("la suite"))
        && folded.split_whitespace().count() <= MAX_PAYWALL_NOTICE_WORDS
}

/// Words of a subscribers' badge ("Article réservé aux abonnés", "Cet article est réservé
/// à nos abonnés.").
const MAX_BADGE_WORDS: usize = 7;

/// Whether the folded line is a subscribers' badge, printed beside a headline or where a
/// paywall cuts the text.
fn is_subscribers_badge(folded: &str) -> bool {
    folded.contains("reserve")
        && folded.contains("abonne")
        && folded.split_whitespace().count() <= MAX_BADGE_WORDS
}

/// Account prompts among the boundaries: the button that opens a login form after an
/// article, or that ends a sign-in box inside it.
const ACCOUNT_PROMPTS: &[&str] = &[
    "se connecter",
    "connexion",
    "welcome back",
    "sign in to your account",
];

/// Whether the line is an account prompt ("Se connecter"), which a page prints both
/// above its login form and at the end of a sign-in box inside the article.
pub(crate) fn is_account_prompt(line: &str) -> bool {
    ACCOUNT_PROMPTS.contains(&key(line).as_str())
}

/// Headers of a related-link box inserted inside an article.
const WIDGETS: &[&str] = &[
    "lire aussi",
    "a lire aussi",
    "lire egalement",
    "a lire egalement",
    "voir aussi",
    "a voir aussi",
    "suivez la couverture complete",
    "sur le meme theme",
    "read more",
    "a voir",
];

/// Whether the line opens a related-link box inside the article ("Lire aussi").
pub(crate) fn is_widget(line: &str) -> bool {
    WIDGETS.contains(&key(line).as_str())
}

/// Words of a newsletter's prompt ("Newsletter : recevez chaque matin l'essentiel de
/// l'actualité").
const MAX_NEWSLETTER_PROMPT_WORDS: usize = 12;

/// Whether the line heads a newsletter's sign-up box, inside an article or after it
/// ("Inscrivez-vous à notre newsletter", "Recevez notre infolettre").
pub(crate) fn is_newsletter_prompt(line: &str) -> bool {
    // Most lines are settled before they are folded: every name has "lett" in it.
    if !contains_ignoring_case(line, b"lett")
        || line
            .split_whitespace()
            .nth(MAX_SIGN_UP_SENTENCE_WORDS)
            .is_some()
    {
        return false;
    }
    let key = key(line);
    let names_a_newsletter = [
        "newsletter",
        "infolettre",
        "lettre d'information",
        "lettre d’information",
    ]
    .iter()
    .any(|name| key.contains(name));
    // A sentence may be the prompt when it tells the reader to sign up ("Abonnez-vous à
    // notre infolettre pour recevoir chaque matin l'essentiel de l'actualité."); one that
    // tells of a newsletter is an article's.
    let tells_to_sign_up = SIGN_UP_VERBS.iter().any(|verb| key.starts_with(verb));
    names_a_newsletter
        && (tells_to_sign_up
            || (key.split_whitespace().count() <= MAX_NEWSLETTER_PROMPT_WORDS && !is_prose(line)))
}

/// Imperatives that open a newsletter's prompt, folded.
const SIGN_UP_VERBS: &[&str] = &["abonnez-vous", "inscrivez-vous", "recevez", "souscrivez"];

/// Words of a prompt written as a sentence telling the reader to sign up.
const MAX_SIGN_UP_SENTENCE_WORDS: usize = 20;

/// Words a text must have for its being printed again right after itself to tell.
const MIN_REPEATED_WORDS: usize = 4;

/// Whether the line is one text printed again right after itself, maybe cut short by the
/// wrap ("Le port du Havre à l'arrêt Le port du Havre à l'arrêt"): how text dumps print a
/// teaser's picture, its alternative text then the headline it links to. A writer never
/// repeats a clause of four words or more back to back; a doubled headline runs as long
/// as a paragraph without being one.
pub(crate) fn is_printed_twice(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (MIN_REPEATED_WORDS..=words.len() - MIN_REPEATED_WORDS.min(words.len())).any(|period| {
        words[period..]
            .iter()
            .zip(&words)
            .all(|(again, first)| again == first)
    })
}

/// Words that open a line and come back later in it when a photo's alternative text and
/// caption are joined into one line.
const REPEATED_OPENING_WORDS: usize = 6;

/// Whether the line's first words come back later in it, as they do in a photo's text
/// printed twice and joined into one line; a paragraph does not repeat its opening.
pub(crate) fn repeats_its_opening(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 2 * REPEATED_OPENING_WORDS
        && words[1..]
            .windows(REPEATED_OPENING_WORDS)
            .any(|window| window == &words[..REPEATED_OPENING_WORDS])
}

/// Words a photo credit at the end of a caption may have ("(C) Jean Martin", "© AFP").
const MAX_CREDIT_WORDS: usize = 4;

/// Whether the line is an image's caption with its credit at the end ("Le piquet de grève
/// dans le hall / (C) Jean Martin", "Le port à l'arrêt © AFP"): an article's own sentence
/// does not end on a copyright sign and a name.
pub(crate) fn is_credited_caption(line: &str) -> bool {
    let folded = fold(line);
    let Some(at) = ["©", "(c)"]
        .iter()
        .filter_map(|sign| folded.rfind(sign))
        .max()
    else {
        return false;
    };
    let credit = folded[at..].trim_start_matches(['©', '(', 'c', ')']);
    at > 0
        && !is_prose(line)
        && credit.split_whitespace().count() <= MAX_CREDIT_WORDS
        && !credit.trim().is_empty()
}

/// Whether the line is a link to another article introduced as one ("Lire aussi : Le port
/// du Havre à l'arrêt", "À lire aussi » …"): an article's own sentence never starts so,
/// however long the linked headline.
pub(crate) fn is_related_link(line: &str) -> bool {
    let folded = fold(strip_bullet(line).0);
    WIDGETS.iter().any(|widget| {
        folded
            .strip_prefix(widget)
            .is_some_and(|rest| rest.trim_start().starts_with([':', '»', '>', '|']))
    })
}

/// Words of share bars and social links.
const SHARE_WORDS: &[&str] = &[
    "partager",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "telegram",
    "messenger",
    "email",
    "e-mail",
    "mail",
    "imprimer",
    "pinterest",
    "reddit",
    "youtube",
    "rss",
    "medium",
    "instagram",
    "tiktok",
    "flipboard",
    "copier",
    "le",
    "lien",
    "sur",
    "suivre",
    "share",
    "tweet",
];

/// Whether `text` holds `needle`, an ASCII word, in any case: a test cheaper than folding.
fn contains_ignoring_case(text: &str, needle: &[u8]) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// Words with which a site's cookie notice speaks to its reader about the site: an article
/// about cookies reports on others' sites.
const CONSENT_WORDS: &[&str] = &[
    "votre navigation",
    "vous acceptez",
    "nous utilisons",
    "ce site",
    "notre site",
    "vos preferences",
    "vos choix",
];

/// Whether the line is a site's cookie notice ("Nous utilisons des cookies… En poursuivant
/// votre navigation, vous acceptez…"), which dumps print with the page.
pub(crate) fn is_consent_notice(line: &str) -> bool {
    // Most lines are settled without being folded.
    if !contains_ignoring_case(line, b"cookie") {
        return false;
    }
    let folded = key(line);
    CONSENT_WORDS.iter().any(|words| folded.contains(words))
}

/// Lines that are never article text: share bars, markup debris, ads, reading times, a
/// site's cookie notice.
pub(crate) fn is_noise(line: &str) -> bool {
    let key = key(line);
    if key.is_empty() || is_consent_notice(line) {
        return true;
    }
    let markup = ["class=\"", "type=\"", "href=", "src=\"", "</", "/>"];
    if markup.iter().any(|fragment| line.contains(fragment)) {
        return true;
    }
    let fixed = [
        "publicite",
        "advertisement",
        "for latest updates follow us on google news",
        "(nouvelle fenetre)",
        "lire la suite",
        "temps de lecture",
    ];
    if fixed.contains(&key.as_str())
        || is_reading_time(&key)
        || is_copyright_key(&key)
        || is_form_field(line)
        || is_paywall_notice(&key)
        || is_subscribers_badge(&key)
    {
        return true;
    }
    key.split_whitespace()
        .all(|word| SHARE_WORDS.contains(&word))
}

/// Words of a site's copyright notice ("© 2024 Le Quotidien du Nord. Tous droits
/// réservés. Reproduction interdite sans autorisation.").
const MAX_COPYRIGHT_WORDS: usize = 20;

/// A site's copyright notice: it opens on the sign or the word, or reserves the rights,
/// and is short. An article's sentence does neither.
pub(crate) fn is_copyright_notice(line: &str) -> bool {
    // Most lines are settled by their length or without being folded.
    if line.split_whitespace().nth(MAX_COPYRIGHT_WORDS).is_some() {
        return false;
    }
    let may_be = line.contains('©')
        || contains_ignoring_case(line, b"(c)")
        || contains_ignoring_case(line, b"copyright")
        || contains_ignoring_case(line, b"droits r")
        || contains_ignoring_case(line, b"rights reserved");
    may_be && is_copyright_key(&key(line))
}

/// [`is_copyright_notice`] of a line's [`key`].
fn is_copyright_key(key: &str) -> bool {
    let opens_on_copyright =
        key.starts_with('©') || key.starts_with("(c) ") || key.starts_with("copyright ");
    (opens_on_copyright
        || key.contains("tous droits reserves")
        || key.contains("all rights reserved"))
        && key.split_whitespace().nth(MAX_COPYRIGHT_WORDS).is_none()
}

/// "2 min de lecture", "lecture 3 min".
fn is_reading_time(key: &str) -> bool {
    key.split_whitespace().count() <= 5 && key.contains("lecture") && key.contains("min")
}

/// The line without the markers text browsers print at its start for images, links and
/// buttons: "[IMG]", "[*]", "[3f87c03_2023-08-22t06114]" (an image's file name), "[Envoyer]".
pub(crate) fn strip_link_markers(line: &str) -> &str {
    let mut rest = line.trim_start();
    // How lynx prints a button: its label follows.
    if let Some(after) = rest.strip_prefix("(BUTTON)") {
        rest = after.trim_start();
    }
    while let Some(inside) = rest.strip_prefix('[') {
        let Some(end) = inside.find(']') else {
            break;
        };
        let marker = &inside[..end];
        let after = &inside[end + 1..];
        let is_marker = !marker.is_empty()
            && marker.chars().count() <= MAX_MARKER_LENGTH
            && !marker.contains(char::is_whitespace)
            && (after.is_empty() || after.starts_with(char::is_whitespace));
        if !is_marker {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// The longest marker [`strip_link_markers`] removes.
const MAX_MARKER_LENGTH: usize = 40;

/// Whether the line holds a form field as text browsers print it: "Orthographe [ ]",
/// "Votre adresse e-mail* [____________]", "( ) Oui".
pub(crate) fn is_form_field(line: &str) -> bool {
    let mut rest = line;
    while let Some(open) = rest.find(['[', '(']) {
        let closing = if rest[open..].starts_with('[') {
            ']'
        } else {
            ')'
        };
        let inside_start = open + 1;
        let Some(length) = rest[inside_start..].find(closing) else {
            return false;
        };
        let inside = &rest[inside_start..inside_start + length];
        if inside.chars().all(|c| c == ' ' || c == '_') && (closing == ']' || !inside.is_empty()) {
            return true;
        }
        rest = &rest[inside_start + length..];
    }
    false
}

/// Inline link markers that scrapers leave inside sentences.
pub(crate) fn remove_inline_markers(line: &str) -> String {
    line.replace(" (nouvelle fenêtre)", "")
        .replace("(nouvelle fenêtre)", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A comment's or a forum message's header dates and signs it; a subheading or a
    /// headline opening on a date is not one.
    #[test]
    fn signed_item_headers() {
        for header in [
            "# Le 3 juillet à 00:09, par Lepayste En réponse à : La grève continue au port du Havre",
            "  * # ^ Le 29 juin à 12:10, par jeanne",
            "Le 29 juin à 10:43 , par  M.CLAIRE",
            "— Le 22 septembre, par Kevin NABAT.",
            "12 mars 2024 à 18h20 par Paul Durand",
        ] {
            assert!(is_signed_item_header(header), "{header}");
        }
        for line in [
            "Le 3 juillet, par décret, le gouvernement fixe le salaire minimum",
            "Le 18 juin 1940, de Gaulle lance son appel depuis Londres",
            "3 juillet 2024",
            "Le 14 juillet à Paris",
            "Par Jeanne Martin, le 3 juillet à 10:43",
            "Le 3 juillet, par une chaleur écrasante, les coureurs ont rallié Paris à Lille en sept heures.",
        ] {
            assert!(!is_signed_item_header(line), "{line}");
        }
    }

    /// A line saying only how long ago or at what time today the page appeared is a
    /// header's; a headline may open on "il y a" or "aujourd'hui" and say more.
    #[test]
    fn relative_time_lines() {
        for line in [
            "il y a 3 heures",
            "Publié aujourd'hui à 10h30",
            "Publié aujourd’hui à 10:30",
            "Hier à 18:05 | Mis à jour il y a 5 min",
            "Mis à jour il y a 2 jours",
        ] {
            assert!(is_relative_time_line(line), "{line}");
        }
        for line in [
            "Il y a 80 ans, le débarquement en Normandie",
            "Aujourd'hui, la réforme des retraites arrive au Sénat",
            "Hier soir à Paris, la fête de la musique",
            "Publié le 12 mars 2024 à 10h30",
        ] {
            assert!(!is_relative_time_line(line), "{line}");
        }
    }

    /// A newsletter's prompt is short, or a sentence telling the reader to sign up; a
    /// sentence telling of a newsletter is an article's.
    #[test]
    fn newsletter_prompts() {
        for line in [
            "Inscrivez-vous à notre newsletter",
            "Newsletter : recevez chaque matin l'essentiel de l'actualité",
            "Abonnez-vous à notre infolettre pour recevoir chaque matin l’essentiel de l’actualité.",
        ] {
            assert!(is_newsletter_prompt(line), "{line}");
        }
        for line in [
            "La newsletter du ministère, envoyée à tous les enseignants, annonçait la réforme dès lundi.",
            "Abonnez-vous à notre chaîne pour ne rien manquer.",
        ] {
            assert!(!is_newsletter_prompt(line), "{line}");
        }
    }

    #[test]
    fn day_and_month_lines() {
        for line in ["Le 5 juillet", "  - 22 sept.", "1er août", "3 juillet 2019"] {
            assert!(is_day_and_month_line(line), "{line}");
        }
        for line in [
            "Le 5 juillet à Paris",
            "5 juillet : la première étape",
            "Le 14 juillet, fête nationale",
            "Juillet 2019",
        ] {
            assert!(!is_day_and_month_line(line), "{line}");
        }
    }

    #[test]
    fn labelled_days_and_months() {
        for line in [
            "publié le 11 juillet",
            "Publié le 1er août à 10h30",
            "Mis à jour le 3 sept. à 18:05",
            "Mis en ligne le 22 juillet",
        ] {
            assert!(is_labelled_day_and_month(line), "{line}");
        }
        for line in [
            "Le 11 juillet",
            "Publié le 11 juillet par Jeanne Martin",
            "Publication des résultats le 11 juillet",
            "Publié en juillet",
        ] {
            assert!(!is_labelled_day_and_month(line), "{line}");
        }
    }

    #[test]
    fn a_text_printed_again_after_itself_is_printed_twice() {
        let headline = "La grève des dockers paralyse le port du Havre";
        assert!(is_printed_twice(&format!("{headline} {headline}")));
        assert!(is_printed_twice(&format!(
            "{headline} {headline} {headline}"
        )));
        // Cut short where the dump wrapped the line.
        assert!(is_printed_twice(&format!(
            "{headline} La grève des dockers"
        )));
        for line in [
            headline,
            "Non, non, non, non, a répété le ministre devant les députés.",
            "Les dockers, les dockers du Havre surtout, refusent la réforme des retraites.",
            "",
        ] {
            assert!(!is_printed_twice(line), "{line}");
        }
    }

    #[test]
    fn paragraphs_are_prose_and_headlines_are_not() {
        assert!(is_prose(
            "La Corée du Sud a convoqué l’ambassadeur de Russie à Séoul ce lundi 21 octobre."
        ));
        assert!(is_prose(
            "Des chars sud-coréens K2 lors d’un défilé à Séoul le 1er octobre 2024."
        ));
        assert!(!is_prose("Soldats nord-coréens en Ukraine : la goutte de trop pour la Corée du Sud, qui pourrait enfin armer Kiev"));
        assert!(!is_prose(
            "des milliers de soldats nord-coréens déjà engagés sur le front ?"
        ));
        assert!(!is_prose("Partager"));
    }

    #[test]
    fn a_line_repeating_its_opening_words_is_a_photos_text_twice() {
        assert!(repeats_its_opening(
            "Des dockers devant le terminal du Havre. Des dockers devant le terminal du Havre, mercredi. PHOTO / AGENCE"
        ));
        assert!(!repeats_its_opening(
            "Les dockers du Havre ont voté mercredi la reprise du travail, et les dockers du port de Rouen voteront jeudi."
        ));
    }

    #[test]
    fn a_paywalls_notice_ends_the_article_and_a_badge_is_no_text() {
        assert!(is_boundary(
            "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés."
        ));
        assert!(is_noise(
            "La suite de cet article est réservée aux abonnés."
        ));
        assert!(!is_boundary("Article réservé aux abonnés"));
        assert!(!is_boundary(
            "Les abonnés du club attendent la suite de la saison avec impatience."
        ));
        // A badge is no text either, where the paywall cuts it or beside a headline.
        assert!(is_noise("Cet article est réservé aux abonnés."));
        assert!(is_noise("Article réservé à nos abonnés"));
        assert!(!is_noise(
            "Le parking relais de la gare, jusqu'ici gratuit, sera réservé aux abonnés du réseau de bus."
        ));
    }

    #[test]
    fn boundaries_widgets_and_noise() {
        assert!(is_boundary("Articles récents"));
        assert!(is_boundary("4 réponses"));
        assert!(is_boundary("Réactions (6)"));
        assert!(!is_boundary("Réactions (suite)"));
        assert!(is_boundary("12 commentaires :"));
        assert!(is_boundary(
            "Une réponse à « Les dockers votent la reprise »"
        ));
        assert!(!is_boundary("Une réponse à la crise"));
        assert!(!is_boundary("4 réponses du gouvernement"));
        assert!(is_boundary("Vous pourriez aussi aimer"));
        assert!(is_boundary("You may also like"));
        assert!(!is_boundary("La Corée du Sud hausse le ton"));
        assert!(is_boundary("Se connecter") && is_account_prompt("Se connecter"));
        assert!(!is_account_prompt("Articles récents"));
        assert!(is_boundary(
            "Article suivant Après une longue quarantaine, les rapatriés rentrent enfin chez eux et retrouvent leurs familles dans la joie"
        ));
        assert!(is_boundary("Article Précedent Un abri pour les victimes"));
        assert!(!is_boundary("Articles suivants du dossier publiés demain"));
        assert!(is_widget("    Lire aussi"));
        assert!(is_widget("À lire aussi :"));
        assert!(is_widget("À lire aussi »"));
        assert!(is_related_link(
            "Lire aussi : Article réservé à nos abonnés Les dockers du Havre, élus à la tête du syndicat, s’engagent à poursuivre le travail avec l’intersyndicale contre la réforme"
        ));
        assert!(is_related_link(
            "À lire aussi » Ballonnements : comment y remédier ?"
        ));
        assert!(is_credited_caption(
            "Le piquet de grève dans le hall de l’université / (C) Jean Martin"
        ));
        assert!(is_credited_caption(
            "Le port du Havre à l'arrêt, mercredi © AFP"
        ));
        assert!(!is_credited_caption("© Le Quotidien du Port"));
        assert!(!is_credited_caption(
            "Le score (c) montre que les dockers ont voté la reprise du travail après trois semaines de grève."
        ));
        assert!(!is_related_link(
            "Lire aussi les mémoires du ministre, parues en mars."
        ));
        assert!(!is_related_link("Lire aussi"));
        assert!(is_noise("Facebook WhatsApp WhatsApp LinkedIn Telegram"));
        assert!(is_noise("Partager"));
        assert!(is_noise(
            "© 2024 Le Quotidien du Nord. Tous droits réservés."
        ));
        assert!(is_noise("Copyright 2024 Le Quotidien"));
        assert!(is_noise("Le Quotidien du Nord 2024 - Tous droits réservés"));
        assert!(!is_noise(
            "Le photographe, qui n'a pas cédé ses droits, réclame une part des recettes."
        ));
        assert!(is_noise("- 2 min de lecture"));
        assert!(is_noise(
            "  • type=\"image/avif\" class=\"jsx-2028956212\">"
        ));
        assert!(!is_noise("Exportateur d’armes en puissance"));
        // A site's cookie notice, not an article about cookies.
        assert!(is_noise(
            "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies."
        ));
        assert!(!is_noise(
            "La CNIL a sanctionné deux géants du web dont les bandeaux rendaient le refus des cookies plus difficile que leur acceptation."
        ));
    }

    #[test]
    fn header_lines_of_parts() {
        let header = "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)";
        assert_eq!(
            header_parts(header).unwrap(),
            [
                "Le Monde",
                "04.05.2015 à 13h36",
                "Mis à jour le 05.05.2015",
                "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)"
            ]
        );
        // A sentence with a bar in it, a part as long as a sentence, a line of one part.
        let sentence = "Le ministre a annoncé la réforme | un texte attendu depuis des mois par les syndicats et les patrons.";
        assert_eq!(header_parts(sentence), None);
        let long_part = "12 mars 2024 | Le ministre de l'Intérieur a présenté mardi son projet de loi sur l'immigration";
        assert_eq!(header_parts(long_part), None);
        assert_eq!(header_parts("Publié le 12 mars 2024"), None);
        // The last part may end on a full stop.
        let reading_time = "Par Jeanne Martin | Publié le 12 mars 2024 à 10h30 | Lecture 4 min.";
        assert_eq!(header_parts(reading_time).map(|parts| parts.len()), Some(3));
    }

    #[test]
    fn bullets_are_stripped() {
        assert_eq!(strip_bullet("  • Politique"), ("Politique", true));
        assert_eq!(strip_bullet("- 11 juil. 2024"), ("11 juil. 2024", true));
        assert_eq!(strip_bullet("-50 %"), ("-50 %", false));
    }

    #[test]
    fn browser_markers_and_form_fields() {
        assert_eq!(
            strip_link_markers("[IMG] [*] Les offres du moment"),
            "Les offres du moment"
        );
        assert_eq!(strip_link_markers("[3f87c03_2023-08-22t06114]"), "");
        assert_eq!(
            strip_link_markers("(BUTTON) Ajouter à vos sélections"),
            "Ajouter à vos sélections"
        );
        assert_eq!(
            strip_link_markers("[s]on ordre du jour"),
            "[s]on ordre du jour"
        );
        assert_eq!(
            strip_link_markers("[Lire la suite de l'article]"),
            "[Lire la suite de l'article]"
        );
        assert!(is_form_field(
            "Orthographe                              [ ]"
        ));
        assert!(is_form_field("Votre adresse email* [                    ]"));
        assert!(is_form_field("[ ] Se souvenir de moi"));
        assert!(!is_form_field(
            "Le score (3-1) a surpris [sic] les supporters."
        ));
        assert!(!is_form_field("Une fonction f() sans argument"));
    }

    #[test]
    fn inline_markers_are_removed() {
        assert_eq!(
            remove_inline_markers("Séoul convoque l’ambassadeur (nouvelle fenêtre) pour dénoncer"),
            "Séoul convoque l’ambassadeur pour dénoncer"
        );
    }
}
