//! Level of detail: what the map shows at each zoom so that no text is ever
//! drawn smaller than people can read.
//!
//! Station names are map text at [`FONT_SIZE`]: they show only once the
//! zoom makes them at least [`MIN_TEXT_PX`] on screen. What must be
//! readable from the first view (band titles, line names, interchange
//! names) is drawn at a fixed size on screen instead, and where such names
//! would collide the less important one waits for a closer zoom.

use crate::graph::CareerGraph;
use crate::journey::{LineIndex, Network, PositionIndex};
use crate::layout::{CHAR_WIDTH, FONT_SIZE, MapLayout, Point, Rect};
use crate::map_view::{ViewBox, Viewport};

/// No text on the map is drawn smaller than this, in CSS pixels.
pub const MIN_TEXT_PX: f32 = 11.0;

/// The on-screen size of names drawn at a fixed size: interchanges, line
/// names and band titles.
pub const NAME_PX: f32 = 13.0;

/// The zoom-independent screen scale at which station names first show.
pub const LABELS_FROM_SCALE: f32 = MIN_TEXT_PX / FONT_SIZE;

/// Whether station names are readable at `scale` screen pixels per map
/// unit.
pub fn labels_readable(scale: f32) -> bool {
    scale >= LABELS_FROM_SCALE
}

/// How much detail the map shows at `scale`, as its `data-detail`
/// attribute: far out, lines are drawn thicker in map units so they stay at
/// least about two and a half pixels wide on screen, the least a colour can
/// be told by; station names show from "near" in (see [`labels_readable`]).
pub fn detail(scale: f32) -> &'static str {
    if scale < 0.15 {
        "far"
    } else if scale < 0.3 {
        "mid"
    } else if !labels_readable(scale) {
        "overview"
    } else {
        "near"
    }
}

/// A size in map units that shows as `px` screen pixels at `scale`.
pub fn counter_scaled(px: f32, scale: f32) -> f32 {
    px / scale.max(f32::EPSILON)
}

/// A name drawn at a fixed screen size, anchored at a map point.
#[derive(Clone, Debug, PartialEq)]
pub struct FixedName {
    /// Where the text starts (its baseline's left end), in map units.
    pub at: Point,
    /// The text.
    pub text: String,
    /// Higher wins when two names would collide.
    pub priority: u32,
}

impl FixedName {
    /// The box the name fills on screen, in screen pixels from the view's
    /// top left, at `scale`.
    fn screen_box(&self, view: ViewBox, scale: f32) -> Rect {
        let x = (self.at.x - view.x) * scale;
        let y = (self.at.y - view.y) * scale;
        let width = self.text.chars().count() as f32 * CHAR_WIDTH * NAME_PX / FONT_SIZE;
        Rect::new(x, y - NAME_PX, width, NAME_PX * 1.25)
    }
}

/// Which of `names` to show in `view` at `scale`: greedily, most important
/// first, each only where it collides with none already shown. Names
/// outside the view are left out.
pub fn shown(names: &[&FixedName], view: ViewBox, scale: f32) -> Vec<bool> {
    let screen = Rect::new(0.0, 0.0, view.width * scale, view.height * scale);
    // Most important first, ties in order. A pick of the best left, not a
    // sort: the names are few, and a sort's code would add to the bundle.
    let mut left: Vec<usize> = (0..names.len()).collect();
    let mut taken: Vec<(usize, Rect)> = Vec::new();
    let mut show = vec![false; names.len()];
    while let Some(k) =
        (0..left.len()).max_by_key(|&k| (names[left[k]].priority, std::cmp::Reverse(left[k])))
    {
        let i = left.remove(k);
        let b = names[i].screen_box(view, scale);
        // Wholly on screen: a name cut off at the edge cannot be read.
        let inside = b.x >= 0.0
            && b.y >= 0.0
            && b.right() <= screen.right()
            && b.bottom() <= screen.bottom();
        // The same name again only a screenful away: a line's name repeats
        // along it to say which line this is, not to fill the view.
        let clashes = taken.iter().any(|(j, t)| {
            t.inflate(2.0).intersects(&b)
                || (names[*j].text == names[i].text
                    && (t.x - b.x) * (t.x - b.x) + (t.y - b.y) * (t.y - b.y)
                        < REPEAT_PX * REPEAT_PX)
        });
        if inside && !clashes {
            taken.push((i, b));
            show[i] = true;
        }
    }
    show
}

