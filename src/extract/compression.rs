//! Compressed input: gzip and zstd recognised by their magic bytes and decompressed as the file is read.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// How a file's bytes are compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
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
    pub fn of(first_bytes: &[u8]) -> Compression {
        if first_bytes.starts_with(GZIP_MAGIC) {
            Compression::Gzip
        } else if first_bytes.starts_with(ZSTD_MAGIC) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Compression::None => "plain",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// The decompressed bytes of a file, as a buffered stream, and how they were compressed.
pub struct OpenedFile {
    pub reader: Box<dyn BufRead>,
    pub compression: Compression,
}

/// Opens `path` and, when its magic bytes say it is gzip or zstd, decompresses it as it is read.
pub fn open_decompressed(path: &Path) -> io::Result<OpenedFile> {
    decompressed(BufReader::with_capacity(BUFFER_BYTES, File::open(path)?))
}

/// The bytes of `file`, decompressed as they are read when its magic bytes say gzip or zstd.
pub fn decompressed(mut file: impl BufRead + 'static) -> io::Result<OpenedFile> {
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
}
