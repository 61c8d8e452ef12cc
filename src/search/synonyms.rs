//! Synonyms applied at query time: groups of names that stand for one another (Kiev/Kyiv, UE/Union européenne), built in and from a user's file, matched on analysed terms.

use std::collections::HashMap;
use std::path::Path;

use crate::analysis::query_terms;
use crate::error::{Error, Result};

/// The built-in list (its format is the user file's, see the README).
const BUILT_IN: &str = include_str!("synonyms.txt");

/// Groups of names, each reachable from the analysed terms of any of its names.
#[derive(Debug, Clone, Default)]
pub(crate) struct Synonyms {
    /// The names of each group, as written.
    groups: Vec<Vec<String>>,
    /// The analysed terms of each name (stop words left out), to the group it belongs to.
    by_terms: HashMap<Vec<String>, usize>,
    /// How many terms the longest name has.
    longest: usize,
}

impl Synonyms {
    /// The built-in list.
    pub(crate) fn built_in() -> Synonyms {
        let mut synonyms = Synonyms::default();
        synonyms
            .add_lines(BUILT_IN)
            .expect("the built-in synonym list is well formed");
        synonyms
    }

    /// Adds the groups of a user's file; a group sharing a name with a known one joins it.
    pub(crate) fn add_file(&mut self, path: &Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_lines(&text)
            .map_err(|(line, reason)| Error::InvalidSynonyms {
                path: path.to_path_buf(),
                line,
                reason,
            })
    }

    /// Adds one group per line (names separated by commas; blank lines and `#` comments
    /// skipped), or says which line is wrong and why.
    fn add_lines(&mut self, text: &str) -> std::result::Result<(), (usize, String)> {
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let names: Vec<&str> = line.split(',').map(str::trim).collect();
            if names.len() < 2 || names.iter().any(|name| query_terms(name).is_empty()) {
                return Err((
                    index + 1,
                    "a group needs two names or more, each with a searchable word".to_string(),
                ));
            }
            self.add_group(&names);
        }
        Ok(())
    }

    fn add_group(&mut self, names: &[&str]) {
        let known = names
            .iter()
            .find_map(|name| self.by_terms.get(&query_terms(name)).copied());
        let group = known.unwrap_or_else(|| {
            self.groups.push(Vec::new());
            self.groups.len() - 1
        });
        for name in names {
            let name_terms = query_terms(name);
            if self.by_terms.contains_key(&name_terms) {
                continue;
            }
            self.longest = self.longest.max(name_terms.len());
            self.by_terms.insert(name_terms, group);
            self.groups[group].push(name.to_string());
        }
    }

    /// The names of the group one of whose names has exactly these analysed terms.
    pub(crate) fn group(&self, terms: &[String]) -> Option<&[String]> {
        let group = *self.by_terms.get(terms)?;
        Some(&self.groups[group])
    }

    /// How many terms the longest name has: runs of query words longer than this are no name.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_by_their_terms_whatever_their_spelling() {
        let synonyms = Synonyms::built_in();
        let kyiv = synonyms.group(&query_terms("kiev")).unwrap();
        assert!(kyiv.contains(&"Kyiv".to_string()), "{kyiv:?}");
        let union = synonyms.group(&query_terms("l'Union Européenne")).unwrap();
        assert!(union.contains(&"UE".to_string()), "{union:?}");
        // Stop words inside a name do not count.
        assert!(synonyms
            .group(&query_terms("Organisation mondiale de la santé"))
            .is_some());
        assert!(synonyms.group(&query_terms("Corée")).is_none());
    }

    #[test]
    fn a_group_sharing_a_name_joins_the_known_one() {
        let mut synonyms = Synonyms::built_in();
        let groups = synonyms.groups.len();
        synonyms.add_lines("# mine\n\nKyiv, Kyïv, Kiiv\n").unwrap();
        assert_eq!(synonyms.groups.len(), groups);
        let kiev = synonyms.group(&query_terms("Kiiv")).unwrap();
        assert_eq!(kiev, ["Kiev", "Kyiv", "Kiiv"]);
        assert_eq!(
            synonyms.add_lines("Kiev, Kyiv\nseul\n").unwrap_err().0,
            2,
            "one name is no group"
        );
        assert_eq!(synonyms.add_lines("Kiev, de la").unwrap_err().0, 1);
    }
}