/// The names the map draws over `view` (the part of the map on screen,
/// [`ViewBox::on_screen`]) at `scale`: every band's title that fits, at
/// the top of the view and always drawn; then `lines`' names;
/// then `interchanges`' names while station labels are too small to read;
/// each only where it collides with nothing already drawn (`shown`).
/// Returns the band titles, and whether each of `lines` then
/// `interchanges` shows.
///
/// The first-view search uses it. `ui::map_names` draws by the same rule
/// written out in place: calling this from the app cost about 300 bytes of
/// the first load, which the size gate does not have. The end-to-end test
/// of the first view on a phone checks that the two agree.
pub fn names_in_view(
    bands: &[crate::layout::Band],
    (lines, interchanges): (&[FixedName], &[FixedName]),
    view: ViewBox,
    scale: f32,
) -> (Vec<FixedName>, Vec<bool>) {
    let titles: Vec<FixedName> = bands
        .iter()
        .filter_map(|band| {
            // The part of the band in view, where its title must fit: it
            // starts 8 px in and ends at least 2 px before the next band.
            let left = band.x.max(view.x);
            let room = ((band.x + band.width).min(view.x + view.width) - left) * scale - 10.0;
            band_title(band, room).map(|text| FixedName {
                at: Point::new(
                    left + counter_scaled(8.0, scale),
                    // At the top of the screen, or of the map where the
                    // screen shows paper above it.
                    view.y.max(0.0) + counter_scaled(NAME_PX + 6.0, scale),
                ),
                text,
                // Band titles are always drawn; the other names give way.
                priority: u32::MAX,
            })
        })
        .collect();
    let mut all: Vec<&FixedName> = lines.iter().collect();
    // Once station labels are readable they name every station.
    if !labels_readable(scale) {
        all.extend(interchanges);
    }
    let named = all.len();
    all.extend(&titles);
    let mut show = shown(&all, view, scale);
    show.truncate(named);
    show.resize(lines.len() + interchanges.len(), false);
    (titles, show)
}

/// The least distance on screen between two shown copies of one name.
const REPEAT_PX: f32 = 640.0;

/// The station every line leaves from: the one the most lines stop at
/// (the lower level on a tie). The first view on a small screen centres it.
pub fn hub(graph: &CareerGraph) -> Option<PositionIndex> {
    let network = graph.network();
    network.position_indices().max_by_key(|&p| {
        (
            graph.lines_at(p).len(),
            std::cmp::Reverse(network.position(p).level),
            std::cmp::Reverse(p),
        )
    })
}

/// A band's title for the space it has on screen: the full title where it
/// fits in `room` screen pixels at [`NAME_PX`], else the level ("Level 5",
/// "Entry"), else nothing (a band off to the side; the layout gives every
/// band room for its level at a laptop's first view, `MIN_BAND_WIDTH`).
pub fn band_title(band: &crate::layout::Band, room: f32) -> Option<String> {
    let width = |text: &str| text.chars().count() as f32 * CHAR_WIDTH * NAME_PX / FONT_SIZE;
    // "Entry" beside "Level 1" says as much as "Entry level", in the room
    // the leftmost band has at the first view.
    let short = match band.level.rank() {
        0 => "Entry".to_owned(),
        _ => band.level.to_string(),
    };
    if width(&band.title) <= room {
        Some(band.title.clone())
    } else if width(&short) <= room {
        Some(short)
    } else {
        None
    }
}

/// A line's first name outranks every name but the hub's.
const LINE_NAME_PRIORITY: u32 = 100;

