//! Messages in Vietnamese and English, written when they are shown.
//!
//! Every message of the crate — a finding's, a finding's across reports,
//! a problem of a cell, of metadata, of a document, of an encoding, of an
//! aggregate's member — is one style: a value that knows what it says
//! ([`Words`]) and writes itself in a [`Language`] when it is displayed.
//! Each sentence is written once, in one function that takes the language,
//! so the two languages cannot drift apart, and nothing is formatted until
//! a message is asked for.
//!
//! `message_vi()` and `message_en()` give a [`Message`]: `to_string()`
//! gives it as a `String`, `{}` writes it, `==` compares it with a string
//! without allocating, and it serializes as a string.
//!
//! # Example
//! ```
//! use cchc_forms::number::NumberError;
//! use cchc_forms::{Language, Words};
//!
//! let error = NumberError::FractionalCount;
//! assert_eq!(error.message_en(), "a count must be a whole number");
//! assert_eq!(error.message_vi(), "số lượng phải là số nguyên");
//! assert_eq!(error.in_language(Language::Vietnamese).to_string(), "số lượng phải là số nguyên");
//! assert_eq!(error.to_string(), "a count must be a whole number");
//! assert!(error.message_en().starts_with("a count"));
//! ```

use std::fmt;

use serde::Serialize;

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// English.
    English,
    /// Vietnamese.
    Vietnamese,
}

impl Language {
    /// The two languages, Vietnamese first (the order of the forms' labels).
    pub const BOTH: [Language; 2] = [Language::Vietnamese, Language::English];

    /// `vi` in Vietnamese, `en` in English: the two wordings of one piece.
    #[must_use]
    pub const fn pick<T: Copy>(self, vi: T, en: T) -> T {
        match self {
            Language::Vietnamese => vi,
            Language::English => en,
        }
    }
}

/// Something that says something: it writes its message in either
/// language, each sentence in one place.
pub trait Words {
    /// Writes the message in `language` into `out`.
    ///
    /// # Errors
    /// When `out` refuses what is written.
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result;

    /// The message in `language`, written when displayed.
    fn in_language(&self, language: Language) -> Message<&Self>
    where
        Self: Sized,
    {
        Message::new(self, language)
    }
}

impl<T: Words + ?Sized> Words for &T {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        (**self).write_in(language, out)
    }
}

/// One message in one language, written when displayed: `to_string()`
/// gives it as a `String`, `{}` writes it, `==` compares it with a string
/// without allocating, and it serializes as a string. Where a `&str` is
/// wanted (`len()`, `lines()`, `&message` passed as `&str`), it is written
/// once and kept. See [`crate::message`].
#[derive(Clone)]
pub struct Message<W> {
    words: W,
    language: Language,
    /// The text, once something asked for it as a `&str`.
    written: std::cell::OnceCell<String>,
}

impl<W: Words> Message<W> {
    /// The message of `words` in `language`.
    pub const fn new(words: W, language: Language) -> Message<W> {
        Message {
            words,
            language,
            written: std::cell::OnceCell::new(),
        }
    }

    /// The text, written once and kept.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.written.get_or_init(|| self.to_string())
    }

    /// Its language.
    #[must_use]
    pub const fn language(&self) -> Language {
        self.language
    }

    /// Whether the message is `text`, written piece by piece against it.
    #[must_use]
    pub fn is(&self, text: &str) -> bool {
        let mut rest = Matching(Some(text));
        self.words.write_in(self.language, &mut rest).is_ok() && rest.0 == Some("")
    }

    /// Whether the message starts with `text`, written until it is told.
    #[must_use]
    pub fn starts_with(&self, text: &str) -> bool {
        let mut rest = Prefix(Some(text));
        // Writing stops with an error once the prefix is seen or missed.
        let _ = self.words.write_in(self.language, &mut rest);
        rest.0 == Some("")
    }

    /// Whether the message is empty (it is written until a first piece
    /// that is not).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.is("")
    }

    /// Whether the message ends with `text` (it is written to tell).
    #[must_use]
    pub fn ends_with(&self, text: &str) -> bool {
        self.to_string().ends_with(text)
    }

    /// Whether the message contains `text` (it is written to tell).
    #[must_use]
    pub fn contains(&self, text: &str) -> bool {
        self.to_string().contains(text)
    }
}

impl<W: Words> std::ops::Deref for Message<W> {
    type Target = str;

