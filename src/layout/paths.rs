//! Pass "paths": every line's runs, and every connection, as octilinear
//! polylines.
//!
//! Every line crosses a station horizontally. At a station the lines stop
//! one above the other, [`LINE_SPACING`] apart, ordered by where they come
//! from and go to; the capsule joins those stops. A step between stations is drawn as:
//!
//! * mostly sideways (any step between levels, up or down): horizontal out,
//!   one 45-degree diagonal to the new height, horizontal in;
//! * mostly up or down (steps within a level, or between far-apart rows):
//!   a diagonal from the left-hand station to the corridor left of the
//!   right-hand station, vertical down the corridor, horizontal in.
//!
//! Lines on the same stretch compute their diagonal from the same two
//! station centres and their own offsets, so the diagonals come out
//! parallel at the same spacing as the horizontal parts: a shared stretch
//! reads as a bundle of parallel coloured lines.

use super::clearance::{self, Hits, Obstacles};
use super::lanes;
use super::{ConnectionPath, LINE_SPACING, LinePath, Point};
use crate::graph::CareerGraph;
use crate::journey::{LineIndex, PositionIndex};
use std::collections::HashMap;
use std::f32::consts::SQRT_2;

/// Shortest horizontal run out of, and into, a station before a diagonal.
const STUB: f32 = 12.0;
/// From a station's centre to where a stretch between rows bends.
const BEND_INSET: f32 = 24.0;
/// From a station's centre to the nearest vertical run in its corridor.
pub(super) const CORRIDOR_INSET: f32 = 12.0;
/// Vertical runs by one station sit side by side; past this many they share
/// the outermost lane rather than wander into the labels of the sub-column
/// to the left.
const MAX_LANES: usize = 4;

/// What `untangle` chose over the rules `route` draws by otherwise.
#[derive(Default)]
pub(super) struct Choices {
    /// The shapes some stretches take, by their two stations in the order
    /// the line runs.
    pub(super) shapes: HashMap<(PositionIndex, PositionIndex), Lean>,
    /// The order of the lines at some stations, top to bottom: each a
    /// reordering of the lines [`slots`] gives there.
    pub(super) orders: HashMap<PositionIndex, Vec<LineIndex>>,
    /// Whether drops drawn over another line's move to a free lane
    /// (`lanes`) even with no obstacles to keep clear of: untangling
    /// judges the result, stations included.
    pub(super) separate: bool,
}

/// Routes every run of every line over the station centres `at`, in line
/// order, each line's trunk before its branches: in the shape and the
/// order `choices` give, else clear of `obstacles`, if given, where a
/// stretch can be.
pub(super) fn route(
    graph: &CareerGraph,
    at: &[Point],
    row: &[u32],
    obstacles: Option<&mut Obstacles>,
    choices: &Choices,
) -> Vec<LinePath> {
    let network = graph.network();
    let mut slots = slots(graph, at);
    for (p, order) in &choices.orders {
        slots[p.get()].clone_from(order);
    }
    let corridors = obstacles
        .as_deref()
        .map(|o| o.corridors(CORRIDOR_INSET))
        .unwrap_or_default();
    let mut clear = Clear {
        slots: &slots,
        at,
        obstacles,
        chosen: HashMap::new(),
        corridors,
    };
    let mut paths = Vec::new();
    for l in network.line_indices() {
        let line = network.line(l);
        for run in &line.runs {
            let mut points: Vec<Point> = Vec::new();
            let mut stops = Vec::with_capacity(run.len());
            let mut previous: Option<(PositionIndex, Point)> = None;
            let own = own_row(run, row);
            for &here in run {
                let stop = stop(&slots, at, here, l);
                if let Some((from, start)) = previous
                    && from != here
                {
                    // Bend next to the station off the run's own row, so
                    // the line runs along its row, past no other stations.
                    let lean = if Some(row[from.get()]) == own {
                        Lean::Late
                    } else {
                        Lean::Early
                    };
                    let ends = ((from, start), (here, stop));
                    let corners = match choices.shapes.get(&(from, here)) {
                        Some(&shape) => between(&slots, at, ends, Some(l), shape),
                        None => clear.between(ends, l, lean),
                    };
                    for point in corners {
                        push(&mut points, point);
                    }
                }
                push(&mut points, stop);
                stops.push(points.len() - 1);
                previous = Some((here, stop));
            }
            paths.push(LinePath {
                line: l,
                colour: line.colour,
                points,
                stops,
            });
        }
    }
    if clear.obstacles.is_some() || choices.separate {
        let runs: Vec<&[PositionIndex]> = network
            .line_indices()
            .flat_map(|l| network.line(l).runs.iter().map(Vec::as_slice))
            .collect();
        lanes::separate(&mut paths, &runs, clear.obstacles);
    }
    paths
}

