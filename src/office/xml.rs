//! The XML of a part, read as events, with the limits of hostile input:
//! no document type declaration (so no entity is ever defined, let alone
//! expanded), only XML's five entities and character references, elements
//! nested at most [`MAX_XML_DEPTH`] deep.
//!
//! The parts of a Word document or a workbook are UTF-8 (Office writes
//! nothing else), checked once for the whole part, a vector at a time;
//! the events then borrow the part's text without copying or checking it
//! again. The reader is a small one: it knows elements, attributes, text,
//! references, CDATA sections, comments and processing instructions, and
//! checks what well-formedness the readers rely on (every end tag closes
//! the element open, references are closed and known, markup is closed).
//! What lies open at the end of the part is left open, as a part cut short
//! still gives what it holds.

use std::borrow::Cow;

use super::MAX_XML_DEPTH;
use crate::error::DocumentProblem;

/// What the reader gives: the local names of elements (no prefix), text.
#[derive(Debug)]
pub(crate) enum Event<'a> {
    /// An element opens (`<w:p>`), with its attributes.
    Start(Tag<'a>),
    /// An element with no content (`<w:tab/>`).
    Empty(Tag<'a>),
    /// An element closes (its tag has no attributes).
    End(Tag<'a>),
    /// Text (a run of text may come in several pieces), given only while
    /// [`Xml::want_text`] is set.
    Text(&'a str),
    /// A character reference or one of XML's five entities, resolved.
    Char(char),
    /// The end of the part.
    Eof,
}

/// The tag of an element: its qualified name and its attributes' text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tag<'a> {
    name: &'a str,
    attributes: &'a str,
}

impl<'a> Tag<'a> {
    /// The name without its prefix (`p` of `w:p`).
    pub(crate) fn local_name(&self) -> &'a [u8] {
        local(self.name.as_bytes())
    }

    /// The attributes: local name and value as written (not unescaped).
    pub(crate) fn attributes(&self) -> Attributes<'a> {
        Attributes {
            rest: self.attributes,
        }
    }
}

/// The part of a name after its prefix.
fn local(name: &[u8]) -> &[u8] {
    // Names are short: a plain loop beats a vectorised search here.
    match name.iter().position(|&b| b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

/// Whether a byte is XML's white space.
fn is_space_byte(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

/// The attributes of a tag, in order: each `name="value"` or
/// `name='value'`; what is not one (a name without a value, a value
/// without quotes) is passed over.
pub(crate) struct Attributes<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a [u8], &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rest = self.rest.trim_start_matches(is_space);
            if rest.is_empty() {
                self.rest = rest;
                return None;
            }
            let key_end = rest
                .find(|c: char| c == '=' || is_space(c))
                .unwrap_or(rest.len());
            let key = &rest[..key_end];
            let after = rest[key_end..].trim_start_matches(is_space);
            let Some(value) = after.strip_prefix('=') else {
                // A name without a value.
                self.rest = if key_end == 0 { &rest[1..] } else { after };
                continue;
            };
            let value = value.trim_start_matches(is_space);
            let Some(quote) = value.chars().next().filter(|&q| q == '"' || q == '\'') else {
                // A value without quotes: passed over to the next space.
                self.rest = value.find(is_space).map_or("", |space| &value[space..]);
                continue;
            };
            let value = &value[1..];
            let Some(end) = value.find(quote) else {
                self.rest = "";
                return None;
            };
            self.rest = &value[end + 1..];
            if key.is_empty() {
                continue;
            }
            return Some((local(key.as_bytes()), &value[..end]));
        }
    }
}

/// XML's white space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// An XML reader over one part's bytes.
pub(crate) struct Xml<'a> {
    /// The part's text, once checked to be UTF-8 (empty when it is not).
    text: &'a str,
    /// Where the part is not UTF-8, if it is not.
    invalid: Option<usize>,
    /// The byte the next event starts at.
    at: usize,
    /// The names of the elements open, outermost first: at most
    /// [`MAX_XML_DEPTH`], so that the reader's memory is bounded.
    open: Vec<&'a str>,
    /// Whether the reader wants text now: text it does not want is
    /// skipped unread (its references are still checked).
    pub(crate) want_text: bool,
}

