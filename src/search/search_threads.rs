//! The threads a query runs on: its segments collected largest first, each thread taking the largest one left.

use std::cmp::Reverse;
use std::sync::atomic::{AtomicUsize, Ordering};

use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query};
use tantivy::{Executor, Searcher};

/// At most this many threads work on one query.
const MAX_SEARCH_THREADS: usize = 4;

/// The search threads, as many as the machine's cores (up to [`MAX_SEARCH_THREADS`]).
pub(super) struct SearchThreads {
    pub executor: Executor,
    count: usize,
}

impl SearchThreads {
    pub(super) fn new() -> tantivy::Result<SearchThreads> {
        let count = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(MAX_SEARCH_THREADS);
        let executor = if count > 1 {
            Executor::multi_thread(count, "newsearch-search-")?
        } else {
            Executor::single_thread()
        };
        Ok(SearchThreads { executor, count })
    }

    /// What `collector` collects of `query` in every segment of `searcher`, as
    /// `Searcher::search_with_executor` gives it, but with the segments taken largest
    /// first by whichever thread is free. Handed to the thread pool in index order, a
    /// query on an index of two large and two small segments ran on two cores the two
    /// small ones then a large one on one core, while the other finished its large one
    /// and waited.
    pub(super) fn collect<C: Collector>(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        collector: &C,
    ) -> tantivy::Result<C::Fruit> {
        let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
        let readers = searcher.segment_readers();
        let mut largest_first: Vec<usize> = (0..readers.len()).collect();
        largest_first.sort_by_key(|&segment| Reverse(readers[segment].max_doc()));
        let next = AtomicUsize::new(0);
        let by_thread = self.executor.map(
            |_| {
                let mut fruits = Vec::new();
                while let Some(&segment) = largest_first.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let ordinal = segment as u32;
                    let fruit =
                        collector.collect_segment(weight.as_ref(), ordinal, &readers[segment])?;
                    fruits.push((segment, fruit));
                }
                Ok(fruits)
            },
            0..self.count.min(readers.len()),
        )?;
        let mut fruits: Vec<_> = by_thread.into_iter().flatten().collect();
        fruits.sort_unstable_by_key(|&(segment, _)| segment);
        collector.merge_fruits(fruits.into_iter().map(|(_, fruit)| fruit).collect())
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    use tantivy::Term;

    use super::*;
    use crate::article::Article;
    use crate::index::document::searcher_over;

    #[test]
    fn segments_taken_largest_first_give_what_the_searcher_gives() {
        // Segments of 1, 5, 2 and 7 articles, so that the largest are not first.
        let segments = [1, 5, 2, 7].map(|size| {
            (0..size)
                .map(|n| Article {
                    id: format!("{size}-{n}"),
                    title: format!("Séoul {n}"),
                    body: "Séoul répond. ".repeat(n + 1),
                    ..Article::default()
                })
                .collect::<Vec<_>>()
        });
        let (fields, searcher) = searcher_over(segments);
        let query = TermQuery::new(
            Term::from_field_text(fields.text, "seoul"),
            IndexRecordOption::WithFreqs,
        );
        let threads = SearchThreads::new().unwrap();
        let top = TopDocs::with_limit(20).order_by_score();
        let ours = threads.collect(&searcher, &query, &(Count, top)).unwrap();
        let top = TopDocs::with_limit(20).order_by_score();
        assert_eq!(ours, searcher.search(&query, &(Count, top)).unwrap());
        assert_eq!(ours.0, 15);
    }
}
