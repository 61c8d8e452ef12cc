//! News sections: recognising the category a page states ("International", "Rubrique : Économie").

use crate::analysis::fold::fold;

use crate::extract::page::page_lines::strip_bullet;

/// Section names French news sites use, folded. A line made of these states a category;
/// generic labels ("Actualités", "Accueil") are not categories.
const SECTIONS: &[&str] = &[
    "international",
    "monde",
    "france",
    "politique",
    "economie",
    "societe",
    "culture",
    "sport",
    "sports",
    "sciences",
    "science",
    "sante",
    "environnement",
    "planete",
    "tech",
    "technologie",
    "high-tech",
    "faits divers",
    "fait divers",
    "fait-divers",
    "justice",
    "europe",
    "afrique",
    "asie",
    "ameriques",
    "moyen-orient",
    "idees",
    "opinions",
    "opinion",
    "debats",
    "regions",
    "people",
    "auto",
    "education",
    "medias",
    "defense",
    "ecologie",
    "climat",
    "geopolitique",
    "religion",
    "histoire",
    "entreprises",
    "finance",
    "emploi",
    "immobilier",
    "cinema",
    "musique",
    "livres",
    "television",
    "insolite",
    "meteo",
    "diplomatie",
    "securite",
];

/// Labels that name no section: "News", "Actualités", "Accueil"…, folded.
const GENERIC_SECTIONS: &[&str] = &[
    "news",
    "actu",
    "actus",
    "actualite",
    "actualites",
    "accueil",
    "home",
    "article",
    "articles",
    "info",
    "infos",
    "une",
    "a la une",
    "fr",
    "non classe",
    "uncategorized",
    "general",
    "default",
    "blog",
    "page",
    "pages",
    "amp",
    "www",
    "m",
    "mobile",
    "edition",
    "index",
    "content",
    "contenu",
    "story",
    "stories",
    "post",
    "posts",
    "archives",
    "archive",
];

/// Whether a label names no section ("News", "Actualités", "Accueil"), so is no category.
pub(crate) fn is_generic_section(label: &str) -> bool {
    GENERIC_SECTIONS.contains(&fold(label.trim()).as_str())
}

/// Labels that introduce a category explicitly.
const LABELS: &[&str] = &["categorie", "categories", "rubrique", "section", "theme"];

/// The category a short line states, as written on the page.
pub(crate) fn stated_category(line: &str) -> Option<String> {
    let (text, _) = strip_bullet(line);
    if let Some(category) = labelled_category(text) {
        return Some(category);
    }
    if let Some(category) = trail_category(text) {
        return Some(category);
    }
    if text.split_whitespace().nth(8).is_some() || text.ends_with(['.', '?', '!']) {
        return None;
    }
    text.split([',', '|', '/', '›', '>', '»', '·', '•'])
        .map(str::trim)
        .find(|part| SECTIONS.contains(&fold(part).as_str()))
        .map(str::to_string)
}

/// What separates the crumbs of a breadcrumb trail.
const TRAIL_SEPARATORS: [char; 3] = ['>', '›', '»'];

/// Words of a breadcrumb trail printed as one line: the home page, the sections, maybe the
/// headline ("Accueil > Luttes > Grève à l'usine : …").
const MAX_TRAIL_WORDS: usize = 40;

/// The last section of a breadcrumb trail that opens on the home page ("Accueil > Luttes >
/// Grève à l'usine Bosch : …" gives "Luttes"): a crumb of up to four words, not generic;
/// the headline closing the trail has more.
pub(crate) fn trail_category(text: &str) -> Option<String> {
    if !text.contains(TRAIL_SEPARATORS) || text.split_whitespace().nth(MAX_TRAIL_WORDS).is_some() {
        return None;
    }
    let mut crumbs = text.split(TRAIL_SEPARATORS).map(str::trim);
    if !is_home_crumb(crumbs.next()?) {
        return None;
    }
    crumbs
        .rfind(|crumb| is_section_label(crumb))
        .map(str::to_string)
}

/// Whether a breadcrumb names the home page ("Accueil", "Home", "À la une").
pub(crate) fn is_home_crumb(text: &str) -> bool {
    matches!(fold(text.trim()).as_str(), "accueil" | "home" | "a la une")
}

/// A crumb or label that may name a section: one to four words, not generic.
pub(crate) fn is_section_label(text: &str) -> bool {
    (1..=4).contains(&text.split_whitespace().count()) && !is_generic_section(text)
}

/// Words that file a post under its category, as blogs print it under the text
/// ("Publié dans Politique", "Classé dans : Vie locale"), folded.
const FILED_UNDER: &[&str] = &["publie dans", "classe dans", "posted in", "filed under"];

