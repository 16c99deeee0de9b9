//! Rows in and out: a report as (form, STT, cell text) triples, and the
//! tab-separated text of rows with its `#!` metadata lines.
//!
//! Rows are how the forms look on paper and in spreadsheets, so they are the
//! import format for anything transcribed or scraped. Import is strict and
//! reports every problem at once ([`Error::Rows`]), each naming the form, the
//! STT, the raw text and, for text, the line:
//!
//! - an unknown form or STT;
//! - the same cell twice;
//! - a value on a heading row (a heading with an empty cell is accepted);
//! - text that is not a number, or not a value of the indicator's kind
//!   (a negative or fractional count, a code outside its legend, a count
//!   written the English way, `-` for no data).
//!
//! An empty cell is a blank indicator, never zero. STT `1.1.` is `1.1`.
//!
//! [`read_tsv`] reads a whole document of rows: the `#!` metadata lines
//! (see [`read_meta`]), the rows, and every problem of both, together; a
//! document without a single figure is refused. What it reads well but
//! might be misread comes back as [`ImportWarning`]s beside the report.

use std::borrow::Cow;
use std::fmt;

use crate::bnv581::{CATALOGUE, Report, with_form};
use crate::bnv581::{Form1, Form2, Form3, Form4, Form5, Form6, Form7};
use crate::catalogue::{Catalogue, CellId, Indicator, normalize_stt};
use crate::error::{
    CellError, CellProblem, Error, MAX_CELL_CHARS, MAX_DOCUMENT_BYTES, MAX_ROWS, MetaProblem,
    Problems, Quoted, echo,
};
use crate::meta::ReportMeta;
use crate::period::{Level, Period, Term};
use crate::template::{Template, TemplateVersion};
use crate::unit::ValueKind;

/// One row of a form: which form, which STT, and the cell's text as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Row<'a> {
    /// The form number, 1 to 7.
    pub form: u8,
    /// The STT, with or without a trailing dot.
    pub stt: &'a str,
    /// The cell's text, Vietnamese style (`54.106`, `99,3`); empty for blank.
    pub text: &'a str,
}

impl<'a> Row<'a> {
    /// A row of form `form` at `stt` with cell text `text`.
    #[must_use]
    pub const fn new(form: u8, stt: &'a str, text: &'a str) -> Self {
        Self { form, stt, text }
    }
}

impl Report {
    /// Builds a report from rows.
    ///
    /// Rows may come in any order; an indicator with no row is blank.
    ///
    /// # Errors
    /// [`Error::Rows`] with one [`CellError`] per bad row, in row order
    /// (at most [`MAX_PROBLEMS`](crate::limits::MAX_PROBLEMS), then a count).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{CellProblem, Error, Report, ReportMeta, Row};
    ///
    /// let report = Report::from_rows(ReportMeta::default(), [
    ///     Row::new(3, "3.1.", "99,3"),
    ///     Row::new(3, "3.1.1.", "54.106"),
    ///     Row::new(3, "3.1.2.", "53.726"),
    ///     Row::new(3, "3.", ""),          // a heading with no value
    /// ])?;
    /// assert_eq!(report.form3.resolved_on_time_departments.map(|c| c.get()), Some(53_726));
    ///
    /// let bad = Report::from_rows(ReportMeta::default(), [
    ///     Row::new(3, "3", "5"),         // a heading
    ///     Row::new(1, "6", "3"),         // not in the legend Có = 1; Không = 0
    ///     Row::new(2, "1", "-5"),        // a negative count
    ///     Row::new(2, "1.", "37"),       // the same cell again
    /// ]);
    /// let Err(Error::Rows(problems)) = bad else { panic!() };
    /// assert_eq!(problems.len(), 4);
    /// assert_eq!(problems[0].problem, CellProblem::ValueOnHeading);
    /// assert!(matches!(problems[1].problem, CellProblem::NotInLegend { .. }));
    /// assert_eq!(problems[3].problem, CellProblem::Duplicate { first_row: 3 }); // rows count from 1
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_rows<'a, I>(meta: ReportMeta, rows: I) -> Result<Report, Error>
    where
        I: IntoIterator<Item = Row<'a>>,
    {
        let mut report = Report::new(meta);
        let mut first_seen = FirstSeen::NONE;
        let mut finder = RowFinder::new(TemplateVersion::Bnv581Of2022.template().catalogue);
        let problems = import_rows(rows, |number, row| {
            import_one(&mut report, &mut first_seen, &mut finder, number, row).map(|_| ())
        });
        let meta_problems = report.meta.problems();
        rows_outcome(report, problems, meta_problems)
    }

    /// The report as rows, one per indicator in catalogue order, with the
    /// cell text printed the Vietnamese way (empty when blank).
    ///
    /// Feeding these rows to [`Report::from_rows`] gives back the same report.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, Report};
    /// let report = samples::bac_giang_2023_q3();
    /// let rows = report.to_rows();
    /// assert_eq!(rows.len(), 125);
    /// assert_eq!((rows[0].indicator.stt, rows[0].text.as_str()), ("1", "50"));
    /// let again = Report::from_rows(report.meta.clone(), rows.iter().map(|row| row.as_row()))?;
    /// assert_eq!(again, report);
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    #[must_use]
    pub fn to_rows(&self) -> Vec<OwnedRow> {
        CATALOGUE
            .iter()
            .map(|indicator| OwnedRow {
                indicator,
                text: self.cell_text(indicator.id).unwrap_or_default(),
            })
            .collect()
    }
}

/// Imports one row into a report made blank for it (so that a blank cell
/// needs no setting); `number` is its row or line number (from 1). Gives
/// the cell it set and its text without surrounding white space, if it set
/// one (a blank cell or heading sets none).
pub(crate) fn import_one<'a>(
    report: &mut impl ReadInto,
    first_seen: &mut FirstSeen,
    finder: &mut RowFinder,
    number: usize,
    row: Row<'a>,
) -> Result<Option<(CellId, &'a str)>, CellProblem> {
    if !finder.has_form(row.form) {
        return Err(CellProblem::UnknownForm);
    }
    let found = finder.find(row.form, row.stt);
    import_found(report, first_seen, number, found, row)
}

/// [`import_one`] of a row whose form is known and whose STT was looked
/// for: `found` is what was found.
// Inlined into the reading of each row: a call returned its result
// (a cell id and a text) through memory and saved and restored its
// registers, 30 instructions a row (`rows_to_findings` 83.1k → 79.9k
// instructions; `plain_value` inlined as well was 2.8k more).
#[allow(clippy::inline_always)]
#[inline(always)]
fn import_found<'a>(
    report: &mut impl ReadInto,
    first_seen: &mut FirstSeen,
    number: usize,
    found: Option<Found>,
    row: Row<'a>,
) -> Result<Option<(CellId, &'a str)>, CellProblem> {
    let text = trim(row.text);
    let (id, row_in_form) = match found {
        Some(Found::Indicator(id, row_in_form)) => (id, row_in_form),
        Some(Found::Heading(_)) if text.is_empty() => return Ok(None),
        Some(Found::Heading(_)) => return Err(CellProblem::ValueOnHeading),
        None => return Err(CellProblem::UnknownStt),
    };
    if let Some(first_row) = first_seen.first(id) {
        return Err(CellProblem::Duplicate { first_row });
    }
    first_seen.set(id, number);
    if too_long(row.text) {
        return Err(CellProblem::CellTooLong);
    }
    if text.is_empty() {
        // The report is blank where no row set it.
        return Ok(None);
    }
    // The cell readers trim as well: the trimmed text reads the same.
    report.set_found_text(id, row.form, row_in_form, text)?;
    Ok(Some((id, text)))
}

/// The line (from 1) where each cell of a template was given first, by
/// cell index: a template has at most 256 cells.
pub(crate) struct FirstSeen([u32; 256]);

impl FirstSeen {
    pub(crate) const NONE: FirstSeen = FirstSeen([0; 256]);

    /// The line that gave `id` first, if one did.
    fn first(&self, id: CellId) -> Option<usize> {
        match self.0.get(id.index()) {
            Some(&line) if line > 0 => usize::try_from(line).ok(),
            _ => None,
        }
    }

    /// Records line `number` as the one that gave `id` (a line past
    /// `u32::MAX`, which no document within the limits has, is kept as the
    /// last).
    fn set(&mut self, id: CellId, number: usize) {
        if let Some(slot) = self.0.get_mut(id.index()) {
            *slot = u32::try_from(number).unwrap_or(u32::MAX);
        }
    }
}

/// `text` without surrounding white space, at once when it has none at
/// either end (a printable ASCII character first and last).
fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        [only] if only.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Finds the row of a form's STT in a template, as
/// [`lookup`](crate::catalogue::lookup) does (a trailing dot and
/// surrounding white space ignored), looking first right after the
/// indicator and the heading found before: documents list their rows in
/// the template's order, so a row is nearly always found at once.
/// Otherwise it halves to the form's first indicator and reads on.
pub(crate) struct RowFinder {
    catalogue: &'static Catalogue,
    /// Where the next indicator and the next heading are looked for first.
    next_indicator: usize,
    next_heading: usize,
    /// The form of the indicator found last, and the position of its
    /// form's first indicator in the template.
    form: u8,
    form_start: usize,
}

