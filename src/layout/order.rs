//! Pass "order": the vertical order of stations within each level band.
//!
//! Sugiyama-style barycentric sweeps with the layers given by the levels:
//! each station moves to the average position of its neighbours in the
//! bands already swept, alternately left to right and right to left. The
//! number of sweeps is fixed and ties go to the lower position index, so
//! the result never depends on timing or hashing.
//!
//! Averages only roughly cut crossings, so [`refine`] then sifts each
//! station to the place in its band where a traffic-weighted count of the
//! crossings it takes part in is lowest, given a placement of the current
//! order.

use crate::journey::{Level, Network, PositionIndex, Sector};
use crate::network::CareerGraph;
use std::cmp::Ordering;

/// Forward and backward sweeps, in total. Gains flatten out after a few
/// round trips on the generated network.
const SWEEPS: usize = 8;

/// Steps within a band pull stations together, but less than steps between
/// bands, which are what lines cross on.
const SAME_BAND_WEIGHT: f32 = 0.5;

/// How much one journey along a track adds to its pull, against 1 per line.
const TRAFFIC_WEIGHT: f32 = 0.1;

/// The pull of an out-of-station connection, against 1 per line.
const CONNECTION_WEIGHT: f32 = 0.5;

/// One level's stations, top to bottom.
pub(super) struct Column {
    pub level: Level,
    pub members: Vec<PositionIndex>,
}

/// For each position, the positions a track joins it to, with how strongly
/// they pull together (both directions added together).
pub(super) fn neighbours(network: &Network, graph: &CareerGraph) -> Vec<Vec<(u32, f32)>> {
    let mut adjacent: Vec<Vec<(u32, f32)>> = vec![Vec::new(); network.positions().len()];
    for (from, to, track) in graph.tracks() {
        if from == to {
            continue;
        }
        // Lines hold the map together; traffic only breaks ties between
        // them. A connection pulls its stations together a little: it is
        // drawn, and shorter is easier to follow.
        let weight = if track.is_connection() {
            CONNECTION_WEIGHT
        } else {
            track.lines.len() as f32 + TRAFFIC_WEIGHT * track.traffic() as f32
        };
        adjacent[from.get()].push((to.0, weight));
        adjacent[to.get()].push((from.0, weight));
    }
    for list in &mut adjacent {
        list.sort_by_key(|&(q, _)| q);
        // Merge a→b and b→a into one neighbour.
        list.dedup_by(|later, earlier| {
            if later.0 == earlier.0 {
                earlier.1 += later.1;
                true
            } else {
                false
            }
        });
    }
    adjacent
}

/// The bands, lowest level first, each with its stations in order.
pub(super) fn order(
    network: &Network,
    graph: &CareerGraph,
    neighbours: &[Vec<(u32, f32)>],
) -> Vec<Column> {
    let positions = network.positions();
    let mut levels: Vec<Level> = positions.iter().map(|p| p.level).collect();
    levels.sort_unstable();
    levels.dedup();
    let band_of: Vec<usize> = positions
        .iter()
        .map(|p| levels.binary_search(&p.level).unwrap_or(0))
        .collect();
    // Seed with sectors grouped, so that journeys of one sector start out
    // together and the sweeps, which keep order where they have no reason
    // to change it, tend to leave them so.
    let sector: Vec<Option<Sector>> = network
        .position_indices()
        .map(|p| {
            graph
                .lines_at(p)
                .first()
                .map(|&l| network.line(l).sector)
                .or_else(|| network.position(p).sectors.first().copied())
        })
        .collect();
    let mut columns: Vec<Vec<u32>> = vec![Vec::new(); levels.len()];
    for (p, &band) in band_of.iter().enumerate() {
        columns[band].push(p as u32);
    }
    for column in &mut columns {
        column.sort_by_key(|&p| (sector[p as usize], p));
    }

    // Relative place in the band, 0 to 1, so bands of different sizes compare.
    let mut place = vec![0.0f32; positions.len()];
    let mut key = vec![0.0f32; positions.len()];
    for column in &columns {
        spread(column, &mut place);
    }
    for sweep in 0..SWEEPS {
        let forward = sweep % 2 == 0;
        for step in 0..columns.len() {
            let band = if forward {
                step
            } else {
                columns.len() - 1 - step
            };
            for &p in &columns[band] {
                let (mut sum, mut weight) = (0.0f32, 0.0f32);
                for &(q, w) in &neighbours[p as usize] {
                    let other = band_of[q as usize];
                    let w = if other == band {
                        w * SAME_BAND_WEIGHT
                    } else if (other < band) == forward {
                        w
                    } else {
                        continue;
                    };
                    sum += place[q as usize] * w;
                    weight += w;
                }
                key[p as usize] = if weight > 0.0 {
                    sum / weight
                } else {
                    place[p as usize]
                };
            }
            columns[band]
                .sort_by(|&a, &b| key[a as usize].total_cmp(&key[b as usize]).then(a.cmp(&b)));
            spread(&columns[band], &mut place);
        }
    }
    levels
        .into_iter()
        .zip(columns)
        .map(|(level, members)| Column {
            level,
            members: members.into_iter().map(PositionIndex).collect(),
        })
        .collect()
}

