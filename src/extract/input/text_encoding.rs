//! Character encodings: bytes to NFC text for UTF-8 (with or without BOM), UTF-16 with BOM and Windows-1252, found without being told.
//!
//! The order of evidence: a byte order mark, then the encoding the document declares
//! (an HTML `<meta charset>`), then the bytes themselves: valid UTF-8 is UTF-8, anything
//! else is Windows-1252 (the superset of ISO-8859-1 that French archives are written in,
//! which maps every byte to a character, so "Ã©" mojibake never comes out of a Latin-1 file).

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

use encoding_rs::{Decoder, Encoding, UTF_8, WINDOWS_1252};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::control_characters::without_escape_sequences;

/// Share of control characters above which decoded text is taken for binary data.
const MAX_CONTROL_SHARE: f64 = 0.01;
/// A few stray control characters (a bell, a backspace) do not make a short text binary.
const MIN_BINARY_CONTROLS: usize = 8;
/// The first byte of U+0300, the first character that is not both NFC and a starter in
/// every context: text whose bytes are all below it is NFC as it stands.
const FIRST_COMBINING_LEAD_BYTE: u8 = 0xCC;

/// Decodes `bytes`, honouring a byte order mark first and then `declared` (an encoding
/// label such as "iso-8859-1" that the document states), else UTF-8 when the bytes are
/// UTF-8 (a few stray bytes aside, see [`mostly_utf8`]), else Windows-1252. The text comes out in Unicode NFC, borrowed from `bytes`
/// when they are that already.
pub(crate) fn decode<'a>(bytes: &'a [u8], declared: Option<&str>) -> Cow<'a, str> {
    to_nfc(decode_in_source_form(bytes, declared))
}

/// How many bytes [`decode`] reads as U+FFFD: the stray bytes of UTF-8 text that is not
/// all valid UTF-8 ([`mostly_utf8`]). Zero for valid text and for text read in another
/// encoding, where every byte is a character.
pub(crate) fn replaced_bytes(bytes: &[u8], declared: Option<&str>) -> usize {
    match source_encoding(bytes, declared) {
        SourceEncoding::Utf8WithStrays(strays) => strays,
        _ => 0,
    }
}

/// The text in Unicode NFC, so that stored titles and bodies compare and print alike
/// whatever form the file was saved in (the analyzer folds both forms anyway).
pub(crate) fn to_nfc(text: Cow<'_, str>) -> Cow<'_, str> {
    // Most text has no character from U+0300 up (French news: 95% of orangesum's records):
    // one pass over the bytes answers then, without decoding characters.
    if text.bytes().all(|byte| byte < FIRST_COMBINING_LEAD_BYTE) {
        return text;
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// What the bytes of a text are read as: the one decision behind [`decode`] and
/// [`replaced_bytes`].
enum SourceEncoding<'a> {
    /// Marked by a byte order mark of this length.
    Bom(&'static Encoding, usize),
    /// Declared by the document, and not UTF-8.
    Declared(&'static Encoding),
    /// Valid UTF-8: the text itself.
    Utf8(&'a str),
    /// UTF-8 with this many stray bytes, each read as U+FFFD.
    Utf8WithStrays(usize),
    Windows1252,
}

fn source_encoding<'a>(bytes: &'a [u8], declared: Option<&str>) -> SourceEncoding<'a> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return SourceEncoding::Bom(encoding, bom_length);
    }
    let declared = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    match declared {
        Some(encoding) if encoding != UTF_8 => SourceEncoding::Declared(encoding),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => SourceEncoding::Utf8(text),
            Err(_) => mostly_utf8(bytes)
                .map_or(SourceEncoding::Windows1252, SourceEncoding::Utf8WithStrays),
        },
    }
}

fn decode_in_source_form<'a>(bytes: &'a [u8], declared: Option<&str>) -> Cow<'a, str> {
    match source_encoding(bytes, declared) {
        SourceEncoding::Bom(encoding, bom_length) => {
            Cow::Owned(decode_with(encoding, &bytes[bom_length..]))
        }
        SourceEncoding::Declared(encoding) => Cow::Owned(decode_with(encoding, bytes)),
        SourceEncoding::Utf8(text) => repair_c1_controls(text),
        SourceEncoding::Utf8WithStrays(_) => Cow::Owned(decode_with(UTF_8, bytes)),
        SourceEncoding::Windows1252 => Cow::Owned(decode_with(WINDOWS_1252, bytes)),
    }
}

