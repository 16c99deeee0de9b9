//! The crate's error type: bad input, named cell by cell, in Vietnamese and
//! English.
//!
//! Each domain's problems have a module of their own: a bad cell or line
//! and where it stands ([`CellError`], [`Place`]), bytes that are not text
//! ([`EncodingError`]), a JSON report's problems ([`JsonProblem`]), an
//! aggregate's members ([`MemberProblem`]); what is wrong with a value
//! before any document is involved is a [`CellProblem`]. Their
//! messages are written as [`crate::message`] says: once, for both
//! languages, when shown.
//!
//! Importing never stops at the first problem: [`Error::Rows`] carries one
//! [`CellError`] per problem, each naming the form, the STT, the line (for
//! text) and the raw text, so that a reporter can fix a whole document in
//! one pass. Every problem has a message in Vietnamese and in English
//! ([`CellError::message_vi`], [`CellError::message_en`]), in the words a
//! clerk uses.
//!
//! # Limits
//! A document can hold millions of bad rows, and a cell millions of
//! characters. An error lists at most [`MAX_PROBLEMS`] problems: the
//! readers of text stop at the [`MAX_PROBLEMS`]th, which says so
//! ([`CellProblem::ProblemLimit`]), so that a document of a million bad
//! lines costs no more time than one of a thousand; rows given in code are
//! all read and the problems past the limit counted ([`Problems::omitted`]).
//! The text a problem echoes of a cell, a key or a line is cut after
//! [`MAX_ECHO_CHARS`] characters. So a rejection stays readable and its
//! memory and time bounded, whatever the input.

use std::fmt;
use std::ops::Deref;

pub use crate::limits::{
    MAX_CELL_CHARS, MAX_DOCUMENT_BYTES, MAX_ECHO_CHARS, MAX_JSON_DEPTH, MAX_NAMED_MEMBERS,
    MAX_PROBLEMS, MAX_REPORTS, MAX_ROWS, REPORT_YEARS,
};
pub use crate::problem::{CellProblem, DocumentProblem, MetaProblem, ProblemText};

mod cell;
mod encoding;
mod json;
mod members;

pub use crate::quote::Quoted;
pub(crate) use crate::quote::{echo, is_invisible, shown};
pub use cell::{CellError, Place};
pub use encoding::{EncodingError, EncodingProblem};
pub use json::JsonProblem;
pub use members::{MemberProblem, MemberProblemKind};

/// A list of problems, at most [`MAX_PROBLEMS`] long, and how many more
/// there were.
///
/// It reads as a slice of the listed problems (`problems.len()`,
/// `problems[0]`, `problems.iter()`).
///
/// # Example
/// ```
/// use cchc_forms::{Error, MAX_PROBLEMS};
/// use cchc_forms::rows::read_tsv;
///
/// // 1,500 lines with an unknown form: reading stops at the 1,000th.
/// let text = "9\t1\t5\n".repeat(1_500);
/// let Err(Error::Rows(problems)) = read_tsv(&text) else { panic!() };
/// assert_eq!(problems.len(), MAX_PROBLEMS);
/// assert_eq!(problems[0].line, Some(1));
/// assert_eq!(problems[999].line, Some(1_000));
/// assert_eq!(problems[999].problem, cchc_forms::CellProblem::ProblemLimit);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problems<T> {
    items: Vec<T>,
    omitted: usize,
}

impl<T> Problems<T> {
    /// No problems yet.
    pub(crate) const fn new() -> Self {
        Self {
            items: Vec::new(),
            omitted: 0,
        }
    }

    /// Adds a problem, or counts it once [`MAX_PROBLEMS`] are listed.
    pub(crate) fn push(&mut self, problem: T) {
        if self.items.len() < MAX_PROBLEMS {
            self.items.push(problem);
        } else {
            self.omitted = self.omitted.saturating_add(1);
        }
    }

    /// Whether another problem would only be counted, not listed.
    pub(crate) fn is_full(&self) -> bool {
        self.items.len() >= MAX_PROBLEMS
    }

    /// Counts a problem without building it (once the list is full).
    pub(crate) fn count_one(&mut self) {
        self.omitted = self.omitted.saturating_add(1);
    }

    /// How many problems were found beyond the listed ones.
    #[must_use]
    pub const fn omitted(&self) -> usize {
        self.omitted
    }

    /// How many problems were found in all, listed or not.
    #[must_use]
    pub fn total(&self) -> usize {
        self.items.len().saturating_add(self.omitted)
    }

    /// The listed problems, as a vector.
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        self.items
    }
}

impl<T> Default for Problems<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> From<Vec<T>> for Problems<T> {
    /// The first [`MAX_PROBLEMS`] problems listed, the rest counted.
    fn from(items: Vec<T>) -> Self {
        let mut problems = Self::new();
        for item in items {
            problems.push(item);
        }
        problems
    }
}

impl<T> Deref for Problems<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<'a, T> IntoIterator for &'a Problems<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: PartialEq> PartialEq<Vec<T>> for Problems<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        self.omitted == 0 && self.items == *other
    }
}

/// The error of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Rows or text that cannot make a report: every problem found, in
    /// document order (at most [`MAX_PROBLEMS`] listed).
    #[error("{} problem(s): {}", .0.total(), Joined(.0, .0.omitted()))]
    Rows(Problems<CellError>),
    /// JSON that cannot make a report: every problem found, in document
    /// order (at most [`MAX_PROBLEMS`] listed).
    #[error("{} problem(s) in the JSON report: {}", .0.total(), Joined(.0, .0.omitted()))]
    Json(Problems<JsonProblem>),
    /// Bytes that are not text in an encoding this crate reads.
    #[error("{0}")]
    Encoding(EncodingError),
    /// Metadata given as a value that the report's template refuses
    /// (rows and JSON documents report these among their own problems,
    /// with a line).
    #[error("{} problem(s) in the report's metadata: {}", .0.len(), Joined(.0, 0))]
    Meta(Vec<MetaProblem>),
    /// Reports that cannot be added up: none given, or members without a
    /// period, of another period or template than the first, or of a body
    /// given before (every such member listed).
    #[error("{} problem(s) adding up the reports: {}", .0.len(), Joined(.0, 0))]
    Members(Vec<MemberProblem>),
}

impl Error {
    /// The bad cells of [`Error::Rows`] (empty for other variants).
    #[must_use]
    pub fn cells(&self) -> &[CellError] {
        match self {
            Error::Rows(cells) => cells,
            Error::Json(_) | Error::Encoding(_) | Error::Meta(_) | Error::Members(_) => &[],
        }
    }

    /// How many problems it reports, listed or only counted.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Error::Rows(cells) => cells.total(),
            Error::Json(problems) => problems.total(),
            Error::Encoding(_) => 1,
            Error::Meta(problems) => problems.len(),
            Error::Members(problems) => problems.len(),
        }
    }

    /// Whether it reports no problem (never, for an error this crate made).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Displays a list of problems separated by `; `, then how many were left out.
struct Joined<'a, T>(&'a [T], usize);

impl<T: fmt::Display> fmt::Display for Joined<'_, T> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, item) in self.0.iter().enumerate() {
            if index > 0 {
                out.write_str("; ")?;
            }
            item.fmt(out)?;
        }
        if self.1 > 0 {
            write!(out, "; and {} more", self.1)?;
        }
        Ok(())
    }
}
