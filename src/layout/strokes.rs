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
            grid.insert(i as u32, &Rect::spanning(a, b));
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
}
