//! Small hand-made networks for tests and doctests.

use super::{Journey, Kind, Level, Network, Position, PositionIndex, Sector, Step};

/// A position with only the required fields filled in.
pub fn position(id: &str, level: Level, sector: Sector) -> Position {
    Position {
        id: id.to_owned(),
        title: id.replace('-', " "),
        kind: Kind::Qualification,
        level,
        sectors: vec![sector],
        description: format!("About {id}."),
        entry_requirements: None,
        duration: None,
        typical_years: Some(1.0),
        salary: None,
        links: Vec::new(),
        withdrawn: None,
    }
}

/// A journey through the positions at `stops`.
pub fn journey(id: &str, sector: Sector, stops: &[u32]) -> Journey {
    Journey {
        id: id.to_owned(),
        name: id.to_owned(),
        headline: format!("The {id} line"),
        sector,
        colour: None,
        story: format!("I am {id}."),
        steps: stops
            .iter()
            .map(|&p| Step {
                position: PositionIndex(p),
                years: None,
                note: None,
            })
            .collect(),
    }
}

/// Four construction positions, levels 2 to 5, and two journeys sharing the
/// first two stops:
///
/// ```text
/// amara: gcse(0) → bricklayer(1) → supervisor(2)
/// ben:   gcse(0) → bricklayer(1) → hnc(3)
/// ```
pub fn two_lines() -> Network {
    let level = |n| Level::rqf(n).expect("sample levels are valid");
    let positions = vec![
        position("gcse", level(2), Sector::General),
        position("bricklayer", level(2), Sector::Construction),
        position("supervisor", level(4), Sector::Construction),
        position("hnc", level(5), Sector::Construction),
    ];
    let journeys = vec![
        journey("amara", Sector::Construction, &[0, 1, 2]),
        journey("ben", Sector::Construction, &[0, 1, 3]),
    ];
    Network::new(positions, journeys).expect("the sample network is consistent")
}
