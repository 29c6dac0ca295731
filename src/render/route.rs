//! Where a planned route runs on the drawn map: for each leg, the stretch of
//! that line's drawn path between boarding and getting off.

use crate::journey::{Colour, JourneyIndex, Network};
use crate::layout::{MapLayout, Point};
use crate::route::Route;

/// One leg of a route as drawn: part of a line's octilinear path.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteStretch {
    /// The line ridden.
    pub journey: JourneyIndex,
    /// Its colour.
    pub colour: Colour,
    /// The drawn points from boarding to getting off.
    pub points: Vec<Point>,
}

/// The drawn stretches of every leg of `route`, in order. A leg whose
/// stretch cannot be found on its line (a layout from other content) is
/// left out rather than drawn wrongly.
pub fn route_stretches(network: &Network, layout: &MapLayout, route: &Route) -> Vec<RouteStretch> {
    route
        .legs
        .iter()
        .filter_map(|leg| {
            let line = layout.lines.get(leg.journey.get())?;
            let steps = &network.journeys().get(leg.journey.get())?.steps;
            // The leg boards at step k and rides `stops` consecutive steps.
            let board = (0..steps.len()).find(|&k| {
                steps[k].position == leg.from
                    && steps
                        .get(k + leg.stops)
                        .is_some_and(|s| s.position == leg.to)
            })?;
            let (start, end) = (*line.stops.get(board)?, *line.stops.get(board + leg.stops)?);
            let points = line.points.get(start.min(end)..=start.max(end))?.to_vec();
            Some(RouteStretch {
                journey: leg.journey,
                colour: line.colour,
                points,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{PositionIndex, sample};
    use crate::network::CareerGraph;
    use crate::route::{RouteQuery, plan};

    #[test]
    fn a_route_is_drawn_along_its_lines_from_stop_to_stop() {
        let network = sample::two_lines();
        let graph = CareerGraph::new(&network);
        let layout = crate::layout::layout(&network, &graph);
        let route = plan(
            &network,
            &graph,
            PositionIndex(0),
            PositionIndex(3),
            &RouteQuery::default(),
        )
        .unwrap()
        .best;
        let stretches = route_stretches(&network, &layout, &route);
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
}
