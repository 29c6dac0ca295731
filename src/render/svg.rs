//! A standalone SVG of the map: white background, level bands, lines with
//! rounded corners, station ticks and interchange capsules, labels, a legend
//! and a title.
//!
//! Every piece of journey text goes through [`escape`]: content is data,
//! never markup. Elements carry `id`, `class` and `data-position` /
//! `data-line` attributes so a stylesheet or script can pick them out.

use super::scene::{StationShape, station_shape, text_anchor};
use crate::graph::CareerGraph;
use crate::journey::{Colour, Network};
use crate::layout::{
    Band, CAPSULE_RADIUS, CHAR_WIDTH, FONT_FAMILY, FONT_SIZE, LABEL_LINE_HEIGHT, LINE_WIDTH,
    MapLayout, Point, TICK_LENGTH, wrap,
};
use std::fmt::{self, Display, Write};

/// Text colour: 17:1 on white, over 14:1 on the band greys.
pub(super) const INK: &str = "#1C1C1C";
/// Band title colour: over 10:1 on the darker band grey.
const BAND_INK: &str = "#333333";
/// The two band shades, alternating like fare zones.
const BAND_FILLS: [&str; 2] = ["#F7F7F7", "#EDEDED"];
/// Out-of-station connections: thin and neutral, 7:1 on white. The app
/// draws them in it too.
pub const CONNECTION_INK: &str = "#595959";
/// Stroke width of a connection: thinner than a line, so it never reads as one.
pub const CONNECTION_WIDTH: f32 = 2.5;
/// Largest corner radius on a line; corners on short segments get less.
const CORNER_RADIUS: f32 = 8.0;
/// Baseline of the first band title line.
const BAND_TITLE_BASELINE: f32 = 74.0;
/// Left edge of the title and the legend.
const INDENT: f32 = 40.0;
/// Height of one legend row.
const LEGEND_ROW: f32 = 22.0;
/// The dashes of a closed station's tick or ring.
const CLOSED_DASH: &str = "4 3";

/// The map as a standalone SVG document.
///
/// `layout` must come from [`crate::layout::layout`] on `graph`; parts of
/// the layout that do not match the graph's network are drawn without their text
/// rather than failing.
pub fn svg(graph: &CareerGraph, layout: &MapLayout) -> String {
    let network = graph.network();
    let mut out = String::with_capacity(1024 + 400 * layout.stations.len());
    let legend = Legend::new(network, layout);
    let key = key_places(layout.width);
    let height = layout.height + legend.height + key_height(&key);
    put(
        &mut out,
        format_args!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tube-map\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\" font-size=\"{size}\">\n",
            w = N(layout.width),
            h = N(height),
            size = N(FONT_SIZE),
        ),
    );
    out.push_str("<title>Careers Tube Map</title>\n");
    put(
        &mut out,
        format_args!(
            "<rect id=\"background\" width=\"{}\" height=\"{}\" fill=\"#FFFFFF\"/>\n",
            N(layout.width),
            N(height)
        ),
    );
    map_body(&mut out, graph, layout);
    legend.draw(&mut out, layout);
    draw_key(&mut out, layout.height + legend.height, &key);
    out.push_str("</svg>\n");
    out
}

/// The map itself, without legend or key: bands, title, lines, stations
/// and labels. The poster and the editor's trip preview both draw it.
pub(super) fn map_body(out: &mut String, graph: &CareerGraph, layout: &MapLayout) {
    let network = graph.network();
    bands(out, layout);
    put(
        out,
        format_args!(
            "<text id=\"title\" x=\"{INDENT}\" y=\"36\" font-size=\"24\" font-weight=\"bold\" fill=\"{INK}\">Careers Tube Map</text>\n"
        ),
    );
    lines(out, network, layout);
    stations(out, graph, layout);
    labels(out, network, layout);
}

/// Escapes text for XML content and attribute values: `& < > " '`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not
            // allowed in XML 1.0 at all, escaped or not.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Writing to a `String` cannot fail, so the result is dropped here once.
pub(super) fn put(out: &mut String, args: fmt::Arguments<'_>) {
    let _ = out.write_fmt(args);
}

/// A coordinate, written with at most one decimal and no trailing `.0`, so
/// the SVG is compact and stable for snapshots.
pub(super) struct N(pub(super) f32);

impl Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Integer arithmetic only: the app shares this, and float printing
        // would add kilobytes to the browser bundle.
        let tenths = if self.0.is_finite() {
            (self.0 * 10.0).round() as i64
        } else {
            0
        };
        let (sign, abs) = if tenths < 0 {
            ("-", -tenths)
        } else {
            ("", tenths)
        };
        if abs % 10 == 0 {
            write!(f, "{sign}{}", abs / 10)
        } else {
            write!(f, "{sign}{}.{}", abs / 10, abs % 10)
        }
    }
}

