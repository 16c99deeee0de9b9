//! Bytes to text, as Excel and Word save files.
//!
//! The library reads no files; a program reads the bytes and hands them to
//! [`decode_text`], which accepts what Excel and Word write:
//!
//! | bytes | read as |
//! |---|---|
//! | UTF-8, with or without a byte-order mark (`EF BB BF`) | UTF-8, the mark dropped |
//! | UTF-16LE with its mark `FF FE` (Excel's "Unicode Text") | decoded |
//! | UTF-16BE with its mark `FE FF` | decoded |
//! | anything else (Windows-1258, TCVN3, Latin-1, UTF-16 without a mark) | [`Error::Encoding`], naming the line and byte where decoding failed, with a hint to save the file as UTF-8 |
//!
//! | bytes with a NUL byte (a binary file, a spreadsheet's `.xlsx`, a file of zeros) | [`Error::Encoding`] with [`EncodingProblem::Binary`]: not a text report |
//!
//! The text is then put in Unicode normal form C ([`nfc`]): `ế` typed as
//! `e` and two combining marks (as macOS file names and some Word copies
//! give it) is the one character `ế`, so that every reader compares
//! labels, keys and names as a person reads them. Text already in that
//! form (nearly all) is checked in one quick pass and borrowed, not copied.
//!
//! Line ends are left as they are: the readers of this crate take `\n` and
//! `\r\n` alike.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::{EncodingError, EncodingProblem, Error, MAX_DOCUMENT_BYTES};

const UTF8_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a file's bytes to text: UTF-8 (its byte-order mark dropped), or
/// UTF-16 with a byte-order mark; then in Unicode normal form C.
///
/// UTF-8 text already in normal form C is borrowed, not copied.
///
/// # Errors
/// [`Error::Encoding`] for bytes in any other encoding, with the line and
/// the byte where decoding failed, and for bytes with a NUL byte (a binary
/// file), with the line and byte of the first.
///
/// # Example
/// ```
/// use cchc_forms::decode_text;
///
/// assert_eq!(decode_text(b"\xEF\xBB\xBF3\t1.4\t1.902\r\n")?, "3\t1.4\t1.902\r\n");
/// // Excel's "Unicode Text": UTF-16LE with its mark.
/// let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
///     .chain("Số".encode_utf16().flat_map(u16::to_le_bytes))
///     .collect();
/// assert_eq!(decode_text(&utf16)?, "Số");
/// // Windows-1258 is refused with where and what to do.
/// let error = decode_text(b"S\xf4 li\xea\xf2u").unwrap_err();
/// assert!(error.to_string().starts_with("line 1, byte 2"));
/// // `ế` typed as `e` and two combining marks is the one character `ế`.
/// assert_eq!(decode_text("Kê\u{301}t qua\u{309}".as_bytes())?, "Kết quả");
/// // A file of zeros is not a text report.
/// let error = decode_text(&[0; 64]).unwrap_err();
/// assert!(matches!(error, cchc_forms::Error::Encoding(e) if e.problem == cchc_forms::EncodingProblem::Binary));
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    let text = decode_raw(bytes)?;
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::Encoding(binary(bytes, &text, at)));
    }
    Ok(match text {
        Cow::Borrowed(text) => nfc(text),
        Cow::Owned(text) => Cow::Owned(nfc_owned(text)),
    })
}

