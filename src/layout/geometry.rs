//! Points, rectangles and the spatial grid the passes and the verifier share.

use serde::{Deserialize, Serialize};

/// A point on the map, in SVG user units (pixels), y pointing down.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Distance from the left edge.
    #[serde(with = "tenths")]
    pub x: f32,
    /// Distance from the top edge.
    #[serde(with = "tenths")]
    pub y: f32,
}

/// Map coordinates stored as whole tenths of a pixel. The layout's values
/// are whole pixels or character widths of 7.2, so nothing is lost, and a
/// small integer takes two or three bytes in the map data where a float
/// takes four: the first load is smaller. Most values are whole pixels,
/// which travel as pixels ([`unit`]), a byte shorter for the width of a
/// large map.
mod tenths {
    use super::unit;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(unit::encode(unit::tenths(*value)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        Ok(unit::decode(u32::deserialize(deserializer)?) as f32 / 10.0)
    }
}

/// A whole number of tenths of a pixel as a small unsigned number: a
/// whole number of pixels as twice its zigzag, any other value as twice
/// its own zigzag plus one. Postcard stores a number under 128 in one
/// byte, under 16,384 in two.
pub(crate) mod unit {
    /// `v` in whole tenths of a pixel (0 for a value that is not finite).
    pub fn tenths(v: f32) -> i32 {
        if v.is_finite() {
            (v * 10.0).round() as i32
        } else {
            0
        }
    }

    fn zigzag(v: i32) -> u32 {
        ((v << 1) ^ (v >> 31)) as u32
    }

    fn unzigzag(v: u32) -> i32 {
        ((v >> 1) as i32) ^ -((v & 1) as i32)
    }

    /// The code of `tenths`.
    pub fn encode(tenths: i32) -> u32 {
        if tenths % 10 == 0 {
            zigzag(tenths / 10) << 1
        } else {
            zigzag(tenths) << 1 | 1
        }
    }

    /// The tenths `code` stands for; never panics, whatever the code.
    pub fn decode(code: u32) -> i32 {
        let value = unzigzag(code >> 1);
        if code & 1 == 0 {
            value.wrapping_mul(10)
        } else {
            value
        }
    }
}

/// A polyline stored as its first point and then one number per move:
/// its length's [`unit`] code times 9 plus one of the eight octilinear
/// directions. Map lines are octilinear, so a vertex takes a byte or two
/// in the map data where two coordinates took five or six. A move in any
/// other direction is direction 8, followed by the codes of its two
/// components.
pub(crate) mod octilinear {
    use super::Point;
    use super::unit::{decode, encode, tenths};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Unit steps, in direction order.
    const DIRECTIONS: [(i32, i32); 8] = [
        (1, 0),
        (1, 1),
        (0, 1),
        (-1, 1),
        (-1, 0),
        (-1, -1),
        (0, -1),
        (1, -1),
    ];
    const ANY: u32 = 8;

    pub fn serialize<S: Serializer>(points: &[Point], serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::with_capacity(points.len() + 2);
        let mut at = (0, 0);
        for (i, p) in points.iter().enumerate() {
            let next = (tenths(p.x), tenths(p.y));
            let (dx, dy) = (next.0 - at.0, next.1 - at.1);
            let length = dx.abs().max(dy.abs());
            let unit = (dx.signum(), dy.signum());
            let straight = i > 0 && length > 0 && (dx == 0 || dy == 0 || dx.abs() == dy.abs());
            match DIRECTIONS
                .iter()
                .position(|&d| d == unit)
                .filter(|_| straight)
            {
                Some(direction) => out.push(encode(length) * 9 + direction as u32),
                None => out.extend([ANY, encode(dx), encode(dy)]),
            }
            at = next;
        }
        out.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Point>, D::Error> {
        let moves = Vec::<u32>::deserialize(deserializer)?;
        let mut points = Vec::with_capacity(moves.len());
        let mut at = (0i32, 0i32);
        let mut rest = moves.into_iter();
        while let Some(m) = rest.next() {
            let (dx, dy) = if m == ANY {
                let dx = decode(rest.next().unwrap_or(0));
                (dx, decode(rest.next().unwrap_or(0)))
            } else {
                let (ux, uy) = DIRECTIONS[(m % 9) as usize % 8];
                let length = decode(m / 9);
                (ux.wrapping_mul(length), uy.wrapping_mul(length))
            };
            at = (at.0.wrapping_add(dx), at.1.wrapping_add(dy));
            points.push(Point::new(at.0 as f32 / 10.0, at.1 as f32 / 10.0));
        }
        Ok(points)
    }
}

impl Point {
    /// The point (x, y).
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    /// The square of the distance to `other` (no square root: cheaper, and
    /// enough to compare distances).
    pub fn distance_squared(self, other: Point) -> f32 {
        let (dx, dy) = (self.x - other.x, self.y - other.y);
        dx * dx + dy * dy
    }

