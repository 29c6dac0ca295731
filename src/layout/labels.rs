//! Pass "labels": a spot for every station's name.
//!
//! Every label starts below-right of its station, the spot that placement
//! reserved, so no two labels overlap and no label covers a station. Then,
//! in position order, a label that lies on a line tries the other spots
//! around its station in a fixed order and moves to the first that touches
//! no line, or else to the one touching the fewest, but only ever to a spot
//! that is clear of every label and station: each move keeps the
//! zero-overlap invariant, so the end result keeps it too. A name no spot
//! clears tries again wrapped narrower (taller), which fits between lines a
//! wide name cannot. On the map kept, a name still on a line slides along
//! its station ([`slide`]), by the same rules.

use super::rows::{LABEL_GAP, LABEL_INSET};
use super::spatial::Grid;
use super::strokes::{Near, Strokes};
use super::{
    Align, HEADER_HEIGHT, LABEL_BASELINE, Label, LinePath, Point, Rect, Size, StationMark,
    text_size, wrap,
};

/// Bucket size for the spatial grids: about a label's height and a half.
const CELL: f32 = 48.0;

/// The spots tried, in order; the first is the reserved default.
#[derive(Clone, Copy)]
enum Spot {
    BelowRight,
    AboveRight,
    Right,
    Left,
    BelowLeft,
    AboveLeft,
    Below,
    Above,
}

const SPOTS: [Spot; 8] = [
    Spot::BelowRight,
    Spot::AboveRight,
    Spot::Right,
    Spot::Left,
    Spot::BelowLeft,
    Spot::AboveLeft,
    Spot::Below,
    Spot::Above,
];

/// The corners round their stations that the names `placed` left on a
/// line could move to, as wrapped now: where lines routed again should
/// keep off, so that one of them comes clear for the label pass.
pub(super) fn other_corners(placed: &Placed, stations: &[StationMark]) -> Vec<Rect> {
    let mut corners = Vec::new();
    for &i in &placed.on_lines {
        let now = placed.labels[i].bounds;
        let size = Size::new(now.width, now.height);
        corners.extend(
            CORNERS
                .into_iter()
                .map(|corner| spot(corner, &stations[i], size).2)
                .filter(|&bounds| bounds != now),
        );
    }
    corners
}

/// For each of the `placed` names, whether none of its station's other
/// corners, as wrapped now, is clear of `lines`: a line routed over it
/// where it stands would leave it on a line, as no spot is left to move to.
pub(super) fn pinned(
    placed: &Placed,
    stations: &[StationMark],
    lines: &[LinePath],
    map: Rect,
) -> Vec<bool> {
    let mut strokes = Strokes::new(lines, map);
    placed
        .labels
        .iter()
        .zip(stations)
        .map(|(label, station)| {
            let now = label.bounds;
            let size = Size::new(now.width, now.height);
            now.width > 0.0
                && CORNERS
                    .into_iter()
                    .map(|corner| spot(corner, station, size).2)
                    .filter(|&bounds| bounds != now)
                    .all(|bounds| strokes.touching(&bounds) > 0)
        })
        .collect()
}

/// The four corner spots round a station.
const CORNERS: [Spot; 4] = [
    Spot::BelowRight,
    Spot::AboveRight,
    Spot::BelowLeft,
    Spot::AboveLeft,
];

/// What the label pass made: a label for every station, and which of
/// them no spot could take off a line.
pub(super) struct Placed {
    pub labels: Vec<Label>,
    /// Indices into `labels`, in order.
    pub on_lines: Vec<usize>,
}