/// The names of interchanges (stations where two or more lines stop), to
/// be drawn at a fixed size, the busiest first. The hub's outranks every
/// line's name: it is where pupils start, and where most lines begin, so
/// a line's first name often lands on it.
pub fn interchange_names(
    graph: &CareerGraph,
    layout: &MapLayout,
) -> Vec<(PositionIndex, FixedName)> {
    let network = graph.network();
    network
        .position_indices()
        .filter(|&p| graph.lines_at(p).len() >= 2)
        .filter_map(|p| {
            let station = layout.stations.get(p.get())?;
            Some((
                p,
                FixedName {
                    at: Point::new(station.bounds.right() + 2.0, station.bounds.bottom() + 2.0),
                    text: network.position(p).title.clone(),
                    // The layout marks the hub where its station stands.
                    priority: if station.at == layout.hub {
                        LINE_NAME_PRIORITY + 1
                    } else {
                        graph.lines_at(p).len() as u32
                    },
                },
            ))
        })
        .collect()
}

/// Where a line's name may go again along the line: no closer than this
/// (map units). Which copies show is decided on screen ([`shown`]), so a
/// zoomed-in view anywhere along a line still says which line it is.
const LINE_NAME_REPEAT: f32 = 240.0;
/// A repeat sits on a straight stretch at least this long (map units).
const LINE_NAME_STRETCH: f32 = 30.0;
const REPEAT_SQUARED: f32 = LINE_NAME_REPEAT * LINE_NAME_REPEAT;
/// Another line this close above or below runs beside a line (map units):
/// lines sharing a stretch are [`crate::layout::LINE_SPACING`] apart.
const BUNDLE_REACH: f32 = 2.0 * crate::layout::LINE_SPACING;

/// Each line's name, to be drawn at a fixed size: where it first runs
/// straight on its own, with no other line beside it, then again along the
/// line every [`LINE_NAME_REPEAT`] or more (else where it starts). The
/// first outranks every other name; the repeats give way to interchange
/// names.
pub fn line_names(network: &Network, layout: &MapLayout) -> Vec<(LineIndex, FixedName)> {
    #[cfg(feature = "layout")]
    let stretches = Stretches::new(layout);
    let mut names = Vec::new();
    for l in network.line_indices() {
        // A name on a bundle of lines side by side could be any of their
        // colours, and the names of lines leaving one station together hide
        // each other: a line is named only where it runs alone. (Lines
        // only climb, so a straight stretch runs left to right.) The
        // browser scans every stretch (see `Stretches` for the native way).
        #[cfg(feature = "layout")]
        let alone = |at: Point| !stretches.beside(l, at);
        #[cfg(not(feature = "layout"))]
        let alone = |at: Point| {
            !layout.lines.iter().filter(|p| p.line != l).any(|p| {
                p.points.windows(2).any(|w| {
                    w[0].y == w[1].y
                        && (w[0].y - at.y).abs() <= BUNDLE_REACH
                        && w[0].x < at.x + LINE_NAME_STRETCH
                        && w[1].x > at.x
                })
            })
        };
        // Along the trunk's straight stretches, then the branches', spaced
        // out.
        let mut spots: Vec<Point> = Vec::new();
        for run in layout.lines.iter().filter(|p| p.line == l) {
            for w in run.points.windows(2) {
                let mut x = w[0].x;
                while w[0].y == w[1].y && x + LINE_NAME_STRETCH <= w[1].x {
                    let at = Point::new(x, w[0].y);
                    x += LINE_NAME_STRETCH;
                    if alone(at)
                        && spots
                            .iter()
                            .all(|s| s.distance_squared(at) >= REPEAT_SQUARED)
                    {
                        spots.push(at);
                    }
                }
            }
        }
        // A line never alone on a straight stretch is named where it starts.
        if let (true, Some(start)) = (
            spots.is_empty(),
            layout
                .lines
                .iter()
                .find(|p| p.line == l)
                .and_then(|p| p.points.first()),
        ) {
            spots.push(*start);
        }
        for (i, at) in spots.into_iter().enumerate() {
            names.push((
                l,
                FixedName {
                    at: Point::new(at.x + 6.0, at.y - 6.0),
                    text: network.line(l).name.clone(),
                    // A repeat gives way to any interchange name.
                    priority: if i == 0 { LINE_NAME_PRIORITY } else { 1 },
                },
            ));
        }
    }
    names
}

