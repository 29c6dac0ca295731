//! The verifier: measures a layout against the rules of a good map.
//!
//! It counts rather than asserts, so tests can hold the layout to zero where
//! zero is the rule (octilinearity, overlaps) and watch the rest (crossings,
//! bends) as quality numbers. Uniform grids keep it near-linear.

use super::spatial::{Grid, crosses};
use super::strokes::Strokes;
use super::{LINE_WIDTH, MapLayout, Point, Rect};
use serde::{Deserialize, Serialize};
use std::f32::consts::SQRT_2;

/// Counts of what is right and wrong with a layout.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoutReport {
    /// How many stations the layout has.
    pub stations: usize,
    /// Line segments that are not horizontal, vertical or at 45 degrees.
    pub non_octilinear_segments: usize,
    /// Pairs of labels whose boxes overlap.
    pub label_overlaps: usize,
    /// Pairs of stations whose shapes overlap.
    pub station_overlaps: usize,
    /// (label, station) pairs where the label covers the station's shape.
    pub label_station_overlaps: usize,
    /// Points where segments of two different lines cross outside every
    /// station (touching at a shared stop, running parallel and crossing
    /// inside an interchange, where lines meet anyway, do not count).
    pub line_crossings: usize,
    /// Points where a line crosses itself outside every station: a branch
    /// over its trunk or another branch. A pupil following the line cannot
    /// tell that from a junction, so it is as bad as a crossing with
    /// another line.
    pub own_crossings: usize,
    /// The most crossings any one line takes part in, its own included.
    pub max_crossings_per_line: usize,
    /// Changes of direction along the lines.
    pub bends: usize,
    /// The median, over lines, of each line's bends (all its runs).
    pub median_bends_per_line: usize,
    /// The most bends of any one line.
    pub max_bends_per_line: usize,
    /// The median, over runs (each trunk and each branch, what a rider
    /// follows from end to end), of each run's bends. A line's count adds
    /// up all its runs, so a line with many branches bends often even
    /// where each branch is drawn simply.
    pub median_bends_per_run: usize,
    /// The most bends of any one run.
    pub max_bends_per_run: usize,
    /// Labels that a line's drawn stroke touches (the label pass's own
    /// rule, `strokes`).
    pub labels_on_lines: usize,
    /// Places where a line's drawn stroke runs into a station it does not
    /// stop at: through it, or past it so close that it touches the mark,
    /// which reads the same.
    pub pass_throughs: usize,
    /// Pairs of stretches of two lines drawn over each other: parallel,
    /// their strokes overlapping, side by side for more than a line's
    /// width. There one line hides the other, or the two read as one.
    pub line_overlaps: usize,
    /// Places where a line turns back on itself (a turn sharper than a
    /// right angle).
    pub u_turns: usize,
    /// Width over height, in thousandths (16:9 is 1778).
    pub aspect_permille: u32,
    /// For each line, by [`LineIndex`](crate::journey::LineIndex), the
    /// crossings it takes part in, its own included: which lines a change
    /// tangled.
    pub crossings_by_line: Vec<usize>,
    /// For each line, by index, its bends (all its runs).
    pub bends_by_line: Vec<usize>,
}