/// A row found by [`RowFinder::find`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// An indicator, and its position in its form (from 0).
    Indicator(CellId, usize),
    /// A heading.
    Heading(&'static crate::catalogue::Heading),
}

impl RowFinder {
    pub(crate) fn new(catalogue: &'static Catalogue) -> Self {
        Self {
            catalogue,
            next_indicator: 0,
            next_heading: 0,
            form: 0,
            form_start: 0,
        }
    }

    /// Whether the template has a form numbered `form`.
    pub(crate) fn has_form(&self, form: u8) -> bool {
        self.catalogue.forms.iter().any(|info| info.number == form)
    }

    /// The indicator looked for first: the one after the indicator found
    /// last.
    pub(crate) fn expected(&self) -> Option<&'static Indicator> {
        self.catalogue.indicators.get(self.next_indicator)
    }

    /// [`RowFinder::expected`], found: what [`RowFinder::find`] gives for
    /// its form and STT.
    pub(crate) fn take_expected(&mut self) -> Option<Found> {
        let at = self.next_indicator;
        let indicator = self.catalogue.indicators.get(at)?;
        if self.form != indicator.form {
            // The one before it is of another form: it is its form's first.
            (self.form, self.form_start) = (indicator.form, at);
        }
        self.next_indicator = at.saturating_add(1);
        Some(Found::Indicator(
            indicator.id,
            at.saturating_sub(self.form_start),
        ))
    }

    /// The row of form `form` at `stt`. A template has no heading where it
    /// has an indicator (a test checks it), so which is looked for first
    /// does not change what is found.
    pub(crate) fn find(&mut self, form: u8, stt: &str) -> Option<Found> {
        let stt = normalize_stt(stt);
        let (indicators, headings) = (self.catalogue.indicators, self.catalogue.headings);
        if let Some(indicator) = self.expected()
            && indicator.form == form
            && same(indicator.stt, stt)
        {
            return self.take_expected();
        }
        if let Some(heading) = headings.get(self.next_heading)
            && heading.form == form
            && heading.stt == stt
        {
            self.next_heading = self.next_heading.saturating_add(1);
            return Some(Found::Heading(heading));
        }
        // The indicators are in form order: the form's first by halving.
        let start = indicators.partition_point(|indicator| indicator.form < form);
        let in_form = indicators
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|indicator| indicator.form == form);
        for (row, indicator) in in_form.enumerate() {
            if same(indicator.stt, stt) {
                (self.form, self.form_start) = (form, start);
                self.next_indicator = start.saturating_add(row).saturating_add(1);
                return Some(Found::Indicator(indicator.id, row));
            }
        }
        let position = headings
            .iter()
            .position(|heading| heading.form == form && heading.stt == stt)?;
        self.next_heading = position.saturating_add(1);
        headings.get(position).map(Found::Heading)
    }
}

/// Whether two short texts (STTs) are the same, byte by byte in place
/// (rather than through a call to compare memory).
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Parses `text` into the cell at `row` of form `form`, as
/// [`Report::set_cell_text`] does with text that is not blank (the row
/// known, not worked out from the cell).
#[inline]
fn parse_into(report: &mut Report, form: u8, row: usize, text: &str) -> Result<(), CellProblem> {
    with_form!(
        [&mut] report,
        form,
        |cells, Form| match Form::PARSE.get(row) {
            Some(parse) => parse(cells, text),
            None => Err(CellProblem::UnknownStt),
        },
        Err(CellProblem::UnknownForm)
    )
}

/// Sets one cell from its text, unless it was given before.
/// What a reader of text fills: a typed 581 [`Report`] or a
/// [`Sheet`](crate::Sheet) of any template, cell by cell, then its metadata.
pub(crate) trait ReadInto {
    /// A blank one for `template`, its metadata the default.
    fn blank(template: &'static Template) -> Self;
    /// One cell from its printed text.
    fn set_cell_text(&mut self, id: CellId, text: &str) -> Result<(), CellProblem>;
    /// One cell from its printed text, not blank, the cell found at row
    /// `row_in_form` of form `form` (the typed report reads by the row).
    fn set_found_text(
        &mut self,
        id: CellId,
        form: u8,
        row_in_form: usize,
        text: &str,
    ) -> Result<(), CellProblem> {
        let _ = (form, row_in_form);
        self.set_cell_text(id, text)
    }
    /// The metadata read.
    fn set_meta(&mut self, meta: ReportMeta);
}

impl ReadInto for Report {
    /// A typed report is 581's whatever `template` is (the readers that
    /// fill one read 581).
    fn blank(_: &'static Template) -> Self {
        Report::new(ReportMeta::default())
    }

    fn set_cell_text(&mut self, id: CellId, text: &str) -> Result<(), CellProblem> {
        Report::set_cell_text(self, id, text)
    }

    #[inline]
    fn set_found_text(
        &mut self,
        _: CellId,
        form: u8,
        row_in_form: usize,
        text: &str,
    ) -> Result<(), CellProblem> {
        parse_into(self, form, row_in_form, text)
    }

    fn set_meta(&mut self, meta: ReportMeta) {
        self.meta = meta;
    }
}

pub(crate) fn import_cell(
    report: &mut impl ReadInto,
    first_seen: &mut [Option<usize>],
    number: usize,
    id: CellId,
    text: &str,
) -> Result<(), CellProblem> {
    if let Some(first_row) = first_seen[id.index()] {
        return Err(CellProblem::Duplicate { first_row });
    }
    first_seen[id.index()] = Some(number);
    if too_long(text) {
        return Err(CellProblem::CellTooLong);
    }
    report.set_cell_text(id, text)
}

/// Whether a cell's text is longer than [`MAX_CELL_CHARS`] characters
/// (read no further than the limit).
#[inline]
pub(crate) fn too_long(text: &str) -> bool {
    // No more bytes than the limit is no more characters.
    text.len() > MAX_CELL_CHARS && text.chars().nth(MAX_CELL_CHARS).is_some()
}

/// The error of a document larger than [`MAX_DOCUMENT_BYTES`], if it is.
pub(crate) fn too_large(text: &str) -> Option<Error> {
    if text.len() <= MAX_DOCUMENT_BYTES {
        return None;
    }
    let mut problems = Problems::new();
    let problem = CellProblem::DocumentTooLarge { bytes: text.len() };
    push_given(&mut problems, 0, "", "", problem);
    Some(Error::Rows(problems))
}

/// A row given out by [`Report::to_rows`]: an indicator and its cell text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedRow {
    /// The indicator.
    pub indicator: &'static Indicator,
    /// The cell text, Vietnamese style; empty when blank.
    pub text: String,
}

impl OwnedRow {
    /// Borrows it as a [`Row`], for [`Report::from_rows`].
    #[must_use]
    pub fn as_row(&self) -> Row<'_> {
        Row::new(self.indicator.form, self.indicator.stt, &self.text)
    }
}

/// Reads rows from tab-separated text: `form<TAB>stt<TAB>value` per line.
///
/// Further columns are ignored (notes), and so are empty lines and lines
/// starting with `#` (`#!` metadata lines included: see [`read_meta`]). A
/// missing third column is an empty (blank) cell. Lines may end with `\r\n`.
/// This reads text already in memory; it does no I/O. [`read_tsv`] reads
/// the metadata and the rows into a report in one pass.
///
/// # Errors
/// [`Error::Rows`] naming every line that is not a row, with its line
/// number: a first column that is not a form number (the whole line
/// quoted), a line of column headings, a line without tabs, a figure
/// outside the value column.
///
/// # Example
/// ```
/// use cchc_forms::rows::parse_tsv;
/// let rows = parse_tsv("# form\tstt\tvalue\n3\t3.1.\t99,3\tnote\n1\t2\t\n")?;
/// assert_eq!(rows.len(), 2);
/// assert_eq!((rows[0].form, rows[0].stt, rows[0].text), (3, "3.1.", "99,3"));
/// assert_eq!(rows[1].text, "");
///
/// let error = parse_tsv("3;1.4;1.902\n3\t1.4\t\t1.902\n").unwrap_err();
/// assert_eq!(error.cells()[0].line, Some(1)); // not tab-separated
/// assert_eq!(error.cells()[1].line, Some(2)); // the figure is in the fourth column
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn parse_tsv(text: &str) -> Result<Vec<Row<'_>>, Error> {
    if let Some(error) = too_large(text) {
        return Err(error);
    }
    let mut rows = Vec::new();
    let mut problems = Problems::new();
    for (index, line) in text.lines().enumerate() {
        if problems.is_full() {
            break;
        }
        match tsv_line(line) {
            TsvLine::Skip | TsvLine::Meta(_) => {}
            TsvLine::Row(row) if rows.len() == MAX_ROWS => {
                push_too_many_rows(&mut problems, index.saturating_add(1), row, line);
                break;
            }
            TsvLine::Row(row) => rows.push(row),
            TsvLine::Bad(problem, form, stt, raw) => {
                push(
                    &mut problems,
                    index.saturating_add(1),
                    form,
                    stt,
                    raw,
                    problem,
                );
            }
        }
    }
    if problems.is_empty() && problems.omitted() == 0 {
        Ok(rows)
    } else {
        Err(Error::Rows(problems))
    }
}