    /// The text, written once and kept (for `len()`, `lines()`, `find()` and
    /// the other methods of a `&str`).
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<W: Words> AsRef<str> for Message<W> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<W: Words> fmt::Display for Message<W> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.words.write_in(self.language, out)
    }
}

impl<W: Words> fmt::Debug for Message<W> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), out)
    }
}

impl<W: Words> From<Message<W>> for String {
    fn from(message: Message<W>) -> String {
        message.to_string()
    }
}

/// What remains to match of a text, `None` once a piece did not match.
struct Matching<'a>(Option<&'a str>);

impl fmt::Write for Matching<'_> {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        self.0 = self.0.and_then(|rest| rest.strip_prefix(piece));
        if self.0.is_some() {
            Ok(())
        } else {
            Err(fmt::Error)
        }
    }
}

/// What remains to see of a prefix, `None` once missed; writing stops
/// once it is seen or missed.
struct Prefix<'a>(Option<&'a str>);

impl fmt::Write for Prefix<'_> {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        let Some(wanted) = self.0 else {
            return Err(fmt::Error);
        };
        if let Some(rest) = wanted.strip_prefix(piece) {
            self.0 = Some(rest);
            if rest.is_empty() {
                Err(fmt::Error)
            } else {
                Ok(())
            }
        } else {
            self.0 = piece.starts_with(wanted).then_some("");
            Err(fmt::Error)
        }
    }
}

impl<W: Words> PartialEq<str> for Message<W> {
    fn eq(&self, other: &str) -> bool {
        self.is(other)
    }
}

impl<W: Words> PartialEq<&str> for Message<W> {
    fn eq(&self, other: &&str) -> bool {
        self.is(other)
    }
}

impl<W: Words> PartialEq<String> for Message<W> {
    fn eq(&self, other: &String) -> bool {
        self.is(other)
    }
}

impl<W: Words> PartialEq<Message<W>> for str {
    fn eq(&self, other: &Message<W>) -> bool {
        other.is(self)
    }
}

impl<W: Words> PartialEq<Message<W>> for &str {
    fn eq(&self, other: &Message<W>) -> bool {
        other.is(self)
    }
}

impl<W: Words> PartialEq<Message<W>> for String {
    fn eq(&self, other: &Message<W>) -> bool {
        other.is(self)
    }
}

impl<W: Words, V: Words> PartialEq<Message<V>> for Message<W> {
    fn eq(&self, other: &Message<V>) -> bool {
        self.is(other.as_str())
    }
}

impl<W: Words> Serialize for Message<W> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A message given as its two texts (read back from JSON, where the words
/// it was written from are no longer known).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Given {
    pub(crate) vi: String,
    pub(crate) en: String,
}

impl Words for Given {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(language.pick(&self.vi, &self.en))
    }
}

/// A message written by a function of the language (the words of a
/// finding across reports, its values captured).
pub(crate) struct Written<F>(pub(crate) F);

impl<F: Fn(Language, &mut dyn fmt::Write) -> fmt::Result> Words for Written<F> {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        (self.0)(language, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Pieces;

    impl Words for Pieces {
        fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
            out.write_str(language.pick("Biểu ", "Form "))?;
            out.write_str("3")?;
            out.write_str(language.pick(", mục 1.4", ", row 1.4"))
        }
    }

    #[test]
    fn a_message_compares_piece_by_piece() {
        let en = Pieces.in_language(Language::English);
        assert_eq!(en.to_string(), "Form 3, row 1.4");
        assert!(en == "Form 3, row 1.4");
        assert!(en != "Form 3, row 1.4.");
        assert!(en != "Form 3, row 1");
        assert!(en != "Form 3");
        for prefix in ["", "F", "Form ", "Form 3", "Form 3, r", "Form 3, row 1.4"] {
            assert!(en.starts_with(prefix), "{prefix:?}");
        }
        for other in ["Biểu", "Form 4", "Form 3, row 1.4.", "form"] {
            assert!(!en.starts_with(other), "{other:?}");
        }
        let vi = Pieces.in_language(Language::Vietnamese);
        assert!(vi.starts_with("Biểu 3, m"));
        assert!(!vi.starts_with("Bi\u{0}"));
        assert!(vi.ends_with("mục 1.4") && vi.contains("3, mục"));
        assert_eq!(String::from(vi.clone()), "Biểu 3, mục 1.4");
        assert_eq!(serde_json::to_string(&vi).unwrap(), r#""Biểu 3, mục 1.4""#);
        assert!(en != vi);
    }
}
