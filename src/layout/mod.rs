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
//!    order is a guess. A local search changes the order of a sector's
//!    block one move at a time (two rows swapped, or one row taken out and
//!    put back elsewhere), runs the passes again and keeps the move when
//!    [`verify`] finds fewer labels under lines, lines through skipped
//!    stations and crossings (the shipped map: 0, 0 and 76 crossings after;
//!    swaps alone stopped at 99).
//!    Up to [`ORDER_SEARCH_LIMIT`] positions; a national-scale network keeps
//!    its first order and its time budget.
//! 5. `clearance`: the map kept is drawn again with every stretch that
//!    runs into a station it skips, or a name at its reserved spot, bent
//!    elsewhere where that hits less, then once more round the names where
//!    the label pass moved them; [`verify`] keeps whichever of the two
//!    reads better. The search never clears: the moves it makes fix the
//!    same faults for the small maps it runs on, with fewer crossings.
//!
//! [`verify`] measures the result; the tests hold the layout to it.
//!
//! Text size is estimated, not measured (the core has no fonts): labels are
//! [`FONT_SIZE`] px and every character is taken as [`CHAR_WIDTH`] px wide,
//! which holds for Arial / Liberation Sans / Helvetica at 13 px on ordinary
//! words. The SVG renderer sets [`FONT_FAMILY`] explicitly for that reason.

mod clearance;
mod geometry;
mod labels;
mod paths;
mod rows;
mod strokes;
mod verify;
mod wire;

pub use geometry::{Point, Rect, Size};
pub use verify::{LayoutReport, verify};

use crate::graph::CareerGraph;
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
    /// The line drawn.
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

/// Lays out the graph's network. Deterministic: the same network always
/// gives the same layout, natively and in wasm.
pub fn layout(graph: &CareerGraph) -> MapLayout {
    let network = graph.network();
    let texts: Vec<Vec<String>> = network
        .positions()
        .iter()
        .map(|p| wrap(&p.title, LABEL_MAX_CHARS))
        .collect();
    let sizes: Vec<Size> = texts.iter().map(|t| text_size(t)).collect();
    let shapes: Vec<Shape> = network
        .position_indices()
        .map(|p| Shape::new(graph.lines_at(p).len(), graph.is_interchange(p)))
        .collect();
    let mut plan = rows::RowPlan::new(network, &sizes);
    let draw = |plan: &rows::RowPlan, finish: Finish| {
        let placement = rows::place(network, &sizes, &shapes, plan);
        finish.run(graph, texts.clone(), &sizes, &shapes, placement)
    };
    // Clearing stretches of stations and names changes where lines run,
    // which can cost crossings: it is kept only when the map reads better.
    let kept = |plan: &rows::RowPlan| {
        let plain = draw(plan, Finish::KEPT);
        let cleared = draw(plan, Finish::CLEARED);
        let better = legibility(&verify(&cleared)) < legibility(&verify(&plain));
        let mut map = if better { cleared } else { plain };
        map.small_screen_scale = crate::lod::small_screen_scale(graph, &map);
        map
    };
    if network.positions().len() > ORDER_SEARCH_LIMIT {
        return kept(&plan);
    }
    // Local search over the order of each block's rows: make one move,
    // keep it if the map reads better. Rows are packed first fit, so
    // their first order is only a guess. The search compares names as
    // first wrapped, and stretches as first bent.
    let mut score = legibility(&verify(&draw(&plan, Finish::SEARCH)));
    for _ in 0..ORDER_SEARCH_PASSES {
        let mut better = false;
        for change in plan.moves() {
            let before = plan.clone();
            plan.apply(change);
            let candidate = legibility(&verify(&draw(&plan, Finish::SEARCH)));
            if candidate < score {
                (score, better) = (candidate, true);
            } else {
                plan = before;
            }
        }
        if !better {
            break;
        }
    }
    kept(&plan)
}

/// Networks up to this many positions get their row order searched; a
/// national-scale one keeps its first order, so it lays out in its budget.
const ORDER_SEARCH_LIMIT: usize = 400;
/// At most this many sweeps over the neighbouring rows.
const ORDER_SEARCH_PASSES: usize = 8;

/// What the row-order search minimises, most important first: hard rules
/// (which the passes keep at zero anyway), labels a line runs through,
/// lines through stations they skip, crossings, then bends.
fn legibility(r: &LayoutReport) -> (usize, usize, usize, usize, usize) {
    let hard = r.hard_rule_breaks().iter().map(|&(_, n)| n).sum();
    (
        hard,
        r.labels_on_lines,
        r.pass_throughs,
        r.line_crossings,
        r.bends,
    )
}

/// How much the passes after placement do: the row-order search draws
/// many maps and compares them cheaply; the map kept gets every pass.
#[derive(Clone, Copy)]
struct Finish {
    /// Wraps a name still on a line tries ([`labels::NARROWER`]).
    narrower: &'static [usize],
    /// Whether stretches that run into a station or a name try other
    /// bends (`clearance`).
    clear: bool,
}

