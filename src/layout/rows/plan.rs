//! Which row each station sits on, and the changes the row search makes.
//!
//! Every run of a line that brings new stations gets a stretch of some row,
//! and those stations sit on it. Runs share a row where their stretches do
//! not overlap, and rows come in three blocks by sector. Any order of a
//! block's rows, and any row a run fits on, is a valid layout, so the
//! layout pass searches them ([`RowPlan::apply`]).

use super::{CELL_GAP, Size, columns};
use crate::journey::{LineIndex, Network, Sector};

/// A change to a [`RowPlan`]: to the order of one block's rows, by places
/// in that order, or to the row one run sits on.
#[derive(Clone, Copy, Debug)]
pub(in crate::layout) enum RowMove {
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
    /// Run `run` moves to the row `row` (an id, not a place) of its block.
    Rehome { run: usize, row: usize },
}

impl RowMove {
    /// How far the move reaches, then which block: the search tries near
    /// moves first, and a run to another row last (trying those first
    /// ended the shipped map's search with 85 crossings, against 55).
    fn reach(&self) -> (usize, usize, usize) {
        match *self {
            RowMove::Swap { block, from, to } | RowMove::Shift { block, from, to } => {
                (from.abs_diff(to), block, from.min(to))
            }
            RowMove::Rehome { run, row } => (usize::MAX, run, row),
        }
    }
}

/// A run of a line that brings stations no earlier run had, and the
/// stretch of row it needs: from the station before its first new one
/// (the line runs along the row from there) to its last new station's
/// label, or the station after it.
#[derive(Clone)]
struct Run {
    block: usize,
    from: f32,
    to: f32,
    stations: Vec<usize>,
    /// The row it sits on: an id within its block, not a place.
    row: usize,
}

impl Run {
    /// Whether the two runs' stretches overlap, so they cannot share a row.
    fn overlaps(&self, other: &Run) -> bool {
        !(other.to < self.from || other.from > self.to)
    }
}

/// Which rows the stations sit on, and each block's rows in order.
#[derive(Clone)]
pub(in crate::layout) struct RowPlan {
    /// Every station's x before the rows are known (see [`columns`]).
    pub(super) first_x: Vec<f32>,
    runs: Vec<Run>,
    /// Each block's row ids, top to bottom. A row no run sits on any more
    /// is left out, so it takes no room.
    order: [Vec<usize>; 3],
}

impl RowPlan {
    /// The first-fit rows, in their first order (see [`first_fit`]).
    pub(in crate::layout) fn new(network: &Network, sizes: &[Size]) -> RowPlan {
        let (_, first_x) = columns(network, sizes);
        let (runs, order) = first_fit(network, &first_x, sizes);
        RowPlan {
            first_x,
            runs,
            order,
        }
    }

    /// The plan with the rows of each block `flip` flags in the reverse
    /// order.
    pub(in crate::layout) fn flipped(&self, flip: [bool; 3]) -> RowPlan {
        let mut plan = self.clone();
        for (order, _) in plan.order.iter_mut().zip(flip).filter(|(_, f)| *f) {
            order.reverse();
        }
        plan
    }

    /// Every move the row search tries, nearest first: each pair of rows
    /// of one block swapped, each row of a block taken out and put back at
    /// another place (which keeps the rows between in their order, where a
    /// swap reverses both ends around them), and each run moved to each
    /// other row of its block it fits on. First fit packs runs in line
    /// order, so a branch can share a row with a line it then has to cross.
    pub(in crate::layout) fn moves(&self) -> Vec<RowMove> {
        let orders = (0..3).flat_map(|block| {
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
        });
        let homes = self.runs.iter().enumerate().flat_map(|(run, r)| {
            self.order[r.block]
                .iter()
                .filter(move |&&row| self.fits(run, row))
                .map(move |&row| RowMove::Rehome { run, row })
        });
        let mut moves: Vec<RowMove> = orders.chain(homes).collect();
        moves.sort_by_key(|m| m.reach());
        moves
    }

    /// Makes `change`, if it can still be made: a search makes its moves
    /// one after another, and a move made can leave a later one out of
    /// date (a row emptied, another row now too full for a run).
    pub(in crate::layout) fn apply(&mut self, change: RowMove) -> bool {
        match change {
            RowMove::Swap { block, from, to } | RowMove::Shift { block, from, to }
                if from.max(to) >= self.order[block].len() =>
            {
                false
            }
            RowMove::Swap { block, from, to } => {
                self.order[block].swap(from, to);
                true
            }
            RowMove::Shift { block, from, to } => {
                let row = self.order[block].remove(from);
                self.order[block].insert(to, row);
                true
            }
            RowMove::Rehome { run, row } => {
                let block = self.runs[run].block;
                if !self.order[block].contains(&row) || !self.fits(run, row) {
                    return false;
                }
                let left = std::mem::replace(&mut self.runs[run].row, row);
                let emptied = !self.runs.iter().any(|r| r.block == block && r.row == left);
                if emptied {
                    self.order[block].retain(|&r| r != left);
                }
                true
            }
        }
    }

