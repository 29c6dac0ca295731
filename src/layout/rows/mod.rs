//! Pass "rows": coordinates for every station, line by line.
//!
//! Across, levels are bands, lowest on the left. Within a band a station's
//! sub-column is the longest chain of same-level stretches leading to it,
//! so every line, which only climbs, runs left to right.
//!
//! Down, every run of a line that brings stations no earlier run had gets a
//! place on a row, and those stations sit on it: a line runs straight along
//! its row and bends only to reach the stations it shares with other lines.
//! Runs of one line share a row where they do not overlap, so a line with
//! branches takes few rows. Rows come in blocks by sector: construction on
//! top, general (school stages, the hub every line leaves from) in the
//! middle, digital at the bottom, so lines fan out from the hub without
//! crossing each other's rows.
//!
//! Labels go below-right of their station. A row is as far below the one
//! above as that row's tallest label needs, and a sub-column is as wide as
//! its band's widest label, so the default label spot never touches another
//! label or station: the zero-overlap target holds by construction.

mod plan;

pub(super) use plan::RowPlan;

use super::{Band, HEADER_HEIGHT, Point, Shape, Size};
use crate::journey::{Level, Network, PositionIndex};

/// Blank space around the whole map.
pub(super) const MARGIN: f32 = 40.0;
/// Space inside a band's edges.
const BAND_PADDING: f32 = 16.0;
/// Space left of each station for lines that turn into it.
const CORRIDOR: f32 = 40.0;
/// A label starts this far right of its station's centre.
pub(super) const LABEL_INSET: f32 = 4.0;
/// Gap between a station's shape and its label.
pub(super) const LABEL_GAP: f32 = 3.0;
/// Space after the widest label of a sub-column.
const CELL_GAP: f32 = 16.0;
/// Gap between the bottom of a row's labels and the next row's stations.
const ROW_GAP: f32 = 12.0;
/// Room for a band's title even when it has few stations: at the first
/// view of a 1280 px laptop (about 0.125 screen px per map unit) this is
/// 62 px, enough for "Level 5" at the names' size. At 200 the Level 5 band
/// was 30 px wide there and went untitled, as if the map skipped a level.
const MIN_BAND_WIDTH: f32 = 500.0;
/// A sub-column is never narrower than this much label.
const MIN_LABEL_WIDTH: f32 = 48.0;

/// Where everything went.
pub(super) struct Placement {
    pub bands: Vec<Band>,
    pub at: Vec<Point>,
    pub width: f32,
    pub height: f32,
    /// For each position, the row it sits on, top to bottom.
    pub row: Vec<u32>,
}

/// Places every station on `plan`'s rows, leaving room for labels of `sizes`.
pub(super) fn place(
    network: &Network,
    sizes: &[Size],
    shapes: &[Shape],
    plan: &RowPlan,
) -> Placement {
    let first_x = &plan.first_x;
    let row = plan.rows(network.positions().len());
    let rows = row.iter().map(|&r| r as usize + 1).max().unwrap_or(0);
    // Each row sits below the previous one's shapes and labels.
    let mut reach = vec![(0.0f32, 0.0f32); rows];
    for (p, &r) in row.iter().enumerate() {
        let (up, down) = shapes[p].extent();
        let below = down + LABEL_GAP + sizes[p].height;
        let slot = &mut reach[r as usize];
        *slot = (slot.0.max(up), slot.1.max(below));
    }
    let mut y_of = Vec::with_capacity(rows);
    let mut floor = HEADER_HEIGHT;
    for &(up, below) in &reach {
        // Whole pixels keep every route vertex integral, so octilinear
        // segments stay exactly octilinear in f32.
        let y = (floor + ROW_GAP + up).ceil();
        y_of.push(y);
        floor = y + below;
    }
    let y: Vec<f32> = row.iter().map(|&r| y_of[r as usize]).collect();
    let (bands, x) = spread(network, first_x, &row, &y, sizes);
    let at = x.iter().zip(&y).map(|(&x, &y)| Point::new(x, y)).collect();
    let right = bands.last().map_or(MARGIN, |b: &Band| b.x + b.width);
    Placement {
        bands,
        at,
        width: (right + MARGIN).ceil(),
        height: (floor + MARGIN).ceil(),
        row,
    }
}

/// The bands and every station's x.
fn columns(network: &Network, sizes: &[Size]) -> (Vec<Band>, Vec<f32>) {
    let positions = network.positions();
    let mut levels: Vec<Level> = positions.iter().map(|p| p.level).collect();
    levels.sort_unstable();
    levels.dedup();
    let band_of: Vec<usize> = positions
        .iter()
        .map(|p| levels.binary_search(&p.level).unwrap_or(0))
        .collect();
    let depth = depths(network);
    let mut bands = Vec::with_capacity(levels.len());
    let mut x = vec![0.0; positions.len()];
    let mut left = MARGIN;
    for (b, &level) in levels.iter().enumerate() {
        let members: Vec<usize> = (0..positions.len()).filter(|&p| band_of[p] == b).collect();
        let members = || members.iter().copied();
        let subs = members().map(|p| depth[p] + 1).max().unwrap_or(1);
        let widest = members()
            .map(|p| sizes[p].width)
            .fold(MIN_LABEL_WIDTH, f32::max);
        let cell = (CORRIDOR + LABEL_INSET + widest + CELL_GAP).ceil();
        for p in members() {
            x[p] = left + BAND_PADDING + CORRIDOR + depth[p] as f32 * cell;
        }
        let width = (2.0 * BAND_PADDING + subs as f32 * cell).max(MIN_BAND_WIDTH);
        bands.push(Band {
            level,
            x: left,
            width,
            title: level.band_label().to_owned(),
        });
        left += width;
    }
    (bands, x)
}