/// Records the row on line `number`, one past [`MAX_ROWS`]: the text is
/// read no further.
fn push_too_many_rows(problems: &mut Problems<CellError>, number: usize, row: Row<'_>, line: &str) {
    push(
        problems,
        number,
        row.form,
        row.stt,
        line,
        CellProblem::TooManyRows,
    );
}

/// Adds a problem at a line, or only counts it once the list is full.
/// Feeds rows given in code to `one` (with their number, from 1), at most
/// [`MAX_ROWS`] of them, and collects the problems it finds.
pub(crate) fn import_rows<'a>(
    rows: impl IntoIterator<Item = Row<'a>>,
    mut one: impl FnMut(usize, Row<'a>) -> Result<(), CellProblem>,
) -> Problems<CellError> {
    let mut problems = Problems::new();
    for (position, row) in rows.into_iter().enumerate() {
        if position == MAX_ROWS {
            push_given(
                &mut problems,
                row.form,
                row.stt,
                row.text,
                CellProblem::TooManyRows,
            );
            break;
        }
        if let Err(problem) = one(position.saturating_add(1), row) {
            push_given(&mut problems, row.form, row.stt, row.text, problem);
        }
    }
    problems
}

/// What importing rows gives: `value`, or every problem at once (the
/// metadata's among them), or the metadata's problems alone.
pub(crate) fn rows_outcome<T>(
    value: T,
    mut problems: Problems<CellError>,
    meta_problems: Vec<MetaProblem>,
) -> Result<T, Error> {
    if problems.is_empty() && !meta_problems.is_empty() {
        return Err(Error::Meta(meta_problems));
    }
    if problems.is_empty() {
        return Ok(value);
    }
    for problem in meta_problems {
        push_given(&mut problems, 0, "", "", CellProblem::Metadata(problem));
    }
    Err(Error::Rows(problems))
}

/// Adds a problem of rows given in code (no line), or counts it once the
/// list is full.
pub(crate) fn push_given(
    problems: &mut Problems<CellError>,
    form: u8,
    stt: &str,
    raw: &str,
    problem: CellProblem,
) {
    if problems.is_full() {
        problems.count_one();
    } else {
        problems.push(CellError {
            form,
            stt: echo(stt),
            raw: echo(raw),
            line: None,
            place: None,
            problem,
        });
    }
}

/// Adds a problem of a text at its line. The [`MAX_PROBLEMS`]th is
/// [`CellProblem::ProblemLimit`] instead, after which the list is full and
/// the readers stop ([`Problems::is_full`]); past it, a problem is counted.
///
/// [`MAX_PROBLEMS`]: crate::limits::MAX_PROBLEMS
pub(crate) fn push(
    problems: &mut Problems<CellError>,
    line: usize,
    form: u8,
    stt: &str,
    raw: &str,
    problem: CellProblem,
) {
    if problems.is_full() {
        problems.count_one();
    } else if problems.len().saturating_add(1) >= crate::limits::MAX_PROBLEMS {
        let limit = CellProblem::ProblemLimit;
        problems.push(CellError::at_line(line, form, stt, raw, limit));
    } else {
        problems.push(CellError::at_line(line, form, stt, raw, problem));
    }
}

/// What one line of tab-separated rows is.
enum TsvLine<'a> {
    /// Empty, or a comment.
    Skip,
    /// A `#!` metadata line: what follows the `#!`.
    Meta(&'a str),
    /// A row.
    Row(Row<'a>),
    /// A line that is not a row: the problem, the form, the STT and the
    /// text to quote.
    Bad(CellProblem, u8, &'a str, &'a str),
}

/// The line of `text` starting at byte `start` when it is written as nearly
/// every line of rows is, read in one pass over its bytes to its end: a
/// one-digit form, a tab, an STT, a tab and the value, with no further
/// column. Gives the row, the line (without its `\n` and one `\r` before
/// it, as [`crate::decode::lines`] cuts it) and where the next line
/// starts. `None` for any other line, which [`tsv_line`] reads (and whose
/// problems it tells); for these lines it gives the same row.
fn plain_row(text: &str, start: usize) -> Option<(Row<'_>, &str, usize)> {
    let bytes = text.as_bytes().get(start..)?;
    let [form @ b'0'..=b'9', b'\t', ..] = bytes else {
        return None;
    };
    let mut stt_end = 2;
    loop {
        match *bytes.get(stt_end)? {
            b'\t' => break,
            b'\n' => return None,
            _ => stt_end += 1,
        }
    }
    plain_value(text, start, form - b'0', stt_end)
}

/// [`plain_row`] of the row `expected` (the one the finder looks for
/// first: documents list their rows in the template's order): its form,
/// a tab and its STT (with or without one trailing dot) compared in place.
/// `None` when the line does not start so.
#[inline]
fn expected_row<'a>(
    text: &'a str,
    start: usize,
    expected: Option<&Indicator>,
) -> Option<(Row<'a>, &'a str, usize)> {
    let indicator = expected?;
    let bytes = text.as_bytes().get(start..)?;
    let [form, b'\t', rest @ ..] = bytes else {
        return None;
    };
    // One digit: a template's forms 1 to 9 are read here.
    if form.wrapping_sub(b'0') != indicator.form || !(1..=9).contains(&indicator.form) {
        return None;
    }
    let stt = indicator.stt.as_bytes();
    let dot = match rest.strip_prefix(stt)? {
        [b'\t', ..] => 0,
        [b'.', b'\t', ..] => 1,
        _ => return None,
    };
    plain_value(text, start, indicator.form, 2 + stt.len() + dot)
}

/// The rest of [`plain_row`]: the line starting at `start` whose STT ends
/// with the tab at `stt_end`, if its value is its last column.
fn plain_value(
    text: &str,
    start: usize,
    form: u8,
    stt_end: usize,
) -> Option<(Row<'_>, &str, usize)> {
    let bytes = text.as_bytes().get(start..)?;
    let value_start = stt_end + 1;
    let mut end = value_start;
    while let Some(&byte) = bytes.get(end) {
        match byte {
            b'\n' => break,
            b'\t' => return None,
            _ => end += 1,
        }
    }
    let next = start + end + 1;
    // `lines` takes one `\r` off the end, `tsv_line` a second one.
    let line_end = match bytes.get(value_start..end)? {
        [.., b'\r', b'\r'] => return None,
        [.., b'\r'] => end - 1,
        _ => end,
    };
    // Cut at ASCII bytes: on character boundaries.
    let line = text.get(start..start + line_end)?;
    let stt = line.get(2..stt_end)?;
    let value = line.get(value_start..)?;
    Some((Row::new(form, stt, value), line, next))
}

fn tsv_line(line: &str) -> TsvLine<'_> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if let Some(meta) = line.strip_prefix("#!") {
        return TsvLine::Meta(meta);
    }
    if line.trim().is_empty() || line.starts_with('#') {
        return TsvLine::Skip;
    }
    if memchr::memchr(b'\t', line.as_bytes()).is_none() {
        let mut words = line.split_whitespace();
        let form_first = words.next().is_some_and(|word| word.parse::<u8>().is_ok());
        let problem = if looks_like_header(line) {
            CellProblem::HeaderLine
        } else if form_first && words.next().is_some() {
            // `3 1.4 1.902`: the tabs became spaces.
            CellProblem::TabsAsSpaces
        } else {
            CellProblem::NotTabSeparated
        };
        return TsvLine::Bad(problem, 0, "", line);
    }
    let mut columns = crate::decode::tab_cells(line);
    let form_text = columns.next().unwrap_or_default();
    let stt = columns.next().unwrap_or_default();
    let value = columns.next().unwrap_or_default();
    let Ok(form) = form_text.trim().parse::<u8>() else {
        let problem = if looks_like_header(form_text) {
            CellProblem::HeaderLine
        } else {
            CellProblem::UnknownForm
        };
        return TsvLine::Bad(problem, 0, stt, line);
    };
    if value.trim().is_empty() {
        for (index, later) in columns.enumerate() {
            if looks_like_figure(later) {
                let problem = CellProblem::ValueOutsideColumn {
                    column: index.saturating_add(4),
                    expected: 3,
                };
                return TsvLine::Bad(problem, form, stt, later);
            }
        }
    }
    TsvLine::Row(Row::new(form, stt, value))
}

/// Whether a line or first column reads as column headings (`form`,
/// `Biểu`, `STT`, `Chỉ tiêu`): it starts with a letter.
fn looks_like_header(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    ["form", "biểu", "bieu", "stt", "chỉ tiêu", "bm"]
        .iter()
        .any(|word| lower.starts_with(word))
}

/// Whether a note column holds what can only be a figure: a number, in
/// Vietnamese or English writing.
pub(crate) fn looks_like_figure(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
}

/// A report read from text, and what the reader noticed without refusing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The report.
    pub report: Report,
    /// What might be misread: a label or unit unlike the template's, an
    /// amount with three decimals, a row of a printed form not found (at
    /// most [`MAX_PROBLEMS`](crate::limits::MAX_PROBLEMS), then a count).
    pub warnings: Problems<ImportWarning>,
}

