//! What an index holds: articles, their dates, categories and months, near-duplicate groups, and its size on disk.

use std::collections::HashMap;

use tantivy::query::AllQuery;

use crate::error::{Error, Result};
use crate::index::live_signatures;
use crate::results::IndexStats;

use super::facet_collector::KeywordFacet;
use super::facet_summary::{DateFacet, FacetRequest};
use super::ArticleSearcher;
use crate::date::Granularity;

impl ArticleSearcher {
    /// Counts over every live article of the index.
    pub(crate) fn stats(&self) -> Result<IndexStats> {
        let request = FacetRequest {
            keywords: vec![KeywordFacet::Category],
            date: Some(DateFacet::Periods(Granularity::Month)),
            limit: usize::MAX,
        };
        let counts = self.searcher.search(&AllQuery, &request.collector())?;
        let dated = counts.days.keys().flatten();
        let day = |value: Option<&i64>| value.map(|&day| Granularity::Day.format(day));
        let (oldest_date, newest_date) = (day(dated.clone().min()), day(dated.max()));
        let undated = counts.days.get(&None).copied().unwrap_or(0);
        let facets = request.summarize(counts);

        let mut group_sizes: HashMap<u64, u64> = HashMap::new();
        for signature in live_signatures(&self.searcher)? {
            *group_sizes.entry(self.groups.key(signature)).or_default() += 1;
        }
        let groups: Vec<u64> = group_sizes.into_values().filter(|&size| size > 1).collect();

        Ok(IndexStats {
            articles: self.searcher.num_docs(),
            oldest_date,
            newest_date,
            undated,
            categories: facets.category.unwrap_or_default(),
            months: facets.date.unwrap_or_default(),
            duplicate_groups: groups.len() as u64,
            duplicate_copies: groups.iter().map(|size| size - 1).sum(),
            index_bytes: self.size_on_disk()?,
        })
    }

    /// The bytes of the files in the index directory. A run of `newsearch index` may commit
    /// meanwhile and delete the segments it merged: a file gone between listing the folder and
    /// reading its size is not counted.
    fn size_on_disk(&self) -> Result<u64> {
        let io_error = |source| Error::Io {
            path: self.directory.clone(),
            source,
        };
        let mut bytes = 0;
        for entry in std::fs::read_dir(&self.directory).map_err(io_error)? {
            match entry.and_then(|entry| entry.metadata()) {
                Ok(metadata) if metadata.is_file() => bytes += metadata.len(),
                Ok(_) => {}
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => return Err(io_error(error)),
            }
        }
        Ok(bytes)
    }
}
