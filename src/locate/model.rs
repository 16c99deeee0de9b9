//! The adapter: the rule table, translated into localisation's own
//! constraints over cells.
//!
//! This is the only file that reads the rule table ([`RULES`],
//! [`Rule::kind`](crate::check::Rule::kind), `rule.cells`, `rule.severity`,
//! `rule.id`). Each rule of severity error becomes a hard constraint; each
//! warning a soft one (soft constraints never make a set of cells necessary,
//! they only steer the suggested value). Info rules (derivable blanks) say
//! nothing about consistency and are left out.

use std::sync::OnceLock;

use crate::catalogue::CellId;
use crate::check::{Condition, Constraint as Shape, RULES};
use crate::finding::Severity;

/// What a constraint requires, naming its cells by their part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `total` overlaps the sum of `parts` when `exhaustive` and every part
    /// is reported; otherwise the reported parts can be at most `total`.
    Sum {
        total: CellId,
        parts: &'static [CellId],
        exhaustive: bool,
        /// Whether the reported parts must be at most `total` (every sum
        /// and "of which" rule but a sum whose parts above the total are
        /// only a warning, and a cover: `total ≤ Σ parts` alone).
        bounded: bool,
    },
    /// `min ≤ cell ≤ max`, in whole units of the cell.
    Bound {
        cell: CellId,
        min: Option<i64>,
        max: Option<i64>,
    },
    /// `rate` is `100 × numerator / denominator` within its printed precision.
    Ratio {
        rate: CellId,
        numerator: CellId,
        denominator: CellId,
    },
    /// When `code` is `when`, the `dependents` are blank or zero.
    Conditional {
        code: CellId,
        when: u8,
        dependents: &'static [CellId],
    },
    /// `overall` lies within the range of `levels`.
    LevelRange {
        overall: CellId,
        levels: &'static [CellId],
    },
    /// `left` and `right` are the same quantity.
    Same { left: CellId, right: CellId },
    /// When `premise` holds, `conclusion` must (conditions on counts and codes).
    Implies {
        premise: Condition,
        conclusion: Condition,
    },
}

/// One rule as localisation sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Constraint {
    /// The rule's id, for messages.
    pub rule: &'static str,
    /// What it requires.
    pub kind: Kind,
    /// Every cell it reads.
    pub cells: &'static [CellId],
    /// An error rule (hard), or a warning (soft).
    pub hard: bool,
}

/// Every constraint, translated once.
///
/// A sum whose severity depends on the direction of the imbalance (`3/1.4`:
/// parts above the total a warning, below an error) is translated as the
/// equality, hard: conservative, so that a repair never leaves the error
/// direction, nor trades it for the warning one (the sample's suggestions
/// stay the totals that balance: `3/1.4 = 1.896`, not a digit swap below it).
pub(crate) fn constraints() -> &'static [Constraint] {
    static TABLE: OnceLock<Vec<Constraint>> = OnceLock::new();
    TABLE.get_or_init(|| RULES.iter().filter_map(translate).collect())
}

/// One rule, or `None` for a rule that says nothing about consistency (an
/// info note) or whose kind this adapter does not know (the shares and the
/// bounds by reference counts, warnings that only reference counts outside
/// the cells decide, are left out: soft constraints never make a set
/// necessary).
fn translate(rule: &'static crate::check::Rule) -> Option<Constraint> {
    let hard = match rule.severity {
        Severity::Error => true,
        Severity::Warning => false,
        Severity::Info => return None,
    };
    let cells = rule.cells;
    let kind = match rule.check.constraint() {
        Shape::Ratio {
            rate,
            numerator,
            denominator,
        } => Kind::Ratio {
            rate,
            numerator,
            denominator,
        },
        Shape::Total {
            total,
            parts,
            exhaustive,
        } => Kind::Sum {
            total,
            parts,
            exhaustive,
            bounded: true,
        },
        // `cell ≤ Σ covering` when all are reported: a total bounded by its
        // parts, one way.
        Shape::Covered { cell, covering } => Kind::Sum {
            total: cell,
            parts: covering,
            exhaustive: true,
            bounded: false,
        },
        Shape::Implies {
            premise,
            conclusion,
        } => Kind::Implies {
            premise,
            conclusion,
        },
        Shape::Bound { cell, min, max } => Kind::Bound { cell, min, max },
        Shape::Conditional {
            code,
            when,
            dependents,
        } => Kind::Conditional {
            code,
            when,
            dependents,
        },
        Shape::Range { overall, levels } => Kind::LevelRange { overall, levels },
        Shape::Equal { left, right } => Kind::Same { left, right },
        // Notes, and rows that do not apply to some periods (district rows
        // after 1 July 2025), constrain nothing here.
        _ => return None,
    };
    Some(Constraint {
        rule: rule.id,
        kind,
        cells,
        hard,
    })
}
