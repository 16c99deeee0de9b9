//! Reports that ship with the crate, for docs, examples, tests and a first run.

use crate::report::{Level, Period, Report, ReportMeta, Term};
use crate::rows::parse_tsv;

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