/// Text in Unicode normal form C: borrowed when it already is (one quick
/// pass), composed otherwise.
///
/// Every reader of this crate puts its text in this form first, so that a
/// label, a key or a name typed with combining marks (`e` + `\u{302}` +
/// `\u{301}`) reads as the same text typed with precomposed characters
/// (`ế`).
///
/// # Example
/// ```
/// use std::borrow::Cow;
/// use cchc_forms::decode::nfc;
/// assert!(matches!(nfc("Bắc Giang"), Cow::Borrowed("Bắc Giang")));
/// assert_eq!(nfc("Ba\u{306}\u{301}c Giang"), "Bắc Giang");
/// ```
#[must_use]
pub fn nfc(text: &str) -> Cow<'_, str> {
    if quick_nfc(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Unicode's quick check for normal form C ([`is_nfc_quick`] says `Yes`),
/// 64 bytes at a time.
///
/// The quick check looks at each character's own answer (`Yes`, `Maybe`,
/// `No`) and at each pair of neighbours (a combining mark of a lower class
/// after one of a higher is `No`). A character of [`surely_nfc`] (ASCII,
/// Latin to U+02FF, Vietnamese's U+1E00 to U+1EFF, punctuation from U+2002
/// to U+207F) answers `Yes` and is of
/// class 0, so only the other characters are checked, each with the one
/// before it. Their lead bytes are found a block of 64 at a time, by a
/// test the compiler turns into vector instructions; in Vietnamese text
/// nearly every block has none.
fn quick_nfc(text: &str) -> bool {
    const BLOCK: usize = 64;
    // The places of the last bytes, at most `BLOCK + 1` (as a range's end:
    // an inclusive range would not be vectorised).
    const TAIL: usize = BLOCK + 1;
    let bytes = text.as_bytes();
    let mut at = 0_usize;
    while let Some(window) = bytes.get(at..at.saturating_add(BLOCK + 2)) {
        let Ok(window) = <&[u8; BLOCK + 2]>::try_from(window) else {
            break;
        };
        // Most blocks of ASCII (JSON, rows) have no byte from `0xCC` on.
        let mut greatest = 0_u8;
        for &byte in &window[..BLOCK] {
            greatest = greatest.max(byte);
        }
        if greatest < 0xCC {
            at = at.saturating_add(BLOCK);
            continue;
        }
        let mut flagged = 0_u8;
        for index in 0..BLOCK {
            flagged |= u8::from(to_check(
                window[index],
                window[index + 1],
                window[index + 2],
            ));
        }
        if flagged != 0 && !block_is_nfc(text, at, at.saturating_add(BLOCK)) {
            return false;
        }
        at = at.saturating_add(BLOCK);
    }
    // The last bytes (at most `BLOCK + 1`), padded with zeros (which start
    // no character to check), by the same test.
    let tail = bytes.get(at..).unwrap_or_default();
    let mut padded = [0_u8; BLOCK + 3];
    let Some(room) = padded.get_mut(..tail.len()) else {
        return block_is_nfc(text, at, bytes.len());
    };
    room.copy_from_slice(tail);
    let mut flagged = 0_u8;
    for index in 0..TAIL {
        flagged |= u8::from(to_check(
            padded[index],
            padded[index + 1],
            padded[index + 2],
        ));
    }
    flagged == 0 || block_is_nfc(text, at, bytes.len())
}

/// Whether the byte `byte`, followed by `next` and `third`, starts a
/// character outside [`surely_nfc`]. A byte from `0xCC` on is always a
/// lead byte: U+0300 on for two bytes, then every three- and four-byte
/// character; `E1 B8` to `E1 BB` start U+1E00 to U+1EFF, `E2 80 82` to
/// `E2 81 BF` U+2002 to U+207F (quotes, dashes, superscripts).
#[inline]
#[allow(clippy::needless_bitwise_bool)] // no branch: the loop is vectorised
const fn to_check(byte: u8, next: u8, third: u8) -> bool {
    // Without `&&`: no branch, so that the block's test is vectorised.
    let vietnamese = (byte == 0xE1) & (next.wrapping_sub(0xB8) < 4);
    let punctuation =
        (byte == 0xE2) & (next.wrapping_sub(0x80) < 2) & !((next == 0x80) & (third < 0x82));
    (byte >= 0xCC) & !vietnamese & !punctuation
}

/// Whether the characters of `text` that start in bytes `start..end` are
/// in normal form C by the quick check, each with the one before it.
fn block_is_nfc(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    for at in start..end.min(bytes.len()) {
        let next = bytes.get(at.saturating_add(1)).copied().unwrap_or(0);
        let third = bytes.get(at.saturating_add(2)).copied().unwrap_or(0);
        if !to_check(bytes[at], next, third) {
            continue;
        }
        // The character before it starts at most three bytes back.
        let before = (at.saturating_sub(3)..at)
            .rev()
            .find(|&from| text.is_char_boundary(from))
            .unwrap_or(at);
        let Some(pair) = text.get(before..) else {
            return false;
        };
        let mut chars = pair.chars();
        let pair = chars.by_ref().take(if before < at { 2 } else { 1 });
        if is_nfc_quick(pair) != IsNormalized::Yes {
            return false;
        }
    }
    true
}

/// The characters that [`quick_nfc`] takes as `Yes` and of combining class
/// 0 without asking Unicode's tables (checked against them in the tests).
#[cfg(test)]
fn surely_nfc(character: char) -> bool {
    matches!(character, '\0'..='\u{2FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2002}'..='\u{207F}')
}

/// [`nfc`] of text one owns: kept as it is when already in normal form C.
fn nfc_owned(text: String) -> String {
    match nfc(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(composed) => composed,
    }
}

/// The lines of a text, as [`str::lines`] gives them (split at `\n`, no
/// last empty line), each without a final `\r` (the last too), found a
/// vector at a time.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    split_at_byte(text, b'\n').map(|line| line.strip_suffix('\r').unwrap_or(line))
}

