//! Dijkstra's shortest path between two nodes, with the path itself, and
//! the distances from one node to all.
//!
//! `petgraph::algo::dijkstra` returns only distances, and `astar` cannot
//! start from a non-zero cost, which Yen's spur searches need so that a
//! path's cost is always summed the same way (left to right) however it was
//! found. Hence this small version. Given an estimate of the cost still to
//! go, the search is A*: Yen's spurs use the exact distances to the target
//! (from [`distances`] on the reversed graph), which both guides them and
//! skips every node that cannot reach the target at all.

use petgraph::visit::{EdgeRef, IntoEdges, NodeIndexable};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A path and the cost of reaching each of its nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Path<N> {
    /// The nodes, first to last; never empty, never repeating a node.
    pub nodes: Vec<N>,
    /// `costs[i]` is the cost of the path up to `nodes[i]`; `costs[0]` is
    /// the cost the search started from (0 unless given).
    pub costs: Vec<f64>,
}

impl<N> Path<N> {
    /// The cost of the whole path.
    pub fn cost(&self) -> f64 {
        self.costs.last().copied().unwrap_or(0.0)
    }
}

/// The cheapest path from `from` to `to`, or `None` if `to` cannot be reached.
///
/// `edge_cost` gives each edge's cost, or `None` to leave the edge out (how
/// constraints and Yen's bans filter the graph). Costs must be finite and
/// not negative; an edge with any other cost is left out. Ties go to the
/// path found first, which is deterministic for a given graph.
///
/// ```
/// use petgraph::graph::{DiGraph, NodeIndex};
/// use tubemap::route::dijkstra::shortest_path;
///
/// let mut g = DiGraph::<(), f64>::new();
/// let (a, b, c) = (g.add_node(()), g.add_node(()), g.add_node(()));
/// g.add_edge(a, b, 1.0);
/// g.add_edge(b, c, 1.0);
/// g.add_edge(a, c, 5.0);
/// let path = shortest_path(&g, a, c, |e| Some(*e.weight())).unwrap();
/// assert_eq!(path.nodes, vec![a, b, c]);
/// assert_eq!(path.cost(), 2.0);
/// ```
pub fn shortest_path<G, F>(
    graph: G,
    from: G::NodeId,
    to: G::NodeId,
    mut edge_cost: F,
) -> Option<Path<G::NodeId>>
where
    G: IntoEdges + NodeIndexable,
    F: FnMut(G::EdgeRef) -> Option<f64>,
{
    let (s, t) = (graph.to_index(from), graph.to_index(to));
    let (nodes, costs) = search(graph, s, t, 0.0, &mut edge_cost, &|_| 0.0)?;
    Some(Path {
        nodes: nodes.into_iter().map(|i| graph.from_index(i)).collect(),
        costs,
    })
}

/// The cost of the cheapest path from `from` to every node, by node index
/// ([`NodeIndexable::to_index`]); infinite where there is none. On
/// `petgraph::visit::Reversed(graph)` these are the costs *to* `from`.
///
/// ```
/// use petgraph::graph::DiGraph;
/// use petgraph::visit::{EdgeRef, Reversed};
/// use tubemap::route::dijkstra::distances;
///
/// let mut g = DiGraph::<(), f64>::new();
/// let (a, b, c) = (g.add_node(()), g.add_node(()), g.add_node(()));
/// g.add_edge(a, b, 1.0);
/// g.add_edge(b, c, 2.0);
/// assert_eq!(distances(&g, b, |e| Some(*e.weight())), vec![f64::INFINITY, 0.0, 2.0]);
/// let to_c = distances(Reversed(&g), c, |e| Some(*e.weight()));
/// assert_eq!(to_c, vec![3.0, 2.0, 0.0]);
/// ```
pub fn distances<G, F>(graph: G, from: G::NodeId, mut edge_cost: F) -> Vec<f64>
where
    G: IntoEdges + NodeIndexable,
    F: FnMut(G::EdgeRef) -> Option<f64>,
{
    let s = graph.to_index(from);
    run(graph, s, None, 0.0, &mut edge_cost, &|_| 0.0).dist
}

