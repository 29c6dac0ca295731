use super::*;
use crate::journey::{Connection, Level, Sector, sample};

fn p(i: u32) -> PositionIndex {
    PositionIndex(i)
}

#[test]
fn stations_where_lines_meet_are_interchanges() {
    let network = sample::two_lines();
    let graph = CareerGraph::new(network.clone());
    assert_eq!(graph.interchanges().collect::<Vec<_>>(), vec![p(0), p(1)]);
    assert!(!graph.is_interchange(p(2)));
    assert_eq!(graph.lines_at(p(1)), &[LineIndex(0), LineIndex(1)]);
    assert_eq!(graph.journeys_at(p(1)), &[JourneyIndex(0), JourneyIndex(1)]);
}

#[test]
fn tracks_count_the_journeys_that_passed_along_them() {
    let network = sample::two_lines();
    let graph = CareerGraph::new(network.clone());
    assert_eq!(graph.graph().edge_count(), 3);
    assert_eq!(graph.track(p(0), p(1)).map(Track::traffic), Some(2));
    assert_eq!(
        graph.track(p(0), p(1)).map(|t| t.lines.clone()),
        Some(vec![LineIndex(0), LineIndex(1)])
    );
    assert_eq!(graph.track(p(1), p(2)).map(Track::traffic), Some(1));
    assert_eq!(graph.track(p(1), p(0)), None, "tracks are directed");
    let next: Vec<_> = graph
        .next_steps(p(1))
        .iter()
        .map(|(to, t)| (*to, t.traffic()))
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
fn a_trip_that_skips_stops_counts_on_every_track_it_passes() {
    let level = Level::rqf(2).unwrap();
    let positions = (0..4)
        .map(|i| sample::position(&format!("s{i}"), level, Sector::Digital))
        .collect();
    let lines = vec![sample::line("main", Sector::Digital, &[0, 1, 2, 3])];
    // Rides 0 → 2 without stopping at 1, then 2 → 3.
    let journeys = vec![sample::journey("skip", Sector::Digital, &[0, 2, 3])];
    let network = Network::new(positions, lines, Vec::new(), journeys).unwrap();
    let graph = CareerGraph::new(network.clone());
    for (a, b) in [(0, 1), (1, 2), (2, 3)] {
        assert_eq!(graph.track(p(a), p(b)).map(Track::traffic), Some(1));
    }
    assert!(graph.journeys_at(p(1)).is_empty(), "passed, not stopped");
}

#[test]
fn a_connection_is_a_track_without_lines_and_makes_interchanges() {
    let level = Level::rqf(2).unwrap();
    let positions = (0..4)
        .map(|i| sample::position(&format!("s{i}"), level, Sector::Digital))
        .collect();
    let lines = vec![
        sample::line("a", Sector::Digital, &[0, 1]),
        sample::line("b", Sector::Digital, &[2, 3]),
    ];
    let connections = vec![Connection {
        from: p(1),
        to: p(2),
    }];
    let journeys = vec![sample::journey("changer", Sector::Digital, &[0, 1, 2, 3])];
    let network = Network::new(positions, lines, connections, journeys).unwrap();
    let graph = CareerGraph::new(network.clone());
    let track = graph.track(p(1), p(2)).expect("the connection");
    assert!(track.is_connection());
    assert_eq!(track.traffic(), 1);
    assert!(graph.is_interchange(p(1)) && graph.is_interchange(p(2)));
    assert!(!graph.is_interchange(p(0)));
}

#[test]
fn a_step_no_line_or_connection_joins_is_refused() {
    let level = Level::rqf(2).unwrap();
    let positions = (0..3)
        .map(|i| sample::position(&format!("s{i}"), level, Sector::Digital))
        .collect();
    let lines = vec![sample::line("a", Sector::Digital, &[0, 1])];
    let journeys = vec![sample::journey("lost", Sector::Digital, &[0, 2])];
    assert!(matches!(
        Network::new(positions, lines, Vec::new(), journeys),
        Err(crate::journey::NetworkError::OffTheMap { .. })
    ));
}

#[test]
fn every_track_is_listed_with_its_endpoints() {
    let network = sample::two_lines();
    let graph = CareerGraph::new(network.clone());
    let mut all: Vec<_> = graph
        .tracks()
        .map(|(a, b, t)| (a.0, b.0, t.traffic()))
        .collect();
    all.sort();
    assert_eq!(all, vec![(0, 1, 2), (1, 2, 1), (1, 3, 1)]);
}

#[test]
fn a_step_says_how_many_of_all_the_people_took_it() {
    assert_eq!(super::people_of(9, 41), "9 of 41 people");
    assert_eq!(super::people_of(1, 41), "1 of 41 people");
}

#[test]
fn a_station_is_named_with_its_level_and_every_line_there() {
    let network = sample::two_lines();
    let graph = CareerGraph::new(network.clone());
    // bricklayer (1) is on amara's and ben's lines.
    assert_eq!(
        graph.station_name(p(1)),
        "bricklayer, Level 2, lines: amara, ben"
    );
    assert_eq!(graph.station_name(p(3)), "hnc, Level 5, lines: ben");
}
