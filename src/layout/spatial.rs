//! Spatial queries for the engine: which segments cross, which boxes a
//! segment passes through, and a grid of buckets so the passes and the
//! verifier look only at nearby items. Native only, like the engine.

use super::{Point, Rect};

impl Rect {
    /// Whether the segment a–b passes through the inside of the rectangle.
    pub(crate) fn hit_by_segment(&self, a: Point, b: Point) -> bool {
        let bounds = Rect::spanning(a, b);
        // Bounding boxes of axis-parallel segments have no area, so this
        // comparison is written out instead of using `intersects`.
        if bounds.x >= self.right()
            || bounds.right() <= self.x
            || bounds.y >= self.bottom()
            || bounds.bottom() <= self.y
        {
            return false;
        }
        // The boxes overlap; the segment misses only if every corner lies on
        // the same side of its line.
        let corners = [
            Point::new(self.x, self.y),
            Point::new(self.right(), self.y),
            Point::new(self.x, self.bottom()),
            Point::new(self.right(), self.bottom()),
        ];
        let sides = corners.map(|c| orient(a, b, c));
        !(sides.iter().all(|&s| s >= 0.0) || sides.iter().all(|&s| s <= 0.0))
    }
}

/// Twice the signed area of the triangle a, b, c: which side of a→b c is on.
/// In f64 so integral coordinates in the thousands stay exact.
pub(crate) fn orient(a: Point, b: Point, c: Point) -> f64 {
    let (ax, ay) = (f64::from(a.x), f64::from(a.y));
    let (bx, by) = (f64::from(b.x), f64::from(b.y));
    let (cx, cy) = (f64::from(c.x), f64::from(c.y));
    (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
}

/// Whether segments a–b and c–d cross at a point inside both. Segments that
/// only touch (an end on the other segment, as lines do at a shared stop) or
/// that are parallel do not count.
pub(crate) fn crosses(a: Point, b: Point, c: Point, d: Point) -> bool {
    let straddles = |p: f64, q: f64| (p > 0.0 && q < 0.0) || (p < 0.0 && q > 0.0);
    straddles(orient(c, d, a), orient(c, d, b)) && straddles(orient(a, b, c), orient(a, b, d))
}

/// A uniform grid of buckets over the map, so overlap and crossing checks
/// look only at nearby items instead of every pair.
pub(crate) struct Grid {
    cells: Cells,
    /// Per bucket, its first and last entry in `entries` ([`END`] if it
    /// has none).
    buckets: Vec<(u32, u32)>,
    /// Each bucket's items as a list through one array, in the order they
    /// were added: an item, then the next entry of its bucket. One array
    /// for every bucket, rather than an array per bucket, saves the
    /// allocations that took about 30% of the shipped map's layout time
    /// (`verify` builds several grids per map the search draws).
    entries: Vec<(u32, u32)>,
    /// Per item, the query number that last reported it: lets a query report
    /// an item that spans several buckets once, without a hash set.
    seen: Vec<u32>,
    query: u32,
}

/// Where a grid's buckets are: which bucket holds a point.
#[derive(Clone, Copy)]
struct Cells {
    origin: Point,
    cell: f32,
    columns: usize,
    rows: usize,
}

/// Enough buckets for a large map, few enough that a hand-made layout with
/// absurd coordinates cannot exhaust memory: cells grow instead.
const MAX_BUCKETS: f32 = 262_144.0;

impl Cells {
    /// The column or row `v` falls in, along an axis starting at `origin`
    /// with `count` cells; those beyond either end fall in the end one.
    /// `as` truncates, saturates and maps NaN to 0, so after the clamp at
    /// 0 it floors and any input is a valid bucket.
    fn index(&self, v: f32, origin: f32, count: usize) -> usize {
        (((v - origin) / self.cell).max(0.0) as usize).min(count - 1)
    }

    fn column(&self, x: f32) -> usize {
        self.index(x, self.origin.x, self.columns)
    }

    fn row(&self, y: f32) -> usize {
        self.index(y, self.origin.y, self.rows)
    }

    /// The first and last column and row `r` touches.
    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        (
            self.column(r.x),
            self.column(r.right()),
            self.row(r.y),
            self.row(r.bottom()),
        )
    }

    /// Calls `visit` with the first and last bucket of each row of buckets
    /// that holds a point within `reach` of the segment from `a` to `b`
    /// (along either axis). Rows and columns at the edges also hold
    /// everything beyond them, so their bands reach to infinity.
    fn along(&self, a: Point, b: Point, reach: f32, mut visit: impl FnMut(usize, usize)) {
        // A little slack so float rounding never drops a bucket: finding
        // one too many only costs a test.
        const SLACK: f32 = 0.5;
        let reach = reach.max(0.0) + SLACK;
        let (low, high) = (a.y.min(b.y), a.y.max(b.y));
        let (first, last) = (self.row(low - reach), self.row(high + reach));
        let level = (b.y - a.y).abs() <= f32::EPSILON;
        let slope = if level {
            0.0
        } else {
            (b.x - a.x) / (b.y - a.y)
        };
        for row in first..=last {
            let top = if row == 0 {
                f32::NEG_INFINITY
            } else {
                self.origin.y + row as f32 * self.cell
            };
            let bottom = if row + 1 == self.rows {
                f32::INFINITY
            } else {
                self.origin.y + (row + 1) as f32 * self.cell
            };
            // The part of the segment within reach of this row's band.
            let from = low.max(top - reach);
            let to = high.min(bottom + reach);
            if from > to {
                continue;
            }
            let (left, right) = if level {
                (a.x.min(b.x), a.x.max(b.x))
            } else {
                let (p, q) = (a.x + (from - a.y) * slope, a.x + (to - a.y) * slope);
                (p.min(q), p.max(q))
            };
            let start = row * self.columns;
            visit(
                start + self.column(left - reach),
                start + self.column(right + reach),
            );
        }
    }
}

