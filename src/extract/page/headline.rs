//! Which headline-shaped line above an article is its own: the one whose words the article repeats.
//!
//! Above an article, a scraped page prints many lines shaped like headlines: menu entries,
//! related articles, account prompts, image credits. The article's own headline is told
//! apart by what it says, not by where a site puts it: a news headline names what the
//! article is about, so most of its content words come back in the article's text, while a
//! related headline or a menu prompt shares few of them. Among the lines the article
//! echoes, the nearest to it wins, and a line followed by a date or a byline (the header
//! every news article prints under its headline) is preferred, as is the line the page's
//! first line names (a tree walker's dump starts with the page's `<title>`: the headline,
//! a site name beside it).

use std::collections::HashSet;

use crate::analysis::fold::fold;
use crate::analysis::stop_words::is_stop_word;

/// Content words shorter than this (articles, pronouns, short prepositions) are not compared.
const MIN_CONTENT_WORD: usize = 4;
/// Words are compared on this many first letters: inflected forms share them.
const COMPARED_LETTERS: usize = 5;
/// Content words a line needs for its echo to be judged: two or fewer are too few
/// ("S'abonner", "Se connecter").
const MIN_JUDGED_WORDS: usize = 3;

/// Whether `text` has too few content words for the article's echo of them to tell a
/// headline from a prompt ("Turpitude et architecture", "Se connecter").
pub(crate) fn is_too_short_to_judge(text: &str) -> bool {
    content_words(text).len() < MIN_JUDGED_WORDS
}

/// How a candidate is scored: the share of its content words the article echoes, plus
/// what its header and the number of echoed words add, minus its distance.
struct Scoring {
    /// A candidate is the article's headline when at least this share of its content
    /// words come back in the article.
    min_echo: f64,
    /// What a date or byline under a candidate adds to its echo.
    header_bonus: f64,
    /// What each content word the article echoes adds, up to `max_counted_echoes` words.
    echoed_word_bonus: f64,
    max_counted_echoes: usize,
    /// What each line of distance from the article takes away, so that the nearest of
    /// equals wins.
    distance_cost: f64,
    /// What the page's first line naming a candidate adds: more than a header and a
    /// better echo together, as the page says there which headline is its own.
    first_line_bonus: f64,
}

const SCORING: Scoring = Scoring {
    min_echo: 0.5,
    header_bonus: 0.2,
    echoed_word_bonus: 0.05,
    max_counted_echoes: 8,
    distance_cost: 0.002,
    first_line_bonus: 1.0,
};

/// A headline-shaped line above the article.
pub(crate) struct Candidate<'a> {
    pub text: &'a str,
    /// Lines between the candidate and the article's first paragraph.
    pub distance: usize,
    /// A date or byline follows the candidate within a few lines.
    pub has_header: bool,
    /// The page's first line is the candidate, with a site or section name beside it.
    pub named_first: bool,
}

/// An article's text, folded once for every comparison of other lines with it.
pub(crate) struct FoldedArticle(String);

impl FoldedArticle {
    pub(crate) fn of(lines: &[&str]) -> FoldedArticle {
        FoldedArticle(fold(&lines.join("\n")))
    }
}

/// The index of the candidate the article echoes best, when one echoes it enough.
pub(crate) fn best_echoed(candidates: &[Candidate], article: &FoldedArticle) -> Option<usize> {
    let candidate_words: Vec<HashSet<String>> = candidates
        .iter()
        .map(|candidate| content_words(candidate.text))
        .collect();
    let echoed = echoed_words(&candidate_words, article);
    candidates
        .iter()
        .zip(&candidate_words)
        .enumerate()
        .filter_map(|(index, (candidate, words))| {
            if words.len() < MIN_JUDGED_WORDS {
                return None;
            }
            let echoed_count = words
                .iter()
                .filter(|word| echoed.contains(word.as_str()))
                .count();
            let echo = echoed_count as f64 / words.len() as f64;
            // A headline names several things the article is about; a prompt ("Article
            // réservé aux abonnés") that happens to be echoed names two or three.
            let naming =
                echoed_count.min(SCORING.max_counted_echoes) as f64 * SCORING.echoed_word_bonus;
            (echo >= SCORING.min_echo).then(|| {
                let bonus = if candidate.has_header {
                    SCORING.header_bonus
                } else {
                    0.0
                };
                let named = if candidate.named_first {
                    SCORING.first_line_bonus
                } else {
                    0.0
                };
                let distance = candidate.distance as f64 * SCORING.distance_cost;
                (index, echo + naming + bonus + named - distance)
            })
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _)| index)
}

/// Characters that set a site or section name apart from a headline in a page's title:
/// "Titre | Site", "Titre - Site", "Titre, par Auteur (Blog)", "Édition locale | Titre".
const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', ',', ':', '(', '/', '·', '•'];

/// The page's first line, as a page's `<title>` printed first by a tree walker is: folded,
/// spaces evened out, once per page however many candidates it is compared with.
pub(crate) struct PageTitle(String);

impl PageTitle {
    pub(crate) fn of(first_line: &str) -> PageTitle {
        PageTitle(evened(first_line))
    }

    /// Whether the first line is `candidate`, alone or with a name set apart beside it.
    pub(crate) fn names(&self, candidate: &str) -> bool {
        let (first, candidate) = (&self.0, evened(candidate));
        if candidate.is_empty() {
            return false;
        }
        if let Some(rest) = first.strip_prefix(&candidate) {
            return rest.is_empty() || rest.trim_start().starts_with(TITLE_SEPARATORS);
        }
        first
            .strip_suffix(&candidate)
            .is_some_and(|before| before.trim_end().ends_with(TITLE_SEPARATORS))
    }
}

/// `text` folded, its spaces evened out.
fn evened(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The candidates' words that the article has: the article is read once, and only words
/// some candidate has are kept.
fn echoed_words<'a>(
    candidate_words: &'a [HashSet<String>],
    article: &FoldedArticle,
) -> HashSet<&'a str> {
    let wanted: HashSet<&str> = candidate_words
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if wanted.is_empty() {
        return wanted;
    }
    content_word_prefixes(&article.0)
        .filter_map(|word| wanted.get(word).copied())
        .collect()
}