impl Finish {
    const SEARCH: Finish = Finish {
        narrower: &[],
        clear: false,
    };
    const KEPT: Finish = Finish {
        narrower: &labels::NARROWER,
        clear: false,
    };
    const CLEARED: Finish = Finish {
        narrower: &labels::NARROWER,
        clear: true,
    };

    /// The passes after placement: stations, lines, connections, labels.
    fn run(
        self,
        graph: &CareerGraph,
        texts: Vec<Vec<String>>,
        sizes: &[Size],
        shapes: &[Shape],
        placement: rows::Placement,
    ) -> MapLayout {
        finish(graph, texts, sizes, shapes, placement, self)
    }
}

fn finish(
    graph: &CareerGraph,
    texts: Vec<Vec<String>>,
    sizes: &[Size],
    shapes: &[Shape],
    placement: rows::Placement,
    how: Finish,
) -> MapLayout {
    let network = graph.network();
    let stations: Vec<StationMark> = network
        .position_indices()
        .map(|p| shapes[p.get()].mark(p, placement.at[p.get()]))
        .collect();
    let area = Rect::new(0.0, 0.0, placement.width, placement.height);
    let marks: Vec<Rect> = stations.iter().map(|s| s.bounds).collect();
    let mut obstacles = how.clear.then(|| {
        let names: Vec<Rect> = stations
            .iter()
            .zip(sizes)
            .map(|(s, &size)| labels::reserved(s, size))
            .collect();
        clearance::Obstacles::new(&marks, &names, area)
    });
    let mut lines = paths::route(graph, &placement.at, &placement.row, obstacles.as_mut());
    let connections = paths::connect(graph, &placement.at);
    let titles: Vec<&str> = network
        .positions()
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    let mut labels = labels::place(
        &titles,
        texts.clone(),
        sizes,
        &stations,
        &lines,
        area,
        how.narrower,
    );
    if how.clear {
        // A name its line ran into has moved: the lines clear the names
        // where they now stand, and the names move again round them.
        let names: Vec<Rect> = labels.iter().map(|l| l.bounds).collect();
        let mut placed = clearance::Obstacles::new(&marks, &names, area);
        lines = paths::route(graph, &placement.at, &placement.row, Some(&mut placed));
        labels = labels::place(&titles, texts, sizes, &stations, &lines, area, how.narrower);
    }
    let hub = crate::lod::hub(graph)
        .and_then(|p| stations.get(p.get()))
        .map_or(Point::new(0.0, 0.0), |s| s.at);
    let mut map = MapLayout {
        width: placement.width,
        height: placement.height,
        bands: placement.bands,
        stations,
        lines,
        connections,
        labels,
        hub,
        small_screen_scale: crate::lod::LABELS_FROM_SCALE,
    };
    map.snap_to_tenths();
    map
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

    /// Every coordinate at whole tenths of a pixel, as the map data stores
    /// them, so a layout and its decoded copy are equal.
    fn snap_to_tenths(&mut self) {
        let (w, h) = (geometry::snap(self.width), geometry::snap(self.height));
        (self.width, self.height) = (w, h);
        self.hub = self.hub.snapped();
        for band in &mut self.bands {
            (band.x, band.width) = (geometry::snap(band.x), geometry::snap(band.width));
        }
        for s in &mut self.stations {
            s.at = s.at.snapped();
            s.bounds = s.bounds.snapped();
            s.capsule = (s.capsule.0.snapped(), s.capsule.1.snapped());
            s.tick = s.tick.snapped();
        }
        for path in &mut self.lines {
            path.points.iter_mut().for_each(|p| *p = p.snapped());
        }
        for c in &mut self.connections {
            c.points.iter_mut().for_each(|p| *p = p.snapped());
        }
        for label in &mut self.labels {
            label.anchor = label.anchor.snapped();
            label.bounds = label.bounds.snapped();
        }
    }
}

/// The drawn shape of a station, known before it has coordinates so that
/// placement can leave room for it.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// How many lines stop here.
    stops: usize,
    /// Drawn as an interchange.
    interchange: bool,
}

impl Shape {
    fn new(stops: usize, interchange: bool) -> Shape {
        Shape { stops, interchange }
    }

    fn interchange(self) -> bool {
        self.interchange
    }

    /// From the centre to the outermost stop.
    fn half_span(self) -> f32 {
        self.stops.saturating_sub(1) as f32 * LINE_SPACING / 2.0
    }

    /// How far the shape reaches above and below the station's centre.
    fn extent(self) -> (f32, f32) {
        if self.interchange() {
            let reach = self.half_span() + CAPSULE_RADIUS;
            (reach, reach)
        } else {
            (TICK_LENGTH, LINE_WIDTH / 2.0)
        }
    }

    fn mark(self, position: PositionIndex, at: Point) -> StationMark {
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
