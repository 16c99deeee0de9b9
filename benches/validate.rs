//! The cost of validation, against the generic alternative and the floor.
//!
//! Run with `cargo bench --bench validate`. One group, `validate`:
//!
//! | id | what is timed |
//! |---|---|
//! | `report` | every check on the typed Bắc Giang sample (4 findings, built without writing their messages, which are written on demand) |
//! | `report_clean` | every check on the sample made consistent (no finding): the cost of the checks alone |
//! | `json_to_findings` | the sample's JSON bytes decoded ([`decode_text`]) and read with [`Report::from_json`], then every check |
//! | `rows_to_findings` | the sample's rows (TSV bytes, with their `#!` lines) decoded and read with [`rows::read_tsv_bytes`], then every check |
//! | `printed_to_findings` | the whole source document (`tests/data/bac_giang_2023_q3_source.txt`, 58 KB of prose and the seven printed forms) decoded and read with [`printed::read_printed_bytes`], then every check |
//! | `decode_printed` | decoding the source document's 58 KB alone ([`decode_text`]: UTF-8, NUL bytes, normal form C) |
//! | `jsonschema` | the `jsonschema` crate's `is_valid` on the sample, already a `serde_json::Value`, against `schemas/report.schema.json` |
//! | `jsonschema_from_text` | the same, starting from the JSON text |
//! | `batch_1k`, `batch_10k`, `batch_100k` | every check on that many varied reports with [`bnv581::validate_all`] on every core (throughput in reports) |
//! | `batch_10k_one_thread` | the 10,000 on one thread, one report after another |
//! | `series_4` | the checks across one body's four consistent reports of a year ([`cchc_forms::series::check_reports`]: grouping, flows, derived Q2 and Q4 through every rule, cumulatives, plans, codes, stocks, 2015 bases) |
//! | `docx_to_findings` | the Bắc Giang report as python-docx saved it (`tests/data/office/python_docx.docx`: its prose and seven form tables, 55 kB) read with [`cchc_forms::office::read_docx`], then every check |
//! | `xlsx_to_findings` | the seven forms as openpyxl saved them, a sheet per form with number formats (`tests/data/office/sheet_per_form.xlsx`, 17 kB) read with [`cchc_forms::office::read_xlsx`], then every check |
//! | `aggregate_10k` | adding up 10,000 reports (the clean sample scaled by 1 to 40) and validating the total ([`cchc_forms::aggregate::aggregate`], [`Aggregate::validate`](cchc_forms::aggregate::Aggregate::validate)) |
//! | `render_html` | the sample's page with its 4 findings ([`cchc_forms::render::html::render_html`]: the summary and the seven forms, 125 rows, escaped; the findings validated outside the loop) |
//!
//! JSON Schema checks strictly less than the library (types, ranges,
//! legends, decimal syntax; no sums, no ratios), so `jsonschema` is the
//! generic alternative, not an equivalent. Its validator is compiled once,
//! outside the timed loop, and is checked to accept the sample first.
//!
//! The varied reports are built deterministically from the sample (a
//! xorshift generator, no proptest): counts and amounts scaled, rates
//! recomputed at 0 to 2 decimals, some cells blanked, the level of
//! government varied; about one report in ten is then damaged (a count
//! nudged, a rate mistyped or left blank), so that a realistic minority has
//! findings. The share is printed once before timing.

use std::hint::black_box;
use std::time::Duration;

use cchc_forms::{Report, bnv581, decode_text, printed, rows, samples};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};

mod support;

fn bench_validate(c: &mut Criterion) {
    let sample = samples::bac_giang_2023_q3();
    let json_text = serde_json::to_string(&sample).expect("the sample serializes");
    let json_value: serde_json::Value = serde_json::from_str(&json_text).expect("valid JSON");

    let schema = cchc_forms::schema::report_schema();
    let validator = jsonschema::validator_for(&schema).expect("the report schema compiles");
    assert!(
        validator.is_valid(&json_value),
        "jsonschema rejects the sample"
    );
    assert_eq!(
        Report::from_json(&json_text).expect("the sample reads"),
        sample
    );
    assert_eq!(sample.validate().len(), 4, "the sample has four findings");

    let clean = support::clean_base();
    let reports = support::batch(100_000);
    let with_findings = reports
        .iter()
        .filter(|report| !report.validate().is_empty())
        .count();
    let per_mille = with_findings * 1000 / reports.len();
    eprintln!(
        "varied reports: {with_findings} of {} have findings ({}.{}%)",
        reports.len(),
        per_mille / 10,
        per_mille % 10
    );

    let mut group = c.benchmark_group("validate");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));

    group.bench_function("report", |b| b.iter(|| black_box(&sample).validate()));
    group.bench_function("report_exact", |b| {
        b.iter(|| black_box(&sample).validate_exactly());
    });
    group.bench_function("report_clean", |b| {
        b.iter(|| black_box(&clean).validate());
    });
    readers(&mut group, &json_text);
    group.bench_function("jsonschema", |b| {
        b.iter(|| validator.is_valid(black_box(&json_value)));
    });
    group.bench_function("jsonschema_from_text", |b| {
        b.iter(|| {
            let value: serde_json::Value =
                serde_json::from_str(black_box(&json_text)).expect("valid JSON");
            validator.is_valid(&value)
        });
    });

    batches(&mut group, &reports);
    group.finish();
}

