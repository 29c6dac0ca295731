//! A draft journey drawn over the map, for the editor page: the map faded,
//! the trip on top in its lines' colours, each step numbered, and the view
//! framed on the trip so its stations can be read and clicked.

use super::CONNECTION_INK;
use super::drawn_route::{RouteStretch, ride_stretch};
use super::svg::{INK, N, map_body, path_data, put, text_block};
use crate::graph::CareerGraph;
use crate::journey::PositionIndex;
use crate::layout::{FONT_FAMILY, FONT_SIZE, MapLayout, Point, Rect};

/// A trip drawn over the map.
#[derive(Clone, Debug, PartialEq)]
pub struct TripPreview {
    /// A standalone SVG document whose size is `view`'s, so an image of it
    /// keeps the view's proportions.
    pub svg: String,
    /// The part of the map shown, in map units.
    pub view: Rect,
}

impl TripPreview {
    /// The map point under a place on the drawn preview, given as fractions
    /// (0 to 1) of its width and height.
    pub fn map_point(&self, across: f32, down: f32) -> Point {
        Point::new(
            self.view.x + across * self.view.width,
            self.view.y + down * self.view.height,
        )
    }
}

/// Map units left around the trip: room for the neighbouring stations and
/// their names, which a person may want to click next.
const MARGIN: f32 = 120.0;
/// The narrowest view: a trip of one station still shows its neighbours.
const MIN_WIDTH: f32 = 720.0;
/// Height over width, kept between these so a trip along one row is not a
/// thin strip and a trip up one column is not a tall one.
const SHAPES: (f32, f32) = (0.45, 0.8);
/// The width, in pixels, a preview is drawn for: its numbers and trip are
/// sized to read at this width.
const PREVIEW_WIDTH: f32 = 640.0;
/// The trip's stroke at [`PREVIEW_WIDTH`], in pixels: wider than a line.
const TRIP_WIDTH: f32 = 7.0;
/// A step's number and its round mark, in pixels at [`PREVIEW_WIDTH`].
const MARK_TEXT: f32 = 15.0;
const MARK_HEIGHT: f32 = 24.0;
/// The wash of paper over the map that makes the trip stand out. Lines
/// behind it keep their colours, lighter.
const FADE: &str = "<rect x=\"-99999\" y=\"-99999\" width=\"199999\" height=\"199999\" fill=\"#FFFFFF\" fill-opacity=\"0.6\"/>\n";

/// The map with the trip through `stops` drawn on it. Each pair of steps
/// is drawn along the line or connection that joins them, as
/// [`crate::journey::Network::ride`] finds it; a pair nothing joins is a
/// dashed straight link, so the gap shows. With no stops, the whole map.
pub fn trip_preview(
    graph: &CareerGraph,
    layout: &MapLayout,
    stops: &[PositionIndex],
) -> TripPreview {
    let network = graph.network();
    let at = |p: PositionIndex| layout.stations.get(p.get()).map(|s| s.at);
    let mut seen: Vec<Point> = stops.iter().filter_map(|&p| at(p)).collect();
    // Each pair of steps as drawn: a stretch of line or connection, or
    // the two ends of a gap.
    let legs: Vec<Result<RouteStretch, (Point, Point)>> = stops
        .windows(2)
        .filter(|pair| pair[0] != pair[1])
        .filter_map(|pair| {
            let drawn = network
                .ride(pair[0], pair[1])
                .and_then(|ride| ride_stretch(network, layout, &ride));
            match drawn {
                Some(stretch) => Some(Ok(stretch)),
                None => Some(Err((at(pair[0])?, at(pair[1])?))),
            }
        })
        .collect();
    for stretch in legs.iter().flatten() {
        seen.extend_from_slice(&stretch.points);
    }
    // Map units per pixel of a preview about PREVIEW_WIDTH pixels wide:
    // the trip and its numbers are drawn this much larger, so they read
    // however much of the map the trip spans. The margin then grows to
    // keep a number at the edge whole.
    let unit = |view: Rect| (view.width / PREVIEW_WIDTH).max(1.0);
    let first = frame(layout, &seen, MARGIN);
    let view = frame(layout, &seen, MARGIN + MARK_HEIGHT * unit(first));
    let unit = unit(view);
    let mut svg = String::with_capacity(1024 + 400 * layout.stations.len());
    put(
        &mut svg,
        format_args!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"{x} {y} {w} {h}\" font-family=\"{FONT_FAMILY}\" font-size=\"{size}\">\n<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n",
            x = N(view.x),
            y = N(view.y),
            w = N(view.width),
            h = N(view.height),
            size = N(FONT_SIZE),
        ),
    );
    map_body(&mut svg, graph, layout);
    if !stops.is_empty() {
        svg.push_str(FADE);
        svg.push_str(
            "<g id=\"trip\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n",
        );
        for leg in &legs {
            draw_leg(&mut svg, leg, unit);
        }
        svg.push_str("</g>\n");
        step_marks(&mut svg, layout, stops, unit);
    }
    svg.push_str("</svg>\n");
    TripPreview { svg, view }
}