/// Routes every out-of-station connection between station centres, the
/// same shapes as lines take.
pub(super) fn connect(graph: &CareerGraph, at: &[Point]) -> Vec<ConnectionPath> {
    let network = graph.network();
    let slots = slots(graph, at);
    network
        .connections()
        .iter()
        .map(|c| {
            let (start, end) = (at[c.from.get()], at[c.to.get()]);
            let mut points = vec![start];
            for point in between(
                &slots,
                at,
                ((c.from, start), (c.to, end)),
                None,
                Lean::Early,
            ) {
                push(&mut points, point);
            }
            push(&mut points, end);
            ConnectionPath {
                from: c.from,
                to: c.to,
                points,
            }
        })
        .collect()
}

/// The row most of a run's stations sit on: where the line runs straight.
fn own_row(run: &[PositionIndex], row: &[u32]) -> Option<u32> {
    let mut rows: Vec<u32> = run.iter().map(|p| row[p.get()]).collect();
    rows.sort_unstable();
    let mut best: Option<(usize, u32)> = None;
    for group in rows.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(n, _)| group.len() > n) {
            best = Some((group.len(), group[0]));
        }
    }
    best.map(|(_, r)| r)
}

/// Where a stretch between two rows makes its diagonal.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Lean {
    /// Right after leaving its start, then along the end's row.
    Early,
    /// Just before its end, after running along the start's row.
    Late,
    /// Where the stretch's centre line, along its start's row, reaches
    /// this x.
    At(f32),
    /// Straight down (or up) at this x, with square corners: the way
    /// past rows a long diagonal would cut through.
    Corridor(f32),
    /// Along a row, stepping this far down (up, if negative) and back: the
    /// way round a station on the row that the line does not stop at.
    Bump(f32),
    /// Off its start's row at once, by a diagonal up to this x, then
    /// straight down (or up): the way past a station next along the row.
    SlantOut(f32),
    /// Straight down (or up) at this x, then a diagonal into its end: the
    /// way past a station just before the end along its row.
    SlantIn(f32),
    /// A short step of the first value down (up, if negative) off its
    /// start's row at once, along beside the row to the second value's x,
    /// then straight down (or up): the way past a station along the row
    /// that every drop from the row itself runs through.
    StepOut(f32, f32),
    /// Straight down (or up) at the second value's x to beside its end's
    /// row, the first value below it (above, if negative), along beside
    /// the row, then a short step into its end: the way past a station
    /// along the end's row that every drop onto the row runs through.
    StepIn(f32, f32),
}

/// Routes stretches of lines clear of stations and names where it can.
struct Clear<'a> {
    slots: &'a [Vec<LineIndex>],
    at: &'a [Point],
    obstacles: Option<&'a mut Obstacles>,
    /// Where the stretches that had to move make their diagonal, so the
    /// next line on the same stretch that must move moves the same way and
    /// the bundle stays parallel.
    chosen: HashMap<(PositionIndex, PositionIndex), Lean>,
    /// Where a line may run straight up or down, in order
    /// ([`Obstacles::corridors`]).
    corridors: Vec<f32>,
}

