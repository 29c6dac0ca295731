//! Where each stretch between rows bends, and the order of the lines at
//! each station, chosen so lines cross less.
//!
//! `paths` bends every stretch next to one of its stations, by one fixed
//! rule. A line climbing from the hub to its row crosses every row between
//! that another line already runs along there; bent earlier or later, it
//! can pass those rows where they have not begun yet, or have ended. So
//! this pass tries, stretch by stretch and then bundle by bundle (the
//! stretches leaving one station the same way, moved together), its bend
//! next to either station and drops down the corridors between, routes
//! every line again and keeps the shape where the lines cross least, as
//! long as no line runs through more stations it skips, nor is drawn over
//! more lines: a line under another is hidden there, which misleads more
//! than a crossing.
//!
//! `paths` also stacks the lines at a station by one rule (the heights of
//! the stations before and after), which weighs both sides alike. Where
//! lines part by corridors instead, a different order crosses less: so
//! each line at each station then tries every other slot there, kept the
//! same way.
//!
//! Every try routes and counts the whole map again, so it is for maps the
//! row-order search also runs on.

use super::clearance;
use super::paths::{self, Choices, Lean};
use super::strokes::Strokes;
use super::{LinePath, MapLayout, Point, Rect, StationMark, verify};
use crate::graph::CareerGraph;
use crate::journey::PositionIndex;

/// At most this many sweeps over the stretches and the slots. On the
/// shipped map 2 left 52 crossings and 4 left 49; 8 found no fewer.
const SWEEPS: usize = 4;
/// At most this many corridors between its stations a stretch tries. On
/// the shipped map 8 left 71 crossings, 16 left 66 and 24 left 65 (the
/// most on one line 18, 17, 16); 32 found no fewer.
const PLACES: usize = 24;

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
    let mut choices = Choices {
        separate: true,
        ..Choices::default()
    };
    let mut best = paths::route(graph, at, row, None, &choices);
    let mut best_score = tangle(&best, stations, names, area);
    // Draws the map as `choices` say, and keeps it if it reads better.
    let mut better_with = |choices: &Choices| {
        let lines = paths::route(graph, at, row, None, choices);
        let candidate = tangle(&lines, stations, names, area);
        let better = candidate < best_score;
        if better {
            (best, best_score) = (lines, candidate);
        }
        better
    };
    let stretches = stretches(graph, at);
    let marks: Vec<Rect> = stations.iter().map(|s| s.bounds).collect();
    let corridors = clearance::corridors(&marks, names, paths::CORRIDOR_INSET);
    let groups = groups(&stretches, at);
    let mut orders = paths::slots(graph, at);
    for _ in 0..SWEEPS {
        let mut better = false;
        for group in &groups {
            // A bundle tries its first stretch's shapes; `paths` fits each
            // to every stretch of the bundle, between its own stations.
            let (from, to) = group[0];
            let (a, b) = (at[from.get()], at[to.get()]);
            for lean in leans(a, b, &corridors) {
                let before: Vec<Option<Lean>> = group
                    .iter()
                    .map(|&s| choices.shapes.insert(s, lean))
                    .collect();
                if better_with(&choices) {
                    better = true;
                    continue;
                }
                for (&s, shape) in group.iter().zip(before) {
                    match shape {
                        Some(shape) => choices.shapes.insert(s, shape),
                        None => choices.shapes.remove(&s),
                    };
                }
            }
        }
        // Then the order of the lines at each station: each line tries
        // every other slot there.
        for (p, order) in orders.iter_mut().enumerate() {
            let p = PositionIndex(p as u32);
            for (from, to) in moves(order.len()) {
                let mut moved = order.clone();
                let line = moved.remove(from);
                moved.insert(to, line);
                let before = choices.orders.insert(p, moved.clone());
                if better_with(&choices) {
                    (*order, better) = (moved, true);
                    continue;
                }
                match before {
                    Some(before) => choices.orders.insert(p, before),
                    None => choices.orders.remove(&p),
                };
            }
        }
        if !better {
            break;
        }
    }
    best
}

/// Every move of one of `n` slots to another place: from, to.
fn moves(n: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..n).flat_map(move |from| {
        (0..n)
            .filter(move |&to| to != from)
            .map(move |to| (from, to))
    })
}

/// What the search minimises, most important first: lines through
/// stations they skip, lines drawn over each other, crossings (a line's
/// own included), names (at their reserved spot) a line touches, bends.
/// The label pass moves names off lines afterwards, and the kept map is
/// judged on where they end up.
fn tangle(
    lines: &[LinePath],
    stations: &[StationMark],
    names: &[Rect],
    area: Rect,
) -> (usize, usize, usize, usize, usize) {
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
        report.line_overlaps,
        report.all_crossings(),
        touched,
        report.bends,
    )
}

/// A stretch of a line between two stations, from and to.
type Stretch = (PositionIndex, PositionIndex);

/// What the search moves, one at a time: each stretch alone, then each
/// bundle of two or more, the stretches leaving one station the same way
/// (down or up, left or right), together. Lines leaving a hub side by side
/// cross a fan of rows once as a bundle, but one of them moved alone only
/// parts from the others, which crosses them instead: on the shipped map
/// two lines from GCSEs at grades 3 to 1 crossed five rows of the School
/// and foundation line's branches each, and drop down a corridor past them
/// only together.
fn groups(stretches: &[Stretch], at: &[Point]) -> Vec<Vec<Stretch>> {
    let mut groups: Vec<Vec<Stretch>> = stretches.iter().map(|&s| vec![s]).collect();
    let way = |(from, to): Stretch| {
        let (a, b) = (at[from.get()], at[to.get()]);
        (b.y > a.y, b.x > a.x)
    };
    let mut bundles: Vec<Vec<Stretch>> = Vec::new();
    for &s in stretches {
        match bundles
            .iter_mut()
            .find(|b| b[0].0 == s.0 && way(b[0]) == way(s))
        {
            Some(bundle) => bundle.push(s),
            None => bundles.push(vec![s]),
        }
    }
    groups.extend(bundles.into_iter().filter(|b| b.len() > 1));
    groups
}

/// Every stretch of a line between two rows, once, in line order.
fn stretches(graph: &CareerGraph, at: &[Point]) -> Vec<Stretch> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_leaving_a_station_the_same_way_also_move_as_a_bundle() {
        let p = PositionIndex;
        let at = [
            Point::new(0.0, 100.0),
            Point::new(200.0, 300.0),
            Point::new(200.0, 400.0),
            Point::new(200.0, 0.0),
            Point::new(400.0, 0.0),
        ];
        // Two stretches down from station 0, one up from it, one from 3.
        let stretches = [(p(0), p(1)), (p(0), p(3)), (p(0), p(2)), (p(3), p(4))];
        let groups = groups(&stretches, &at);
        let alone: Vec<Vec<Stretch>> = stretches.iter().map(|&s| vec![s]).collect();
        assert_eq!(groups[..4], alone[..]);
        assert_eq!(groups[4..], [vec![(p(0), p(1)), (p(0), p(2))]]);
    }
}