fn spread(column: &[u32], place: &mut [f32]) {
    let count = column.len() as f32;
    for (rank, &p) in column.iter().enumerate() {
        place[p as usize] = (rank as f32 + 0.5) / count;
    }
}

/// Moves each station to the place in its band where its lines cross the
/// fewest others, given where everything else is drawn (`y`, from a
/// placement of the current order). One round of sifting per call.
///
/// The sweeps above only see averages; this counts crossings, weighted by
/// traffic, much as the drawing will have them:
///
/// * two steps leaving the band on the same side cross when their far ends
///   are in the other order, compared where the shorter one ends (the
///   longer is taken as straight up to there);
/// * a step within the band runs down a corridor beside the stations it
///   passes, so it crosses every line reaching those stations from the left.
///
/// Moving a station past its neighbour in the order only changes the
/// crossings between the two of them, so each candidate place costs a few
/// comparisons and the best place in the band is found in one pass down it.
/// A station only moves when that strictly lowers the count, so repeated
/// rounds settle. Returns how many stations moved.
pub(super) fn refine(columns: &mut [Column], neighbours: &[Vec<(u32, f32)>], y: &[f32]) -> usize {
    let mut model = Model::new(columns, neighbours, y);
    let mut rank = vec![0.0f32; neighbours.len()];
    let mut moves = 0;
    for column in columns.iter_mut() {
        let members = &mut column.members;
        for (r, p) in members.iter().enumerate() {
            rank[p.get()] = r as f32;
        }
        let mut i = 0;
        while i < members.len() {
            let v = members[i].get();
            // Gain of moving `v` up (then down) past each station in turn.
            let (mut best, mut best_at) = (0.0f32, i);
            let mut cost = 0.0f32;
            let above = i.saturating_sub(WINDOW);
            for (k, u) in members[above..i].iter().enumerate().rev() {
                cost -= model.swap(u.get(), v, &rank);
                if cost < best - 0.5 {
                    (best, best_at) = (cost, above + k);
                }
            }
            cost = 0.0;
            let below = members.len().min(i + 1 + WINDOW);
            for (k, u) in members[i + 1..below].iter().enumerate() {
                cost += model.swap(u.get(), v, &rank);
                if cost < best - 0.5 {
                    (best, best_at) = (cost, i + 1 + k);
                }
            }
            // Only a strict gain moves a station, so ties keep the order.
            // Traffic counts whole journeys, so a real gain is at least 1
            // and the 0.5 margin only guards against rounding; every move
            // lowers the count, so the loop ends.
            if best_at == i {
                i += 1;
                continue;
            }
            moves += 1;
            let p = members.remove(i);
            members.insert(best_at, p);
            let (lo, hi) = (i.min(best_at), i.max(best_at));
            for (r, p) in members.iter().enumerate().take(hi + 1).skip(lo) {
                rank[p.get()] = r as f32;
            }
            if best_at < i {
                i += 1;
            }
            // Moved down: the station now at `i` has not been sifted yet.
        }
        // Placement keeps heights increasing down a band, so the band's
        // heights, handed out again in the new order, are what the bands
        // refined after it should see.
        let mut heights: Vec<f32> = members.iter().map(|p| model.y[p.get()]).collect();
        heights.sort_by(f32::total_cmp);
        for (p, h) in members.iter().zip(heights) {
            model.y[p.get()] = h;
        }
    }
    moves
}

/// How far, in places, [`refine`] looks each way for a better place for a
/// station. Wider windows did not cut real crossings further on the shipped
/// content or the generated network (the count is only an estimate of the
/// drawing), and cost time on the generated network's big bands.
const WINDOW: usize = 24;

/// A step from a station to another band, as [`refine`] prices it.
#[derive(Clone, Copy)]
struct Far {
    /// The station at the other end.
    to: u32,
    /// How many bands away it is (at least 1).
    span: u16,
    /// Traffic.
    weight: f32,
}