/// Something the reader accepted but a person should look at.
///
/// # Example
/// ```
/// use cchc_forms::rows::{read_tsv, WarningKind};
/// // 8,007 is eight point zero zero seven million VND; 8.007 was likely meant.
/// let imported = read_tsv("6\t1.1\t8,007\n")?;
/// let warning = &imported.warnings[0];
/// assert_eq!(warning.kind, WarningKind::ThreeDecimals { english: "8.007".to_owned() });
/// assert_eq!((warning.line, warning.form, warning.stt.as_str()), (Some(1), 6, "1.1"));
/// assert!(warning.message_en().contains("did you mean 8.007?"));
/// assert!(warning.message_vi().contains("có phải là 8.007?"));
/// # Ok::<(), cchc_forms::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImportWarning {
    /// The line of the document, counted from 1.
    pub line: Option<usize>,
    /// The form (0 when not about a form).
    pub form: u8,
    /// The STT as the template numbers it (empty when not about a row).
    pub stt: String,
    /// The text concerned, as printed (cut after
    /// [`MAX_ECHO_CHARS`](crate::limits::MAX_ECHO_CHARS) characters).
    pub text: String,
    /// What was noticed.
    pub kind: WarningKind,
}

/// What an [`ImportWarning`] noticed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// A decimal with exactly three decimals (`8,007`): in English writing
    /// it would be a whole number (8.007). Read as printed.
    ThreeDecimals {
        /// The whole number it may have meant, written the Vietnamese way.
        english: String,
    },
    /// A printed label unlike the template's (the document may follow
    /// another template, or the row may be misplaced).
    LabelDiffers {
        /// The template's label.
        expected: &'static str,
    },
    /// A printed unit unlike the template's.
    UnitDiffers {
        /// The template's unit.
        expected: &'static str,
    },
    /// A printed form title unlike the template's.
    TitleDiffers {
        /// The template's title.
        expected: &'static str,
    },
    /// A row of the template that a printed form does not have: left blank.
    RowMissing,
    /// A form that a document of printed forms does not have: left blank.
    FormMissing,
    /// A printed row without its unit cell: the figure (the warning's
    /// text) stood in the unit column, and is read as the row's value.
    UnitMissing,
    /// A printed report's title (its text is the warning's) that names no
    /// period of the template for the report itself (`9 tháng năm 2023`,
    /// `tháng 9 năm 2023`, `quý IV`, no year, two periods), and no `#!`
    /// line gives one: the period is not given.
    TitlePeriodUnread,
    /// A `#!` period unlike the period the report's title (the warning's
    /// text) names: the `#!` period is the one read.
    PeriodDiffers {
        /// The period the title names.
        title: Period,
        /// The period the `#!` line gives.
        given: Period,
    },
    /// A number of an Excel cell in the General format: read as the
    /// shortest decimal that gives back the cell's value (`99.3` → `99,3`),
    /// its printed precision assumed from it.
    PrecisionAssumed {
        /// The cell.
        place: crate::error::Place,
    },
    /// A formula of an Excel cell without a value saved with it (the
    /// workbook was never recalculated): the cell is left blank.
    FormulaWithoutValue {
        /// The cell.
        place: crate::error::Place,
    },
}

/// A period in words: `quý III năm 2023`, `Q3 2023`.
fn period_words(period: Period, vietnamese: bool) -> String {
    if vietnamese {
        format!("{} năm {}", period.term.name_vi(), period.year)
    } else {
        format!("{} {}", period.term.name_en(), period.year)
    }
}

impl ImportWarning {
    /// What was noticed, in Vietnamese.
    #[must_use]
    pub fn message_vi(&self) -> String {
        match &self.kind {
            WarningKind::ThreeDecimals { english } => format!(
                "{} được đọc là số thập phân có ba chữ số sau dấu phẩy; nếu là số nguyên thì viết {english}: có phải là {english}?",
                Quoted(&self.text)
            ),
            WarningKind::LabelDiffers { expected } => format!(
                "tên chỉ tiêu {} khác với mẫu: {}",
                Quoted(&self.text),
                Quoted(expected)
            ),
            WarningKind::UnitDiffers { expected } => format!(
                "đơn vị tính {} khác với mẫu: {}",
                Quoted(&self.text),
                Quoted(expected)
            ),
            WarningKind::TitleDiffers { expected } => format!(
                "tên biểu mẫu {} khác với mẫu: {}",
                Quoted(&self.text),
                Quoted(expected)
            ),
            WarningKind::RowMissing => {
                "không tìm thấy dòng này trong biểu mẫu: để trống".to_owned()
            }
            WarningKind::FormMissing => {
                "không tìm thấy biểu mẫu này trong văn bản: để trống".to_owned()
            }
            WarningKind::UnitMissing => format!(
                "dòng không có ô đơn vị tính: số {} nằm ở cột đơn vị tính được đọc là số liệu",
                Quoted(&self.text)
            ),
            WarningKind::TitlePeriodUnread => format!(
                "tên báo cáo {} không ghi một kỳ báo cáo của mẫu (quý I, 6 tháng, quý III hoặc năm, kèm năm) cho chính báo cáo: kỳ báo cáo để trống (không ghi); hãy ghi dòng `#! period: …` (ví dụ `#! period: quý III năm 2023`)",
                Quoted(&self.text)
            ),
            WarningKind::PeriodDiffers { title, given } => format!(
                "dòng `#! period` ghi kỳ {}, nhưng tên báo cáo {} ghi kỳ {}: dùng kỳ {} của dòng `#!`",
                period_words(*given, true),
                Quoted(&self.text),
                period_words(*title, true),
                period_words(*given, true)
            ),
            WarningKind::PrecisionAssumed { place } => format!(
                "{}: số {} ở định dạng General, đọc với độ chính xác giả định (số chữ số thập phân như hiển thị); hãy định dạng ô với số chữ số thập phân được in",
                place.message_vi(),
                Quoted(&self.text)
            ),
            WarningKind::FormulaWithoutValue { place } => format!(
                "{}: công thức không có giá trị được lưu (bảng tính chưa được tính lại): để trống",
                place.message_vi()
            ),
        }
    }

    /// What was noticed, in English.
    #[must_use]
    pub fn message_en(&self) -> String {
        match &self.kind {
            WarningKind::ThreeDecimals { english } => format!(
                "{} is read as a decimal with three decimals; if a whole number was meant, write {english}: did you mean {english}?",
                Quoted(&self.text)
            ),
            WarningKind::LabelDiffers { expected } => format!(
                "the label {} differs from the template's: {}",
                Quoted(&self.text),
                Quoted(expected)
            ),
            WarningKind::UnitDiffers { expected } => format!(
                "the unit {} differs from the template's: {}",
                Quoted(&self.text),
                Quoted(expected)
            ),
            WarningKind::TitleDiffers { expected } => format!(
                "the form's title {} differs from the template's: {}",
                Quoted(&self.text),
                Quoted(expected)
            ),
            WarningKind::RowMissing => {
                "this row of the template is not in the printed form: left blank".to_owned()
            }
            WarningKind::FormMissing => "this form is not in the document: left blank".to_owned(),
            WarningKind::UnitMissing => format!(
                "the row has no unit cell: the figure {} in the unit column is read as its value",
                Quoted(&self.text)
            ),
            WarningKind::TitlePeriodUnread => format!(
                "the report's title {} names no period of the template (Q1, the half-year, Q3 or the year, with its year) for the report itself: the period is not given; write a `#! period: …` line (for example `#! period: 2023 Q3`)",
                Quoted(&self.text)
            ),
            WarningKind::PeriodDiffers { title, given } => format!(
                "the `#! period` line gives {}, but the report's title {} names {}: {} from the `#!` line is used",
                period_words(*given, false),
                Quoted(&self.text),
                period_words(*title, false),
                period_words(*given, false)
            ),
            WarningKind::PrecisionAssumed { place } => format!(
                "{}: the number {} is in the General format, read with an assumed precision (the decimals it shows); format the cell with the decimals printed",
                place.message_en(),
                Quoted(&self.text)
            ),
            WarningKind::FormulaWithoutValue { place } => format!(
                "{}: a formula without a saved value (the workbook was not recalculated): left blank",
                place.message_en()
            ),
        }
    }
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(out, "line {line}, ")?;
        }
        if self.form != 0 {
            write!(out, "form {}, ", self.form)?;
        }
        if !self.stt.is_empty() {
            write!(out, "STT {}, ", Quoted(&self.stt))?;
        }
        out.write_str(&self.message_en())
    }
}

/// The three-decimal warning for a decimal cell printed like `8,007`: one
/// to three digits, not starting with 0, a comma, three digits.
pub(crate) fn three_decimals(id: CellId, text: &str) -> Option<WarningKind> {
    let text = trim(text);
    // Three digits after a comma: the fourth byte from the end is one.
    let comma = text.len() >= 4 && text.as_bytes().get(text.len() - 4) == Some(&b',');
    if !comma
        || !matches!(
            id.indicator().kind,
            ValueKind::Percent | ValueKind::MillionVnd
        )
    {
        return None;
    }
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (integer, fraction) = unsigned.split_once(',')?;
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let english = (1..=3).contains(&integer.len())
        && !integer.starts_with('0')
        && fraction.len() == 3
        && digits(integer)
        && digits(fraction);
    english.then(|| WarningKind::ThreeDecimals {
        english: text.replace(',', "."),
    })
}