/// The search on node indices, starting at cost `start`, returning the
/// node indices and cumulative costs of the path. `estimate` must never
/// overestimate the cost from a node to `t` and must be consistent (A*);
/// an infinite estimate means the node cannot reach `t`.
pub(super) fn search<G, F>(
    graph: G,
    s: usize,
    t: usize,
    start: f64,
    edge_cost: &mut F,
    estimate: &dyn Fn(usize) -> f64,
) -> Option<(Vec<usize>, Vec<f64>)>
where
    G: IntoEdges + NodeIndexable,
    F: FnMut(G::EdgeRef) -> Option<f64>,
{
    if t >= graph.node_bound() {
        return None;
    }
    let Run { dist, prev, done } = run(graph, s, Some(t), start, edge_cost, estimate);
    if !done.get(t).copied().unwrap_or(false) {
        return None;
    }
    let mut nodes = vec![t];
    let mut at = t;
    while at != s {
        at = prev[at];
        // `prev` of a settled node other than `s` is always set; guard
        // anyway rather than index out of bounds.
        if at == usize::MAX {
            return None;
        }
        nodes.push(at);
    }
    nodes.reverse();
    let costs = nodes.iter().map(|&i| dist[i]).collect();
    Some((nodes, costs))
}

/// What a search leaves: cost and predecessor of each node, and which
/// nodes were settled.
struct Run {
    dist: Vec<f64>,
    prev: Vec<usize>,
    done: Vec<bool>,
}

/// Dijkstra (A* with `estimate`) from `s`, stopping once `t` is settled.
fn run<G, F>(
    graph: G,
    s: usize,
    t: Option<usize>,
    start: f64,
    edge_cost: &mut F,
    estimate: &dyn Fn(usize) -> f64,
) -> Run
where
    G: IntoEdges + NodeIndexable,
    F: FnMut(G::EdgeRef) -> Option<f64>,
{
    let n = graph.node_bound();
    let mut dist = vec![f64::INFINITY; n];
    let mut prev = vec![usize::MAX; n];
    let mut done = vec![false; n];
    if s >= n {
        return Run { dist, prev, done };
    }
    let mut heap = BinaryHeap::new();
    dist[s] = start;
    heap.push(Reverse((Cost(start + estimate(s)), s)));
    while let Some(Reverse((_, u))) = heap.pop() {
        if done[u] {
            continue;
        }
        done[u] = true;
        if Some(u) == t {
            break;
        }
        let d = dist[u];
        for edge in graph.edges(graph.from_index(u)) {
            let v = graph.to_index(edge.target());
            if v >= n || done[v] {
                continue;
            }
            let Some(cost) = edge_cost(edge) else {
                continue;
            };
            if !(cost.is_finite() && cost >= 0.0) {
                continue;
            }
            let next = d + cost;
            if next < dist[v] {
                let rest = estimate(v);
                // A node that cannot reach the target is not worth a visit.
                if rest == f64::INFINITY {
                    continue;
                }
                dist[v] = next;
                prev[v] = u;
                heap.push(Reverse((Cost(next + rest), v)));
            }
        }
    }
    Run { dist, prev, done }
}

/// A cost as a heap's key: ordered by `f64::total_cmp`, so a queue of
/// costs is totally ordered (the searches never queue a NaN, and a stray
/// one could not break the heap). Shared by the searches over routes.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cost(pub(super) f64);

impl PartialEq for Cost {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Cost {}

impl PartialOrd for Cost {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Cost {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::DiGraph;

    #[test]
    fn filtered_edges_are_not_used_and_unreachable_is_none() {
        let mut g = DiGraph::<(), f64>::new();
        let (a, b, c) = (g.add_node(()), g.add_node(()), g.add_node(()));
        let ab = g.add_edge(a, b, 1.0);
        g.add_edge(b, c, 1.0);
        g.add_edge(a, c, 5.0);
        let path = shortest_path(&g, a, c, |e| (e.id() != ab).then_some(*e.weight())).unwrap();
        assert_eq!(path.nodes, vec![a, c]);
        assert_eq!(path.costs, vec![0.0, 5.0]);
        assert_eq!(shortest_path(&g, c, a, |e| Some(*e.weight())), None);
        let same = shortest_path(&g, a, a, |e| Some(*e.weight())).unwrap();
        assert_eq!(same.nodes, vec![a]);
    }

    #[test]
    fn negative_and_nan_costs_leave_the_edge_out() {
        let mut g = DiGraph::<(), f64>::new();
        let (a, b) = (g.add_node(()), g.add_node(()));
        g.add_edge(a, b, f64::NAN);
        assert_eq!(shortest_path(&g, a, b, |e| Some(*e.weight())), None);
        assert_eq!(shortest_path(&g, a, b, |_| Some(-1.0)), None);
    }
}