/// The parts of a text between the bytes `separator` (an ASCII byte), as
/// [`str::split_inclusive`] gives them less the separator: no last empty
/// part.
pub(crate) fn split_at_byte(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut start = 0_usize;
    let mut ends = memchr::memchr_iter(separator, text.as_bytes());
    std::iter::from_fn(move || {
        let end = ends
            .next()
            .or_else(|| (start < text.len()).then_some(text.len()))?;
        let part = text.get(start..end)?;
        start = end.saturating_add(1);
        Some(part)
    })
}

/// The cells of a line between tabs, as `line.split('\t')` gives them (an
/// empty line is one empty cell, a tab at the end gives a last empty one).
pub(crate) fn tab_cells(line: &str) -> impl Iterator<Item = &str> {
    let mut start = Some(0_usize);
    let mut tabs = memchr::memchr_iter(b'\t', line.as_bytes());
    std::iter::from_fn(move || {
        let from = start?;
        let end = if let Some(tab) = tabs.next() {
            start = Some(tab.saturating_add(1));
            tab
        } else {
            start = None;
            line.len()
        };
        line.get(from..end)
    })
}

/// The error of a NUL at byte `at` of the decoded `text`, located in
/// `bytes` (UTF-16 counts two bytes a unit, as its decoder does).
fn binary(bytes: &[u8], text: &str, at: usize) -> EncodingError {
    let before = &text[..at];
    let line = newlines(before.as_bytes()).saturating_add(1);
    let line_start = before
        .rfind('\n')
        .map_or(0, |newline| newline.saturating_add(1));
    let this_line = &before[line_start..];
    let (column, offset) = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let units = |text: &str| text.encode_utf16().count().saturating_mul(2);
        (
            units(this_line).saturating_add(1),
            units(before).saturating_add(3),
        )
    } else {
        let mark = if bytes.starts_with(UTF8_MARK) { 3 } else { 0 };
        (
            this_line.len().saturating_add(1),
            at.saturating_add(mark).saturating_add(1),
        )
    };
    EncodingError {
        line,
        column,
        offset,
        problem: EncodingProblem::Binary,
    }
}

/// The text of `bytes`, before its NUL bytes are looked for and its normal
/// form is set.
fn decode_raw(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        // Where the limit falls: the line and byte of the first byte past it.
        let within = &bytes[..MAX_DOCUMENT_BYTES];
        let line_start = within
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |at| at.saturating_add(1));
        return Err(Error::Encoding(EncodingError {
            line: newlines(within).saturating_add(1),
            column: MAX_DOCUMENT_BYTES
                .saturating_sub(line_start)
                .saturating_add(1),
            offset: MAX_DOCUMENT_BYTES.saturating_add(1),
            problem: EncodingProblem::TooLarge,
        }));
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_MARK) {
        return utf8(bytes, rest, UTF8_MARK.len()).map(Cow::Borrowed);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(Cow::Owned);
    }
    if looks_like_utf16(bytes) {
        return Err(Error::Encoding(EncodingError {
            line: 1,
            column: 1,
            offset: 1,
            problem: EncodingProblem::Utf16WithoutMark,
        }));
    }
    utf8(bytes, bytes, 0).map(Cow::Borrowed)
}

