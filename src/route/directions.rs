//! Journey-planner directions: "From GCSEs, take the Onsite construction
//! line 2 stops to…".
//!
//! The ordered list of [`Direction`]s is also the screen-reader equivalent of
//! the route drawn on the map, so each one reads well on its own.

use super::{Blocking, NoRoute, Route};
use crate::journey::{Level, LineIndex, Met, Network, PositionIndex, Unmet};
use crate::wording::plural;
use serde::{Deserialize, Serialize};

/// One instruction of a route.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Direction {
    /// Ride one line (or walk a connection): the first leg boards it at
    /// `from`, later legs change to it there (`change` is true).
    Ride {
        /// Whether this is a change from the previous line.
        change: bool,
        /// Where you board.
        from: PositionIndex,
        /// The line; `None` for an out-of-station connection.
        line: Option<LineIndex>,
        /// How many stops you ride.
        stops: usize,
        /// Where you get off.
        to: PositionIndex,
        /// Typical years on this line.
        years: f32,
        /// Stations reached by a step down a level (a career change).
        steps_down: Vec<PositionIndex>,
        /// How the entry requirements of the stations on this leg are met.
        met: Vec<Met>,
    },
    /// The end of the route.
    Arrive {
        /// The destination.
        at: PositionIndex,
        /// Typical years for the whole route.
        total_years: f32,
        /// The highest level on the way.
        highest_level: Level,
        /// Your age on arriving.
        age: f32,
    },
}

/// The directions for `route`: one [`Direction::Ride`] per leg, then
/// [`Direction::Arrive`].
///
/// ```
/// use tubemap::journey::{PositionIndex, sample};
/// use tubemap::graph::CareerGraph;
/// use tubemap::route::{RouteQuery, directions, plan, render_text};
///
/// let network = sample::two_lines();
/// let graph = CareerGraph::new(network.clone());
/// let plan = plan(&graph, PositionIndex(0), PositionIndex(3), &RouteQuery::default()).unwrap();
/// let text = render_text(&network, &directions(&plan.best));
/// assert_eq!(
///     text,
///     "From gcse (Level 2), take the ben line 2 stops to hnc (Level 5), about 1 year.\n\
///      Arrive at hnc at about age 17. Total: about 1 year, reaching Level 5."
/// );
/// ```
pub fn directions(route: &Route) -> Vec<Direction> {
    let mut out: Vec<Direction> = route
        .legs
        .iter()
        .enumerate()
        .map(|(i, leg)| Direction::Ride {
            change: i > 0,
            from: leg.from,
            line: leg.line,
            stops: leg.stops,
            to: leg.to,
            years: leg.years,
            steps_down: leg.steps_down.clone(),
            met: route
                .met
                .iter()
                .filter(|m| reached_on(route, i, m.at))
                .filter_map(|m| worth_saying(route, m))
                .collect(),
        })
        .collect();
    if let Some(&at) = route.stops.last() {
        out.push(Direction::Arrive {
            at,
            total_years: route.total_years,
            highest_level: route.highest_level,
            age: route.arrival_age,
        });
    }
    out
}

/// The parts of how a requirement was met that a pupil would not take for
/// granted: a level; an age above [`super::DEFAULT_AGE`]; a position held
/// other than the stop just before. `None` when nothing is left.
fn worth_saying(route: &Route, met: &Met) -> Option<Met> {
    let before = route
        .stops
        .iter()
        .position(|&s| s == met.at)
        .and_then(|i| i.checked_sub(1))
        .map(|i| route.stops[i]);
    let kept = Met {
        at: met.at,
        age: met.age.filter(|&(needs, _)| needs > super::DEFAULT_AGE),
        level: met.level,
        after: met.after.filter(|&a| Some(a) != before),
    };
    (kept.age.is_some() || kept.level.is_some() || kept.after.is_some()).then_some(kept)
}

/// A route in one line, for comparing routes side by side (the app's
/// route list and the CLI): "3 steps · 1 change · about 5.5 years · there
/// at about 21 · reaches Level 6".
pub fn summary(route: &Route) -> String {
    format!(
        "{} · {} · {} · there at about {} · reaches {}",
        plural(route.steps, "step"),
        plural(route.legs.len().saturating_sub(1), "change"),
        about_years(route.total_years),
        route.arrival_age.floor() as u32,
        route.highest_level
    )
}

