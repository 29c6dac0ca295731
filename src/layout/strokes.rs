//! The drawn lines as a spatial index, and the one rule for when a line
//! touches something: the label pass moves names off lines by it, and
//! `verify` counts the names still on one by it, so the two never disagree.

use super::spatial::Grid;
use super::{LINE_WIDTH, LinePath, Point, Rect};

/// Bucket size for the grid: about a label's height and a half.
const CELL: f32 = 48.0;

/// Every segment of every line, indexed by where it is.
pub(super) struct Strokes {
    segments: Vec<(Point, Point)>,
    grid: Grid,
}

impl Strokes {
    /// Indexes the segments of `lines`, which lie in `area` (those outside
    /// it are still found, only more slowly).
    pub(super) fn new(lines: &[LinePath], area: Rect) -> Strokes {
        let segments: Vec<(Point, Point)> = lines
            .iter()
            .flat_map(|l| l.points.windows(2).map(|w| (w[0], w[1])))
            .collect();
        let mut grid = Grid::new(area, CELL, segments.len());
        for (i, &(a, b)) in segments.iter().enumerate() {
            grid.insert_segment(i as u32, a, b, 0.0);
        }
        Strokes { segments, grid }
    }

    /// How many segments touch `area`. A line is drawn [`LINE_WIDTH`]
    /// wide, so it touches text a little before its centre line does.
    pub(super) fn touching(&mut self, area: &Rect) -> usize {
        let area = area.inflate(LINE_WIDTH / 2.0);
        let segments = &self.segments;
        let mut hits = 0;
        self.grid.query(&area, |i| {
            let (a, b) = segments[i as usize];
            if area.hit_by_segment(a, b) {
                hits += 1;
            }
        });
        hits
    }

    /// The segments touching `area`, for testing many boxes within it
    /// without asking the grid each time.
    pub(super) fn near(&mut self, area: &Rect) -> Near {
        let reach = area.inflate(LINE_WIDTH / 2.0);
        let segments = &self.segments;
        let mut found = Vec::new();
        self.grid.query(&reach, |i| {
            let (a, b) = segments[i as usize];
            if reach.hit_by_segment(a, b) {
                found.push((a, b));
            }
        });
        Near(found)
    }
}

/// The segments near one place ([`Strokes::near`]).
pub(super) struct Near(Vec<(Point, Point)>);

impl Near {
    /// How many segments touch `area`, by the rule of
    /// [`Strokes::touching`]; the same count for an `area` within the one
    /// these segments were gathered for.
    pub(super) fn touching(&self, area: &Rect) -> usize {
        let area = area.inflate(LINE_WIDTH / 2.0);
        self.0
            .iter()
            .filter(|&&(a, b)| area.hit_by_segment(a, b))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Colour, LineIndex};

    fn strokes(points: Vec<Point>) -> Strokes {
        let path = LinePath {
            line: LineIndex(0),
            colour: Colour::default(),
            points,
            stops: Vec::new(),
        };
        Strokes::new(&[path], Rect::new(0.0, 0.0, 200.0, 200.0))
    }

    #[test]
    fn a_line_touches_a_box_within_half_its_width() {
        let mut line = strokes(vec![Point::new(0.0, 100.0), Point::new(200.0, 100.0)]);
        // The centre line is 2 px below the box: the stroke still covers it.
        assert_eq!(line.touching(&Rect::new(50.0, 80.0, 40.0, 18.0)), 1);
        // 3 px below is clear of a 5 px stroke.
        assert_eq!(line.touching(&Rect::new(50.0, 80.0, 40.0, 17.0)), 0);
        // A box the line passes well under is clear too.
        assert_eq!(line.touching(&Rect::new(50.0, 10.0, 40.0, 16.0)), 0);
    }

    #[test]
    fn each_touching_segment_counts_once() {
        let mut bent = strokes(vec![
            Point::new(0.0, 100.0),
            Point::new(100.0, 100.0),
            Point::new(150.0, 150.0),
        ]);
        assert_eq!(bent.touching(&Rect::new(90.0, 90.0, 20.0, 20.0)), 2);
        assert_eq!(bent.touching(&Rect::new(0.0, 0.0, 200.0, 200.0)), 2);
    }

    #[test]
    fn the_segments_near_a_place_count_as_the_grid_does_within_it() {
        let mut lines = strokes(vec![
            Point::new(0.0, 100.0),
            Point::new(100.0, 100.0),
            Point::new(150.0, 150.0),
            Point::new(150.0, 200.0),
        ]);
        let near = lines.near(&Rect::new(60.0, 60.0, 100.0, 100.0));
        for (x, y) in [
            (60.0, 60.0),
            (80.0, 84.0),
            (80.0, 102.0),
            (110.0, 100.0),
            (140.0, 120.0),
        ] {
            let area = Rect::new(x, y, 20.0, 16.0);
            assert_eq!(near.touching(&area), lines.touching(&area), "{area:?}");
        }
        assert_eq!(near.touching(&Rect::new(120.0, 120.0, 40.0, 40.0)), 2);
    }
}