/// One leg of the trip: its stretch in the line's colour on a white
/// casing, or a gap as a dashed straight link.
fn draw_leg(out: &mut String, leg: &Result<RouteStretch, (Point, Point)>, unit: f32) {
    match leg {
        Ok(stretch) => {
            let colour = stretch
                .colour
                .map_or_else(|| CONNECTION_INK.to_owned(), |c| c.to_string());
            let d = path_data(&stretch.points);
            put(
                out,
                format_args!(
                    "<path d=\"{d}\" stroke=\"#FFFFFF\" stroke-width=\"{}\"/><path class=\"ride\" d=\"{d}\" stroke=\"{colour}\" stroke-width=\"{}\"/>\n",
                    N(unit * TRIP_WIDTH + 4.0 * unit),
                    N(unit * TRIP_WIDTH),
                ),
            );
        }
        Err((a, b)) => put(
            out,
            format_args!(
                "<path class=\"gap\" d=\"M{} {} L{} {}\" stroke=\"{INK}\" stroke-width=\"{}\" stroke-dasharray=\"{} {}\"/>\n",
                N(a.x),
                N(a.y),
                N(b.x),
                N(b.y),
                N(3.0 * unit),
                N(6.0 * unit),
                N(6.0 * unit),
            ),
        ),
    }
}

/// Each stop's name at full ink over the wash, and a numbered mark on its
/// station; a station visited twice carries both numbers ("1, 3").
fn step_marks(out: &mut String, layout: &MapLayout, stops: &[PositionIndex], unit: f32) {
    let mut numbered: Vec<(PositionIndex, String)> = Vec::new();
    for (i, &stop) in stops.iter().enumerate() {
        match numbered.iter_mut().find(|(p, _)| *p == stop) {
            Some((_, numbers)) => {
                numbers.push_str(", ");
                numbers.push_str(&(i + 1).to_string());
            }
            None => numbered.push((stop, (i + 1).to_string())),
        }
    }
    // Names at the map's own size, over the wash: they read when the trip
    // is short enough to be drawn near full size.
    if unit <= 1.5 {
        out.push_str("<g id=\"trip-names\" paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"4\" stroke-linejoin=\"round\" font-weight=\"bold\">\n");
        for (stop, _) in &numbered {
            if let Some(label) = layout.labels.get(stop.get()) {
                let align = super::scene::text_anchor(label.align);
                text_block(out, "trip-name", "", label.anchor, align, &label.lines, INK);
            }
        }
        out.push_str("</g>\n");
    }
    put(
        out,
        format_args!(
            "<g id=\"steps\" font-weight=\"bold\" text-anchor=\"middle\" font-size=\"{}\">\n",
            N(MARK_TEXT * unit)
        ),
    );
    let height = MARK_HEIGHT * unit;
    for (stop, numbers) in &numbered {
        let Some(station) = layout.stations.get(stop.get()) else {
            continue;
        };
        let width = height + 0.6 * MARK_TEXT * unit * (numbers.len() as f32 - 1.0);
        put(
            out,
            format_args!(
                "<g class=\"step-mark\" data-position=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{INK}\" stroke=\"#FFFFFF\" stroke-width=\"{}\"/><text x=\"{}\" y=\"{}\" fill=\"#FFFFFF\">{numbers}</text></g>\n",
                stop.0,
                N(station.at.x - width / 2.0),
                N(station.at.y - height / 2.0),
                N(width),
                N(height),
                N(height / 2.0),
                N(2.0 * unit),
                N(station.at.x),
                N(station.at.y + 0.36 * MARK_TEXT * unit),
            ),
        );
    }
    out.push_str("</g>\n");
}