impl<'a> Xml<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let (text, invalid) = match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(_) => (
                "",
                Some(
                    simdutf8::compat::from_utf8(bytes)
                        .err()
                        .map_or(0, |error| error.valid_up_to()),
                ),
            ),
        };
        Self {
            text,
            invalid,
            at: 0,
            open: Vec::new(),
            want_text: true,
        }
    }

    /// Why the XML is refused, at byte `at` (from 0).
    fn refuse(at: usize, message: &str) -> DocumentProblem {
        DocumentProblem::Xml {
            message: format!("byte {}: {message}", at.saturating_add(1)),
        }
    }

    /// The next event, or why the XML is refused.
    pub(crate) fn next(&mut self) -> Result<Event<'a>, DocumentProblem> {
        if let Some(at) = self.invalid {
            return Err(Self::refuse(at, "the text is not UTF-8"));
        }
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            let at = self.at;
            let Some(&first) = bytes.get(at) else {
                return Ok(Event::Eof);
            };
            match first {
                b'<' => match bytes.get(at + 1) {
                    Some(b'/') => return self.end_tag(),
                    Some(b'?') => {
                        let end = find(bytes, at + 2, b"?>").ok_or_else(|| {
                            Self::refuse(at, "a processing instruction is not closed")
                        })?;
                        self.at = end + 2;
                    }
                    Some(b'!') => {
                        if let Some(event) = self.declaration()? {
                            return Ok(event);
                        }
                    }
                    Some(_) => return self.start_tag(),
                    None => return Err(Self::refuse(at, "a tag is not closed")),
                },
                b'&' => {
                    let c = self.reference()?;
                    if self.want_text {
                        return Ok(Event::Char(c));
                    }
                }
                _ => {
                    let end =
                        memchr::memchr2(b'<', b'&', &bytes[at..]).map_or(bytes.len(), |n| at + n);
                    self.at = end;
                    if self.want_text {
                        return Ok(Event::Text(&text[at..end]));
                    }
                }
            }
        }
    }

    /// `<name attributes>` or `<name attributes/>`.
    fn start_tag(&mut self) -> Result<Event<'a>, DocumentProblem> {
        let text = self.text;
        let bytes = text.as_bytes();
        let at = self.at;
        // The name ends at the first white space or at the tag's end (less
        // the `/` of an empty element); the tag at the first `>` outside
        // quotes, which count from its start. Tags are short: one plain
        // loop.
        let mut index = at + 1;
        let mut name_end = None;
        loop {
            match bytes.get(index) {
                None => return Err(Self::refuse(at, "a tag is not closed")),
                Some(b'>') => break,
                Some(&quote @ (b'"' | b'\'')) => {
                    let quoted = &bytes[index + 1..];
                    let close = memchr::memchr(quote, quoted)
                        .ok_or_else(|| Self::refuse(at, "a tag is not closed"))?;
                    if name_end.is_none() {
                        // A quote in the name (not well-formed): white space
                        // in the quoted text still ends the name.
                        name_end = quoted[..close]
                            .iter()
                            .position(|&b| is_space_byte(b))
                            .map(|space| index + 1 + space);
                    }
                    index += close + 2;
                }
                Some(&byte) => {
                    if name_end.is_none() && is_space_byte(byte) {
                        name_end = Some(index);
                    }
                    index += 1;
                }
            }
        }
        let mut name_end = name_end.unwrap_or(index);
        self.at = index + 1;
        let empty = bytes[index - 1] == b'/' && index > at + 1;
        if empty && name_end == index {
            // `<name/>`
            name_end -= 1;
        }
        let name = &text[at + 1..name_end];
        if name.is_empty() {
            return Err(Self::refuse(at, "a tag has no name"));
        }
        let attributes_end = if empty { index - 1 } else { index };
        let tag = Tag {
            name,
            attributes: &text[name_end..attributes_end],
        };
        if empty {
            return Ok(Event::Empty(tag));
        }
        if self.open.len() >= MAX_XML_DEPTH {
            return Err(DocumentProblem::TooDeep {
                limit: MAX_XML_DEPTH,
            });
        }
        self.open.push(name);
        Ok(Event::Start(tag))
    }

    /// `</name>`, which must close the element open.
    fn end_tag(&mut self) -> Result<Event<'a>, DocumentProblem> {
        let text = self.text;
        let at = self.at;
        let bytes = text.as_bytes();
        let mut end = at + 2;
        let mut name_end = end;
        loop {
            match bytes.get(end) {
                None => return Err(Self::refuse(at, "an end tag is not closed")),
                Some(b'>') => break,
                Some(&byte) => {
                    end += 1;
                    if !is_space_byte(byte) {
                        name_end = end;
                    }
                }
            }
        }
        self.at = end + 1;
        let name = &text[at + 2..name_end];
        match self.open.pop() {
            Some(open) if open == name => Ok(Event::End(Tag {
                name,
                attributes: "",
            })),
            Some(open) => Err(Self::refuse(
                at,
                &format!(
                    "expected </{}>, found </{}>",
                    crate::error::echo(open),
                    crate::error::echo(name)
                ),
            )),
            None => Err(Self::refuse(
                at,
                &format!("</{}> closes no element", crate::error::echo(name)),
            )),
        }
    }

    /// `<!--…-->` (skipped), `<![CDATA[…]]>` (text, when wanted), or a
    /// document type declaration (refused).
    fn declaration(&mut self) -> Result<Option<Event<'a>>, DocumentProblem> {
        let text = self.text;
        let bytes = text.as_bytes();
        let at = self.at;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            let end = find(bytes, at + 4, b"-->")
                .ok_or_else(|| Self::refuse(at, "a comment is not closed"))?;
            self.at = end + 3;
            return Ok(None);
        }
        if rest.starts_with(b"<![CDATA[") {
            let end = find(bytes, at + 9, b"]]>")
                .ok_or_else(|| Self::refuse(at, "a CDATA section is not closed"))?;
            self.at = end + 3;
            return Ok(self.want_text.then(|| Event::Text(&text[at + 9..end])));
        }
        if rest.len() >= 9 && rest[2..9].eq_ignore_ascii_case(b"DOCTYPE") {
            return Err(DocumentProblem::Doctype);
        }
        Err(Self::refuse(
            at,
            "markup that is no comment, CDATA or element",
        ))
    }

    /// `&name;` or `&#…;`, resolved.
    fn reference(&mut self) -> Result<char, DocumentProblem> {
        let text = self.text;
        let bytes = text.as_bytes();
        let at = self.at;
        let end = bytes[at + 1..]
            .iter()
            .position(|&b| matches!(b, b';' | b'<' | b'&'))
            .map(|n| at + 1 + n)
            .filter(|&end| bytes[end] == b';')
            .ok_or_else(|| Self::refuse(at, "a reference is not closed by ';'"))?;
        self.at = end + 1;
        let name = &text[at + 1..end];
        resolve(name).ok_or_else(|| match name.strip_prefix('#') {
            Some(_) => Self::refuse(
                at,
                &format!("&{}; is no character", crate::error::echo(name)),
            ),
            None => DocumentProblem::UnknownEntity {
                name: crate::error::echo(name),
            },
        })
    }
}

