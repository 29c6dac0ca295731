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

use super::{Band, HEADER_HEIGHT, Point, Shape, Size};
use crate::journey::{Level, LineIndex, Network, PositionIndex, Sector};

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

/// A change to the order of one block's rows, by places in that order.
#[derive(Clone, Copy, Debug)]
pub(super) enum RowMove {
    /// The rows at `from` and `to` trade places.
    Swap {
        block: usize,
        from: usize,
        to: usize,
    },
    /// The row at `from` is taken out and put back at `to`.
    Shift {
        block: usize,
        from: usize,
        to: usize,
    },
}

impl RowMove {
    /// How far the move reaches, then which block: the search tries near
    /// moves first.
    fn reach(&self) -> (usize, usize, usize) {
        let (RowMove::Swap { block, from, to } | RowMove::Shift { block, from, to }) = *self;
        (from.abs_diff(to), block, from.min(to))
    }
}

/// Where everything went.
pub(super) struct Placement {
    pub bands: Vec<Band>,
    pub at: Vec<Point>,
    pub width: f32,
    pub height: f32,
    /// For each position, the row it sits on, top to bottom.
    pub row: Vec<u32>,
}

/// Which rows the stations sit on, before the rows are put in order: each
/// station's (block, row in block), and the order of each block's rows top
/// to bottom. Any order of a block's rows is a valid layout, so the layout
/// pass can try others ([`RowPlan::apply`]).
#[derive(Clone)]
pub(super) struct RowPlan {
    first_x: Vec<f32>,
    home: Vec<Option<(usize, usize)>>,
    order: [Vec<usize>; 3],
}

impl RowPlan {
    /// The first-fit rows, in their first order (see [`rows`]).
    pub(super) fn new(network: &Network, sizes: &[Size]) -> RowPlan {
        let (_, first_x) = columns(network, sizes);
        let (home, order) = rows(network, &first_x, sizes);
        RowPlan {
            first_x,
            home,
            order,
        }
    }

    /// The plan with the rows of each block `flip` flags in the reverse
    /// order.
    pub(super) fn flipped(&self, flip: [bool; 3]) -> RowPlan {
        let mut plan = self.clone();
        for (order, _) in plan.order.iter_mut().zip(flip).filter(|(_, f)| *f) {
            order.reverse();
        }
        plan
    }

    /// Every move the row-order search tries, nearest first: each pair of
    /// rows of one block swapped, and each row of a block taken out and
    /// put back at another place (which keeps the rows between in their
    /// order, where a swap reverses both ends around them).
    pub(super) fn moves(&self) -> Vec<RowMove> {
        let mut moves: Vec<RowMove> = (0..3)
            .flat_map(|block| {
                let n = self.order[block].len();
                (0..n).flat_map(move |from| {
                    (0..n).filter(move |&to| to != from).flat_map(move |to| {
                        let shift = RowMove::Shift { block, from, to };
                        let swap = (from < to).then_some(RowMove::Swap { block, from, to });
                        // Neighbours shifted are a swap: try it once.
                        swap.into_iter()
                            .chain((from.abs_diff(to) > 1).then_some(shift))
                    })
                })
            })
            .collect();
        moves.sort_by_key(|m| m.reach());
        moves
    }

    /// Makes `change` to the order of its block's rows.
    pub(super) fn apply(&mut self, change: RowMove) {
        match change {
            RowMove::Swap { block, from, to } => self.order[block].swap(from, to),
            RowMove::Shift { block, from, to } => {
                let row = self.order[block].remove(from);
                self.order[block].insert(to, row);
            }
        }
    }

    /// Every station's row, top to bottom.
    fn rows(&self) -> Vec<u32> {
        let mut at: [Vec<usize>; 3] = Default::default();
        let mut offset = 0;
        for (b, order) in self.order.iter().enumerate() {
            at[b] = vec![0; order.len()];
            for (place, &row) in order.iter().enumerate() {
                at[b][row] = offset + place;
            }
            offset += order.len();
        }
        // Stations on no line get a row of their own at the bottom.
        self.home
            .iter()
            .map(|h| {
                h.map_or(offset, |(b, row)| at[b][row])
                    .try_into()
                    .unwrap_or(u32::MAX)
            })
            .collect()
    }
}

