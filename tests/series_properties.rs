//! Property tests of the checks across reports, on the `proptest`
//! strategies for a year's series (feature `proptest`).
#![cfg(feature = "proptest")]

use cchc_forms::Term;
use cchc_forms::aggregate::aggregate;
use cchc_forms::series::{Series, check_reports};
use cchc_forms::strategies::{AcrossCheck, broken_series, valid_series};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A valid series: one series of four reports, Q1 to the year, and no
    /// finding across them.
    #[test]
    fn a_valid_series_has_no_finding(year in valid_series()) {
        let grouping = Series::group(&year);
        prop_assert_eq!(grouping.series.len(), 1);
        prop_assert!(grouping.unplaced.is_empty());
        let periods = year.clone().map(|report| report.meta.period.map(|p| p.term));
        prop_assert_eq!(periods, Term::ALL.map(Some));
        let checked = check_reports(&year);
        prop_assert!(checked.findings.is_empty(), "{:#?}", checked.findings);
    }

    /// A series broken at one check: exactly that finding, an error or a
    /// warning, naming cells of the year's reports with their periods.
    #[test]
    fn a_broken_series_has_exactly_that_finding(
        (check, year) in any::<AcrossCheck>().prop_flat_map(|check| (Just(check), broken_series(check)))
    ) {
        let findings = check_reports(&year).findings;
        prop_assert_eq!(findings.len(), 1, "{:?}: {:#?}", check, findings);
        prop_assert_eq!(findings[0].rule.as_str(), check.rule());
        let the_year = year[0].meta.period.map(|p| p.year);
        prop_assert!(findings[0].cells.iter().all(|cell| cell.period.map(|p| p.year) == the_year));
        prop_assert!(findings[0].cells.iter().all(|cell| cell.body.is_none()));
    }

    /// Two bodies' reports of the same year never mix: two series, and no
    /// finding (mixed, the second body's half-year would be set aside or
    /// compared with the first's Q1).
    #[test]
    fn two_bodies_never_mix(year in valid_series()) {
        let mut other = year.clone();
        for report in &mut other {
            report.meta.body.push_str(" (khác)");
        }
        let both: Vec<_> = year.iter().chain(&other).cloned().collect();
        prop_assert_eq!(Series::group(&both).series.len(), 2);
        prop_assert!(check_reports(&both).findings.is_empty());
    }

    /// Adding up the quarters of a series: refused, they are of different
    /// periods; adding up a report with its copy under another body: every
    /// summed count doubles.
    #[test]
    fn totals_of_one_period_only(year in valid_series()) {
        prop_assert!(aggregate("Tổng hợp", &year).is_err());
        let mut again = year[2].clone();
        again.meta.body.push_str(" (khác)");
        let twice = [year[2].clone(), again];
        let total = aggregate("Tổng hợp", &twice).unwrap();
        prop_assert_eq!(total.report.meta.period, year[2].meta.period);
        prop_assert_eq!(
            total.report.meta.period.map(|p| p.term),
            Some(Term::Q3)
        );
        for indicator in &cchc_forms::bnv581::CATALOGUE {
            if matches!(total.total(indicator.id), Some(cchc_forms::aggregate::Total::Sum)) {
                let one = year[2].cell(indicator.id).unwrap();
                let two = total.report.cell(indicator.id).unwrap();
                prop_assert_eq!(two.mantissa, one.mantissa * 2);
            }
        }
    }
}
