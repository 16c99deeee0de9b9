//! The adapter: a template's rule table, read as constraints over cells.
//!
//! This is the only file that reads the rule table (a template's
//! [`rules`](crate::template::Template::rules),
//! [`Check::constraint`](crate::check::Check::constraint), `rule.cells`,
//! `rule.severity`, `rule.id`). Each rule of severity error becomes a hard
//! constraint; each warning a soft one (soft constraints never make a set
//! of cells necessary, they only steer the suggested value). Info rules
//! (derivable blanks) say nothing about consistency and are left out, and
//! so are the rules of rows that do not apply to some periods (district
//! rows after 1 July 2025), which localisation handles apart: such a row is
//! blank to every other rule, and a value in it is repaired by blanking it.
//!
//! What a constraint requires is the family's own
//! [`Constraint`](crate::check::Constraint) shape, not a copy of it.
//!
//! 581's model is built once, the first time one of its reports is
//! localised; another template's is built for each report it localises
//! (no registry of templates is kept).

use std::sync::OnceLock;

use crate::catalogue::CellId;
use crate::check::Constraint as Shape;
use crate::check::Rule;
use crate::finding::Severity;
use crate::template::Template;

/// One rule as localisation sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Constraint {
    /// The rule's id, for messages.
    pub rule: &'static str,
    /// What it requires.
    pub kind: Shape,
    /// Every cell it reads.
    pub cells: &'static [CellId],
    /// An error rule (hard), or a warning (soft).
    pub hard: bool,
    /// The rule's position in its template's rule table.
    pub index: usize,
}

/// The constraints, translated once, with what localisation looks up in
/// them.
pub(crate) struct Model {
    /// Every constraint, in rule order.
    pub constraints: Vec<Constraint>,
    /// The constraint of each rule, by the rule's position in the table.
    pub of_rule: Vec<Option<usize>>,
    /// The hard constraints that read each cell, by cell index.
    pub hard_of_cell: Vec<Vec<usize>>,
    /// The rules (of every severity) that read each cell, by cell index:
    /// their positions in the table.
    pub rules_of_cell: Vec<Vec<usize>>,
    /// The group of linked cells each cell belongs to (cells linked
    /// through hard constraints), by cell index: the least cell index of
    /// the group.
    pub group_of_cell: Vec<usize>,
}

/// The model of 581's rule table, made once: the template this crate
/// ships; `None` for any other template, whose model is built for each
/// report it localises ([`build`]).
pub(crate) fn shared(template: &'static Template) -> Option<&'static Model> {
    static BNV_581: OnceLock<Model> = OnceLock::new();
    std::ptr::eq(template, &raw const crate::bnv581::BNV_581)
        .then(|| BNV_581.get_or_init(|| build(template)))
}

/// The model of `template`'s rule table.
pub(crate) fn build(template: &'static Template) -> Model {
    let cell_count = template.catalogue.indicators.len();
    let mut constraints = Vec::new();
    let mut of_rule = vec![None; template.rules.len()];
    let mut rules_of_cell = vec![Vec::new(); cell_count];
    for (index, rule) in template.rules.iter().enumerate() {
        for cell in rule.cells {
            if let Some(list) = rules_of_cell.get_mut(cell.index()) {
                list.push(index);
            }
        }
        if let Some(constraint) = translate(rule, index) {
            of_rule[index] = Some(constraints.len());
            constraints.push(constraint);
        }
    }
    let mut hard_of_cell = vec![Vec::new(); cell_count];
    let mut parent: Vec<usize> = (0..cell_count).collect();
    for (index, constraint) in constraints.iter().enumerate() {
        if !constraint.hard {
            continue;
        }
        for cell in constraint.cells {
            if let Some(list) = hard_of_cell.get_mut(cell.index()) {
                list.push(index);
            }
        }
        if let Some((first, rest)) = constraint.cells.split_first() {
            for cell in rest {
                let (a, b) = (
                    root(&mut parent, first.index()),
                    root(&mut parent, cell.index()),
                );
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let group_of_cell = (0..cell_count).map(|at| root(&mut parent, at)).collect();
    Model {
        constraints,
        of_rule,
        hard_of_cell,
        rules_of_cell,
        group_of_cell,
    }
}

/// The root of a cell's group (union by least index, paths halved).
fn root(parent: &mut [usize], mut at: usize) -> usize {
    while parent[at] != at {
        parent[at] = parent[parent[at]];
        at = parent[at];
    }
    at
}

/// One rule, or `None` for a rule that says nothing about consistency (an
/// info note), a row that does not apply (handled apart), or a shape this
/// adapter does not know (the shares and the bounds by reference counts,
/// warnings that only reference counts outside the cells decide: soft
/// constraints never make a set necessary).
///
/// A sum whose severity depends on the direction of the imbalance (`3/1.4`:
/// parts above the total a warning, below an error) is the rule's worst
/// severity, an error, so it is the equality, hard: conservative, so that a
/// repair never leaves the error direction, nor trades it for the warning
/// one (the sample's suggestions stay the totals that balance: `3/1.4 =
/// 1.896`, not a digit swap below it).
fn translate(rule: &'static Rule, index: usize) -> Option<Constraint> {
    let hard = match rule.severity {
        Severity::Error => true,
        Severity::Warning => false,
        Severity::Info => return None,
    };
    let kind = rule.check.constraint();
    match kind {
        Shape::Ratio { .. }
        | Shape::Total { .. }
        | Shape::Bound { .. }
        | Shape::Conditional { .. }
        | Shape::Range { .. }
        | Shape::Equal { .. }
        | Shape::Covered { .. }
        | Shape::Implies { .. } => Some(Constraint {
            rule: rule.id,
            kind,
            cells: rule.cells,
            hard,
            index,
        }),
        // Notes, rows that do not apply (handled apart), and the warnings
        // that only reference counts outside the cells decide. Listed, not
        // a wildcard: a new shape does not compile until it is placed.
        Shape::Derivable { .. }
        | Shape::Inapplicable { .. }
        | Shape::Share { .. }
        | Shape::WithinReference { .. }
        | Shape::Rounded { .. } => None,
    }
}
