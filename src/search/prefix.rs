//! How a typed prefix (`gouvernem*`) meets the index's stemmed terms.
//!
//! The index holds stems, not words: "gouvernement" is indexed as `gouvern`, shorter than the
//! prefix `gouvernem` that the user typed to find it. So a prefix matches the terms that start
//! with it, and also the terms it starts with when they are at most [`MAX_STEM_CUT`]
//! characters shorter and at least [`MIN_STEM_CHARS`] long: the stem of a word that began
//! with the prefix, cut inside its suffix. The cost is that such a stem also stands for its
//! other words (`gouvern` is also "gouverner").

/// How many characters the stemmer may have cut from the end of a prefix.
pub(crate) const MAX_STEM_CUT: usize = 3;
/// Shorter stems than this are too ambiguous to stand for a prefix.
pub(crate) const MIN_STEM_CHARS: usize = 4;

/// The terms shorter than `prefix` that it matches exactly: `gouvernem` → `gouverne`,
/// `gouvern`, `gouver`.
pub(crate) fn shorter_stems(prefix: &str) -> Vec<&str> {
    let cuts: Vec<usize> = prefix.char_indices().map(|(index, _)| index).collect();
    cuts.iter()
        .rev()
        .take(MAX_STEM_CUT)
        .filter(|&&end| prefix[..end].chars().count() >= MIN_STEM_CHARS)
        .map(|&end| &prefix[..end])
        .collect()
}

/// Whether an indexed `term` matches a typed, folded `prefix`.
pub(crate) fn prefix_matches(prefix: &str, term: &str) -> bool {
    term.starts_with(prefix) || shorter_stems(prefix).contains(&term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorter_stems_stop_at_four_characters() {
        assert_eq!(
            shorter_stems("gouvernem"),
            ["gouverne", "gouvern", "gouver"]
        );
        assert_eq!(shorter_stems("econo"), ["econ"]);
        assert!(shorter_stems("cyb").is_empty());
    }

    #[test]
    fn terms_starting_with_the_prefix_or_cut_from_it_match() {
        assert!(prefix_matches("gouvernem", "gouvernemental"));
        assert!(prefix_matches("gouvernem", "gouvern"));
        assert!(!prefix_matches("gouvernem", "gouv"));
        assert!(!prefix_matches("econo", "ecolog"));
    }
}
