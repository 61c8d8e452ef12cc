//! Bylines: the author named by "Par Francisco Lawson", "by Sara", "Zoé SAMIN avec AFP".

use crate::analysis::fold::fold;
use crate::extract::clues::french_date::is_weekday_name;
use crate::extract::page::page_lines::strip_bullet;

/// Press agencies that a byline may credit beside or instead of a journalist.
const AGENCIES: &[&str] = &["AFP", "Reuters", "AP", "Belga", "ATS", "agences", "Agences"];

/// The author a byline line names, if the line is a byline.
pub(crate) fn byline_author(line: &str) -> Option<String> {
    let (text, bulleted) = strip_bullet(line);
    // nth, not count: most lines are paragraphs, and their words need not all be counted.
    if text.split_whitespace().nth(10).is_some() {
        return None;
    }
    if let Some(rest) = strip_byline_prefix(text) {
        return name_prefix(rest);
    }
    if let Some(rest) = strip_reporter_prefix(text) {
        return name_prefix(rest);
    }
    if let Some(author) = credited_with_agency(text) {
        return Some(author);
    }
    if let Some(author) = name_with_role(text) {
        return Some(author);
    }
    (bulleted && is_plain_name(text)).then(|| text.to_string())
}

/// "Jeanne MARTIN / Journaliste", "Jeanne Martin, correspondante à Bruxelles": a name,
/// then the journalist's role after a comma, a slash or a dash.
fn name_with_role(text: &str) -> Option<String> {
    if !text.contains([',', '/', '-', '–', '—', '|']) {
        return None;
    }
    let (name, role) = [",", " / ", " - ", " – ", " — ", " | "]
        .iter()
        .find_map(|separator| text.split_once(separator))?;
    let role_word = role.split_whitespace().next()?.to_lowercase();
    (is_plain_name(name.trim()) && ROLES.contains(&role_word.as_str()))
        .then(|| name.trim().to_string())
}

/// Words a place or a title opens on, never a person's name ("La Rochelle", "Le Figaro").
const ARTICLES: &[&str] = &["le", "la", "les", "l'", "l’", "du", "des", "un", "une"];

/// A name alone on a line (header zone only: two to four capitalised words, the first no
/// article).
pub(crate) fn is_plain_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    // The article is looked for last: most lines are no names, and are settled without
    // lowercasing a word.
    let opens_on_article = || {
        let first = words[0].to_lowercase();
        ARTICLES.iter().any(|article| {
            first == *article || (article.ends_with(['\'', '’']) && first.starts_with(article))
        })
    };
    (2..=4).contains(&words.len())
        && words.iter().all(|word| is_name_word(word))
        && !opens_on_article()
}

/// Names joined as a byline joins its authors ("Elsa Provenzano et Mickaël Bosredon",
/// "Jeanne Martin, Paul Durand et Marc Petit"), or one name alone: each a plain name.
pub(crate) fn is_plain_names(text: &str) -> bool {
    // Most lines have a word that is neither a name's nor "et", and are settled by it
    // before being split into names.
    let words_fit = text
        .split_whitespace()
        .all(|word| word == "et" || is_name_word(word.trim_end_matches(',')));
    words_fit
        && text
            .split(", ")
            .flat_map(|part| part.split(" et "))
            .all(is_plain_name)
}

/// A name printed alone as a byline, beside the date rather than after "Par": plain names,
/// not all in capitals like a label ("ALERTE INFO").
pub(crate) fn is_name_alone(text: &str) -> bool {
    text.chars().any(char::is_lowercase) && is_plain_names(text)
}

/// The author a date line names before its date, with or without "Par": "Jeanne Martin -
/// 12 mars 2024", "Jeanne Martin avec AFP Le 12/03/2024", given the text before the date.
pub(crate) fn byline_before_date(before_date: &str) -> Option<String> {
    const SEPARATORS: [char; 6] = ['-', '–', '—', '|', '·', '•'];
    let text = before_date.trim_end_matches([' ', '\u{A0}']);
    let separated = text.trim_end_matches(SEPARATORS);
    let bare = separated.trim_end_matches([' ', '\u{A0}', ',']);
    let bare = match bare.rsplit_once(' ') {
        Some((before, "le" | "Le")) => before.trim_end_matches([' ', ',']),
        _ => bare,
    };
    // A name alone only when a separator sets the date apart: "Jeanne Martin le 26 août
    // 2014 à Paris." is a photograph's caption.
    let name_alone = separated.len() < text.len() && is_plain_names(separated.trim_end());
    byline_author(bare)
        .or_else(|| name_alone.then(|| separated.trim_end().to_string()))
        .or_else(|| publisher_before_label(text))
}