    /// The point at whole tenths of a pixel, exactly as the map data
    /// stores it.
    pub fn snapped(self) -> Point {
        Point::new(snap(self.x), snap(self.y))
    }
}

/// `v` at whole tenths, computed the way decoding computes it, so a layout
/// survives the map data unchanged.
pub(crate) fn snap(v: f32) -> f32 {
    if v.is_finite() {
        ((v * 10.0).round() as i32) as f32 / 10.0
    } else {
        v
    }
}

/// How much room something takes: a label's estimated text, say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    /// Across, in pixels.
    pub width: f32,
    /// Down, in pixels.
    pub height: f32,
}

impl Size {
    /// The size `width` across and `height` down.
    pub const fn new(width: f32, height: f32) -> Size {
        Size { width, height }
    }
}

/// An axis-aligned rectangle: top-left corner and size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge.
    #[serde(with = "tenths")]
    pub x: f32,
    /// Top edge.
    #[serde(with = "tenths")]
    pub y: f32,
    /// Width, never negative for rectangles the layout makes.
    #[serde(with = "tenths")]
    pub width: f32,
    /// Height, never negative for rectangles the layout makes.
    #[serde(with = "tenths")]
    pub height: f32,
}

impl Rect {
    /// The rectangle with top-left corner (x, y) and the given size.
    pub const fn new(x: f32, y: f32, width: f32, height: f32) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The rectangle at whole tenths of a pixel (see [`Point::snapped`]).
    pub fn snapped(self) -> Rect {
        Rect::new(
            snap(self.x),
            snap(self.y),
            snap(self.width),
            snap(self.height),
        )
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Whether the two rectangles share some area. Touching edges do not
    /// count, and an empty rectangle intersects nothing, so a label with no
    /// text never "overlaps".
    pub fn intersects(&self, other: &Rect) -> bool {
        self.width > 0.0
            && self.height > 0.0
            && other.width > 0.0
            && other.height > 0.0
            && self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `p` lies inside or on the edge.
    pub fn contains(&self, p: Point) -> bool {
        (self.x..=self.right()).contains(&p.x) && (self.y..=self.bottom()).contains(&p.y)
    }

    /// The rectangle grown by `by` on every side.
    pub fn inflate(&self, by: f32) -> Rect {
        Rect::new(
            self.x - by,
            self.y - by,
            self.width + 2.0 * by,
            self.height + 2.0 * by,
        )
    }

    /// The smallest rectangle holding both points.
    pub fn spanning(a: Point, b: Point) -> Rect {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Path(#[serde(with = "octilinear")] Vec<Point>);

    #[test]
    fn octilinear_paths_travel_as_moves_and_come_back_exactly() {
        let path = Path(vec![
            Point::new(40.0, 120.5),
            Point::new(140.0, 120.5),
            Point::new(180.0, 160.5),
            Point::new(180.0, 100.5),
            Point::new(107.2, 27.7),
            // Not octilinear: stored as a free move.
            Point::new(110.0, 50.3),
            Point::new(110.0, 50.3),
        ]);
        let bytes = postcard::to_allocvec(&path).unwrap();
        assert_eq!(postcard::from_bytes::<Path>(&bytes).unwrap(), path);
        // Two bytes a vertex along a line, where two coordinates took five.
        let straight = Path((0..20).map(|i| Point::new(i as f32 * 10.0, 5.0)).collect());
        let bytes = postcard::to_allocvec(&straight).unwrap();
        assert!(bytes.len() <= 2 * 20 + 4, "{} bytes", bytes.len());
        assert_eq!(postcard::from_bytes::<Path>(&bytes).unwrap(), straight);
    }

    #[test]
    fn whole_pixels_travel_shorter_than_tenths_and_both_come_back() {
        for tenths in [0, 10, -10, 7, -7, 12_345, -20_000, 19_990, i32::MAX / 20] {
            assert_eq!(unit::decode(unit::encode(tenths)), tenths, "{tenths}");
        }
        // 1,500 px is 15,000 tenths: three bytes as tenths, two as pixels.
        let size = |v: f32| postcard::to_allocvec(&Point::new(v, 0.0)).unwrap().len() - 1;
        assert_eq!(size(1_500.0), 2);
        assert_eq!(size(1_500.2), 3);
        let back: Point =
            postcard::from_bytes(&postcard::to_allocvec(&Point::new(1_500.2, -3.0)).unwrap())
                .unwrap();
        assert_eq!(back, Point::new(1_500.2, -3.0));
        // Any code decodes to some value, never a panic.
        for code in [u32::MAX, u32::MAX - 1, 1 << 31] {
            let _ = unit::decode(code);
        }
    }
}
