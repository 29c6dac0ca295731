//! "Where can this lead?": every station reachable from one, by level.

use super::Constraints;
use crate::graph::CareerGraph;
use crate::journey::{Level, PositionIndex};
use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// A station reachable from the start, and the fewest steps to get there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reached {
    /// The station.
    pub position: PositionIndex,
    /// The fewest steps (edges) from the start; at least 1.
    pub steps: usize,
}

/// Every station reachable from `from` along the direction people went,
/// keeping to `constraints` (the start itself is exempt, as in
/// [`super::plan`]), grouped by level from Entry up. Only levels with a
/// station appear; within a level, nearest first, then in position order.
/// The start is not listed, even if a journey loops back to it. An index
/// outside the network reaches nothing.
///
/// ```
/// use tubemap::journey::{Level, PositionIndex, sample};
/// use tubemap::graph::CareerGraph;
/// use tubemap::route::{Constraints, reach};
///
/// let network = sample::two_lines();
/// let graph = CareerGraph::new(network.clone());
/// let levels = reach(&graph, PositionIndex(0), &Constraints::default());
/// let summary: Vec<(Level, Vec<(u32, usize)>)> = levels
///     .into_iter()
///     .map(|(level, at)| (level, at.iter().map(|r| (r.position.0, r.steps)).collect()))
///     .collect();
/// let l = |n| Level::rqf(n).unwrap();
/// assert_eq!(
///     summary,
///     vec![(l(2), vec![(1, 1)]), (l(4), vec![(2, 2)]), (l(5), vec![(3, 2)])]
/// );
/// ```
pub fn reach(
    graph: &CareerGraph,
    from: PositionIndex,
    constraints: &Constraints,
) -> Vec<(Level, Vec<Reached>)> {
    let network = graph.network();
    let steps = fewest_steps(graph, from, |p| constraints.allows(network, p));
    let mut by_level: Vec<(Level, Vec<Reached>)> = Level::all().map(|l| (l, Vec::new())).collect();
    for (i, s) in steps.iter().enumerate() {
        let position = PositionIndex(i as u32);
        let (Some(steps), Some(p)) = (*s, network.positions().get(i)) else {
            continue;
        };
        if position == from {
            continue;
        }
        if let Some((_, at)) = by_level.get_mut(usize::from(p.level.rank())) {
            at.push(Reached { position, steps });
        }
    }
    by_level.retain(|(_, at)| !at.is_empty());
    for (_, at) in &mut by_level {
        at.sort_by_key(|r| (r.steps, r.position));
    }
    by_level
}

/// Breadth-first: for each position, the fewest steps from `from` through
/// positions that `allowed` accepts (`from` itself always is), or `None`.
pub(super) fn fewest_steps(
    graph: &CareerGraph,
    from: PositionIndex,
    allowed: impl Fn(PositionIndex) -> bool,
) -> Vec<Option<usize>> {
    let g = graph.graph();
    let mut steps = vec![None; g.node_count()];
    let Some(start) = steps.get_mut(from.get()) else {
        return steps;
    };
    *start = Some(0);
    let mut queue = VecDeque::from([(from, 0)]);
    while let Some((at, n)) = queue.pop_front() {
        for next in g.neighbors(NodeIndex::new(at.get())) {
            let position = g[next];
            if !allowed(position) {
                continue;
            }
            if let Some(slot @ None) = steps.get_mut(next.index()) {
                *slot = Some(n + 1);
                queue.push_back((position, n + 1));
            }
        }
    }
    steps
}
