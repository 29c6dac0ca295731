//! Automatic transit-map layout: where every station, line and label goes.
//!
//! Levels are the main axis, left to right like fare zones: one vertical
//! band per level, Entry leftmost. Lines only climb, so each runs left to
//! right, and the layout is a few cheap, deterministic passes:
//!
//! 1. `rows`: coordinates. Every run of a line that brings new stations
//!    gets a row (runs of one line share rows where they do not overlap),
//!    in blocks by sector around the school-stage hub; a station sits on
//!    the row of the run that brought it. Then x: each stretch of line is
//!    long enough for one 45-degree diagonal between its rows (up to a
//!    cap: taller drops turn vertical, which keeps the map near 16:9), and each
//!    label clear of the next station on its row. No overlaps by
//!    construction.
//! 2. `paths`: each run of each line, and each connection, as an
//!    octilinear polyline that runs along its row and bends next to the
//!    station it shares with another row; lines sharing a stretch run side
//!    by side at [`LINE_SPACING`].
//! 3. `labels`: moves labels that sit on a line to a free spot around their
//!    station, never onto another label or station.
//! 4. The order of the rows: rows are packed first fit, so their first
//!    order, and which runs share a row, are a guess. A local search
//!    changes them one move at a time (two rows of a sector's block
//!    swapped, one row taken out and put back elsewhere, or one run moved
//!    to another row with room for it), runs the passes again and keeps
//!    the move when [`verify`] finds fewer labels under lines, lines
//!    through skipped stations and crossings (the shipped map ends with
//!    0, 0 and 55 crossings of every kind, after the passes below; swaps
//!    alone stopped at 99 between lines).
//!    Up to [`ORDER_SEARCH_LIMIT`] positions; a national-scale network keeps
//!    its first order and its time budget.
//! 5. `clearance`: the map kept is drawn again with every stretch that
//!    runs into a station it skips, or a name at its reserved spot, bent
//!    elsewhere where that hits less, then once more round the names where
//!    the label pass moved them; [`verify`] keeps whichever of the two
//!    reads better. The search never clears: the moves it makes fix the
//!    same faults for the small maps it runs on, with fewer crossings.
//! 6. `untangle`, for maps the search runs on: the map kept is also drawn
//!    with each stretch between rows in the shape (bent next to either
//!    station, or down a corridor between) where lines cross least, and is
//!    kept if it reads better (the shipped map: 74 crossings to 60).
//!
//! [`verify`] measures the result; the tests hold the layout to it.
//!
//! Text size is estimated, not measured (the core has no fonts): labels are
//! [`FONT_SIZE`] px and every character is taken as [`CHAR_WIDTH`] px wide,
//! which holds for Arial / Liberation Sans / Helvetica at 13 px on ordinary
//! words. The SVG renderer sets [`FONT_FAMILY`] explicitly for that reason.

// The engine: native only (the `layout` feature), as the browser gets the
// map laid out; so a change to how maps are laid out never changes the
// app's bundle.
#[cfg(any(feature = "layout", test))]
mod clearance;
#[cfg(any(feature = "layout", test))]
mod engine;
mod geometry;
#[cfg(any(feature = "layout", test))]
mod labels;
#[cfg(any(feature = "layout", test))]
mod lanes;
#[cfg(any(feature = "layout", test))]
mod paths;
#[cfg(any(feature = "layout", test))]
mod rows;
#[cfg(any(feature = "layout", test))]
mod spatial;
#[cfg(any(feature = "layout", test))]
mod strokes;
#[cfg(any(feature = "layout", test))]
mod untangle;
#[cfg(any(feature = "layout", test))]
mod verify;
mod wire;

#[cfg(any(feature = "layout", test))]
pub use engine::layout;
pub use geometry::{Point, Rect, Size};
#[cfg(any(feature = "layout", test))]
pub use verify::{LayoutReport, verify};

use crate::journey::{Colour, Level, LineIndex, PositionIndex};
use serde::{Deserialize, Serialize};

