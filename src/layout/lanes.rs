//! Keeps the upright runs of different lines apart: no line is drawn over
//! another down a corridor.
//!
//! `paths` picks each drop's x by itself: left of its end station, by the
//! line's slot there, or down a corridor beside a station or a name. Two
//! drops by stations in one column, or down corridors a pixel or two
//! apart, then run on the same track, and one line hides the other (on the
//! generated network, nearly all of the lines drawn over each other). This
//! pass moves such a drop sideways, a line's spacing at a time, to the
//! nearest lane no other line's drop holds along it. Its corners stay
//! octilinear: a level run into the drop gets longer or shorter, and a
//! diagonal into it meets it further along or sooner. A drop that starts
//! or ends at a stop stays, as the stop does; so does one whose move would
//! run into more stations or names.

use super::clearance::{Hits, Obstacles};
use super::{LINE_SPACING, LINE_WIDTH, LinePath, Point};
use crate::journey::PositionIndex;
use std::collections::BTreeMap;

/// How many lanes either side of where a drop was routed it may move to.
const LANES: usize = 8;
/// The shortest a level run or diagonal into a moved drop may become, so
/// its corners still read as corners.
const SHORTEST: f32 = LINE_SPACING;

/// One upright run: which path and segment it is, and where.
#[derive(Clone, Copy)]
struct Drop {
    path: usize,
    /// Its first point's index in the path's points.
    at: usize,
    x: f32,
    top: f32,
    bottom: f32,
}

/// The drops placed so far, by x in tenths of a pixel: for each, its span
/// and line.
#[derive(Default)]
struct Book(BTreeMap<i32, Vec<(f32, f32, usize)>>);

impl Book {
    fn key(x: f32) -> i32 {
        (x * 10.0).round() as i32
    }

    fn add(&mut self, x: f32, top: f32, bottom: f32, line: usize) {
        self.0
            .entry(Self::key(x))
            .or_default()
            .push((top, bottom, line));
    }

    /// Whether a drop of `line` at `x` from `top` to `bottom` would be
    /// drawn over, or closer than a line's spacing to, another line's.
    fn taken(&self, x: f32, top: f32, bottom: f32, line: usize) -> bool {
        let near = Self::key(x - LINE_SPACING) + 1..Self::key(x + LINE_SPACING);
        self.0
            .range(near)
            .flat_map(|(_, spans)| spans)
            .any(|&(t, b, other)| other != line && bottom.min(b) - top.max(t) > LINE_WIDTH)
    }
}

/// Moves drops of `paths` that another line's drop is drawn over to the
/// nearest free lane: with `obstacles`, only where the move runs into no
/// more stations or names than before; without, anywhere (untangling
/// judges the map drawn, stations included). `ends` gives, for each path,
/// its stations in order, one per stop.
pub(super) fn separate(
    paths: &mut [LinePath],
    ends: &[&[PositionIndex]],
    mut obstacles: Option<&mut Obstacles>,
) {
    let mut book = Book::default();
    let mut movable = Vec::new();
    for (p, path) in paths.iter().enumerate() {
        for (k, w) in path.points.windows(2).enumerate() {
            if w[0].x != w[1].x || w[0].y == w[1].y {
                continue;
            }
            let drop = Drop {
                path: p,
                at: k,
                x: w[0].x,
                top: w[0].y.min(w[1].y),
                bottom: w[0].y.max(w[1].y),
            };
            let from_stop = path.stops.contains(&k) || path.stops.contains(&(k + 1));
            if from_stop || k == 0 || k + 2 >= path.points.len() {
                book.add(drop.x, drop.top, drop.bottom, path.line.get());
            } else {
                movable.push(drop);
            }
        }
    }
    // In order across the map, so a bundle's drops, side by side, each find
    // the lane next to the last.
    movable.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.top.total_cmp(&b.top)));
    for drop in movable {
        let path = &mut paths[drop.path];
        let line = path.line.get();
        let stretch = stretch_ends(path, ends[drop.path], drop.at);
        // A move may run into no more than the drop did where it was:
        // `hits_below` keeps what is under its bound, and one name more
        // than before is the least that is more.
        let before = &path.points[drop.at - 1..=drop.at + 2];
        let mut bound = None;
        let clear = |piece: &[Point]| {
            let Some(obstacles) = obstacles.as_deref_mut() else {
                return true;
            };
            let Some(ends) = stretch else {
                return false;
            };
            let bound = *bound.get_or_insert_with(|| {
                let was = obstacles.hits(before, ends);
                Hits {
                    names: was.names + 1,
                    ..was
                }
            });
            obstacles.hits_below(piece, ends, bound).is_some()
        };
        let (x, moved) = match lane_for(&book, drop, line, clear, &path.points) {
            Some((x, points)) => (x, Some(points)),
            None => (drop.x, None),
        };
        if let Some(points) = moved {
            path.points[drop.at - 1..=drop.at + 2].copy_from_slice(&points);
        }
        let (a, b) = (path.points[drop.at], path.points[drop.at + 1]);
        book.add(x, a.y.min(b.y), a.y.max(b.y), line);
    }
}

