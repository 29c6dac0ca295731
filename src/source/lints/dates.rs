//! Dates that add up: a journey's steps start while each position was open
//! to new starts, and no journey runs past the present day.

use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::journey::Step;
use crate::source::document::JourneyDoc;
use toml::Spanned;

/// The years a position took new starts, as written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Open {
    /// The first year anyone could start.
    pub first: Option<u16>,
    /// The last year anyone could start.
    pub last: Option<u16>,
}

/// `first_start` must not come after `last_start`.
pub fn check_open(
    first: Option<&Spanned<u16>>,
    last: Option<&Spanned<u16>>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Open {
    let open = Open {
        first: first.map(|y| *y.get_ref()),
        last: last.map(|y| *y.get_ref()),
    };
    if let (Some(f), Some(l), Some(at)) = (open.first, open.last, last)
        && f > l
    {
        diagnostics.push(
            Diagnostic::new(
                &codes::CLOSED_BEFORE_OPENING,
                file,
                Some(at.span()),
                format!("`last_start` is {l}, before `first_start` {f}"),
            )
            .with_label("before it opened")
            .with_hint("Swap the two years, or check them against the official page."),
        );
        return Open::default();
    }
    open
}

/// The current year from the system clock, for the edges (the CLI, tests)
/// to pass to the loader. Counted in mean Gregorian years, so it may be a
/// day early or late around New Year, which a check on whole years can
/// afford.
pub fn this_year() -> u16 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let years = seconds as f64 / (365.2425 * 86_400.0);
    (1970.0 + years).floor() as u16
}

/// With `started`, each step begins at `started` plus the years of the
/// steps before it. Report a step begun before its position opened or after
/// it closed, and, given `today`, a journey whose years end after it.
pub fn check_journey(
    doc: &JourneyDoc,
    steps: &[Step],
    open: &[Open],
    today: Option<u16>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(started) = &doc.started else {
        return;
    };
    let mut at = f32::from(*started.get_ref());
    for (step, written) in steps.iter().zip(doc.step.get_ref()) {
        let year = at.floor() as u16;
        let window = open.get(step.position.get()).copied().unwrap_or_default();
        let id = written.position.get_ref();
        if let Some(first) = window.first.filter(|&f| year < f) {
            diagnostics.push(
                Diagnostic::new(&codes::NOT_OPEN_YET, file, Some(written.position.span()), format!("this step starts in {year}, but `{id}` took its first starts in {first}"))
                    .with_label(format!("{year} by `started` and the years before"))
                    .with_hint("Check `started` and the `years` of the steps before this one; if the person took something else then, use that position."),
            );
        }
        if let Some(last) = window.last.filter(|&l| year > l) {
            diagnostics.push(
                Diagnostic::new(&codes::CLOSED_BY_THEN, file, Some(written.position.span()), format!("this step starts in {year}, but `{id}` took its last new starts in {last}"))
                    .with_label(format!("{year} by `started` and the years before"))
                    .with_hint("Check `started` and the `years` of the steps before this one; if the person took its replacement, use that position."),
            );
        }
        at += step.years.unwrap_or(0.0);
    }
    let end = at.floor() as u16;
    if today.is_some_and(|today| end > today) {
        diagnostics.push(
            Diagnostic::new(&codes::RUNS_PAST_TODAY, file, Some(started.span()), format!("started in {}, this journey's years run to {end}, which has not come yet", started.get_ref()))
                .with_label("the steps' years add up from here")
                .with_hint("Check `started` and each step's `years`; for the step someone is on now, leave `years` out."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_year_is_a_plausible_calendar_year() {
        let year = this_year();
        assert!((2024..2200).contains(&year), "{year}");
    }
}
