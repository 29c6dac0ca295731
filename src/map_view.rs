//! What the map is showing, and its address: the selected station and line,
//! the sector filter and the viewport, to and from a URL query string.
//!
//! The URL holds the whole view so that a shared link reopens exactly that
//! view and Back steps through the user's history. Ids (not indices) go in
//! the URL, so links survive content changes.

use crate::journey::Sector;
use crate::route::Criterion;
use std::fmt::Write;

/// The part of the map in view: its centre in map units and a zoom factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Centre, x.
    pub x: f32,
    /// Centre, y.
    pub y: f32,
    /// 1 shows the map at its natural size; 2 twice as large.
    pub zoom: f32,
}

impl Viewport {
    /// The smallest zoom allowed.
    pub const MIN_ZOOM: f32 = 0.2;
    /// The largest zoom allowed.
    pub const MAX_ZOOM: f32 = 40.0;

    /// The same viewport with the zoom kept in range.
    pub fn clamped(self) -> Viewport {
        Viewport {
            zoom: self.zoom.clamp(Self::MIN_ZOOM, Self::MAX_ZOOM),
            ..self
        }
    }

    /// The whole map of this size, centred.
    pub fn fit(map_width: f32, map_height: f32) -> Viewport {
        Viewport {
            x: map_width / 2.0,
            y: map_height / 2.0,
            zoom: 1.0,
        }
    }

    /// The SVG `viewBox` showing this viewport of a map of this size.
    pub fn view_box(self, map_width: f32, map_height: f32) -> ViewBox {
        let (width, height) = (map_width / self.zoom, map_height / self.zoom);
        ViewBox {
            x: self.x - width / 2.0,
            y: self.y - height / 2.0,
            width,
            height,
        }
    }

    /// Zoomed by `factor` while the map point `focus` stays where it is on
    /// screen (under the mouse, or between two fingers).
    pub fn zoomed_at(self, focus: (f32, f32), factor: f32) -> Viewport {
        let zoom = (self.zoom * factor).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        let keep = self.zoom / zoom;
        Viewport {
            x: focus.0 + (self.x - focus.0) * keep,
            y: focus.1 + (self.y - focus.1) * keep,
            zoom,
        }
    }

    /// A step of a glide from `self` to `target`: `t` runs from 0 to 1 and
    /// is eased in and out; zoom changes geometrically, so the glide feels
    /// even however far it zooms.
    pub fn towards(self, target: Viewport, t: f32) -> Viewport {
        let t = t.clamp(0.0, 1.0);
        let eased = t * t * (3.0 - 2.0 * t);
        let mix = |a: f32, b: f32| a + (b - a) * eased;
        Viewport {
            x: mix(self.x, target.x),
            y: mix(self.y, target.y),
            zoom: (mix(self.zoom.ln(), target.zoom.ln())).exp(),
        }
    }

    /// The closest view of a map of this size that shows all of `area`,
    /// with a margin, centred on it: where choosing a line takes the map.
    /// An area nearly as large as the map gets the whole map.
    pub fn framing(map_width: f32, map_height: f32, area: crate::layout::Rect) -> Viewport {
        // A tenth of the view spare around the area; a point or a line
        // drawn flat still gets a sensible zoom from the clamp.
        let zoom = (map_width / area.width).min(map_height / area.height) * 0.9;
        if zoom <= 1.0 {
            return Viewport::fit(map_width, map_height);
        }
        Viewport {
            x: area.x + area.width / 2.0,
            y: area.y + area.height / 2.0,
            zoom,
        }
        .clamped()
    }

