//! Lines and connections: their stations exist, branches start on their
//! line, colours can be seen and told apart, and every station is on a line.

use super::steps::KnownPositions;
use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::journey::{Connection, Level, Line, Network, Position, PositionIndex, Sector};
use crate::source::document::{AddedBranchDoc, ConnectionDoc, LineDoc};
use std::collections::HashSet;
use toml::Spanned;

/// The colour of a line whose own colour was refused: 7:1 on white.
const FALLBACK: crate::journey::Colour = crate::journey::Colour {
    r: 0x59,
    g: 0x59,
    b: 0x59,
};

/// Resolves a line's stations. Returns `None` (after reporting) when a
/// station is unknown, a run is too short, a branch starts off the line or
/// the colour cannot be used (then the line keeps a neutral colour).
pub fn resolve(
    doc: &LineDoc,
    known: &KnownPositions<'_>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Line> {
    // A colour that cannot be used is reported, and the line is still
    // drawn in a neutral one, so journeys along it are checked too.
    let colour = super::colour::check(Some(&doc.colour), file, diagnostics).unwrap_or(FALLBACK);
    let runs =
        std::iter::once(&doc.stations).chain(doc.branch.iter().map(|b| &b.get_ref().stations));
    let mut resolved: Vec<Vec<PositionIndex>> = Vec::new();
    let mut complete = true;
    for (i, run) in runs.enumerate() {
        let stations: Vec<Option<PositionIndex>> = run
            .get_ref()
            .iter()
            .map(|id| position(id, known, file, diagnostics))
            .collect();
        if run.get_ref().len() < 2 {
            diagnostics.push(too_few_stations(run, doc.id.get_ref(), file));
            complete = false;
            continue;
        }
        let Some(stations) = stations.into_iter().collect::<Option<Vec<_>>>() else {
            complete = false;
            continue;
        };
        if i > 0 && !crate::journey::branch_joins(&resolved, &stations) {
            diagnostics.push(branch_off_line(run, doc.id.get_ref(), file));
            complete = false;
            continue;
        }
        resolved.push(stations);
    }
    complete.then(|| Line {
        id: doc.id.get_ref().clone(),
        name: doc.name.trim().to_owned(),
        colour,
        sector: doc.sector,
        runs: resolved,
    })
}

type Run = Spanned<Vec<Spanned<String>>>;

fn too_few_stations(run: &Run, line: &str, file: FileId) -> Diagnostic {
    Diagnostic::new(&codes::TOO_FEW_STATIONS, file, Some(run.span()), format!("a run of the line `{line}` has {} station(s); it needs at least two", run.get_ref().len()))
        .with_label("a line needs somewhere to go")
        .with_hint("List two or more position ids in the order people progress, e.g. stations = [\"gcses-9-4\", \"a-levels\"].")
}

fn branch_off_line(run: &Run, line: &str, file: FileId) -> Diagnostic {
    Diagnostic::new(&codes::BRANCH_OFF_LINE, file, Some(run.span()), format!("this branch of the line `{line}` neither starts nor ends at one of its stations"))
        .with_label("a branch leaves or joins the line at one of its stations")
        .with_hint("Start (or end) the branch with a station already listed in the line's `stations` or an earlier branch, where people change onto it.")
}

/// A top-level `[[branch]]`: a run added to a line written in another
/// file, the way a station proposed with a journey joins the map.
pub struct AddedBranch<'a> {
    /// The branch as written.
    pub doc: &'a AddedBranchDoc,
    /// The id of every `[[line]]` written, loaded or not.
    pub written_lines: &'a HashSet<&'a str>,
    /// Every position that loaded, for their levels.
    pub positions: &'a [Position],
}

impl AddedBranch<'_> {
    /// Adds the branch to its line. Reported and left out when the line is
    /// unknown, a station is unknown, there are fewer than two, the branch
    /// touches no station of the line, or it steps down a level (checked
    /// here, where the branch's own lines can be pointed at). A branch of a
    /// line that did not load is skipped quietly: that line is reported.
    pub fn add_to(
        &self,
        lines: &mut [Line],
        known: &KnownPositions<'_>,
        file: FileId,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let (doc, id) = (self.doc, self.doc.line.get_ref());
        let Some(line) = lines.iter_mut().find(|l| &l.id == id) else {
            if !self.written_lines.contains(id.as_str()) {
                diagnostics.push(unknown_line(&doc.line, self.written_lines, file));
            }
            return;
        };
        let run = &doc.stations;
        let stations: Vec<Option<PositionIndex>> = run
            .get_ref()
            .iter()
            .map(|s| position(s, known, file, diagnostics))
            .collect();
        let Some(stations) = stations.into_iter().collect::<Option<Vec<_>>>() else {
            return;
        };
        if stations.len() < 2 {
            diagnostics.push(too_few_stations(run, id, file));
        } else if !crate::journey::branch_joins(&line.runs, &stations) {
            diagnostics.push(branch_off_line(run, id, file));
        } else if let Some(pair) = stations.windows(2).find(|pair| {
            let level = |p: PositionIndex| self.positions[p.get()].level;
            level(pair[1]) < level(pair[0])
        }) {
            let (a, b) = (
                &self.positions[pair[0].get()],
                &self.positions[pair[1].get()],
            );
            diagnostics.push(steps_down(id, a, b, file, run.span()));
        } else {
            line.runs.push(stations);
        }
    }
}

fn unknown_line(id: &Spanned<String>, written: &HashSet<&str>, file: FileId) -> Diagnostic {
    let hint = match crate::source::suggest::closest(id.get_ref(), written.iter().copied()) {
        Some(near) => {
            format!("Did you mean `{near}`? Every line's id is in journeys/network/lines.toml.")
        }
        None => "Use the id of a [[line]]; every line's id is in journeys/network/lines.toml."
            .to_owned(),
    };
    Diagnostic::new(
        &codes::UNKNOWN_LINE,
        file,
        Some(id.span()),
        format!("no line has the id `{}`", id.get_ref()),
    )
    .with_label("not a line")
    .with_hint(hint)
}