/// Every line's straight stretches in bands of [`BUNDLE_REACH`] by height:
/// which lines run beside a point, found among a national map's thousands
/// of stretches at layout time (`small_screen_scale` names every line).
/// Scanning them all took that map 180 ms; the browser, with one map of
/// about 70 runs, scans them (an index there cost its bundle 550 bytes).
#[cfg(feature = "layout")]
struct Stretches {
    /// Band `y / BUNDLE_REACH`: (y, from x, to x, line).
    bands: Vec<Vec<(f32, f32, f32, LineIndex)>>,
}

#[cfg(feature = "layout")]
impl Stretches {
    fn new(layout: &MapLayout) -> Stretches {
        let mut bands: Vec<Vec<(f32, f32, f32, LineIndex)>> = Vec::new();
        for p in &layout.lines {
            for w in p.points.windows(2).filter(|w| w[0].y == w[1].y) {
                let band = Self::band(w[0].y);
                if bands.len() <= band {
                    bands.resize(band + 1, Vec::new());
                }
                bands[band].push((w[0].y, w[0].x, w[1].x, p.line));
            }
        }
        Stretches { bands }
    }

    fn band(y: f32) -> usize {
        (y.max(0.0) / BUNDLE_REACH) as usize
    }

    /// Whether a straight stretch of a line other than `line` runs within
    /// [`BUNDLE_REACH`] above or below a name starting at `at`.
    fn beside(&self, line: LineIndex, at: Point) -> bool {
        let band = Self::band(at.y);
        let near = band.saturating_sub(1)..(band + 2).min(self.bands.len());
        self.bands
            .get(near)
            .into_iter()
            .flatten()
            .flatten()
            .any(|f| {
                f.3 != line
                    && (f.0 - at.y).abs() <= BUNDLE_REACH
                    && f.1 < at.x + LINE_NAME_STRETCH
                    && f.2 > at.x
            })
    }
}

/// The zoom to fly to a station at: at least `current`, and close enough
/// that station names read comfortably (a quarter above the least size).
pub fn reading_zoom(
    layout: &MapLayout,
    screen_width: f32,
    screen_height: f32,
    current: f32,
) -> f32 {
    let fit = Viewport::fit(layout.width, layout.height)
        .view_box(layout.width, layout.height)
        .scale(screen_width.max(1.0), screen_height.max(1.0));
    (LABELS_FROM_SCALE * 1.25 / fit)
        .max(current)
        .clamp(Viewport::MIN_ZOOM, Viewport::MAX_ZOOM)
}

/// Below this scale the whole map is too small to make out its lines, so
/// the first view zooms in instead of fitting it.
pub const FIT_MIN_SCALE: f32 = 0.1;

/// The view a screen opens on: the whole map, with its band titles, line
/// names and interchange names at a readable size, where the map is big
/// enough on screen to make out its lines. Else (a phone) the hub at the
/// layout's [`MapLayout::small_screen_scale`] ([`small_screen_scale`]).
pub fn first_view(layout: &MapLayout, screen_width: f32, screen_height: f32) -> Viewport {
    let fit = Viewport::fit(layout.width, layout.height);
    let scale = fit
        .view_box(layout.width, layout.height)
        .scale(screen_width, screen_height);
    if scale >= FIT_MIN_SCALE {
        return fit;
    }
    Viewport {
        x: layout.hub.x,
        y: layout.hub.y,
        zoom: layout.small_screen_scale / scale,
    }
    .clamped()
}

/// The map of the smallest phone the app is made for, in CSS pixels: 360
/// wide, and the height left between the toolbar and the map controls'
/// strip above the bottom sheet on a 360 by 740 screen.
pub const SMALL_SCREEN: (f32, f32) = (360.0, 280.0);