impl Clear<'_> {
    /// [`between`], leaning `lean`; or, if that runs into a station or a
    /// name, the shape that runs into the fewest: the diagonal elsewhere
    /// along the stretch, a drop down a corridor, or a step aside along a
    /// row (the shape chosen for this stretch before, if there is one).
    fn between(
        &mut self,
        ends: ((PositionIndex, Point), (PositionIndex, Point)),
        line: LineIndex,
        lean: Lean,
    ) -> Vec<Point> {
        let ((from, start), (to, end)) = ends;
        let corners = between(self.slots, self.at, ends, Some(line), lean);
        let Some(obstacles) = self.obstacles.as_deref_mut() else {
            return corners;
        };
        let stroke = |corners: &[Point]| {
            let mut points = Vec::with_capacity(corners.len() + 2);
            points.push(start);
            points.extend_from_slice(corners);
            points.push(end);
            points
        };
        let first: Hits = obstacles.hits(&stroke(&corners), [from, to]);
        if first.clear() {
            return corners;
        }
        if let Some(&lean) = self.chosen.get(&(from, to)) {
            return between(self.slots, self.at, ends, Some(line), lean);
        }
        let (a, b) = (self.at[from.get()], self.at[to.get()]);
        let level = start.y == end.y;
        let diagonals = clearance::places(a, b, STUB, clearance::PLACES)
            .filter(|_| sideways(start, end))
            .map(Lean::At);
        let corridors: Vec<f32> = corridors(&self.corridors, a.x, b.x, clearance::PLACES)
            .filter(|_| !level)
            .collect();
        let drops = [Lean::Corridor, Lean::SlantOut, Lean::SlantIn]
            .into_iter()
            .flat_map(|shape| corridors.iter().map(move |&x| shape(x)));
        let steps = [Lean::StepOut, Lean::StepIn]
            .into_iter()
            .flat_map(|shape| STEPS.into_iter().map(move |h| (shape, h)))
            .flat_map(|(shape, h)| corridors.iter().map(move |&x| shape(h, x)));
        let bumps = BUMPS.into_iter().filter(|_| level).map(Lean::Bump);
        let mut best = (first, corners, None);
        for lean in diagonals.chain(drops).chain(steps).chain(bumps) {
            let candidate = between(self.slots, self.at, ends, Some(line), lean);
            let hits = obstacles.hits_below(&stroke(&candidate), [from, to], best.0);
            if let Some(hits) = hits {
                best = (hits, candidate, Some(lean));
                if hits.clear() {
                    break;
                }
            }
        }
        if let Some(lean) = best.2 {
            self.chosen.insert((from, to), lean);
        }
        best.1
    }
}

/// The corners of a drop between rows down a corridor
/// ([`Lean::Corridor`], [`Lean::SlantOut`], [`Lean::SlantIn`],
/// [`Lean::StepOut`], [`Lean::StepIn`]) from stop `start` to stop `end`, at
/// stations `a` and `b`; `None` for the other shapes, or where the drop
/// does not fit.
fn drop((start, end): (Point, Point), (a, b): (Point, Point), lean: Lean) -> Option<Vec<Point>> {
    let (Lean::Corridor(x)
    | Lean::SlantOut(x)
    | Lean::SlantIn(x)
    | Lean::StepOut(_, x)
    | Lean::StepIn(_, x)) = lean
    else {
        return None;
    };
    let (dx, dy) = (end.x - start.x, end.y - start.y);
    if dx.abs() <= 2.0 * STUB || dy == 0.0 {
        return None;
    }
    // The outer line of a bundle turns furthest along, so the lines nest
    // round both corners.
    let (sx, sy) = (dx.signum(), dy.signum());
    let offset = ((start.y - a.y) + (end.y - b.y)) / 2.0;
    let along = ((x - offset * sx * sy - start.x) * sx)
        .round()
        .clamp(STUB, dx.abs() - STUB);
    let x = start.x + along * sx;
    // The diagonal's length: from the stub out to x, or from x to the stub
    // in; it must reach the other row no sooner than the corridor does.
    let (out, into) = (along - STUB, dx.abs() - along - STUB);
    match lean {
        Lean::SlantOut(_) if out < dy.abs() => Some(vec![
            Point::new(start.x + STUB * sx, start.y),
            Point::new(x, start.y + out * sy),
            Point::new(x, end.y),
        ]),
        Lean::SlantIn(_) if into < dy.abs() => Some(vec![
            Point::new(x, start.y),
            Point::new(x, end.y - into * sy),
            Point::new(end.x - STUB * sx, end.y),
        ]),
        Lean::Corridor(_) => Some(vec![Point::new(x, start.y), Point::new(x, end.y)]),
        // The step is a 45-degree one, and must leave a stub before the
        // corner and not reach past the other row.
        Lean::StepOut(h, _)
            if out >= h.abs() + STUB && (h.signum() != sy || h.abs() < dy.abs()) =>
        {
            let beside = start.y + h;
            Some(vec![
                Point::new(start.x + STUB * sx, start.y),
                Point::new(start.x + (STUB + h.abs()) * sx, beside),
                Point::new(x, beside),
                Point::new(x, end.y),
            ])
        }
        Lean::StepIn(h, _)
            if into >= h.abs() + STUB && (h.signum() == sy || h.abs() < dy.abs()) =>
        {
            let beside = end.y + h;
            Some(vec![
                Point::new(x, start.y),
                Point::new(x, beside),
                Point::new(end.x - (STUB + h.abs()) * sx, beside),
                Point::new(end.x - STUB * sx, end.y),
            ])
        }
        _ => None,
    }
}