fn bands(out: &mut String, layout: &MapLayout) {
    out.push_str("<g id=\"bands\">\n");
    let bottom = (layout.height - 16.0).max(BANDS_TOP);
    for (i, band) in layout.bands.iter().enumerate() {
        put(
            out,
            format_args!(
                "<g class=\"band\" data-level=\"{}\"><rect x=\"{}\" y=\"{BANDS_TOP}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                band.level.rank(),
                N(band.x),
                N(band.width),
                N(bottom - BANDS_TOP),
                BAND_FILLS[i % 2],
            ),
        );
        let (anchor, title) = band_title(band);
        text_block(out, "band-title", "", anchor, "start", &title, BAND_INK);
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
}

/// Where a band's title goes and its lines, wrapped to the band's width.
/// Shared by this renderer and the app.
pub fn band_title(band: &Band) -> (Point, Vec<String>) {
    let chars = ((band.width - 16.0) / CHAR_WIDTH).floor().max(8.0) as usize;
    (
        Point::new(band.x + 8.0, BAND_TITLE_BASELINE),
        wrap(&band.title, chars),
    )
}

/// The top of the band shading, below the map's title.
pub const BANDS_TOP: f32 = 52.0;

/// `<text>` with one `<tspan>` per line; `extra` is pre-escaped attributes.
pub(super) fn text_block(
    out: &mut String,
    class: &str,
    extra: &str,
    anchor: Point,
    align: &str,
    lines: &[String],
    fill: &str,
) {
    put(
        out,
        format_args!(
            "<text class=\"{class}\"{extra} x=\"{x}\" y=\"{y}\" text-anchor=\"{align}\" fill=\"{fill}\">",
            x = N(anchor.x),
            y = N(anchor.y),
        ),
    );
    for (i, line) in lines.iter().enumerate() {
        put(
            out,
            format_args!(
                "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                N(anchor.x),
                N(anchor.y + i as f32 * LABEL_LINE_HEIGHT),
                escape(line)
            ),
        );
    }
    out.push_str("</text>");
}

fn lines(out: &mut String, network: &Network, layout: &MapLayout) {
    out.push_str(
        "<g id=\"connections\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n",
    );
    for c in &layout.connections {
        put(
            out,
            format_args!(
                "<path class=\"connection\" data-from=\"{}\" data-to=\"{}\" stroke=\"{CONNECTION_INK}\" stroke-width=\"{}\" d=\"{}\"/>\n",
                c.from.0,
                c.to.0,
                N(CONNECTION_WIDTH),
                path_data(&c.points),
            ),
        );
    }
    out.push_str("</g>\n");
    out.push_str(
        "<g id=\"lines\" fill=\"none\" stroke-width=\"5\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n",
    );
    for path in &layout.lines {
        let id = network
            .lines()
            .get(path.line.get())
            .map(|l| escape(&l.id))
            .unwrap_or_default();
        put(
            out,
            format_args!(
                "<path class=\"line\" data-line=\"{}\" data-id=\"{id}\" stroke=\"{}\" d=\"{}\"/>\n",
                path.line.0,
                path.colour,
                path_data(&path.points),
            ),
        );
    }
    out.push_str("</g>\n");
}

/// SVG path data (`d`) for an octilinear polyline, with every bend drawn as
/// a short quadratic curve: the layout stays octilinear, the drawing looks
/// like a Tube map. Shared by this renderer and the app.
pub fn path_data(points: &[Point]) -> String {
    let mut d = String::new();
    let Some(first) = points.first() else {
        return d;
    };
    put(&mut d, format_args!("M{} {}", N(first.x), N(first.y)));
    for i in 1..points.len() {
        let here = points[i];
        let Some(&next) = points.get(i + 1) else {
            put(&mut d, format_args!(" L{} {}", N(here.x), N(here.y)));
            break;
        };
        let before = points[i - 1];
        let (din, lin) = unit(before, here);
        let (dout, lout) = unit(here, next);
        let straight = (din.x - dout.x).abs() < 1e-3 && (din.y - dout.y).abs() < 1e-3;
        if straight || lin == 0.0 || lout == 0.0 {
            put(&mut d, format_args!(" L{} {}", N(here.x), N(here.y)));
            continue;
        }
        let r = CORNER_RADIUS.min(lin / 2.0).min(lout / 2.0);
        let start = Point::new(here.x - din.x * r, here.y - din.y * r);
        let end = Point::new(here.x + dout.x * r, here.y + dout.y * r);
        put(
            &mut d,
            format_args!(
                " L{} {} Q{} {} {} {}",
                N(start.x),
                N(start.y),
                N(here.x),
                N(here.y),
                N(end.x),
                N(end.y)
            ),
        );
    }
    d
}

fn unit(a: Point, b: Point) -> (Point, f32) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length = dx.hypot(dy);
    if length > 0.0 {
        (Point::new(dx / length, dy / length), length)
    } else {
        (Point::new(0.0, 0.0), 0.0)
    }
}

