use super::*;
use crate::journey::{Level, Sector, sample};

fn p(i: u32) -> PositionIndex {
    PositionIndex(i)
}

#[test]
fn shared_positions_are_interchanges() {
    let network = sample::two_lines();
    let graph = CareerGraph::new(&network);
    assert_eq!(graph.interchanges().collect::<Vec<_>>(), vec![p(0), p(1)]);
    assert!(!graph.is_interchange(p(2)));
    assert_eq!(graph.journeys_at(p(1)), &[JourneyIndex(0), JourneyIndex(1)]);
}

#[test]
fn edges_count_the_journeys_that_took_them() {
    let network = sample::two_lines();
    let graph = CareerGraph::new(&network);
    assert_eq!(graph.graph().edge_count(), 3);
    assert_eq!(
        graph.connection(p(0), p(1)).map(Connection::traffic),
        Some(2)
    );
    assert_eq!(
        graph.connection(p(1), p(2)).map(Connection::traffic),
        Some(1)
    );
    assert_eq!(graph.connection(p(1), p(0)), None, "steps are directed");
    let next: Vec<_> = graph
        .next_steps(p(1))
        .iter()
        .map(|(to, c)| (*to, c.traffic()))
        .collect();
    assert_eq!(next, vec![(p(2), 1), (p(3), 1)]);
    let before: Vec<_> = graph
        .previous_steps(p(1))
        .iter()
        .map(|(from, _)| *from)
        .collect();
    assert_eq!(before, vec![p(0)]);
}

#[test]
fn a_journey_counts_once_per_step_and_position_even_when_it_loops_back() {
    let level = Level::rqf(2).unwrap();
    let positions = vec![
        sample::position("a", level, Sector::Digital),
        sample::position("b", level, Sector::Digital),
    ];
    // a → b → a → b: a career change back and forth.
    let journeys = vec![sample::journey("loop", Sector::Digital, &[0, 1, 0, 1])];
    let network = Network::new(positions, journeys).unwrap();
    let graph = CareerGraph::new(&network);
    assert_eq!(
        graph.connection(p(0), p(1)).map(Connection::traffic),
        Some(1)
    );
    assert_eq!(
        graph.connection(p(1), p(0)).map(Connection::traffic),
        Some(1)
    );
    assert_eq!(graph.journeys_at(p(0)).len(), 1);
    assert!(
        !graph.is_interchange(p(0)),
        "one journey visiting twice is not an interchange"
    );
}

#[test]
fn every_connection_is_listed_with_its_endpoints() {
    let network = sample::two_lines();
    let graph = CareerGraph::new(&network);
    let mut all: Vec<_> = graph
        .connections()
        .map(|(a, b, c)| (a.0, b.0, c.traffic()))
        .collect();
    all.sort();
    assert_eq!(all, vec![(0, 1, 2), (1, 2, 1), (1, 3, 1)]);
}
