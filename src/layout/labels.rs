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
//! wide name cannot.

use super::rows::{LABEL_GAP, LABEL_INSET};
use super::spatial::Grid;
use super::strokes::Strokes;
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
) -> Vec<Label> {
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

    let mut strokes = Strokes::new(lines, map);
    let mut station_grid = Grid::new(map, CELL, stations.len());
    for (i, s) in stations.iter().enumerate() {
        station_grid.insert(i as u32, &s.bounds);
    }
    let mut label_grid = Grid::new(map, CELL, labels.len());
    for (i, l) in labels.iter().enumerate() {
        label_grid.insert(i as u32, &l.bounds);
    }

    // Labels keep clear of the map edges and of the header with the titles.
    let inside = |r: &Rect| {
        r.x >= 0.0 && r.y >= HEADER_HEIGHT && r.right() <= map.right() && r.bottom() <= map.bottom()
    };
    let mut line_hits = |r: &Rect| strokes.touching(r);

    for i in 0..labels.len() {
        let current = labels[i].bounds;
        if current.width <= 0.0 {
            continue;
        }
        let mut best_hits = line_hits(&current);
        if best_hits == 0 {
            continue;
        }
        let mut best = None;
        // The name as wrapped first, at every other spot; then narrower
        // wraps, which fit between lines where a wide name cannot.
        let title = titles[i];
        let shapes = std::iter::once((labels[i].lines.clone(), sizes[i]))
            .chain(narrower.iter().filter_map(|&max| wrapped_at(title, max)));
        'shapes: for (wrapped, size) in shapes {
            let first = if wrapped == labels[i].lines { 1 } else { 0 };
            for &candidate in &SPOTS[first..] {
                let (anchor, align, bounds) = spot(candidate, &stations[i], size);
                if !inside(&bounds) {
                    continue;
                }
                let mut clear = true;
                station_grid.query(&bounds, |s| {
                    clear &= !stations[s as usize].bounds.intersects(&bounds);
                });
                label_grid.query(&bounds, |l| {
                    clear &= l as usize == i || !labels[l as usize].bounds.intersects(&bounds);
                });
                if !clear {
                    continue;
                }
                let hits = line_hits(&bounds);
                if hits < best_hits {
                    best_hits = hits;
                    best = Some((wrapped.clone(), anchor, align, bounds));
                    if hits == 0 {
                        break 'shapes;
                    }
                }
            }
        }
        if let Some((wrapped, anchor, align, bounds)) = best {
            label_grid.remove(i as u32, &current);
            label_grid.insert(i as u32, &bounds);
            let label = &mut labels[i];
            label.lines = wrapped;
            label.anchor = anchor;
            label.align = align;
            label.bounds = bounds;
        }
    }
    labels
}

/// The box a name of `size` takes at its reserved spot, below-right of
/// `station`, where every label starts.
pub(super) fn reserved(station: &StationMark, size: Size) -> Rect {
    spot(Spot::BelowRight, station, size).2
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
