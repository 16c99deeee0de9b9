//! JSON Schemas of what the library writes and reads, for tools in other
//! languages.
//!
//! Each function returns one self-contained schema (JSON Schema draft
//! 2020-12, no `$ref`, no `$defs`) generated with schemars from the Rust
//! types as serde serializes them, then annotated from the
//! [catalogue](crate::catalogue) and the [rule table](crate::bnv581::RULES):
//! there is no second list of indicators or rules here.
//!
//! | function | file under `schemas/` | describes |
//! |---|---|---|
//! | [`report_schema`] | `report.schema.json` | a [`Report`], with the rules in `x-invariants` |
//! | [`finding_schema`] | `finding.schema.json` | one [`Finding`] |
//! | [`findings_schema`] | `findings.schema.json` | the list of findings ([`Findings`]) |
//! | [`rules_schema`] | `rules.schema.json` | the rule document, as `rules.json` holds it |
//! | [`rules_data`] | `rules.json` | the rule table as executable data ([`template_rules_data`] for any template) |
//! | [`catalogue_data`] | `catalogue.json` | the forms, indicators and headings ([`template_catalogue_data`] for any template) |
//!
//! # Rules as executable data
//! `rules.json` is `{"format_version": 1, "template": …, "rules": […]}`
//! ([`RULES_FORMAT_VERSION`]). Each rule gives, beside its id, family,
//! severity, cells and descriptions, what a program in another language
//! needs to evaluate it: `roles`, its cells by their role in the family
//! and its parameters (each family's struct, such as
//! [`Ratio`](crate::check::Ratio), serializes as its roles); `blank`, what
//! a blank cell does ([`Blank`](crate::check::Blank)); and `applies`, when
//! it can be evaluated ([`RuleApplies`](crate::check::RuleApplies)). The
//! repository's `docs/rules.md` specifies every family from these fields;
//! `consumers/python` and `consumers/js` implement it and agree with the
//! library on every report of the differential test.
//!
//! [`files`] lists them all and [`to_file_text`] prints one as it is checked
//! in; the crate does no I/O (its test `tests/schemas.rs` writes the files).
//!
//! # What the report schema says
//! - Every indicator is a property of its form, with `title` = the label as
//!   printed, `description` in English, and the extension keywords `x-form`,
//!   `x-stt` (the row number), `x-unit` (the unit as printed: `Hồ sơ`, `%`,
//!   `Triệu đồng`, or a code's legend), `x-unit-en`, `x-cumulative`
//!   (a "Lũy kế" row, as printed), `x-period-class` (how the value behaves
//!   over time: [`PeriodClass`](crate::catalogue::PeriodClass), `flow`,
//!   `stock`, …) and `x-aggregation` (how reports add up:
//!   [`Aggregation`](crate::catalogue::Aggregation), `sum`, `recompute`, …).
//! - Counts are integers with `minimum: 0`; percentages and amounts are
//!   decimal strings matching [`DECIMAL_PATTERN`](crate::unit::DECIMAL_PATTERN);
//!   codes are an `enum` of their legal values with their legend in `x-legend`.
//! - `null`, or a missing indicator, is a blank cell, as the library reads it.
//! - Unknown properties are rejected (`additionalProperties: false`).
//! - `x-invariants` carries the cross-field rules, which JSON Schema cannot
//!   express: id, family, severity, cells and descriptions.
//!
//! # Example
//! ```
//! use cchc_forms::{bnv581::RULES, catalogue::CellId, schema};
//!
//! let schema = schema::report_schema();
//! let key = CellId::of(3, "3.1.1").indicator().key;
//! let resolved = &schema["properties"]["form3"]["properties"][key];
//! assert_eq!(resolved["title"], "Tổng số hồ sơ TTHC đã giải quyết xong");
//! assert_eq!(resolved["x-unit"], "Hồ sơ");
//! assert_eq!(resolved["minimum"], 0);
//! assert_eq!(schema["x-invariants"].as_array().map(Vec::len), Some(RULES.len()));
//! ```

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::bnv581::RULES;
use crate::bnv581::Report;
use crate::bnv581::{CATALOGUE, FORMS, HEADINGS};
use crate::catalogue::{CellId, Indicator};
use crate::finding::{Family, Finding, Findings, Severity};
use crate::meta::ReportMeta;
use crate::template::Template;
use crate::template::TemplateVersion;
use crate::unit::ValueKind;

