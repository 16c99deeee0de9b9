//! The zip container of a Word or Excel document, read with limits.
//!
//! Only what an office document needs: the central directory (zip64
//! included), parts stored or deflated, read by name. Every size the file
//! declares is checked against the bytes there are, the number of parts
//! against [`MAX_PARTS`], and each part is inflated no further than
//! [`MAX_PART_BYTES`] (the parts read together no further than
//! [`MAX_INFLATED_BYTES`]), so that a zip bomb stops where the limit is,
//! in bounded time and memory.

use super::{MAX_INFLATED_BYTES, MAX_PART_BYTES, MAX_PARTS};
use crate::error::DocumentProblem;

/// End of central directory record.
const EOCD: u32 = 0x0605_4b50;
/// Zip64 end of central directory locator.
const EOCD64_LOCATOR: u32 = 0x0706_4b50;
/// Zip64 end of central directory record.
const EOCD64: u32 = 0x0606_4b50;
/// Central directory file header.
const CENTRAL: u32 = 0x0201_4b50;
/// Local file header.
const LOCAL: u32 = 0x0403_4b50;

/// One part of the container, as its central directory declares it.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    compressed: u64,
    size: u64,
    local_offset: u64,
}

/// An opened container: the document's bytes and its parts.
#[derive(Debug)]
pub(crate) struct Container<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    /// Bytes inflated so far, against [`MAX_INFLATED_BYTES`].
    inflated: usize,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let slice = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([slice[0], slice[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let slice = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([slice[0], slice[1], slice[2], slice[3]]))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let slice = bytes.get(at..at.checked_add(8)?)?;
    let mut array = [0_u8; 8];
    array.copy_from_slice(slice);
    Some(u64::from_le_bytes(array))
}

fn damaged(what: &'static str) -> DocumentProblem {
    DocumentProblem::Damaged { what }
}

/// Where the central directory is and how many entries it declares.
struct Directory {
    entries: u64,
    offset: u64,
    size: u64,
}

/// Finds the end of central directory record, searching back from the end
/// of the file over at most its comment's length (65,535 bytes).
fn find_directory(bytes: &[u8]) -> Result<Directory, DocumentProblem> {
    let last = bytes
        .len()
        .checked_sub(22)
        .ok_or_else(|| damaged("no zip directory"))?;
    let first = last.saturating_sub(65_535);
    let at = (first..=last)
        .rev()
        .find(|&at| u32_at(bytes, at) == Some(EOCD))
        .ok_or_else(|| damaged("no zip directory"))?;
    let read16 = |offset| u16_at(bytes, at + offset).ok_or_else(|| damaged("zip directory"));
    let read32 = |offset| u32_at(bytes, at + offset).ok_or_else(|| damaged("zip directory"));
    let entries = read16(10)?;
    let size = read32(12)?;
    let offset = read32(16)?;
    if entries != u16::MAX && size != u32::MAX && offset != u32::MAX {
        return Ok(Directory {
            entries: u64::from(entries),
            offset: u64::from(offset),
            size: u64::from(size),
        });
    }
    // Zip64: the locator stands just before the record.
    let locator = at
        .checked_sub(20)
        .filter(|&locator| u32_at(bytes, locator) == Some(EOCD64_LOCATOR))
        .ok_or_else(|| damaged("zip64 directory"))?;
    let record = u64_at(bytes, locator + 8)
        .and_then(|offset| usize::try_from(offset).ok())
        .filter(|&record| u32_at(bytes, record) == Some(EOCD64))
        .ok_or_else(|| damaged("zip64 directory"))?;
    let read64 = |offset| u64_at(bytes, record + offset).ok_or_else(|| damaged("zip64 directory"));
    Ok(Directory {
        entries: read64(32)?,
        size: read64(40)?,
        offset: read64(48)?,
    })
}

impl<'a> Container<'a> {
    /// Opens the container: reads its directory, refusing more than
    /// [`MAX_PARTS`] parts before any is read.
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Self, DocumentProblem> {
        let directory = find_directory(bytes)?;
        if directory.entries > MAX_PARTS as u64 {
            return Err(DocumentProblem::TooManyParts {
                parts: directory.entries,
                limit: MAX_PARTS,
            });
        }
        let start = usize::try_from(directory.offset).map_err(|_| damaged("zip directory"))?;
        let size = usize::try_from(directory.size).map_err(|_| damaged("zip directory"))?;
        let end = start
            .checked_add(size)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| damaged("zip directory"))?;
        let mut entries = Vec::new();
        let mut at = start;
        // At most `MAX_PARTS` entries (the count is checked above).
        for _ in 0..directory.entries {
            if at >= end || u32_at(bytes, at) != Some(CENTRAL) {
                return Err(damaged("zip directory entry"));
            }
            let field16 = |offset| u16_at(bytes, at + offset).ok_or_else(|| damaged("zip entry"));
            let field32 = |offset| u32_at(bytes, at + offset).ok_or_else(|| damaged("zip entry"));
            let flags = field16(8)?;
            let method = field16(10)?;
            let mut compressed = u64::from(field32(20)?);
            let mut size = u64::from(field32(24)?);
            let name_length = usize::from(field16(28)?);
            let extra_length = usize::from(field16(30)?);
            let comment_length = usize::from(field16(32)?);
            let mut local_offset = u64::from(field32(42)?);
            let name_start = at + 46;
            let name = bytes
                .get(name_start..name_start + name_length)
                .ok_or_else(|| damaged("zip entry name"))?;
            let extra = bytes
                .get(name_start + name_length..name_start + name_length + extra_length)
                .ok_or_else(|| damaged("zip entry"))?;
            // Zip64 sizes and offset, for the fields set to 0xFFFFFFFF.
            let mut cursor = 0;
            while cursor + 4 <= extra.len() {
                let id = u16_at(extra, cursor).unwrap_or_default();
                let length = usize::from(u16_at(extra, cursor + 2).unwrap_or_default());
                let data = extra.get(cursor + 4..cursor + 4 + length).unwrap_or(&[]);
                if id == 1 {
                    let mut field = 0;
                    let mut next = || {
                        let value = u64_at(data, field);
                        field += 8;
                        value.ok_or_else(|| damaged("zip64 entry"))
                    };
                    if size == u64::from(u32::MAX) {
                        size = next()?;
                    }
                    if compressed == u64::from(u32::MAX) {
                        compressed = next()?;
                    }
                    if local_offset == u64::from(u32::MAX) {
                        local_offset = next()?;
                    }
                }
                cursor += 4 + length;
            }
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                flags,
                method,
                compressed,
                size,
                local_offset,
            });
            at = name_start + name_length + extra_length + comment_length;
        }
        Ok(Self {
            bytes,
            entries,
            inflated: 0,
        })
    }

    /// Whether the container has a part of this name (case-insensitive, as
    /// OOXML part names are).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.entry(name).is_some()
    }

    fn entry(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        self.entries
            .iter()
            .find(|entry| entry.name.eq_ignore_ascii_case(name))
    }

    /// The bytes of a part, inflated; `Ok(None)` when there is no such part.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocumentProblem> {
        let Some(entry) = self.entry(name).cloned() else {
            return Ok(None);
        };
        if entry.flags & 1 != 0 {
            return Err(DocumentProblem::Encrypted);
        }
        let left = MAX_INFLATED_BYTES.saturating_sub(self.inflated);
        let limit = MAX_PART_BYTES.min(left);
        let too_large = DocumentProblem::PartTooLarge {
            limit: if left < MAX_PART_BYTES {
                MAX_INFLATED_BYTES
            } else {
                MAX_PART_BYTES
            },
        };
        if entry.size > limit as u64 {
            return Err(too_large);
        }
        let local = usize::try_from(entry.local_offset).map_err(|_| damaged("zip part"))?;
        if u32_at(self.bytes, local) != Some(LOCAL) {
            return Err(damaged("zip part header"));
        }
        let name_length = usize::from(u16_at(self.bytes, local + 26).unwrap_or_default());
        let extra_length = usize::from(u16_at(self.bytes, local + 28).unwrap_or_default());
        let start = local + 30 + name_length + extra_length;
        let data = usize::try_from(entry.compressed)
            .ok()
            .and_then(|length| self.bytes.get(start..start.checked_add(length)?))
            .ok_or_else(|| damaged("zip part data"))?;
        let out = match entry.method {
            0 => {
                if data.len() > limit {
                    return Err(too_large);
                }
                data.to_vec()
            }
            8 => inflate(data, entry.size, limit).ok_or(too_large)??,
            method => return Err(DocumentProblem::UnsupportedCompression { method }),
        };
        self.inflated = self.inflated.saturating_add(out.len());
        Ok(Some(out))
    }
}

