//! Compressed input: gzip and zstd recognised by their magic bytes and decompressed as the file is read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How a file's bytes are compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

const GZIP_MAGIC: &[u8] = &[0x1F, 0x8B];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xB5, 0x2F, 0xFD];

/// Buffer size of the readers: large enough that decompressors and line splitting stay fast.
const BUFFER_BYTES: usize = 256 * 1024;

impl Compression {
    /// The compression that a file's first bytes announce.
    pub(crate) fn of(first_bytes: &[u8]) -> Compression {
        if first_bytes.starts_with(GZIP_MAGIC) {
            Compression::Gzip
        } else if first_bytes.starts_with(ZSTD_MAGIC) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    /// The name used in messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Compression::None => "plain",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// The decompressed bytes of a file, as a buffered stream, and how they were compressed.
pub(crate) struct OpenedFile {
    pub reader: Box<dyn BufRead>,
    pub compression: Compression,
}

/// Opens `path` and, when its magic bytes say it is gzip or zstd, decompresses it as it is read.
pub(crate) fn open_decompressed(path: &Path) -> io::Result<OpenedFile> {
    decompressed(BufReader::with_capacity(BUFFER_BYTES, File::open(path)?))
}

/// The bytes of `file`, decompressed as they are read when its magic bytes say gzip or zstd.
pub(crate) fn decompressed(mut file: impl BufRead + 'static) -> io::Result<OpenedFile> {
    let compression = Compression::of(file.fill_buf()?);
    let reader: Box<dyn BufRead> = match compression {
        Compression::None => Box::new(file),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            BUFFER_BYTES,
            flate2::bufread::MultiGzDecoder::new(file),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            BUFFER_BYTES,
            zstd::stream::read::Decoder::with_buffer(file)?,
        )),
    };
    Ok(OpenedFile {
        reader,
        compression,
    })
}

/// Largest zstd frame header: what [`expected_size`] reads to find a declared content size.
const ZSTD_HEADER_BYTES: usize = 18;

/// The size of a file once decompressed, as far as its own bytes say without reading it
/// through: a gzip trailer's size field, a zstd frame's declared content size, else `stored`.
/// An estimate that sizes a progress bar: a file of several gzip members or zstd frames
/// declares the size of one of them, and the bar's length is corrected once the file is read.
pub(crate) fn expected_size(path: &Path, stored: u64) -> u64 {
    let declared = || -> io::Result<Option<u64>> {
        let mut file = File::open(path)?;
        let mut header = Vec::with_capacity(ZSTD_HEADER_BYTES);
        (&mut file)
            .take(ZSTD_HEADER_BYTES as u64)
            .read_to_end(&mut header)?;
        Ok(match Compression::of(&header) {
            Compression::None => None,
            Compression::Gzip => {
                let mut size = [0; 4];
                file.seek(SeekFrom::End(-4))?;
                file.read_exact(&mut size)?;
                Some(u64::from(u32::from_le_bytes(size)))
            }
            Compression::Zstd => zstd::zstd_safe::get_frame_content_size(&header)
                .ok()
                .flatten(),
        })
    };
    declared().ok().flatten().unwrap_or(stored)
}

/// A decompressed stream that adds every byte handed on to a shared count, so that progress
/// can move inside one big file, in the unit the summary gives: bytes of text.
pub(crate) struct CountingReader {
    inner: Box<dyn BufRead>,
    count: Arc<AtomicU64>,
}

impl CountingReader {
    pub(crate) fn new(inner: Box<dyn BufRead>, count: Arc<AtomicU64>) -> CountingReader {
        CountingReader { inner, count }
    }
}

impl Read for CountingReader {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.count.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

impl BufRead for CountingReader {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.count.fetch_add(amount as u64, Ordering::Relaxed);
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        assert_eq!(Compression::of(&[0x1F, 0x8B, 8, 0]), Compression::Gzip);
        assert_eq!(
            Compression::of(&[0x28, 0xB5, 0x2F, 0xFD, 0]),
            Compression::Zstd
        );
        assert_eq!(Compression::of(b"<html>"), Compression::None);
        assert_eq!(Compression::of(b""), Compression::None);
    }

    #[test]
    fn expected_size_is_the_size_a_compressed_file_declares() {
        use std::io::Write;
        let text = "La tempête Ciaran a frappé la Bretagne. ".repeat(5000);
        let folder = tempfile::tempdir().unwrap();
        let plain = folder.path().join("a.txt");
        std::fs::write(&plain, &text).unwrap();
        let gzip = folder.path().join("a.txt.gz");
        let mut encoder =
            flate2::write::GzEncoder::new(File::create(&gzip).unwrap(), Default::default());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap();
        let zstd = folder.path().join("a.txt.zst");
        std::fs::write(&zstd, zstd::bulk::compress(text.as_bytes(), 3).unwrap()).unwrap();
        let stored = |path: &Path| std::fs::metadata(path).unwrap().len();
        let length = text.len() as u64;
        assert_eq!(expected_size(&plain, stored(&plain)), length);
        assert!(stored(&gzip) < length / 10 && stored(&zstd) < length / 10);
        assert_eq!(expected_size(&gzip, stored(&gzip)), length);
        assert_eq!(expected_size(&zstd, stored(&zstd)), length);
        // A file that cannot be read or that declares nothing is counted as stored.
        assert_eq!(expected_size(&folder.path().join("gone.gz"), 7), 7);
    }

    #[test]
    fn counting_reader_counts_each_byte_handed_on_once() {
        let count = Arc::new(AtomicU64::new(0));
        let mut reader =
            CountingReader::new(Box::new(&b"une ligne\nune autre"[..]), Arc::clone(&count));
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert_eq!(count.load(Ordering::Relaxed), 10);
        let mut rest = String::new();
        reader.read_to_string(&mut rest).unwrap();
        assert_eq!(count.load(Ordering::Relaxed), 19);
    }
}