/// Words a publisher's name may join its parts with ("Orange avec AFP", "BVA - Orange").
const PUBLISHER_JOINERS: &[&str] = &["avec", "et", "-", "&"];

/// Who the words before a publication label say published the article: "AFP, publié le",
/// "Orange avec AFP, publié le", "Source BFMTV, publié le": a name or a source's, set
/// apart by a comma from the label.
fn publisher_before_label(text: &str) -> Option<String> {
    let (publisher, label) = text.rsplit_once(',')?;
    let label = fold(label.trim());
    let label = label.strip_suffix(" le").unwrap_or(&label);
    if !matches!(label, "publie" | "publiee" | "mis en ligne") {
        return None;
    }
    let publisher = publisher.trim();
    // "Source" says a name follows, though a brand's may be all in lower case ("source
    // franceinfo"); otherwise each word must look like a name's ("AFP", "iTELE", "6Medias").
    let (publisher, is_sourced) = match ["Source ", "source "]
        .iter()
        .find_map(|prefix| publisher.strip_prefix(prefix))
    {
        Some(named) => (named.trim(), true),
        None => (publisher, false),
    };
    let words: Vec<&str> = publisher.split_whitespace().collect();
    let is_name = (1..=MAX_PUBLISHER_WORDS).contains(&words.len())
        && !publisher.contains(". ")
        && !publisher.ends_with('.')
        && !publisher.contains(['!', '?', ':', ';', '«', '"', '(', ')'])
        && words.iter().all(|word| {
            is_sourced
                || word.starts_with(|c: char| c.is_ascii_digit())
                || word.contains(char::is_uppercase)
                || PUBLISHER_JOINERS.contains(word)
                || AGENCIES.contains(word)
        })
        && !PUBLISHER_JOINERS.contains(&words[0]);
    is_name.then(|| publisher.to_string())
}

/// Words of a publisher's name ("Orange avec AFP-Services").
const MAX_PUBLISHER_WORDS: usize = 5;

/// Words naming a journalist's role, printed after the name in author boxes ("Roberson
/// Alphonse Auteur", "Jeanne Martin Journaliste").
const ROLES: &[&str] = &[
    "auteur",
    "auteure",
    "autrice",
    "journaliste",
    "rédacteur",
    "rédactrice",
    "reporter",
    "correspondant",
    "correspondante",
    "chroniqueur",
    "chroniqueuse",
    "éditorialiste",
];

/// Whether the text opens on an author's box: a name of two to four words, then the
/// names sharing it in brackets or the journalist's role ("Jeanne Martin (avec Paul
/// Durand) Journaliste au Quotidien", "Jeanne Martin Journaliste Suivre").
pub(crate) fn opens_on_name_and_role(text: &str) -> bool {
    let is_role = |word: &str| ROLES.contains(&word.to_lowercase().as_str());
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let name_length = words
        .iter()
        .take_while(|word| is_name_word(word) && !is_role(word))
        .count();
    let after = words.get(name_length);
    (2..=4).contains(&name_length)
        && after.is_some_and(|word| word.starts_with('(') || is_role(word))
        && is_plain_name(&words[..name_length].join(" "))
}

/// The name without the role an author box prints after it: "Jeanne Martin Journaliste"
/// is "Jeanne Martin".
pub(crate) fn without_role(text: &str) -> &str {
    let text = text.trim();
    match text.rsplit_once(char::is_whitespace) {
        Some((name, last)) if ROLES.contains(&last.to_lowercase().as_str()) => name.trim_end(),
        _ => text,
    }
}

