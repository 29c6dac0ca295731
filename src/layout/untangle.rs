//! Where each stretch between rows bends, chosen so lines cross less.
//!
//! `paths` bends every stretch next to one of its stations, by one fixed
//! rule. A line climbing from the hub to its row crosses every row between
//! that another line already runs along there; bent earlier or later, it
//! can pass those rows where they have not begun yet, or have ended. So
//! this pass tries, stretch by stretch, its bend next to either station
//! and drops down the corridors between, routes every line again and keeps
//! the shape where the lines cross least, as long as no line runs through
//! more stations it skips. Every try routes and counts the whole map
//! again, so it is for maps the row-order search also runs on.

use super::clearance;
use super::paths::{self, Lean, Shapes};
use super::strokes::Strokes;
use super::{LinePath, MapLayout, Point, Rect, StationMark, verify};
use crate::graph::CareerGraph;
use crate::journey::PositionIndex;

/// At most this many sweeps over the stretches.
const SWEEPS: usize = 2;
/// At most this many corridors between its stations a stretch tries.
const PLACES: usize = 8;

/// Every run of every line, as [`paths::route`] draws it but with the
/// stretches between rows bent where the lines cross least. `names` are
/// the names' reserved boxes.
pub(super) fn untangle(
    graph: &CareerGraph,
    (at, row): (&[Point], &[u32]),
    stations: &[StationMark],
    names: &[Rect],
    area: Rect,
) -> Vec<LinePath> {
    let score = |lines: &[LinePath]| tangle(lines, stations, names, area);
    let mut shapes = Shapes::new();
    let mut best = paths::route(graph, at, row, None, &shapes);
    let mut best_score = score(&best);
    let stretches = stretches(graph, at);
    let marks: Vec<Rect> = stations.iter().map(|s| s.bounds).collect();
    let corridors = clearance::corridors(&marks, names, paths::CORRIDOR_INSET);
    for _ in 0..SWEEPS {
        let mut better = false;
        for &(from, to) in &stretches {
            let (a, b) = (at[from.get()], at[to.get()]);
            for lean in leans(a, b, &corridors) {
                let before = shapes.insert((from, to), lean);
                let lines = paths::route(graph, at, row, None, &shapes);
                let candidate = score(&lines);
                if candidate < best_score {
                    (best, best_score, better) = (lines, candidate, true);
                } else {
                    match before {
                        Some(shape) => shapes.insert((from, to), shape),
                        None => shapes.remove(&(from, to)),
                    };
                }
            }
        }
        if !better {
            break;
        }
    }
    best
}

/// What the search minimises, most important first: lines through
/// stations they skip, crossings (a line's own included), names (at their
/// reserved spot) a line touches, bends. The label pass moves names off lines afterwards, and
/// the kept map is judged on where they end up.
fn tangle(
    lines: &[LinePath],
    stations: &[StationMark],
    names: &[Rect],
    area: Rect,
) -> (usize, usize, usize, usize) {
    let map = MapLayout {
        width: area.width,
        height: area.height,
        bands: Vec::new(),
        stations: stations.to_vec(),
        lines: lines.to_vec(),
        connections: Vec::new(),
        hub: Point::new(0.0, 0.0),
        small_screen_scale: 1.0,
        labels: Vec::new(),
    };
    let report = verify(&map);
    let mut strokes = Strokes::new(lines, area);
    let touched = names.iter().filter(|n| strokes.touching(n) > 0).count();
    (
        report.pass_throughs,
        report.all_crossings(),
        touched,
        report.bends,
    )
}

/// Every stretch of a line between two rows, once, in line order.
fn stretches(graph: &CareerGraph, at: &[Point]) -> Vec<(PositionIndex, PositionIndex)> {
    let network = graph.network();
    let mut found = Vec::new();
    for l in network.line_indices() {
        for run in &network.line(l).runs {
            for w in run.windows(2) {
                let (from, to) = (w[0], w[1]);
                let between_rows = at[from.get()].y != at[to.get()].y;
                if from != to && between_rows && !found.contains(&(from, to)) {
                    found.push((from, to));
                }
            }
        }
    }
    found
}

/// The shapes a stretch from station `a` to station `b` tries: its
/// diagonal next to either station, and drops down some of the `corridors`
/// between. (Diagonals at places between as well found no fewer crossings
/// on the shipped map, and drew shapes that cost the map data bytes.)
fn leans(a: Point, b: Point, corridors: &[f32]) -> Vec<Lean> {
    let mut leans = vec![Lean::Early, Lean::Late];
    for x in paths::corridors(corridors, a.x, b.x, PLACES) {
        leans.extend([Lean::Corridor(x), Lean::SlantOut(x), Lean::SlantIn(x)]);
    }
    leans
}
