//! What a line's stretch must keep clear of: the stations it does not stop
//! at and the names beside them.
//!
//! `paths` bends a stretch next to one of its two stations. On a large map
//! that diagonal, or the run along the other row, can cut through a station
//! between them or a name, and no later pass can move a station. So a
//! stretch that hits something tries other shapes (`paths::Lean`): its
//! diagonal at other places along it, a drop down one of the [`corridors`]
//! with square corners or a diagonal off or onto its row, a short step
//! off its row at once and a run beside it to the drop (or a drop to
//! beside the other row, a run along it and a step on), or, along a row,
//! a step aside. It keeps the shape that hits least: stations first,
//! then names. Names are taken at their reserved spot below-right of their
//! station, where most of them stay; the label pass then moves the rest
//! off whatever lines are still on them. Routed again round the names
//! where they moved, lines also keep off the other corners of a name the
//! label pass left on a line, as spare spots, and a line over a name with
//! no other corner clear of lines (`labels::pinned`) counts worse than
//! over any number of names that can still move: on the generated network
//! two drops 3,500 px tall took the one spot left to Position 1498's name,
//! rather than another name that had somewhere else to go.
//!

use super::spatial::Grid;
use super::{LINE_WIDTH, Point, Rect};
use crate::journey::PositionIndex;

/// Bucket size for the grid: about a label's height and a half.
const CELL: f32 = 48.0;

/// How many places along a stretch its diagonal, or its drop, may try.
pub(super) const PLACES: usize = 48;

/// The stations and reserved name boxes, indexed by where they are.
pub(super) struct Obstacles {
    /// Station shapes, then name boxes: item `i < stations` is the station
    /// of `PositionIndex(i)`; item `stations + i` is its name; after the
    /// names come spare spots.
    boxes: Vec<Rect>,
    stations: usize,
    /// How many boxes are stations and names: spare spots, where nothing
    /// stands yet, make no corridor.
    placed: usize,
    /// For each name, by position, whether it has nowhere else to go
    /// (`labels::pinned`); none is, unless [`Obstacles::pin`] says so.
    pinned: Vec<bool>,
    grid: Grid,
}

/// What a polyline runs into, worst first: stations it passes through,
/// names with nowhere else to go, then other names (and spare spots).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Hits {
    pub stations: usize,
    pub pinned: usize,
    pub names: usize,
}

impl Hits {
    /// Runs into no station and no name.
    pub(super) fn clear(self) -> bool {
        self == Hits::default()
    }
}

impl Obstacles {
    /// Indexes the station shapes and the name boxes, one of each per
    /// position, and `spares`, places names may move to, which count as
    /// names; all in `area`.
    pub(super) fn new(stations: &[Rect], names: &[Rect], spares: &[Rect], area: Rect) -> Obstacles {
        let placed = stations.len() + names.len();
        let boxes: Vec<Rect> = stations
            .iter()
            .chain(names)
            .chain(spares)
            .copied()
            .collect();
        let mut grid = Grid::new(area, CELL, boxes.len());
        for (i, r) in boxes.iter().enumerate() {
            grid.insert(i as u32, r);
        }
        Obstacles {
            placed,
            pinned: Vec::new(),
            boxes,
            stations: stations.len(),
            grid,
        }
    }

    /// Marks the names that have nowhere else to go, by position: a line
    /// over one of them counts worse than over any number of other names,
    /// which the label pass can still move.
    pub(super) fn pin(&mut self, pinned: Vec<bool>) {
        self.pinned = pinned;
    }

    /// Where a line may run straight up or down ([`corridors`]).
    pub(super) fn corridors(&self, inset: f32) -> Vec<f32> {
        let (stations, names) = self.boxes[..self.placed].split_at(self.stations);
        corridors(stations, names, inset)
    }

    /// What the drawn stroke along `points` runs into, except the stations
    /// at its two `ends`, which it stops at.
    pub(super) fn hits(&mut self, points: &[Point], ends: [PositionIndex; 2]) -> Hits {
        self.count(points, ends, None)
    }

    /// [`Obstacles::hits`], if fewer than `bound`; `None` as soon as the
    /// stroke is found to run into as much, without looking further. Most
    /// shapes a stretch tries are no better than the best so far, and this
    /// is where the layout spends most of its time.
    pub(super) fn hits_below(
        &mut self,
        points: &[Point],
        ends: [PositionIndex; 2],
        bound: Hits,
    ) -> Option<Hits> {
        let hits = self.count(points, ends, Some(bound));
        (hits < bound).then_some(hits)
    }

