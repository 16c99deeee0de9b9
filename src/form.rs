//! Typed form tables: the machinery each form of a template with typed
//! forms (581's, in [`crate::bnv581`]) is written with.
//!
//! A form is written once as a `form_table!` invocation whose rows read
//! like the printed form: STT, field name, type (which gives the unit), the
//! printed "Lũy kế" flag, how the row behaves over time and how it adds up
//! across bodies, the Vietnamese label as printed and an English name. The
//! macro writes the form's struct with its documented fields, its
//! indicators and headings (from which the catalogue is numbered), and the
//! accessors that read, write and parse each field by its position.

use crate::problem::CellProblem;
use crate::unit::Printed;

/// Reads a cell's value as the checks see it.
pub(crate) type Getter<F> = fn(&F) -> Option<Printed>;
/// Parses a cell's text into the form.
pub(crate) type Parser<F> = fn(&mut F, &str) -> Result<(), CellProblem>;
/// Sets a cell from a printed value (or blank).
pub(crate) type Setter<F> = fn(&mut F, Option<Printed>) -> Result<(), CellProblem>;
/// Reads a cell from a JSON value (`null` for blank); the error is serde's message.
pub(crate) type JsonReader<F> = fn(&mut F, &serde_json::Value) -> Result<(), String>;
/// Writes a cell the Vietnamese way.
pub(crate) type Writer<F> = fn(&F, &mut std::fmt::Formatter<'_>) -> Option<std::fmt::Result>;

/// A problem quoting the legend as the row prints it (a code row may print
/// its type's legend in another order).
pub(crate) fn with_legend(problem: CellProblem, legend: &'static str) -> CellProblem {
    match problem {
        CellProblem::NotInLegend { .. } => CellProblem::NotInLegend { legend },
        other => other,
    }
}

/// Whether a row's flags hold `cumulative` (a "Lũy kế" row).
macro_rules! cumulative_flag {
    () => {
        false
    };
    (cumulative $(, $rest:ident)*) => {
        true
    };
    (district $(, $rest:ident)*) => {
        $crate::form::cumulative_flag!($($rest),*)
    };
}

/// A row's applicability from its flags: `district` for a row that exists
/// only at district level, else always.
macro_rules! applicability {
    () => {
        $crate::template::Applicability::ALWAYS
    };
    (district $(, $rest:ident)*) => {
        $crate::template::WHILE_DISTRICTS_EXIST
    };
    (cumulative $(, $rest:ident)*) => {
        $crate::form::applicability!($($rest),*)
    };
}

/// What a weighted row is weighted by: `by Departments` (a reference
/// count) or `by row "4.1"` (another row of the form).
macro_rules! weight {
    () => {
        None
    };
    (row $stt:literal) => {
        Some($crate::catalogue::Weight::Row($stt))
    };
    ($kind:ident) => {
        Some($crate::catalogue::Weight::Reference(
            $crate::ReferenceCount::$kind,
        ))
    };
}

/// The printed unit of a row: its own when the row overrides it (a code
/// legend printed in another order), else its type's.
macro_rules! printed_unit {
    ($ty:ty) => {
        <$ty as $crate::unit::CellValue>::UNIT_VI
    };
    ($ty:ty, $unit:literal) => {
        $unit
    };
}

/// Writes one form: its struct, and the tables derived from its rows.
///
/// A row is `"STT" field: Type [flags] { PeriodClass, Aggregation } => "label as printed", "English name";`
/// (doc comments before it say why a row's classes are what they are), where
/// `{ PeriodClass, Aggregation }` names a [`PeriodClass`](crate::catalogue::PeriodClass)
/// and an [`Aggregation`](crate::catalogue::Aggregation) variant, the latter
/// followed by `by Departments` (a [`ReferenceCount`](crate::reference::ReferenceCount))
/// or `by row "4.1"` for a weighted row; the flags are `cumulative` for a "Lũy kế" row and `district` for a
/// row that exists only at district level (so only until 1 July 2025), and
/// `Type as "legend"` gives
/// the unit as printed for a code whose legend the form prints in another
/// order than its type's.
/// Headings come after the rows, as `"STT" => "label", "English"`.
macro_rules! form_table {
    (
        $(#[$doc:meta])*
        form $number:literal $Form:ident $key:literal {
            title: $title_vi:literal, $title_en:literal;
            rows {
                $(
                    $(#[doc = $row_doc:literal])*
                    $stt:literal $field:ident : $ty:ty
                    $(as $unit:literal)? $([$($flag:ident),+])?
                    { $period:ident, $aggregation:ident $(by $weight:ident $($weight_row:literal)?)? }
                    => $label_vi:literal, $name_en:literal;
                )*
            }
            headings {
                $( $h_stt:literal $([$h_flag:ident])? => $h_label_vi:literal, $h_name_en:literal; )*
            }
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        #[derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $Form {
            $(
                #[doc = concat!(
                    "**", $stt, "** ", $label_vi, " — ", $name_en, ".\n\n",
                    $("Unit as printed: `", $unit, "`. ",)?
                    $("Flags: ", $(stringify!($flag), " ",)+ "(`cumulative`: Lũy kế; `district`: only while districts exist, until 1 July 2025). ",)?
                    "`None` when blank.\n\n",
                    "Period class: `", stringify!($period), "`; aggregation: `", stringify!($aggregation), "`",
                    $(" by `", stringify!($weight), "` ", $($weight_row,)?)?
                    ".",
                )]
                $(#[doc = ""] #[doc = $row_doc])*
                pub $field: Option<$ty>,
            )*
        }

        impl $Form {
            /// The form's number.
            pub const NUMBER: u8 = $number;

            /// The form's identity, indicators and headings.
            pub const INFO: $crate::catalogue::FormInfo = $crate::catalogue::FormInfo {
                catalogue: $crate::catalogue::CatalogueRef::UNNUMBERED,
                number: $number,
                key: $key,
                title_vi: $title_vi,
                title_en: $title_en,
            };

            /// The form's indicators in row order, before they are numbered
            /// in [`crate::bnv581::CATALOGUE`].
            pub(crate) const INDICATORS: &'static [$crate::catalogue::Indicator] = &[
                $(
                    $crate::catalogue::Indicator {
                        id: $crate::catalogue::CellId::PLACEHOLDER,
                        form: $number,
                        stt: $stt,
                        key: stringify!($field),
                        label_vi: $label_vi,
                        name_en: $name_en,
                        unit_vi: $crate::form::printed_unit!($ty $(, $unit)?),
                        unit_en: <$ty as $crate::unit::CellValue>::UNIT_EN,
                        kind: <$ty as $crate::unit::CellValue>::KIND,
                        cumulative: $crate::form::cumulative_flag!($($($flag),+)?),
                        period: $crate::catalogue::PeriodClass::$period,
                        aggregation: $crate::catalogue::Aggregation::$aggregation,
                        weight: $crate::form::weight!($($weight $($weight_row)?)?),
                        applies: $crate::form::applicability!($($($flag),+)?),
                        inapplicable_rule: concat!("not_applicable:", $number, "/", $stt),
                    },
                )*
            ];

            /// The form's headings in row order.
            pub(crate) const HEADINGS: &'static [$crate::catalogue::Heading] = &[
                $(
                    $crate::catalogue::Heading {
                        form: $number,
                        stt: $h_stt,
                        label_vi: $h_label_vi,
                        name_en: $h_name_en,
                        cumulative: $crate::form::cumulative_flag!($($h_flag)?),
                    },
                )*
            ];

            /// Reads each cell as the checks see it, by row.
            pub(crate) const GET: &'static [$crate::form::Getter<Self>] = &[
                $(|form| form.$field.map($crate::unit::CellValue::printed),)*
            ];

            /// Parses each cell's text, by row.
            pub(crate) const PARSE: &'static [$crate::form::Parser<Self>] = &[
                $(|form, text| {
                    let value = <$ty as $crate::unit::CellValue>::parse_cell(text)
                        .map_err(|problem| $crate::form::with_legend(problem, $crate::form::printed_unit!($ty $(, $unit)?)))?;
                    form.$field = Some(value);
                    Ok(())
                },)*
            ];

            /// Sets each cell from a printed value, by row.
            pub(crate) const SET: &'static [$crate::form::Setter<Self>] = &[
                $(|form, value| {
                    form.$field = match value {
                        Some(value) => Some(
                            <$ty as $crate::unit::CellValue>::from_printed(value)
                                .map_err(|problem| $crate::form::with_legend(problem, $crate::form::printed_unit!($ty $(, $unit)?)))?,
                        ),
                        None => None,
                    };
                    Ok(())
                },)*
            ];

            /// Reads each cell from a JSON value, by row.
            pub(crate) const FROM_JSON: &'static [$crate::form::JsonReader<Self>] = &[
                $(|form, value| {
                    form.$field = <Option<$ty> as serde::Deserialize>::deserialize(value).map_err(|error| {
                        // A code row quotes the legend as its form prints it.
                        error.to_string().replace(
                            <$ty as $crate::unit::CellValue>::UNIT_VI,
                            $crate::form::printed_unit!($ty $(, $unit)?),
                        )
                    })?;
                    Ok(())
                },)*
            ];

            /// Writes each cell the Vietnamese way, by row (`None` when blank).
            pub(crate) const WRITE: &'static [$crate::form::Writer<Self>] = &[
                $(|form, out| form.$field.map(|value| $crate::unit::CellValue::write_cell(value, out)),)*
            ];

            /// Copies every cell, as the checks see it, into `out` (one slot per row).
            #[inline]
            pub(crate) fn read_all(&self, out: &mut [Option<$crate::unit::Printed>]) {
                let cells = [$(self.$field.map($crate::unit::CellValue::printed)),*];
                out.copy_from_slice(&cells);
            }

            /// Hands every cell, typed, to `sink`, numbered from `at` (one
            /// position per row).
            #[inline]
            pub(crate) fn visit_cells<S: $crate::form::CellSink>(&self, sink: &mut S, at: usize) {
                let mut index = at;
                $(
                    sink.put(index, self.$field);
                    index += 1;
                )*
                let _ = index;
            }
        }
    };
}

/// Receives a form's cells, typed, by position (what
/// `visit_cells` hands over): how the checks take a compact copy of a
/// report without the forms knowing its layout.
pub(crate) trait CellSink {
    /// Receives the cell at `index`.
    fn put<T: crate::unit::CellValue>(&mut self, index: usize, value: Option<T>);
}

pub(crate) use {applicability, cumulative_flag, form_table, printed_unit, weight};
