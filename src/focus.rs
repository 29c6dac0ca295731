//! What the map picks out over the dimmed rest, and the one rule for which
//! choice wins when several are made: a route on show, then a person's trip,
//! then a line from the legend, then a sector.

use crate::journey::{JourneyIndex, LineIndex, Network, PositionIndex, Sector};

/// The strongest of the user's choices, for drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum Focus {
    /// A planned route, drawn over the map: its stops stay bright.
    Route(Vec<PositionIndex>),
    /// A person's trip, drawn over the map: the stations of their steps.
    Person(JourneyIndex),
    /// A line chosen in the legend: its own path and stations stay bright.
    Line(LineIndex),
    /// One sector's lines and stations stay bright.
    Sector(Sector),
    /// Nothing chosen: nothing dims.
    Everything,
}

impl Focus {
    /// The focus from what is chosen; the earlier argument wins.
    pub fn of(
        route_stops: Option<Vec<PositionIndex>>,
        person: Option<JourneyIndex>,
        line: Option<LineIndex>,
        sector: Option<Sector>,
    ) -> Focus {
        match (route_stops, person, line, sector) {
            (Some(stops), ..) => Focus::Route(stops),
            (None, Some(person), ..) => Focus::Person(person),
            (None, None, Some(line), _) => Focus::Line(line),
            (None, None, None, Some(sector)) => Focus::Sector(sector),
            (None, None, None, None) => Focus::Everything,
        }
    }

    /// Whether everything outside the focus is dimmed.
    pub fn dims(&self) -> bool {
        !matches!(self, Focus::Everything)
    }

    /// For each position, whether its station stays bright.
    pub fn lit_stations(&self, network: &Network) -> Vec<bool> {
        let count = network.positions().len();
        let mut on = vec![false; count];
        match self {
            Focus::Route(stops) => stops.iter().for_each(|p| on[p.get()] = true),
            Focus::Person(journey) => network
                .journey(*journey)
                .steps
                .iter()
                .for_each(|s| on[s.position.get()] = true),
            Focus::Line(line) => {
                let line = network.line(*line);
                for p in network.position_indices() {
                    on[p.get()] = line.stops_at(p);
                }
            }
            Focus::Sector(sector) => {
                for (i, p) in network.positions().iter().enumerate() {
                    on[i] = p.sectors.contains(sector);
                }
            }
            Focus::Everything => on.fill(true),
        }
        on
    }

    /// Whether `line`'s own path stays bright. A route or a trip is drawn
    /// on top of the dimmed lines instead, so no line is lit under one.
    pub fn lights_line(&self, network: &Network, line: LineIndex) -> bool {
        match self {
            Focus::Route(_) | Focus::Person(_) => false,
            Focus::Line(chosen) => *chosen == line,
            Focus::Sector(sector) => network.line(line).sector == *sector,
            Focus::Everything => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;

    #[test]
    fn a_route_outranks_a_person_who_outranks_a_line_who_outranks_a_sector() {
        let (p, j, l, s) = (
            Some(vec![PositionIndex(0)]),
            Some(JourneyIndex(1)),
            Some(LineIndex(0)),
            Some(Sector::Digital),
        );
        assert_eq!(
            Focus::of(p.clone(), j, l, s),
            Focus::Route(vec![PositionIndex(0)])
        );
        assert_eq!(Focus::of(None, j, l, s), Focus::Person(JourneyIndex(1)));
        assert_eq!(Focus::of(None, None, l, s), Focus::Line(LineIndex(0)));
        assert_eq!(
            Focus::of(None, None, None, s),
            Focus::Sector(Sector::Digital)
        );
        assert_eq!(Focus::of(None, None, None, None), Focus::Everything);
        assert!(!Focus::Everything.dims());
        assert!(Focus::Line(LineIndex(0)).dims());
    }

    #[test]
    fn a_chosen_line_lights_its_own_stations_and_path_only() {
        // amara's line: 0 → 1 → 2; ben's: 0 → 1 → 3.
        let network = sample::two_lines();
        let focus = Focus::Line(LineIndex(1));
        assert_eq!(focus.lit_stations(&network), vec![true, true, false, true]);
        assert!(focus.lights_line(&network, LineIndex(1)));
        assert!(!focus.lights_line(&network, LineIndex(0)));
    }

    #[test]
    fn a_trip_lights_its_stations_but_no_line_path() {
        let network = sample::two_lines();
        let focus = Focus::Person(JourneyIndex(0));
        assert_eq!(focus.lit_stations(&network), vec![true, true, true, false]);
        assert!(!focus.lights_line(&network, LineIndex(0)));
        let route = Focus::Route(vec![PositionIndex(1), PositionIndex(3)]);
        assert_eq!(route.lit_stations(&network), vec![false, true, false, true]);
    }

    #[test]
    fn a_sector_lights_its_lines_and_everything_lights_all() {
        let network = sample::two_lines();
        let digital = Focus::Sector(Sector::Digital);
        assert_eq!(digital.lit_stations(&network), vec![false; 4]);
        assert!(!digital.lights_line(&network, LineIndex(0)));
        let construction = Focus::Sector(Sector::Construction);
        assert_eq!(
            construction.lit_stations(&network),
            vec![false, true, true, true]
        );
        assert!(construction.lights_line(&network, LineIndex(0)));
        assert_eq!(Focus::Everything.lit_stations(&network), vec![true; 4]);
    }
}