    /// Moved by (dx, dy) in map units.
    pub fn panned(self, dx: f32, dy: f32) -> Viewport {
        Viewport {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
}

/// A rectangle of the map in map units: an SVG `viewBox`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl ViewBox {
    /// The `viewBox` attribute value.
    pub fn attribute(self) -> String {
        // Whole map units are precise enough on screen, and integer
        // formatting keeps float printing out of the browser bundle.
        let r = |v: f32| v.round() as i32;
        format!(
            "{} {} {} {}",
            r(self.x),
            r(self.y),
            r(self.width),
            r(self.height)
        )
    }

    /// Screen pixels per map unit when shown in a `width` × `height` pixel
    /// box with `preserveAspectRatio="xMidYMid meet"` (the default).
    pub fn scale(self, width: f32, height: f32) -> f32 {
        (width / self.width)
            .min(height / self.height)
            .max(f32::EPSILON)
    }

    /// The part of the map a `width` × `height` pixel box shows: the view
    /// box grown to the box's shape, as `meet` centres it. A phone shows
    /// map above and below the view box; names drawn "at the top of the
    /// view" go at the top of this.
    pub fn on_screen(self, width: f32, height: f32) -> ViewBox {
        let scale = self.scale(width, height);
        let (w, h) = (width / scale, height / scale);
        ViewBox {
            x: self.x - (w - self.width) / 2.0,
            y: self.y - (h - self.height) / 2.0,
            width: w,
            height: h,
        }
    }

    /// The map point under a screen point, `(px, py)` measured from the top
    /// left of the `width` × `height` box the SVG fills.
    pub fn map_point(self, (px, py): (f32, f32), width: f32, height: f32) -> (f32, f32) {
        let scale = self.scale(width, height);
        let (offset_x, offset_y) = (
            (width - self.width * scale) / 2.0,
            (height - self.height * scale) / 2.0,
        );
        (
            self.x + (px - offset_x) / scale,
            self.y + (py - offset_y) / scale,
        )
    }
}

/// Everything the URL records about the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapView {
    /// The id of the station whose details are open.
    pub station: Option<String>,
    /// The id of the line chosen in the legend.
    pub line: Option<String>,
    /// The id of the journey whose trip is drawn.
    pub person: Option<String>,
    /// Only this sector's lines are shown in full.
    pub sector: Option<Sector>,
    /// "Busiest routes": the map drawn as a flow, width by people.
    pub flow: bool,
    /// Where the map is panned and zoomed to; `None` fits the whole map.
    pub viewport: Option<Viewport>,
    /// The route being planned, if any.
    pub route: RouteView,
    /// Presentation mode, at this step (0 is the first station).
    pub present: Option<usize>,
    /// A shared "my journey" (see `crate::progress`), shown read-only;
    /// `mine=` in the URL.
    pub shared_link: Option<String>,
}

/// A planned route as the URL holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RouteView {
    /// The id of the starting station.
    pub from: Option<String>,
    /// The id of the destination.
    pub to: Option<String>,
    /// What "best" means.
    pub criterion: Criterion,
    /// Earn while you learn: no degrees.
    pub no_university: bool,
    /// Which of the routes found is shown: 0 is the best.
    pub choice: usize,
}

/// The URL key of each criterion.
fn criterion_key(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::FewestSteps => "steps",
        Criterion::ShortestTime => "years",
        Criterion::MostTravelled => "travelled",
    }
}

impl MapView {
    /// The query string, without `?`; empty for the default view.
    pub fn to_query(&self) -> String {
        let mut query = String::new();
        let mut add = |key: &str, value: &str| {
            if !query.is_empty() {
                query.push('&');
            }
            let _ = write!(query, "{key}={value}");
        };
        if let Some(station) = &self.station {
            add("station", station);
        }
        if let Some(line) = &self.line {
            add("line", line);
        }
        if let Some(person) = &self.person {
            add("person", person);
        }
        if let Some(sector) = self.sector {
            add("sector", sector.key());
        }
        if self.flow {
            add("flow", "1");
        }
        let route = &self.route;
        if let Some(from) = &route.from {
            add("from", from);
        }
        if let Some(to) = &route.to {
            add("to", to);
        }
        if route.criterion != Criterion::default() {
            add("by", criterion_key(route.criterion));
        }
        if route.no_university {
            add("earn", "1");
        }
        if route.choice > 0 {
            add("alt", &route.choice.to_string());
        }
        if let Some(step) = self.present {
            add("present", &step.to_string());
        }
        if let Some(shared) = &self.shared_link {
            add("mine", shared);
        }
        if let Some(v) = self.viewport {
            // Integers only (zoom in hundredths): no float printing needed.
            add(
                "view",
                &format!(
                    "{},{},{}.{:02}",
                    v.x.round() as i32,
                    v.y.round() as i32,
                    (v.zoom * 100.0).round() as i32 / 100,
                    (v.zoom * 100.0).round() as i32 % 100
                ),
            );
        }
        query
    }