/// Label font size in pixels.
pub const FONT_SIZE: f32 = 13.0;
/// Estimated advance of one character at [`FONT_SIZE`] in [`FONT_FAMILY`]:
/// about 0.55 em, the average of Arial-metric fonts on mixed-case text.
pub const CHAR_WIDTH: f32 = 7.2;
/// Distance between the baselines of a label's lines.
pub const LABEL_LINE_HEIGHT: f32 = 16.0;
/// From the top of a label line's box down to its baseline.
pub const LABEL_BASELINE: f32 = 12.0;
/// Labels wrap at about this many characters per line.
pub const LABEL_MAX_CHARS: usize = 22;
/// The fonts the size estimate assumes; renderers must set them.
pub const FONT_FAMILY: &str = "Arial, 'Liberation Sans', Helvetica, sans-serif";
/// Stroke width of a line.
pub const LINE_WIDTH: f32 = 5.0;
/// Distance between the centres of parallel lines on a shared stretch.
pub const LINE_SPACING: f32 = 6.0;
/// How far a station tick sticks out from the centre of its line.
pub const TICK_LENGTH: f32 = 8.0;
/// Half the width of an interchange capsule, ring included.
pub const CAPSULE_RADIUS: f32 = 7.0;
/// Space at the top of the map for the title and the band titles.
pub const HEADER_HEIGHT: f32 = 128.0;

/// The whole map: plain data, so the app and the SVG renderer draw the same
/// thing and tests can compare layouts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapLayout {
    /// Width of the map in pixels.
    pub width: f32,
    /// Height of the map in pixels.
    pub height: f32,
    /// One per level that has stations, lowest level first (leftmost).
    pub bands: Vec<Band>,
    /// Index `i` is `PositionIndex(i)`: every position has a station.
    pub stations: Vec<StationMark>,
    /// Every run of every line, in line order, each line's trunk first.
    pub lines: Vec<LinePath>,
    /// One per out-of-station connection, in network order.
    pub connections: Vec<ConnectionPath>,
    /// The station every line leaves from (`lod::hub`): a small screen
    /// opens on it.
    pub hub: Point,
    /// The scale a small screen opens at, around the hub, in screen pixels
    /// per map unit (`lod::small_screen_scale`): chosen when the map is
    /// laid out, so the browser does no search.
    pub small_screen_scale: f32,
    /// Index `i` is `PositionIndex(i)`.
    pub labels: Vec<Label>,
}

/// A level's column, like a fare zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "wire::Band", into = "wire::Band")]
pub struct Band {
    /// The level every station in the band has.
    pub level: Level,
    /// Left edge.
    pub x: f32,
    /// Width; bands are adjacent, left to right in level order.
    pub width: f32,
    /// [`Level::band_label`], for the column heading.
    pub title: String,
}

/// A station: a tick on its line, or a capsule at an interchange.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "wire::StationMark", into = "wire::StationMark")]
pub struct StationMark {
    /// The position drawn.
    pub position: PositionIndex,
    /// The station's centre.
    pub at: Point,
    /// Two or more lines stop here, or a connection starts or ends here.
    pub interchange: bool,
    /// The drawn shape's bounding box (tick or interchange capsule), for
    /// overlap checks and hit areas.
    pub bounds: Rect,
    /// For interchanges: the capsule from..to joining the parallel lines'
    /// stops (equal to `at` when one line).
    pub capsule: (Point, Point),
    /// For ticks: unit direction the tick points (perpendicular to the line).
    pub tick: Point,
}

/// One run of a line (its trunk or a branch), drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinePath {
    /// The line drawn. Not in the map data: runs are drawn in the
    /// network's order, so decoding takes it from there.
    #[serde(skip)]
    pub line: LineIndex,
    /// The line's colour. Not in the map data: decoding takes it from
    /// the line.
    #[serde(skip)]
    pub colour: Colour,
    /// Every vertex of the polyline, in the run's order; consecutive points
    /// differ by a horizontal, vertical or 45-degree vector.
    #[serde(with = "geometry::octilinear")]
    pub points: Vec<Point>,
    /// Index into `points` of each station of the run (same length as the
    /// run).
    pub stops: Vec<usize>,
}

/// An out-of-station connection, drawn as a thin neutral link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionPath {
    /// Where it starts. Not in the map data, like `to`: decoding takes
    /// both from the network's connection of the same index.
    #[serde(skip)]
    pub from: PositionIndex,
    /// Where it ends.
    #[serde(skip)]
    pub to: PositionIndex,
    /// Every vertex, from station centre to station centre; octilinear.
    #[serde(with = "geometry::octilinear")]
    pub points: Vec<Point>,
}

/// How a label's lines sit against its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    /// Text starts at the anchor (to its right).
    Start,
    /// Text is centred on the anchor.
    Middle,
    /// Text ends at the anchor (to its left).
    End,
}

/// A station's name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "wire::Label", into = "wire::Label")]
pub struct Label {
    /// The position named.
    pub position: PositionIndex,
    /// The title wrapped to about [`LABEL_MAX_CHARS`] characters per line.
    pub lines: Vec<String>,
    /// Baseline of the first line; x is where the text starts, centres or
    /// ends, following `align`. Later lines are [`LABEL_LINE_HEIGHT`] lower.
    pub anchor: Point,
    /// Which way the text runs from the anchor.
    pub align: Align,
    /// The estimated box the text fills.
    pub bounds: Rect,
}

