use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::journey::{Network, PositionIndex, Step};
use crate::source::document::{JourneyDoc, StepDoc};
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
                diagnostics.push(unknown_position(&step.position, known, file));
            }
        }
    }
    if steps.get_ref().len() < 2 {
        diagnostics.push(
            Diagnostic::new(&codes::TOO_FEW_STEPS, file, Some(journey_id.span()), format!("the journey `{}` has {} step(s); a journey needs at least two", journey_id.get_ref(), steps.get_ref().len()))
                .with_label("this journey goes nowhere")
                .with_hint("Add a [[journey.step]] for where the person started and one for where they went next."),
        );
        return None;
    }
    complete.then_some(resolved)
}

/// The diagnostic for an id no position has, with the closest id as a hint.
pub fn unknown_position(
    id: &Spanned<String>,
    known: &KnownPositions<'_>,
    file: FileId,
) -> Diagnostic {
    let text = id.get_ref();
    let hint = match closest(text, known.by_id.keys().map(String::as_str)) {
        Some(near) => format!(
            "Did you mean \"{near}\"? Otherwise add a [[position]] with id = \"{text}\" under journeys/positions/."
        ),
        None => format!(
            "Add a [[position]] with id = \"{text}\" under journeys/positions/, or use the id of an existing position."
        ),
    };
    Diagnostic::new(
        &codes::UNKNOWN_POSITION,
        file,
        Some(id.span()),
        format!("no position has the id `{text}`"),
    )
    .with_label("not defined in any journey file")
    .with_hint(hint)
}

/// Each step must ride a line forward or take a connection, or the trip
/// cannot be drawn: report the step where no track leads.
pub fn check_on_the_map(
    network: &Network,
    doc: &JourneyDoc,
    steps: &[Step],
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut ok = true;
    for (pair, docs) in steps.windows(2).zip(doc.step.get_ref().windows(2)) {
        let (from, to) = (pair[0].position, pair[1].position);
        if from == to || network.ride(from, to).is_some() {
            continue;
        }
        ok = false;
        let (a, b) = (docs[0].position.get_ref(), docs[1].position.get_ref());
        diagnostics.push(
            Diagnostic::new(
                &codes::OFF_THE_MAP,
                file,
                Some(docs[1].position.span()),
                format!("no line goes from `{a}` to `{b}`, and no connection joins them"),
            )
            .with_label("this step is on no line")
            .with_hint(format!(
                "A step rides a line forward, in the order of its `stations`. If people really go this way, add the stations to a [[line]], or add a [[connection]] with from = \"{a}\" and to = \"{b}\" (a change between pathways)."
            )),
        );
    }
    ok
}
