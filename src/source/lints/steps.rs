use crate::diagnostic::{Diagnostic, FileId};
use crate::journey::{PositionIndex, Step};
use crate::source::document::StepDoc;
use crate::source::suggest::closest;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

/// The positions that loaded, by id, and the ids of those that did not.
pub struct KnownPositions<'a> {
    /// Every position that loaded.
    pub by_id: &'a HashMap<String, PositionIndex>,
    /// Positions that exist but failed to load: already reported, so steps
    /// naming them are not reported again.
    pub broken: &'a HashSet<String>,
}

/// Resolves a journey's steps to positions. Returns `None` (after reporting)
/// when a step names an unknown position or there are fewer than two steps.
pub fn resolve(
    steps: &Spanned<Vec<StepDoc>>,
    journey_id: &Spanned<String>,
    known: &KnownPositions<'_>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Step>> {
    let mut resolved = Vec::with_capacity(steps.get_ref().len());
    let mut complete = true;
    for step in steps.get_ref() {
        let id = step.position.get_ref();
        match known.by_id.get(id.as_str()) {
            Some(&position) => resolved.push(Step {
                position,
                years: step.years,
                note: step.note.clone(),
            }),
            None if known.broken.contains(id.as_str()) => complete = false,
            None => {
                complete = false;
                let hint = match closest(id, known.by_id.keys().map(String::as_str)) {
                    Some(near) => format!(
                        "Did you mean \"{near}\"? Otherwise add a [[position]] with id = \"{id}\" under journeys/positions/."
                    ),
                    None => format!(
                        "Add a [[position]] with id = \"{id}\" under journeys/positions/, or use the id of an existing position."
                    ),
                };
                diagnostics.push(
                    Diagnostic::error(
                        "unknown-position",
                        file,
                        Some(step.position.span()),
                        format!("no position has the id `{id}`"),
                    )
                    .with_label("not defined in any journey file")
                    .with_hint(hint),
                );
            }
        }
    }
    if steps.get_ref().len() < 2 {
        diagnostics.push(
            Diagnostic::error("too-few-steps", file, Some(journey_id.span()), format!("the journey `{}` has {} step(s); a journey needs at least two", journey_id.get_ref(), steps.get_ref().len()))
                .with_label("this journey goes nowhere")
                .with_hint("Add a [[journey.step]] for where the person started and one for where they went next."),
        );
        return None;
    }
    complete.then_some(resolved)
}