impl Grid {
    /// A grid covering `area` with square cells of about `cell` pixels.
    /// Items outside `area` land in the edge buckets, which is slower but
    /// still correct.
    pub(crate) fn new(area: Rect, cell: f32, items: usize) -> Grid {
        let width = finite_or_zero(area.width).max(1.0);
        let height = finite_or_zero(area.height).max(1.0);
        let mut cell = cell.max(1.0);
        // Far more buckets than items only costs time: a wide map with long
        // lines fills thousands of empty buckets per segment.
        let enough = (4 * items.max(64)) as f32;
        while (width / cell).ceil() * (height / cell).ceil() > MAX_BUCKETS.min(enough) {
            cell *= 1.5;
        }
        let columns = (width / cell).ceil().max(1.0) as usize;
        let rows = (height / cell).ceil().max(1.0) as usize;
        Grid {
            cells: Cells {
                origin: Point::new(finite_or_zero(area.x), finite_or_zero(area.y)),
                cell,
                columns,
                rows,
            },
            buckets: vec![(END, END); columns * rows],
            entries: Vec::new(),
            seen: vec![0; items],
            query: 0,
        }
    }

    /// Adds item `id` to every bucket `r` touches.
    pub(crate) fn insert(&mut self, id: u32, r: &Rect) {
        let (x0, x1, y0, y1) = self.cells.span(r);
        for row in y0..=y1 {
            let start = row * self.cells.columns;
            for bucket in start + x0..=start + x1 {
                self.push(bucket, id);
            }
        }
    }

    /// Adds `id` at the end of `bucket`'s list.
    fn push(&mut self, bucket: usize, id: u32) {
        let entry = self.entries.len() as u32;
        self.entries.push((id, END));
        let (first, last) = &mut self.buckets[bucket];
        match self.entries.get_mut(*last as usize) {
            Some(tail) => tail.1 = entry,
            None => *first = entry,
        }
        *last = entry;
    }