    /// Reads a query string (with or without `?`). Anything malformed is
    /// ignored rather than refused: a mangled link still opens the map.
    pub fn from_query(query: &str) -> MapView {
        let mut view = MapView::default();
        for pair in query.trim_start_matches('?').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            match key {
                "station" => view.station = id(value),
                "line" => view.line = id(value),
                "person" => view.person = id(value),
                "sector" => view.sector = Sector::from_key(value),
                "flow" => view.flow = value == "1",
                "view" => view.viewport = viewport(value),
                "mine" => view.shared_link = shared_progress(value),
                "present" => view.present = value.parse::<usize>().ok().filter(|s| *s < 1000),
                "from" => view.route.from = id(value),
                "to" => view.route.to = id(value),
                "by" => {
                    let all = [
                        Criterion::FewestSteps,
                        Criterion::ShortestTime,
                        Criterion::MostTravelled,
                    ];
                    view.route.criterion = all
                        .into_iter()
                        .find(|c| criterion_key(*c) == value)
                        .unwrap_or_default();
                }
                "earn" => view.route.no_university = value == "1",
                "alt" => {
                    view.route.choice = value
                        .parse()
                        .unwrap_or(0)
                        .min(crate::route::MAX_ALTERNATIVES)
                }
                _ => {}
            }
        }
        view
    }
}

/// Ids are kebab-case; anything else in the URL is not one of ours.
fn id(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= 100
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| value.to_owned())
}

/// A share link's progress text: its own alphabet only (percent-escapes of
/// `;`, `,`, `=` and `/` are undone, as some apps add them).
fn shared_progress(value: &str) -> Option<String> {
    // One pass by hand: eight `str::replace` calls brought the substring
    // searcher's code into the browser bundle for four escapes.
    let bytes = value.as_bytes();
    let mut text = String::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escape = match bytes.get(i..i + 3) {
            Some([b'%', high, low]) => match (high, low.to_ascii_lowercase()) {
                (b'3', b'b') => Some(';'),
                (b'2', b'c') => Some(','),
                (b'3', b'd') => Some('='),
                (b'2', b'f') => Some('/'),
                _ => None,
            },
            _ => None,
        };
        let ok = byte.is_ascii_lowercase() || byte.is_ascii_digit() || b"-/;,=".contains(&byte);
        match escape {
            Some(c) => (text.push(c), i += 3),
            None if ok => (text.push(char::from(byte)), i += 1),
            None => return None,
        };
    }
    (text.len() <= 4096).then_some(text)
}

fn viewport(value: &str) -> Option<Viewport> {
    let mut parts = value.split(',').map(decimal);
    let (x, y, zoom) = (parts.next()??, parts.next()??, parts.next()??);
    (parts.next().is_none() && zoom > 0.0).then(|| Viewport { x, y, zoom }.clamped())
}