/// [`decode_text`] for bytes one owns: UTF-8 is kept in place (no copy),
/// UTF-16 is decoded and its bytes freed.
///
/// # Errors
/// As [`decode_text`].
///
/// # Example
/// ```
/// let text = cchc_forms::decode::decode_owned(b"\xEF\xBB\xBF1\t1\t50\n".to_vec())?;
/// assert_eq!(text, "1\t1\t50\n");
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, Error> {
    let decoded = match decode_text(&bytes)? {
        Cow::Owned(text) => return Ok(text),
        Cow::Borrowed(text) => text.len(),
    };
    let mut bytes = bytes;
    let start = bytes.len().saturating_sub(decoded);
    bytes.drain(..start);
    String::from_utf8(bytes).map_err(|error| {
        // Unreachable: decode_text has just checked these bytes.
        let at = error.utf8_error().valid_up_to();
        Error::Encoding(locate(
            error.as_bytes(),
            at,
            0,
            EncodingProblem::NotUtf8 { byte: 0 },
        ))
    })
}

/// UTF-8 text of `rest`, which starts `skipped` bytes into `whole`.
fn utf8<'a>(whole: &[u8], rest: &'a [u8], skipped: usize) -> Result<&'a str, Error> {
    // The vector check first; the standard one finds where it failed.
    if let Ok(text) = simdutf8::basic::from_utf8(rest) {
        return Ok(text);
    }
    std::str::from_utf8(rest).map_err(|error| {
        let at = error.valid_up_to();
        let byte = rest.get(at).copied().unwrap_or_default();
        Error::Encoding(locate(
            whole,
            at.saturating_add(skipped),
            skipped,
            EncodingProblem::NotUtf8 { byte },
        ))
    })
}

/// The line and column of byte `at` of `whole`, whose text starts at `start`.
fn locate(whole: &[u8], at: usize, start: usize, problem: EncodingProblem) -> EncodingError {
    let before = whole.get(start..at).unwrap_or_default();
    let line = newlines(before).saturating_add(1);
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(start, |newline| {
            start.saturating_add(newline).saturating_add(1)
        });
    EncodingError {
        line,
        column: at.saturating_sub(line_start).saturating_add(1),
        offset: at.saturating_add(1),
        problem,
    }
}

/// How many `\n` bytes `bytes` holds.
pub(crate) fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().fold(0, |count: usize, &byte| {
        count.saturating_add(usize::from(byte == b'\n'))
    })
}

/// UTF-16 text (after its mark) in the byte order `unit` reads.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, Error> {
    let units = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair.get(1).copied().unwrap_or_default()]));
    let mut text = String::with_capacity(bytes.len() / 2);
    let (mut line, mut column) = (1_usize, 1_usize);
    for (index, decoded) in char::decode_utf16(units).enumerate() {
        let Ok(character) = decoded else {
            return Err(Error::Encoding(EncodingError {
                line,
                column,
                offset: index.saturating_mul(2).saturating_add(3),
                problem: EncodingProblem::Utf16LoneSurrogate,
            }));
        };
        text.push(character);
        if character == '\n' {
            line = line.saturating_add(1);
            column = 1;
        } else {
            column = column.saturating_add(character.len_utf16().saturating_mul(2));
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(Error::Encoding(EncodingError {
            line,
            column,
            offset: bytes.len().saturating_add(2),
            problem: EncodingProblem::Utf16OddLength,
        }));
    }
    Ok(text)
}

