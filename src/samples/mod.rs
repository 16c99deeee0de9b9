//! Reports that ship with the crate, for docs, examples, tests and a first run.

use crate::bnv581::Report;
use crate::catalogue::CellId;
use crate::meta::ReportMeta;
use crate::period::{Level, Period, Term};
use crate::rows::parse_tsv;
use crate::unit::Printed;

/// The seven forms of the Bắc Giang province report for Q3/2023, as rows of
/// `form<TAB>stt<TAB>value`, transcribed from the source document (values
/// and STTs as printed; blank cells empty).
pub const BAC_GIANG_2023_Q3_TSV: &str = include_str!("bac_giang_2023_q3.tsv");

/// The metadata of the Bắc Giang Q3/2023 report.
#[must_use]
pub fn bac_giang_2023_q3_meta() -> ReportMeta {
    ReportMeta::new(
        "UBND tỉnh Bắc Giang",
        Level::Province,
        Period::new(2023, Term::Q3),
    )
}

/// The Bắc Giang province report for Q3/2023: Báo cáo kết quả công tác cải
/// cách hành chính Quý III năm 2023, under Công văn 581/BNV-CCHC.
///
/// Built from [`BAC_GIANG_2023_Q3_TSV`] through the rows importer.
///
/// # Panics
/// Never: the embedded rows are valid, which the crate's tests check.
///
/// # Example
/// ```
/// use cchc_forms::samples;
/// let report = samples::bac_giang_2023_q3();
/// assert_eq!(report.meta.body, "UBND tỉnh Bắc Giang");
/// assert_eq!(report.form1.survey_forms.map(|c| c.get()), Some(1420));
/// assert_eq!(report.form7.partly_online_dossiers_rate.map(|p| p.to_string()).as_deref(), Some("83,43"));
/// ```
#[must_use]
pub fn bac_giang_2023_q3() -> Report {
    parse_tsv(BAC_GIANG_2023_Q3_TSV)
        .and_then(|rows| Report::from_rows(bac_giang_2023_q3_meta(), rows))
        .expect("the embedded Bắc Giang sample is valid")
}

/// The Bắc Giang sample made consistent, so that every check passes and
/// validation finds nothing: the reference clean report that benchmarks,
/// allocation tests and fuzzing start from.
///
/// Three cells corrected and two blank rates filled in, each from the
/// report's own figures:
/// - form 3 row 1.4, the procedures under the locality's authority, set to
///   the sum of its levels, 1.486 + 255 + 155 = 1.896 (printed 1.902);
/// - form 4 row 1.5, the public service units, set to form 6 row 2.1's 840
///   (printed 858), with row 1.5.3 set to 840 − 6 − 113 = 721 (printed
///   739) so that its levels still add up;
/// - form 1 row 2 = 100 × 40 / 56 = 71,43 % and form 6 row 1 =
///   100 × 6.832.000 / 8.007.000 = 85,33 %, the rates the report left blank
///   ([`Report::with_derivable_blanks_filled`]).
///
/// # Panics
/// Never: the three cells are counts of the catalogue, which the example
/// below runs.
///
/// # Example
/// ```
/// use cchc_forms::samples;
/// let clean = samples::bac_giang_2023_q3_consistent();
/// assert!(clean.validate().is_empty());
/// assert_eq!(clean.form3.procedures_local.map(|c| c.get()), Some(1896));
/// assert_eq!(clean.form1.plan_completion_rate.map(|p| p.to_string()).as_deref(), Some("71,43"));
/// assert_eq!(samples::bac_giang_2023_q3().validate().len(), 4);
/// ```
#[must_use]
pub fn bac_giang_2023_q3_consistent() -> Report {
    let mut report = bac_giang_2023_q3().with_derivable_blanks_filled();
    for (form, stt, value) in [(3, "1.4", 1_896), (4, "1.5", 840), (4, "1.5.3", 721)] {
        report
            .set_cell(CellId::of(form, stt), Some(Printed::whole(value)))
            .expect("a count of the catalogue");
    }
    report
}