    /// Whether run `run` could move to row `row` of its block: another row,
    /// with no run there in its way.
    fn fits(&self, run: usize, row: usize) -> bool {
        let moving = &self.runs[run];
        moving.row != row
            && self
                .runs
                .iter()
                .filter(|r| r.block == moving.block && r.row == row)
                .all(|r| !r.overlaps(moving))
    }

    /// Every station's row, top to bottom (`count` stations). Stations on
    /// no line get a row of their own at the bottom.
    pub(super) fn rows(&self, count: usize) -> Vec<u32> {
        let mut place: [Vec<usize>; 3] = Default::default();
        let mut offset = 0;
        for (b, order) in self.order.iter().enumerate() {
            place[b] = vec![0; order.iter().max().map_or(0, |&id| id + 1)];
            for (at, &row) in order.iter().enumerate() {
                place[b][row] = offset + at;
            }
            offset += order.len();
        }
        let mut rows = vec![offset; count];
        for run in &self.runs {
            for &p in &run.stations {
                rows[p] = place[run.block][run.row];
            }
        }
        rows.into_iter()
            .map(|r| r.try_into().unwrap_or(u32::MAX))
            .collect()
    }
}

/// Every run's row in its block, first fit, and each block's rows in their
/// first order, top to bottom.
fn first_fit(network: &Network, x: &[f32], sizes: &[Size]) -> (Vec<Run>, [Vec<usize>; 3]) {
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
    let mut homed = vec![false; count];
    let mut runs: Vec<Run> = Vec::new();
    for &l in &homing {
        for run in &network.line(l).runs {
            let fresh: Vec<usize> = (0..run.len()).filter(|&i| !homed[run[i].get()]).collect();
            let (Some(&first), Some(&last)) = (fresh.first(), fresh.last()) else {
                continue;
            };
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
            runs.push(Run {
                block: block(l),
                from: departure - CELL_GAP,
                to,
                stations,
                row: 0,
            });
        }
    }
    // Rows fill outward from the hub in line order, first fit: a line's
    // runs stay on neighbouring rows, and the first lines lie nearest the
    // hub. (Sorting runs by where they leave the hub instead scattered
    // each line's runs and doubled the crossings.) Each row keeps the
    // stretches taken on it, so a national-scale map packs quickly.
    let mut taken: [Vec<Vec<(f32, f32)>>; 3] = Default::default();
    for run in &mut runs {
        let rows = &mut taken[run.block];
        let free =
            |row: &Vec<(f32, f32)>| row.iter().all(|&(from, to)| to < run.from || from > run.to);
        let row = rows.iter().position(free).unwrap_or(rows.len());
        if row == rows.len() {
            rows.push(Vec::new());
        }
        rows[row].push((run.from, run.to));
        run.row = row;
    }
    // Top to bottom: construction rows farthest first, then the general
    // rows with the first (the hub) in the middle, then digital rows
    // nearest first.
    let [construction, general, digital] = taken.map(|rows| rows.len());
    let order = [
        (0..construction).rev().collect(),
        (1..general)
            .step_by(2)
            .rev()
            .chain((0..general).step_by(2))
            .collect(),
        (0..digital).collect(),
    ];
    (runs, order)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan of digital runs (block 2) only, from `(from, to, row)`, one
    /// station each, plus one station on no line.
    fn plan(runs: &[(f32, f32, usize)], order: Vec<usize>) -> RowPlan {
        let runs = runs
            .iter()
            .enumerate()
            .map(|(i, &(from, to, row))| Run {
                block: 2,
                from,
                to,
                stations: vec![i],
                row,
            })
            .collect();
        RowPlan {
            first_x: Vec::new(),
            runs,
            order: [Vec::new(), Vec::new(), order],
        }
    }

    #[test]
    fn a_run_may_move_only_to_a_row_where_it_overlaps_no_other_run() {
        let plan = plan(
            &[(0.0, 100.0, 0), (50.0, 150.0, 1), (200.0, 300.0, 1)],
            vec![0, 1],
        );
        let homes: Vec<(usize, usize)> = plan
            .moves()
            .into_iter()
            .filter_map(|m| match m {
                RowMove::Rehome { run, row } => Some((run, row)),
                _ => None,
            })
            .collect();
        assert_eq!(homes, vec![(2, 0)]);
    }

    #[test]
    fn a_moved_run_takes_its_stations_and_an_emptied_row_takes_no_room() {
        let mut plan = plan(&[(0.0, 100.0, 0), (200.0, 300.0, 1)], vec![0, 1]);
        assert_eq!(plan.rows(3), vec![0, 1, 2]);
        assert!(plan.apply(RowMove::Rehome { run: 1, row: 0 }));
        // Both on the top row; the station on no line is right below.
        assert_eq!(plan.rows(3), vec![0, 0, 1]);
        // A move made out of date by an earlier one is not made.
        let swap = RowMove::Swap {
            block: 2,
            from: 0,
            to: 1,
        };
        assert!(!plan.apply(swap));
        assert!(!plan.apply(RowMove::Rehome { run: 0, row: 1 }));
        assert_eq!(plan.rows(3), vec![0, 0, 1]);
    }
}