/// The stray bytes of bytes that are not all valid UTF-8 but still UTF-8 text (each read
/// as U+FFFD), whatever the page declares: more valid multi-byte characters than invalid
/// bytes; `None` when they are not UTF-8 text. Windows-1252 text almost never forms a valid
/// multi-byte sequence ("é" is one byte followed by ASCII), so a single damaged byte in a
/// French UTF-8 page no longer turns every accent into "Ã©".
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let (mut multi_byte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi_byte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (multi_byte > invalid).then_some(invalid)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    repair_c1_controls(&text).into_owned()
}

/// Replaces C1 control characters (U+0080 to U+009F) by the Windows-1252 characters their
/// byte stands for: pages that were decoded as Latin-1 before being saved as UTF-8 carry
/// them in place of "€", "œ" or "’". Undefined ones are dropped.
pub(crate) fn repair_c1_controls(text: &str) -> Cow<'_, str> {
    if !has_c1_control(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|character| match character {
                '\u{80}'..='\u{9F}' => windows_1252_character(character as u32 as u8),
                other => Some(other),
            })
            .collect(),
    )
}

/// Whether `text` holds a C1 control character, whose UTF-8 form is `C2 80` to `C2 9F`
/// (a byte search, much quicker than decoding every character).
fn has_c1_control(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|pair| pair[0] == 0xC2 && pair[1] <= 0x9F)
}

fn windows_1252_character(byte: u8) -> Option<char> {
    let bytes = [byte];
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
    text.chars()
        .next()
        .filter(|character| !('\u{80}'..='\u{9F}').contains(character))
}

/// Whether decoded text is really binary data: a NUL character, or more control characters
/// than text ever has. Terminal escape sequences (colour codes) are text, not binary.
pub(crate) fn looks_binary(text: &str) -> bool {
    let mut characters = 0usize;
    let mut controls = 0usize;
    let start: String = text.chars().take(64 * 1024).collect();
    for character in without_escape_sequences(&start).chars() {
        if character == '\0' {
            return true;
        }
        characters += 1;
        if character.is_control() && !matches!(character, '\n' | '\r' | '\t' | '\u{C}') {
            controls += 1;
        }
    }
    controls > MIN_BINARY_CONTROLS && controls as f64 / characters as f64 > MAX_CONTROL_SHARE
}

/// The character set an HTML document declares in its first 1024 bytes: `<meta charset="…">`
/// or `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
pub(crate) fn declared_html_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.match_indices("<meta")
        .filter_map(|(start, _)| {
            let tag = &head[start..];
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            charset_in_meta_tag(tag)
        })
        .next()
}

fn charset_in_meta_tag(tag: &str) -> Option<String> {
    let value = &tag[tag.find("charset")? + "charset".len()..];
    let value = value.trim_start().strip_prefix('=')?.trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let end = value
        .find(['"', '\'', ';', ' ', '/', '>'])
        .unwrap_or(value.len());
    (end > 0).then(|| value[..end].to_string())
}

/// A reader that turns a UTF-16 stream (after its byte order mark) into UTF-8 bytes as it
/// is read, so that a large UTF-16 file of records is never held whole.
pub(crate) struct Utf8Transcoder<R> {
    inner: R,
    decoder: Decoder,
    pending: Vec<u8>,
    position: usize,
    finished: bool,
}