impl MapLayout {
    /// The box around every run of `line`, or `None` if it has no path.
    pub fn line_bounds(&self, line: LineIndex) -> Option<Rect> {
        // Plain comparisons, not f32::min: the layout has no NaN, and the
        // app carries this code.
        let mut found: Option<(Point, Point)> = None;
        for path in self.lines.iter().filter(|path| path.line == line) {
            for &p in &path.points {
                let (lo, hi) = found.get_or_insert((p, p));
                if p.x < lo.x {
                    lo.x = p.x;
                }
                if p.y < lo.y {
                    lo.y = p.y;
                }
                if p.x > hi.x {
                    hi.x = p.x;
                }
                if p.y > hi.y {
                    hi.y = p.y;
                }
            }
        }
        found.map(|(lo, hi)| Rect::new(lo.x, lo.y, hi.x - lo.x, hi.y - lo.y))
    }

    /// The station drawn at `point`: the one whose name's box holds it,
    /// else the nearest whose mark is within `reach` map units of it. For
    /// picking a station by pointing at a drawing of the map.
    pub fn station_at(&self, point: Point, reach: f32) -> Option<PositionIndex> {
        if let Some(label) = self.labels.iter().find(|l| l.bounds.contains(point)) {
            return Some(label.position);
        }
        let distance = |at: Point| (at.x - point.x).hypot(at.y - point.y);
        self.stations
            .iter()
            .filter(|s| s.bounds.inflate(reach).contains(point))
            .min_by(|a, b| distance(a.at).total_cmp(&distance(b.at)))
            .map(|s| s.position)
    }
}

/// The drawn shape of a station, known before it has coordinates so that
/// placement can leave room for it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Shape {
    /// How many lines stop here.
    stops: usize,
    /// Drawn as an interchange.
    interchange: bool,
}

impl Shape {
    pub(super) fn new(stops: usize, interchange: bool) -> Shape {
        Shape { stops, interchange }
    }

    pub(super) fn interchange(self) -> bool {
        self.interchange
    }

    /// From the centre to the outermost stop.
    pub(super) fn half_span(self) -> f32 {
        self.stops.saturating_sub(1) as f32 * LINE_SPACING / 2.0
    }

    /// How far the shape reaches above and below the station's centre.
    pub(super) fn extent(self) -> (f32, f32) {
        if self.interchange() {
            let reach = self.half_span() + CAPSULE_RADIUS;
            (reach, reach)
        } else {
            (TICK_LENGTH, LINE_WIDTH / 2.0)
        }
    }

    pub(super) fn mark(self, position: PositionIndex, at: Point) -> StationMark {
        let (up, down) = self.extent();
        let half = if self.interchange() {
            CAPSULE_RADIUS
        } else {
            LINE_WIDTH / 2.0
        };
        let span = self.half_span();
        StationMark {
            position,
            at,
            interchange: self.interchange(),
            bounds: Rect::new(at.x - half, at.y - up, 2.0 * half, up + down),
            capsule: (Point::new(at.x, at.y - span), Point::new(at.x, at.y + span)),
            // Lines always pass through stations horizontally, so ticks
            // point up, away from the label below-right.
            tick: Point::new(0.0, -1.0),
        }
    }
}

/// Wraps `text` at spaces into lines of at most `max` characters; a word
/// longer than that is split.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_chars = 0;
    for word in text.split_whitespace() {
        let mut chars: Vec<char> = word.chars().collect();
        while !chars.is_empty() {
            let room = if line_chars == 0 {
                max
            } else {
                max.saturating_sub(line_chars + 1)
            };
            if chars.len() <= room {
                if line_chars > 0 {
                    line.push(' ');
                    line_chars += 1;
                }
                line.extend(chars.iter());
                line_chars += chars.len();
                chars.clear();
            } else if line_chars > 0 {
                lines.push(std::mem::take(&mut line));
                line_chars = 0;
            } else {
                let rest = chars.split_off(max);
                line.extend(chars.iter());
                lines.push(std::mem::take(&mut line));
                chars = rest;
            }
        }
    }
    if line_chars > 0 {
        lines.push(line);
    }
    lines
}

/// Estimated size of wrapped text; see [`CHAR_WIDTH`].
pub fn text_size(lines: &[String]) -> Size {
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    Size::new(
        widest as f32 * CHAR_WIDTH,
        lines.len() as f32 * LABEL_LINE_HEIGHT,
    )
}

#[cfg(test)]
mod tests;
