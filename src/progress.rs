//! "My journey": the stations a pupil has done and the one they aim for,
//! with the badges they earned. No account: it lives on the device, as a
//! short text that is also the export file and the share link.
//!
//! The text format is `tubemap-progress/1` then `done=id,id` and `goal=id`
//! lines (or `;`-separated in a URL). Reading is forgiving: unknown ids,
//! unknown lines and a missing header are skipped, and anything that is not
//! this format at all is refused with a reason, so old or damaged stored data
//! never breaks the page.

use crate::journey::{Kind, Level, LevelMeaning, Network, PositionIndex};

/// The first line of the format; the number changes if the format does.
pub const HEADER: &str = "tubemap-progress/1";

/// What a pupil has marked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Stations done, in index order, each once. (A sorted `Vec`: a
    /// handful of stations, and no B-tree code in the browser bundle.)
    done: Vec<PositionIndex>,
    /// The station they aim for.
    pub goal: Option<PositionIndex>,
}

/// Why stored or imported progress was not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    /// Another format, or another version of this one.
    #[error("this is not a saved journey from Careers Tube Map (it starts `{0}`)")]
    NotProgress(String),
    /// Implausibly large for a handful of station ids.
    #[error("the saved journey is too large to be real ({0} bytes)")]
    TooLarge(usize),
}

/// A badge for a station done: what it stands for, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Badge {
    /// The station.
    pub position: PositionIndex,
    /// "GCSEs at grades 9 to 4".
    pub title: String,
    /// "Level 2: like GCSE grades 9 to 4".
    pub meaning: LevelMeaning,
    /// What the badge shows: the level, short ("L2", "E"), or a tick for a
    /// course or registration, which has no level of its own.
    pub mark: String,
}

/// Text longer than this is refused: ids of every station would fit many times.
const MAX_BYTES: usize = 64 * 1024;

impl Progress {
    /// Stations done, in index order.
    pub fn done(&self) -> &[PositionIndex] {
        &self.done
    }

    /// Whether a station is marked done.
    pub fn is_done(&self, position: PositionIndex) -> bool {
        self.done.binary_search(&position).is_ok()
    }

    /// Marks a station as done (again is no change).
    pub fn mark_done(&mut self, position: PositionIndex) {
        if let Err(at) = self.done.binary_search(&position) {
            self.done.insert(at, position);
        }
    }

    /// Marks or unmarks a station as done.
    pub fn toggle_done(&mut self, position: PositionIndex) {
        match self.done.binary_search(&position) {
            Ok(at) => {
                self.done.remove(at);
            }
            Err(at) => self.done.insert(at, position),
        }
    }

    /// Sets or clears the goal.
    pub fn toggle_goal(&mut self, position: PositionIndex) {
        self.goal = if self.goal == Some(position) {
            None
        } else {
            Some(position)
        };
    }

