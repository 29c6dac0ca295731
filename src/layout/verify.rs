//! The verifier: measures a layout against the rules of a good map.
//!
//! It counts rather than asserts, so tests can hold the layout to zero where
//! zero is the rule (octilinearity, overlaps) and watch the rest (crossings,
//! bends) as quality numbers. Uniform grids keep it near-linear.

use super::geometry::{Grid, crosses};
use super::{LINE_WIDTH, MapLayout, Point, Rect};
use serde::{Deserialize, Serialize};

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
    /// Points where segments of two different lines cross (touching at a
    /// shared stop and running parallel do not count).
    pub line_crossings: usize,
    /// Changes of direction along the lines.
    pub bends: usize,
    /// Labels that a line runs through (drawn width included): legal, as
    /// text stays readable on its halo, but each one is worth watching.
    pub labels_on_lines: usize,
}

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
    LayoutReport {
        stations: layout.stations.len(),
        non_octilinear_segments: segments
            .iter()
            .filter(|(_, a, b)| !octilinear(*a, *b))
            .count(),
        label_overlaps: overlapping_pairs(area, &label_bounds, None),
        station_overlaps: overlapping_pairs(area, &station_bounds, None),
        label_station_overlaps: overlapping_pairs(area, &label_bounds, Some(&station_bounds)),
        line_crossings: crossings(area, &segments),
        bends: layout.lines.iter().map(|l| bends(&l.points)).sum(),
        labels_on_lines: labels_on_lines(area, &label_bounds, &segments),
    }
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

fn crossings(area: Rect, segments: &[(usize, Point, Point)]) -> usize {
    let mut grid = Grid::new(area, CELL, segments.len());
    for (i, &(_, a, b)) in segments.iter().enumerate() {
        grid.insert(i as u32, &Rect::spanning(a, b));
    }
    let mut count = 0;
    for (i, &(line, a, b)) in segments.iter().enumerate() {
        grid.query(&Rect::spanning(a, b), |j| {
            let (other, c, d) = segments[j as usize];
            if (j as usize) > i && other != line && crosses(a, b, c, d) {
                count += 1;
            }
        });
    }
    count
}

/// Labels whose box a line's drawn stroke touches.
fn labels_on_lines(area: Rect, labels: &[Rect], segments: &[(usize, Point, Point)]) -> usize {
    let mut grid = Grid::new(area, CELL, segments.len());
    for (i, &(_, a, b)) in segments.iter().enumerate() {
        grid.insert(i as u32, &Rect::spanning(a, b));
    }
    labels
        .iter()
        .filter(|label| {
            let touched = label.inflate(LINE_WIDTH / 2.0);
            let mut hit = false;
            grid.query(&touched, |i| {
                let (_, a, b) = segments[i as usize];
                hit |= touched.hit_by_segment(a, b);
            });
            hit
        })
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