/// The scale a small screen opens at, around the hub (the school stages
/// every line leaves from, where pupils start): the zoom where station
/// names become readable, or a step further out until the view names at
/// least two lines and two stations, so a pupil can tell where they are.
/// Measured on [`SMALL_SCREEN`] with the names the map draws; the reading
/// zoom if no step names them. Chosen at layout time: the search needs the
/// names, which the browser would otherwise build and cull five times.
pub fn small_screen_scale(graph: &CareerGraph, layout: &MapLayout) -> f32 {
    let network = graph.network();
    let lines: Vec<FixedName> = line_names(network, layout)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    let interchanges: Vec<FixedName> = interchange_names(graph, layout)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    scale_naming_two(layout, (&lines, &interchanges), SMALL_SCREEN)
}

/// [`small_screen_scale`] for given names and screen.
fn scale_naming_two(
    layout: &MapLayout,
    (lines, interchanges): (&[FixedName], &[FixedName]),
    (screen_width, screen_height): (f32, f32),
) -> f32 {
    let fit = Viewport::fit(layout.width, layout.height)
        .view_box(layout.width, layout.height)
        .scale(screen_width, screen_height);
    FIRST_VIEW_ZOOM_STEPS
        .into_iter()
        .map(|step| LABELS_FROM_SCALE * step)
        .find(|&scale| {
            let view = Viewport {
                x: layout.hub.x,
                y: layout.hub.y,
                zoom: scale / fit,
            }
            .clamped();
            // The names the map draws there, band titles included. At the
            // reading zoom an interchange's label replaces its fixed-size
            // name: either way the station is named.
            let view_box = view
                .view_box(layout.width, layout.height)
                .on_screen(screen_width, screen_height);
            // A name shows only wholly on screen, and only shown names
            // block others, so the names starting outside the view are
            // left out: on a large map the pick among them is what costs.
            // (Not in `shown` itself, which the browser shares: the same
            // filter there cost its bundle 329 bytes, for maps of ~60 names.)
            let area = Rect::new(view_box.x, view_box.y, view_box.width, view_box.height);
            let in_view = |names: &[FixedName]| -> Vec<FixedName> {
                names
                    .iter()
                    .filter(|n| area.contains(n.at))
                    .cloned()
                    .collect()
            };
            let (lines, interchanges) = (in_view(lines), in_view(interchanges));
            let (_, shown) = names_in_view(&layout.bands, (&lines, &interchanges), view_box, scale);
            let named = |range: &[bool]| range.iter().filter(|&&s| s).count() >= 2;
            let (line_flags, interchange_flags) = shown.split_at(lines.len());
            named(line_flags) && (labels_readable(scale) || named(interchange_flags))
        })
        .unwrap_or(LABELS_FROM_SCALE)
}

/// The zooms a small screen's first view tries, as fractions of the zoom
/// where station names become readable.
const FIRST_VIEW_ZOOM_STEPS: [f32; 9] = [1.0, 0.85, 0.7, 0.6, 0.5, 0.42, 0.35, 0.3, 0.25];

#[cfg(test)]
mod tests {
    use super::*;

    fn name(x: f32, y: f32, text: &str, priority: u32) -> FixedName {
        FixedName {
            at: Point::new(x, y),
            text: text.into(),
            priority,
        }
    }

    #[test]
    fn a_band_title_shortens_to_the_room_it_has() {
        let band = |rank| crate::layout::Band {
            level: match rank {
                0 => crate::journey::Level::ENTRY,
                n => crate::journey::Level::rqf(n).expect("a level"),
            },
            x: 0.0,
            width: 100.0,
            title: "Level 5: HNDs".into(),
        };
        let title = |rank, room| band_title(&band(rank), room);
        assert_eq!(title(5, 200.0).as_deref(), Some("Level 5: HNDs"));
        assert_eq!(title(5, 60.0).as_deref(), Some("Level 5"));
        assert_eq!(title(5, 17.0), None);
        assert_eq!(title(0, 40.0).as_deref(), Some("Entry"));
        assert_eq!(title(0, 17.0), None);
    }