/// The part of the map to show around `points`: the trip with `margin`,
/// at least [`MIN_WIDTH`] wide, shaped within [`SHAPES`], and inside the
/// map where the map is large enough. No points: the whole map.
fn frame(layout: &MapLayout, points: &[Point], margin: f32) -> Rect {
    let whole = Rect::new(0.0, 0.0, layout.width, layout.height);
    let Some(first) = points.first() else {
        return whole;
    };
    let (mut lo, mut hi) = (*first, *first);
    for p in points {
        lo = Point::new(lo.x.min(p.x), lo.y.min(p.y));
        hi = Point::new(hi.x.max(p.x), hi.y.max(p.y));
    }
    let mut width = (hi.x - lo.x + 2.0 * margin).max(MIN_WIDTH);
    let mut height = hi.y - lo.y + 2.0 * margin;
    height = height.clamp(width * SHAPES.0, f32::MAX);
    width = width.max(height / SHAPES.1);
    let centre = Point::new((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
    let x = fit(centre.x - width / 2.0, width, layout.width);
    let y = fit(centre.y - height / 2.0, height, layout.height);
    Rect::new(x, y, width, height).snapped()
}

/// Moves a span that starts at `start` to lie within 0..`room` where it
/// fits; a span larger than the room is centred on it.
fn fit(start: f32, span: f32, room: f32) -> f32 {
    if span >= room {
        (room - span) / 2.0
    } else {
        start.clamp(0.0, room - span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;

    fn sample_map() -> (CareerGraph, MapLayout) {
        let graph = CareerGraph::new(sample::two_lines());
        let layout = crate::layout::layout(&graph);
        (graph, layout)
    }

    #[test]
    fn no_stops_shows_the_whole_map_unfaded() {
        let (graph, layout) = sample_map();
        let preview = trip_preview(&graph, &layout, &[]);
        assert_eq!(
            preview.view,
            Rect::new(0.0, 0.0, layout.width, layout.height)
        );
        assert!(!preview.svg.contains("fill-opacity"));
        assert!(!preview.svg.contains("step-mark"));
    }

    #[test]
    fn a_trip_is_drawn_in_its_lines_colour_numbered_and_framed() {
        let (graph, layout) = sample_map();
        let network = graph.network();
        // Two stations a line joins.
        let line = &network.lines()[0];
        let run = &line.runs[0];
        let stops = [run[0], run[1]];
        let preview = trip_preview(&graph, &layout, &stops);
        let colour = line.colour.to_string();
        let ride = preview
            .svg
            .lines()
            .find(|l| l.contains("class=\"ride\""))
            .expect("the ride is drawn");
        assert!(ride.contains(&format!("stroke=\"{colour}\"")), "{ride}");
        assert_eq!(preview.svg.matches("class=\"step-mark\"").count(), 2);
        assert!(preview.svg.contains(">1</text>") && preview.svg.contains(">2</text>"));
        for stop in stops {
            let at = layout.stations[stop.get()].at;
            let view = preview.view;
            assert!(
                at.x > view.x && at.x < view.x + view.width,
                "{at:?} in {view:?}"
            );
            assert!(
                at.y > view.y && at.y < view.y + view.height,
                "{at:?} in {view:?}"
            );
        }
        let ratio = preview.view.height / preview.view.width;
        assert!(
            (SHAPES.0 - 0.01..=SHAPES.1 + 0.01).contains(&ratio),
            "{ratio}"
        );
    }

    #[test]
    fn a_pair_nothing_joins_is_a_dashed_gap_and_a_revisit_keeps_both_numbers() {
        let (graph, layout) = sample_map();
        let network = graph.network();
        let (a, b) = network
            .position_indices()
            .flat_map(|a| network.position_indices().map(move |b| (a, b)))
            .find(|&(a, b)| a != b && network.ride(a, b).is_none() && network.ride(b, a).is_none())
            .expect("two stations nothing joins");
        let preview = trip_preview(&graph, &layout, &[a, b, a]);
        assert_eq!(preview.svg.matches("class=\"gap\"").count(), 2);
        assert!(preview.svg.contains(">1, 3</text>"), "{}", preview.svg);
        assert_eq!(preview.svg.matches("class=\"step-mark\"").count(), 2);
    }

    #[test]
    fn station_names_stay_text() {
        let (graph, mut layout) = sample_map();
        let stop = PositionIndex(0);
        layout.labels[0].lines = vec!["<script>&\"x\"".to_owned()];
        let preview = trip_preview(&graph, &layout, &[stop]);
        assert!(!preview.svg.contains("<script>"));
        assert!(preview.svg.contains("&lt;script&gt;&amp;&quot;x&quot;"));
    }

    #[test]
    fn a_point_on_the_preview_is_found_on_the_map() {
        let preview = TripPreview {
            svg: String::new(),
            view: Rect::new(100.0, 50.0, 800.0, 400.0),
        };
        assert_eq!(preview.map_point(0.0, 0.0), Point::new(100.0, 50.0));
        assert_eq!(preview.map_point(0.5, 0.25), Point::new(500.0, 150.0));
    }

    #[test]
    fn a_frame_stays_inside_a_map_large_enough() {
        assert_eq!(fit(-50.0, 100.0, 1000.0), 0.0);
        assert_eq!(fit(950.0, 100.0, 1000.0), 900.0);
        assert_eq!(fit(300.0, 100.0, 1000.0), 300.0);
        assert_eq!(fit(0.0, 1200.0, 1000.0), -100.0);
    }
}