/// Every station's steps, split by where they go, in flat arrays: the
/// pair comparisons in [`refine`] are the hot loop of the whole layout.
struct Model {
    y: Vec<f32>,
    /// Station `p`'s steps to lower bands are `far[lower[p]..higher[p]]`,
    /// to higher bands `far[higher[p]..lower[p + 1]]`.
    far: Vec<Far>,
    lower: Vec<u32>,
    higher: Vec<u32>,
    /// Station `p`'s steps within its band are
    /// `within[level[p]..level[p + 1]]`.
    within: Vec<(u32, f32)>,
    level: Vec<u32>,
    /// Traffic reaching each station from lower bands: what a corridor run
    /// past it crosses.
    from_left: Vec<f32>,
}

impl Model {
    fn new(columns: &[Column], neighbours: &[Vec<(u32, f32)>], y: &[f32]) -> Model {
        let total = neighbours.len();
        let mut band_of = vec![0usize; total];
        for (band, column) in columns.iter().enumerate() {
            for p in &column.members {
                band_of[p.get()] = band;
            }
        }
        let mut model = Model {
            y: y.to_vec(),
            far: Vec::new(),
            lower: Vec::with_capacity(total + 1),
            higher: Vec::with_capacity(total),
            within: Vec::new(),
            level: Vec::with_capacity(total + 1),
            from_left: vec![0.0; total],
        };
        for (p, list) in neighbours.iter().enumerate() {
            let here = band_of[p];
            let far = |&(q, weight): &(u32, f32)| Far {
                to: q,
                span: band_of[q as usize].abs_diff(here) as u16,
                weight,
            };
            model.lower.push(model.far.len() as u32);
            let lower = list.iter().filter(|&&(q, _)| band_of[q as usize] < here);
            model.from_left[p] = lower.clone().map(|&(_, w)| w).sum();
            model.far.extend(lower.map(far));
            model.higher.push(model.far.len() as u32);
            let higher = list.iter().filter(|&&(q, _)| band_of[q as usize] > here);
            model.far.extend(higher.map(far));
            model.level.push(model.within.len() as u32);
            let level = list.iter().filter(|&&(q, _)| band_of[q as usize] == here);
            model.within.extend(level.copied());
        }
        model.lower.push(model.far.len() as u32);
        model.level.push(model.within.len() as u32);
        model
    }

    /// How many more crossings there are with `u` directly above `v` than
    /// with `v` directly above `u`, for two stations of one band. `rank`
    /// places the band's other stations above or below the pair.
    fn swap(&self, u: usize, v: usize, rank: &[f32]) -> f32 {
        let lower = |p: usize| &self.far[self.lower[p] as usize..self.higher[p] as usize];
        let higher = |p: usize| &self.far[self.higher[p] as usize..self.lower[p + 1] as usize];
        let (yu, yv) = (self.y[u], self.y[v]);
        let mut delta = self.sides(lower(u), lower(v), yu, yv);
        delta += self.sides(higher(u), higher(v), yu, yv);
        // A corridor run from `u` to a station below the pair passes `v`
        // when `u` is on top; one to a station above passes it when `u` is
        // below. Likewise for `v`'s runs past `u`.
        let pivot = rank[u];
        let within = |p: usize| &self.within[self.level[p] as usize..self.level[p + 1] as usize];
        for &(a, w) in within(u) {
            if a as usize != v {
                delta += w * self.from_left[v] * (rank[a as usize] - pivot).signum();
            }
        }
        for &(c, w) in within(v) {
            if c as usize != u {
                delta += w * self.from_left[u] * (pivot - rank[c as usize]).signum();
            }
        }
        delta
    }

    /// Crossings between steps of `u` and of `v` that leave on one side,
    /// with `u` above `v`, less those with `v` above `u`. Two steps are
    /// compared where the shorter ends, the longer taken as straight up to
    /// there.
    fn sides(&self, of_u: &[Far], of_v: &[Far], yu: f32, yv: f32) -> f32 {
        let mut delta = 0.0;
        for a in of_u {
            for c in of_v {
                if a.to == c.to {
                    continue;
                }
                let (ya, yc) = (self.y[a.to as usize], self.y[c.to as usize]);
                let (p, q) = match a.span.cmp(&c.span) {
                    Ordering::Equal => (ya, yc),
                    Ordering::Less => (ya, yv + (yc - yv) * f32::from(a.span) / f32::from(c.span)),
                    Ordering::Greater => {
                        (yu + (ya - yu) * f32::from(c.span) / f32::from(a.span), yc)
                    }
                };
                // Crossing when `u` is on top and its step ends lower, and
                // the other way about.
                if p > q {
                    delta += a.weight * c.weight;
                } else if q > p {
                    delta -= a.weight * c.weight;
                }
            }
        }
        delta
    }
}
