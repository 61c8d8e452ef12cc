//! The `--field` mappings of a run: those given on the command line, else those stored with the index by an earlier run; and whether they changed, so that the dumps they concern are read again.

use crate::error::{Error, Result};
use crate::extract::{ArticleField, FieldMap};

/// Which `--field FIELD=KEY` mappings a run reads JSON records with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum FieldMappings {
    /// Those stored with the index by the last run that gave some (none at first).
    #[default]
    Stored,
    /// These pairs (none: forget the stored ones), stored with the index for the runs that
    /// give none.
    Given(Vec<String>),
}

/// The mappings a run used, for its report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMappingsUsed {
    /// The `FIELD=KEY` pairs.
    pub pairs: Vec<String>,
    /// They are the ones stored with the index (the run gave none).
    pub from_index: bool,
    /// They differ from the ones stored with the index: the files they concern are read again.
    pub changed: bool,
    /// Files unchanged since they were indexed, read again for the new mappings.
    pub files_read_again: u64,
}

impl FieldMappings {
    /// The mappings a run uses, given the pairs stored with the index, and the map to read
    /// records with.
    pub(crate) fn resolve(&self, stored: &[String]) -> Result<(FieldMappingsUsed, FieldMap)> {
        let (pairs, from_index) = match self {
            FieldMappings::Stored => (stored.to_vec(), true),
            FieldMappings::Given(pairs) => (pairs.clone(), false),
        };
        let map = FieldMap::parse(&pairs).map_err(|reason| {
            Error::InvalidOption(if from_index {
                format!("the --field mappings stored with the index: {reason}; give --field again, or --forget-fields")
            } else {
                reason
            })
        })?;
        let changed = FieldMap::parse(stored).map_or(true, |before| !same_keys(&before, &map));
        let used = FieldMappingsUsed {
            pairs,
            from_index,
            changed,
            files_read_again: 0,
        };
        Ok((used, map))
    }
}

/// Whether two maps read every field from the same keys: pairs in another order or spelling
/// (`body = contenu`) map the same way.
fn same_keys(one: &FieldMap, other: &FieldMap) -> bool {
    ArticleField::ALL
        .into_iter()
        .all(|field| one.keys_for(field).eq(other.keys_for(field)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| text.to_string()).collect()
    }

    #[test]
    fn a_run_without_mappings_uses_the_stored_ones() {
        let stored = pairs(&["body=contenu"]);
        let (used, map) = FieldMappings::Stored.resolve(&stored).unwrap();
        assert_eq!(used.pairs, stored);
        assert!(used.from_index && !used.changed);
        assert_eq!(map, FieldMap::parse(&stored).unwrap());
    }

    #[test]
    fn given_mappings_replace_the_stored_ones() {
        let stored = pairs(&["body=contenu"]);
        let same = FieldMappings::Given(pairs(&[" body = contenu "]));
        assert!(!same.resolve(&stored).unwrap().0.changed);
        let two = pairs(&["title=titre", "body=contenu"]);
        let reordered = FieldMappings::Given(pairs(&["body=contenu", "title=titre"]));
        assert!(!reordered.resolve(&two).unwrap().0.changed);
        let other = FieldMappings::Given(pairs(&["body=texte_complet"]));
        let (used, _) = other.resolve(&stored).unwrap();
        assert!(used.changed && !used.from_index);
        let forget = FieldMappings::Given(Vec::new());
        let (used, map) = forget.resolve(&stored).unwrap();
        assert!(used.changed && used.pairs.is_empty());
        assert_eq!(map, FieldMap::default());
        assert!(
            !FieldMappings::Given(Vec::new())
                .resolve(&[])
                .unwrap()
                .0
                .changed
        );
    }

    #[test]
    fn unreadable_stored_mappings_say_what_to_do() {
        let error = FieldMappings::Stored
            .resolve(&pairs(&["corps=contenu"]))
            .unwrap_err()
            .to_string();
        assert!(error.contains("stored with the index"), "{error}");
        assert!(error.contains("--forget-fields"), "{error}");
    }
}