/// Places every station on `plan`'s rows, leaving room for labels of `sizes`.
pub(super) fn place(
    network: &Network,
    sizes: &[Size],
    shapes: &[Shape],
    plan: &RowPlan,
) -> Placement {
    let first_x = &plan.first_x;
    let row = plan.rows();
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

/// A stretch of one row taken by some of a line's stations.
struct Claim {
    from: f32,
    to: f32,
}

/// Every station's (block, row in block), and each block's rows in their
/// first order, top to bottom.
type Homes = (Vec<Option<(usize, usize)>>, [Vec<usize>; 3]);

/// Every station's row in its block, first fit.
fn rows(network: &Network, x: &[f32], sizes: &[Size]) -> Homes {
    let count = network.positions().len();
    let block = |l: LineIndex| match network.line(l).sector {
        Sector::Construction => 0,
        Sector::General => 1,
        Sector::Digital => 2,
    };
    // General lines first: they hold the hub stations every line leaves
    // from. Then each block fills rows outward from the hub, first fit,
    // so the lines that reach the hub first lie nearest to it.
    let mut homing: Vec<LineIndex> = network.line_indices().collect();
    homing.sort_by_key(|&l| (block(l) != 1, l));
    // Which run brings each station first, and what each such run needs
    // of a row: (block, from, to, its new stations).
    let mut homed = vec![false; count];
    let mut wanted: Vec<(usize, f32, f32, Vec<usize>)> = Vec::new();
    for &l in &homing {
        for run in &network.line(l).runs {
            let fresh: Vec<usize> = (0..run.len()).filter(|&i| !homed[run[i].get()]).collect();
            let (Some(&first), Some(&last)) = (fresh.first(), fresh.last()) else {
                continue;
            };
            // The row is taken from the station before the first new one
            // (the line runs along the row from there) to the last new
            // station's label, or the station after it.
            let departure = x[run[first.saturating_sub(1)].get()];
            let end = run[last].get();
            let to = run
                .get(last + 1)
                .map_or(x[end], |next| x[next.get()])
                .max(x[end] + sizes[end].width)
                + CELL_GAP;
            let stations: Vec<usize> = fresh.iter().map(|&i| run[i].get()).collect();
            for &p in &stations {
                homed[p] = true;
            }
            wanted.push((block(l), departure - CELL_GAP, to, stations));
        }
    }
    // Rows fill outward from the hub in line order, first fit: a line's
    // runs stay on neighbouring rows, and the first lines lie nearest the
    // hub. (Sorting runs by where they leave the hub instead scattered
    // each line's runs and doubled the crossings.)
    let mut home: Vec<Option<(usize, usize)>> = vec![None; count];
    let mut blocks: [Vec<Vec<Claim>>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (b, from, to, stations) in wanted {
        let claims = &mut blocks[b];
        let row = (0..)
            .find(|&r| {
                claims.get(r).is_none_or(|taken: &Vec<Claim>| {
                    taken.iter().all(|c| c.to < from || c.from > to)
                })
            })
            .unwrap_or(0);
        if row == claims.len() {
            claims.push(Vec::new());
        }
        claims[row].push(Claim { from, to });
        for p in stations {
            home[p] = Some((b, row));
        }
    }
    // Top to bottom: construction rows farthest first, then the general
    // rows with the first (the hub) in the middle, then digital rows
    // nearest first.
    let [construction, general, digital] = blocks.map(|rows| rows.len());
    let order = [
        (0..construction).rev().collect(),
        (1..general)
            .step_by(2)
            .rev()
            .chain((0..general).step_by(2))
            .collect(),
        (0..digital).collect(),
    ];
    (home, order)
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