/// The author a dateline names after its date: "… à 10:30 par Jeanne Martin — 4
/// commentaires", "… à 10:30 - Jeanne Martin", given the text after the date.
pub(crate) fn byline_after_date(after_date: &str) -> Option<String> {
    // A name has a capital: most dates are followed by none ("à 10h30", nothing).
    if !after_date.contains(char::is_uppercase) {
        return None;
    }
    if let Some(at) = after_date
        .find(" par ")
        .or_else(|| after_date.find(" Par "))
    {
        return name_prefix(&after_date[at + " par ".len()..]);
    }
    // A name alone only when a separator sets it apart from the date and its time.
    let (time, name) = after_date.split_once(['-', '–', '—', '|', '·', '•'])?;
    let only_a_time = time
        .split_whitespace()
        .all(|word| word.starts_with(|c: char| c.is_ascii_digit()) || matches!(word, "à" | "at"));
    let name = name.trim();
    (only_a_time && is_plain_names(name)).then(|| name.to_string())
}

fn strip_byline_prefix(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    for prefix in [
        "propos recueillis par",
        "un article de",
        "rédigé par",
        "écrit par",
        "publié par",
        "texte et photos",
        "texte",
        "auteurs",
        "auteur",
        "par",
        "by",
    ] {
        if lower.starts_with(prefix) && text.is_char_boundary(prefix.len()) {
            let rest = &text[prefix.len()..];
            let glued_name = rest.starts_with(char::is_uppercase) && prefix == "par";
            let separated = rest.starts_with([' ', ':', '\u{A0}']);
            if glued_name || separated {
                return Some(rest.trim_start_matches([' ', ':', '\u{A0}']));
            }
        }
    }
    None
}

/// Who reports from where, before the name: "De notre correspondante à Bruxelles, Jeanne
/// Martin", "De nos envoyés spéciaux Jeanne Martin et Paul Durand".
fn strip_reporter_prefix(text: &str) -> Option<&str> {
    let starts_with = |text: &str, word: &str| {
        text.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    };
    let opening = ["de notre ", "de nos "]
        .into_iter()
        .find(|opening| starts_with(text, opening))?;
    let after_opening = &text[opening.len()..];
    let role = ["correspondant", "envoy"]
        .into_iter()
        .find(|role| starts_with(after_opening, role))?;
    // The rest of the role's word and its adjective ("correspondantes", "envoyée spéciale",
    // "envoyés spéciaux").
    let rest = after_opening[role.len()..]
        .trim_start_matches(char::is_alphabetic)
        .trim_start();
    let rest = rest
        .strip_prefix("spécia")
        .map_or(rest, |after| after.trim_start_matches(char::is_alphabetic));
    let rest = rest.trim_start_matches([' ', ':', '\u{A0}']);
    // "à Bruxelles, Jeanne Martin": the place ends at the comma.
    let at_a_place = ["à ", "au ", "aux ", "en ", "dans "]
        .iter()
        .any(|preposition| rest.starts_with(preposition));
    if at_a_place {
        rest.split_once(',').map(|(_, name)| name.trim_start())
    } else {
        Some(rest)
    }
}

/// The name at the start of `text`, up to a comma, a dash or a date.
fn name_prefix(text: &str) -> Option<String> {
    let end = [
        ",",
        " - ",
        " – ",
        " — ",
        " | ",
        " • ",
        " · ",
        " le ",
        " publié",
        " Publié",
        " mis à jour",
        " Mis à jour",
        " (",
        " /",
    ]
    .iter()
    .filter_map(|separator| text.find(separator))
    .min()
    .unwrap_or(text.len());
    let mut name = text[..end].trim();
    // "Par Jeanne Martin mardi 12 mars 2024": the name ends before the date and its
    // weekday.
    if let Some(number) = name.find(|c: char| c.is_ascii_digit()) {
        name = name[..number].trim_end_matches(|c: char| !c.is_alphanumeric());
        while let Some((before, last)) = name.rsplit_once(' ') {
            if !last.starts_with(char::is_lowercase)
                && !is_weekday_name(&fold(last))
                && last != "Le"
            {
                break;
            }
            name = before.trim_end();
        }
    }
    let words = name.split_whitespace().count();
    let looks_like_name = (1..=6).contains(&words)
        && name.chars().count() <= 60
        && name.starts_with(char::is_uppercase)
        && !name.chars().any(|c| c.is_ascii_digit());
    looks_like_name.then(|| without_role(name).to_string())
}