/// Where `needle` is first found in `bytes` from `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|n| from + n)
}

/// The character a reference names: `amp`, `#233`, `#xE9`.
fn resolve(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let (digits, radix) = match number.strip_prefix('x') {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        if digits.starts_with(['+', '-']) {
            return None;
        }
        let code = u32::from_str_radix(digits, radix).ok()?;
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// A value with its references resolved; `None` when one is not known.
fn unescape(raw: &str) -> Option<Cow<'_, str>> {
    if !raw.contains('&') {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semicolon = after.find(';')?;
        out.push(resolve(&after[..semicolon])?);
        rest = &after[semicolon + 1..];
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// The value of an attribute by its local name (`val` of `w:val`), its
/// references resolved; `None` when absent or not readable.
pub(crate) fn attribute<'b>(start: &Tag<'b>, name: &[u8]) -> Option<Cow<'b, str>> {
    let (_, value) = start.attributes().find(|&(key, _)| key == name)?;
    unescape(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events of a text, as short strings.
    fn events(xml: &str) -> Result<Vec<String>, DocumentProblem> {
        let mut reader = Xml::new(xml.as_bytes());
        let mut out = Vec::new();
        loop {
            let event = reader.next()?;
            out.push(match event {
                Event::Start(tag) => format!(
                    "<{}{}>",
                    String::from_utf8_lossy(tag.local_name()),
                    tag.attributes()
                        .map(|(k, v)| format!(" {}={v}", String::from_utf8_lossy(k)))
                        .collect::<Vec<_>>()
                        .concat()
                ),
                Event::Empty(tag) => format!("<{}/>", String::from_utf8_lossy(tag.local_name())),
                Event::End(tag) => format!("</{}>", String::from_utf8_lossy(tag.local_name())),
                Event::Text(text) => text.to_owned(),
                Event::Char(c) => format!("[{c}]"),
                Event::Eof => return Ok(out),
            });
        }
    }

    fn refused(xml: &str) -> String {
        match events(xml) {
            Ok(events) => panic!("read: {events:?}"),
            Err(DocumentProblem::Xml { message }) => message,
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn elements_text_references_and_markup_skipped() {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?><!-- a > comment --><w:p a:x='1 > 2' y = \"&amp;\"><w:t>Số&#7879;&lt;<![CDATA[a<b]]></w:t><w:tab/></w:p >";
        assert_eq!(
            events(xml).expect("reads"),
            [
                "<p x=1 > 2 y=&amp;>",
                "<t>",
                "Số",
                "[ệ]",
                "[<]",
                "a<b",
                "</t>",
                "<tab/>",
                "</p>"
            ]
        );
    }

    #[test]
    fn attributes_are_unescaped_and_found_by_local_name() {
        let xml = r#"<c r="A1" w:val="a&amp;b&#x41;" t='s'/>"#;
        let mut reader = Xml::new(xml.as_bytes());
        let Ok(Event::Empty(tag)) = reader.next() else {
            panic!()
        };
        assert_eq!(attribute(&tag, b"val").as_deref(), Some("a&bA"));
        assert_eq!(attribute(&tag, b"t").as_deref(), Some("s"));
        assert_eq!(attribute(&tag, b"r").as_deref(), Some("A1"));
        assert_eq!(attribute(&tag, b"x"), None);
        let xml = r#"<c v="&lol;"/>"#;
        let mut reader = Xml::new(xml.as_bytes());
        let Ok(Event::Empty(tag)) = reader.next() else {
            panic!()
        };
        assert_eq!(attribute(&tag, b"v"), None);
        // What is no attribute is passed over: a name without a value, a
        // value without quotes.
        let xml = r#"<r a b = "1" c=d e='2' f/>"#;
        let mut reader = Xml::new(xml.as_bytes());
        let Ok(Event::Empty(tag)) = reader.next() else {
            panic!()
        };
        let found: Vec<(&[u8], &str)> = tag.attributes().collect();
        assert_eq!(found, [(&b"b"[..], "1"), (&b"e"[..], "2")]);
    }

    #[test]
    fn text_not_wanted_is_skipped_but_its_references_are_checked() {
        let mut reader = Xml::new(b"<a>x&amp;y</a>");
        reader.want_text = false;
        assert!(matches!(reader.next(), Ok(Event::Start(_))));
        assert!(matches!(reader.next(), Ok(Event::End(_))));
        let mut reader = Xml::new(b"<a>x&lol;y</a>");
        reader.want_text = false;
        assert!(matches!(reader.next(), Ok(Event::Start(_))));
        assert!(matches!(
            reader.next(),
            Err(DocumentProblem::UnknownEntity { .. })
        ));
    }

    #[test]
    fn what_is_not_well_formed_is_refused_where_it_stands() {
        assert_eq!(refused("<a></b>"), "byte 4: expected </a>, found </b>");
        assert_eq!(refused("<a/></a>"), "byte 5: </a> closes no element");
        assert_eq!(
            refused("<a>&amp</a>"),
            "byte 4: a reference is not closed by ';'"
        );
        assert_eq!(refused("<a>&#0;</a>"), "byte 4: &#0; is no character");
        assert_eq!(
            refused("<a>&#xD800;</a>"),
            "byte 4: &#xD800; is no character"
        );
        assert_eq!(refused("<a b='>"), "byte 1: a tag is not closed");
        assert_eq!(refused("<a><!-- x"), "byte 4: a comment is not closed");
        assert_eq!(
            refused("<a><![CDATA[x"),
            "byte 4: a CDATA section is not closed"
        );
        assert_eq!(
            refused("<?xml "),
            "byte 1: a processing instruction is not closed"
        );
        assert_eq!(
            refused("<a><!ELEMENT a>"),
            "byte 4: markup that is no comment, CDATA or element"
        );
        assert_eq!(refused("< a>"), "byte 1: a tag has no name");
        // A quote opens a quoted text wherever it stands in a tag.
        assert_eq!(refused("<a'b>x</a>"), "byte 1: a tag is not closed");
    }

    #[test]
    fn no_doctype_no_entity_no_depth_past_the_limit() {
        assert!(matches!(
            events("<!doctype a [<!ENTITY x 'y'>]><a/>"),
            Err(DocumentProblem::Doctype)
        ));
        assert!(matches!(
            events("<a>&x;</a>"),
            Err(DocumentProblem::UnknownEntity { name }) if name == "x"
        ));
        let deep = |depth: usize| format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
        assert!(events(&deep(MAX_XML_DEPTH)).is_ok());
        assert!(matches!(
            events(&deep(MAX_XML_DEPTH + 1)),
            Err(DocumentProblem::TooDeep { .. })
        ));
        // Elements left open at the end: what was read is given.
        assert_eq!(events("<a><b>x").expect("reads"), ["<a>", "<b>", "x"]);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        let mut reader = Xml::new(b"<a>\xC3\xA9\xFF</a>");
        let Err(DocumentProblem::Xml { message }) = reader.next() else {
            panic!()
        };
        assert_eq!(message, "byte 6: the text is not UTF-8");
    }
}