/// Labels for every station, one per position: `texts` are the `titles`
/// wrapped. A name on a line also tries each of `narrower`'s wraps
/// (characters a line holds), widest first.
pub(super) fn place(
    titles: &[&str],
    texts: Vec<Vec<String>>,
    sizes: &[Size],
    stations: &[StationMark],
    lines: &[LinePath],
    map: Rect,
    narrower: &[usize],
) -> Placed {
    let mut on_lines = Vec::new();
    let mut labels: Vec<Label> = texts
        .into_iter()
        .zip(stations)
        .zip(sizes)
        .map(|((text, station), &size)| {
            let (anchor, align, bounds) = spot(Spot::BelowRight, station, size);
            Label {
                position: station.position,
                lines: text,
                anchor,
                align,
                bounds,
            }
        })
        .collect();
    let mut room = Room::new(stations, lines, &labels, map);
    for i in 0..labels.len() {
        let current = labels[i].bounds;
        if current.width <= 0.0 {
            continue;
        }
        let hits = room.strokes.touching(&current);
        if hits == 0 {
            continue;
        }
        // The name as wrapped first, at every other spot; then narrower
        // wraps, which fit between lines where a wide name cannot.
        let shapes = wraps(&labels[i].lines, sizes[i], titles[i], narrower);
        let around = room.around(i, &reach(&stations[i], &shapes), &labels);
        let current_lines = labels[i].lines.clone();
        let spots = |wrapped: &[String], size: Size| {
            // The reserved spot is where the name stands as first wrapped.
            let first = usize::from(wrapped == current_lines.as_slice());
            SPOTS[first..]
                .iter()
                .map(move |&s| spot(s, &stations[i], size))
        };
        if let Some(found) = best_move(&around, hits, shapes, spots) {
            room.moved(i, &current, &found.bounds());
            found.apply(&mut labels[i]);
        }
        if around.lines.touching(&labels[i].bounds) > 0 {
            on_lines.push(i);
        }
    }
    Placed { labels, on_lines }
}

/// The last try for names still on a line, on the map kept: each slides
/// along its station ([`slid`]), as wrapped and at each of `narrower`'s
/// wraps, to the first place clear of lines, or else the one touching
/// the fewest, never onto another name or station.
pub(super) fn slide(
    labels: &mut [Label],
    stations: &[StationMark],
    lines: &[LinePath],
    map: Rect,
    narrower: &[usize],
) {
    let mut room = Room::new(stations, lines, labels, map);
    for i in 0..labels.len().min(stations.len()) {
        let current = labels[i].bounds;
        let hits = room.strokes.touching(&current);
        if current.width <= 0.0 || hits == 0 {
            continue;
        }
        let size = Size::new(current.width, current.height);
        let title = labels[i].lines.join(" ");
        let shapes = wraps(&labels[i].lines, size, &title, narrower);
        let around = room.around(i, &reach(&stations[i], &shapes), labels);
        let slides = |_: &[String], size: Size| slid(&stations[i], size);
        if let Some(found) = best_move(&around, hits, shapes, slides) {
            room.moved(i, &current, &found.bounds());
            found.apply(&mut labels[i]);
        }
    }
}

/// Where a name's box goes: its anchor, alignment and box.
type Place = (Point, Align, Rect);

/// A name's new wrap and place.
struct Move {
    lines: Vec<String>,
    place: Place,
}

impl Move {
    /// The box the name moves to.
    fn bounds(&self) -> Rect {
        self.place.2
    }

    fn apply(self, label: &mut Label) {
        let (anchor, align, bounds) = self.place;
        (label.lines, label.anchor, label.align, label.bounds) =
            (self.lines, anchor, align, bounds);
    }
}

/// The wraps a name tries: as it stands (`lines`, of `size`), then
/// `title` at each of `narrower`'s widths that cuts no word.
fn wraps(
    lines: &[String],
    size: Size,
    title: &str,
    narrower: &[usize],
) -> Vec<(Vec<String>, Size)> {
    std::iter::once((lines.to_vec(), size))
        .chain(narrower.iter().filter_map(|&max| wrapped_at(title, max)))
        .collect()
}

/// The best move for a name touching `hits` lines where it stands: for
/// each of its `shapes` in turn, the `places` it may take, the first clear
/// of lines, or else the one touching the fewest; `None` if no place
/// touches fewer.
fn best_move<I: Iterator<Item = Place>>(
    around: &Around,
    mut hits: usize,
    shapes: Vec<(Vec<String>, Size)>,
    places: impl Fn(&[String], Size) -> I,
) -> Option<Move> {
    let mut best = None;
    for (wrapped, size) in shapes {
        for place in places(&wrapped, size) {
            let Some(on) = around.lines_on(&place.2) else {
                continue;
            };
            if on < hits {
                hits = on;
                best = Some(Move {
                    lines: wrapped.clone(),
                    place,
                });
                if on == 0 {
                    return best;
                }
            }
        }
    }
    best
}