/// "Zoé SAMIN avec AFP", "Jean Dupont (AFP)", "Jean Dupont / Reuters": the whole credit. An
/// agency glued to the name by a slash ("Bob Edme/AP") credits a photograph, under its
/// caption.
fn credited_with_agency(text: &str) -> Option<String> {
    let words = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '/'))
        .filter(|word| !word.is_empty());
    // The agency closes the credit: most lines end on another word and are settled here.
    if !words
        .clone()
        .next_back()
        .is_some_and(|last| AGENCIES.contains(&last))
    {
        return None;
    }
    let words: Vec<&str> = words.collect();
    let agency_at = words.iter().position(|word| AGENCIES.contains(word))?;
    let name = &words[..agency_at];
    let joiner_ok = name
        .last()
        .is_some_and(|word| matches!(*word, "avec" | "et" | "with"))
        || text.contains('(')
        || text.contains(" / ");
    let name_words: Vec<&&str> = name
        .iter()
        .filter(|word| !matches!(**word, "avec" | "et" | "with"))
        .collect();
    let is_credit = agency_at + 1 == words.len()
        && joiner_ok
        && (1..=4).contains(&name_words.len())
        && name_words.iter().all(|word| is_name_word(word));
    is_credit.then(|| text.trim().to_string())
}

