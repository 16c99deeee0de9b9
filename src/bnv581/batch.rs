//! Many reports at once: the ministry's aggregation checks the reports of
//! every province and ministry, thousands a quarter.
//!
//! The checks of one report read nothing of another's, so a batch can be
//! shared among threads with no lock and no change to any finding.

use std::num::NonZeroUsize;

use super::Report;
use crate::finding::Findings;

/// The findings of every report of `reports`, in order, the reports shared
/// among at most `threads` threads.
///
/// The threads are scoped: they end before this returns, and the library
/// keeps none. With one thread (or one report) no thread is started and the
/// reports are checked in turn, as `reports.iter().map(Report::validate)`
/// does; the findings are the same whatever the number of threads. Pass
/// [`std::thread::available_parallelism`] to use every core; a caller
/// that cannot start threads (WebAssembly without threads) passes one.
///
/// # Example
/// ```
/// use std::num::NonZeroUsize;
/// use cchc_forms::{bnv581, samples, Report, ReportMeta};
///
/// let reports = vec![samples::bac_giang_2023_q3(), Report::new(ReportMeta::default())];
/// let two = bnv581::validate_all(&reports, NonZeroUsize::new(2).unwrap());
/// assert_eq!(two, bnv581::validate_all(&reports, NonZeroUsize::MIN));
/// // The sample's four findings, then none for a blank report.
/// assert_eq!(two.iter().map(|findings| findings.len()).collect::<Vec<_>>(), [4, 0]);
/// ```
#[must_use]
pub fn validate_all(reports: &[Report], threads: NonZeroUsize) -> Vec<Findings> {
    let threads = threads.get().min(reports.len());
    if threads <= 1 {
        return reports.iter().map(Report::validate).collect();
    }
    let share = reports.len().div_ceil(threads);
    let mut findings = vec![Findings::default(); reports.len()];
    std::thread::scope(|scope| {
        for (reports, findings) in reports.chunks(share).zip(findings.chunks_mut(share)) {
            scope.spawn(move || {
                for (report, found) in reports.iter().zip(findings) {
                    *found = report.validate();
                }
            });
        }
    });
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    #[test]
    fn every_report_gets_its_own_findings_in_order_whatever_the_threads() {
        // Odd counts, so that the last share is shorter than the others.
        let sample = samples::bac_giang_2023_q3();
        let blank = Report::new(crate::meta::ReportMeta::default());
        let reports: Vec<Report> = (0..7)
            .map(|i| {
                if i % 3 == 0 {
                    sample.clone()
                } else {
                    blank.clone()
                }
            })
            .collect();
        let expected: Vec<usize> = (0..7).map(|i| if i % 3 == 0 { 4 } else { 0 }).collect();
        for threads in 1..=9 {
            let threads = NonZeroUsize::new(threads).expect("not zero");
            let findings = validate_all(&reports, threads);
            let counts: Vec<usize> = findings.iter().map(|found| found.len()).collect();
            assert_eq!(counts, expected, "{threads} threads");
            assert_eq!(findings[0], sample.validate());
        }
        assert!(validate_all(&[], NonZeroUsize::MIN).is_empty());
    }
}