/// The JSON Schema dialect of every schema here.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The extension keywords the schemas use. Validators in strict mode (ajv)
/// must be told about them, e.g. `ajv.addVocabulary(EXTENSION_KEYWORDS)`.
pub const EXTENSION_KEYWORDS: &[&str] = &[
    "x-form",
    "x-stt",
    "x-unit",
    "x-unit-en",
    "x-cumulative",
    "x-period-class",
    "x-aggregation",
    "x-legend",
    "x-invariants",
    "x-applies-from",
    "x-applies-until",
    "x-applies-why",
    "x-template",
];

/// The schema of a [`Report`] as serde writes it, every indicator annotated
/// from the catalogue, the rule table in `x-invariants`.
///
/// # Example
/// ```
/// let schema = cchc_forms::schema::report_schema();
/// assert_eq!(schema["additionalProperties"], false);
/// let survey = &schema["properties"]["form1"]["properties"]["satisfaction_survey"];
/// assert_eq!(survey["enum"], serde_json::json!([0, 1, null]));
/// assert_eq!(survey["x-stt"], "6");
/// ```
#[must_use]
pub fn report_schema() -> Value {
    let mut root = generate::<Report>();
    root.insert(
        "title".into(),
        "Báo cáo định kỳ công tác cải cách hành chính (CCHC)".into(),
    );
    root.insert("description".into(), REPORT_DESCRIPTION.into());
    if let Some(Value::Object(properties)) = root.get_mut("properties") {
        for form in &FORMS {
            let Some(Value::Object(form_schema)) = properties.get_mut(form.key) else {
                continue;
            };
            form_schema.insert("title".into(), form.title_vi.into());
            form_schema.insert(
                "description".into(),
                format!(
                    "Form {} (Biểu mẫu {}): {}. Each property is one indicator; \
                     a missing indicator, like null, is a blank cell.",
                    form.number, form.number, form.title_en
                )
                .into(),
            );
            form_schema.insert("x-form".into(), form.number.into());
            // serde reads a missing `Option` field as `None`: a blank cell.
            form_schema.remove("required");
            if let Some(Value::Object(cells)) = form_schema.get_mut("properties") {
                for indicator in form.indicators() {
                    if let Some(Value::Object(cell)) = cells.get_mut(indicator.key) {
                        annotate(cell, indicator);
                    }
                }
            }
        }
    }
    root.insert("x-invariants".into(), data(&RULES[..]));
    Value::Object(root)
}