/// Whether `at` is one of the stops leg `leg` of `route` reaches.
fn reached_on(route: &Route, leg: usize, at: PositionIndex) -> bool {
    let first: usize = route.legs[..leg].iter().map(|l| l.stops).sum();
    let stops = route.legs.get(leg).map_or(0, |l| l.stops);
    route
        .stops
        .get(first + 1..=first + stops)
        .is_some_and(|s| s.contains(&at))
}

/// Why a station lets you in: "Degree needs Level 3 (you have it from A
/// levels)." Empty when it asks for nothing.
pub fn met_text(network: &Network, met: &Met) -> String {
    let title = |p: PositionIndex| {
        network
            .positions()
            .get(p.get())
            .map_or("", |p| p.title.as_str())
    };
    let mut parts = Vec::new();
    if let Some((needs, would_be)) = met.age {
        parts.push(format!(
            "you to be {needs} or over (you would be {would_be})"
        ));
    }
    if let Some((level, from)) = met.level {
        parts.push(format!("{level} (you have it from {})", title(from)));
    }
    if let Some(after) = met.after {
        parts.push(format!("{} first (you have it)", title(after)));
    }
    if parts.is_empty() {
        return String::new();
    }
    format!("{} needs {}.", title(met.at), parts.join(" and "))
}

/// What a station asks for that you do not have: "Skills Bootcamp needs
/// you to be 19 or over; you would be 16."
pub fn unmet_text(network: &Network, at: PositionIndex, unmet: &Unmet) -> String {
    let title = |p: PositionIndex| {
        network
            .positions()
            .get(p.get())
            .map_or("", |p| p.title.as_str())
    };
    match unmet {
        Unmet::Age { needs, would_be } => format!(
            "{} needs you to be {needs} or over; you would be {would_be}.",
            title(at)
        ),
        Unmet::TooOld { limit, would_be } => format!(
            "{} is for people aged {limit} or under; you would be {would_be}.",
            title(at)
        ),
        Unmet::Level { needs, has } => {
            format!("{} needs {needs}; you would have {has}.", title(at))
        }
        Unmet::After(any) => {
            // Strings, not &str: one `join` in the bundle, not two.
            let names: Vec<String> = any.iter().map(|&p| title(p).to_owned()).collect();
            format!(
                "{} needs one of these first: {}.",
                title(at),
                names.join("; ")
            )
        }
    }
}

impl Direction {
    /// The direction as one or two sentences.
    pub fn text(&self, network: &Network) -> String {
        let title = |p: PositionIndex| {
            network
                .positions()
                .get(p.get())
                .map_or("an unknown station", |p| p.title.as_str())
        };
        let station = |p: PositionIndex| match network.positions().get(p.get()) {
            Some(position) => format!("{} ({})", position.title, position.level_text()),
            None => title(p).to_owned(),
        };
        match self {
            Direction::Ride {
                change,
                from,
                line,
                stops,
                to,
                years,
                steps_down,
                met,
            } => {
                let line = line.and_then(|l| network.lines().get(l.get()));
                let mut text = match (line, *change) {
                    (Some(line), false) => {
                        format!("From {}, take the {} line", station(*from), line.name)
                    }
                    (Some(line), true) => {
                        format!("At {}, change to the {} line", station(*from), line.name)
                    }
                    (None, false) => format!("From {}, take the connection", station(*from)),
                    (None, true) => format!("At {}, take the connection", station(*from)),
                };
                let stops = if line.is_some() {
                    format!(" {}", plural(*stops, "stop"))
                } else {
                    String::new()
                };
                // The last leg may pass no station between boarding and
                // the destination: no time to give.
                let time = if *years > 0.0 {
                    format!(", {}", about_years(*years))
                } else {
                    String::new()
                };
                text.push_str(&format!("{stops} to {}{time}.", station(*to)));
                for &down in steps_down {
                    if let Some(p) = network.positions().get(down.get()) {
                        text.push_str(&format!(
                            " The step to {} goes down a level, to {}: levels can drop when you change career or start a job.",
                            p.title, p.level
                        ));
                    }
                }
                for m in met {
                    text.push(' ');
                    text.push_str(&met_text(network, m));
                }
                text
            }
            Direction::Arrive {
                at,
                total_years,
                highest_level,
                age,
            } => format!(
                "Arrive at {} at about age {}. Total: {}, reaching {highest_level}.",
                title(*at),
                age.floor() as u32,
                about_years(*total_years)
            ),
        }
    }
}