/// For each of `texts`, the share of its content words that come back in `article` (0 when
/// it has none), the article read once.
pub(crate) fn echo_shares(texts: &[&str], article: &FoldedArticle) -> Vec<f64> {
    let words: Vec<HashSet<String>> = texts.iter().map(|text| content_words(text)).collect();
    let echoed = echoed_words(&words, article);
    words
        .iter()
        .map(|words| {
            let count = words.iter().filter(|word| echoed.contains(word.as_str()));
            count.count() as f64 / words.len().max(1) as f64
        })
        .collect()
}

/// The content words of a text, compared as [`content_word_prefixes`] gives them.
fn content_words(text: &str) -> HashSet<String> {
    content_word_prefixes(&fold(text))
        .map(str::to_string)
        .collect()
}

/// The folded words of at least [`MIN_CONTENT_WORD`] letters that are not stop words, cut
/// to their first [`COMPARED_LETTERS`] letters so that "relogées" in a headline meets
/// "relogés" in the text.
fn content_word_prefixes(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= MIN_CONTENT_WORD && !is_stop_word(word))
        .map(|word| {
            let end = word
                .char_indices()
                .nth(COMPARED_LETTERS)
                .map_or(word.len(), |(at, _)| at);
            &word[..end]
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        "Reçue mardi à l’Élysée, la secrétaire générale de la CGT, Sophie Binet, \
        a exposé au chef de l’État ses revendications. « Je me suis adressée à lui avec gravité, \
        car la situation dans le pays me paraît très inquiétante », confie-t-elle à propos \
        d’Emmanuel Macron, qu’elle a mis en garde.";

    fn article() -> FoldedArticle {
        FoldedArticle::of(&[ARTICLE])
    }

    fn candidate(text: &str, distance: usize, has_header: bool) -> Candidate<'_> {
        Candidate {
            text,
            distance,
            has_header,
            named_first: false,
        }
    }

    #[test]
    fn the_headline_the_first_line_names_wins_over_a_nearer_echoed_line() {
        let headline = "Sophie Binet met en garde le président sur la colère sociale";
        let blog = "Les carnets de Sophie Binet à l’Élysée";
        let named = Candidate {
            named_first: true,
            ..candidate(headline, 30, false)
        };
        assert_eq!(
            best_echoed(&[named, candidate(blog, 1, true)], &article()),
            Some(0)
        );
        let unnamed = candidate(headline, 30, false);
        assert_eq!(
            best_echoed(&[unnamed, candidate(blog, 1, true)], &article()),
            Some(1)
        );
    }

    #[test]
    fn a_first_line_names_a_headline_with_a_site_name_beside_it() {
        let headline = "Sophie Binet met en garde Emmanuel Macron";
        for first in [
            "Sophie Binet met en garde Emmanuel Macron",
            "Sophie Binet met en garde Emmanuel Macron | Le Quotidien",
            "Sophie Binet met en garde Emmanuel\u{a0}Macron - Le Quotidien",
            "Sophie Binet met en garde Emmanuel Macron, par Jeanne Martin (Les blogs)",
            "Édition de Lyon | Sophie Binet met en garde Emmanuel Macron",
        ] {
            assert!(PageTitle::of(first).names(headline), "{first}");
        }
        for first in [
            "Sophie Binet met en garde Emmanuel Macron et le gouvernement",
            "Le Quotidien",
            "Accueil",
        ] {
            assert!(!PageTitle::of(first).names(headline), "{first}");
        }
    }

    #[test]
    fn the_echoed_headline_wins_over_nearer_prompts() {
        let candidates = [
            candidate(
                "Sophie Binet met en garde Emmanuel Macron sur la « gravité de la situation »",
                12,
                true,
            ),
            candidate("Vous possédez déjà un compte ?", 2, false),
            candidate("Inscrivez-vous gratuitement pour lire la suite", 1, false),
        ];
        assert_eq!(best_echoed(&candidates, &article()), Some(0));
    }

    #[test]
    fn of_two_echoed_lines_the_one_with_a_header_or_nearer_wins() {
        let headline = "Sophie Binet met en garde Emmanuel Macron";
        let related = "Emmanuel Macron reçoit Sophie Binet à l’Élysée";
        let with_header = [candidate(related, 40, false), candidate(headline, 5, true)];
        assert_eq!(best_echoed(&with_header, &article()), Some(1));
        let nearer = [candidate(related, 40, false), candidate(headline, 5, false)];
        assert_eq!(best_echoed(&nearer, &article()), Some(1));
    }

    #[test]
    fn nothing_echoed_is_no_headline() {
        let candidates = [candidate("Les offres de la rédaction du moment", 3, false)];
        assert_eq!(best_echoed(&candidates, &article()), None);
        assert_eq!(
            best_echoed(&[candidate("CGT Macron", 1, true)], &article()),
            None
        );
    }
}