/// The source document: the Bắc Giang report of Q3/2023 as a clerk copies
/// it from Word, 58 KB of prose with its seven forms at its end.
const SOURCE_DOCUMENT: &[u8] = include_bytes!("../tests/data/bac_giang_2023_q3_source.txt");

/// `validate/json_to_findings`, `rows_to_findings`, `printed_to_findings`
/// and `decode_printed`: every way in from the bytes a user has, decoding
/// ([`decode_text`]: encoding, NUL bytes, normal form C) included.
fn readers(group: &mut BenchmarkGroup<'_, WallTime>, json_text: &str) {
    let json = json_text.as_bytes();
    let tsv = samples::BAC_GIANG_2023_Q3_TSV.as_bytes();
    // What each reader gives for the sample, checked before timing.
    let sample = samples::bac_giang_2023_q3();
    let from_tsv = rows::read_tsv(&decode_text(tsv).expect("UTF-8")).expect("the rows read");
    assert_eq!(from_tsv.report, sample, "the rows give the sample");
    let from_printed = printed::read_printed(&decode_text(SOURCE_DOCUMENT).expect("UTF-8"))
        .expect("the source document reads");
    assert_eq!(
        from_printed.report.validate().len(),
        sample.validate().len(),
        "the source document has the sample's findings"
    );
    group.bench_function("json_to_findings", |b| {
        b.iter(|| {
            let text = decode_text(black_box(json)).expect("UTF-8");
            Report::from_json(&text)
                .expect("the sample reads")
                .validate()
        });
    });
    group.bench_function("rows_to_findings", |b| {
        b.iter(|| {
            rows::read_tsv_bytes(black_box(tsv))
                .expect("the rows read")
                .report
                .validate()
        });
    });
    group.bench_function("printed_to_findings", |b| {
        b.iter(|| {
            printed::read_printed_bytes(black_box(SOURCE_DOCUMENT))
                .expect("the source document reads")
                .report
                .validate()
        });
    });
    group.bench_function("decode_printed", |b| {
        b.iter(|| {
            decode_text(black_box(SOURCE_DOCUMENT))
                .expect("UTF-8")
                .len()
        });
    });
}

/// `validate/batch_*`: many varied reports, on every core as the ministry's
/// aggregation would check them ([`bnv581::validate_all`]), and 10,000 on
/// one thread.
fn batches(group: &mut BenchmarkGroup<'_, WallTime>, reports: &[Report]) {
    let threads = std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN);
    eprintln!("batches on {threads} threads");
    for (id, count) in [
        ("batch_1k", 1_000),
        ("batch_10k", 10_000),
        ("batch_100k", 100_000),
    ] {
        let reports = &reports[..count];
        group.throughput(Throughput::Elements(count as u64));
        if count >= 100_000 {
            group.sampling_mode(criterion::SamplingMode::Flat);
            group.sample_size(10);
        }
        group.bench_function(id, |b| {
            b.iter(|| {
                bnv581::validate_all(black_box(reports), threads)
                    .iter()
                    .map(|findings| findings.len())
                    .sum::<usize>()
            });
        });
    }
    // The same 10,000 on one thread, report after report.
    let reports = &reports[..10_000];
    group.throughput(Throughput::Elements(10_000));
    group.sampling_mode(criterion::SamplingMode::Auto);
    group.sample_size(100);
    group.bench_function("batch_10k_one_thread", |b| {
        b.iter(|| {
            black_box(reports)
                .iter()
                .map(|report| report.validate().len())
                .sum::<usize>()
        });
    });
}

criterion_group!(benches, bench_validate);
criterion_main!(
    benches,
    locate_benches,
    across_benches,
    render_benches,
    office_benches
);

/// `validate/series_4` and `validate/aggregate_10k`: the checks across
/// reports.
fn bench_across(c: &mut Criterion) {
    use cchc_forms::aggregate::aggregate;
    use cchc_forms::series::check_reports;
    let year = support::clean_year();
    let checked = check_reports(&year);
    assert!(
        checked.findings.is_empty() && checked.unplaced.is_empty(),
        "the clean year has findings across reports: {:#?}",
        checked.findings
    );
    let members = support::members(10_000);
    let total = aggregate("Tổng hợp", &members).expect("members of one period");
    assert!(total.validate().is_empty(), "the total has findings");
    let mut group = c.benchmark_group("validate");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("series_4", |b| {
        b.iter(|| check_reports(black_box(&year)).findings.len());
    });
    group.throughput(Throughput::Elements(members.len() as u64));
    group.sample_size(20);
    group.bench_function("aggregate_10k", |b| {
        b.iter(|| {
            aggregate("Tổng hợp", black_box(&members))
                .expect("members of one period")
                .validate()
                .len()
        });
    });
    group.finish();
}