/// The schema of a report under any template, generated from the
/// template's catalogue and rule table alone: the same shape as
/// [`report_schema`] (`meta`, then one object per form whose properties are
/// the indicators, annotated the same way, `x-applies-until` on rows that
/// apply only for some periods), for templates without typed forms.
///
/// # Example
/// ```
/// use cchc_forms::{schema, TemplateVersion};
/// let schema = schema::template_report_schema(TemplateVersion::Bnv581Of2022.template());
/// let district = &schema["properties"]["form3"]["properties"]["procedures_district"];
/// assert_eq!(district["x-stt"], "1.4.2");
/// assert_eq!(district["x-applies-until"], "2025-06-30");
/// assert_eq!(schema["properties"]["form3"]["additionalProperties"], false);
/// ```
#[must_use]
pub fn template_report_schema(template: &Template) -> Value {
    use crate::unit::{Count, MillionVnd, Percent, Procedure};
    let mut properties = Map::new();
    properties.insert("meta".into(), Value::Object(generate::<ReportMeta>()));
    for form in template.catalogue.forms {
        let mut cells = Map::new();
        for indicator in form.indicators() {
            let mut cell = match indicator.kind {
                ValueKind::Count => generate::<Option<Count<Procedure>>>(),
                ValueKind::Percent => generate::<Option<Percent>>(),
                ValueKind::MillionVnd => generate::<Option<MillionVnd>>(),
                ValueKind::Code { legend } => {
                    let mut codes: Vec<Value> =
                        legend.iter().map(|entry| entry.code.into()).collect();
                    codes.push(Value::Null);
                    let mut cell = Map::new();
                    cell.insert("enum".into(), Value::Array(codes));
                    cell
                }
            };
            cell.remove("$schema");
            cell.remove("title");
            annotate(&mut cell, indicator);
            cells.insert(indicator.key.into(), Value::Object(cell));
        }
        let mut form_schema = Map::new();
        form_schema.insert("type".into(), "object".into());
        form_schema.insert("title".into(), form.title_vi.into());
        form_schema.insert("description".into(), form.title_en.into());
        form_schema.insert("x-form".into(), form.number.into());
        form_schema.insert("properties".into(), Value::Object(cells));
        form_schema.insert("additionalProperties".into(), false.into());
        properties.insert(form.key.into(), Value::Object(form_schema));
    }
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    root.insert("title".into(), template.legal_basis.document.into());
    root.insert("type".into(), "object".into());
    root.insert("required".into(), vec![Value::from("meta")].into());
    root.insert("properties".into(), Value::Object(properties));
    root.insert("additionalProperties".into(), false.into());
    root.insert("x-template".into(), template.legal_basis.name.into());
    root.insert("x-invariants".into(), data(template.rules));
    Value::Object(root)
}

/// The schema of one [`Finding`] as serde writes it.
///
/// # Example
/// ```
/// let schema = cchc_forms::schema::finding_schema();
/// assert_eq!(schema["type"], "object");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
#[must_use]
pub fn finding_schema() -> Value {
    let mut root = generate::<Finding>();
    root.insert("title".into(), "Finding".into());
    root.insert(
        "description".into(),
        "One problem (or note) that the checks of cchc-forms found in a report: the rule, \
         its family and severity, the cells it read, the value reported and the interval its \
         printed digits stand for, the value or interval the other cells imply, the imbalance \
         (reported − computed), and a message in Vietnamese and in English. Decimals are \
         strings with '.' as the decimal point."
            .into(),
    );
    Value::Object(root)
}

/// The schema of the list of findings ([`Findings`]), a JSON array of
/// [`Finding`]s, as [`Report::validate`] returns it.
///
/// # Example
/// ```
/// let schema = cchc_forms::schema::findings_schema();
/// assert_eq!(schema["type"], "array");
/// let finding = cchc_forms::schema::finding_schema();
/// assert_eq!(schema["items"]["properties"], finding["properties"]);
/// ```
#[must_use]
pub fn findings_schema() -> Value {
    let mut root = generate::<Findings>();
    root.insert("title".into(), "Findings".into());
    root.insert(
        "description".into(),
        "The findings of one validation of a report by cchc-forms, in rule order: a JSON \
         array of findings."
            .into(),
    );
    Value::Object(root)
}