impl LayoutReport {
    /// The rules a layout never breaks, each with how often this one does:
    /// segments off the eight directions, overlapping labels, stations, and
    /// labels on stations, and lines that turn back on themselves. The
    /// passes keep them at zero by construction; the tests and the
    /// row-order search hold every layout to this one list.
    pub fn hard_rule_breaks(&self) -> [(&'static str, usize); 5] {
        [
            ("non-octilinear segments", self.non_octilinear_segments),
            ("label overlaps", self.label_overlaps),
            ("station overlaps", self.station_overlaps),
            ("labels on stations", self.label_station_overlaps),
            ("U-turns", self.u_turns),
        ]
    }

    /// Every crossing outside stations: between lines and of a line with
    /// itself, which a reader cannot tell apart.
    pub fn all_crossings(&self) -> usize {
        self.line_crossings + self.own_crossings
    }

    /// Whether every hard rule holds ([`Self::hard_rule_breaks`]).
    pub fn hard_rules_hold(&self) -> bool {
        self.hard_rule_breaks().iter().all(|&(_, n)| n == 0)
    }
}

/// How far a line's stroke reaches a station's mark before it counts as
/// running into it: half its width, less half a pixel of anti-aliasing.
const STROKE_REACH: f32 = LINE_WIDTH / 2.0 - 0.5;

/// Tolerance for octilinearity, in pixels.
const TOLERANCE: f32 = 0.01;
/// Bucket size for the grids.
const CELL: f32 = 64.0;

/// Measures `layout`. Never panics, whatever the layout holds.
pub fn verify(layout: &MapLayout) -> LayoutReport {
    let segments: Vec<(usize, Point, Point)> = layout
        .lines
        .iter()
        .flat_map(|l| l.points.windows(2).map(move |w| (l.line.get(), w[0], w[1])))
        .collect();
    let area = extent(layout);
    let station_bounds: Vec<Rect> = layout.stations.iter().map(|s| s.bounds).collect();
    let label_bounds: Vec<Rect> = layout.labels.iter().map(|l| l.bounds).collect();
    let line_count = layout
        .lines
        .iter()
        .map(|l| l.line.get() + 1)
        .max()
        .unwrap_or(0);
    let crossed = crossings(area, &segments, &station_bounds, line_count);
    let mut per_line_bends = vec![0usize; line_count];
    let mut per_run_bends: Vec<usize> = layout.lines.iter().map(|l| bends(&l.points)).collect();
    for (path, &run) in layout.lines.iter().zip(&per_run_bends) {
        per_line_bends[path.line.get()] += run;
    }
    per_run_bends.sort_unstable();
    let mut sorted_bends = per_line_bends.clone();
    sorted_bends.sort_unstable();
    let aspect = if layout.height > 0.0 && !layout.stations.is_empty() {
        (layout.width / layout.height * 1000.0).round()
    } else {
        0.0
    };
    LayoutReport {
        stations: layout.stations.len(),
        non_octilinear_segments: segments
            .iter()
            .filter(|(_, a, b)| !octilinear(*a, *b))
            .count(),
        label_overlaps: overlapping_pairs(area, &label_bounds, None),
        station_overlaps: overlapping_pairs(area, &station_bounds, None),
        label_station_overlaps: overlapping_pairs(area, &label_bounds, Some(&station_bounds)),
        line_crossings: crossed.between,
        own_crossings: crossed.own,
        max_crossings_per_line: crossed.per_line.iter().copied().max().unwrap_or(0),
        bends: per_line_bends.iter().sum(),
        median_bends_per_line: median(&sorted_bends),
        max_bends_per_line: sorted_bends.last().copied().unwrap_or(0),
        median_bends_per_run: median(&per_run_bends),
        max_bends_per_run: per_run_bends.last().copied().unwrap_or(0),
        labels_on_lines: {
            let mut strokes = Strokes::new(&layout.lines, area);
            label_bounds
                .iter()
                .filter(|label| strokes.touching(label) > 0)
                .count()
        },
        pass_throughs: pass_throughs(layout, area, &station_bounds, line_count, STROKE_REACH),
        line_overlaps: line_overlaps(&segments),
        u_turns: layout.lines.iter().map(|l| u_turns(&l.points)).sum(),
        aspect_permille: if aspect.is_finite() { aspect as u32 } else { 0 },
        crossings_by_line: crossed.per_line,
        bends_by_line: per_line_bends,
    }
}

/// The middle of `sorted` (the upper one of an even count); 0 if empty.
fn median(sorted: &[usize]) -> usize {
    sorted.get(sorted.len() / 2).copied().unwrap_or(0)
}

fn octilinear(a: Point, b: Point) -> bool {
    let (dx, dy) = ((b.x - a.x).abs(), (b.y - a.y).abs());
    dx <= TOLERANCE || dy <= TOLERANCE || (dx - dy).abs() <= TOLERANCE
}

/// The area everything is in, so the grid covers it even for a layout
/// whose `width` and `height` are wrong.
fn extent(layout: &MapLayout) -> Rect {
    let mut lo = Point::new(0.0, 0.0);
    let mut hi = Point::new(layout.width, layout.height);
    let mut grow = |p: Point| {
        if p.x.is_finite() && p.y.is_finite() {
            lo = Point::new(lo.x.min(p.x), lo.y.min(p.y));
            hi = Point::new(hi.x.max(p.x), hi.y.max(p.y));
        }
    };
    for l in &layout.lines {
        l.points.iter().copied().for_each(&mut grow);
    }
    for r in layout
        .stations
        .iter()
        .map(|s| s.bounds)
        .chain(layout.labels.iter().map(|l| l.bounds))
    {
        grow(Point::new(r.x, r.y));
        grow(Point::new(r.right(), r.bottom()));
    }
    Rect::new(lo.x, lo.y, hi.x - lo.x, hi.y - lo.y)
}

/// Overlapping pairs within `rects`, or between `rects` and `others`.
fn overlapping_pairs(area: Rect, rects: &[Rect], others: Option<&[Rect]>) -> usize {
    let targets = others.unwrap_or(rects);
    let mut grid = Grid::new(area, CELL, targets.len());
    for (i, r) in targets.iter().enumerate() {
        grid.insert(i as u32, r);
    }
    let mut count = 0;
    for (i, r) in rects.iter().enumerate() {
        grid.query(r, |j| {
            // Within one set, count each pair once.
            let fresh = others.is_some() || (j as usize) > i;
            if fresh && r.intersects(&targets[j as usize]) {
                count += 1;
            }
        });
    }
    count
}

/// Crossings outside every station, counted once each.
struct Crossings {
    /// Between two different lines.
    between: usize,
    /// Of a line with itself.
    own: usize,
    /// For each line, the crossings it takes part in.
    per_line: Vec<usize>,
}

/// Where segments cross outside every station. Segments that meet at a
/// shared end or run along each other do not cross (`crosses`), so a
/// line's consecutive segments, and runs of one line drawn over the same
/// track, never count.
fn crossings(
    area: Rect,
    segments: &[(usize, Point, Point)],
    stations: &[Rect],
    lines: usize,
) -> Crossings {
    let mut grid = Grid::new(area, CELL, segments.len());
    let mut at_stations = Grid::new(area, CELL, stations.len());
    for (i, r) in stations.iter().enumerate() {
        at_stations.insert(i as u32, r);
    }
    let mut count = Crossings {
        between: 0,
        own: 0,
        per_line: vec![0; lines],
    };
    let mut found = Vec::new();
    // Each segment is tested against those before it, which are all the
    // grid holds yet, so each pair is tested once.
    for (i, &(line, a, b)) in segments.iter().enumerate() {
        found.clear();
        grid.query_segment(a, b, 0.0, |j| {
            let (other, c, d) = segments[j as usize];
            if crosses(a, b, c, d) {
                found.push((other, intersection(a, b, c, d)));
            }
        });
        grid.insert_segment(i as u32, a, b, 0.0);
        for &(other, point) in &found {
            let spot = Rect::new(point.x, point.y, 0.0, 0.0);
            let mut inside = false;
            at_stations.query(&spot.inflate(1.0), |s| {
                inside |= stations[s as usize].inflate(1.0).contains(point);
            });
            if inside {
                continue;
            }
            count.per_line[line] += 1;
            if other == line {
                count.own += 1;
            } else {
                count.per_line[other] += 1;
                count.between += 1;
            }
        }
    }
    count
}

/// Pairs of segments of different lines drawn over each other
/// ([`LayoutReport::line_overlaps`]). Only octilinear segments can be:
/// each of the four directions is sorted by how far across it a segment
/// runs, so only neighbours closer than a stroke are compared (a grid of
/// every segment's surroundings cost the generated network's layout a
/// sixth of its time budget).
fn line_overlaps(segments: &[(usize, Point, Point)]) -> usize {
    // How far across, or along, its direction a segment's point lies.
    type Measure = fn(Point) -> f32;
    // Per direction: (across, from along, to along, line).
    let mut ways: [Vec<(f32, f32, f32, usize)>; 4] = Default::default();
    for &(line, a, b) in segments {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let (way, across, along): (usize, Measure, Measure) =
            if dx.abs() <= TOLERANCE && dy.abs() <= TOLERANCE {
                continue;
            } else if dy.abs() <= TOLERANCE {
                (0, |p| p.y, |p| p.x)
            } else if dx.abs() <= TOLERANCE {
                (1, |p| p.x, |p| p.y)
            } else if (dx - dy).abs() <= TOLERANCE {
                (2, |p| (p.x - p.y) / SQRT_2, |p| (p.x + p.y) / SQRT_2)
            } else if (dx + dy).abs() <= TOLERANCE {
                (3, |p| (p.x + p.y) / SQRT_2, |p| (p.x - p.y) / SQRT_2)
            } else {
                continue;
            };
        let (from, to) = (along(a), along(b));
        ways[way].push((across(a), from.min(to), from.max(to), line));
    }
    let mut count = 0;
    for way in &mut ways {
        way.sort_by(|p, q| p.0.total_cmp(&q.0));
        for (i, &(across, from, to, line)) in way.iter().enumerate() {
            for &(other_across, other_from, other_to, other) in &way[i + 1..] {
                if other_across - across >= 2.0 * STROKE_REACH {
                    break;
                }
                if other != line && to.min(other_to) - from.max(other_from) > LINE_WIDTH {
                    count += 1;
                }
            }
        }
    }
    count
}

/// Where segments ab and cd meet (they are known to cross).
fn intersection(a: Point, b: Point, c: Point, d: Point) -> Point {
    let (r, s) = ((b.x - a.x, b.y - a.y), (d.x - c.x, d.y - c.y));
    let denominator = r.0 * s.1 - r.1 * s.0;
    if denominator.abs() < f32::EPSILON {
        return a;
    }
    let t = ((c.x - a.x) * s.1 - (c.y - a.y) * s.0) / denominator;
    Point::new(a.x + t * r.0, a.y + t * r.1)
}

/// Places where a line's centre line runs through a station it does not
/// stop at: [`LayoutReport::pass_throughs`] without the stroke's width.
/// The row-order search judges its drafts by this, as a draft's stretches
/// are bent by a fixed rule: a line running through a station there says
/// its row order is wrong, one grazing a station only that a finishing
/// pass, which holds strokes, still has to bend it.
pub(super) fn centre_line_pass_throughs(layout: &MapLayout) -> usize {
    let bounds: Vec<Rect> = layout.stations.iter().map(|s| s.bounds).collect();
    let lines = layout.lines.iter().map(|l| l.line.get() + 1).max();
    pass_throughs(layout, extent(layout), &bounds, lines.unwrap_or(0), -1.0)
}

/// Segments of a line that run through a station the line does not stop
/// at, its box grown by `reach`. A line stops at the stations whose shape
/// holds one of its stops.
fn pass_throughs(
    layout: &MapLayout,
    area: Rect,
    stations: &[Rect],
    lines: usize,
    reach: f32,
) -> usize {
    let mut grid = Grid::new(area, CELL, stations.len());
    for (i, r) in stations.iter().enumerate() {
        grid.insert(i as u32, r);
    }
    let mut stops_at: Vec<Vec<usize>> = vec![Vec::new(); lines];
    for path in &layout.lines {
        for point in path.stops.iter().filter_map(|&k| path.points.get(k)) {
            let stopped = &mut stops_at[path.line.get()];
            grid.query(&Rect::new(point.x, point.y, 0.0, 0.0).inflate(1.0), |s| {
                let s = s as usize;
                if stations[s].inflate(1.0).contains(*point) && !stopped.contains(&s) {
                    stopped.push(s);
                }
            });
        }
    }
    let mut count = 0;
    for path in &layout.lines {
        let stopped = &stops_at[path.line.get()];
        for w in path.points.windows(2) {
            grid.query_segment(w[0], w[1], 1.0 + reach.max(0.0), |s| {
                let s = s as usize;
                if !stopped.contains(&s) && stations[s].inflate(reach).hit_by_segment(w[0], w[1]) {
                    count += 1;
                }
            });
        }
    }
    count
}

/// Turns sharper than a right angle along a polyline.
fn u_turns(points: &[Point]) -> usize {
    let directions: Vec<(f32, f32)> = points
        .windows(2)
        .filter_map(|w| {
            let (dx, dy) = (w[1].x - w[0].x, w[1].y - w[0].y);
            let length = dx.hypot(dy);
            (length > TOLERANCE).then(|| (dx / length, dy / length))
        })
        .collect();
    directions
        .windows(2)
        .filter(|d| d[0].0 * d[1].0 + d[0].1 * d[1].1 < -0.1)
        .count()
}

fn bends(points: &[Point]) -> usize {
    let mut count = 0;
    let mut heading: Option<(f32, f32)> = None;
    for w in points.windows(2) {
        let (dx, dy) = (w[1].x - w[0].x, w[1].y - w[0].y);
        let length = dx.hypot(dy);
        if length.is_nan() || length <= TOLERANCE {
            continue;
        }
        let direction = (dx / length, dy / length);
        if let Some(h) = heading
            && ((h.0 - direction.0).abs() > 1e-3 || (h.1 - direction.1).abs() > 1e-3)
        {
            count += 1;
        }
        heading = Some(direction);
    }
    count
}
