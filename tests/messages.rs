//! Messages a clerk reads (issue "Input as people have it…", item 5):
//! numbers as printed, rows named "mục"/"row", no doubled values, codes with
//! their legend meaning, and no derived value that breaks a bound. Each
//! case is the Bắc Giang Q3/2023 sample with one or two cells changed; the
//! arithmetic is written out beside it.

use cchc_forms::catalogue::CellId;
use cchc_forms::{Finding, Report, samples};

fn set(report: &mut Report, form: u8, stt: &str, text: &str) {
    report
        .set_cell_text(CellId::of(form, stt), text)
        .unwrap_or_else(|problem| panic!("form {form} row {stt} = {text:?}: {problem}"));
}

fn finding(report: &Report, rule: &str) -> Finding {
    report
        .validate()
        .into_iter()
        .find(|finding| finding.rule == rule)
        .unwrap_or_else(|| panic!("no finding of {rule}"))
}

#[test]
fn a_rate_is_quoted_with_the_digits_it_was_printed_with() {
    // With 53.900 of 54.106 on time: 100 × 53.900 / 54.106 = 99,619…%.
    // Printed `100` means [99,5; 100,5] and holds; printed `100,00` means
    // [99,995; 100,005] and does not. The message must show `100,00`, or
    // the clerk cannot see the difference.
    let mut report = samples::bac_giang_2023_q3();
    set(&mut report, 3, "3.1.2", "53.900");
    set(&mut report, 3, "3.1", "100");
    assert!(report.validate().iter().all(|f| f.rule != "ratio:3/3.1"));
    set(&mut report, 3, "3.1", "100,00");
    let ratio = finding(&report, "ratio:3/3.1");
    let vi = ratio.message_vi().to_string();
    let en = ratio.message_en().to_string();
    assert!(vi.contains("100,00"), "{vi}");
    assert!(en.contains("100.00"), "{en}");
    // Vietnamese separators for the rows' figures in Vietnamese text.
    assert!(vi.contains("53.900") && vi.contains("54.106"), "{vi}");
    assert!(en.contains("53900") && en.contains("54106"), "{en}");
}

#[test]
fn rows_are_named_muc_and_row_never_a_bare_stt() {
    // The sample's error: 1.486 + 255 + 155 = 1.896 ≠ 1.902.
    let sum = finding(&samples::bac_giang_2023_q3(), "sum:3/1.4");
    assert_eq!(
        sum.message_vi().to_string(),
        "Biểu 3: mục 1.4 = 1.902 nhưng mục 1.4.1 + mục 1.4.2 + mục 1.4.3 = 1.486 + 255 + 155 = 1.896 (chênh lệch 6)."
    );
    assert_eq!(
        sum.message_en().to_string(),
        "Form 3: row 1.4 = 1902 but row 1.4.1 + row 1.4.2 + row 1.4.3 = 1486 + 255 + 155 = 1896 (imbalance 6)."
    );
    // Across forms: "Form 4 row 1.5", not "The form 4 row 1.5".
    let across = finding(&samples::bac_giang_2023_q3(), "across:4/1.5==6/2.1");
    assert!(
        across
            .message_en()
            .to_string()
            .starts_with("Form 4 row 1.5 = 858 but form 6 row 2.1 = 840"),
        "{}",
        across.message_en()
    );
    assert!(
        across
            .message_vi()
            .to_string()
            .starts_with("Biểu 4 mục 1.5 = 858 nhưng biểu 6 mục 2.1 = 840"),
        "{}",
        across.message_vi()
    );
}

#[test]
fn a_single_part_is_not_written_twice() {
    // On time 54.200 of 54.106 resolved: 54.200 > 54.106. With one part its
    // value is its total: "mục 3.1.2 = 54.200 vượt quá mục 3.1.1 = 54.106",
    // not "= 54.200 = 54.200".
    let mut report = samples::bac_giang_2023_q3();
    set(&mut report, 3, "3.1.2", "54.200");
    let part = report
        .validate()
        .into_iter()
        .find(|f| f.rule.as_str().starts_with("part:3/3.1.2"))
        .expect("on time above resolved");
    let vi = part.message_vi().to_string();
    let en = part.message_en().to_string();
    assert!(!vi.contains("54.200 = 54.200"), "{vi}");
    assert!(
        vi.contains("mục 3.1.2 = 54.200 vượt quá mục 3.1.1 = 54.106"),
        "{vi}"
    );
    assert!(
        en.contains("row 3.1.2 = 54200 exceeds row 3.1.1 = 54106"),
        "{en}"
    );
}