/// Resolves a connection's two ends.
pub fn resolve_connection(
    doc: &ConnectionDoc,
    known: &KnownPositions<'_>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Connection> {
    let from = position(&doc.from, known, file, diagnostics);
    let to = position(&doc.to, known, file, diagnostics);
    let (from, to) = (from?, to?);
    if from == to {
        diagnostics.push(
            Diagnostic::new(
                &codes::CONNECTION_TO_ITSELF,
                file,
                Some(doc.to.span()),
                format!("the connection goes from `{}` to itself", doc.to.get_ref()),
            )
            .with_hint(
                "A connection joins two different stations; set `to` to where people went next.",
            ),
        );
        return None;
    }
    Some(Connection { from, to })
}

/// The position named `id`, or `None` after reporting an unknown id (ids
/// of positions that failed to load are already reported).
fn position(
    id: &Spanned<String>,
    known: &KnownPositions<'_>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PositionIndex> {
    if let Some(&p) = known.by_id.get(id.get_ref().as_str()) {
        return Some(p);
    }
    if !known.broken.contains(id.get_ref().as_str()) {
        diagnostics.push(super::steps::unknown_position(id, known, file));
    }
    None
}

/// A station on no line cannot be drawn on a line or reached: an error,
/// with the lines at its level and in its sector as the hint.
///
/// `named` holds every station id written in a line, including lines that
/// did not load, so one broken line does not make all its stations errors.
pub fn check_every_station_on_a_line(
    network: &Network,
    named: &std::collections::HashSet<&str>,
    defined_at: &[(FileId, std::ops::Range<usize>)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (index, position) in network.position_indices().zip(network.positions()) {
        if named.contains(position.id.as_str()) {
            continue;
        }
        let Some((file, span)) = defined_at.get(index.get()) else {
            continue;
        };
        let nearby = lines_near(network, position.level, &position.sectors);
        let hint = if nearby.is_empty() {
            "Add its id to the `stations` of a [[line]] (or a [[line.branch]]) where people progress through it.".to_owned()
        } else {
            format!(
                "Add its id to the `stations` of a [[line]] where people progress through it; lines with stations at {} in its sector: {}.",
                position.level,
                nearby.join(", ")
            )
        };
        diagnostics.push(
            Diagnostic::new(
                &codes::OFF_LINE,
                *file,
                Some(span.clone()),
                format!("the position `{}` is on no line", position.id),
            )
            .with_label("not a station of any line")
            .with_hint(hint),
        );
    }
}

/// The ids of lines with a station at `level` in one of `sectors`.
fn lines_near(network: &Network, level: Level, sectors: &[Sector]) -> Vec<String> {
    network
        .lines()
        .iter()
        .filter(|line| {
            line.runs.iter().flatten().any(|&p| {
                let other = network.position(p);
                other.level == level && other.sectors.iter().any(|s| sectors.contains(s))
            })
        })
        .map(|line| format!("`{}`", line.id))
        .collect()
}

/// A line only climbs: each station is at the level of the one before it or
/// higher, so every line reads left to right across the level bands and is
/// never drawn doubling back. A step down is a connection.
pub fn check_lines_climb(
    network: &Network,
    defined_at: &[(FileId, std::ops::Range<usize>)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (line, (file, span)) in network.lines().iter().zip(defined_at) {
        let down = line
            .stretches()
            .find(|&(a, b)| network.position(b).level < network.position(a).level);
        let Some((a, b)) = down else {
            continue;
        };
        let (a, b) = (network.position(a), network.position(b));
        diagnostics.push(steps_down(&line.id, a, b, *file, span.clone()));
    }
}

fn steps_down(
    line: &str,
    a: &Position,
    b: &Position,
    file: FileId,
    span: std::ops::Range<usize>,
) -> Diagnostic {
    Diagnostic::new(
        &codes::LINE_STEPS_DOWN,
        file,
        Some(span),
        format!(
            "the line `{line}` steps down from `{}` ({}) to `{}` ({})",
            a.id, a.level, b.id, b.level
        ),
    )
    .with_label("lines only climb, so they read left to right")
    .with_hint(format!(
        "End the run at `{}` and add a [[connection]] with from = \"{}\" and to = \"{}\" for people who take this step.",
        a.id, a.id, b.id
    ))
}

/// Lines that meet must be told apart, also by people with colour
/// blindness: warn when two lines sharing a station look alike.
pub fn check_colours_differ(
    network: &Network,
    defined_at: &[(FileId, std::ops::Range<usize>)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lines = network.lines();
    for (i, a) in lines.iter().enumerate() {
        for (j, b) in lines.iter().enumerate().skip(i + 1) {
            let meet = a.runs.iter().flatten().any(|&p| b.stops_at(p));
            let Some(clash) = meet.then(|| a.colour.confusion(b.colour)).flatten() else {
                continue;
            };
            let Some((file, span)) = defined_at.get(j) else {
                continue;
            };
            diagnostics.push(
                Diagnostic::new(
                    &codes::SIMILAR_COLOURS,
                    *file,
                    Some(span.clone()),
                    format!(
                        "the line `{}` ({}) is hard to tell from `{}` ({}), which it meets: {clash}",
                        b.id, b.colour, a.id, a.colour
                    ),
                )
                .with_label("colour too close to a line it meets")
                .with_hint("Choose a colour that differs in lightness as well as hue; the Underground's line colours are a good start."),
            );
        }
    }
}