/// The map as the label pass sees it: the lines, the stations and the
/// names, indexed by where they are.
struct Room<'a> {
    strokes: Strokes,
    stations: &'a [StationMark],
    station_grid: Grid,
    label_grid: Grid,
    map: Rect,
}

/// What lies round one name's station: the lines there and every box the
/// name must not overlap.
struct Around {
    lines: Near,
    taken: Vec<Rect>,
    map: Rect,
}

impl<'a> Room<'a> {
    fn new(
        stations: &'a [StationMark],
        lines: &[LinePath],
        labels: &[Label],
        map: Rect,
    ) -> Room<'a> {
        let mut station_grid = Grid::new(map, CELL, stations.len());
        for (i, s) in stations.iter().enumerate() {
            station_grid.insert(i as u32, &s.bounds);
        }
        let mut label_grid = Grid::new(map, CELL, labels.len());
        for (i, l) in labels.iter().enumerate() {
            label_grid.insert(i as u32, &l.bounds);
        }
        Room {
            strokes: Strokes::new(lines, map),
            stations,
            station_grid,
            label_grid,
            map,
        }
    }

    /// Everything within `reach` that name `i` must keep clear of, gathered
    /// once, so the many places it tries there ask no grid.
    fn around(&mut self, i: usize, reach: &Rect, labels: &[Label]) -> Around {
        let mut taken = Vec::new();
        let stations = self.stations;
        self.station_grid
            .query(reach, |s| taken.push(stations[s as usize].bounds));
        self.label_grid.query(reach, |l| {
            if l as usize != i {
                taken.push(labels[l as usize].bounds);
            }
        });
        taken.retain(|r| r.intersects(reach));
        Around {
            lines: self.strokes.near(reach),
            taken,
            map: self.map,
        }
    }

    /// Name `i` moved from `from` to `to`.
    fn moved(&mut self, i: usize, from: &Rect, to: &Rect) {
        self.label_grid.remove(i as u32, from);
        self.label_grid.insert(i as u32, to);
    }
}

impl Around {
    /// How many lines a name at `bounds` would touch; `None` where it may
    /// not stand: over another name or a station, past the map's edges, or
    /// over the header with the band titles.
    fn lines_on(&self, bounds: &Rect) -> Option<usize> {
        let map = self.map;
        let inside = bounds.x >= 0.0
            && bounds.y >= HEADER_HEIGHT
            && bounds.right() <= map.right()
            && bounds.bottom() <= map.bottom();
        (inside && !self.taken.iter().any(|r| r.intersects(bounds)))
            .then(|| self.lines.touching(bounds))
    }
}

/// Everywhere a name in any of `shapes` may stand round `station`, fixed
/// spots and slides: more than a name's width and height each way.
fn reach(station: &StationMark, shapes: &[(Vec<String>, Size)]) -> Rect {
    let (width, height) = shapes.iter().fold((0.0f32, 0.0f32), |(w, h), (_, s)| {
        (w.max(s.width), h.max(s.height))
    });
    let margin = 2.0 * LABEL_GAP + SLIDE_PAST + SLIDE_AWAY[1] + LABEL_INSET;
    let (across, down) = (width + margin, height + margin);
    let shape = station.bounds;
    Rect::new(
        shape.x - across,
        shape.y - down,
        shape.width + 2.0 * across,
        shape.height + 2.0 * down,
    )
}

/// The box a name of `size` takes at its reserved spot, below-right of
/// `station`, where every label starts.
pub(super) fn reserved(station: &StationMark, size: Size) -> Rect {
    spot(Spot::BelowRight, station, size).2
}

/// How far apart the places a name slides to are, in pixels.
const SLIDE_STEP: f32 = 4.0;
/// How much further right than its default spot a name may slide: no
/// line fits between it and its station (a stroke is
/// [`LINE_WIDTH`](super::LINE_WIDTH) wide, and must not touch either).
const SLIDE_PAST: f32 = 8.0;
/// How much further from its station a slid name may also stand; again,
/// too little for a line to pass between.
const SLIDE_AWAY: [f32; 2] = [0.0, 6.0];