/// "-12", "2.5" or "2.50": the numbers `to_query` writes, read to the
/// hundredth. Integer parsing only: the general float parser would add its
/// tables to the browser bundle for three numbers in a URL.
fn decimal(text: &str) -> Option<f32> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) if digits(fraction) => (whole, fraction),
        Some(_) => return None,
        None => (text, ""),
    };
    if !digits(whole) {
        return None;
    }
    let hundredths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(2)
        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    let magnitude = whole.parse::<u32>().ok()? as f32 + hundredths as f32 / 100.0;
    Some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_numbers_are_read_to_the_hundredth_and_junk_is_refused() {
        for (text, want) in [
            ("12", Some(12.0)),
            ("-340", Some(-340.0)),
            ("2.5", Some(2.5)),
            ("2.50", Some(2.5)),
            ("0.07", Some(0.07)),
            ("1.239", Some(1.23)),
            ("", None),
            ("-", None),
            ("1.", None),
            (".5", None),
            ("1e3", None),
            ("NaN", None),
            ("inf", None),
            ("+4", None),
            ("1.2.3", None),
            ("99999999", None),
        ] {
            assert_eq!(decimal(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_view_survives_the_round_trip_through_the_url() {
        let view = MapView {
            station: Some("bricklayer-apprenticeship".into()),
            line: Some("onsite-construction".into()),
            person: Some("aisha".into()),
            sector: Some(Sector::Construction),
            flow: true,
            viewport: Some(Viewport {
                x: 120.0,
                y: -40.0,
                zoom: 2.5,
            }),
            route: RouteView {
                from: Some("gcses-9-4".into()),
                to: Some("site-manager".into()),
                criterion: Criterion::ShortestTime,
                no_university: true,
                choice: 2,
            },
            present: Some(3),
            shared_link: Some("tubemap-progress/1;done=gcses-9-4".into()),
        };
        let query = view.to_query();
        assert_eq!(
            query,
            "station=bricklayer-apprenticeship&line=onsite-construction&person=aisha&sector=construction&flow=1&from=gcses-9-4&to=site-manager&by=years&earn=1&alt=2&present=3&mine=tubemap-progress/1;done=gcses-9-4&view=120,-40,2.50"
        );
        assert_eq!(MapView::from_query(&format!("?{query}")), view);
        assert_eq!(MapView::default().to_query(), "");
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor_still() {
        let start = Viewport::fit(1000.0, 500.0);
        let (w, h) = (800.0, 400.0);
        let cursor = (600.0, 100.0);
        let before = start.view_box(1000.0, 500.0).map_point(cursor, w, h);
        let zoomed = start.zoomed_at(before, 2.0);
        let after = zoomed.view_box(1000.0, 500.0).map_point(cursor, w, h);
        assert!(
            (before.0 - after.0).abs() < 1e-3 && (before.1 - after.1).abs() < 1e-3,
            "{before:?} {after:?}"
        );
        assert_eq!(zoomed.zoom, 2.0);
        assert_eq!(start.zoomed_at(before, 1000.0).zoom, Viewport::MAX_ZOOM);
    }

    #[test]
    fn a_glide_eases_from_start_to_target() {
        let a = Viewport {
            x: 0.0,
            y: 0.0,
            zoom: 1.0,
        };
        let b = Viewport {
            x: 100.0,
            y: -50.0,
            zoom: 4.0,
        };
        assert_eq!(a.towards(b, 0.0), a);
        let end = a.towards(b, 1.0);
        assert!(
            (end.x - 100.0).abs() < 1e-3
                && (end.y + 50.0).abs() < 1e-3
                && (end.zoom - 4.0).abs() < 1e-3
        );
        let middle = a.towards(b, 0.5);
        assert!(
            (middle.x - 50.0).abs() < 1e-3 && (middle.zoom - 2.0).abs() < 1e-3,
            "{middle:?}"
        );
        assert!(a.towards(b, 0.1).x < 10.0, "eased in");
    }

    #[test]
    fn letterboxed_screens_map_through_the_centred_box() {
        // A 1000×500 map in a 1000×1000 box: 250 px bands above and below.
        let view_box = Viewport::fit(1000.0, 500.0).view_box(1000.0, 500.0);
        assert_eq!(view_box.attribute(), "0 0 1000 500");
        assert_eq!(
            view_box.map_point((500.0, 250.0), 1000.0, 1000.0),
            (500.0, 0.0)
        );
        assert_eq!(view_box.scale(1000.0, 1000.0), 1.0);
        assert_eq!(Viewport::fit(1000.0, 500.0).panned(10.0, -5.0).x, 510.0);
        // The screen shows the empty strips too: what it shows starts 250
        // map units above the view box, at the screen's top left corner.
        let shown = view_box.on_screen(1000.0, 1000.0);
        assert_eq!(shown.attribute(), "0 -250 1000 1000");
        assert_eq!(
            view_box.map_point((0.0, 0.0), 1000.0, 1000.0),
            (shown.x, shown.y)
        );
        // A screen of the view box's own shape shows just the view box.
        assert_eq!(view_box.on_screen(500.0, 250.0).attribute(), "0 0 1000 500");
    }

    #[test]
    fn framing_shows_the_whole_area_with_a_margin() {
        let area = crate::layout::Rect::new(100.0, 200.0, 500.0, 100.0);
        let view = Viewport::framing(1000.0, 500.0, area);
        assert_eq!((view.x, view.y), (350.0, 250.0));
        // Width is the tighter side: twice as close, less the margin.
        assert!((view.zoom - 1.8).abs() < 1e-5, "{view:?}");
        let shown = view.view_box(1000.0, 500.0);
        assert!(shown.x <= area.x && shown.x + shown.width >= area.x + area.width);
        assert!(shown.y <= area.y && shown.y + shown.height >= area.y + area.height);
        // An area about the map's size shows the whole map.
        let most = crate::layout::Rect::new(10.0, 10.0, 950.0, 400.0);
        assert_eq!(
            Viewport::framing(1000.0, 500.0, most),
            Viewport::fit(1000.0, 500.0)
        );
        // A single point is not an infinite zoom.
        let point = crate::layout::Rect::new(10.0, 10.0, 0.0, 0.0);
        assert_eq!(
            Viewport::framing(1000.0, 500.0, point).zoom,
            Viewport::MAX_ZOOM
        );
    }

    #[test]
    fn malformed_parts_are_ignored_not_fatal() {
        let view =
            MapView::from_query("station=<script>&line=ok-id&sector=farming&view=1,2&x=y&&=");
        assert_eq!(
            view,
            MapView {
                line: Some("ok-id".into()),
                ..MapView::default()
            }
        );
        let view = MapView::from_query("view=NaN,1,1");
        assert_eq!(view.viewport, None);
        assert_eq!(
            MapView::from_query("mine=tubemap-progress%2F1%3Bdone%3Da")
                .shared_link
                .as_deref(),
            Some("tubemap-progress/1;done=a")
        );
        assert_eq!(MapView::from_query("mine=<b>").shared_link, None);
        let route = MapView::from_query("by=fastest&alt=99").route;
        assert_eq!(
            route,
            RouteView {
                choice: crate::route::MAX_ALTERNATIVES,
                ..RouteView::default()
            }
        );
        let view = MapView::from_query("view=10,20,999");
        assert_eq!(view.viewport.map(|v| v.zoom), Some(Viewport::MAX_ZOOM));
    }

    #[test]
    fn a_shared_progress_text_undoes_its_four_escapes_in_either_case_and_nothing_else() {
        assert_eq!(
            shared_progress("a%2fb%2Fc%3bd%3Be%2cf%2Cg%3dh%3D").as_deref(),
            Some("a/b/c;d;e,f,g=h=")
        );
        assert_eq!(shared_progress("%41"), None, "another escape");
        assert_eq!(shared_progress("done=a%2"), None, "a cut escape");
        assert_eq!(shared_progress("done=A"), None, "outside its alphabet");
        assert_eq!(shared_progress("").as_deref(), Some(""));
        let long = "a".repeat(4096);
        assert_eq!(shared_progress(&long).as_deref(), Some(long.as_str()));
        assert_eq!(shared_progress(&format!("{long}a")), None, "too long");
        assert_eq!(
            shared_progress(&format!("{}%3b", "a".repeat(4095))).map(|t| t.len()),
            Some(4096)
        );
    }
}
