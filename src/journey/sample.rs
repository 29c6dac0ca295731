//! Small hand-made networks for tests and doctests.

use super::{
    Colour, Journey, Kind, Level, Line, Network, Position, PositionIndex, Sector, Source, Step,
};

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
        pay_not_confirmed: None,
        links: Vec::new(),
        withdrawn: None,
        requires: Vec::new(),
        last_start: None,
    }
}

/// A journey through the positions at `stops`.
pub fn journey(id: &str, sector: Sector, stops: &[u32]) -> Journey {
    Journey {
        id: id.to_owned(),
        name: id.to_owned(),
        headline: format!("The {id} line"),
        sector,
        story: format!("I am {id}."),
        source: Source::Example,
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

/// A line through the positions at `stops`, in a colour of its own.
pub fn line(id: &str, sector: Sector, stops: &[u32]) -> Line {
    let shade = (id.bytes().map(u32::from).sum::<u32>() % 160) as u8;
    Line {
        id: id.to_owned(),
        name: id.to_owned(),
        colour: Colour {
            r: shade,
            g: 0x30,
            b: 0x80,
        },
        sector,
        runs: vec![stops.iter().map(|&p| PositionIndex(p)).collect()],
    }
}

/// A network where each journey rides a line of its own with the same
/// stations (and the same id): the simplest consistent network for tests
/// written about paths.
pub fn one_line_per_journey(positions: Vec<Position>, journeys: Vec<Journey>) -> Network {
    let lines = journeys
        .iter()
        .map(|j| {
            let mut stops: Vec<u32> = j.steps.iter().map(|s| s.position.0).collect();
            let all = stops.clone();
            stops.dedup();
            if stops.len() < 2 {
                // A journey that never leaves its station still needs a
                // line of two stops.
                stops = all;
            }
            line(&j.id, j.sector, &stops)
        })
        .collect();
    Network::new(positions, lines, Vec::new(), journeys)
        .expect("a journey's own line carries all its steps")
}

/// Four construction positions, levels 2 to 5, and two journeys sharing the
/// first two stops:
///
/// ```text
/// amara: gcse(0) → bricklayer(1) → supervisor(2)
/// ben:   gcse(0) → bricklayer(1) → hnc(3)
/// ```
///
/// Each rides a line of its own named after them (see
/// [`one_line_per_journey`]).
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
    one_line_per_journey(positions, journeys)
}