/// How far a line along a row may step aside round a station it skips,
/// nearest first, above before below (names sit below stations).
const BUMPS: [f32; 8] = [-12.0, 12.0, -18.0, 18.0, -24.0, 24.0, -30.0, 30.0];

/// How far a stretch between rows may step off a row to run beside it
/// ([`Lean::StepOut`], [`Lean::StepIn`]): the nearest bumps, as each
/// height is tried at every corridor.
const STEPS: [f32; 4] = [-12.0, 12.0, -18.0, 18.0];

/// The `corridors` strictly between `from` and `to`, at least a stub from
/// each, at most `count` of them, spread evenly.
pub(super) fn corridors(
    corridors: &[f32],
    from: f32,
    to: f32,
    count: usize,
) -> impl Iterator<Item = f32> + '_ {
    let (lo, hi) = (from.min(to), from.max(to));
    let start = corridors.partition_point(|&x| x <= lo + STUB);
    let end = corridors.partition_point(|&x| x < hi - STUB);
    let inside = &corridors[start..end.max(start)];
    let step = inside.len().div_ceil(count.max(1)).max(1);
    inside.iter().step_by(step).copied()
}

/// Whether a step from `start` to `end` is drawn mostly sideways, with one
/// diagonal, rather than down a corridor.
fn sideways(start: Point, end: Point) -> bool {
    let (dx, dy) = (end.x - start.x, end.y - start.y);
    dy != 0.0 && dx.abs() >= dy.abs() + 2.0 * STUB
}

/// How far along a run, each way, the slot order looks for where two
/// lines part. Lines that share a longer stretch than this and then part
/// may still swap once along it.
const LOOKAHEAD: usize = 4;

/// For each station, the lines stopping there, top to bottom.
///
/// A line's slot follows where it comes from and goes to (the mean height
/// of its previous and next stations), so lines fan in and out of a
/// station without crossing each other on the way. Lines that tie, such as
/// those sharing a stretch, are ordered by the mean height of the stations
/// one stop further each way, then two, and so on: every station of a
/// shared stretch sees the same place where the lines part, so the bundle
/// keeps one order along its whole length instead of swapping midway. Full
/// ties stay in line order.
pub(super) fn slots(graph: &CareerGraph, at: &[Point]) -> Vec<Vec<LineIndex>> {
    let network = graph.network();
    let mut keyed: Vec<Vec<([f32; LOOKAHEAD], LineIndex)>> = network
        .position_indices()
        .map(|p| Vec::with_capacity(graph.lines_at(p).len()))
        .collect();
    for l in network.line_indices() {
        for run in &network.line(l).runs {
            for (i, &here) in run.iter().enumerate() {
                let list = &mut keyed[here.get()];
                if list.iter().any(|&(_, other)| other == l) {
                    continue;
                }
                let mut key = [at[here.get()].y; LOOKAHEAD];
                for (distance, slot) in key.iter_mut().enumerate() {
                    let distance = distance + 1;
                    let around = [i.checked_sub(distance), Some(i + distance)]
                        .into_iter()
                        .flatten()
                        .filter_map(|k| run.get(k))
                        .filter(|&&p| p != here)
                        .map(|p| at[p.get()].y);
                    let (sum, count) = around.fold((0.0, 0), |(s, n), y| (s + y, n + 1));
                    if count > 0 {
                        *slot = sum / count as f32;
                    }
                }
                list.push((key, l));
            }
        }
    }
    keyed
        .into_iter()
        .map(|mut list| {
            list.sort_by(|a, b| {
                a.0.iter()
                    .zip(&b.0)
                    .map(|(x, y)| x.total_cmp(y))
                    .find(|o| o.is_ne())
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.1.cmp(&b.1))
            });
            list.into_iter().map(|(_, l)| l).collect()
        })
        .collect()
}