fn stations(out: &mut String, graph: &CareerGraph, layout: &MapLayout) {
    let network = graph.network();
    out.push_str("<g id=\"stations\">\n");
    for station in &layout.stations {
        let p = station.position.0;
        let closed = network
            .positions()
            .get(p as usize)
            .is_some_and(|position| position.is_closed());
        let dash = if closed {
            format!(" stroke-dasharray=\"{CLOSED_DASH}\"")
        } else {
            String::new()
        };
        match station_shape(graph, station) {
            StationShape::Capsule { from: a, to: b } => {
                let coords = format!(
                    "x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
                    N(a.x),
                    N(a.y),
                    N(b.x),
                    N(b.y)
                );
                // A dark round-capped stroke under a narrower white one: a
                // white capsule with a dark ring.
                put(
                    out,
                    format_args!(
                        "<g class=\"station interchange\" data-position=\"{p}\" stroke-linecap=\"round\"><line {coords} stroke=\"{INK}\" stroke-width=\"{}\"{dash}/><line {coords} stroke=\"#FFFFFF\" stroke-width=\"{}\"/></g>\n",
                        N(2.0 * CAPSULE_RADIUS),
                        N(2.0 * CAPSULE_RADIUS - 4.0),
                    ),
                );
            }
            StationShape::Tick { from, to, colour } => put(
                out,
                format_args!(
                    "<line class=\"station tick\" data-position=\"{p}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\"{dash}/>\n",
                    N(from.x),
                    N(from.y),
                    N(to.x),
                    N(to.y),
                    N(LINE_WIDTH),
                ),
            ),
        }
    }
    out.push_str("</g>\n");
}

fn labels(out: &mut String, network: &Network, layout: &MapLayout) {
    // A white halo under the text keeps a label readable where a line
    // passes behind it.
    out.push_str(
        "<g id=\"labels\" paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\">\n",
    );
    for label in &layout.labels {
        let align = text_anchor(label.align);
        let p = label.position.0;
        let closed = network
            .positions()
            .get(p as usize)
            .is_some_and(|position| position.is_closed());
        // Italic, not a marker: the layout sized each label for its text.
        let (class, extra) = if closed {
            (
                "label closed",
                format!(" data-position=\"{p}\" font-style=\"italic\""),
            )
        } else {
            ("label", format!(" data-position=\"{p}\""))
        };
        text_block(out, class, &extra, label.anchor, align, &label.lines, INK);
        out.push('\n');
    }
    out.push_str("</g>\n");
}

/// The symbols the key explains, with their words.
const KEY: [(Symbol, &str); 4] = [
    (Symbol::Station, "Station"),
    (Symbol::Interchange, "Interchange: lines meet"),
    (Symbol::Connection, "Connection: a change of pathway"),
    (
        Symbol::Closed,
        "Closed to new starts (dashed, name in italics)",
    ),
];

#[derive(Clone, Copy)]
enum Symbol {
    Station,
    Interchange,
    Connection,
    Closed,
}

impl Symbol {
    /// The symbol drawn 28 px wide from `x`, centred on `mid`.
    fn draw(self, x: f32, mid: f32) -> String {
        let tick = |dash: &str| {
            format!(
                "<line x1=\"{}\" y1=\"{m}\" x2=\"{}\" y2=\"{m}\" stroke=\"{INK}\" stroke-width=\"{w}\"/><line x1=\"{c}\" y1=\"{m}\" x2=\"{c}\" y2=\"{}\" stroke=\"{INK}\" stroke-width=\"{w}\"{dash}/>",
                N(x),
                N(x + 28.0),
                N(mid - TICK_LENGTH),
                m = N(mid),
                c = N(x + 14.0),
                w = N(LINE_WIDTH),
            )
        };
        match self {
            Symbol::Station => tick(""),
            Symbol::Closed => tick(&format!(" stroke-dasharray=\"{CLOSED_DASH}\"")),
            Symbol::Interchange => format!(
                "<g stroke-linecap=\"round\"><line x1=\"{a}\" y1=\"{m}\" x2=\"{b}\" y2=\"{m}\" stroke=\"{INK}\" stroke-width=\"{}\"/><line x1=\"{a}\" y1=\"{m}\" x2=\"{b}\" y2=\"{m}\" stroke=\"#FFFFFF\" stroke-width=\"{}\"/></g>",
                N(2.0 * CAPSULE_RADIUS),
                N(2.0 * CAPSULE_RADIUS - 4.0),
                a = N(x + 8.0),
                b = N(x + 20.0),
                m = N(mid),
            ),
            Symbol::Connection => format!(
                "<line x1=\"{}\" y1=\"{m}\" x2=\"{}\" y2=\"{m}\" stroke=\"{CONNECTION_INK}\" stroke-width=\"{}\"/>",
                N(x),
                N(x + 28.0),
                N(CONNECTION_WIDTH),
                m = N(mid),
            ),
        }
    }
}

