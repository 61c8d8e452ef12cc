//! Progress of an indexing run on stderr, as an indicatif bar that shows only on a terminal.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::index::IndexingProgress;

/// A progress bar over the bytes of text read (decompressed bytes for a compressed file), in
/// binary units (MiB, MiB/s, as the summary), that moves as a file is read and ticks when
/// nothing else happens; hidden when stderr is not a terminal.
pub(crate) struct ProgressBarReporter {
    bar: ProgressBar,
}

impl ProgressBarReporter {
    pub(crate) fn new() -> ProgressBarReporter {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} indexing [{bar:30}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta} {msg}")
                .expect("a valid template")
                .progress_chars("=> "),
        );
        ProgressBarReporter { bar }
    }
}

impl Default for ProgressBarReporter {
    fn default() -> Self {
        ProgressBarReporter::new()
    }
}

impl IndexingProgress for ProgressBarReporter {
    fn started(&self, _files: u64, bytes: u64) {
        self.bar.set_length(bytes);
        // The spinner, the rate and the eta stay alive through a long file or commit.
        self.bar.enable_steady_tick(Duration::from_millis(200));
    }

    fn read(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn file_done(&self, expected: u64, read: u64) {
        // The bar's length follows what files truly held: a compressed file's declared size
        // is an estimate, and a file that could not be read held nothing.
        let length = self.bar.length().unwrap_or(0);
        self.bar
            .set_length((length + read).saturating_sub(expected));
    }

    fn committing(&self) {
        self.bar.set_message("committing");
    }

    fn committed(&self, articles_in_index: u64) {
        self.bar
            .set_message(format!("{articles_in_index} articles committed"));
    }
}

impl Drop for ProgressBarReporter {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