/// The two stations of the stretch that point `at` of `path` lies on.
fn stretch_ends(
    path: &LinePath,
    stations: &[PositionIndex],
    at: usize,
) -> Option<[PositionIndex; 2]> {
    let j = path.stops.iter().rposition(|&s| s <= at)?;
    Some([*stations.get(j)?, *stations.get(j + 1)?])
}

/// The nearest lane to `drop` that no other line's drop holds along it,
/// with the four points round the drop moved there; `None` if the drop's
/// own lane is free, or no lane near it is, or every free one fails
/// `clear`.
fn lane_for(
    book: &Book,
    drop: Drop,
    line: usize,
    mut clear: impl FnMut(&[Point]) -> bool,
    points: &[Point],
) -> Option<(f32, [Point; 4])> {
    if !book.taken(drop.x, drop.top, drop.bottom, line) {
        return None;
    }
    let piece = [
        points[drop.at - 1],
        points[drop.at],
        points[drop.at + 1],
        points[drop.at + 2],
    ];
    (1..=LANES)
        .flat_map(|n| [-(n as f32), n as f32])
        .map(|n| n * LINE_SPACING)
        .filter_map(|d| shifted(piece, d).map(|moved| (drop.x + d, moved)))
        .find(|&(x, moved)| {
            let (a, b) = (moved[1], moved[2]);
            !book.taken(x, a.y.min(b.y), a.y.max(b.y), line) && clear(&moved)
        })
}

/// The piece `[p, q, r, s]`, whose middle segment q–r is upright, with that
/// segment moved `d` sideways: a level neighbour stretches or shrinks, a
/// diagonal one meets it further along or sooner. `None` where a
/// neighbour would shrink below [`SHORTEST`] or turn round, or the drop
/// would.
fn shifted([p, q, r, s]: [Point; 4], d: f32) -> Option<[Point; 4]> {
    let way = r.y - q.y;
    let (q, r) = (corner(p, q, d)?, corner(s, r, d)?);
    let keeps_way = (r.y - q.y).signum() == way.signum();
    (keeps_way && (r.y - q.y).abs() >= SHORTEST).then_some([p, q, r, s])
}

