//! Pass "order": the vertical order of stations within each level band.
//!
//! Sugiyama-style barycentric sweeps with the layers given by the levels:
//! each station moves to the average position of its neighbours in the
//! bands already swept, alternately left to right and right to left. The
//! number of sweeps is fixed and ties go to the lower position index, so
//! the result never depends on timing or hashing.

use crate::journey::{Level, Network, PositionIndex, Sector};
use crate::network::CareerGraph;

/// Forward and backward sweeps, in total. Gains flatten out after a few
/// round trips on the generated network.
const SWEEPS: usize = 8;

/// Steps within a band pull stations together, but less than steps between
/// bands, which are what lines cross on.
const SAME_BAND_WEIGHT: f32 = 0.5;

/// One level's stations, top to bottom.
pub(super) struct Column {
    pub level: Level,
    pub members: Vec<PositionIndex>,
}

/// For each position, the positions a journey steps to or from it, with how
/// many journeys take that step (both directions added together).
pub(super) fn neighbours(network: &Network, graph: &CareerGraph) -> Vec<Vec<(u32, f32)>> {
    let mut adjacent: Vec<Vec<(u32, f32)>> = vec![Vec::new(); network.positions().len()];
    for (from, to, connection) in graph.connections() {
        if from == to {
            continue;
        }
        let weight = connection.traffic() as f32;
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
                .journeys_at(p)
                .first()
                .map(|&j| network.journey(j).sector)
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