/// The schema of the findings across reports
/// ([`CrossFindings`](crate::cross::CrossFindings)): a JSON array of
/// [`CrossFinding`](crate::cross::CrossFinding)s, as
/// [`check_reports`](crate::series::check_reports) and
/// [`Aggregate::validate`](crate::aggregate::Aggregate::validate) return
/// them; each cell carries its report's period (and body, and position
/// among an aggregate's members, where they matter).
///
/// # Example
/// ```
/// let schema = cchc_forms::schema::cross_findings_schema();
/// assert_eq!(schema["type"], "array");
/// let cell = &schema["items"]["properties"]["cells"]["items"];
/// assert_eq!(cell["required"], serde_json::json!(["form", "stt", "period"]));
/// ```
#[must_use]
pub fn cross_findings_schema() -> Value {
    let mut root = generate::<crate::cross::CrossFindings>();
    root.insert("title".into(), "Findings across reports".into());
    root.insert(
        "description".into(),
        "What cchc-forms found across reports: the checks of one body's reports of a year \
         (rule ids period:…, derived:q2:…, derived:q4:…) or of a total of several reports \
         (aggregate:…). Each cell names its form, STT and report period, and the body when \
         the reports are of several bodies. Decimals are strings with '.' as the decimal \
         point."
            .into(),
    );
    Value::Object(root)
}

/// One rule as [`Rule`](crate::check::Rule) serializes it: the mirror its
/// schema is generated from (a unit test checks that the two agree).
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
struct RuleEntry {
    /// A stable id naming the family and the cells (`ratio:3/3.1`,
    /// `part:1/5.2+1/5.3+1/5.4<=1/5.1`, `across:4/1.5==6/2.1`).
    id: String,
    /// The family of invariant.
    family: Family,
    /// The severity of a violation.
    severity: Severity,
    /// The cells the rule reads, the checked cell first (the rate, the total,
    /// the whole, the bounded value, the code, the overall rate).
    cells: Vec<CellId>,
    /// The cells by their role in the family's arithmetic, and the rule's
    /// parameters: the data a program evaluates the rule from (its shape,
    /// one for each family, is given by `allOf` below, and each family's
    /// semantics by docs/rules.md).
    roles: Value,
    /// What a blank cell does to the rule.
    blank: crate::check::Blank,
    /// When the rule can be evaluated.
    applies: crate::check::RuleApplies,
    /// What the rule checks, by STT, and why, in Vietnamese.
    description_vi: String,
    /// What the rule checks, by STT, and why, in English.
    description_en: String,
}

/// The schema of the rule list, as `rules.json` and the report schema's
/// `x-invariants` hold it.
///
/// # Example
/// ```
/// let schema = cchc_forms::schema::rules_schema();
/// assert_eq!(schema["type"], "object");
/// let rule = &schema["properties"]["rules"]["items"];
/// assert_eq!(rule["additionalProperties"], false);
/// ```
#[must_use]
pub fn rules_schema() -> Value {
    let mut root = generate::<Vec<RuleEntry>>();
    root.insert("title".into(), "Rules".into());
    root.insert(
        "description".into(),
        "The cross-field rules that cchc-forms checks, in evaluation order: each with its id, \
         family, severity, the cells it reads (form and STT, the checked cell first) and a \
         description in Vietnamese and in English."
            .into(),
    );
    let mut generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .with(|settings| settings.inline_subschemas = true)
        .into_generator();
    // One `if family = … then roles: …` for each family, from its type.
    let by_family: Vec<Value> = crate::check::Check::roles_schemas(&mut generator)
        .into_iter()
        .map(|(family, roles)| {
            let mut roles = roles.to_value();
            for_each_schema(&mut roles, &mut tidy);
            json!({
                "if": {"properties": {"family": {"const": family}}},
                "then": {"properties": {"roles": roles}},
            })
        })
        .collect();
    let mut rule = root.remove("items").unwrap_or(Value::Null);
    if let Value::Object(items) = &mut rule {
        items.insert("title".into(), "Rule".into());
        items.insert("description".into(), "One invariant of the forms.".into());
        items.insert("allOf".into(), Value::Array(by_family));
    }
    let mut list = Map::new();
    list.insert("type".into(), "array".into());
    list.insert(
        "description".into(),
        "The rules, in evaluation order (findings come in this order).".into(),
    );
    list.insert("items".into(), rule);
    let mut properties = Map::new();
    properties.insert(
        "format_version".into(),
        json!({
            "const": RULES_FORMAT_VERSION,
            "description": "The version of this format: a consumer refuses a version it does not know.",
        }),
    );
    properties.insert(
        "template".into(),
        json!({
            "type": "string",
            "description": "The template the rules belong to, as a report's meta.template names it.",
        }),
    );
    properties.insert("rules".into(), Value::Object(list));
    let mut document = Map::new();
    for key in ["$schema"] {
        if let Some(value) = root.remove(key) {
            document.insert(key.into(), value);
        }
    }
    document.insert("title".into(), "Rules".into());
    document.insert(
        "description".into(),
        "The cross-field rules that cchc-forms checks, as executable data: for each rule its \
         id, family, severity, the cells it reads (form and STT, the checked cell first), the \
         cells by role with the rule's parameters, what a blank does, when it applies and a \
         description in Vietnamese and in English. docs/rules.md specifies how each family \
         is evaluated."
            .into(),
    );
    document.insert("type".into(), "object".into());
    document.insert("properties".into(), Value::Object(properties));
    document.insert(
        "required".into(),
        json!(["format_version", "template", "rules"]),
    );
    document.insert("additionalProperties".into(), false.into());
    Value::Object(document)
}

