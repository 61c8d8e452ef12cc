//! The articles as the server reads them: the embedded index one committed snapshot at a time (replaced by the newer one when `newsearch index` commits), or a cluster, whose searches see its last refresh.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use crate::engine::{ArticleSearch, Engine};
use crate::error::Result;
use crate::index::{open_index, GROUPS_FILE};
use crate::search::ArticleSearcher;

/// What the server searches.
pub(crate) enum Archive {
    /// The embedded index, reopened when `newsearch index` commits.
    Embedded(Snapshots),
    /// A cluster: one searcher for every request, each call to the cluster given up soon
    /// after the server's time budget (a cluster that stops answering then frees the
    /// server's threads).
    Cluster(Arc<dyn ArticleSearch>),
}

/// How much longer than the time budget a call to the cluster is awaited: the budget's own
/// answer (503) comes first, then the call gives up and frees its thread.
const CLUSTER_GRACE: Duration = Duration::from_secs(1);

impl Archive {
    /// Opens the engine's articles as last committed; an error when there are none.
    pub(crate) fn open(engine: &Engine, budget: Duration) -> Result<Archive> {
        match engine {
            Engine::Tantivy { index_dir } => Snapshots::open(index_dir).map(Archive::Embedded),
            Engine::OpenSearch(cluster) => Ok(Archive::Cluster(Arc::new(
                cluster.searcher_within(budget + CLUSTER_GRACE)?,
            ))),
        }
    }

    /// The searcher for a request.
    pub(crate) fn searcher(&self) -> Arc<dyn ArticleSearch> {
        match self {
            Archive::Embedded(snapshots) => snapshots.searcher(),
            Archive::Cluster(searcher) => Arc::clone(searcher),
        }
    }
}

/// The index directory and the searcher of its last commit seen.
pub(crate) struct Snapshots {
    directory: PathBuf,
    current: RwLock<Arc<Snapshot>>,
    /// Held while a newer snapshot is opened, so that one request opens it and the others wait
    /// for it rather than open it too.
    reopening: Mutex<Option<Version>>,
}

/// A searcher and the version of the files it was opened from.
struct Snapshot {
    searcher: Arc<dyn ArticleSearch>,
    version: Version,
}

/// What changes when `newsearch index` commits: tantivy's `meta.json` (replaced atomically
/// by each commit, with the segments it lists already written) and the near-duplicate groups
/// (replaced atomically after it). Their sizes and modification times are compared: reading
/// them costs two `stat` calls a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Version {
    meta: Option<(SystemTime, u64)>,
    groups: Option<(SystemTime, u64)>,
}

impl Version {
    fn of(directory: &Path) -> Version {
        let stamp = |name: &str| {
            let metadata = std::fs::metadata(directory.join(name)).ok()?;
            Some((metadata.modified().ok()?, metadata.len()))
        };
        Version {
            meta: stamp("meta.json"),
            groups: stamp(GROUPS_FILE),
        }
    }
}

impl Snapshots {
    /// Opens the index in `directory` as last committed; an error when there is none.
    fn open(directory: &Path) -> Result<Snapshots> {
        let snapshot = Snapshot::open(directory)?;
        Ok(Snapshots {
            directory: directory.to_path_buf(),
            current: RwLock::new(Arc::new(snapshot)),
            reopening: Mutex::new(None),
        })
    }

    /// The searcher of the index's last commit: the one in hand, or a new one when the index
    /// or its groups changed since. A commit is seen whole or not at all (tantivy opens the
    /// segments `meta.json` lists). When a newer state cannot be opened (an index deleted to be
    /// rebuilt), the last good one goes on serving and the reason is printed once.
    fn searcher(&self) -> Arc<dyn ArticleSearch> {
        let version = Version::of(&self.directory);
        let current = self.current_snapshot();
        if current.version == version {
            return Arc::clone(&current.searcher);
        }
        let mut failed = self
            .reopening
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let current = self.current_snapshot();
        if current.version == version || *failed == Some(version) {
            return Arc::clone(&current.searcher);
        }
        match Snapshot::open(&self.directory) {
            Ok(snapshot) => {
                let searcher = Arc::clone(&snapshot.searcher);
                *self
                    .current
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(snapshot);
                *failed = None;
                searcher
            }
            Err(error) => {
                eprintln!(
                    "newsearch: the index changed but cannot be read yet ({error}); still serving the last commit read"
                );
                *failed = Some(version);
                Arc::clone(&current.searcher)
            }
        }
    }

    fn current_snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(
            &self
                .current
                .read()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        )
    }
}

impl Snapshot {
    fn open(directory: &Path) -> Result<Snapshot> {
        // The version is read first: a commit that lands while the index opens makes the
        // snapshot newer than its version, and the next request opens it again (never older).
        let version = Version::of(directory);
        let searcher = ArticleSearcher::open(&open_index(directory)?)?;
        Ok(Snapshot {
            searcher: Arc::new(searcher),
            version,
        })
    }
}