fn is_name_word(word: &str) -> bool {
    let mut characters = word.chars();
    characters.next().is_some_and(char::is_uppercase)
        && characters.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_give_their_author() {
        let table = [
            ("Par Francisco Lawson", "Francisco Lawson"),
            ("ParFrancisco Lawson", "Francisco Lawson"),
            ("by Sara", "Sara"),
            (
                "Par : Jean Dupont, publié le 22 octobre 2024",
                "Jean Dupont",
            ),
            ("Zoé SAMIN avec AFP", "Zoé SAMIN avec AFP"),
            ("Marie Curie (AFP)", "Marie Curie (AFP)"),
            ("- Ludeny Phedjyna Eugene", "Ludeny Phedjyna Eugene"),
            ("Propos recueillis par Anne Martin", "Anne Martin"),
            ("Un article de Anne Martin", "Anne Martin"),
            ("Publié par Anne Martin", "Anne Martin"),
            ("Texte : Anne Martin | Photos : Paul Durand", "Anne Martin"),
            ("Par Anne Martin Journaliste", "Anne Martin"),
            ("Anne MARTIN / Journaliste", "Anne MARTIN"),
            ("Anne Martin, correspondante à Bruxelles", "Anne Martin"),
            ("Par Anne Martin Mardi 12 mars 2024 à 18h05", "Anne Martin"),
            ("Par Anne Martin 12/03/2024", "Anne Martin"),
            ("Par Anne Martin · 12/03/2024", "Anne Martin"),
            ("Par Anne Martin • Mis à jour le 13/03/2024", "Anne Martin"),
            ("Par Anne Martin Le 12/03/2024", "Anne Martin"),
            ("De notre correspondante Jeanne Martin", "Jeanne Martin"),
            ("De notre envoyé spécial à Kiev, Paul Durand", "Paul Durand"),
            (
                "De nos envoyées spéciales Jeanne Martin et Léa Roux",
                "Jeanne Martin et Léa Roux",
            ),
        ];
        for (line, author) in table {
            assert_eq!(byline_author(line).as_deref(), Some(author), "{line}");
        }
    }

    #[test]
    fn a_name_before_a_date() {
        for (before, author) in [
            ("Anne Martin - ", "Anne Martin"),
            ("Anne MARTIN | ", "Anne MARTIN"),
            ("Anne Martin avec AFP Le ", "Anne Martin avec AFP"),
            (
                "Anne Martin et Paul Durand | ",
                "Anne Martin et Paul Durand",
            ),
            ("Par Anne Martin, le ", "Anne Martin"),
        ] {
            assert_eq!(
                byline_before_date(before).as_deref(),
                Some(author),
                "{before}"
            );
        }
        for before in [
            "Paris, le ",
            "La Rochelle - ",
            "Le Figaro | ",
            "Publié le ",
            "Anne Martin le ",
        ] {
            assert_eq!(byline_before_date(before), None, "{before}");
        }
    }

    #[test]
    fn a_name_after_a_date() {
        for (after, author) in [
            (
                " à 10:30 par Jeanne Martin — 4 commentaires",
                "Jeanne Martin",
            ),
            (" à 10h30 Par Jeanne Martin", "Jeanne Martin"),
            (" - Jeanne Martin", "Jeanne Martin"),
            (" à 10:30 - Jeanne Martin", "Jeanne Martin"),
            (
                " | Jeanne Martin et Paul Durand",
                "Jeanne Martin et Paul Durand",
            ),
        ] {
            assert_eq!(byline_after_date(after).as_deref(), Some(author), "{after}");
        }
        for after in [
            " - Paris",
            " à Paris",
            " Jeanne Martin",
            " - mis à jour",
            " à Paris - Jeanne Martin",
        ] {
            assert_eq!(byline_after_date(after), None, "{after}");
        }
    }

    #[test]
    fn an_author_box_opens_on_the_name_and_the_role() {
        for text in [
            "Martin Untersinger (avec Damien Leloup et Morgane Tual) Journaliste au Monde Suivre",
            "Jeanne Martin Journaliste Suivre ce journaliste sur twitter",
        ] {
            assert!(opens_on_name_and_role(text), "{text}");
        }
        for text in [
            "Jeanne Martin",
            "Jeanne Martin a été élue maire (PS) dimanche.",
            "La Rochelle (Charente-Maritime) accueille le festival",
            "Paris (AFP)",
        ] {
            assert!(!opens_on_name_and_role(text), "{text}");
        }
    }

    #[test]
    fn a_name_alone_is_no_label() {
        assert!(is_name_alone("Jeanne Martin et Paul Durand"));
        assert!(is_name_alone("Jeanne MARTIN"));
        assert!(!is_name_alone("ALERTE INFO"));
        assert!(!is_name_alone("Publié le 12 mars"));
    }

    #[test]
    fn names_joined_as_a_byline_joins_them() {
        for names in [
            "Elsa Provenzano et Mickaël Bosredon",
            "Jeanne Martin, Paul Durand et Marc Petit",
            "Jeanne Martin",
        ] {
            assert!(is_plain_names(names), "{names}");
        }
        for text in [
            "Elsa Provenzano et les pompiers",
            "Jeanne Martin et",
            "Lyon et Marseille",
            "Nouvelle-Aquitaine, Occitanie",
        ] {
            assert!(!is_plain_names(text), "{text}");
        }
    }

    #[test]
    fn an_author_boxs_role_is_not_the_name() {
        assert_eq!(
            without_role("Roberson Alphonse Auteur"),
            "Roberson Alphonse"
        );
        assert_eq!(without_role("Jeanne Martin journaliste"), "Jeanne Martin");
        assert_eq!(without_role("Jeanne Martin"), "Jeanne Martin");
        assert_eq!(without_role("Journaliste"), "Journaliste");
    }

    /// The name before ", publié le" published the article: a person, an agency or a
    /// source; words of a sentence do not.
    #[test]
    fn a_publisher_before_the_publication_label() {
        for (before, publisher) in [
            ("AFP, publié le ", "AFP"),
            (
                "Orange avec AFP-Services, publié le ",
                "Orange avec AFP-Services",
            ),
            ("Roxane Mansano, publié le ", "Roxane Mansano"),
            ("BVA - Orange, publiée le ", "BVA - Orange"),
            ("iTELE, publié le ", "iTELE"),
            ("source franceinfo, publié le ", "franceinfo"),
            (
                "Le Quotidien avec agences, mis en ligne le ",
                "Le Quotidien avec agences",
            ),
        ] {
            assert_eq!(
                byline_before_date(before).as_deref(),
                Some(publisher),
                "{before}"
            );
        }
        for before in [
            "Dans la ville, publié le ",
            "Un texte de loi, publié le ",
            "AFP, modifié le ",
            "AFP publié le ",
        ] {
            assert_eq!(byline_before_date(before), None, "{before}");
        }
    }

    #[test]
    fn sentences_are_not_bylines() {
        for line in [
            "Par la voix de son secrétaire général, Mark Rutte, l’Otan a fait part de son inquiétude",
            "Partager",
            "Pour Kim Jong Un, ce soutien n’est pas qu’un acte de solidarité.",
            "Corée du Sud, Russie, Corée du Nord",
            "Guerre en Ukraine : un conflit sans fin",
            "selon l'AFP",
            "De notre côté, Jeanne Martin",
            "De nos correspondants",
            "Texte intégral de la déclaration",
            "Paris, correspondance",
            "International",
            "Bob Edme/AP",
        ] {
            assert_eq!(byline_author(line), None, "{line}");
        }
    }
}
