//! The XML of a part, read as events, with the limits of hostile input:
//! no document type declaration (so no entity is ever defined, let alone
//! expanded), only XML's five entities and character references, elements
//! nested at most [`MAX_XML_DEPTH`] deep.

use std::borrow::Cow;

use quick_xml::events::{BytesEnd, BytesStart, Event as Raw};
use quick_xml::reader::Reader;

use super::MAX_XML_DEPTH;
use crate::error::DocumentProblem;

/// What the reader gives: the local names of elements (no prefix), text.
#[derive(Debug)]
pub(crate) enum Event<'a> {
    /// An element opens (`<w:p>`); its attributes in `BytesStart`.
    Start(BytesStart<'a>),
    /// An element with no content (`<w:tab/>`).
    Empty(BytesStart<'a>),
    /// An element closes.
    End(BytesEnd<'a>),
    /// Text (a run of text may come in several pieces).
    Text(Cow<'a, str>),
    /// A character reference or one of XML's five entities, resolved.
    Char(char),
    /// The end of the part.
    Eof,
}

/// An XML reader over one part's bytes.
pub(crate) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    /// Whether the reader wants text now: text it does not want is
    /// skipped undecoded (its entities are still checked).
    pub(crate) want_text: bool,
}

impl<'a> Xml<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        let mut reader = Reader::from_reader(bytes);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Self {
            reader,
            depth: 0,
            want_text: true,
        }
    }

    /// The next event, or why the XML is refused.
    pub(crate) fn next(&mut self) -> Result<Event<'a>, DocumentProblem> {
        loop {
            let event = self
                .reader
                .read_event()
                .map_err(|error| DocumentProblem::Xml {
                    message: format!(
                        "byte {}: {error}",
                        self.reader.error_position().saturating_add(1)
                    ),
                })?;
            return Ok(match event {
                Raw::Start(start) => {
                    self.depth = self.depth.saturating_add(1);
                    if self.depth > MAX_XML_DEPTH {
                        return Err(DocumentProblem::TooDeep {
                            limit: MAX_XML_DEPTH,
                        });
                    }
                    Event::Start(start)
                }
                Raw::Empty(start) => Event::Empty(start),
                Raw::End(end) => {
                    self.depth = self.depth.saturating_sub(1);
                    Event::End(end)
                }
                Raw::Text(text) => {
                    Event::Text(text.decode().map_err(|error| DocumentProblem::Xml {
                        message: error.to_string(),
                    })?)
                }
                Raw::CData(data) => {
                    Event::Text(data.decode().map_err(|error| DocumentProblem::Xml {
                        message: error.to_string(),
                    })?)
                }
                Raw::GeneralRef(reference) => {
                    if let Some(character) =
                        reference
                            .resolve_char_ref()
                            .map_err(|error| DocumentProblem::Xml {
                                message: error.to_string(),
                            })?
                    {
                        Event::Char(character)
                    } else {
                        let name: &[u8] = &reference;
                        Event::Char(match name {
                            b"amp" => '&',
                            b"lt" => '<',
                            b"gt" => '>',
                            b"quot" => '"',
                            b"apos" => '\'',
                            other => {
                                return Err(DocumentProblem::UnknownEntity {
                                    name: crate::error::echo(&String::from_utf8_lossy(other)),
                                });
                            }
                        })
                    }
                }
                Raw::DocType(_) => return Err(DocumentProblem::Doctype),
                Raw::Decl(_) | Raw::PI(_) | Raw::Comment(_) => continue,
                Raw::Eof => Event::Eof,
            });
        }
    }
}

/// The value of an attribute by its local name (`val` of `w:val`), its
/// entities resolved; `None` when absent or not readable.
pub(crate) fn attribute<'b>(start: &'b BytesStart<'_>, name: &[u8]) -> Option<Cow<'b, str>> {
    let attribute = start
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|attribute| attribute.key.local_name().as_ref() == name)?;
    if attribute.value.contains(&b'&') {
        return attribute
            .unescape_value()
            .ok()
            .map(|value| Cow::Owned(value.into_owned()));
    }
    match attribute.value {
        Cow::Borrowed(bytes) => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        Cow::Owned(bytes) => String::from_utf8(bytes).ok().map(Cow::Owned),
    }
}
