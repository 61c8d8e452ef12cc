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
    if text.split_whitespace().nth(8).is_some() || text.ends_with(['.', '?', '!']) {
        return None;
    }
    text.split([',', '|', '/', '›', '>', '»', '·', '•'])
        .map(str::trim)
        .find(|part| SECTIONS.contains(&fold(part).as_str()))
        .map(str::to_string)
}

/// "Catégorie : Économie", "Rubrique: Monde".
fn labelled_category(text: &str) -> Option<String> {
    let (label, value) = text.split_once(':')?;
    let value = value.split([',', '|']).next()?.trim();
    let is_label = LABELS.contains(&fold(label.trim()).as_str());
    (is_label && !value.is_empty() && value.split_whitespace().count() <= 4)
        .then(|| value.to_string())
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
        assert_eq!(
            stated_category("Accueil › Économie › Emploi").as_deref(),
            Some("Économie")
        );
        assert_eq!(
            stated_category("Rubrique : Faits divers").as_deref(),
            Some("Faits divers")
        );
        assert_eq!(
            stated_category("Catégorie: Vie locale").as_deref(),
            Some("Vie locale")
        );
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