/// Where line `l` stops at position `p`: its slot among the lines
/// through `p`.
fn stop(slots: &[Vec<LineIndex>], at: &[Point], p: PositionIndex, l: LineIndex) -> Point {
    let through = &slots[p.get()];
    let slot = through.iter().position(|&k| k == l).unwrap_or(0);
    let centre = (through.len().max(1) - 1) as f32 / 2.0;
    let centre_at = at[p.get()];
    Point::new(
        centre_at.x,
        centre_at.y + (slot as f32 - centre) * LINE_SPACING,
    )
}

fn push(points: &mut Vec<Point>, point: Point) {
    if points.last() != Some(&point) {
        points.push(point);
    }
}

/// The corners of the step from `start` (a stop at station `from`) to
/// `end` (a stop at `to`), endpoints excluded.
fn between(
    slots: &[Vec<LineIndex>],
    at: &[Point],
    ((from, start), (to, end)): ((PositionIndex, Point), (PositionIndex, Point)),
    line: Option<LineIndex>,
    lean: Lean,
) -> Vec<Point> {
    let (a, b) = (at[from.get()], at[to.get()]);
    let (dx, dy) = (end.x - start.x, end.y - start.y);
    // Only along a row: another line on the stretch may meet it at other
    // heights, and then takes the stretch's other shapes.
    if let Lean::Bump(h) = lean
        && dy == 0.0
        && dx.abs() >= 2.0 * (STUB + h.abs())
    {
        let sx = dx.signum();
        let (out, back) = (start.x + STUB * sx, end.x - STUB * sx);
        let away = h.abs() * sx;
        return vec![
            Point::new(out, start.y),
            Point::new(out + away, start.y + h),
            Point::new(back - away, end.y + h),
            Point::new(back, end.y),
        ];
    }
    if dy == 0.0 {
        return Vec::new();
    }
    if let Some(corners) = drop((start, end), (a, b), lean) {
        return corners;
    }
    if sideways(start, end) {
        let (sx, sy) = (dx.signum(), dy.signum());
        // The diagonal of the stretch's centre line passes through the
        // midpoint of the two stations. Offsetting a 45-degree segment by
        // `o` perpendicular moves it √2·o vertically, so that is the shift
        // that keeps parallel lines evenly spaced on the diagonal too.
        // Lines sharing the stretch bend at the same place, offset by
        // their slots so the diagonals stay parallel: the diagonal of the
        // stretch's centre line, moved √2·o for a slot offset o.
        let offset = ((start.y - a.y) + (end.y - b.y)) / 2.0;
        // Bend a stub and a half in from the station, so lines of a
        // bundle, which bend a little before or after, keep their stubs.
        let reference = match lean {
            Lean::Early
            | Lean::Bump(_)
            | Lean::SlantOut(_)
            | Lean::SlantIn(_)
            | Lean::StepOut(..)
            | Lean::StepIn(..) => Point::new(a.x + BEND_INSET * sx, a.y),
            Lean::Late => Point::new(b.x - BEND_INSET * sx, b.y),
            Lean::At(x) | Lean::Corridor(x) => Point::new(x, a.y),
        };
        let reference = Point::new(reference.x, reference.y + SQRT_2 * offset);
        let ideal = reference.x + (start.y - reference.y) * sx * sy;
        let run = dy.abs();
        // Clamp along the direction of travel so both stubs keep their
        // length; rounding keeps vertices integral.
        let along = ((ideal - start.x) * sx)
            .round()
            .clamp(STUB, dx.abs() - run - STUB);
        let x0 = start.x + along * sx;
        let x1 = x0 + run * sx;
        return vec![Point::new(x0, start.y), Point::new(x1, end.y)];
    }
    // Mostly vertical: run down the corridor left of the right-hand
    // station, where no labels are, and reach it from the left-hand
    // station by as long a diagonal as fits.
    let ((left, left_at), (right, right_at, right_index)) = if start.x <= end.x {
        ((start, a), (end, b, to))
    } else {
        ((end, b), (start, a, from))
    };
    let sy = (right.y - left.y).signum();
    // Each line at the right-hand station gets its own lane, innermost for
    // the slot nearest the way it turns, so that the lines turning into the
    // corridor nest instead of crossing. A connection takes the inner lane.
    let through = &slots[right_index.get()];
    let slot = line
        .and_then(|l| through.iter().position(|&k| k == l))
        .unwrap_or(0);
    let lane = if sy < 0.0 {
        through.len().saturating_sub(1) - slot
    } else {
        slot
    };
    let x =
        left_at.x.max(right_at.x) - CORRIDOR_INSET - (lane.min(MAX_LANES) as f32) * LINE_SPACING;
    let diagonal = (x - left.x - STUB).min((right.y - left.y).abs());
    let mut corners = if diagonal > 0.0 {
        vec![
            Point::new(left.x + STUB, left.y),
            Point::new(x, left.y + sy * diagonal),
            Point::new(x, right.y),
        ]
    } else {
        vec![Point::new(x, left.y), Point::new(x, right.y)]
    };
    if start.x > end.x {
        corners.reverse();
    }
    corners
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a polyline keeps to the eight directions and never turns
    /// back on itself, by `verify`'s rules.
    fn drawable(points: Vec<Point>) -> bool {
        let map = super::super::MapLayout {
            width: 800.0,
            height: 600.0,
            bands: Vec::new(),
            stations: Vec::new(),
            lines: vec![LinePath {
                line: LineIndex(0),
                colour: crate::journey::Colour::default(),
                points,
                stops: Vec::new(),
            }],
            connections: Vec::new(),
            hub: Point::new(0.0, 0.0),
            small_screen_scale: 1.0,
            labels: Vec::new(),
        };
        let report = super::super::verify(&map);
        report.non_octilinear_segments == 0 && report.u_turns == 0
    }

    #[test]
    fn a_step_out_leaves_its_row_at_once_and_runs_beside_it_to_the_drop() {
        let (start, end) = (Point::new(100.0, 100.0), Point::new(500.0, 300.0));
        let ends = (start, end);
        let corners = drop(ends, ends, Lean::StepOut(-12.0, 400.0));
        assert_eq!(
            corners,
            Some(vec![
                Point::new(112.0, 100.0),
                Point::new(124.0, 88.0),
                Point::new(400.0, 88.0),
                Point::new(400.0, 300.0),
            ])
        );
        // No room for the step and a stub before the corner.
        assert_eq!(drop(ends, ends, Lean::StepOut(-12.0, 130.0)), None);
        // A step towards the other row as tall as the drop itself.
        assert_eq!(drop(ends, ends, Lean::StepOut(200.0, 400.0)), None);
        // Its mirror: down beside the end's row, along it, a step in.
        assert_eq!(
            drop(ends, ends, Lean::StepIn(-12.0, 200.0)),
            Some(vec![
                Point::new(200.0, 100.0),
                Point::new(200.0, 288.0),
                Point::new(476.0, 288.0),
                Point::new(488.0, 300.0),
            ])
        );
        assert_eq!(drop(ends, ends, Lean::StepIn(-12.0, 480.0)), None);
    }

    #[test]
    fn every_shape_a_stretch_can_take_is_octilinear_and_never_turns_back() {
        let slots = vec![Vec::new(); 2];
        let shapes = |x: f32| {
            [
                Lean::Early,
                Lean::Late,
                Lean::At(x),
                Lean::Corridor(x),
                Lean::SlantOut(x),
                Lean::SlantIn(x),
                Lean::Bump(-12.0),
                Lean::Bump(18.0),
                Lean::StepOut(-12.0, x),
                Lean::StepOut(24.0, x),
                Lean::StepIn(-12.0, x),
                Lean::StepIn(24.0, x),
            ]
        };
        let pairs = [
            (Point::new(100.0, 100.0), Point::new(600.0, 300.0)),
            (Point::new(100.0, 500.0), Point::new(400.0, 80.0)),
            (Point::new(100.0, 200.0), Point::new(700.0, 200.0)),
            (Point::new(600.0, 100.0), Point::new(100.0, 400.0)),
        ];
        for (a, b) in pairs {
            let at = [a, b];
            let ends = ((PositionIndex(0), a), (PositionIndex(1), b));
            for x in [a.x.min(b.x) + 40.0, (a.x + b.x) / 2.0, a.x.max(b.x) - 40.0] {
                for lean in shapes(x) {
                    let mut points = vec![a];
                    points.extend(between(&slots, &at, ends, None, lean));
                    points.push(b);
                    assert!(drawable(points.clone()), "{points:?}");
                }
            }
        }
    }
}