#[test]
fn a_code_is_quoted_with_its_meaning_and_online_is_a_method() {
    // 1/6 = 0 (no survey) while 6.1 = 1.420 forms and 6.2 = 0: the legend
    // of 6.2 gives 0 = "Trực tuyến" (online), a way of surveying, so both
    // describe a survey that was not done.
    let mut report = samples::bac_giang_2023_q3();
    set(&mut report, 1, "6", "0");
    set(&mut report, 1, "6.2", "0");
    let conditional = finding(&report, "conditional:1/6==0");
    let vi = conditional.message_vi().to_string();
    let en = conditional.message_en().to_string();
    assert!(vi.contains("mục 6.2 = 0 (Trực tuyến)"), "{vi}");
    assert!(en.contains("row 6.2 = 0 (online)"), "{en}");
    assert!(vi.contains("mục 6.1 = 1.420"), "{vi}");
    // The description says the same as the behaviour: 6.1 blank or 0, 6.2
    // blank, 0 included.
    let rule = conditional.rule.rule();
    let description = rule.description_en();
    assert!(
        description.contains("row 6.1 is blank or 0")
            && description.contains("row 6.2 is blank (any code there, 0 included"),
        "{description}"
    );
    // 6.1 = 0 forms and 6.2 blank is what "no survey" looks like: no finding.
    set(&mut report, 1, "6.1", "0");
    set(&mut report, 1, "6.2", "");
    assert!(
        report
            .validate()
            .iter()
            .all(|f| f.rule != "conditional:1/6==0")
    );
}

#[test]
fn derivable_rates_take_the_limits_of_their_bound_rules() {
    use cchc_forms::bnv581::RULES;
    use cchc_forms::check::Check;
    let limits = |id: &str| {
        let rule = RULES.iter().find(|rule| rule.id == id).expect(id);
        let Check::Derivable(derivable) = rule.check else {
            panic!("{id} is not derivable")
        };
        (derivable.min, derivable.max)
    };
    // "bound:1/2:0..100" and "bound:3/3.1:0..100": shares of a whole.
    assert_eq!(limits("derivable:1/2"), (Some(0), Some(100)));
    assert_eq!(limits("derivable:3/3.1"), (Some(0), Some(100)));
    // "bound:6/1:0.._": disbursement may exceed the plan.
    assert_eq!(limits("derivable:6/1"), (Some(0), None));
}

#[test]
fn no_derived_rate_breaks_its_bound() {
    // 3.1 blank, 3.1.1 = 10 resolved, 3.1.2 = 20 on time: 100 × 20 / 10 =
    // 200 %, outside [0; 100]. The note says why 3.1 cannot be filled in,
    // and gives no value to copy; filling blanks leaves 3.1 blank.
    let mut report = samples::bac_giang_2023_q3();
    set(&mut report, 3, "3.1", "");
    set(&mut report, 3, "3.1.1", "10");
    set(&mut report, 3, "3.1.2", "20");
    let note = finding(&report, "derivable:3/3.1");
    assert_eq!(note.computed, None);
    let en = note.message_en().to_string();
    assert!(
        en.contains("cannot be derived") && en.contains("[0, 100]"),
        "{en}"
    );
    let vi = note.message_vi().to_string();
    assert!(
        vi.contains("không tính được") && vi.contains("[0; 100]"),
        "{vi}"
    );
    let filled = report.with_derivable_blanks_filled();
    assert_eq!(filled.form3.on_time_rate_departments, None);
    // The other blanks (1/2, 6/1) are still filled in: 71,43 and 85,33.
    assert!(filled.form1.plan_completion_rate.is_some());
    assert!(filled.form6.disbursement_rate.is_some());
    // 6/1 has no upper bound (disbursement may exceed the plan): 120 %.
    set(&mut report, 6, "1.2", "9.608.400"); // 100 × 9.608.400 / 8.007.000 = 120
    let filled = report.with_derivable_blanks_filled();
    assert_eq!(
        filled
            .form6
            .disbursement_rate
            .map(|rate| rate.to_string())
            .as_deref(),
        Some("120,00")
    );
}