criterion_group!(across_benches, bench_across);

/// `validate/locate/one_typo` and `validate/locate/two_typos`: error
/// localisation ([`Report::locate`], which validates first) on the clean
/// sample with one mistyped cell, and with two in different rules;
/// `validate/locate/clean` on the clean sample (one validation); each
/// timing is the mean over a handful of such reports (swapped digits, a
/// digit wrong, a digit dropped, a rate rounded the wrong way).
fn bench_locate(c: &mut Criterion) {
    use cchc_forms::catalogue::CellId;
    use cchc_forms::unit::Printed;
    let clean = support::clean_base();
    let typed = |cells: &[(u8, &str, i128, u32)]| {
        let mut report = clean.clone();
        for &(form, stt, mantissa, decimals) in cells {
            report
                .set_cell(CellId::of(form, stt), Some(Printed { mantissa, decimals }))
                .expect("a value the cell holds");
        }
        assert!(report.validate().has_errors(), "a typo that breaks a rule");
        report
    };
    let one = [
        typed(&[(3, "3.1.1", 45_106, 0)]), // 54.106, digits swapped
        // 1.486, digits swapped (parts below the total of 3/1.4: an error;
        // above it, as 1.4.2 = 525 for 255 was, only a warning by direction)
        typed(&[(3, "1.4.1", 1_468, 0)]),
        typed(&[(3, "3.3.2", 77_949, 0)]), // 77.049, a digit wrong
        typed(&[(3, "3.2", 9_928, 2)]),    // 99,27 rounded the wrong way
        typed(&[(6, "2.4.3", 28, 0)]),     // 288, a digit dropped
    ];
    let two = [
        typed(&[(3, "3.1.1", 45_106, 0), (3, "1.4.1", 1_468, 0)]),
        typed(&[(3, "3.3.2", 77_949, 0), (6, "2.4.3", 28, 0)]),
        typed(&[(3, "3.2", 9_928, 2), (7, "6.3.2", 30_412, 0)]),
    ];
    for report in one.iter().chain(&two) {
        let located = report.locate();
        assert!(!located.sets.is_empty(), "localised");
        assert!(!located.sets[0].apply(report).validate().has_errors());
    }
    let mut group = c.benchmark_group("validate");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    // The clean base: localisation stops after validating it.
    let clean_only = [clean.clone()];
    assert!(clean_only[0].locate().sets.is_empty());
    for (id, reports) in [
        ("locate/one_typo", &one[..]),
        ("locate/two_typos", &two[..]),
        ("locate/clean", &clean_only[..]),
    ] {
        group.throughput(Throughput::Elements(reports.len() as u64));
        group.bench_function(id, |b| {
            b.iter(|| {
                black_box(reports)
                    .iter()
                    .map(|report| report.locate().sets.len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(locate_benches, bench_locate);

/// `validate/render_html`: the sample's page with its findings.
fn bench_render(c: &mut Criterion) {
    use cchc_forms::render::{Languages, ReportView, html};
    let sample = samples::bac_giang_2023_q3();
    let findings = sample.validate();
    assert_eq!(findings.len(), 4, "the sample's four findings");
    let mut group = c.benchmark_group("validate");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("render_html", |b| {
        b.iter(|| {
            html::render_html(
                &ReportView::new(black_box(&sample), black_box(&findings)),
                Languages::Vietnamese,
            )
            .len()
        });
    });
    group.finish();
}

criterion_group!(render_benches, bench_render);

/// `validate/docx_to_findings` and `validate/xlsx_to_findings`: the sample
/// as a Word document and as a workbook, bytes to findings.
fn bench_office(c: &mut Criterion) {
    use cchc_forms::office::{read_docx, read_xlsx};
    let fixture = |name: &str| {
        std::fs::read(format!(
            "{}/tests/data/office/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("a fixture")
    };
    let docx = fixture("python_docx.docx");
    let xlsx = fixture("sheet_per_form.xlsx");
    let sample = samples::bac_giang_2023_q3();
    for read in [read_docx(&docx), read_xlsx(&xlsx)] {
        let imported = read.expect("the fixture reads");
        assert_eq!(imported.report.cells(), sample.cells());
        assert_eq!(imported.report.validate().len(), 4);
    }
    let mut group = c.benchmark_group("validate");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("docx_to_findings", |b| {
        b.iter(|| {
            read_docx(black_box(&docx))
                .expect("the document reads")
                .report
                .validate()
        });
    });
    group.bench_function("xlsx_to_findings", |b| {
        b.iter(|| {
            read_xlsx(black_box(&xlsx))
                .expect("the workbook reads")
                .report
                .validate()
        });
    });
    group.finish();
}

criterion_group!(office_benches, bench_office);