impl<R: BufRead> Utf8Transcoder<R> {
    /// Reads `inner` as `encoding`; its byte order mark must already be consumed.
    pub(crate) fn new(inner: R, encoding: &'static Encoding) -> Utf8Transcoder<R> {
        Utf8Transcoder {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            pending: Vec::new(),
            position: 0,
            finished: false,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        let input = self.inner.fill_buf()?;
        let last = input.is_empty();
        let capacity = self
            .decoder
            .max_utf8_buffer_length(input.len())
            .unwrap_or(input.len() * 3 + 16);
        let mut output = String::with_capacity(capacity);
        let (_, read, _) = self.decoder.decode_to_string(input, &mut output, last);
        self.inner.consume(read);
        self.pending = output.into_bytes();
        self.position = 0;
        self.finished = last;
        Ok(())
    }
}

impl<R: BufRead> Read for Utf8Transcoder<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        while self.position == self.pending.len() && !self.finished {
            self.refill()?;
        }
        let available = &self.pending[self.position..];
        let count = available.len().min(buffer.len());
        buffer[..count].copy_from_slice(&available[..count]);
        self.position += count;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Élysée".as_bytes(), None), "Élysée");
        assert_eq!(decode("\u{FEFF}Élysée".as_bytes(), None), "Élysée");
    }

    #[test]
    fn utf16_with_bom() {
        let little: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Noël".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let big: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Noël".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&little, None), "Noël");
        assert_eq!(decode(&big, None), "Noël");
    }

    #[test]
    fn latin1_bytes_are_read_as_windows_1252() {
        let decoded = decode(b"d\xE9j\xE0 l'\x9Cuvre, 5 \x80", None);
        assert_eq!(decoded, "déjà l'œuvre, 5 €");
        assert!(!decoded.contains('Ã'));
    }

    #[test]
    fn declared_charset_is_honoured() {
        let bytes = "café".as_bytes();
        assert_eq!(decode(bytes, Some("iso-8859-1")), "cafÃ©");
        assert_eq!(decode(bytes, Some("utf-8")), "café");
    }

    #[test]
    fn a_stray_byte_in_utf8_text_stays_utf8() {
        let bytes = b"caf\xC3\xA9 na\xEFve, \xC3\xA9t\xC3\xA9 fran\xC3\xA7ais";
        assert_eq!(decode(bytes, None), "café na\u{FFFD}ve, été français");
        assert_eq!(
            decode(b"na\xEFve \xC3\xA9t\xC3\xA9", Some("utf-8")),
            "na\u{FFFD}ve été"
        );
        // Latin-1 text has no valid multi-byte sequence: still read as Windows-1252.
        assert_eq!(decode(b"na\xEFve \xE9t\xE9", None), "naïve été");
        assert_eq!(decode(b"caf\xE9", Some("utf-8")), "café");
    }

    #[test]
    fn replaced_bytes_counts_what_became_u_fffd_and_nothing_else() {
        assert_eq!(
            replaced_bytes(b"caf\xC3\xA9 na\xEFve, \xC3\xA9t\xC3\xA9", None),
            1
        );
        assert_eq!(
            replaced_bytes(b"\xC3\xA9t\xC3\xA9 \xFF\xFE\xC3\xA0", Some("utf-8")),
            2
        );
        assert_eq!(replaced_bytes("café".as_bytes(), None), 0);
        // Read as Windows-1252 or as declared, every byte is a character.
        assert_eq!(replaced_bytes(b"na\xEFve \xE9t\xE9", None), 0);
        assert_eq!(replaced_bytes(b"caf\xC3\xA9 \xEF", Some("iso-8859-1")), 0);
    }

    #[test]
    fn decomposed_text_comes_out_composed() {
        assert_eq!(decode("Se\u{301}oul".as_bytes(), None), "Séoul");
    }

    #[test]
    fn text_below_the_combining_marks_is_nfc_as_it_stands() {
        for character in '\0'..'\u{300}' {
            assert_eq!(
                is_nfc_quick(std::iter::once(character)),
                IsNormalized::Yes,
                "{character:?}"
            );
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(character),
                0,
                "{character:?}"
            );
        }
        assert_eq!(
            '\u{300}'.to_string().as_bytes()[0],
            FIRST_COMBINING_LEAD_BYTE
        );
        assert!(matches!(decode("Séoul".as_bytes(), None), Cow::Borrowed(_)));
        assert_eq!(to_nfc(Cow::Borrowed("Se\u{301}oul ’")), "Séoul ’");
    }

    #[test]
    fn c1_controls_are_found_by_their_bytes() {
        for character in '\0'..='\u{3000}' {
            let text = format!("a{character}b");
            assert_eq!(
                has_c1_control(&text),
                ('\u{80}'..='\u{9F}').contains(&character),
                "{character:?}"
            );
        }
    }

    #[test]
    fn c1_controls_become_their_windows_1252_characters() {
        assert_eq!(repair_c1_controls("c\u{9C}ur, 10 \u{80}"), "cœur, 10 €");
        assert_eq!(repair_c1_controls("a\u{81}b"), "ab");
    }

    #[test]
    fn charsets_declared_in_html() {
        let page = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head>"#;
        assert_eq!(declared_html_charset(page).as_deref(), Some("iso-8859-1"));
        assert_eq!(
            declared_html_charset(b"<meta charset=utf-8>").as_deref(),
            Some("utf-8")
        );
        assert_eq!(declared_html_charset(b"<meta name='x' content='y'>"), None);
    }

    #[test]
    fn binary_data_is_recognised() {
        assert!(looks_binary("abc\0def"));
        assert!(looks_binary(&"\u{1}\u{2}\u{3}x".repeat(10)));
        assert!(!looks_binary("Une phrase.\n\tUne autre.\r\n"));
    }

    #[test]
    fn transcoder_streams_utf16_as_utf8() {
        let bytes: Vec<u8> = "ligne éè\nsuite"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let reader = io::BufReader::with_capacity(3, &bytes[..]);
        let mut text = String::new();
        Utf8Transcoder::new(reader, encoding_rs::UTF_16LE)
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "ligne éè\nsuite");
    }
}