    /// Adds segment `id`, from `a` to `b`, to every bucket that holds a
    /// point within `reach` of it (along either axis). Unlike its bounding
    /// box, which for a long diagonal covers a square of buckets it never
    /// goes near, this touches only the buckets along the segment.
    pub(crate) fn insert_segment(&mut self, id: u32, a: Point, b: Point, reach: f32) {
        let cells = self.cells;
        cells.along(a, b, reach, |first, last| {
            for bucket in first..=last {
                self.push(bucket, id);
            }
        });
    }

    /// Removes item `id`, which was inserted with the same `r`.
    pub(crate) fn remove(&mut self, id: u32, r: &Rect) {
        let (x0, x1, y0, y1) = self.cells.span(r);
        for row in y0..=y1 {
            let start = row * self.cells.columns;
            for bucket in start + x0..=start + x1 {
                self.unlink(bucket, id);
            }
        }
    }

    /// Takes `id` out of `bucket`'s list; its entry stays unused.
    fn unlink(&mut self, bucket: usize, id: u32) {
        let (mut previous, mut at) = (END, self.buckets[bucket].0);
        while let Some(&(item, next)) = self.entries.get(at as usize) {
            if item == id {
                match self.entries.get_mut(previous as usize) {
                    Some(entry) => entry.1 = next,
                    None => self.buckets[bucket].0 = next,
                }
                if next == END {
                    self.buckets[bucket].1 = previous;
                }
            } else {
                previous = at;
            }
            at = next;
        }
    }

    /// Calls `visit` once for each item in a bucket that `r` touches.
    pub(crate) fn query(&mut self, r: &Rect, mut visit: impl FnMut(u32)) {
        let query = self.next_query();
        let (x0, x1, y0, y1) = self.cells.span(r);
        for row in y0..=y1 {
            let start = row * self.cells.columns;
            for bucket in start + x0..=start + x1 {
                self.visit_bucket(bucket, query, &mut visit);
            }
        }
    }

    /// Calls `visit` once for each item in a bucket that holds a point
    /// within `reach` of the segment from `a` to `b` (along either axis):
    /// every item whose box, grown by `reach`, the segment runs into.
    pub(crate) fn query_segment(
        &mut self,
        a: Point,
        b: Point,
        reach: f32,
        mut visit: impl FnMut(u32),
    ) {
        let query = self.next_query();
        let cells = self.cells;
        cells.along(a, b, reach, |first, last| {
            for bucket in first..=last {
                self.visit_bucket(bucket, query, &mut visit);
            }
        });
    }

    /// Starts a query, and returns its number: items seen before it count
    /// as unseen again.
    fn next_query(&mut self) -> u32 {
        self.query = self.query.wrapping_add(1);
        if self.query == 0 {
            self.seen.fill(0);
            self.query = 1;
        }
        self.query
    }

    /// Calls `visit` for each item in `bucket` not yet seen by `query`.
    fn visit_bucket(&mut self, bucket: usize, query: u32, visit: &mut impl FnMut(u32)) {
        let mut at = self.buckets[bucket].0;
        while let Some(&(id, next)) = self.entries.get(at as usize) {
            at = next;
            let Some(last) = self.seen.get_mut(id as usize) else {
                continue;
            };
            if *last != query {
                *last = query;
                visit(id);
            }
        }
    }
}

/// The end of a bucket's list: no entry.
const END: u32 = u32::MAX;