    /// What the stroke runs into, counted segment by segment, each box
    /// once; it stops at the first segment that brings the count to
    /// `bound`, as more can only add to it.
    fn count(&mut self, points: &[Point], ends: [PositionIndex; 2], bound: Option<Hits>) -> Hits {
        let reach = LINE_WIDTH / 2.0;
        let (boxes, stations) = (&self.boxes, self.stations);
        // Names are the boxes after the stations; spare spots, after the
        // names, are never pinned.
        let (names, pinned) = (stations..self.placed, &self.pinned);
        let mut found: Vec<u32> = Vec::new();
        let mut hits = Hits::default();
        for w in points.windows(2) {
            let swept = Rect::spanning(w[0], w[1]).inflate(reach);
            self.grid.query(&swept, |i| {
                let item = i as usize;
                let own_end = item < stations && ends.iter().any(|e| e.get() == item);
                if own_end
                    || found.contains(&i)
                    || !boxes[item].inflate(reach).hit_by_segment(w[0], w[1])
                {
                    return;
                }
                found.push(i);
                if item < stations {
                    hits.stations += 1;
                } else if names.contains(&item) && pinned.get(item - stations) == Some(&true) {
                    hits.pinned += 1;
                } else {
                    hits.names += 1;
                }
            });
            if bound.is_some_and(|bound| hits >= bound) {
                break;
            }
        }
        hits
    }
}

/// Where a line may run straight up or down, in order: `inset` left of
/// each of the `stations`, and just right of each of the `names`.
pub(super) fn corridors(stations: &[Rect], names: &[Rect], inset: f32) -> Vec<f32> {
    let mut xs: Vec<f32> = stations
        .iter()
        .map(|s| s.x + s.width / 2.0 - inset)
        .chain(names.iter().map(|n| n.right() + LINE_WIDTH))
        .map(f32::round)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup();
    xs
}

