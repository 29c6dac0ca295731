//! Entry requirements: each names real positions and levels, and the
//! journeys people took meet them.

use super::steps::{KnownPositions, unknown_position};
use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::journey::{Network, PositionIndex, Requirement, Standing, Unmet, admits};
use crate::source::document::{JourneyDoc, RequirementDoc};
use toml::Spanned;

/// Resolves a position's `requires` list. An alternative with an unknown
/// level or position is reported and left out; an empty one is an error,
/// because "any one of" an empty alternative would let anyone in.
pub fn resolve(
    docs: &[Spanned<RequirementDoc>],
    known: &KnownPositions<'_>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Requirement> {
    let mut resolved = Vec::with_capacity(docs.len());
    for doc in docs {
        let entry = doc.get_ref();
        if entry.age.is_none()
            && entry.max_age.is_none()
            && entry.level.is_none()
            && entry.after.is_empty()
        {
            diagnostics.push(
                Diagnostic::new(&codes::EMPTY_REQUIREMENT, file, Some(doc.span()), "this requirement asks for nothing")
                    .with_label("no age, max_age, level or after")
                    .with_hint("Give at least one of age, max_age, level or after, e.g. { age = 16, level = 2 }; to say anyone can start, leave `requires` out."),
            );
            continue;
        }
        let mut ok = true;
        let level = match &entry.level {
            Some(level) => {
                let checked = super::level::check(level, file, diagnostics);
                ok &= checked.is_some();
                checked
            }
            None => None,
        };
        let mut after = Vec::with_capacity(entry.after.len());
        for id in &entry.after {
            match known.by_id.get(id.get_ref().as_str()) {
                Some(&p) => after.push(p),
                None if known.broken.contains(id.get_ref().as_str()) => ok = false,
                None => {
                    ok = false;
                    diagnostics.push(unknown_position(id, known, file));
                }
            }
        }
        if ok {
            resolved.push(Requirement {
                age: entry.age,
                max_age: entry.max_age,
                level,
                after,
            });
        }
    }
    resolved
}

/// Each step of a journey should meet the entry requirements of where it
/// goes, given what the person held before. Ages are not known, so only
/// levels and positions held are checked; the first step is where the
/// journey begins, so its requirements are taken as met.
pub fn check_journey(
    network: &Network,
    doc: &JourneyDoc,
    steps: &[PositionIndex],
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some((&first, rest)) = steps.split_first() else {
        return;
    };
    // Ages are not part of a journey: an unknown age meets every limit.
    let mut standing = Standing::new(network, None, &[first]);
    for (&to, step) in rest.iter().zip(doc.step.get_ref().iter().skip(1)) {
        if let Err(unmet) = admits(network, to, &standing) {
            let title = &network.position(to).id;
            diagnostics.push(
                Diagnostic::new(
                    &codes::BREAKS_REQUIREMENT,
                    file,
                    Some(step.position.span()),
                    format!(
                        "`{title}` needs {}, which this journey does not have by this step",
                        needs(network, &unmet)
                    ),
                )
                .with_label(format!("{} by here", has(network, &unmet, &standing)))
                .with_hint(format!(
                    "Add the step that gave it (a qualification, say) before this one, or, if people really start `{title}` without it, add that way in to its `requires` list."
                )),
            );
        }
        standing.hold(network, to, 0.0);
    }
}

fn needs(network: &Network, unmet: &Unmet) -> String {
    match unmet {
        Unmet::Age { needs, .. } => format!("an age of {needs} or over"),
        Unmet::TooOld { limit, .. } => format!("an age of {limit} or under"),
        Unmet::Level { needs, .. } => format!("{needs}"),
        Unmet::After(ids) => {
            let ids: Vec<String> = ids
                .iter()
                .map(|&p| format!("`{}`", network.position(p).id))
                .collect();
            format!("one of {} before it", ids.join(", "))
        }
    }
}

fn has(network: &Network, unmet: &Unmet, standing: &Standing) -> String {
    match (unmet, standing.level.1) {
        (Unmet::Level { has, .. }, Some(from)) => {
            format!("{has} reached, from `{}`,", network.position(from).id)
        }
        (Unmet::Level { has, .. }, None) => format!("only {has}"),
        (Unmet::After(_), _) => "none of them held".to_owned(),
        (Unmet::Age { would_be, .. } | Unmet::TooOld { would_be, .. }, _) => {
            format!("aged {would_be}")
        }
    }
}