/// Corner `q` of the drop, joined to `p` by a level run or a 45-degree
/// diagonal, moved so the drop is `d` further right; `None` if the run
/// from `p` would become shorter than [`SHORTEST`] or turn round.
fn corner(p: Point, q: Point, d: f32) -> Option<Point> {
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    if dx == 0.0 {
        return None;
    }
    // Along the run from p: level runs keep their y, diagonals move in y as
    // much as in x.
    let slope = dy / dx;
    if slope != 0.0 && (slope.abs() - 1.0).abs() > 0.01 {
        return None;
    }
    let moved = Point::new(q.x + d, q.y + d * slope);
    let length = moved.x - p.x;
    (length.signum() == dx.signum() && length.abs() >= SHORTEST).then_some(moved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Colour, LineIndex};
    use crate::layout::Rect;

    fn path(line: usize, points: &[(f32, f32)]) -> LinePath {
        LinePath {
            line: LineIndex(line as u32),
            colour: Colour::default(),
            points: points.iter().map(|&(x, y)| Point::new(x, y)).collect(),
            stops: vec![0, points.len() - 1],
        }
    }

    fn xs(path: &LinePath) -> Vec<f32> {
        path.points.iter().map(|p| p.x).collect()
    }

    /// Two lines dropping down the same track at x = 100.
    fn two_drops() -> Vec<LinePath> {
        vec![
            path(
                0,
                &[(0.0, 0.0), (100.0, 0.0), (100.0, 200.0), (200.0, 200.0)],
            ),
            path(
                1,
                &[(0.0, 50.0), (100.0, 50.0), (100.0, 250.0), (200.0, 250.0)],
            ),
        ]
    }

    fn stations() -> [PositionIndex; 2] {
        [PositionIndex(0), PositionIndex(1)]
    }

    #[test]
    fn a_drop_on_another_lines_track_moves_to_the_next_lane() {
        let mut paths = two_drops();
        let ends = stations();
        separate(&mut paths, &[&ends, &ends], None);
        assert_eq!(xs(&paths[0]), [0.0, 100.0, 100.0, 200.0]);
        assert_eq!(xs(&paths[1]), [0.0, 94.0, 94.0, 200.0]);
        // One line's own drops may share a track: a branch over its trunk.
        let mut own = two_drops();
        own[1].line = LineIndex(0);
        separate(&mut own, &[&ends, &ends], None);
        assert_eq!(xs(&own[1]), [0.0, 100.0, 100.0, 200.0]);
    }

    #[test]
    fn a_drop_skips_a_lane_that_would_run_into_a_station() {
        // The four stations: the two lines' ends, and one in the lane left
        // of the shared track, halfway down.
        let marks = [
            Rect::new(-5.0, -5.0, 10.0, 10.0),
            Rect::new(195.0, 195.0, 10.0, 10.0),
            Rect::new(-5.0, 45.0, 10.0, 10.0),
            Rect::new(195.0, 245.0, 10.0, 10.0),
            Rect::new(88.0, 145.0, 8.0, 10.0),
        ];
        let area = Rect::new(-10.0, -10.0, 300.0, 300.0);
        let mut obstacles = Obstacles::new(&marks, &[], &[], area);
        let mut paths = two_drops();
        let first = stations();
        let second = [PositionIndex(2), PositionIndex(3)];
        separate(&mut paths, &[&first, &second], Some(&mut obstacles));
        assert_eq!(xs(&paths[1]), [0.0, 106.0, 106.0, 200.0]);
    }

    #[test]
    fn a_diagonal_into_a_moved_drop_meets_it_further_along() {
        // In along a diagonal, down, and out level.
        let piece = [
            Point::new(0.0, 0.0),
            Point::new(40.0, 40.0),
            Point::new(40.0, 200.0),
            Point::new(100.0, 200.0),
        ];
        let right = shifted(piece, 6.0).map(|p| p.to_vec());
        let expected = [(0.0, 0.0), (46.0, 46.0), (46.0, 200.0), (100.0, 200.0)];
        let expected: Vec<Point> = expected.iter().map(|&(x, y)| Point::new(x, y)).collect();
        assert_eq!(right, Some(expected));
        // Moved left past where the level run out would keep a corner.
        assert_eq!(shifted(piece, -36.0), None);
        assert!(shifted(piece, 60.0).is_none());
    }
}
