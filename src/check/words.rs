//! The pieces findings' messages and rules' descriptions are written from.
//!
//! A message is written straight into where it goes (a `String`, a
//! formatter, a comparison with a string) piece by piece: the [`message!`]
//! macro puts each [`Piece`] in turn. Numbers go through the crate's one
//! number writer, [`NumberText`], in the separators of the message's
//! language.

use std::fmt;

use rust_decimal::Decimal;

use crate::catalogue::CellId;
use crate::finding::{Interval, Language, Wording};
use crate::number::{NumberText, Style};

/// A message: its pieces written one after the other, with no formatting
/// machinery.
macro_rules! message {
    ($out:expr; $($piece:expr),* $(,)?) => {{
        let out: &mut dyn ::std::fmt::Write = $out;
        $( $crate::check::words::Piece::put(&$piece, out)?; )*
        Ok(())
    }};
}

pub(crate) use message;

/// A piece of a message, written straight into where the message goes.
pub(crate) trait Piece {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result;
}

impl Piece for &str {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(self)
    }
}

/// A form number or a code.
impl Piece for u8 {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        write!(
            out,
            "{}",
            NumberText::new(i128::from(*self), 0, Style::English)
        )
    }
}

/// The separators of a language.
pub(crate) fn style(language: Language) -> Style {
    match language {
        Language::English => Style::English,
        Language::Vietnamese => Style::Vietnamese,
    }
}

/// The STT of a cell.
pub(crate) fn stt(id: CellId) -> &'static str {
    id.indicator().stt
}

/// The form of a cell.
pub(crate) fn form_of(id: CellId) -> u8 {
    id.indicator().form
}

/// Whether a cell's name says its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormShown {
    /// `form 4 row 1.5`: a rule across forms.
    Named,
    /// `row 1.5`: the form is the finding's.
    Omitted,
}

impl FormShown {
    /// [`FormShown::Named`] for a rule across forms.
    pub(crate) const fn when(across: bool) -> FormShown {
        if across {
            FormShown::Named
        } else {
            FormShown::Omitted
        }
    }
}

/// A cell's name in a message: `row 1.5` (`mục 1.5`), or with its form
/// (`form 4 row 1.5`, `biểu 4 mục 1.5`). Never a bare STT, which reads like
/// a decimal (`1.4 = 1.902`).
#[derive(Clone, Copy)]
pub(crate) struct CellName(pub CellId, pub FormShown, pub Language);

impl Piece for CellName {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let indicator = self.0.indicator();
        match (self.1, self.2) {
            (FormShown::Omitted, Language::English) => out.write_str("row ")?,
            (FormShown::Omitted, Language::Vietnamese) => out.write_str("mục ")?,
            (FormShown::Named, Language::English) => {
                out.write_str("form ")?;
                indicator.form.put(out)?;
                out.write_str(" row ")?;
            }
            (FormShown::Named, Language::Vietnamese) => {
                out.write_str("biểu ")?;
                indicator.form.put(out)?;
                out.write_str(" mục ")?;
            }
        }
        out.write_str(indicator.stt)
    }
}

/// A cell's name at the start of a sentence: `Form 4 row 1.5`, `Biểu 4
/// mục 1.5`, `Row 1.5`, `Mục 1.5`.
#[derive(Clone, Copy)]
pub(crate) struct Capital(pub CellName);

impl Piece for Capital {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let CellName(id, with_form, language) = self.0;
        let indicator = id.indicator();
        out.write_str(match (with_form, language) {
            (FormShown::Omitted, Language::English) => "Row ",
            (FormShown::Omitted, Language::Vietnamese) => "Mục ",
            (FormShown::Named, Language::English) => "Form ",
            (FormShown::Named, Language::Vietnamese) => "Biểu ",
        })?;
        if with_form == FormShown::Named {
            indicator.form.put(out)?;
            out.write_str(match language {
                Language::English => " row ",
                Language::Vietnamese => " mục ",
            })?;
        }
        out.write_str(indicator.stt)
    }
}

