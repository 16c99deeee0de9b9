//! Reference counts: how many departments, districts and communes the
//! reporting body has.
//!
//! The forms print shares of these populations (form 4 row 1.1, "share of
//! departments that reorganised"; form 7 rows 5.1.x and 5.3.x, shares of
//! departments, districts and communes linked to a system) without printing
//! the populations themselves. A caller who knows them says so in the
//! report's metadata ([`ReportMeta::reference`](crate::meta::ReportMeta::reference));
//! the checks then require each such share to be `100 · k / n` for a whole
//! `k ≤ n` within its printed precision, and a count of departments or
//! districts checked to stay within the population. Without a count those
//! rules are not evaluated: a population is never guessed.
//!
//! # Example
//! ```
//! use cchc_forms::{samples, Reference};
//!
//! let mut report = samples::bac_giang_2023_q3();
//! assert!(report.meta.reference.is_empty()); // the forms do not print them
//! // The report's narrative: 10 districts and cities, 209 communes.
//! report.meta.reference = Reference { departments: Some(19), districts: Some(10), communes: Some(209) };
//! assert!(report.validate().iter().all(|f| !f.rule.as_str().starts_with("share:")));
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How many bodies of each kind the reporting body has, each optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Provincial departments and sectors (sở, ngành), `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departments: Option<u32>,
    /// District-level People's Committees (huyện, thị xã, thành phố thuộc
    /// tỉnh), `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub districts: Option<u32>,
    /// Commune-level People's Committees (xã, phường, thị trấn), `None`
    /// when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communes: Option<u32>,
}

impl Reference {
    /// No count given.
    pub const NONE: Reference = Reference {
        departments: None,
        districts: None,
        communes: None,
    };

    /// Whether no count is given.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::Reference;
    /// assert!(Reference::default().is_empty());
    /// assert!(!Reference { communes: Some(209), ..Reference::NONE }.is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.departments.is_none() && self.districts.is_none() && self.communes.is_none()
    }

    /// The count of one kind, `None` when not given.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{Reference, ReferenceCount};
    /// let reference = Reference { districts: Some(10), ..Reference::NONE };
    /// assert_eq!(reference.get(ReferenceCount::Districts), Some(10));
    /// assert_eq!(reference.get(ReferenceCount::Communes), None);
    /// ```
    #[must_use]
    pub const fn get(&self, kind: ReferenceCount) -> Option<u32> {
        match kind {
            ReferenceCount::Departments => self.departments,
            ReferenceCount::Districts => self.districts,
            ReferenceCount::Communes => self.communes,
        }
    }

    /// Sets the count of one kind (`None` to forget it).
    pub fn set(&mut self, kind: ReferenceCount, count: Option<u32>) {
        match kind {
            ReferenceCount::Departments => self.departments = count,
            ReferenceCount::Districts => self.districts = count,
            ReferenceCount::Communes => self.communes = count,
        }
    }
}

/// A kind of body a reference count counts (serialized in `snake_case`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceCount {
    /// Provincial departments and sectors (sở, ngành).
    Departments,
    /// District-level People's Committees.
    Districts,
    /// Commune-level People's Committees.
    Communes,
}

impl ReferenceCount {
    /// Every kind, in order.
    pub const ALL: [ReferenceCount; 3] = [
        ReferenceCount::Departments,
        ReferenceCount::Districts,
        ReferenceCount::Communes,
    ];

    /// The name as serialized and as the `#!` metadata key (`departments`).
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            ReferenceCount::Departments => "departments",
            ReferenceCount::Districts => "districts",
            ReferenceCount::Communes => "communes",
        }
    }

    /// The population in Vietnamese, as the forms word it (`sở, ngành`).
    #[must_use]
    pub const fn name_vi(self) -> &'static str {
        match self {
            ReferenceCount::Departments => "số sở, ngành",
            ReferenceCount::Districts => "số đơn vị cấp huyện",
            ReferenceCount::Communes => "số đơn vị cấp xã",
        }
    }

    /// The population in English.
    #[must_use]
    pub const fn name_en(self) -> &'static str {
        match self {
            ReferenceCount::Departments => "departments",
            ReferenceCount::Districts => "districts",
            ReferenceCount::Communes => "communes",
        }
    }
}