/// Final x: every stretch of a line long enough for a single 45-degree
/// diagonal between its rows, up to [`MAX_DIAGONAL`] (taller drops run
/// down the corridor by their end station, where no labels are), every label clear of the next station on its row, and every band to the
/// right of the one before. Stations are placed level by level, and within
/// a level in their first order, so everything a station depends on is
/// already placed.
fn spread(
    network: &Network,
    first_x: &[f32],
    row: &[u32],
    y: &[f32],
    sizes: &[Size],
) -> (Vec<Band>, Vec<f32>) {
    let count = first_x.len();
    let positions = network.positions();
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by(|&a, &b| {
        (positions[a].level, first_x[a])
            .partial_cmp(&(positions[b].level, first_x[b]))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); count];
    for line in network.lines() {
        for (a, b) in line.stretches() {
            if a != b {
                before[b.get()].push(a.get());
            }
        }
    }
    // The station placed last on each row, for label room.
    let mut last_on_row: Vec<Option<usize>> =
        vec![None; row.iter().map(|&r| r as usize + 1).max().unwrap_or(0)];
    let mut placed = vec![false; count];
    let mut x = vec![0.0f32; count];
    let mut bands: Vec<Band> = Vec::new();
    let mut left = MARGIN;
    let mut right = MARGIN;
    for &p in &order {
        let level = positions[p].level;
        if bands.last().is_none_or(|b| b.level != level) {
            if let Some(band) = bands.last_mut() {
                band.width = (right + BAND_PADDING - band.x).max(MIN_BAND_WIDTH);
                left = band.x + band.width;
            }
            bands.push(Band {
                level,
                x: left,
                width: 0.0,
                title: level.band_label().to_owned(),
            });
            right = left;
        }
        let mut at = left + BAND_PADDING + CORRIDOR;
        for &q in &before[p] {
            if placed[q] {
                at = at.max(x[q] + (y[p] - y[q]).abs().min(MAX_DIAGONAL) + 2.0 * STUB_ROOM);
            }
        }
        if let Some(q) = last_on_row[row[p] as usize] {
            at = at.max(x[q] + LABEL_INSET + sizes[q].width + CELL_GAP + CORRIDOR);
        }
        x[p] = at.ceil();
        placed[p] = true;
        last_on_row[row[p] as usize] = Some(p);
        right = right.max(x[p] + LABEL_INSET + sizes[p].width.max(MIN_LABEL_WIDTH));
    }
    if let Some(band) = bands.last_mut() {
        band.width = (right + BAND_PADDING - band.x).max(MIN_BAND_WIDTH);
    }
    (bands, x)
}

/// Horizontal room a stretch keeps at each end before its diagonal (the
/// paths pass's stub, plus the spread of parallel lines).
const STUB_ROOM: f32 = 24.0;

/// The tallest drop a stretch makes as one 45-degree diagonal. A taller
/// one keeps only this much room and runs down the corridor by its end
/// station instead (the paths pass's "mostly vertical" step), as the
/// Underground's lines turn vertical. Diagonals as tall as the map made
/// it as wide as its height times its levels: on the shipped map, 8,199
/// by 3,557 (aspect 2.31), too small to read whole on a laptop. With this
/// cap it is 1.94, and the row-order search finds fewer crossings too
/// (50 against 75), as short diagonals cross fewer rows.
const MAX_DIAGONAL: f32 = 500.0;

/// For each position, the longest chain of same-level stretches of any line
/// that leads to it. A cycle of same-level stretches (one line goes a → b,
/// another b → a) is cut where it closes, so this always ends.
fn depths(network: &Network) -> Vec<usize> {
    let count = network.positions().len();
    let level = |p: PositionIndex| network.position(p).level;
    let flat: Vec<(usize, usize)> = network
        .lines()
        .iter()
        .flat_map(|l| l.stretches())
        .filter(|&(a, b)| a != b && level(a) == level(b))
        .map(|(a, b)| (a.get(), b.get()))
        .collect();
    let mut depth = vec![0usize; count];
    // Longest paths by relaxation: at most `count` rounds, and a depth never
    // exceeds the number of stretches, which cuts cycles.
    let cap = flat.len();
    for _ in 0..count {
        let mut changed = false;
        for &(a, b) in &flat {
            if depth[a] + 1 > depth[b] && depth[a] < cap {
                depth[b] = depth[a] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Level, Sector, sample};

    #[test]
    fn a_line_runs_along_one_row_and_same_level_stations_step_right() {
        let level = |n| Level::rqf(n).unwrap();
        let positions = vec![
            sample::position("a", level(2), Sector::General),
            sample::position("b", level(3), Sector::Digital),
            sample::position("c", level(3), Sector::Digital),
            sample::position("d", level(4), Sector::Digital),
        ];
        let lines = vec![sample::line("l", Sector::Digital, &[0, 1, 2, 3])];
        let network = Network::new(positions, lines, Vec::new(), Vec::new()).unwrap();
        let sizes = vec![Size::new(60.0, 16.0); 4];
        let shapes = vec![Shape::new(1, false); 4];
        let placed = place(&network, &sizes, &shapes, &RowPlan::new(&network, &sizes));
        let ys: Vec<f32> = placed.at.iter().map(|p| p.y).collect();
        assert!(ys.iter().all(|&y| y == ys[0]), "{ys:?}");
        let xs: Vec<f32> = placed.at.iter().map(|p| p.x).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
        assert_eq!(placed.bands.len(), 3);
    }
}