/// A reported number as it was printed, every digit of its precision kept
/// (`100,00` stays `100,00`, so a clerk sees why it is read as more
/// precise than `100`): `-1234.50` in English, `-1.234,50` in Vietnamese.
#[derive(Clone, Copy)]
pub(crate) struct Number(pub Decimal, pub Language);

impl Piece for Number {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        write!(out, "{}", NumberText::decimal(self.0, style(self.1)))
    }
}

/// A computed number, without trailing zeros: `-1234.5` in English,
/// `-1.234,5` in Vietnamese.
#[derive(Clone, Copy)]
pub(crate) struct Computed(pub Decimal, pub Language);

impl Piece for Computed {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        write!(out, "{}", NumberText::trimmed(self.0, style(self.1)))
    }
}

/// A reported value as printed, and for a code its meaning in the legend:
/// `0 (Trực tuyến)`, `0 (online)`.
#[derive(Clone, Copy)]
pub(crate) struct Value(pub CellId, pub Decimal, pub Language);

impl Piece for Value {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        Number(self.1, self.2).put(out)?;
        if let Some(meaning) = meaning(self.0, self.1, self.2) {
            out.write_str(" (")?;
            out.write_str(meaning)?;
            out.write_str(")")?;
        }
        Ok(())
    }
}

/// What a code means in its row's legend, if the row holds codes and the
/// value is one of them.
pub(crate) fn meaning(id: CellId, value: Decimal, language: Language) -> Option<&'static str> {
    let crate::unit::ValueKind::Code { legend } = id.indicator().kind else {
        return None;
    };
    let entry = legend
        .iter()
        .find(|entry| value.fract().is_zero() && Decimal::from(entry.code) == value)?;
    Some(match language {
        Language::English => entry.label_en,
        Language::Vietnamese => entry.label_vi,
    })
}

/// A whole number (a bound's limit).
#[derive(Clone, Copy)]
pub(crate) struct Whole(pub i64, pub Language);

impl Piece for Whole {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        write!(
            out,
            "{}",
            NumberText::new(i128::from(self.0), 0, style(self.1))
        )
    }
}

/// A number, or `?` when unknown.
#[derive(Clone, Copy)]
pub(crate) struct OptNumber(pub Option<Decimal>, pub Language);

impl Piece for OptNumber {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        match self.0 {
            Some(value) => Computed(value, self.1).put(out),
            None => out.write_char('?'),
        }
    }
}

/// An interval, ` [low, high]` in English and ` [low; high]` in Vietnamese
/// (with the leading space when the flag says so); nothing when unknown.
#[derive(Clone, Copy)]
pub(crate) struct IntervalText(pub Option<Interval>, pub Language, pub bool);

impl Piece for IntervalText {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let Some(interval) = self.0 else {
            return Ok(());
        };
        if self.2 {
            out.write_char(' ')?;
        }
        out.write_char('[')?;
        Computed(interval.low, self.1).put(out)?;
        out.write_str(list_separator(self.1))?;
        Computed(interval.high, self.1).put(out)?;
        out.write_char(']')
    }
}

/// `, ` in English, `; ` in Vietnamese (where `,` is the decimal comma).
pub(crate) fn list_separator(language: Language) -> &'static str {
    match language {
        Language::English => ", ",
        Language::Vietnamese => "; ",
    }
}

/// The parts' total: their sum when it is exact, else the interval it lies in.
#[derive(Clone, Copy)]
pub(crate) struct Total(pub Option<Decimal>, pub Option<Interval>, pub Language);

impl Piece for Total {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        match self.0 {
            Some(total) => Computed(total, self.2).put(out),
            None => IntervalText(self.1, self.2, false).put(out),
        }
    }
}

/// `Form 3: `, or nothing for a rule across forms.
#[derive(Clone, Copy)]
pub(crate) struct Prefix(pub Option<u8>, pub Language);