/// Reads a document of tab-separated rows: its `#!` metadata lines, its
/// rows, and every problem of both, in one pass over the text.
///
/// - rows as [`parse_tsv`] reads them, cells as [`Report::from_rows`]
///   imports them, each problem with its line number (from 1);
/// - metadata as [`read_meta`] reads it, wherever its lines are; what it
///   does not give stays "not given";
/// - a document without a single figure (empty, comments only, every
///   cell blank) is refused: there would be nothing to check.
///
/// Memory stays bounded whatever the size of the text: rows are imported
/// as they are read, at most [`MAX_PROBLEMS`](crate::limits::MAX_PROBLEMS)
/// problems are kept, and each quotes at most
/// [`MAX_ECHO_CHARS`](crate::limits::MAX_ECHO_CHARS) characters.
///
/// # Errors
/// [`Error::Rows`] with every problem of the metadata and the rows, in
/// line order.
///
/// # Example
/// ```
/// use cchc_forms::rows::read_tsv;
/// use cchc_forms::{CellProblem, Error, Level, MetaProblem, Period, Term};
///
/// let imported = read_tsv("#! Period: Q3 2023\r\n#! level: Province\r\n3\t1.4.\t1.902\r\n")?;
/// assert_eq!(imported.report.meta.period, Some(Period::new(2023, Term::Q3)));
/// assert_eq!(imported.report.meta.level, Some(Level::Province));
/// assert_eq!(imported.report.meta.body, ""); // not given
///
/// let Err(Error::Rows(problems)) = read_tsv("#! period: 2023 Q2\n3\t1.4\t1,902\n3\t1.4\t\t1.902\n") else { panic!() };
/// let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
/// assert_eq!(lines, [Some(1), Some(2), Some(3)]);
/// assert_eq!(problems[0].problem, CellProblem::Metadata(MetaProblem::NotAReportPeriod));
/// assert_eq!(problems[1].message_en(), "`,` between thousands is the English way; Vietnamese numbers group thousands with `.`: did you mean 1.902?");
///
/// let Err(Error::Rows(problems)) = read_tsv("# nothing but comments\n") else { panic!() };
/// assert_eq!(problems[0].problem, CellProblem::NoFigures);
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn read_tsv(text: &str) -> Result<Imported, Error> {
    if let Some(error) = too_large(text) {
        return Err(error);
    }
    // Labels, keys and names compare as a person reads them.
    read_tsv_normalized(&crate::decode::nfc(text))
}

/// [`read_tsv`] from a file's bytes: decoded as
/// [`decode_text`](crate::decode::decode_text) decodes them (UTF-8 or UTF-16 with
/// its mark, NUL bytes refused, in Unicode normal form C), then read, the
/// normal form checked once.
///
/// # Errors
/// [`Error::Encoding`] as [`decode_text`](crate::decode::decode_text) gives it;
/// then as [`read_tsv`].
///
/// # Example
/// ```
/// use cchc_forms::rows::read_tsv_bytes;
///
/// let imported = read_tsv_bytes(b"\xEF\xBB\xBF#! period: 2023 Q3\r\n3\t1.4.\t1.902\r\n")?;
/// assert_eq!(imported.report.form3.procedures_local.map(|c| c.get()), Some(1_902));
/// assert!(read_tsv_bytes(b"3\t1.4\t1.902\0").is_err()); // a NUL byte
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn read_tsv_bytes(bytes: &[u8]) -> Result<Imported, Error> {
    let text = crate::decode::decode_text(bytes)?;
    if let Some(error) = too_large(&text) {
        return Err(error);
    }
    read_tsv_normalized(&text)
}

/// [`read_tsv`] of text already in normal form C.
fn read_tsv_normalized(text: &str) -> Result<Imported, Error> {
    let (report, warnings) = read_rows_with(
        MetaReader::default(),
        TemplateVersion::Bnv581Of2022.template(),
        text,
    )?;
    Ok(Imported { report, warnings })
}

/// Reads the rows and `#!` lines of `text` (in normal form C, within
/// [`MAX_DOCUMENT_BYTES`]) into a `T` of `template`: the one reader of
/// rows, for the typed 581 report and for a sheet of any template.
pub(crate) fn read_rows_in<T: ReadInto>(
    template: &'static Template,
    text: &str,
) -> Result<(T, Problems<ImportWarning>), Error> {
    if let Some(error) = too_large(text) {
        return Err(error);
    }
    let text = crate::decode::nfc(text);
    read_rows_with(MetaReader::of_template(template), template, &text)
}

fn read_rows_with<T: ReadInto>(
    mut meta: MetaReader,
    template: &'static Template,
    text: &str,
) -> Result<(T, Problems<ImportWarning>), Error> {
    let mut reader = TsvRows {
        first_seen: FirstSeen::NONE,
        finder: RowFinder::new(template.catalogue),
        report: T::blank(template),
        problems: Problems::new(),
        warnings: Problems::new(),
        figures: 0,
        rows: 0,
    };
    // Lines as `decode::lines` cuts them, a plain row read to its end at
    // once.
    let (mut start, mut number) = (0_usize, 0_usize);
    while start < text.len() {
        if reader.problems.is_full() {
            break;
        }
        number = number.saturating_add(1);
        if let Some((row, line, next)) = expected_row(text, start, reader.finder.expected()) {
            start = next;
            if reader.row(number, row, line, true) {
                continue;
            }
            break;
        }
        if let Some((row, line, next)) = plain_row(text, start) {
            start = next;
            if reader.row(number, row, line, false) {
                continue;
            }
            break;
        }
        let rest = text.get(start..).unwrap_or_default();
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        start = start.saturating_add(end).saturating_add(1);
        let line = rest.get(..end).unwrap_or_default();
        let line = line.strip_suffix('\r').unwrap_or(line);
        match tsv_line(line) {
            TsvLine::Row(row) => {
                if !reader.row(number, row, line, false) {
                    break;
                }
            }
            TsvLine::Skip => {}
            TsvLine::Meta(content) => {
                if let Err(problem) = meta.line(number, content) {
                    let problem = CellProblem::Metadata(problem);
                    push(&mut reader.problems, number, 0, "", line, problem);
                }
            }
            TsvLine::Bad(problem, form, stt, raw) => {
                push(&mut reader.problems, number, form, stt, raw, problem);
            }
        }
    }
    let TsvRows {
        mut report,
        mut problems,
        warnings,
        figures,
        ..
    } = reader;
    let meta = meta.finish(None, &mut problems);
    if figures == 0 && problems.total() == 0 {
        push(&mut problems, 1, 0, "", "", CellProblem::NoFigures);
    }
    if problems.total() > 0 {
        return Err(Error::Rows(problems));
    }
    report.set_meta(meta);
    Ok((report, warnings))
}

/// What [`read_tsv`] has read so far of a document's rows.
struct TsvRows<T> {
    report: T,
    /// The line of each cell given so far.
    first_seen: FirstSeen,
    finder: RowFinder,
    problems: Problems<CellError>,
    warnings: Problems<ImportWarning>,
    /// How many cells were given a value, and how many rows were read.
    figures: usize,
    rows: usize,
}

impl<T: ReadInto> TsvRows<T> {
    /// Reads the row of line `number`, the one the finder expects when
    /// `expected`; `false` past [`MAX_ROWS`], when the document is read no
    /// further.
    // Inlined where each kind of line is read, for the same reason as
    // `import_found` (79.9k → 75.9k instructions a document).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn row(&mut self, number: usize, row: Row<'_>, line: &str, expected: bool) -> bool {
        if self.rows == MAX_ROWS {
            push_too_many_rows(&mut self.problems, number, row, line);
            return false;
        }
        self.rows = self.rows.saturating_add(1);
        let (report, first_seen) = (&mut self.report, &mut self.first_seen);
        let imported = if expected {
            let found = self.finder.take_expected();
            import_found(report, first_seen, number, found, row)
        } else {
            import_one(report, first_seen, &mut self.finder, number, row)
        };
        match imported {
            Ok(Some((id, text))) => {
                self.figures = self.figures.saturating_add(1);
                // Only `…,ddd` can be: the fourth byte from the end a comma.
                let comma = text.len().checked_sub(4).map(|at| text.as_bytes()[at]);
                if comma == Some(b',')
                    && let Some(kind) = three_decimals(id, text)
                {
                    self.warnings.push(ImportWarning {
                        line: Some(number),
                        form: row.form,
                        stt: id.indicator().stt.to_owned(),
                        text: echo(text),
                        kind,
                    });
                }
            }
            Ok(None) => {}
            Err(problem) => {
                push(
                    &mut self.problems,
                    number,
                    row.form,
                    row.stt,
                    row.text,
                    problem,
                );
            }
        }
        true
    }
}