/// Whether `bytes` start like UTF-16 without a mark: NUL bytes in every
/// other position of the first line (ASCII text in UTF-16), and letters in
/// the others (NUL bytes everywhere are a binary file).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    if head.len() < 4 {
        return false;
    }
    let even = head.iter().step_by(2).filter(|&&byte| byte == 0).count();
    let odd = head
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&byte| byte == 0)
        .count();
    let half = head.len() / 2;
    (even * 2 > half && odd * 2 <= half) || (odd * 2 > half && even * 2 <= half)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, mark: bool) -> Vec<u8> {
        let mark = if mark { vec![0xFF, 0xFE] } else { Vec::new() };
        mark.into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect()
    }

    fn encoding_error(bytes: &[u8]) -> EncodingError {
        match decode_text(bytes) {
            Err(Error::Encoding(error)) => error,
            other => panic!("expected an encoding error, got {other:?}"),
        }
    }

    #[test]
    fn utf8_with_and_without_mark() {
        let text = "Biểu mẫu 1\r\n1.\tSố văn bản\tVăn bản\t50\r\n";
        assert_eq!(decode_text(text.as_bytes()).unwrap(), text);
        let marked = [UTF8_MARK, text.as_bytes()].concat();
        assert!(matches!(decode_text(&marked), Ok(Cow::Borrowed(t)) if t == text));
        assert_eq!(decode_owned(marked).unwrap(), text);
    }

    #[test]
    fn utf16_with_mark_both_orders() {
        let text = "Biểu mẫu 3\r\n1.4.\tTổng số TTHC\tThủ tục\t1.902\r\n😀";
        assert_eq!(decode_text(&utf16le(text, true)).unwrap(), text);
        assert_eq!(decode_text(&utf16be(text)).unwrap(), text);
        assert_eq!(decode_owned(utf16le(text, true)).unwrap(), text);
    }

    #[test]
    fn utf16_without_mark_is_refused() {
        let error = encoding_error(&utf16le("3\t1.4\t1.902\n", false));
        assert_eq!(error.problem, EncodingProblem::Utf16WithoutMark);
    }

    #[test]
    fn broken_utf16_is_refused_with_its_place() {
        // "ab\n" then a lone high surrogate: line 2, first unit, byte 9 of the file.
        let mut bytes = utf16le("ab\n", true);
        bytes.extend_from_slice(&0xD800_u16.to_le_bytes());
        bytes.extend_from_slice(&u16::from(b'x').to_le_bytes());
        let error = encoding_error(&bytes);
        assert_eq!(error.problem, EncodingProblem::Utf16LoneSurrogate);
        assert_eq!((error.line, error.column, error.offset), (2, 1, 9));
        let mut odd = utf16le("ab", true);
        odd.push(b'c');
        assert_eq!(
            encoding_error(&odd).problem,
            EncodingProblem::Utf16OddLength
        );
    }

    #[test]
    fn windows_1258_and_latin1_are_refused_where_they_fail() {
        // Line 3 "1\t1\tS" then 0xF4 (ô in Windows-1258): byte 6 of line 3.
        let bytes = b"# rows\n3\t1.4\t1.902\n1\t1\tS\xf4\n";
        let error = encoding_error(bytes);
        assert_eq!(error.problem, EncodingProblem::NotUtf8 { byte: 0xF4 });
        assert_eq!((error.line, error.column), (3, 6));
        assert_eq!(error.offset, 7 + 12 + 6);
        assert!(
            error
                .message_en()
                .starts_with("byte 6 of the line (byte 25 of the file)"),
            "{}",
            error.message_en()
        );
        assert!(error.to_string().starts_with("line 3, byte 6 of the line"));
        assert!(
            error
                .message_vi()
                .starts_with("byte 6 của dòng (byte 25 của tệp)"),
            "{}",
            error.message_vi()
        );
        assert!(error.message_vi().contains("UTF-8"));
        // After a UTF-8 mark: the line's bytes count after it, the file's from its start.
        let marked = [UTF8_MARK, b"ab\xe9"].concat();
        let error = encoding_error(&marked);
        assert_eq!((error.line, error.column, error.offset), (1, 3, 6));
    }

    #[test]
    fn nul_bytes_are_a_binary_file_wherever_they_are() {
        // A file of zeros: neither side of it is text, so not UTF-16 either.
        let error = encoding_error(&[0; 100]);
        assert_eq!(error.problem, EncodingProblem::Binary);
        assert_eq!((error.line, error.column, error.offset), (1, 1, 1));
        assert!(
            error
                .message_en()
                .contains("binary file, not a text report")
        );
        assert!(error.message_vi().contains("tệp nhị phân"));
        // A NUL in line 2 of UTF-8 text, after a mark: "ab\n" then "c", NUL.
        let error = encoding_error(&[UTF8_MARK, b"ab\nc\0d"].concat());
        assert_eq!((error.line, error.column, error.offset), (2, 2, 8));
        // In UTF-16LE after its mark: "a\n" is 4 bytes, then "b" then NUL:
        // byte 3 of line 2, byte 2 + 4 + 2 + 1 = 9 of the file.
        let error = encoding_error(&utf16le("a\nb\0", true));
        assert_eq!(error.problem, EncodingProblem::Binary);
        assert_eq!((error.line, error.column, error.offset), (2, 3, 9));
    }

    #[test]
    fn lines_and_cells_split_as_the_standard_library_does() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb",
            "a\r\n\r\nb\r",
            "\n\na\n\n",
            "\t",
            "a\tb\t",
            "\ta\t\tb",
            "Số\tliệu\r\n",
        ] {
            let standard: Vec<&str> = text
                .lines()
                .map(|line| line.strip_suffix('\r').unwrap_or(line))
                .collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), standard, "{text:?}");
            assert_eq!(
                tab_cells(text).collect::<Vec<_>>(),
                text.split('\t').collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_quick_check_agrees_with_unicodes() {
        use unicode_normalization::char::canonical_combining_class;
        // What it takes without the tables is `Yes` and class 0.
        let ranges = [
            ('\0', '\u{2FF}'),
            ('\u{1E00}', '\u{1EFF}'),
            ('\u{2002}', '\u{207F}'),
        ];
        for character in ranges.into_iter().flat_map(|(from, to)| from..=to) {
            assert!(surely_nfc(character));
            let mut buffer = [0; 4];
            let one = character.encode_utf8(&mut buffer);
            assert_eq!(
                is_nfc_quick(one.chars()),
                IsNormalized::Yes,
                "{character:?}"
            );
            assert_eq!(canonical_combining_class(character), 0, "{character:?}");
            assert!(quick_nfc(one));
        }
        // Every character, alone and in pairs, at every place of a block,
        // and of the last bytes after one or two blocks.
        let others = [
            '\u{300}',
            '\u{301}',
            '\u{306}',
            '\u{323}',
            '\u{340}',
            '\u{1EA0}',
            '\u{1F71}',
            '\u{2000}',
            '\u{2001}',
            '\u{2002}',
            '\u{201C}',
            '\u{2080}',
            '\u{20D0}',
            '\u{212B}',
            '\u{AC00}',
            '\u{1D15E}',
            'ư',
            'a',
        ];
        for pad in (0..40).chain(50..140) {
            for &first in &others {
                for &second in &others {
                    let text = format!("{}{first}{second}x", "a".repeat(pad));
                    assert_eq!(
                        quick_nfc(&text),
                        is_nfc_quick(text.chars()) == IsNormalized::Yes,
                        "{text:?}"
                    );
                }
            }
        }
        // Long text: the source document.
        let source = include_str!("../tests/data/bac_giang_2023_q3_source.txt");
        assert!(quick_nfc(source));
        let decomposed: String = source.nfd().collect();
        assert!(!quick_nfc(&decomposed));
    }

    #[test]
    fn text_is_put_in_normal_form_c() {
        // "Bắc" as B, a, combining breve, combining acute, c.
        let decomposed = "Ba\u{306}\u{301}c Giang\n";
        assert_eq!(decode_text(decomposed.as_bytes()).unwrap(), "Bắc Giang\n");
        assert_eq!(
            decode_owned(decomposed.as_bytes().to_vec()).unwrap(),
            "Bắc Giang\n"
        );
        assert_eq!(
            decode_text(&utf16le(decomposed, true)).unwrap(),
            "Bắc Giang\n"
        );
        assert!(matches!(
            decode_text("Bắc".as_bytes()),
            Ok(Cow::Borrowed("Bắc"))
        ));
    }
}
