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
    origin: Point,
    cell: f32,
    columns: usize,
    rows: usize,
    buckets: Vec<Vec<u32>>,
    /// Per item, the query number that last reported it: lets a query report
    /// an item that spans several buckets once, without a hash set.
    seen: Vec<u32>,
    query: u32,
}

/// Enough buckets for a large map, few enough that a hand-made layout with
/// absurd coordinates cannot exhaust memory: cells grow instead.
const MAX_BUCKETS: f32 = 262_144.0;

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
            origin: Point::new(finite_or_zero(area.x), finite_or_zero(area.y)),
            cell,
            columns,
            rows,
            buckets: vec![Vec::new(); columns * rows],
            seen: vec![0; items],
            query: 0,
        }
    }

    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let index = |v: f32, origin: f32, count: usize| {
            let i = ((v - origin) / self.cell).floor();
            // `as` saturates and maps NaN to 0, so any input is a valid bucket.
            (i.max(0.0) as usize).min(count - 1)
        };
        (
            index(r.x, self.origin.x, self.columns),
            index(r.right(), self.origin.x, self.columns),
            index(r.y, self.origin.y, self.rows),
            index(r.bottom(), self.origin.y, self.rows),
        )
    }

    /// Adds item `id` to every bucket `r` touches.
    pub(crate) fn insert(&mut self, id: u32, r: &Rect) {
        let (x0, x1, y0, y1) = self.span(r);
        for row in y0..=y1 {
            for column in x0..=x1 {
                self.buckets[row * self.columns + column].push(id);
            }
        }
    }

    /// Removes item `id`, which was inserted with the same `r`.
    pub(crate) fn remove(&mut self, id: u32, r: &Rect) {
        let (x0, x1, y0, y1) = self.span(r);
        for row in y0..=y1 {
            for column in x0..=x1 {
                self.buckets[row * self.columns + column].retain(|&i| i != id);
            }
        }
    }

    /// Calls `visit` once for each item in a bucket that `r` touches.
    pub(crate) fn query(&mut self, r: &Rect, mut visit: impl FnMut(u32)) {
        self.query = self.query.wrapping_add(1);
        if self.query == 0 {
            self.seen.fill(0);
            self.query = 1;
        }
        let (x0, x1, y0, y1) = self.span(r);
        for row in y0..=y1 {
            for column in x0..=x1 {
                for &id in &self.buckets[row * self.columns + column] {
                    let Some(seen) = self.seen.get_mut(id as usize) else {
                        continue;
                    };
                    if *seen != self.query {
                        *seen = self.query;
                        visit(id);
                    }
                }
            }
        }
    }
}

fn finite_or_zero(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}
