//! A file read for indexing that counts the bytes read from it, so that progress moves inside one big file (a 150 MB dump) and not only between files.

use std::fs::File;
use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A file and the count of bytes read from it so far (as stored: compressed bytes for a
/// compressed file), shared with whoever reports progress.
pub(crate) struct CountedFile {
    file: File,
    read: Arc<AtomicU64>,
}

impl CountedFile {
    pub(crate) fn new(file: File) -> (CountedFile, Arc<AtomicU64>) {
        let read = Arc::new(AtomicU64::new(0));
        let counted = CountedFile {
            file,
            read: Arc::clone(&read),
        };
        (counted, read)
    }
}

impl Read for CountedFile {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let count = self.file.read(buffer)?;
        self.read.fetch_add(count as u64, Ordering::Relaxed);
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn every_byte_read_is_counted() {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&[7; 10_000]).unwrap();
        std::io::Seek::rewind(&mut file).unwrap();
        let (mut counted, read) = CountedFile::new(file);
        let mut start = [0; 1000];
        counted.read_exact(&mut start).unwrap();
        assert_eq!(read.load(Ordering::Relaxed), 1000);
        let mut rest = Vec::new();
        counted.read_to_end(&mut rest).unwrap();
        assert_eq!(read.load(Ordering::Relaxed), 10_000);
    }
}