/// Reads the report metadata from the `#!` lines of a text; other lines are
/// ignored.
///
/// A metadata line is `#! key: value` (or `key = value`). Keys and values
/// are read case-insensitively and whatever the spacing:
///
/// | key | values |
/// |---|---|
/// | `body` (`đơn vị`, `cơ quan`) | the reporting body as it names itself |
/// | `level` (`cấp`) | `ministry`/`bộ`, `province`/`tỉnh`, `district`/`huyện`, `commune`/`xã` |
/// | `period` (`kỳ`, `kỳ báo cáo`) | a year and a term, in any order: `2023 q3`, `Q3/2023`, `quý III năm 2023`, `2024 half_year`, `6 tháng 2024`, `year 2023`, `năm 2023` |
/// | `template` (`mẫu`) | `581/BNV-CCHC/2022` |
/// | `departments` (`số sở, ngành`) | how many departments the body has, a whole number: its [reference count](crate::reference::Reference) |
/// | `districts` (`số đơn vị cấp huyện`, `số huyện`) | how many districts |
/// | `communes` (`số đơn vị cấp xã`, `số xã`) | how many communes |
///
/// What is not given stays not given (`None`, or an empty body).
///
/// # Errors
/// [`Error::Rows`] with a [`CellProblem::Metadata`] for every line not
/// understood, with its line number: an unknown key, a key given twice, a
/// value that is not a level, a period or the template.
///
/// # Example
/// ```
/// use cchc_forms::rows::read_meta;
/// use cchc_forms::{Level, Period, Term};
///
/// let meta = read_meta("#!Body:  UBND tỉnh  Bắc Giang\n#! PERIOD = Quý III năm 2023\n3\t1.4\t1.902\n")?;
/// assert_eq!(meta.body, "UBND tỉnh Bắc Giang");
/// assert_eq!(meta.period, Some(Period::new(2023, Term::Q3)));
/// assert_eq!(meta.level, None); // not given
/// assert!(read_meta("#! level: capital\n#! colour: red\n").unwrap_err().len() == 2);
/// let meta = read_meta("#! departments: 19\n#! districts: 10\n#! communes: 209\n")?;
/// assert_eq!(meta.reference, cchc_forms::Reference { departments: Some(19), districts: Some(10), communes: Some(209) });
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn read_meta(text: &str) -> Result<ReportMeta, Error> {
    read_meta_with(MetaReader::default(), text)
}

/// [`read_meta`] for a report of `template` (a template of one's own): a
/// `#! template:` line names it by its short name, and without one the
/// metadata is that template's.
///
/// # Errors
/// As [`read_meta`]; a `#! template:` line naming another template is
/// refused ([`MetaProblem::BadTemplate`]).
///
/// # Example
/// ```
/// use cchc_forms::{rows, TemplateVersion};
/// let template = TemplateVersion::Bnv581Of2022.template();
/// let meta = rows::read_meta_in(template, "#! template: 581/BNV-CCHC/2022\n")?;
/// assert_eq!(meta.template, TemplateVersion::Bnv581Of2022);
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn read_meta_in(template: &'static Template, text: &str) -> Result<ReportMeta, Error> {
    read_meta_with(MetaReader::of_template(template), text)
}