impl Piece for Prefix {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        if let Some(form) = self.0 {
            out.write_str(match self.1 {
                Language::English => "Form ",
                Language::Vietnamese => "Biểu ",
            })?;
            form.put(out)?;
            out.write_str(": ")?;
        }
        Ok(())
    }
}

/// `Form 3, row 3.1` or `Biểu 3, mục 3.1`.
#[derive(Clone, Copy)]
pub(crate) struct Row(pub CellId, pub Language);

impl Piece for Row {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        match self.1 {
            Language::English => out.write_str("Form ")?,
            Language::Vietnamese => out.write_str("Biểu ")?,
        }
        form_of(self.0).put(out)?;
        match self.1 {
            Language::English => out.write_str(", row ")?,
            Language::Vietnamese => out.write_str(", mục ")?,
        }
        out.write_str(stt(self.0))
    }
}

/// A number between two words, or nothing when unknown: ` (imbalance 6)`.
#[derive(Clone, Copy)]
pub(crate) struct Labelled(
    pub &'static str,
    pub Option<Decimal>,
    pub &'static str,
    pub Language,
);

impl Piece for Labelled {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        if let Some(value) = self.1 {
            out.write_str(self.0)?;
            Computed(value, self.3).put(out)?;
            out.write_str(self.2)?;
        }
        Ok(())
    }
}

/// Something between two words when the flag is set, else nothing.
#[derive(Clone, Copy)]
pub(crate) struct Unless<T>(pub bool, pub &'static str, pub T, pub &'static str);

impl<T: Piece> Piece for Unless<T> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        if self.0 {
            out.write_str(self.1)?;
            self.2.put(out)?;
            out.write_str(self.3)?;
        }
        Ok(())
    }
}

/// The names of some cells, joined by a separator (with their forms when
/// the flag says so).
#[derive(Clone, Copy)]
pub(crate) struct Names<'a>(pub &'a [CellId], pub &'static str, pub bool, pub Language);

impl Piece for Names<'_> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        for (index, &id) in self.0.iter().enumerate() {
            if index > 0 {
                out.write_str(self.1)?;
            }
            CellName(id, FormShown::when(self.2), self.3).put(out)?;
        }
        Ok(())
    }
}

/// The terms of a sum in a message: the parts of a rule (its cells after
/// the first), as reported, blank, or absent for the period.
#[derive(Clone, Copy)]
pub(crate) struct Terms<'a> {
    pub ids: &'a [CellId],
    pub wording: &'a Wording,
    pub across: bool,
    pub language: Language,
}

/// Which list of [`Terms`] to write.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermList {
    /// The reported parts' names, joined by ` + `.
    Names,
    /// The reported parts' values, joined by ` + `.
    Figures,
    /// The blank parts' names, joined by `, `.
    Blanks,
}

impl Terms<'_> {
    /// The value of the part at `index`, `None` when blank or absent.
    fn value(self, index: usize) -> Option<Decimal> {
        self.wording.get(index + 1)
    }

    fn absent(self, index: usize) -> bool {
        self.wording.is_absent(index + 1)
    }

    /// How many parts that apply are reported (not blank).
    pub(crate) fn reported(self) -> usize {
        (0..self.ids.len())
            .filter(|&index| !self.absent(index) && self.value(index).is_some())
            .count()
    }

    /// Whether a part that applies is blank.
    pub(crate) fn has_blanks(self) -> bool {
        (0..self.ids.len()).any(|index| !self.absent(index) && self.value(index).is_none())
    }
}

/// A list of [`Terms`], written into a message.
#[derive(Clone, Copy)]
pub(crate) struct TermsText<'a>(pub Terms<'a>, pub TermList);

