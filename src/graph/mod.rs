//! The career graph: positions as nodes, the stretches of track between
//! them as edges.
//!
//! A track is a stretch between consecutive stations of one or more lines,
//! or an out-of-station connection. Each carries the lines that run along
//! it and the journeys whose trips passed along it, so how common a step is
//! (the "more common routes taken to progress") is read straight off the
//! graph. Node `i` is always position `i` of the [`Network`].

mod diagram;

pub use diagram::{DiagramStop, LineDiagram};

use crate::journey::{JourneyIndex, LineIndex, Network, PositionIndex};
use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

/// A stretch of track between two stations, in the direction of travel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Track {
    /// The lines that run along it, in line order; empty for a connection.
    pub lines: Vec<LineIndex>,
    /// The journeys whose trips passed along it, in journey order, each once.
    pub journeys: Vec<JourneyIndex>,
}

impl Track {
    /// How many journeys passed along this track.
    pub fn traffic(&self) -> usize {
        self.journeys.len()
    }

    /// An out-of-station connection rather than a line.
    pub fn is_connection(&self) -> bool {
        self.lines.is_empty()
    }
}

/// The directed graph of a [`Network`].
#[derive(Clone, Debug)]
pub struct CareerGraph {
    /// The network the graph was built from: kept with it, so a graph can
    /// never be read against another network's positions.
    network: Network,
    graph: DiGraph<PositionIndex, Track>,
    /// For each position, the lines stopping there, in line order.
    lines_at: Vec<Vec<LineIndex>>,
    /// For each position, the journeys that stopped there, each once.
    journeys_at: Vec<Vec<JourneyIndex>>,
    /// For each position, whether a connection starts or ends there.
    connected: Vec<bool>,
}

impl CareerGraph {
    /// Builds the graph of `network`, which it keeps; O(positions +
    /// stretches + steps × lines).
    pub fn new(network: Network) -> CareerGraph {
        let positions = network.positions().len();
        let mut graph = DiGraph::with_capacity(positions, positions * 2);
        for index in network.position_indices() {
            graph.add_node(index);
        }
        let mut lines_at = vec![Vec::new(); positions];
        for l in network.line_indices() {
            for (from, to) in network.line(l).stretches() {
                for p in [from, to] {
                    if lines_at[p.get()].last() != Some(&l) && !lines_at[p.get()].contains(&l) {
                        lines_at[p.get()].push(l);
                    }
                }
                if from != to {
                    let edge = edge(&mut graph, from, to);
                    if graph[edge].lines.last() != Some(&l) {
                        graph[edge].lines.push(l);
                    }
                }
            }
        }
        let mut connected = vec![false; positions];
        for c in network.connections() {
            edge(&mut graph, c.from, c.to);
            connected[c.from.get()] = true;
            connected[c.to.get()] = true;
        }
        let mut journeys_at = vec![Vec::new(); positions];
        for journey in network.journey_indices() {
            for step in &network.journey(journey).steps {
                let at = &mut journeys_at[step.position.get()];
                if at.last() != Some(&journey) && !at.contains(&journey) {
                    at.push(journey);
                }
            }
            for ride in network.trip(journey) {
                for pair in ride.stations.windows(2) {
                    if let Some(e) = graph.find_edge(node(pair[0]), node(pair[1])) {
                        let riders = &mut graph[e].journeys;
                        if !riders.contains(&journey) {
                            riders.push(journey);
                        }
                    }
                }
            }
        }
        CareerGraph {
            network,
            graph,
            lines_at,
            journeys_at,
            connected,
        }
    }

    /// A station's accessible name, as a screen reader says it on the map:
    /// "Bricklayer, Level 2, lines: Onsite construction, Site management".
    pub fn station_name(&self, position: PositionIndex) -> String {
        let network = &self.network;
        let p = network.position(position);
        let mut name = format!("{}, {}", p.title, p.level_text());
        for (i, &l) in self.lines_at(position).iter().enumerate() {
            name.push_str(if i == 0 { ", lines: " } else { ", " });
            name.push_str(&network.line(l).name);
        }
        name
    }

    /// The network the graph was built from.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Gives the network back.
    pub fn into_network(self) -> Network {
        self.network
    }

    /// The petgraph graph, for algorithms.
    pub fn graph(&self) -> &DiGraph<PositionIndex, Track> {
        &self.graph
    }

    /// The lines stopping at a position, in line order.
    pub fn lines_at(&self, position: PositionIndex) -> &[LineIndex] {
        &self.lines_at[position.get()]
    }

    /// The journeys that stopped at a position.
    pub fn journeys_at(&self, position: PositionIndex) -> &[JourneyIndex] {
        &self.journeys_at[position.get()]
    }

    /// Where you can change: two or more lines stop here, or a connection
    /// starts or ends here.
    pub fn is_interchange(&self, position: PositionIndex) -> bool {
        self.lines_at(position).len() >= 2 || self.connected[position.get()]
    }

    /// Every interchange, in position order.
    pub fn interchanges(&self) -> impl Iterator<Item = PositionIndex> + '_ {
        (0..self.lines_at.len() as u32)
            .map(PositionIndex)
            .filter(|&p| self.is_interchange(p))
    }

    /// The track from `from` to `to`, if a line or connection runs there.
    pub fn track(&self, from: PositionIndex, to: PositionIndex) -> Option<&Track> {
        self.graph
            .find_edge(node(from), node(to))
            .map(|e| &self.graph[e])
    }

    /// Where tracks lead from `position`, most travelled first.
    pub fn next_steps(&self, position: PositionIndex) -> Vec<(PositionIndex, &Track)> {
        self.neighbours(position, Direction::Outgoing)
    }

    /// Where tracks into `position` come from, most travelled first.
    pub fn previous_steps(&self, position: PositionIndex) -> Vec<(PositionIndex, &Track)> {
        self.neighbours(position, Direction::Incoming)
    }

    fn neighbours(
        &self,
        position: PositionIndex,
        direction: Direction,
    ) -> Vec<(PositionIndex, &Track)> {
        // Each goes in at its place, most travelled first, then by
        // position: a station has a handful of tracks, and a sort would add
        // its own few kilobytes to the browser bundle.
        let mut found: Vec<(PositionIndex, &Track)> = Vec::new();
        for e in self.graph.edges_directed(node(position), direction) {
            let other = if direction == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            let item = (self.graph[other], e.weight());
            let key = |(p, t): &(PositionIndex, &Track)| (std::cmp::Reverse(t.traffic()), *p);
            let at = found.partition_point(|x| key(x) <= key(&item));
            found.insert(at, item);
        }
        found
    }

    /// Every track with its traffic, as (from, to, track).
    pub fn tracks(&self) -> impl Iterator<Item = (PositionIndex, PositionIndex, &Track)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (self.graph[e.source()], self.graph[e.target()], e.weight()))
    }
}

/// How common a step is, for panels: "9 of 41 people" took it.
pub fn people_of(traffic: usize, journeys: usize) -> String {
    format!("{traffic} of {journeys} people")
}

/// The edge from `from` to `to`, added if missing.
fn edge(
    graph: &mut DiGraph<PositionIndex, Track>,
    from: PositionIndex,
    to: PositionIndex,
) -> petgraph::graph::EdgeIndex {
    match graph.find_edge(node(from), node(to)) {
        Some(edge) => edge,
        None => graph.add_edge(node(from), node(to), Track::default()),
    }
}

/// Node `i` is position `i`: nodes are added in position order and never removed.
fn node(position: PositionIndex) -> NodeIndex {
    NodeIndex::new(position.get())
}

#[cfg(test)]
mod tests;