fn read_meta_with(mut meta: MetaReader, text: &str) -> Result<ReportMeta, Error> {
    if let Some(error) = too_large(text) {
        return Err(error);
    }
    // Labels, keys and names compare as a person reads them.
    let text = crate::decode::nfc(text);
    let text = text.as_ref();
    let mut problems = Problems::new();
    for (index, line) in text.lines().enumerate() {
        if problems.is_full() {
            break;
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(content) = line.strip_prefix("#!") {
            let number = index.saturating_add(1);
            if let Err(problem) = meta.line(number, content) {
                push(
                    &mut problems,
                    number,
                    0,
                    "",
                    line,
                    CellProblem::Metadata(problem),
                );
            }
        }
    }
    let meta = meta.finish(None, &mut problems);
    if problems.total() > 0 {
        Err(Error::Rows(problems))
    } else {
        Ok(meta)
    }
}

/// Reads `#!` lines one by one into metadata.
#[derive(Debug, Default)]
pub(crate) struct MetaReader {
    /// What was read so far.
    pub(crate) meta: ReportMeta,
    /// The template of one's own the report is read for, if any: the one
    /// template a `#! template:` line may name.
    own: Option<TemplateVersion>,
    /// The line of each key given so far: body, level, period, template,
    /// departments, districts, communes.
    seen: [Option<usize>; 7],
}

const META_KEYS: [&str; 7] = [
    "body",
    "level",
    "period",
    "template",
    "departments",
    "districts",
    "communes",
];

impl MetaReader {
    /// A reader of the metadata of a report of `template`.
    pub(crate) fn of_template(template: &'static Template) -> MetaReader {
        MetaReader {
            meta: ReportMeta {
                template: template.version(),
                ..ReportMeta::default()
            },
            own: Some(template.version()),
            seen: [None; 7],
        }
    }

    /// The line of the `#!` period, if one was read.
    pub(crate) fn period_line(&self) -> Option<usize> {
        self.seen[2]
    }

    /// The metadata read, or what its template refuses in it (a district
    /// level after 1 July 2025) added to `problems` at the line that gave
    /// the level. `period` stands in for a period not given by `#!` (the
    /// printed forms' title).
    pub(crate) fn finish(
        &self,
        period: Option<Period>,
        problems: &mut Problems<CellError>,
    ) -> ReportMeta {
        let mut meta = self.meta.clone();
        if meta.period.is_none() {
            meta.period = period;
        }
        let line = self.seen[1].or(self.seen[2]).unwrap_or(1);
        for problem in meta.problems() {
            push(problems, line, 0, "", "", CellProblem::Metadata(problem));
        }
        meta
    }

    /// Reads what follows the `#!` of line `number`.
    pub(crate) fn line(&mut self, number: usize, content: &str) -> Result<(), MetaProblem> {
        let separator =
            memchr::memchr2(b':', b'=', content.as_bytes()).ok_or(MetaProblem::NotKeyValue)?;
        let (key, value) = (&content[..separator], &content[separator + 1..]);
        let mut buffer = [0_u8; LOWER_BUFFER];
        let key_words = match ascii_lower(key, |b| matches!(b, b'_' | b'-'), &mut buffer) {
            Some(lower) => words(lower),
            None => Cow::Owned(words(&key.to_lowercase().replace(['_', '-'], " ")).into_owned()),
        };
        let slot = match key_words.as_ref() {
            "body" | "đơn vị" | "đơn vị báo cáo" | "cơ quan" | "reporting body" => 0,
            "level" | "cấp" | "cấp hành chính" => 1,
            "period" | "kỳ" | "kỳ báo cáo" | "reporting period" => 2,
            "template" | "mẫu" | "mẫu biểu" => 3,
            "departments" | "số sở, ngành" | "số sở ngành" | "số sở" => 4,
            "districts" | "số đơn vị cấp huyện" | "số huyện" => 5,
            "communes" | "số đơn vị cấp xã" | "số xã" => 6,
            "" => return Err(MetaProblem::NotKeyValue),
            _ => {
                return Err(MetaProblem::UnknownKey {
                    key: echo(key.trim()),
                });
            }
        };
        if let Some(first_line) = self.seen[slot] {
            return Err(MetaProblem::Repeated {
                key: META_KEYS[slot],
                first_line,
            });
        }
        let value = words(value);
        if value.is_empty() {
            return Err(MetaProblem::Empty {
                key: META_KEYS[slot],
            });
        }
        match slot {
            0 => self.meta.body = value.into_owned(),
            1 => self.meta.level = Some(parse_level(&value)?),
            2 => self.meta.period = Some(parse_period(&value)?),
            3 => self.meta.template = parse_template(&value, self.own)?,
            _ => {
                let kind = crate::reference::ReferenceCount::ALL[slot - 4];
                let count = crate::number::parse_count(&value)
                    .ok()
                    .and_then(|count| u32::try_from(count).ok())
                    .ok_or(MetaProblem::BadCount {
                        key: META_KEYS[slot],
                    })?;
                self.meta.reference.set(kind, Some(count));
            }
        }
        self.seen[slot] = Some(number);
        Ok(())
    }
}

/// The words of `text` joined by single spaces: `text` itself, trimmed,
/// when they already are.
fn words(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim();
    // No white space but single spaces between words.
    let mut space_before = false;
    let mut single = |space: bool, plain_space: bool| {
        let fine = !space || (plain_space && !space_before);
        space_before = space;
        fine
    };
    let single_spaced = if trimmed.is_ascii() {
        // `char::is_whitespace` of ASCII, byte by byte.
        let white = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        trimmed.bytes().all(|b| single(white(b), b == b' '))
    } else {
        trimmed.chars().all(|c| single(c.is_whitespace(), c == ' '))
    };
    if single_spaced {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// The room for a metadata key or value in lower case on the stack.
const LOWER_BUFFER: usize = 64;

/// An ASCII `text` in lower case with each byte `spaces` picks made a space,
/// written in `buffer`: what `text.to_lowercase().replace(spaces, " ")`
/// gives, without allocating. `None` when `text` is not ASCII or does not
/// fit.
fn ascii_lower<'b>(
    text: &str,
    spaces: impl Fn(u8) -> bool,
    buffer: &'b mut [u8; LOWER_BUFFER],
) -> Option<&'b str> {
    if !text.is_ascii() {
        return None;
    }
    let lower = buffer.get_mut(..text.len())?;
    for (slot, &byte) in lower.iter_mut().zip(text.as_bytes()) {
        *slot = if spaces(byte) {
            b' '
        } else {
            byte.to_ascii_lowercase()
        };
    }
    std::str::from_utf8(lower).ok()
}

/// A level of government, in English or Vietnamese, any case.
///
/// # Errors
/// [`MetaProblem::BadLevel`].
fn parse_level(value: &str) -> Result<Level, MetaProblem> {
    let mut buffer = [0_u8; LOWER_BUFFER];
    let lower = match ascii_lower(value, |b| matches!(b, b'_' | b'-'), &mut buffer) {
        Some(lower) => Cow::Borrowed(lower),
        None => Cow::Owned(value.to_lowercase().replace(['_', '-'], " ")),
    };
    let lower = lower.strip_prefix("cấp ").unwrap_or(&lower).trim();
    match lower {
        "ministry" | "bộ" | "bộ, ngành" | "ngành" => Ok(Level::Ministry),
        "province" | "provincial" | "tỉnh" => Ok(Level::Province),
        "district" | "huyện" => Ok(Level::District),
        "commune" | "xã" => Ok(Level::Commune),
        _ => Err(MetaProblem::BadLevel),
    }
}

/// The template: the one the report is read for (`own`, by its short name),
/// else 581, the one this crate ships.
fn parse_template(
    value: &str,
    own: Option<TemplateVersion>,
) -> Result<TemplateVersion, MetaProblem> {
    let lower = value.to_lowercase();
    if let Some(own) = own.filter(|&own| own != TemplateVersion::Bnv581Of2022) {
        return if lower == own.name().to_lowercase() {
            Ok(own)
        } else {
            Err(MetaProblem::BadTemplate)
        };
    }
    if lower.starts_with("581") && (lower == "581" || lower.contains("bnv")) {
        Ok(TemplateVersion::Bnv581Of2022)
    } else {
        Err(MetaProblem::BadTemplate)
    }
}

/// A period: a year (four digits) and a term, in any order, in English or
/// Vietnamese.
///
/// # Errors
/// [`MetaProblem::BadPeriod`], or [`MetaProblem::NotAReportPeriod`] for
/// the second or fourth quarter.
pub(crate) fn parse_period(value: &str) -> Result<Period, MetaProblem> {
    const SPACES: [char; 7] = ['/', '-', '_', ',', '.', '(', ')'];
    let mut buffer = [0_u8; LOWER_BUFFER];
    if let Some(lower) = ascii_lower(
        value,
        |b| matches!(b, b'/' | b'-' | b'_' | b',' | b'.' | b'(' | b')'),
        &mut buffer,
    ) {
        // The words other than the year joined, on the stack; no `năm`
        // in ASCII.
        let year = period_year(lower)?;
        let mut joined = [0_u8; LOWER_BUFFER];
        let mut length = 0_usize;
        for token in lower
            .split_whitespace()
            .filter(|token| token.parse::<u16>().ok() != Some(year))
        {
            let separator: &[u8] = if length == 0 { b"" } else { b" " };
            for &byte in separator.iter().chain(token.as_bytes()) {
                // No longer than `lower`, whose words these are.
                *joined.get_mut(length).ok_or(MetaProblem::BadPeriod)? = byte;
                length += 1;
            }
        }
        let rest = std::str::from_utf8(&joined[..length]).map_err(|_| MetaProblem::BadPeriod)?;
        return period_of(year, rest);
    }
    let lower = value.to_lowercase().replace(SPACES, " ");
    let year = period_year(&lower)?;
    let mut rest: Vec<&str> = lower
        .split_whitespace()
        .filter(|token| token.parse::<u16>().ok() != Some(year))
        .collect();
    // "quý III năm 2023": năm joins the term to the year.
    if rest.len() > 1 {
        rest.retain(|token| *token != "năm");
    }
    period_of(year, &rest.join(" "))
}

/// The one year (four digits) among the words of `lower`.
///
/// # Errors
/// [`MetaProblem::BadPeriod`] without a year or with several,
/// [`MetaProblem::YearOutOfRange`].
fn period_year(lower: &str) -> Result<u16, MetaProblem> {
    let mut years = lower
        .split_whitespace()
        .filter(|token| token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|token| token.parse::<u16>().ok());
    let (Some(year), None) = (years.next(), years.next()) else {
        return Err(MetaProblem::BadPeriod);
    };
    if !crate::limits::REPORT_YEARS.contains(&year) {
        return Err(MetaProblem::YearOutOfRange { year });
    }
    Ok(year)
}

/// The period of `year` whose term is the words `rest` (the period's
/// other words, in lower case, joined by single spaces).
fn period_of(year: u16, rest: &str) -> Result<Period, MetaProblem> {
    let term = match rest {
        "q1" | "quý i" | "quý 1" | "quarter 1" | "i" => Term::Q1,
        "q3" | "quý iii" | "quý 3" | "quarter 3" | "iii" => Term::Q3,
        "half year" | "halfyear" | "h1" | "6m" | "6 tháng" | "6 tháng đầu" | "sáu tháng"
        | "sáu tháng đầu" => Term::HalfYear,
        "year" | "năm" | "annual" | "cả năm" | "fy" => Term::Year,
        "q2" | "quý ii" | "quý 2" | "quarter 2" | "q4" | "quý iv" | "quý 4" | "quarter 4" => {
            return Err(MetaProblem::NotAReportPeriod);
        }
        _ => return Err(MetaProblem::BadPeriod),
    };
    Ok(Period::new(year, term))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bnv581::{RowKind, lookup};

    #[test]
    fn from_bytes_as_from_text() {
        use unicode_normalization::UnicodeNormalization;
        let tsv = crate::samples::BAC_GIANG_2023_Q3_TSV;
        let read = read_tsv(tsv).expect("the sample reads");
        let decomposed: String = tsv.nfd().collect();
        for bytes in [tsv.as_bytes(), decomposed.as_bytes()] {
            assert_eq!(read_tsv_bytes(bytes).expect("reads"), read);
        }
        let Err(Error::Encoding(_)) = read_tsv_bytes(b"1\t1\t5\xf4\n") else {
            panic!("Windows-1258 read");
        };
    }

    #[test]
    fn periods_in_many_spellings() {
        let q3 = Ok(Period::new(2023, Term::Q3));
        for text in [
            "2023 q3",
            "Q3 2023",
            "q3/2023",
            "2023-Q3",
            "Quý III năm 2023",
            "quý 3 năm 2023",
            "  2023   Q3 ",
        ] {
            assert_eq!(parse_period(text), q3, "{text}");
        }
        let half = Ok(Period::new(2024, Term::HalfYear));
        for text in [
            "2024 half_year",
            "half-year 2024",
            "6 tháng đầu năm 2024",
            "H1 2024",
        ] {
            assert_eq!(parse_period(text), half, "{text}");
        }
        assert_eq!(parse_period("năm 2023"), Ok(Period::new(2023, Term::Year)));
        assert_eq!(parse_period("2023 YEAR"), Ok(Period::new(2023, Term::Year)));
        assert_eq!(parse_period("Q1 2022"), Ok(Period::new(2022, Term::Q1)));
        assert_eq!(
            parse_period("quý IV năm 2023"),
            Err(MetaProblem::NotAReportPeriod)
        );
        assert_eq!(parse_period("2023 q2"), Err(MetaProblem::NotAReportPeriod));
        for bad in ["2023", "q3", "2023 2024 q3", "2023 q5", "last year"] {
            assert_eq!(parse_period(bad), Err(MetaProblem::BadPeriod), "{bad}");
        }
        // A year outside the report years is named as such.
        assert_eq!(
            parse_period("1850 q3"),
            Err(MetaProblem::YearOutOfRange { year: 1850 })
        );
    }

    /// [`parse_period`] as it was written first, through lower-case
    /// copies: the reading on the stack must agree with it.
    fn period_through_copies(value: &str) -> Result<Period, MetaProblem> {
        let lower = value
            .to_lowercase()
            .replace(['/', '-', '_', ',', '.', '(', ')'], " ");
        let tokens: Vec<&str> = lower.split_whitespace().collect();
        let years: Vec<u16> = tokens
            .iter()
            .filter(|token| token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()))
            .filter_map(|token| token.parse().ok())
            .collect();
        let [year] = years[..] else {
            return Err(MetaProblem::BadPeriod);
        };
        if !crate::limits::REPORT_YEARS.contains(&year) {
            return Err(MetaProblem::YearOutOfRange { year });
        }
        let mut rest: Vec<&str> = tokens
            .iter()
            .copied()
            .filter(|token| token.parse::<u16>().ok() != Some(year))
            .collect();
        if rest.len() > 1 {
            rest.retain(|token| *token != "năm");
        }
        period_of(year, &rest.join(" "))
    }

    #[test]
    fn periods_read_on_the_stack_as_through_copies() {
        let terms = [
            "Q3",
            "q1",
            "quý III",
            "quý 2",
            "half_year",
            "Half-Year",
            "H1",
            "6 tháng đầu",
            "YEAR",
            "năm",
            "cả năm",
            "fy",
            "q5",
            "",
            "+2023",
            "02023",
            "q3 q3",
        ];
        let years = ["2023", "1850", "2023 2024", "", "(2023)", "+2023"];
        let mut compared = 0;
        for term in terms {
            for year in years {
                for joined in [
                    format!("{term} {year}"),
                    format!("{year}/{term}"),
                    format!("  {year} ,  {term}. "),
                    format!("{term} năm {year}"),
                    format!("{}{year}", "x".repeat(60)),
                ] {
                    assert_eq!(
                        parse_period(&joined),
                        period_through_copies(&joined),
                        "{joined:?}"
                    );
                    compared += 1;
                }
            }
        }
        assert_eq!(compared, 17 * 6 * 5);
    }

    #[test]
    fn words_borrow_what_is_single_spaced() {
        assert!(matches!(
            words("  UBND tỉnh Bắc Giang "),
            Cow::Borrowed("UBND tỉnh Bắc Giang")
        ));
        for (text, joined) in [
            ("UBND  tỉnh\tBắc Giang", "UBND tỉnh Bắc Giang"),
            ("a\u{a0}b", "a b"),
        ] {
            assert!(matches!(words(text), Cow::Owned(_)), "{text:?}");
            assert_eq!(words(text), joined);
        }
        assert_eq!(words("\u{2003} \n"), "");
        for text in ["a\u{b}b", "a \u{c}b", "a\rb", "a  b", "tỉnh\u{3000}Bắc"] {
            assert!(matches!(words(text), Cow::Owned(_)), "{text:?}");
        }
        assert!(matches!(words(" a b "), Cow::Borrowed("a b")));
    }

    #[test]
    fn plain_rows_read_as_lines_and_tsv_line_read_them() {
        let lines = [
            "1\t2.1\t56",
            "1\t2.1\t56\r",
            "1\t2.1\t56\r\r",
            "1\t2.1\t\r",
            "1\t2.1\t",
            "1\t2.1",
            "1\t\t5",
            "12\t1\t5",
            "1\t2.1\t5\tghi chú",
            "1\t2.1\t\t5",
            "1\t2.1\t 5 ",
            "1\t2,1\t5",
            "1\t2.1\tnhiều\u{a0}chữ",
            "#! period: 2023 q3",
            "# 1\t2\t3",
            "",
            "\r",
        ];
        let mut plain = 0;
        for line in lines {
            for ending in ["\n", "\r\n", ""] {
                let text = format!("{line}{ending}9\t1\t1\n");
                let cut: Vec<&str> = crate::decode::lines(&text).collect();
                let Some((row, read, next)) = plain_row(&text, 0) else {
                    continue;
                };
                plain += 1;
                assert_eq!(read, cut[0], "{text:?}");
                assert!(
                    matches!(tsv_line(read), TsvLine::Row(given) if given == row),
                    "{text:?}"
                );
                let rest: Vec<&str> = crate::decode::lines(&text[next..]).collect();
                assert_eq!(rest, cut[1..], "{text:?}");
            }
        }
        // Without an ending a line runs into the next one's tabs. Plain:
        // `56` ended by `\n` and `\r\n`; `56\r` by `\n`; the empty value,
        // ` 5 ` and the Vietnamese words each by `\n` and `\r\n`, the empty
        // value with its `\r` by `\n`; the empty STT and the STT `2,1`
        // (any STT, told unknown later) by `\n` and `\r\n`; and the empty
        // line without an ending, which leaves the next row alone.
        assert_eq!(plain, 2 + 1 + 2 + 1 + 2 + 2 + 2 + 2 + 1, "{plain}");
    }

    #[test]
    fn the_expected_row_reads_as_a_plain_row_found() {
        let template = TemplateVersion::Bnv581Of2022.template();
        let mut read = 0;
        for (index, indicator) in template.catalogue.indicators.iter().enumerate() {
            let (form, stt) = (indicator.form, indicator.stt);
            for (line, expected) in [
                (format!("{form}\t{stt}\t5\n"), true),
                (format!("{form}\t{stt}.\t 5,5\r\n"), true),
                (format!("{form}\t{stt}..\t5\n"), false),
                (format!("{form}\t{stt}1\t5\n"), false),
                (format!("{form}\t{stt}\t5\tghi chú\n"), false),
                (format!("{}\t{stt}\t5\n", form % 7 + 1), false),
            ] {
                // A finder that expects this indicator, as after the one before.
                let mut finder = RowFinder::new(template.catalogue);
                if index > 0 {
                    let before = &template.catalogue.indicators[index - 1];
                    finder.find(before.form, before.stt);
                }
                assert_eq!(finder.expected(), Some(indicator));
                let fast = expected_row(&line, 0, finder.expected());
                assert_eq!(fast.is_some(), expected, "{line:?}");
                let Some((row, cut, next)) = fast else {
                    continue;
                };
                read += 1;
                assert_eq!(Some((row, cut, next)), plain_row(&line, 0), "{line:?}");
                let mut other = RowFinder::new(template.catalogue);
                if index > 0 {
                    let before = &template.catalogue.indicators[index - 1];
                    other.find(before.form, before.stt);
                }
                assert_eq!(finder.take_expected(), other.find(row.form, row.stt));
                assert_eq!(finder.expected(), other.expected(), "{line:?}");
            }
        }
        assert_eq!(read, 2 * template.catalogue.indicators.len());
    }

    #[test]
    fn three_decimals_are_told_on_decimal_cells_only() {
        let amount = CellId::of(6, "1.1"); // million VND
        let rate = CellId::of(3, "3.1"); // a percentage
        let count = CellId::of(3, "3.1.1");
        let english = |text: &str| {
            Some(WarningKind::ThreeDecimals {
                english: text.to_owned(),
            })
        };
        assert_eq!(three_decimals(amount, "8,007"), english("8.007"));
        assert_eq!(three_decimals(amount, " -12,500\t"), english("-12.500"));
        assert_eq!(three_decimals(rate, "100,000"), english("100.000"));
        for text in [
            "8,07",
            "8,0070",
            "0,007",
            "1234,567",
            "1.008,007",
            ",007",
            "8,00x",
        ] {
            assert_eq!(three_decimals(amount, text), None, "{text:?}");
        }
        assert_eq!(three_decimals(count, "8,007"), None);
    }

    #[test]
    fn the_finder_finds_what_lookup_finds_in_any_order() {
        let template = TemplateVersion::Bnv581Of2022.template();
        // Which of an indicator and a heading is looked for first does not
        // matter: no heading stands where an indicator does.
        for heading in template.catalogue.headings {
            assert_eq!(
                template.cell(heading.form, heading.stt),
                None,
                "{heading:?}"
            );
        }
        let mut rows: Vec<(u8, String)> = Vec::new();
        for indicator in template.catalogue.indicators {
            rows.push((indicator.form, indicator.stt.to_owned()));
            rows.push((indicator.form, format!(" {}. ", indicator.stt)));
        }
        for heading in template.catalogue.headings {
            rows.push((heading.form, format!("{}.", heading.stt)));
        }
        // One trailing dot is taken off, not two.
        rows.extend([(2, "1.1..".to_owned()), (1, "3..".to_owned())]);
        rows.extend([
            (1, "99".to_owned()),
            (8, "1".to_owned()),
            (0, String::new()),
        ]);
        let forward = rows.clone();
        let reversed: Vec<_> = rows.iter().rev().cloned().collect();
        let mut shuffled = rows.clone();
        shuffled.sort_by_key(|(form, stt)| (stt.len() % 3, *form));
        for order in [forward, reversed, shuffled] {
            let mut finder = RowFinder::new(template.catalogue);
            for (form, stt) in &order {
                let found = match finder.find(*form, stt) {
                    Some(Found::Indicator(id, row)) => {
                        assert_eq!(row, id.row_in_form(), "{form} {stt:?}");
                        Some(RowKind::Indicator(id))
                    }
                    Some(Found::Heading(heading)) => Some(RowKind::Heading(heading)),
                    None => None,
                };
                assert_eq!(found, lookup(*form, stt), "{form} {stt:?}");
            }
        }
        assert!(lookup(1, "3.").is_some_and(|row| matches!(row, RowKind::Heading(_))));
    }

    #[test]
    fn levels_in_both_languages() {
        for (text, level) in [
            ("province", Level::Province),
            ("Province", Level::Province),
            (" PROVINCE ", Level::Province),
            ("tỉnh", Level::Province),
            ("cấp tỉnh", Level::Province),
            ("Ministry", Level::Ministry),
            ("huyện", Level::District),
            ("commune", Level::Commune),
            ("xã", Level::Commune),
        ] {
            assert_eq!(parse_level(text), Ok(level), "{text}");
        }
        assert_eq!(parse_level("capital"), Err(MetaProblem::BadLevel));
    }
}
