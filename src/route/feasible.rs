//! The cheapest route that meets every entry requirement on the way.
//!
//! Whether a step can be taken depends on the route so far (your age, the
//! highest level reached, what you have held), so one distance per station
//! is not enough: a dearer way to a station can be the only one that opens
//! the next step. This is a label-setting search (multi-criteria Dijkstra):
//! a station keeps every way to it that no other way beats on all counts,
//! and the first way to reach the target is the cheapest that can.
//!
//! One way *dominates* another at the same station when it costs no more,
//! leaves you at the same age (or no younger, where no position has an
//! upper age limit, so that age only ever opens doors), at
//! no lower a level, having held the same positions that any requirement
//! names, and having visited no station the other did not (so every
//! loopless way on from the other is open to it too). Then everything the
//! other can still do, it can do as cheaply, and the other is dropped:
//! the result is exact, as the brute-force property tests check.

use super::dijkstra::Cost;
use crate::graph::Track;
use crate::journey::{Network, PositionIndex, Standing, admits};
use petgraph::graph::{DiGraph, EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Slack for comparing sums of years and costs.
const EPSILON: f64 = 1e-6;

/// A way to a station.
struct Label {
    node: usize,
    cost: f64,
    standing: Standing,
    /// Stations on the way, sorted, for looplessness and dominance.
    visited: Vec<u32>,
    previous: Option<usize>,
    /// The way settled at the same station before this one, if any: the
    /// settled ways of a station as a list through the labels, so a search
    /// allocates nothing per station of the graph but two flat arrays.
    settled_before: Option<usize>,
}

/// The result of a search: every way kept, and for each station the
/// cheapest way settled there.
pub struct Ways {
    labels: Vec<Label>,
    cheapest: Vec<Option<usize>>,
}

impl Ways {
    /// Whether `position` can be reached at all.
    pub fn reaches(&self, position: PositionIndex) -> bool {
        self.cheapest
            .get(position.get())
            .is_some_and(Option::is_some)
    }

    /// The stations of the cheapest way to `position`, from where the
    /// search started, with the cost up to each.
    pub fn path_to(&self, position: PositionIndex) -> Option<(Vec<usize>, Vec<f64>)> {
        let mut at = (*self.cheapest.get(position.get())?)?;
        let mut stops = vec![self.labels[at].node];
        let mut costs = vec![self.labels[at].cost];
        while let Some(previous) = self.labels[at].previous {
            at = previous;
            stops.push(self.labels[at].node);
            costs.push(self.labels[at].cost);
        }
        stops.reverse();
        costs.reverse();
        Some((stops, costs))
    }

    /// The cost of the cheapest way to each station, `None` where none
    /// reaches.
    pub fn costs(&self) -> Vec<Option<f64>> {
        self.cheapest
            .iter()
            .map(|l| l.map(|l| self.labels[l].cost))
            .collect()
    }
}

/// What the dominance test needs to know about the network's requirements;
/// worked out once per plan, not once per search.
pub struct Rules {
    /// Positions some requirement names in its `after`: holding them can
    /// matter later, so ways that differ in them are both kept.
    named: Vec<bool>,
    /// With no upper age limit anywhere, being older never closes a door,
    /// so an older way can stand in for a younger one.
    older_is_no_worse: bool,
    /// Whether steps must meet entry requirements; without, the search is
    /// a plain one, for saying which requirement blocks the way.
    pub requirements: bool,
}

impl Rules {
    /// The rules of `network`'s requirements.
    pub fn new(network: &Network) -> Rules {
        let mut named = vec![false; network.positions().len()];
        let mut older_is_no_worse = true;
        for r in network.positions().iter().flat_map(|p| &p.requires) {
            older_is_no_worse &= r.max_age.is_none();
            for a in &r.after {
                if let Some(n) = named.get_mut(a.get()) {
                    *n = true;
                }
            }
        }
        Rules {
            named,
            older_is_no_worse,
            requirements: true,
        }
    }
}

/// Where a search starts.
pub struct Start {
    /// The station.
    pub at: PositionIndex,
    /// Where the traveller stands there, having held it.
    pub standing: Standing,
    /// Stations already visited before it, which the way on may not enter.
    pub before: Vec<PositionIndex>,
    /// The cost so far.
    pub cost: f64,
}

impl Start {
    /// The start of a route: `standing` at `at`, nothing before, no cost.
    pub fn new(at: PositionIndex, standing: Standing) -> Start {
        Start {
            at,
            standing,
            before: Vec::new(),
            cost: 0.0,
        }
    }
}

/// Searches from `start` until `target` is settled (or everywhere, with no
/// target). `edge_cost` gives a
/// step's cost or `None` to leave it out, as in [`super::dijkstra`];
/// `estimate` is a consistent lower bound on the cost still to go (A*), or
/// `|_| 0.0`. A step is taken only when the station it leads to admits the
/// standing reached ([`admits`]); staying there adds its
/// [`super::years_at`] to your age.
pub fn search(
    network: &Network,
    rules: &Rules,
    graph: &DiGraph<PositionIndex, Track>,
    start: Start,
    target: Option<PositionIndex>,
    edge_cost: &mut dyn FnMut(EdgeReference<'_, Track>) -> Option<f64>,
    estimate: &dyn Fn(NodeIndex) -> f64,
) -> Ways {
    let mut ways = Ways {
        labels: Vec::new(),
        cheapest: vec![None; graph.node_count()],
    };
    // The last way settled at each station (see `Label::settled_before`).
    let mut settled: Vec<Option<usize>> = vec![None; graph.node_count()];
    let mut heap = BinaryHeap::new();
    let from = start.at;
    if from.get() >= graph.node_count() {
        return ways;
    }
    // Kept sorted by inserting in place: a few stations, and no sort's
    // code in the browser bundle.
    let mut visited: Vec<u32> = Vec::with_capacity(start.before.len() + 1);
    for p in start.before.iter().chain([&from]) {
        let slot = visited.binary_search(&p.0).unwrap_or_else(|i| i);
        visited.insert(slot, p.0);
    }
    ways.labels.push(Label {
        node: from.get(),
        cost: start.cost,
        standing: start.standing,
        visited,
        previous: None,
        settled_before: None,
    });
    heap.push(Reverse(entry(
        start.cost + estimate(NodeIndex::new(from.get())),
        start.cost,
        0,
    )));
    while let Some(Reverse((_, _, at))) = heap.pop() {
        let node = ways.labels[at].node;
        let mut earlier = settled[node];
        let mut beaten = false;
        while let Some(s) = earlier {
            beaten |= dominates(&ways.labels[s], &ways.labels[at], rules);
            earlier = ways.labels[s].settled_before;
        }
        if beaten {
            continue;
        }
        ways.labels[at].settled_before = settled[node].replace(at);
        ways.cheapest[node].get_or_insert(at);
        if target.is_some_and(|t| t.get() == node) {
            break;
        }
        for edge in graph.edges(NodeIndex::new(node)) {
            let next = edge.target().index();
            let label = &ways.labels[at];
            if label.visited.binary_search(&(next as u32)).is_ok() {
                continue;
            }
            let Some(step) = edge_cost(edge).filter(|c| c.is_finite() && *c >= 0.0) else {
                continue;
            };
            let position = PositionIndex(next as u32);
            if rules.requirements && admits(network, position, &label.standing).is_err() {
                continue;
            }
            let mut standing = label.standing.clone();
            standing.hold(network, position, super::years_at(network, position));
            let mut visited = label.visited.clone();
            let slot = visited.binary_search(&(next as u32)).unwrap_or_else(|i| i);
            visited.insert(slot, next as u32);
            let cost = label.cost + step;
            let rest = estimate(edge.target());
            if !rest.is_finite() {
                continue;
            }
            ways.labels.push(Label {
                node: next,
                cost,
                standing,
                visited,
                previous: Some(at),
                settled_before: None,
            });
            heap.push(Reverse(entry(cost + rest, cost, ways.labels.len() - 1)));
        }
    }
    ways
}

fn dominates(a: &Label, b: &Label, rules: &Rules) -> bool {
    let is_named = |p: &&u32| rules.named.get(**p as usize).copied().unwrap_or(false);
    let ages = match (a.standing.age, b.standing.age) {
        (Some(x), Some(y)) if rules.older_is_no_worse => f64::from(x) + EPSILON >= f64::from(y),
        (Some(x), Some(y)) => (f64::from(x) - f64::from(y)).abs() <= EPSILON,
        (x, y) => x.is_none() && y.is_none(),
    };
    a.cost <= b.cost + EPSILON
        && ages
        && a.standing.level.0 >= b.standing.level.0
        && is_subset(&a.visited, &b.visited)
        && a.visited
            .iter()
            .filter(is_named)
            .eq(b.visited.iter().filter(is_named))
}

/// Whether sorted `a` is a subset of sorted `b`.
fn is_subset(a: &[u32], b: &[u32]) -> bool {
    let mut b = b.iter();
    a.iter().all(|x| b.any(|y| y == x))
}

/// A heap entry (smallest first, under `Reverse`): by priority (cost plus
/// estimate); on a tie, the way that has come further first (with an exact
/// estimate, A* then runs straight down one cheapest way instead of
/// widening over all of them); then the way found first.
type Entry = (Cost, Reverse<Cost>, usize);

fn entry(priority: f64, cost: f64, label: usize) -> Entry {
    (Cost(priority), Reverse(Cost(cost)), label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsets_of_sorted_lists() {
        assert!(is_subset(&[1, 3], &[1, 2, 3]));
        assert!(is_subset(&[], &[1]));
        assert!(!is_subset(&[1, 4], &[1, 2, 3]));
        assert!(!is_subset(&[2], &[]));
    }
}
