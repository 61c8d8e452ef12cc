//! lynx's numbered links (`lynx -dump` without `-nolist`): the `[12]` before each link's text and the list of addresses after the page are the renderer's, not the page's text.
//!
//! A page dumped that way reads `Par [123]Cécile Ducourtieux` and ends on a "References"
//! heading over every address the page links to. The numbers would join bylines, titles and
//! words of the text, and the list would be read as part of the page; once both are
//! removed the text is what `lynx -dump -nolist` prints. Only a text that ends on such a list
//! is read that way, so that `[1]` in other text (a footnote call) stays.

use std::borrow::Cow;

/// The text without lynx's link numbers and list of addresses, when it ends on one.
pub(crate) fn without_numbered_links(text: &str) -> Cow<'_, str> {
    let Some(list_start) = reference_list_start(text) else {
        return Cow::Borrowed(text);
    };
    let mut page = String::with_capacity(list_start);
    for line in text[..list_start].split_inclusive('\n') {
        let unnumbered = without_link_numbers(line);
        // A line that held only numbers ("[2]" for a link on a picture) is not printed
        // without them.
        if unnumbered.trim().is_empty() && !line.trim().is_empty() {
            continue;
        }
        page.push_str(&unnumbered);
    }
    Cow::Owned(page)
}

/// Where the list of addresses starts: the last line "References" followed, past blank
/// lines, by "Visible links:" or by "1. " and an address.
fn reference_list_start(text: &str) -> Option<usize> {
    let start = text
        .match_indices("References")
        .map(|(at, _)| at)
        .filter(|&at| at == 0 || text.as_bytes()[at - 1] == b'\n')
        .filter(|&at| {
            let mut lines = text[at..].lines();
            lines
                .next()
                .is_some_and(|line| line.trim_end() == "References")
                && lines
                    .find(|line| !line.trim().is_empty())
                    .is_some_and(|line| {
                        let line = line.trim();
                        line == "Visible links:"
                            || line
                                .strip_prefix("1. ")
                                .is_some_and(|address| address.contains("://"))
                    })
        })
        .last()?;
    Some(start)
}

/// The line without `[12]`, a number in brackets, before a link's text.
fn without_link_numbers(line: &str) -> Cow<'_, str> {
    if !line.contains('[') {
        return Cow::Borrowed(line);
    }
    let mut kept = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        kept.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(']') {
            rest = &after[digits + 1..];
        } else {
            kept.push('[');
            rest = after;
        }
    }
    kept.push_str(rest);
    Cow::Owned(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_numbers_and_the_list_are_removed() {
        let dump = "   [1]Se connecter [2]S'abonner\n   [3]\n\n\
                    Le titre\n\nPar [4]Jeanne Martin\n\nLe texte [5]cite un rapport.\n\n\
                    References\n\n   Visible links:\n   1. https://exemple.fr/\n   2. https://exemple.fr/abo\n";
        assert_eq!(
            without_numbered_links(dump),
            "   Se connecter S'abonner\n\nLe titre\n\nPar Jeanne Martin\n\nLe texte cite un rapport.\n\n"
        );
        let without_heading = "Le texte [1]cité.\n\nReferences\n\n   1. https://exemple.fr/\n";
        assert_eq!(
            without_numbered_links(without_heading),
            "Le texte cité.\n\n"
        );
    }

    #[test]
    fn other_brackets_stay() {
        // No list of addresses at the end: a footnote call is the text's.
        let footnotes = "Le texte[1] et la note.\n\n[1] Une source.\n";
        assert_eq!(without_numbered_links(footnotes), footnotes);
        // A "References" section of the article itself, without addresses.
        let article = "Le texte.\n\nReferences\n\nDupont, 2019.\n";
        assert_eq!(without_numbered_links(article), article);
        assert_eq!(
            without_link_numbers("[IMG] [a] [12b] [] ["),
            "[IMG] [a] [12b] [] ["
        );
    }
}
