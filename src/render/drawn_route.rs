//! Where a planned route runs on the drawn map: for each leg, the stretch of
//! that line's drawn path between boarding and getting off, or the drawn
//! connection.

use crate::journey::{Colour, LineIndex, Network, PositionIndex, Ride, Via};
use crate::layout::{MapLayout, Point};
use crate::route::Route;

/// One leg of a route as drawn: part of a line's octilinear path, or a
/// connection.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteStretch {
    /// The line ridden; `None` for a connection.
    pub line: Option<LineIndex>,
    /// The line's colour; `None` for a connection.
    pub colour: Option<Colour>,
    /// The drawn points from boarding to getting off.
    pub points: Vec<Point>,
}

/// The drawn stretches of every leg of `route`, in order. A leg whose
/// stretch cannot be found (a layout from other content) is left out
/// rather than drawn wrongly.
pub fn route_stretches(network: &Network, layout: &MapLayout, route: &Route) -> Vec<RouteStretch> {
    let mut first_stop = 0;
    let mut out = Vec::with_capacity(route.legs.len());
    for leg in &route.legs {
        let stops = route.stops.get(first_stop..=first_stop + leg.stops);
        first_stop += leg.stops;
        let Some(stops) = stops else {
            break;
        };
        let points = match leg.line {
            Some(line) => ridden(network, layout, line, stops),
            None => layout
                .connections
                .iter()
                .find(|c| c.from == leg.from && c.to == leg.to)
                .map(|c| c.points.clone()),
        };
        if let Some(points) = points {
            out.push(RouteStretch {
                line: leg.line,
                colour: leg.line.map(|l| network.line(l).colour),
                points,
            });
        }
    }
    out
}

/// The drawn stretches of a person's trip, one per step, in order: each
/// along the line it rode or through its connection.
pub fn trip_stretches(
    network: &Network,
    layout: &MapLayout,
    journey: crate::journey::JourneyIndex,
) -> Vec<RouteStretch> {
    network
        .trip(journey)
        .iter()
        .filter_map(|ride| ride_stretch(network, layout, ride))
        .collect()
}

/// The drawn stretch of one ride: along the line it rides or through its
/// connection; `None` if the layout has no such stretch.
pub fn ride_stretch(network: &Network, layout: &MapLayout, ride: &Ride) -> Option<RouteStretch> {
    let (line, points) = match ride.via {
        Via::Line(line) => (Some(line), ridden(network, layout, line, &ride.stations)?),
        Via::Connection => {
            let (from, to) = (*ride.stations.first()?, *ride.stations.last()?);
            let drawn = layout
                .connections
                .iter()
                .find(|c| c.from == from && c.to == to)?;
            (None, drawn.points.clone())
        }
    };
    Some(RouteStretch {
        line,
        colour: line.map(|l| network.line(l).colour),
        points,
    })
}

/// The drawn points of `line` through `stops`, stop by stop.
pub fn ridden(
    network: &Network,
    layout: &MapLayout,
    line: LineIndex,
    stops: &[PositionIndex],
) -> Option<Vec<Point>> {
    let runs = network.lines().get(line.get())?.runs.iter();
    let drawn = runs.zip(layout.lines.iter().filter(|p| p.line == line));
    let drawn: Vec<_> = drawn.collect();
    let mut points: Vec<Point> = Vec::new();
    for pair in stops.windows(2) {
        let (path, k) = drawn.iter().find_map(|(run, path)| {
            let k = run.windows(2).position(|w| w == pair)?;
            Some((path, k))
        })?;
        let (start, end) = (*path.stops.get(k)?, *path.stops.get(k + 1)?);
        for &point in path.points.get(start..=end)? {
            if points.last() != Some(&point) {
                points.push(point);
            }
        }
    }
    (points.len() >= 2).then_some(points)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::CareerGraph;
    use crate::journey::{PositionIndex, sample};

    #[test]
    fn a_route_is_drawn_along_its_lines_from_stop_to_stop() {
        let (graph, route) = crate::route::sample_route();
        let network = graph.network();
        let layout = crate::layout::layout(&graph);
        let stretches = route_stretches(network, &layout, &route);
        assert_eq!(stretches.len(), route.legs.len());
        let first = stretches.first().unwrap().points.first().copied().unwrap();
        let last = stretches.last().unwrap().points.last().copied().unwrap();
        let near = |a: Point, b: Point| (a.x - b.x).abs() < 20.0 && (a.y - b.y).abs() < 20.0;
        assert!(
            near(first, layout.stations[0].at),
            "{first:?} vs {:?}",
            layout.stations[0].at
        );
        assert!(
            near(last, layout.stations[3].at),
            "{last:?} vs {:?}",
            layout.stations[3].at
        );
        for stretch in &stretches {
            assert!(stretch.points.len() >= 2);
        }
    }

    #[test]
    fn a_trip_is_drawn_step_by_step_along_its_lines_and_connections() {
        use crate::journey::{Connection, Level, Network, Sector};
        let level = |n| Level::rqf(n).unwrap();
        let positions = (0..4)
            .map(|i| sample::position(&format!("s{i}"), level(2 + i), Sector::Digital))
            .collect();
        let lines = vec![
            sample::line("a", Sector::Digital, &[0, 1, 2]),
            sample::line("b", Sector::Digital, &[3, 2]),
        ];
        let connections = vec![Connection {
            from: PositionIndex(2),
            to: PositionIndex(3),
        }];
        // Rides a from 0 to 2 without stopping at 1, then the connection.
        let journeys = vec![sample::journey("kim", Sector::Digital, &[0, 2, 3])];
        let network = Network::new(positions, lines, connections, journeys).unwrap();
        let layout = crate::layout::layout(&CareerGraph::new(network.clone()));
        let trip = trip_stretches(&network, &layout, crate::journey::JourneyIndex(0));
        assert_eq!(trip.len(), 2);
        assert_eq!(trip[0].line, Some(crate::journey::LineIndex(0)));
        assert_eq!(trip[1].line, None);
        let near = |a: Point, b: Point| (a.x - b.x).abs() < 20.0 && (a.y - b.y).abs() < 20.0;
        assert!(near(trip[0].points[0], layout.stations[0].at));
        assert!(near(*trip[0].points.last().unwrap(), layout.stations[2].at));
        assert!(near(*trip[1].points.last().unwrap(), layout.stations[3].at));
    }
}
