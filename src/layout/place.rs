//! Pass "place": coordinates for every station.
//!
//! A band is a staggered grid: station `k` of the band's order goes in
//! sub-column `k % sub_columns`, a little lower than station `k - 1`. Each
//! sub-column is wide enough for the band's widest label, and a station sits
//! below the previous station of its sub-column *and that station's label*.
//! So the default label spot (below-right of the station) can never touch
//! another label or station, whatever the content: the zero-overlap target
//! holds by construction, and the label pass only has to keep it.

use super::order::Column;
use super::{Band, HEADER_HEIGHT, Point, Shape};
use crate::journey::PositionIndex;

/// Blank space around the whole map.
pub(super) const MARGIN: f32 = 40.0;
/// Space inside a band's edges.
const BAND_PADDING: f32 = 16.0;
/// Space left of each station, where lines changing row within a band run
/// vertically without crossing labels.
const CORRIDOR: f32 = 28.0;
/// A label starts this far right of its station's centre.
pub(super) const LABEL_INSET: f32 = 4.0;
/// Gap between a station's shape and its label.
pub(super) const LABEL_GAP: f32 = 3.0;
/// Space after the widest label of a sub-column.
const CELL_GAP: f32 = 12.0;
/// Gap between a label and the next station below it.
const ROW_GAP: f32 = 6.0;
/// Least vertical distance between consecutive stations of a band, which
/// sit in different sub-columns: keeps a line leaving one station from
/// running straight through the next.
const MIN_PITCH: f32 = 12.0;
/// Room for the band title even when labels are narrow.
const MIN_BAND_WIDTH: f32 = 200.0;
/// A sub-column is never narrower than this much label.
const MIN_LABEL_WIDTH: f32 = 48.0;

/// Where everything went.
pub(super) struct Placement {
    pub bands: Vec<Band>,
    pub at: Vec<Point>,
    pub width: f32,
    pub height: f32,
}

/// Rounds of vertical placement after the first, alternating right to left
/// and left to right, each fitting every band to both its neighbours.
const ROUNDS: usize = 3;

/// Places the stations of `columns`.
///
/// Each band's stations first get their packed heights (as high as the
/// spacing rules allow, in order). Then every band slides its stations down
/// towards the heights of the stations they connect to, as a least-squares
/// fit that keeps the packed gaps as minimums, so the rules still hold.
pub(super) fn place(
    columns: &[Column],
    neighbours: &[Vec<(u32, f32)>],
    sizes: &[(f32, f32)],
    shapes: &[Shape],
) -> Placement {
    let total = sizes.len();
    // Aim for a roughly landscape map: about 1.3·√n stations down a
    // sub-column before a band gets another sub-column.
    let rows = ((total as f32).sqrt() * 1.3).ceil().max(24.0) as usize;
    let mut at = vec![Point::new(0.0, 0.0); total];
    let mut packed = vec![0.0f32; total];
    let mut bands = Vec::with_capacity(columns.len());
    let mut x = MARGIN;
    for column in columns {
        let count = column.members.len();
        let subs = count.div_ceil(rows).max(1);
        let widest = column
            .members
            .iter()
            .map(|p| sizes[p.get()].0)
            .fold(MIN_LABEL_WIDTH, f32::max);
        let cell = (CORRIDOR + LABEL_INSET + widest + CELL_GAP).ceil();
        let width = (2.0 * BAND_PADDING + subs as f32 * cell).max(MIN_BAND_WIDTH);
        // The lowest thing so far in each sub-column, label included.
        let mut floors = vec![HEADER_HEIGHT; subs];
        let mut previous = f32::NEG_INFINITY;
        for (rank, &p) in column.members.iter().enumerate() {
            let sub = rank % subs;
            let (up, down) = shapes[p.get()].extent();
            // Whole pixels keep every route vertex integral, so octilinear
            // segments stay exactly octilinear in f32.
            let y = (floors[sub] + ROW_GAP + up)
                .max(previous + MIN_PITCH)
                .ceil();
            at[p.get()] = Point::new(x + BAND_PADDING + sub as f32 * cell + CORRIDOR, y);
            packed[p.get()] = y;
            floors[sub] = y + down + LABEL_GAP + sizes[p.get()].1;
            previous = y;
        }
        bands.push(Band {
            level: column.level,
            x,
            width,
            title: column.level.band_label().to_owned(),
        });
        x += width;
    }

    let mut placed = vec![false; total];
    for round in 0..=ROUNDS {
        let backward = round % 2 == 1;
        for step in 0..columns.len() {
            let band = if backward {
                columns.len() - 1 - step
            } else {
                step
            };
            let members = &columns[band].members;
            let targets: Vec<Option<(f32, f32)>> = members
                .iter()
                .map(|p| wanted_y(&neighbours[p.get()], &at, &placed))
                .collect();
            let slides = fit(members, &packed, &targets);
            for (&p, slide) in members.iter().zip(slides) {
                at[p.get()].y = packed[p.get()] + slide;
                placed[p.get()] = true;
            }
        }
    }

    let bottom = columns
        .iter()
        .flat_map(|c| &c.members)
        .map(|p| at[p.get()].y + shapes[p.get()].extent().1 + LABEL_GAP + sizes[p.get()].1)
        .fold(HEADER_HEIGHT, f32::max);
    Placement {
        bands,
        at,
        width: (x + MARGIN).ceil(),
        height: (bottom + MARGIN).ceil(),
    }
}

/// How far down to slide each station of a band from its packed height:
/// never up, never less than the station above it (so every packed gap
/// survives), and otherwise as close to its target as a weighted
/// least-squares fit gets. That is isotonic regression, solved exactly in
/// one pass by pooling adjacent violators.
fn fit(members: &[PositionIndex], packed: &[f32], targets: &[Option<(f32, f32)>]) -> Vec<f32> {
    // (weight, weighted sum, count) of runs that slide together.
    let mut pools: Vec<(f32, f32, usize)> = Vec::new();
    for (&p, target) in members.iter().zip(targets) {
        // A station with nowhere to go gets a feather weight, so it simply
        // moves with its neighbours in the order.
        let (wanted, weight) = target.map_or((0.0, 1e-4), |(y, w)| (y - packed[p.get()], w));
        pools.push((weight, wanted * weight, 1));
        while pools.len() >= 2 {
            let (w1, s1, n1) = pools[pools.len() - 1];
            let (w0, s0, n0) = pools[pools.len() - 2];
            if s0 / w0 < s1 / w1 {
                break;
            }
            pools.pop();
            let last = pools.len() - 1;
            pools[last] = (w0 + w1, s0 + s1, n0 + n1);
        }
    }
    pools
        .into_iter()
        .flat_map(|(w, s, n)| std::iter::repeat_n((s / w).max(0.0).round(), n))
        .collect()
}

/// The traffic-weighted mean height of the placed neighbours, and the
/// total traffic.
fn wanted_y(neighbours: &[(u32, f32)], at: &[Point], placed: &[bool]) -> Option<(f32, f32)> {
    let (mut sum, mut weight) = (0.0f32, 0.0f32);
    for &(q, w) in neighbours {
        if placed[q as usize] {
            sum += at[q as usize].y * w;
            weight += w;
        }
    }
    (weight > 0.0).then(|| (sum / weight, weight))
}