/// The version of the format of `rules.json` ([`rules_data`]): raised when
/// a field changes meaning or a family changes its roles, so that a
/// consumer can refuse rules it does not understand.
pub const RULES_FORMAT_VERSION: u32 = 1;

/// The rule table ([`RULES`]) as data, as each rule serializes.
///
/// # Example
/// ```
/// let rules = cchc_forms::schema::rules_data();
/// assert_eq!(rules["format_version"], 1);
/// assert_eq!(rules["rules"][0]["id"], cchc_forms::bnv581::RULES[0].id);
/// ```
#[must_use]
pub fn rules_data() -> Value {
    template_rules_data(TemplateVersion::Bnv581Of2022.template())
}

/// The rules of any template as `rules.json` holds those of 581: the format
/// version, the template's name and its rule table.
///
/// # Example
/// ```
/// use cchc_forms::{schema, TemplateVersion};
/// let rules = schema::template_rules_data(TemplateVersion::Bnv581Of2022.template());
/// assert_eq!(rules["template"], "581/BNV-CCHC/2022");
/// assert_eq!(rules["rules"][0]["roles"]["rate"], serde_json::json!({"form": 1, "stt": "2"}));
/// ```
#[must_use]
pub fn template_rules_data(template: &Template) -> Value {
    json!({
        "format_version": RULES_FORMAT_VERSION,
        "template": template.legal_basis.name,
        "rules": data(template.rules),
    })
}

/// The catalogue as data: the template, the seven forms, every indicator
/// ([`CATALOGUE`]) and every heading ([`HEADINGS`]), as they serialize.
///
/// # Example
/// ```
/// let catalogue = cchc_forms::schema::catalogue_data();
/// assert_eq!(catalogue["indicators"].as_array().map(Vec::len), Some(125));
/// assert_eq!(catalogue["indicators"][0]["key"], "directives_issued");
/// ```
#[must_use]
pub fn catalogue_data() -> Value {
    json!({
        "template": data(&TemplateVersion::Bnv581Of2022),
        "forms": data(&FORMS),
        "indicators": data(&CATALOGUE[..]),
        "headings": data(&HEADINGS[..]),
    })
}

/// The catalogue of any template as `catalogue.json` holds that of 581:
/// what the rule consumers read beside [`template_rules_data`].
///
/// # Example
/// ```
/// use cchc_forms::{schema, TemplateVersion};
/// let template = TemplateVersion::Bnv581Of2022.template();
/// assert_eq!(schema::template_catalogue_data(template), schema::catalogue_data());
/// ```
#[must_use]
pub fn template_catalogue_data(template: &Template) -> Value {
    json!({
        "template": template.legal_basis.name,
        "forms": data(template.catalogue.forms),
        "indicators": data(template.catalogue.indicators),
        "headings": data(template.catalogue.headings),
    })
}

