//! Word and Excel documents made in tests: a zip writer (stored or
//! deflated parts, sizes declared honestly or not), a zip reader for the
//! committed fixtures, and the smallest `.docx` and `.xlsx` around a part.

#![allow(dead_code)] // each test binary uses some of it

use std::fmt::Write as _;
use std::path::Path;

/// A committed fixture's bytes (`tests/data/office/NAME`).
pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/office")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A part to write: its name, bytes, whether to deflate it, and the size
/// to declare when not its own (a zip bomb lies).
pub struct Part {
    pub name: String,
    pub bytes: Vec<u8>,
    pub deflate: bool,
    pub declared: Option<u32>,
}

impl Part {
    pub fn new(name: &str, bytes: impl Into<Vec<u8>>) -> Part {
        Part {
            name: name.to_owned(),
            bytes: bytes.into(),
            deflate: true,
            declared: None,
        }
    }
}

/// A zip file of the parts.
pub fn zip(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for part in parts {
        let data = if part.deflate {
            miniz_oxide::deflate::compress_to_vec(&part.bytes, 6)
        } else {
            part.bytes.clone()
        };
        let method: u16 = if part.deflate { 8 } else { 0 };
        let size = part
            .declared
            .unwrap_or(u32::try_from(part.bytes.len()).expect("a small part"));
        let offset = u32::try_from(out.len()).expect("a small zip");
        let name = part.name.as_bytes();
        let header = |out: &mut Vec<u8>, central: bool| {
            out.extend_from_slice(if central {
                &[0x50, 0x4b, 0x01, 0x02, 20, 0]
            } else {
                &[0x50, 0x4b, 0x03, 0x04]
            });
            out.extend_from_slice(&20_u16.to_le_bytes()); // version needed
            out.extend_from_slice(&0x0800_u16.to_le_bytes()); // UTF-8 names
            out.extend_from_slice(&method.to_le_bytes());
            out.extend_from_slice(&[0, 0, 0x21, 0]); // time, date
            out.extend_from_slice(&0_u32.to_le_bytes()); // CRC, not checked
            out.extend_from_slice(&u32::try_from(data.len()).expect("small").to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&u16::try_from(name.len()).expect("a name").to_le_bytes());
            out.extend_from_slice(&0_u16.to_le_bytes()); // extra
            if central {
                out.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
                out.extend_from_slice(&0_u32.to_le_bytes()); // external attributes
                out.extend_from_slice(&offset.to_le_bytes());
            }
            out.extend_from_slice(name);
        };
        header(&mut out, false);
        out.extend_from_slice(&data);
        header(&mut central, true);
    }
    let directory = u32::try_from(out.len()).expect("a small zip");
    let count = u16::try_from(parts.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&central);
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&u32::try_from(central.len()).expect("small").to_le_bytes());
    out.extend_from_slice(&directory.to_le_bytes());
    out.extend_from_slice(&0_u16.to_le_bytes());
    out
}

fn u16_at(bytes: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
}

/// The parts of a (well-formed, small) zip file: names and bytes.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let end = (0..bytes.len() - 21)
        .rev()
        .find(|&at| bytes[at..at + 4] == [0x50, 0x4b, 0x05, 0x06])
        .expect("a zip directory");
    let count = u16_at(bytes, end + 10);
    let mut at = u32_at(bytes, end + 16);
    let mut parts = Vec::new();
    for _ in 0..count {
        let method = u16_at(bytes, at + 10);
        let compressed = u32_at(bytes, at + 20);
        let name_length = u16_at(bytes, at + 28);
        let skip = name_length + u16_at(bytes, at + 30) + u16_at(bytes, at + 32);
        let local = u32_at(bytes, at + 42);
        let name =
            String::from_utf8(bytes[at + 46..at + 46 + name_length].to_vec()).expect("UTF-8");
        let start = local + 30 + u16_at(bytes, local + 26) + u16_at(bytes, local + 28);
        let data = &bytes[start..start + compressed];
        let data = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec(data).expect("deflate"),
            other => panic!("method {other}"),
        };
        parts.push((name, data));
        at += 46 + skip;
    }
    parts
}

/// A `.docx` of the body XML given (inside `<w:body>`).
pub fn docx_of_body(body: &str) -> Vec<u8> {
    docx_of_document(&format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    ))
}

/// A `.docx` whose `word/document.xml` is the text given.
pub fn docx_of_document(document: &str) -> Vec<u8> {
    zip(&[
        Part::new("[Content_Types].xml", CONTENT_TYPES),
        Part::new("word/document.xml", document.as_bytes()),
    ])
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

/// A paragraph of Word.
pub fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A Word table of rows of cells (texts).
pub fn table(rows: &[&[&str]]) -> String {
    let mut out = String::from("<w:tbl>");
    for row in rows {
        out.push_str("<w:tr>");
        for cell in *row {
            out.push_str("<w:tc>");
            out.push_str(&paragraph(cell));
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// An `.xlsx` of sheets (name, `<sheetData>` content), with shared strings
/// and styles when given.
pub fn xlsx(sheets: &[(&str, String)], shared: Option<String>, styles: Option<&str>) -> Vec<u8> {
    let mut workbook = String::from(
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut parts = vec![Part::new("[Content_Types].xml", CONTENT_TYPES)];
    for (index, (name, data)) in sheets.iter().enumerate() {
        let number = index + 1;
        let _ = write!(
            workbook,
            r#"<sheet name="{name}" sheetId="{number}" r:id="rId{number}"/>"#
        );
        let _ = write!(
            rels,
            r#"<Relationship Id="rId{number}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{number}.xml"/>"#
        );
        parts.push(Part::new(
            &format!("xl/worksheets/sheet{number}.xml"),
            format!(
                r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
            ),
        ));
    }
    if let Some(shared) = shared {
        rels.push_str(r#"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#);
        parts.push(Part::new("xl/sharedStrings.xml", shared));
    }
    if let Some(styles) = styles {
        rels.push_str(r#"<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#);
        parts.push(Part::new("xl/styles.xml", styles));
    }
    workbook.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    parts.push(Part::new("xl/workbook.xml", workbook));
    parts.push(Part::new("xl/_rels/workbook.xml.rels", rels));
    zip(&parts)
}

/// A row of inline-string cells from column A.
pub fn text_row(row: u32, cells: &[&str]) -> String {
    let mut out = format!(r#"<row r="{row}">"#);
    for (index, text) in cells.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        let column = char::from(b'A' + u8::try_from(index).expect("few columns"));
        let _ = write!(
            out,
            r#"<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>"#
        );
    }
    out.push_str("</row>");
    out
}