/// Where each key entry goes: (symbol, words, x, row), wrapping to another
/// row where the map is too narrow for one.
fn key_places(width: f32) -> Vec<(Symbol, &'static str, f32, usize)> {
    let start = INDENT + 56.0;
    let mut x = start;
    let mut row = 0;
    let mut places = Vec::with_capacity(KEY.len());
    for (symbol, text) in KEY {
        let entry = 36.0 + text.chars().count() as f32 * CHAR_WIDTH;
        if x > start && x + entry > width - INDENT {
            x = start;
            row += 1;
        }
        places.push((symbol, text, x, row));
        x += entry + 40.0;
    }
    places
}

fn key_height(places: &[(Symbol, &str, f32, usize)]) -> f32 {
    let rows = places.last().map_or(0, |p| p.3 + 1);
    24.0 + rows as f32 * LEGEND_ROW + 16.0
}

/// The key of symbols under the legend: what a station, an interchange, a
/// connection and a closed station look like.
fn draw_key(out: &mut String, top: f32, places: &[(Symbol, &str, f32, usize)]) {
    let first = top + 40.0;
    put(
        out,
        format_args!(
            "<g id=\"key\"><text class=\"key-title\" x=\"{INDENT}\" y=\"{}\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">Key</text>\n",
            N(first)
        ),
    );
    for &(symbol, text, x, row) in places {
        let y = first + row as f32 * LEGEND_ROW;
        put(
            out,
            format_args!(
                "<g class=\"key-entry\">{}<text x=\"{}\" y=\"{}\" fill=\"{INK}\">{}</text></g>\n",
                symbol.draw(x, y - 5.0),
                N(x + 36.0),
                N(y),
                escape(text)
            ),
        );
    }
    out.push_str("</g>\n");
}

/// Colour, name and headline of every line, in columns under the map.
struct Legend {
    /// (line index, colour, name, sector) per line.
    entries: Vec<(u32, Colour, String, String)>,
    height: f32,
    columns: usize,
    column_width: f32,
}

impl Legend {
    fn new(network: &Network, layout: &MapLayout) -> Legend {
        let entries: Vec<(u32, Colour, String, String)> = network
            .line_indices()
            .zip(network.lines())
            .map(|(i, l)| (i.0, l.colour, l.name.clone(), l.sector.label().to_owned()))
            .collect();
        if entries.is_empty() {
            return Legend {
                entries,
                height: 0.0,
                columns: 1,
                column_width: 0.0,
            };
        }
        let widest = entries
            .iter()
            .map(|(_, _, name, headline)| name.chars().count() + 2 + headline.chars().count())
            .max()
            .unwrap_or(0);
        let room = (layout.width - 2.0 * INDENT).max(200.0);
        let column_width = (widest as f32 * CHAR_WIDTH + 56.0).clamp(200.0, room);
        let columns = ((room / column_width).floor() as usize).max(1);
        let rows = entries.len().div_ceil(columns);
        Legend {
            height: 40.0 + rows as f32 * LEGEND_ROW + 16.0,
            entries,
            columns,
            column_width,
        }
    }

    fn draw(&self, out: &mut String, layout: &MapLayout) {
        if self.entries.is_empty() {
            return;
        }
        let top = layout.height;
        put(
            out,
            format_args!(
                "<g id=\"legend\"><text class=\"legend-title\" x=\"{INDENT}\" y=\"{}\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">Lines</text>\n",
                N(top + 20.0)
            ),
        );
        for (i, (line, colour, name, sector)) in self.entries.iter().enumerate() {
            let x = INDENT + (i % self.columns) as f32 * self.column_width;
            let y = top + 48.0 + (i / self.columns) as f32 * LEGEND_ROW;
            put(
                out,
                format_args!(
                    "<g class=\"legend-entry\" data-line=\"{line}\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-linecap=\"round\"/><text x=\"{}\" y=\"{}\" fill=\"{INK}\"><tspan font-weight=\"bold\">{}</tspan>: {}</text></g>\n",
                    N(x),
                    N(y - 4.0),
                    N(x + 28.0),
                    N(y - 4.0),
                    N(LINE_WIDTH),
                    N(x + 40.0),
                    N(y),
                    escape(name),
                    escape(sector),
                ),
            );
        }
        out.push_str("</g>\n");
    }
}