/// Every file of `schemas/`, by file name, in name order.
///
/// # Example
/// ```
/// let names: Vec<_> = cchc_forms::schema::files().into_iter().map(|(name, _)| name).collect();
/// assert!(names.contains(&"report.schema.json"));
/// ```
#[must_use]
pub fn files() -> Vec<(&'static str, Value)> {
    vec![
        ("catalogue.json", catalogue_data()),
        ("cross_findings.schema.json", cross_findings_schema()),
        ("finding.schema.json", finding_schema()),
        ("findings.schema.json", findings_schema()),
        ("report.schema.json", report_schema()),
        ("rules.json", rules_data()),
        ("rules.schema.json", rules_schema()),
    ]
}

/// A JSON value as the checked-in files hold it: keys sorted, pretty-printed
/// with two spaces, UTF-8 unescaped, a final newline. The same value always
/// prints the same, whatever order its maps keep.
///
/// # Example
/// ```
/// let text = cchc_forms::schema::to_file_text(&serde_json::json!({"b": 1, "a": [true]}));
/// assert_eq!(text, "{\n  \"a\": [\n    true\n  ],\n  \"b\": 1\n}\n");
/// ```
#[must_use]
pub fn to_file_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(&sorted(value)).unwrap_or_default();
    text.push('\n');
    text
}

const REPORT_DESCRIPTION: &str = "A periodic administrative-reform (CCHC) report of Vietnam as \
cchc-forms writes and reads it in JSON: its metadata and the seven forms (Biểu mẫu 1–7) of \
Công văn 581/BNV-CCHC (2022). Each indicator is a property of its form: title = its label as \
printed, x-form and x-stt = its form and row, x-unit = its unit as printed, x-cumulative = \
whether its label (or the row above it) prints Lũy kế, x-period-class = how its value behaves \
over time (flow, distinct_flow, cumulative_in_year, cumulative_since_start, stock, plan, event, \
status), x-aggregation = how reports of several bodies add up in it (sum, sum_of_instances, \
recompute, weighted, not_aggregable, distribution). null, or a missing indicator, is a \
blank cell: not reported, which is not 0. Counts are whole numbers; percentages and amounts \
are decimal strings with '.' that keep their printed precision (\"99.3\"); codes are the \
numbers of their legend (x-legend). The cross-field rules, which JSON Schema cannot express, \
are in x-invariants.";

/// Generates the schema of `T` as serde serializes it, everything inline,
/// and tidies it for other tools. A root schema is always an object.
fn generate<T: JsonSchema>() -> Map<String, Value> {
    let settings = SchemaSettings::draft2020_12()
        .for_serialize()
        .with(|settings| settings.inline_subschemas = true);
    let mut schema = settings
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    for_each_schema(&mut schema, &mut tidy);
    match schema {
        Value::Object(root) => root,
        _ => Map::new(),
    }
}

/// The keywords and English description of one indicator's property.
fn annotate(cell: &mut Map<String, Value>, indicator: &Indicator) {
    let value = match indicator.kind {
        ValueKind::Count => format!("A whole, non-negative number; unit: {}.", indicator.unit_en),
        ValueKind::Percent => "A percentage: a decimal string with '.' that keeps the precision \
                               it was printed with (\"99.3\")."
            .to_owned(),
        ValueKind::MillionVnd => "An amount in million VND: a decimal string with '.' \
                                  (\"8007000\")."
            .to_owned(),
        ValueKind::Code { .. } => format!("A code: {}.", indicator.unit_en),
    };
    let cumulative = if indicator.cumulative {
        " Cumulative to the reporting date (Lũy kế)."
    } else {
        ""
    };
    let description = format!(
        "{}. Form {}, row {}. {value}{cumulative} null when blank (not reported, which is not 0).",
        indicator.name_en, indicator.form, indicator.stt
    );
    cell.insert("title".into(), indicator.label_vi.into());
    cell.insert("description".into(), description.into());
    cell.insert("x-form".into(), indicator.form.into());
    cell.insert("x-stt".into(), indicator.stt.into());
    cell.insert("x-unit".into(), indicator.unit_vi.into());
    cell.insert("x-unit-en".into(), indicator.unit_en.into());
    cell.insert("x-cumulative".into(), indicator.cumulative.into());
    cell.insert("x-period-class".into(), indicator.period.name().into());
    cell.insert("x-aggregation".into(), indicator.aggregation.name().into());
    if let Some(from) = indicator.applies.from {
        cell.insert("x-applies-from".into(), from.to_string().into());
    }
    if let Some(until) = indicator.applies.until {
        cell.insert("x-applies-until".into(), until.to_string().into());
        cell.insert("x-applies-why".into(), indicator.applies.reason_en.into());
    }
}