/// The places a name of `size` slides to when none of the fixed spots is
/// clear, nearest the default first: below or above `station`, anywhere
/// from just right of its default spot to hanging left of the station,
/// and beside it, anywhere from level with its top to level with its
/// bottom; each also a little further out. The name stays next to its
/// station, with no room for a line between (the slider model of map
/// labelling).
fn slid(station: &StationMark, size: Size) -> impl Iterator<Item = (Point, Align, Rect)> {
    let Size { width, height } = size;
    let (at, shape) = (station.at, station.bounds);
    let lefts: Vec<f32> = (0..)
        .map(|k| at.x + LABEL_INSET + SLIDE_PAST - k as f32 * SLIDE_STEP)
        .take_while(|&left| left >= at.x - LABEL_INSET - width)
        .collect();
    let level = at.y - height / 2.0;
    let tops: Vec<f32> = (0..)
        .map(|k| k as f32 * SLIDE_STEP)
        .take_while(|&shift| shift <= height / 2.0)
        .flat_map(|shift| [level + shift, level - shift])
        .collect();
    SLIDE_AWAY.into_iter().flat_map(move |away| {
        let below = shape.bottom() + LABEL_GAP + away;
        let above = shape.y - LABEL_GAP - away - height;
        let right = shape.right() + LABEL_GAP * 2.0 + away;
        let left = shape.x - LABEL_GAP * 2.0 - away - width;
        let under_or_over = lefts.clone().into_iter().flat_map(move |x| {
            [
                Rect::new(x, below, width, height),
                Rect::new(x, above, width, height),
            ]
        });
        let beside = tops.clone().into_iter().flat_map(move |y| {
            [
                Rect::new(right, y, width, height),
                Rect::new(left, y, width, height),
            ]
        });
        under_or_over.chain(beside).map(|bounds| {
            let anchor = Point::new(bounds.x, bounds.y + LABEL_BASELINE);
            (anchor, Align::Start, bounds)
        })
    })
}

/// Narrower wraps a name still on a line tries, widest first.
pub(super) const NARROWER: [usize; 3] = [16, 12, 9];

/// `title` wrapped at `max` characters, and its size; `None` when that would
/// cut a word.
fn wrapped_at(title: &str, max: usize) -> Option<(Vec<String>, Size)> {
    if title.split_whitespace().any(|w| w.chars().count() > max) {
        return None;
    }
    let lines = wrap(title, max);
    let size = text_size(&lines);
    Some((lines, size))
}

/// The anchor, alignment and box of a label of `size` at `spot` around
/// `station`.
fn spot(spot: Spot, station: &StationMark, size: Size) -> (Point, Align, Rect) {
    let Size { width, height } = size;
    let at = station.at;
    let shape = station.bounds;
    let below = shape.bottom() + LABEL_GAP;
    let above = shape.y - LABEL_GAP - height;
    let level = at.y - height / 2.0;
    let (left, top, align) = match spot {
        Spot::BelowRight => (at.x + LABEL_INSET, below, Align::Start),
        Spot::AboveRight => (at.x + LABEL_INSET, above, Align::Start),
        Spot::Right => (shape.right() + LABEL_GAP * 2.0, level, Align::Start),
        Spot::Left => (shape.x - LABEL_GAP * 2.0 - width, level, Align::End),
        Spot::BelowLeft => (at.x - LABEL_INSET - width, below, Align::End),
        Spot::AboveLeft => (at.x - LABEL_INSET - width, above, Align::End),
        Spot::Below => (at.x - width / 2.0, below, Align::Middle),
        Spot::Above => (at.x - width / 2.0, above, Align::Middle),
    };
    let x = match align {
        Align::Start => left,
        Align::Middle => left + width / 2.0,
        Align::End => left + width,
    };
    (
        Point::new(x, top + LABEL_BASELINE),
        align,
        Rect::new(left, top, width, height),
    )
}