    /// Whether nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.done.is_empty() && self.goal.is_none()
    }

    /// The badges earned, highest level first.
    pub fn badges(&self, network: &Network) -> Vec<Badge> {
        // Highest level first, then in index order: built level by level
        // rather than sorted (no sorting routine for one short list).
        Level::all()
            .rev()
            .flat_map(|level| {
                self.done
                    .iter()
                    .filter(move |&&p| network.position(p).level == level)
            })
            .map(|&position| {
                let p = network.position(position);
                Badge {
                    position,
                    title: p.title.clone(),
                    meaning: p.level_meaning(),
                    mark: match (p.kind, p.level.rank()) {
                        (Kind::Course | Kind::ProfessionalMembership, _) => "✓".to_owned(),
                        (_, 0) => "E".to_owned(),
                        (_, n) => format!("L{n}"),
                    },
                }
            })
            .collect()
    }

    /// Where a route to the goal starts: the highest-level station done.
    pub fn furthest(&self, network: &Network) -> Option<PositionIndex> {
        self.done
            .iter()
            .copied()
            .max_by_key(|&p| (network.position(p).level, std::cmp::Reverse(p)))
    }

    /// The highest level reached, if any station is done.
    pub fn level_reached(&self, network: &Network) -> Option<Level> {
        self.furthest(network).map(|p| network.position(p).level)
    }

    /// The text form, for storage and export (one item a line).
    pub fn to_text(&self, network: &Network) -> String {
        self.encode(network, '\n')
    }

    /// The compact form for a share link (`;`-separated; ids are URL-safe).
    pub fn to_link(&self, network: &Network) -> String {
        self.encode(network, ';')
    }

    fn encode(&self, network: &Network, separator: char) -> String {
        let mut out = String::from(HEADER);
        if !self.done.is_empty() {
            let ids: Vec<&str> = self
                .done
                .iter()
                .map(|&p| network.position(p).id.as_str())
                .collect();
            out.push(separator);
            out.push_str("done=");
            out.push_str(&ids.join(","));
        }
        if let Some(goal) = self.goal {
            out.push(separator);
            out.push_str("goal=");
            out.push_str(&network.position(goal).id);
        }
        out
    }

    /// Reads either form. Ids this content does not have (a station
    /// renamed since) are skipped; they are counted in the second value.
    pub fn from_text(network: &Network, text: &str) -> Result<(Progress, usize), ProgressError> {
        if text.len() > MAX_BYTES {
            return Err(ProgressError::TooLarge(text.len()));
        }
        let mut parts = text
            .split(['\n', ';'])
            .map(str::trim)
            .filter(|l| !l.is_empty());
        match parts.next() {
            Some(HEADER) => {}
            Some(other) => {
                return Err(ProgressError::NotProgress(other.chars().take(30).collect()));
            }
            None => return Ok((Progress::default(), 0)),
        }
        let mut progress = Progress::default();
        let mut skipped = 0;
        for part in parts {
            let Some((key, value)) = part.split_once('=') else {
                continue;
            };
            let mut lookup = |id: &str| {
                let found = network.position_by_id(id.trim());
                skipped += usize::from(found.is_none());
                found
            };
            match key.trim() {
                "done" => value
                    .split(',')
                    .filter(|id| !id.trim().is_empty())
                    .filter_map(&mut lookup)
                    .for_each(|p| progress.mark_done(p)),
                "goal" => progress.goal = lookup(value),
                _ => {}
            }
        }
        Ok((progress, skipped))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;

    #[test]
    fn progress_round_trips_through_text_and_links() {
        let network = sample::two_lines();
        let mut progress = Progress::default();
        progress.toggle_done(PositionIndex(0));
        progress.toggle_done(PositionIndex(1));
        progress.toggle_goal(PositionIndex(2));
        let text = progress.to_text(&network);
        assert_eq!(
            text,
            "tubemap-progress/1\ndone=gcse,bricklayer\ngoal=supervisor"
        );
        assert_eq!(
            Progress::from_text(&network, &text),
            Ok((progress.clone(), 0))
        );
        let link = progress.to_link(&network);
        assert_eq!(
            link,
            "tubemap-progress/1;done=gcse,bricklayer;goal=supervisor"
        );
        assert_eq!(Progress::from_text(&network, &link), Ok((progress, 0)));
    }

    #[test]
    fn damaged_or_foreign_data_is_refused_or_skipped_never_fatal() {
        let network = sample::two_lines();
        assert!(matches!(
            Progress::from_text(&network, "{\"done\": [1,2]}"),
            Err(ProgressError::NotProgress(_))
        ));
        assert!(matches!(
            Progress::from_text(&network, &"x".repeat(70_000)),
            Err(ProgressError::TooLarge(_))
        ));
        assert_eq!(
            Progress::from_text(&network, ""),
            Ok((Progress::default(), 0))
        );
        let (progress, skipped) = Progress::from_text(
            &network,
            "tubemap-progress/1\ndone=gcse,renamed-station,,\ngoal=nowhere\nfuture=1\nnonsense",
        )
        .unwrap();
        assert_eq!(progress.done().len(), 1);
        assert_eq!(progress.goal, None);
        assert_eq!(skipped, 2);
    }

    #[test]
    fn badges_name_what_each_station_stands_for_highest_first() {
        let network = sample::two_lines();
        let mut progress = Progress::default();
        progress.toggle_done(PositionIndex(0));
        progress.toggle_done(PositionIndex(2));
        let badges = progress.badges(&network);
        assert_eq!(badges[0].position, PositionIndex(2));
        assert_eq!(badges[0].meaning.name, "Level 4");
        assert_eq!(badges[0].mark, "L4");
        assert_eq!(progress.furthest(&network), Some(PositionIndex(2)));
        progress.toggle_done(PositionIndex(2));
        assert_eq!(progress.done().len(), 1, "toggling again unmarks");
    }

    #[test]
    fn stations_done_stay_in_index_order_each_once() {
        let mut progress = Progress::default();
        for p in [3, 1, 2, 1, 0] {
            progress.mark_done(PositionIndex(p));
        }
        assert_eq!(progress.done(), [0, 1, 2, 3].map(PositionIndex));
        progress.toggle_done(PositionIndex(1));
        assert!(!progress.is_done(PositionIndex(1)) && progress.is_done(PositionIndex(2)));
        assert_eq!(progress.done(), [0, 2, 3].map(PositionIndex));
    }
}