/// The places to try for the diagonal of a stretch from `a` to `b`: where
/// its centre line leaves `a`'s row, `count` + 1 of them evenly from next
/// to `a` to next to `b`, keeping `stub` of straight line at each end.
pub(super) fn places(a: Point, b: Point, stub: f32, count: usize) -> impl Iterator<Item = f32> {
    let sx = (b.x - a.x).signum();
    let first = a.x + stub * sx;
    let last = b.x - ((b.y - a.y).abs() + stub) * sx;
    let count = count.max(1);
    (0..=count).map(move |k| (first + (last - first) * k as f32 / count as f32).round())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(i: usize) -> PositionIndex {
        PositionIndex(i as u32)
    }

    #[test]
    fn a_stroke_counts_stations_it_skips_and_names_but_not_its_own_ends() {
        let stations = [
            Rect::new(-5.0, -5.0, 10.0, 10.0),
            Rect::new(95.0, -5.0, 10.0, 10.0),
            Rect::new(45.0, -5.0, 10.0, 10.0),
        ];
        let names = [
            Rect::new(4.0, 8.0, 40.0, 16.0),
            Rect::new(104.0, 8.0, 40.0, 16.0),
            Rect::new(30.0, 40.0, 40.0, 16.0),
        ];
        let area = Rect::new(-10.0, -10.0, 200.0, 100.0);
        let mut obstacles = Obstacles::new(&stations, &names, &[], area);
        let straight = [Point::new(0.0, 0.0), Point::new(100.0, 0.0)];
        assert_eq!(
            obstacles.hits(&straight, [at(0), at(1)]),
            Hits {
                stations: 1,
                pinned: 0,
                names: 0,
            }
        );
        let down = [Point::new(0.0, 0.0), Point::new(60.0, 60.0)];
        assert_eq!(
            obstacles.hits(&down, [at(0), at(1)]),
            Hits {
                stations: 0,
                pinned: 0,
                names: 2,
            }
        );
        let above = [Point::new(0.0, -40.0), Point::new(100.0, -40.0)];
        assert!(obstacles.hits(&above, [at(0), at(1)]).clear());
        // A spare spot, where a name may move, counts as a name, but
        // makes no corridor: nothing stands there yet.
        let spare = Rect::new(20.0, -48.0, 40.0, 16.0);
        let mut with_spare = Obstacles::new(&stations, &names, &[spare], area);
        assert_eq!(
            with_spare.hits(&above, [at(0), at(1)]),
            Hits {
                stations: 0,
                pinned: 0,
                names: 1,
            }
        );
        assert_eq!(with_spare.corridors(12.0), obstacles.corridors(12.0));
    }

    #[test]
    fn a_name_with_nowhere_else_to_go_counts_worse_than_any_other_names() {
        let stations = [
            Rect::new(-5.0, -5.0, 10.0, 10.0),
            Rect::new(395.0, -5.0, 10.0, 10.0),
        ];
        let names = [
            Rect::new(100.0, 20.0, 40.0, 16.0),
            Rect::new(200.0, 20.0, 40.0, 16.0),
            Rect::new(300.0, 20.0, 40.0, 16.0),
        ];
        let area = Rect::new(-10.0, -10.0, 500.0, 100.0);
        let mut obstacles = Obstacles::new(&stations, &names, &[], area);
        obstacles.pin(vec![false, false, true]);
        let stroke = |x: f32| [Point::new(x, 0.0), Point::new(x, 50.0)];
        let ends = [at(0), at(1)];
        let free = obstacles.hits(&stroke(120.0), ends);
        let pinned = obstacles.hits(&stroke(320.0), ends);
        assert_eq!((free.pinned, free.names), (0, 1));
        assert_eq!((pinned.pinned, pinned.names), (1, 0));
        // Along under both free names: two names, still better.
        let under = [Point::new(110.0, 28.0), Point::new(230.0, 28.0)];
        let both = obstacles.hits(&under, ends);
        assert_eq!((both.pinned, both.names), (0, 2));
        assert!(both < pinned);
    }

    #[test]
    fn a_bound_keeps_only_strokes_that_run_into_less() {
        let stations = [
            Rect::new(-5.0, -5.0, 10.0, 10.0),
            Rect::new(395.0, -5.0, 10.0, 10.0),
            Rect::new(195.0, -5.0, 10.0, 10.0),
        ];
        let names = [
            Rect::new(100.0, 20.0, 40.0, 16.0),
            Rect::new(200.0, 20.0, 40.0, 16.0),
        ];
        let area = Rect::new(-10.0, -10.0, 500.0, 100.0);
        let mut obstacles = Obstacles::new(&stations, &names, &[], area);
        let ends = [at(0), at(1)];
        // Through the middle station: one station, then on under a name.
        let through = [
            Point::new(0.0, 0.0),
            Point::new(300.0, 0.0),
            Point::new(300.0, 28.0),
            Point::new(400.0, 28.0),
        ];
        let one_name = Hits {
            stations: 0,
            pinned: 0,
            names: 1,
        };
        assert_eq!(obstacles.hits_below(&through, ends, one_name), None);
        let all = obstacles.hits(&through, ends);
        assert_eq!(all.stations, 1);
        assert_eq!(obstacles.hits_below(&through, ends, all), None);
        let worse = Hits {
            stations: 2,
            ..Hits::default()
        };
        assert_eq!(obstacles.hits_below(&through, ends, worse), Some(all));
        // Under both names: as bad as the bound of two names, so no better.
        let under = [
            Point::new(0.0, 0.0),
            Point::new(0.0, 28.0),
            Point::new(400.0, 28.0),
        ];
        let two_names = Hits {
            names: 2,
            ..Hits::default()
        };
        assert_eq!(obstacles.hits(&under, ends), two_names);
        assert_eq!(obstacles.hits_below(&under, ends, two_names), None);
        assert_eq!(obstacles.hits_below(&under, ends, worse), Some(two_names));
    }

    #[test]
    fn places_run_from_one_station_to_the_other_each_way() {
        let right: Vec<f32> =
            places(Point::new(0.0, 0.0), Point::new(200.0, 50.0), 12.0, PLACES).collect();
        assert_eq!(right.len(), PLACES + 1);
        assert_eq!((right[0], right[PLACES]), (12.0, 138.0));
        let left: Vec<f32> =
            places(Point::new(200.0, 0.0), Point::new(0.0, -50.0), 12.0, PLACES).collect();
        assert_eq!((left[0], left[PLACES]), (188.0, 62.0));
    }
}