fn finite_or_zero(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn point() -> impl Strategy<Value = Point> {
        (-50.0f32..450.0, -50.0f32..350.0).prop_map(|(x, y)| Point::new(x.round(), y.round()))
    }

    /// Octilinear segments, as the layout draws, and any others.
    fn segment() -> impl Strategy<Value = (Point, Point)> {
        (point(), point(), 0..4usize).prop_map(|(a, b, kind)| {
            let d = b.x - a.x;
            let b = match kind {
                0 => Point::new(b.x, a.y),
                1 => Point::new(a.x, b.y),
                2 => Point::new(b.x, a.y + d),
                _ => b,
            };
            (a, b)
        })
    }

    proptest! {
        /// The buckets along a segment hold every box the segment, grown
        /// by `reach`, runs into, as its whole bounding box would.
        #[test]
        fn a_segment_query_finds_every_box_it_runs_into(
            boxes in prop::collection::vec((point(), 0.5f32..40.0, 0.5f32..6.0), 1..60),
            (a, b) in segment(),
            reach in 0.0f32..8.0,
        ) {
            let area = Rect::new(0.0, 0.0, 400.0, 300.0);
            let rects: Vec<Rect> = boxes.iter().map(|&(p, w, h)| Rect::new(p.x, p.y, w, h)).collect();
            let mut grid = Grid::new(area, 16.0, rects.len());
            for (i, r) in rects.iter().enumerate() {
                grid.insert(i as u32, r);
            }
            let mut found = Vec::new();
            grid.query_segment(a, b, reach, |i| found.push(i as usize));
            for (i, r) in rects.iter().enumerate() {
                if r.inflate(reach).hit_by_segment(a, b) {
                    prop_assert!(found.contains(&i), "box {i} {r:?} missed by {a:?}-{b:?}");
                }
            }
        }

        /// Two segments that cross share a bucket, so indexing segments
        /// along their length finds every crossing.
        #[test]
        fn crossing_segments_share_a_bucket((a, b) in segment(), (c, d) in segment()) {
            let mut grid = Grid::new(Rect::new(0.0, 0.0, 400.0, 300.0), 16.0, 1);
            grid.insert_segment(0, c, d, 0.0);
            let mut found = false;
            grid.query_segment(a, b, 0.0, |_| found = true);
            prop_assert!(found || !crosses(a, b, c, d));
        }
    }

    #[test]
    fn items_come_back_in_the_order_added_and_stay_gone_once_removed() {
        let area = Rect::new(0.0, 0.0, 100.0, 100.0);
        let mut grid = Grid::new(area, 10.0, 4);
        let boxes = [
            Rect::new(5.0, 5.0, 30.0, 5.0),
            Rect::new(15.0, 5.0, 5.0, 5.0),
            Rect::new(25.0, 5.0, 5.0, 5.0),
            Rect::new(5.0, 5.0, 5.0, 5.0),
        ];
        for (i, r) in boxes.iter().enumerate() {
            grid.insert(i as u32, r);
        }
        let found = |grid: &mut Grid| {
            let mut found = Vec::new();
            grid.query(&Rect::new(0.0, 0.0, 40.0, 20.0), |i| found.push(i));
            found
        };
        assert_eq!(found(&mut grid), [0, 3, 1, 2]);
        grid.remove(0, &boxes[0]);
        grid.remove(2, &boxes[2]);
        assert_eq!(found(&mut grid), [3, 1]);
        // Added again after removals, at the end of each bucket's list.
        grid.insert(0, &boxes[0]);
        grid.insert(2, &boxes[2]);
        assert_eq!(found(&mut grid), [3, 0, 1, 2]);
    }

    #[test]
    fn a_diagonal_visits_the_buckets_along_it_not_its_whole_box() {
        let area = Rect::new(0.0, 0.0, 1000.0, 1000.0);
        let mut grid = Grid::new(area, 10.0, 2);
        // A box in the far corner of the diagonal's bounding box, and one
        // on the diagonal itself.
        grid.insert(0, &Rect::new(900.0, 50.0, 5.0, 5.0));
        grid.insert(1, &Rect::new(500.0, 500.0, 5.0, 5.0));
        let mut found = Vec::new();
        grid.query_segment(Point::new(0.0, 0.0), Point::new(1000.0, 1000.0), 2.0, |i| {
            found.push(i)
        });
        assert_eq!(found, vec![1]);
    }
}