    #[test]
    fn band_titles_are_drawn_first_and_other_names_give_way_to_them() {
        let band = crate::layout::Band {
            level: crate::journey::Level::rqf(2).expect("a level"),
            x: 0.0,
            width: 1000.0,
            title: "Level 2: GCSEs".into(),
        };
        let view = ViewBox {
            x: 0.0,
            y: 0.0,
            width: 1000.0,
            height: 500.0,
        };
        // The title sits at the top left of the view; a line name there
        // gives way, one lower down shows.
        let under_title = name(12.0, 19.0, "Onsite construction", 100);
        let lower = name(12.0, 200.0, "Data", 100);
        let interchange = name(400.0, 300.0, "GCSEs", 50);
        let names = |scale| {
            names_in_view(
                std::slice::from_ref(&band),
                (
                    &[under_title.clone(), lower.clone()],
                    std::slice::from_ref(&interchange),
                ),
                view,
                scale,
            )
        };
        let (titles, show) = names(0.5);
        assert_eq!(titles.len(), 1);
        assert_eq!(titles[0].text, "Level 2: GCSEs");
        assert_eq!(show, [false, true, true]);
        // Once station labels are readable they name the interchange.
        let (_, show) = names(LABELS_FROM_SCALE);
        assert_eq!(show, [false, true, false]);
    }

    #[test]
    fn station_names_show_only_when_at_least_11_px() {
        assert!(!labels_readable(0.5));
        assert!(labels_readable(1.0));
        // Just below the threshold, a label would be under 11 px.
        let below = LABELS_FROM_SCALE * 0.99;
        assert!(!labels_readable(below) && FONT_SIZE * below < MIN_TEXT_PX);
        assert!((counter_scaled(13.0, 0.25) - 52.0).abs() < 1e-4);
    }

    #[test]
    fn lines_stay_wide_enough_to_see_when_zoomed_out() {
        // The widths in app.css for each detail, times the scale each
        // starts at, are at least 2.4 screen pixels.
        let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/app.css"))
            .expect("app.css is readable");
        for (scale, width) in [(0.12, 20.0), (0.15, 16.0), (0.3, 8.0), (0.85, 5.0)] {
            let detail = detail(scale);
            // Close in, the plain `.line` rule applies.
            let rule = if detail == "near" {
                format!(".line {{ stroke-width: {width}px; }}")
            } else {
                format!(".tube-map[data-detail=\"{detail}\"] .line {{ stroke-width: {width}px; }}")
            };
            assert!(css.contains(&rule), "app.css lacks `{rule}`");
            assert!(width * scale >= 2.39, "{detail}: {}", width * scale);
        }
        assert!(css.contains(".tube-map:not([data-detail=\"near\"]) .label { display: none; }"));
        assert_eq!(detail(0.5), "overview");
        assert_eq!(detail(LABELS_FROM_SCALE), "near");
    }

    #[test]
    fn colliding_names_keep_the_most_important_and_drop_what_is_out_of_view() {
        let view = ViewBox {
            x: 0.0,
            y: 0.0,
            width: 1000.0,
            height: 500.0,
        };
        let names = [
            name(100.0, 100.0, "GCSEs at grades 9 to 4", 5),
            name(110.0, 120.0, "A levels", 9),
            name(600.0, 300.0, "Bricklayer", 1),
            name(5000.0, 100.0, "Far away", 9),
        ];
        let names: Vec<&FixedName> = names.iter().collect();
        assert_eq!(shown(&names, view, 0.5), [false, true, true, false]);
        // Closer in, the two near names no longer touch.
        let close = ViewBox {
            width: 400.0,
            height: 200.0,
            ..view
        };
        assert_eq!(shown(&names[..2], close, 4.0), [true, true]);
    }

    #[test]
    fn the_hub_s_name_outranks_every_line_s_name() {
        let network = crate::journey::sample::two_lines();
        let graph = CareerGraph::new(network.clone());
        let layout = crate::layout::layout(&graph);
        let hub = hub(&graph).expect("a hub");
        let interchanges = interchange_names(&graph, &layout);
        assert!(interchanges.len() >= 2, "{interchanges:?}");
        let best_line = line_names(&network, &layout)
            .into_iter()
            .map(|(_, n)| n.priority)
            .max()
            .expect("line names");
        for (p, name) in interchanges {
            if p == hub {
                assert!(name.priority > best_line, "{name:?}");
            } else {
                assert!(name.priority < best_line, "{name:?}");
            }
        }
    }