/// Removes what other tools cannot use from one schema object: schemars'
/// integer `format`s (`uint16`, ...), which strict validators reject as
/// unknown and which `minimum`/`maximum` already say, and the Rust-only parts
/// of doc comments (examples, intra-doc link brackets).
fn tidy(schema: &mut Map<String, Value>) {
    if let Some(Value::String(format)) = schema.get("format") {
        if !STANDARD_FORMATS.contains(&format.as_str()) {
            schema.remove("format");
        }
    }
    if let Some(Value::String(description)) = schema.get_mut("description") {
        // Up to the first heading (`# Example`), paragraphs unwrapped,
        // intra-doc links as plain code.
        let text = description.split("\n# ").next().unwrap_or_default();
        let paragraphs: Vec<String> = text
            .split("\n\n")
            .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|paragraph| !paragraph.is_empty())
            .collect();
        *description = paragraphs
            .join("\n\n")
            .replace("[`", "`")
            .replace("`]", "`")
            .replace("`crate::", "`");
    }
}

/// The formats that JSON Schema 2020-12 defines.
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// Calls `visit` on `schema` and on each of its subschemas (not on data such
/// as `enum`, `const` or the `x-` keywords).
fn for_each_schema(schema: &mut Value, visit: &mut impl FnMut(&mut Map<String, Value>)) {
    let Value::Object(map) = schema else {
        return;
    };
    visit(map);
    for (keyword, value) in map.iter_mut() {
        match keyword.as_str() {
            "properties" | "patternProperties" | "$defs" | "dependentSchemas" => {
                if let Value::Object(children) = value {
                    for child in children.values_mut() {
                        for_each_schema(child, visit);
                    }
                }
            }
            "allOf" | "anyOf" | "oneOf" | "prefixItems" => {
                if let Value::Array(children) = value {
                    for child in children {
                        for_each_schema(child, visit);
                    }
                }
            }
            "items"
            | "additionalProperties"
            | "not"
            | "if"
            | "then"
            | "else"
            | "contains"
            | "propertyNames"
            | "unevaluatedItems"
            | "unevaluatedProperties" => {
                for_each_schema(value, visit);
            }
            _ => {}
        }
    }
}

/// A value of the library's data as JSON. Cannot fail: the data has no maps
/// with non-string keys (the tests check every file).
fn data<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A copy of `value` with every object's keys in sorted order.
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| (key.clone(), sorted(value)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mirror the rules schema is generated from serializes exactly as
    /// the rules do.
    #[test]
    fn rule_entry_mirrors_rule() {
        for rule in &RULES {
            let entry = RuleEntry {
                id: rule.id.to_owned(),
                family: rule.family,
                severity: rule.severity,
                cells: rule.cells.to_vec(),
                roles: data(&rule.check),
                blank: rule.check.blank(),
                applies: rule.applies(),
                description_vi: rule.description_vi(),
                description_en: rule.description_en(),
            };
            assert_eq!(data(&entry), data(rule), "{}", rule.id);
        }
    }
}
