//! Yen's k shortest loopless paths, as a lazy iterator.
//!
//! Each path after the first is found by "spurring" off every node of the
//! previous path: keep the path up to that node (the root), forbid the root's
//! other nodes and every edge that an already-found path with the same root
//! takes next, and search again from there. The cheapest candidate not yet
//! returned is the next path. Being lazy lets the planner pull paths until
//! it has enough *different* ones, without fixing k in advance.
//!
//! Two standard speed-ups: Lawler's (a path only spurs from where it left
//! the path it was spurred from: earlier spurs were made by its parent), and
//! A* for the spur searches when given the distances to the target.

use super::dijkstra::{Path, search};
use petgraph::visit::{EdgeRef, IntoEdges, NodeIndexable};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A spur search: given the root (node indices from the start to the spur
/// node, which is last), which edges are banned (by source and target
/// index), and the root's cost, the cheapest way from the spur node to the
/// target that enters no other root node and takes no banned edge: the
/// nodes from the spur node on, and the cost of the whole path at each.
/// With a root of just the start, it finds the first path.
///
/// Yen's method only needs this to be the cheapest *allowed* completion,
/// so a search that also knows what the root made possible (the route
/// planner's entry requirements) makes this list the cheapest allowed
/// loopless paths.
pub trait Spur:
    FnMut(&[usize], &dyn Fn(usize, usize) -> bool, f64) -> Option<(Vec<usize>, Vec<f64>)>
{
}

impl<S> Spur for S where
    S: FnMut(&[usize], &dyn Fn(usize, usize) -> bool, f64) -> Option<(Vec<usize>, Vec<f64>)>
{
}

/// The loopless paths from one node to another, cheapest first (costs never
/// decrease), each once. Built by [`k_shortest_paths`] or
/// [`KShortestPaths::new`].
pub struct KShortestPaths<S> {
    from: usize,
    to: usize,
    spur: S,
    started: bool,
    /// Paths returned so far: node indices, cumulative costs, and the index
    /// of the node where each left the path it was spurred from.
    found: Vec<(Vec<usize>, Vec<f64>, usize)>,
    candidates: BinaryHeap<Reverse<Candidate>>,
    /// Paths found or queued, to skip repeats. A list, not a hash set:
    /// there are at most a few hundred, and hashing's code would add to
    /// the browser bundle.
    seen: Vec<Vec<usize>>,
    queued: usize,
}

/// Yen's algorithm from `from` to `to` with `edge_cost` (as in
/// [`super::dijkstra::shortest_path`]: `None` leaves an edge out).
///
/// `estimate` is a lower bound on the cost from a node to `to` that is
/// consistent (never more than an edge's cost plus the estimate after it),
/// infinite for nodes that cannot reach `to`: the distances from
/// [`super::dijkstra::distances`] on the reversed graph with the same
/// `edge_cost` are ideal; `|_| 0.0` is plain Dijkstra.
///
/// Each path costs at most one shortest-path search per node of the path
/// before it. Paths with equal cost come in the order they were found.
///
/// ```
/// use petgraph::graph::DiGraph;
/// use tubemap::route::yen::k_shortest_paths;
///
/// let mut g = DiGraph::<(), f64>::new();
/// let (a, b, c) = (g.add_node(()), g.add_node(()), g.add_node(()));
/// g.add_edge(a, b, 1.0);
/// g.add_edge(b, c, 1.0);
/// g.add_edge(a, c, 5.0);
/// let costs: Vec<f64> = k_shortest_paths(&g, a, c, |e| Some(*e.weight()), |_| 0.0)
///     .map(|p| p.cost())
///     .collect();
/// assert_eq!(costs, vec![2.0, 5.0]);
/// ```
pub fn k_shortest_paths<G, F, H>(
    graph: G,
    from: G::NodeId,
    to: G::NodeId,
    mut edge_cost: F,
    estimate: H,
) -> impl Iterator<Item = Path<G::NodeId>>
where
    G: IntoEdges + NodeIndexable,
    F: FnMut(G::EdgeRef) -> Option<f64>,
    H: Fn(G::NodeId) -> f64,
{
    let to_index = graph.to_index(to);
    let mut banned = vec![false; graph.node_bound()];
    let spur = move |root: &[usize], banned_edge: &dyn Fn(usize, usize) -> bool, cost: f64| {
        let (&at, before) = root.split_last()?;
        for &n in before {
            banned[n] = true;
        }
        let estimate = |n: usize| estimate(graph.from_index(n));
        let mut filtered = |e: G::EdgeRef| {
            let (s, t) = (graph.to_index(e.source()), graph.to_index(e.target()));
            if banned.get(t).copied().unwrap_or(true) || banned_edge(s, t) {
                None
            } else {
                edge_cost(e)
            }
        };
        // Starting the spur search at the root's cost sums every path
        // left to right, so equal paths always get bit-equal costs.
        let found = search(graph, at, to_index, cost, &mut filtered, &estimate);
        for &n in before {
            banned[n] = false;
        }
        found
    };
    KShortestPaths::new(graph.to_index(from), to_index, spur).map(move |(nodes, costs)| Path {
        nodes: nodes.into_iter().map(|i| graph.from_index(i)).collect(),
        costs,
    })
}

impl<S: Spur> KShortestPaths<S> {
    /// Yen's algorithm from node index `from` to `to`, with `spur` finding
    /// each spur path (see [`Spur`]). Yields node indices and cumulative
    /// costs.
    pub fn new(from: usize, to: usize, spur: S) -> Self {
        KShortestPaths {
            from,
            to,
            spur,
            started: false,
            found: Vec::new(),
            candidates: BinaryHeap::new(),
            seen: Vec::new(),
            queued: 0,
        }
    }

    /// Queues every spur of the last path found.
    fn spur_from_last(&mut self) {
        let Some((last, last_costs, deviation)) = self.found.last().cloned() else {
            return;
        };
        for i in deviation..last.len().saturating_sub(1) {
            let root = &last[..=i];
            let banned_edges: Vec<(usize, usize)> = self
                .found
                .iter()
                .filter(|(p, _, _)| p.len() > i + 1 && p[..=i] == *root)
                .map(|(p, _, _)| (p[i], p[i + 1]))
                .collect();
            let banned = |s: usize, t: usize| banned_edges.contains(&(s, t));
            let Some((spur_nodes, spur_costs)) = (self.spur)(root, &banned, last_costs[i]) else {
                continue;
            };
            if spur_nodes.last() != Some(&self.to) {
                continue;
            }
            let mut nodes = root[..i].to_vec();
            nodes.extend(spur_nodes);
            if self.seen.contains(&nodes) {
                continue;
            }
            self.seen.push(nodes.clone());
            let mut costs = last_costs[..i].to_vec();
            costs.extend(spur_costs);
            self.candidates.push(Reverse(Candidate {
                cost: costs.last().copied().unwrap_or(0.0),
                order: self.queued,
                nodes,
                costs,
                deviation: i,
            }));
            self.queued += 1;
        }
    }
}

impl<S: Spur> Iterator for KShortestPaths<S> {
    /// Node indices, and the cost of the path up to each.
    type Item = (Vec<usize>, Vec<f64>);

    fn next(&mut self) -> Option<Self::Item> {
        if !self.started {
            self.started = true;
            let (nodes, costs) = (self.spur)(&[self.from], &|_, _| false, 0.0)?;
            if nodes.last() != Some(&self.to) {
                return None;
            }
            self.seen.push(nodes.clone());
            self.found.push((nodes.clone(), costs.clone(), 0));
            return Some((nodes, costs));
        }
        if self.found.is_empty() {
            return None;
        }
        self.spur_from_last();
        let Reverse(next) = self.candidates.pop()?;
        self.found
            .push((next.nodes.clone(), next.costs.clone(), next.deviation));
        Some((next.nodes, next.costs))
    }
}

/// A path waiting in the queue, cheapest (then oldest) first.
struct Candidate {
    cost: f64,
    order: usize,
    nodes: Vec<usize>,
    costs: Vec<f64>,
    deviation: usize,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.cost
            .total_cmp(&other.cost)
            .then(self.order.cmp(&other.order))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::DiGraph;

    #[test]
    fn lists_every_loopless_path_cheapest_first() {
        // a → b → d, a → c → d, a → b → c → d, and a cycle b ⇄ c.
        let mut g = DiGraph::<(), f64>::new();
        let [a, b, c, d] = [(); 4].map(|()| g.add_node(()));
        g.add_edge(a, b, 1.0);
        g.add_edge(a, c, 2.0);
        g.add_edge(b, c, 1.0);
        g.add_edge(c, b, 1.0);
        g.add_edge(b, d, 3.0);
        g.add_edge(c, d, 1.0);
        let paths: Vec<_> = k_shortest_paths(&g, a, d, |e| Some(*e.weight()), |_| 0.0).collect();
        let costs: Vec<f64> = paths.iter().map(Path::cost).collect();
        assert_eq!(costs, vec![3.0, 3.0, 4.0, 6.0]);
        assert_eq!(paths[0].nodes, vec![a, c, d]);
        assert_eq!(paths[1].nodes, vec![a, b, c, d]);
        assert_eq!(paths[3].nodes, vec![a, c, b, d]);
        for p in &paths {
            let unique: std::collections::HashSet<_> = p.nodes.iter().collect();
            assert_eq!(unique.len(), p.nodes.len(), "loopless");
        }
    }

    #[test]
    fn no_path_means_an_empty_iterator() {
        let mut g = DiGraph::<(), f64>::new();
        let (a, b) = (g.add_node(()), g.add_node(()));
        assert_eq!(
            k_shortest_paths(&g, a, b, |_| Some(1.0), |_| 0.0).count(),
            0
        );
    }
}