/// Words that open a newspaper's name, not a category's, with "l'": "Publié dans Le
/// Monde" names where an op-ed first appeared.
const NAME_OPENERS: &[&str] = &["le", "la", "les"];

/// "Catégorie : Économie", "Rubrique: Monde", "Classé dans Vie locale".
fn labelled_category(text: &str) -> Option<String> {
    let (value, is_filed) = match text.split_once(':') {
        Some((label, value)) if LABELS.contains(&fold(label.trim()).as_str()) => (value, false),
        _ => (filed_under(text)?, true),
    };
    let value = value.split([',', '|']).next()?.trim();
    // A dump may glue the next label to the category ("PolitiqueÉtiqueté pistes
    // cyclables"): the category ends where a capital follows a small letter ("iPhone"
    // aside).
    let value = value
        .char_indices()
        .zip(value.chars().skip(1))
        .find(|((at, letter), next)| *at >= 2 && letter.is_lowercase() && next.is_uppercase())
        .map_or(value, |((at, letter), _)| &value[..at + letter.len_utf8()]);
    let opens_on_name = || {
        let first = fold(value.split_whitespace().next().unwrap_or_default());
        NAME_OPENERS.contains(&first.as_str()) || first.starts_with("l'")
    };
    let is_category = is_section_label(value)
        && !(is_filed && (opens_on_name() || value.ends_with(['.', '!', '?'])));
    is_category.then(|| value.to_string())
}

/// What follows "Publié dans", "Classé dans :" or "Posted in" opening the text.
fn filed_under(text: &str) -> Option<&str> {
    let mut words = text.split_whitespace();
    let (verb, preposition) = (words.next()?, words.next()?);
    // Most lines are settled by their second word, without folding.
    if !["dans", "in", "under"]
        .iter()
        .any(|word| preposition.eq_ignore_ascii_case(word))
    {
        return None;
    }
    let label = fold(&format!("{verb} {preposition}"));
    if !FILED_UNDER.contains(&label.as_str()) {
        return None;
    }
    let label_end = text.find(char::is_whitespace)?;
    let rest = text[label_end..].trim_start();
    let rest = rest[rest.find(char::is_whitespace)?..].trim_start();
    Some(rest.trim_start_matches(':').trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_categories() {
        assert_eq!(
            stated_category("International").as_deref(),
            Some("International")
        );
        assert_eq!(
            stated_category("International, Actualités Défense").as_deref(),
            Some("International")
        );
        // A trail from the home page gives its most precise section, as in HTML.
        assert_eq!(
            stated_category("Accueil › Économie › Emploi").as_deref(),
            Some("Emploi")
        );
        assert_eq!(
            stated_category("Rubrique : Faits divers").as_deref(),
            Some("Faits divers")
        );
        assert_eq!(
            stated_category("Catégorie: Vie locale").as_deref(),
            Some("Vie locale")
        );
        assert_eq!(
            stated_category("Publié dans Politique, Société").as_deref(),
            Some("Politique")
        );
        assert_eq!(
            stated_category("Classé dans : Vie locale").as_deref(),
            Some("Vie locale")
        );
        assert_eq!(
            stated_category(
                "Accueil > Luttes > Grève à l'usine Bosch : les salariés reconduisent le mouvement"
            )
            .as_deref(),
            Some("Luttes")
        );
        assert_eq!(
            stated_category("Accueil › Actualités › Vie locale").as_deref(),
            Some("Vie locale")
        );
        assert_eq!(stated_category("Accueil > Actualités"), None);
        assert_eq!(stated_category("Lire la suite >"), None);
        assert_eq!(
            stated_category("Posted in Culture").as_deref(),
            Some("Culture")
        );
        assert_eq!(
            stated_category("Publié dans PolitiqueÉtiqueté pistes cyclables, métropole").as_deref(),
            Some("Politique")
        );
    }

    /// "Publié dans" may name where an op-ed appeared, or open a sentence.
    #[test]
    fn what_a_post_is_filed_under() {
        for line in [
            "Publié dans Le Monde",
            "Publié dans L'Obs",
            "Publié dans Non classé",
            "Publié dans la revue Esprit en 1952, ce texte fit date.",
            "Publié dans",
        ] {
            assert_eq!(stated_category(line), None, "{line}");
        }
    }

    #[test]
    fn tags_and_sentences_are_not_categories() {
        assert_eq!(stated_category("Corée du Sud, Russie, Corée du Nord"), None);
        assert_eq!(stated_category("Actualités"), None);
        assert_eq!(stated_category("La France et le monde."), None);
        assert_eq!(
            stated_category("Guerre en Ukraine : un conflit sans fin"),
            None
        );
    }
}