/// Inflates raw deflate data to at most `limit` bytes: `Some(Err)` when
/// the data is damaged, `None` past the limit. The output grows from the
/// declared size by doubling, each time to the exact length (never past
/// the limit), so a part takes at most `limit` bytes however it lies.
fn inflate(data: &[u8], declared: u64, limit: usize) -> Option<Result<Vec<u8>, DocumentProblem>> {
    use miniz_oxide::inflate::TINFLStatus;
    use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let start = usize::try_from(declared)
        .unwrap_or(limit)
        .max(1_024)
        .min(limit);
    let mut out: Vec<u8> = Vec::new();
    out.reserve_exact(start);
    out.resize(start, 0);
    let mut state = Box::<DecompressorOxide>::default();
    let mut input = data;
    let mut position = 0;
    loop {
        let (status, consumed, produced) = decompress(&mut state, input, &mut out, position, flags);
        position += produced;
        match status {
            TINFLStatus::Done => {
                out.truncate(position);
                return Some(Ok(out));
            }
            TINFLStatus::HasMoreOutput => {
                input = input.get(consumed..).unwrap_or_default();
                if out.len() >= limit {
                    return None;
                }
                let length = out.len().saturating_mul(2).min(limit);
                out.reserve_exact(length - out.len());
                out.resize(length, 0);
            }
            _ => return Some(Err(damaged("a compressed part"))),
        }
    }
}