/// Every direction's text, one per line.
pub fn render_text(network: &Network, directions: &[Direction]) -> String {
    directions
        .iter()
        .map(|d| d.text(network))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why there is no route from `from` to `to`, in words, with the nearest
/// station on offer.
///
/// ```
/// use tubemap::journey::{PositionIndex, sample};
/// use tubemap::graph::CareerGraph;
/// use tubemap::route::{RouteQuery, explain, plan};
///
/// let network = sample::two_lines();
/// let graph = CareerGraph::new(network.clone());
/// let why = plan(&graph, PositionIndex(2), PositionIndex(0), &RouteQuery::default()).unwrap_err();
/// let text = explain(&network, PositionIndex(2), PositionIndex(0), &why);
/// assert_eq!(text, "No line or connection leads from supervisor to gcse yet.");
/// ```
pub fn explain(network: &Network, from: PositionIndex, to: PositionIndex, why: &NoRoute) -> String {
    let title = |p: PositionIndex| {
        network
            .positions()
            .get(p.get())
            .map_or_else(|| format!("position {}", p.0), |p| p.title.clone())
    };
    let offer = |nearest: &Option<PositionIndex>| match nearest {
        Some(p) => match network.positions().get(p.get()) {
            Some(position) => format!(
                " The nearest you can reach is {} ({}).",
                position.title,
                position.level_text()
            ),
            None => String::new(),
        },
        None => String::new(),
    };
    match why {
        NoRoute::NoSuchPosition(p) => format!("There is no station number {}.", p.0),
        NoRoute::SameStation => "You are already there.".to_owned(),
        NoRoute::Unreachable { nearest } => format!(
            "No line or connection leads from {} to {} yet.{}",
            title(from),
            title(to),
            offer(nearest)
        ),
        NoRoute::Constrained { blocking, nearest } => {
            let reasons: Vec<String> = blocking
                .iter()
                .map(|b| match b {
                    Blocking::NoUniversity => "going to university".to_owned(),
                    Blocking::MaxLevel(level) => format!("going above {level}"),
                    Blocking::Avoid(p) => format!("going through {}", title(*p)),
                })
                .collect();
            let joined = if blocking.len() > 1 {
                format!("these together: {}", reasons.join("; "))
            } else {
                reasons.join("")
            };
            format!("There is a route, but only by {joined}.{}", offer(nearest))
        }
        NoRoute::Requirement { at, unmet, nearest } => format!(
            "Not yet: every way there needs something you would not have. {}{}",
            unmet_text(network, *at, unmet),
            offer(nearest)
        ),
    }
}

/// "about 2 years", "about 6 months": rounded to half years from a year up,
/// so the text does not promise more precision than the content has.
pub fn about_years(years: f32) -> String {
    if years < 0.95 {
        let months = (years * 12.0).round().max(1.0);
        return format!("about {}", plural(months as usize, "month"));
    }
    let halves = (years * 2.0).round();
    if halves % 2.0 == 0.0 {
        let whole = (halves / 2.0) as usize;
        format!("about {}", plural(whole, "year"))
    } else {
        // Integer formatting: the app shows these directions, and float
        // printing would add kilobytes to the browser bundle.
        format!("about {}.5 years", (halves / 2.0).floor() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_counts_steps_and_changes_in_words() {
        use crate::graph::CareerGraph;
        use crate::journey::sample;
        let network = sample::two_lines();
        let graph = CareerGraph::new(network.clone());
        let query = super::super::RouteQuery::default();
        let plan = super::super::plan(&graph, PositionIndex(0), PositionIndex(3), &query).unwrap();
        assert_eq!(
            summary(&plan.best),
            "2 steps · 0 changes · about 1 year · there at about 17 · reaches Level 5"
        );
    }

    #[test]
    fn years_read_as_people_say_them() {
        assert_eq!(about_years(0.3), "about 4 months");
        assert_eq!(about_years(1.0), "about 1 year");
        assert_eq!(about_years(2.4), "about 2.5 years");
        assert_eq!(about_years(13.0), "about 13 years");
        assert_eq!(plural(1, "stop"), "1 stop");
        assert_eq!(plural(3, "stop"), "3 stops");
    }
}