    #[cfg(feature = "layout")]
    #[test]
    fn the_index_of_stretches_finds_the_lines_a_scan_of_every_stretch_finds() {
        let network = crate::journey::sample::two_lines();
        let mut layout = crate::layout::layout(&CareerGraph::new(network.clone()));
        layout.lines.truncate(2);
        // Side by side on a band's edge (y 96 and 102 around 12 * 8), then
        // apart.
        layout.lines[0].points = vec![Point::new(0.0, 96.0), Point::new(500.0, 96.0)];
        layout.lines[1].points = vec![
            Point::new(0.0, 102.0),
            Point::new(200.0, 102.0),
            Point::new(300.0, 202.0),
            Point::new(800.0, 202.0),
        ];
        let scan = |line, at: Point| {
            layout.lines.iter().filter(|p| p.line != line).any(|p| {
                p.points.windows(2).any(|w| {
                    w[0].y == w[1].y
                        && (w[0].y - at.y).abs() <= BUNDLE_REACH
                        && w[0].x < at.x + LINE_NAME_STRETCH
                        && w[1].x > at.x
                })
            })
        };
        let index = Stretches::new(&layout);
        let mut found = [0, 0];
        for line in [layout.lines[0].line, layout.lines[1].line] {
            for x in (-60..900).step_by(10) {
                for y in 0..260 {
                    let at = Point::new(x as f32, y as f32);
                    let beside = index.beside(line, at);
                    assert_eq!(beside, scan(line, at), "{line:?} at {at:?}");
                    found[usize::from(beside)] += 1;
                }
            }
        }
        assert!(found[0] > 0 && found[1] > 0, "{found:?}");
    }

    #[test]
    fn a_line_is_first_named_where_it_runs_alone_not_beside_another_line() {
        let network = crate::journey::sample::two_lines();
        let mut layout = crate::layout::layout(&CareerGraph::new(network.clone()));
        layout.lines.truncate(2);
        let (a, b) = (layout.lines[0].line, layout.lines[1].line);
        assert_ne!(a, b);
        // Side by side from x 0 to 200, then b drops to a row of its own.
        layout.lines[0].points = vec![Point::new(0.0, 100.0), Point::new(500.0, 100.0)];
        layout.lines[1].points = vec![
            Point::new(0.0, 106.0),
            Point::new(200.0, 106.0),
            Point::new(300.0, 206.0),
            Point::new(800.0, 206.0),
        ];
        let first = |line| {
            line_names(&network, &layout)
                .into_iter()
                .find(|(l, n)| *l == line && n.priority == LINE_NAME_PRIORITY)
                .map(|(_, n)| (n.at.x, n.at.y))
        };
        // a's first point clear of b's stretch (steps of 30 from 0), and
        // b's own row; each 6 right of and above its spot.
        assert_eq!(first(a), Some((216.0, 94.0)));
        assert_eq!(first(b), Some((306.0, 200.0)));
    }

    #[test]
    fn a_line_name_repeats_along_its_line_only_a_screenful_apart() {
        let network = crate::journey::sample::two_lines();
        let mut layout = crate::layout::layout(&CareerGraph::new(network.clone()));
        // One long straight line: room for its name several times.
        layout.lines.truncate(1);
        layout.lines[0].points = vec![Point::new(0.0, 100.0), Point::new(2000.0, 100.0)];
        let names: Vec<FixedName> = line_names(&network, &layout)
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        let xs: Vec<f32> = names.iter().map(|n| n.at.x).collect();
        assert_eq!(
            xs,
            [
                6.0, 246.0, 486.0, 726.0, 966.0, 1206.0, 1446.0, 1686.0, 1926.0
            ]
        );
        assert!(
            names[0].priority > names[1].priority,
            "the first outranks its repeats"
        );
        let names: Vec<&FixedName> = names.iter().collect();
        let view = ViewBox {
            x: 0.0,
            y: 0.0,
            width: 2000.0,
            height: 200.0,
        };
        // At 1 px a unit, copies at least 640 px apart: 6, 726 and 1446.
        let on = shown(&names, view, 1.0);
        let at: Vec<f32> = (0..names.len())
            .filter(|&i| on[i])
            .map(|i| names[i].at.x)
            .collect();
        assert_eq!(at, [6.0, 726.0, 1446.0]);
    }

