//! Presentation mode for a classroom: one journey or one route, station by
//! station, driven by the keyboard and presenter clickers.
//!
//! Pure logic here (the slides, which key does what, the QR code); the
//! overlay that shows it is `ui::present`.

use crate::journey::{JourneyIndex, Network, PositionIndex, years_text};
use crate::route::Route;
use qrcodegen::{QrCode, QrCodeEcc};

/// What a key press asks the presentation to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// The next station.
    Next,
    /// The previous station.
    Previous,
    /// Back to the start.
    First,
    /// The last station.
    Last,
    /// Blank the screen, or bring it back.
    Blank,
    /// Leave presentation mode.
    Exit,
}

/// Presenter clickers send Page Up / Page Down (some send arrows, B or .);
/// keyboards add space, Home, End and Escape.
pub fn command_for_key(key: &str) -> Option<Command> {
    Some(match key {
        "PageDown" | "ArrowRight" | "ArrowDown" | " " | "Spacebar" | "Enter" => Command::Next,
        "PageUp" | "ArrowLeft" | "ArrowUp" | "Backspace" => Command::Previous,
        "Home" => Command::First,
        "End" => Command::Last,
        "b" | "B" | "." => Command::Blank,
        "Escape" | "Esc" => Command::Exit,
        _ => return None,
    })
}

/// One step of a presentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// The station shown.
    pub position: PositionIndex,
    /// Its title.
    pub title: String,
    /// Its level and what that means.
    pub level: String,
    /// What the person did there, or how a route gets there.
    pub caption: Option<String>,
}

/// A journey, station by station, with the person's own notes.
pub fn journey_slides(network: &Network, journey: JourneyIndex) -> Vec<Slide> {
    network
        .journey(journey)
        .steps
        .iter()
        .map(|step| {
            let position = network.position(step.position);
            let caption = match (&step.note, step.years) {
                (Some(note), Some(years)) => Some(format!("{note} ({})", years_text(years))),
                (Some(note), None) => Some(note.clone()),
                (None, Some(years)) => Some(years_text(years)),
                (None, None) => None,
            };
            Slide {
                position: step.position,
                title: position.title.clone(),
                level: position.level_meaning().to_string(),
                caption,
            }
        })
        .collect()
}

/// A planned route, station by station, saying which line to ride.
pub fn route_slides(network: &Network, route: &Route) -> Vec<Slide> {
    route
        .stops
        .iter()
        .enumerate()
        .map(|(i, &stop)| {
            let position = network.position(stop);
            // The leg that arrives here: the line ridden to this stop.
            let caption = if i == 0 {
                Some("Start here.".to_owned())
            } else {
                let mut ridden = 0;
                route
                    .legs
                    .iter()
                    .find(|leg| {
                        ridden += leg.stops;
                        ridden >= i
                    })
                    .map(|leg| match leg.line {
                        Some(line) => format!("On the {} line.", network.line(line).name),
                        None => "Through a connection: a change of pathway.".to_owned(),
                    })
            };
            Slide {
                position: stop,
                title: position.title.clone(),
                level: position.level_meaning().to_string(),
                caption,
            }
        })
        .collect()
}

/// A QR code for `text` as SVG path data in a square of `size` modules
/// (plus no quiet zone: the caller adds it with the viewBox).
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    Some((size, path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;

    #[test]
    fn clickers_and_keyboards_drive_the_presentation() {
        assert_eq!(command_for_key("PageDown"), Some(Command::Next));
        assert_eq!(command_for_key("PageUp"), Some(Command::Previous));
        assert_eq!(command_for_key(" "), Some(Command::Next));
        assert_eq!(command_for_key("ArrowLeft"), Some(Command::Previous));
        assert_eq!(command_for_key("."), Some(Command::Blank));
        assert_eq!(command_for_key("b"), Some(Command::Blank));
        assert_eq!(command_for_key("Escape"), Some(Command::Exit));
        assert_eq!(command_for_key("x"), None);
    }

    #[test]
    fn a_journey_gives_one_slide_per_step_with_its_notes() {
        let network = sample::two_lines();
        let mut journeys = network.journeys().to_vec();
        journeys[0].steps[1].note = Some("Laid bricks in Leeds.".into());
        journeys[0].steps[1].years = Some(2.0);
        let network = sample::one_line_per_journey(network.positions().to_vec(), journeys);
        let slides = journey_slides(&network, JourneyIndex(0));
        assert_eq!(slides.len(), 3);
        assert_eq!(
            slides[1].caption.as_deref(),
            Some("Laid bricks in Leeds. (2 years)")
        );
        assert_eq!(slides[2].position, PositionIndex(2));
        assert!(slides[0].level.starts_with("Level 2"));
    }

    #[test]
    fn a_route_names_the_line_ridden_to_each_stop() {
        let (graph, route) = crate::route::sample_route();
        let slides = route_slides(graph.network(), &route);
        assert_eq!(slides.len(), route.stops.len());
        assert_eq!(slides[0].caption.as_deref(), Some("Start here."));
        assert!(
            slides
                .last()
                .unwrap()
                .caption
                .as_deref()
                .unwrap()
                .starts_with("On ")
        );
    }

    #[test]
    fn the_qr_code_is_square_and_has_dark_modules() {
        let (size, path) = qr_path("https://example.org/?line=aisha&present=2").unwrap();
        assert!(
            size >= 21 && (size - 17) % 4 == 0,
            "QR sizes are 17 + 4n: {size}"
        );
        assert!(path.matches('M').count() > (size * size / 4) as usize);
    }
}