impl Piece for TermsText<'_> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let TermsText(terms, list) = *self;
        let mut first = true;
        for (index, &id) in terms.ids.iter().enumerate() {
            if terms.absent(index) {
                continue;
            }
            let reported = terms.value(index);
            if reported.is_some() == (list == TermList::Blanks) {
                continue;
            }
            if !first {
                out.write_str(if list == TermList::Blanks {
                    ", "
                } else {
                    " + "
                })?;
            }
            first = false;
            match (list, reported) {
                (TermList::Figures, Some(v)) => Number(v, terms.language).put(out)?,
                _ => CellName(id, FormShown::when(terms.across), terms.language).put(out)?,
            }
        }
        Ok(())
    }
}

/// The range of a bound: `[min, max]` in English, `[min; max]` in
/// Vietnamese, an open side written `−∞` or `+∞`.
#[derive(Clone, Copy)]
pub(crate) struct Range(pub Option<i64>, pub Option<i64>, pub Language);

impl Piece for Range {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str("[")?;
        match self.0 {
            Some(limit) => Whole(limit, self.2).put(out)?,
            None => out.write_str("−∞")?,
        }
        out.write_str(list_separator(self.2))?;
        match self.1 {
            Some(limit) => Whole(limit, self.2).put(out)?,
            None => out.write_str("+∞")?,
        }
        out.write_str("]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::VietnameseDecimal;

    fn text(piece: &impl Piece) -> String {
        let mut out = String::new();
        piece.put(&mut out).unwrap();
        out
    }

    #[test]
    fn numbers_print_as_decimal_and_vietnamese_decimal_do() {
        let mut values = vec![
            Decimal::ZERO,
            Decimal::new(0, 3),
            Decimal::new(5, 2),
            Decimal::new(-5, 2),
            Decimal::new(1896, 0),
            Decimal::new(993, 1),
            Decimal::new(99_300, 3),
            Decimal::new(8_007_000, 0),
            Decimal::new(-12_345_675, 2),
            Decimal::new(999_999, 6),
            Decimal::new(1, 28),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::from_i128_with_scale(-(i128::from(u64::MAX) * 1000), 28),
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..5_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mantissa = i128::from(state >> (state % 64)) << (state % 96 % 32);
            let sign = if state % 3 == 0 { -1 } else { 1 };
            let scale = u32::try_from(state % 29).unwrap();
            values.push(Decimal::from_i128_with_scale(sign * mantissa, scale));
        }
        for value in values {
            // Computed: without trailing zeros.
            let en = text(&Computed(value, Language::English));
            assert_eq!(en, value.normalize().to_string(), "{value:?}");
            let vi = text(&Computed(value, Language::Vietnamese));
            assert_eq!(vi, VietnameseDecimal(value.normalize()).to_string());
            // Reported: every printed digit.
            let en = text(&Number(value, Language::English));
            assert_eq!(en, value.to_string(), "{value:?}");
            let vi = text(&Number(value, Language::Vietnamese));
            assert_eq!(vi, VietnameseDecimal(value).to_string());
        }
    }

    #[test]
    fn names_of_cells() {
        let id = CellId::of(4, "1.5");
        assert_eq!(
            text(&CellName(id, FormShown::Omitted, Language::English)),
            "row 1.5"
        );
        assert_eq!(
            text(&CellName(id, FormShown::Omitted, Language::Vietnamese)),
            "mục 1.5"
        );
        assert_eq!(
            text(&Capital(CellName(id, FormShown::Named, Language::English))),
            "Form 4 row 1.5"
        );
        assert_eq!(
            text(&CellName(id, FormShown::Named, Language::English)),
            "form 4 row 1.5"
        );
        assert_eq!(
            text(&CellName(id, FormShown::Named, Language::Vietnamese)),
            "biểu 4 mục 1.5"
        );
        assert_eq!(text(&Row(id, Language::Vietnamese)), "Biểu 4, mục 1.5");
        assert_eq!(
            text(&Range(Some(-1_000), None, Language::Vietnamese)),
            "[-1.000; +∞]"
        );
    }
}