    #[test]
    fn flying_to_a_station_zooms_until_its_name_reads() {
        let network = crate::journey::sample::two_lines();
        let mut layout = crate::layout::layout(&CareerGraph::new(network.clone()));
        layout.width = 8000.0;
        layout.height = 4000.0;
        let zoom = reading_zoom(&layout, 800.0, 400.0, 1.0);
        let scale = Viewport {
            x: 0.0,
            y: 0.0,
            zoom,
        }
        .view_box(layout.width, layout.height)
        .scale(800.0, 400.0);
        assert!(labels_readable(scale));
        assert_eq!(
            reading_zoom(&layout, 800.0, 400.0, 30.0),
            30.0,
            "never zooms out"
        );
    }

    /// A small network's layout stretched to 6,000 by 3,000 map units,
    /// wider than any phone shows at once.
    fn wide_layout() -> MapLayout {
        let network = crate::journey::sample::two_lines();
        let graph = CareerGraph::new(network.clone());
        let mut layout = crate::layout::layout(&graph);
        layout.width = 6000.0;
        layout.height = 3000.0;
        layout.labels.clear();
        layout
    }

    #[test]
    fn a_small_screen_opens_on_the_hub_at_the_layouts_small_screen_scale() {
        let mut layout = wide_layout();
        layout.hub = Point::new(500.0, 1500.0);
        layout.small_screen_scale = LABELS_FROM_SCALE;
        let phone = first_view(&layout, 360.0, 500.0);
        let scale = phone
            .view_box(layout.width, layout.height)
            .scale(360.0, 500.0);
        assert!((scale - LABELS_FROM_SCALE).abs() < 1e-4, "{scale}");
        assert_eq!((phone.x, phone.y), (500.0, 1500.0));
        // A laptop shows the whole map: at 1366 px its lines still show.
        let laptop = first_view(&layout, 900.0, 500.0);
        assert_eq!(laptop, Viewport::fit(layout.width, layout.height));
    }

    #[test]
    fn a_small_screen_zooms_out_until_two_lines_and_two_stations_are_named() {
        let mut layout = wide_layout();
        let hub = Point::new(3000.0, 1500.0);
        layout.hub = hub;
        // With nothing to name, the reading zoom.
        let screen = (360.0, 500.0);
        assert_eq!(
            scale_naming_two(&layout, (&[], &[]), screen),
            LABELS_FROM_SCALE
        );
        // Two line names and two interchange names in the four corners of
        // a box 1,000 map units across, wider than a phone's reading view.
        let lines = [
            name(hub.x - 500.0, hub.y - 300.0, "Onsite", 100),
            name(hub.x + 350.0, hub.y + 300.0, "Data", 100),
        ];
        let stations = [
            name(hub.x - 500.0, hub.y + 300.0, "GCSEs", 9),
            name(hub.x + 350.0, hub.y - 300.0, "A levels", 9),
        ];
        layout.small_screen_scale = scale_naming_two(&layout, (&lines, &stations), screen);
        assert!(layout.small_screen_scale < LABELS_FROM_SCALE);
        let phone = first_view(&layout, screen.0, screen.1);
        let scale = phone
            .view_box(layout.width, layout.height)
            .scale(screen.0, screen.1);
        let visible = ViewBox {
            x: phone.x - screen.0 / 2.0 / scale,
            y: phone.y - screen.1 / 2.0 / scale,
            width: screen.0 / scale,
            height: screen.1 / scale,
        };
        let all: Vec<&FixedName> = lines.iter().chain(&stations).collect();
        assert_eq!(shown(&all, visible, scale), vec![true; 4], "{phone:?}");
    }
}
