//! Progress inside one file being read: the bytes of text read so far, handed to the run's progress as articles come, so that a 150 MB dump moves the bar and not only its end.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::indexer::IndexingProgress;

/// The count of one file's bytes of text read so far (decompressed bytes for a compressed
/// file: the unit of the bar and of the summary), and how much of it progress was told.
#[derive(Default)]
pub(crate) struct FileProgress {
    read: Arc<AtomicU64>,
    reported: u64,
}

impl FileProgress {
    /// The count that the reader adds to ([`crate::extract::read_file_counted`]).
    pub(crate) fn counter(&self) -> &Arc<AtomicU64> {
        &self.read
    }

    /// Tells `progress` what was read since it was last told.
    pub(crate) fn advance(&mut self, progress: &dyn IndexingProgress) {
        let read = self.read.load(Ordering::Relaxed);
        progress.read(read.saturating_sub(self.reported));
        self.reported = self.reported.max(read);
    }

    /// Tells `progress` the file is done, `expected` being what the run counted for it at
    /// the start; returns the bytes of text read from it.
    pub(crate) fn finish(mut self, expected: u64, progress: &dyn IndexingProgress) -> u64 {
        self.advance(progress);
        progress.file_done(expected, self.reported);
        self.reported
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Recorded(Mutex<Vec<String>>);

    impl IndexingProgress for Recorded {
        fn started(&self, _files: u64, _bytes: u64) {}
        fn read(&self, bytes: u64) {
            self.0.lock().unwrap().push(format!("read {bytes}"));
        }
        fn file_done(&self, expected: u64, read: u64) {
            self.0
                .lock()
                .unwrap()
                .push(format!("done {expected} {read}"));
        }
        fn committing(&self) {}
    }

    #[test]
    fn progress_is_told_each_byte_once_and_the_file_s_true_size_at_its_end() {
        let progress = Recorded::default();
        let mut file = FileProgress::default();
        file.counter().fetch_add(1000, Ordering::Relaxed);
        file.advance(&progress);
        file.advance(&progress);
        file.counter().fetch_add(500, Ordering::Relaxed);
        assert_eq!(file.finish(1200, &progress), 1500);
        assert_eq!(
            *progress.0.lock().unwrap(),
            ["read 1000", "read 0", "read 500", "done 1200 1500"]
        );
    }
}
