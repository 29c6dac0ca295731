//! The career graph: positions as nodes, consecutive journey steps as edges.
//!
//! Each edge carries the journeys that took that step, so how common a step
//! is (the "more common routes taken to progress") is read straight off the
//! graph. Node `i` is always position `i` of the [`Network`].

use crate::journey::{JourneyIndex, Network, PositionIndex};
use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

/// A step between two positions that at least one journey took.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Connection {
    /// The journeys that took this step, in journey order, each once.
    pub journeys: Vec<JourneyIndex>,
}

impl Connection {
    /// How many journeys took this step.
    pub fn traffic(&self) -> usize {
        self.journeys.len()
    }
}

/// The directed graph of a [`Network`].
#[derive(Clone, Debug)]
pub struct CareerGraph {
    graph: DiGraph<PositionIndex, Connection>,
    /// For each position, the journeys through it, each once.
    journeys_at: Vec<Vec<JourneyIndex>>,
}

impl CareerGraph {
    /// Builds the graph; O(positions + steps).
    pub fn new(network: &Network) -> CareerGraph {
        let positions = network.positions().len();
        let steps: usize = network.journeys().iter().map(|j| j.steps.len()).sum();
        let mut graph = DiGraph::with_capacity(positions, steps);
        for index in network.position_indices() {
            graph.add_node(index);
        }
        let mut journeys_at = vec![Vec::new(); positions];
        for journey in network.journey_indices() {
            let steps = &network.journey(journey).steps;
            for step in steps {
                let at = &mut journeys_at[step.position.get()];
                if at.last() != Some(&journey) && !at.contains(&journey) {
                    at.push(journey);
                }
            }
            for pair in steps.windows(2) {
                let (from, to) = (node(pair[0].position), node(pair[1].position));
                if from == to {
                    continue;
                }
                let edge = match graph.find_edge(from, to) {
                    Some(edge) => edge,
                    None => graph.add_edge(from, to, Connection::default()),
                };
                let riders = &mut graph[edge].journeys;
                if riders.last() != Some(&journey) {
                    riders.push(journey);
                }
            }
        }
        CareerGraph { graph, journeys_at }
    }

    /// The petgraph graph, for algorithms.
    pub fn graph(&self) -> &DiGraph<PositionIndex, Connection> {
        &self.graph
    }

    /// The journeys passing through a position.
    pub fn journeys_at(&self, position: PositionIndex) -> &[JourneyIndex] {
        &self.journeys_at[position.get()]
    }

    /// A position that two or more journeys share: an interchange.
    pub fn is_interchange(&self, position: PositionIndex) -> bool {
        self.journeys_at(position).len() >= 2
    }

    /// Every interchange, in position order.
    pub fn interchanges(&self) -> impl Iterator<Item = PositionIndex> + '_ {
        (0..self.journeys_at.len() as u32)
            .map(PositionIndex)
            .filter(|&p| self.is_interchange(p))
    }

    /// The step from `from` to `to`, if any journey took it.
    pub fn connection(&self, from: PositionIndex, to: PositionIndex) -> Option<&Connection> {
        self.graph
            .find_edge(node(from), node(to))
            .map(|e| &self.graph[e])
    }

    /// Where people went next from `position`, most travelled first.
    pub fn next_steps(&self, position: PositionIndex) -> Vec<(PositionIndex, &Connection)> {
        self.neighbours(position, Direction::Outgoing)
    }

    /// Where people came from before `position`, most travelled first.
    pub fn previous_steps(&self, position: PositionIndex) -> Vec<(PositionIndex, &Connection)> {
        self.neighbours(position, Direction::Incoming)
    }

    fn neighbours(
        &self,
        position: PositionIndex,
        direction: Direction,
    ) -> Vec<(PositionIndex, &Connection)> {
        let mut found: Vec<_> = self
            .graph
            .edges_directed(node(position), direction)
            .map(|e| {
                let other = if direction == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (self.graph[other], e.weight())
            })
            .collect();
        found.sort_by(|a, b| b.1.traffic().cmp(&a.1.traffic()).then(a.0.cmp(&b.0)));
        found
    }

    /// Every step with its traffic, as (from, to, connection).
    pub fn connections(
        &self,
    ) -> impl Iterator<Item = (PositionIndex, PositionIndex, &Connection)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (self.graph[e.source()], self.graph[e.target()], e.weight()))
    }
}

/// Node `i` is position `i`: nodes are added in position order and never removed.
fn node(position: PositionIndex) -> NodeIndex {
    NodeIndex::new(position.get())
}

#[cfg(test)]
mod tests;
