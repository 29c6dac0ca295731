use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a position sits on the ladder of qualifications: Entry level, or a
/// level of the Regulated Qualifications Framework (RQF) from 1 to 8.
///
/// Levels order from `Entry` up, which is the main axis of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Level(u8);

/// A level outside Entry and RQF 1–8.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("level {0} is not an RQF level: levels run from 1 to 8, or \"entry\"")]
pub struct LevelError(pub i64);

impl Level {
    /// Entry level, below RQF Level 1.
    pub const ENTRY: Level = Level(0);
    /// The highest RQF level.
    pub const MAX: Level = Level(8);

    /// The RQF level `n` (1–8).
    pub fn rqf(n: i64) -> Result<Level, LevelError> {
        match u8::try_from(n) {
            Ok(n @ 1..=8) => Ok(Level(n)),
            _ => Err(LevelError(n)),
        }
    }

    /// Every level from Entry to 8, lowest first.
    pub fn all() -> impl DoubleEndedIterator<Item = Level> + ExactSizeIterator {
        (0..=8).map(Level)
    }

    /// 0 for Entry, otherwise the RQF number: the position of the band on the map.
    pub fn rank(self) -> u8 {
        self.0
    }

    /// What this level is like, in words a 13-year-old knows: "like GCSE
    /// grades 9 to 4". Its name is its `Display` ("Level 2").
    pub fn meaning(self) -> &'static str {
        match self.0 {
            0 => "first steps, like an Entry Level Certificate",
            1 => "like GCSE grades 3 to 1",
            2 => "like GCSE grades 9 to 4",
            3 => "like A levels or a T Level",
            4 => "like the first year of university, or an HNC",
            5 => "like a foundation degree or an HND",
            6 => "like a bachelor's degree",
            7 => "like a master's degree",
            _ => "like a doctorate (PhD)",
        }
    }

    /// The short name of the band on the map, with familiar examples.
    pub fn band_label(self) -> &'static str {
        match self.0 {
            0 => "Entry level: Entry Level Certificates, first jobs",
            1 => "Level 1: GCSE grades 3 to 1, Level 1 diplomas",
            2 => "Level 2: GCSE grades 9 to 4, intermediate apprenticeships",
            3 => "Level 3: A levels, T Levels, advanced apprenticeships",
            4 => "Level 4: HNCs, higher apprenticeships",
            5 => "Level 5: HNDs, foundation degrees",
            6 => "Level 6: bachelor's degrees, degree apprenticeships",
            7 => "Level 7: master's degrees, chartered status",
            _ => "Level 8: doctorates",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => f.write_str("Entry level"),
            n => write!(f, "Level {n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rqf_levels_run_from_one_to_eight() {
        assert_eq!(Level::rqf(0), Err(LevelError(0)));
        assert_eq!(Level::rqf(9), Err(LevelError(9)));
        assert_eq!(Level::rqf(-3), Err(LevelError(-3)));
        assert_eq!(Level::rqf(1).map(Level::rank), Ok(1));
        assert_eq!(Level::rqf(8), Ok(Level::MAX));
    }

    #[test]
    fn entry_is_below_level_one_and_reads_as_words() {
        assert!(Level::ENTRY < Level::rqf(1).unwrap());
        assert_eq!(Level::ENTRY.to_string(), "Entry level");
        assert_eq!(Level::rqf(3).unwrap().to_string(), "Level 3");
        assert!(
            Level::rqf(2)
                .unwrap()
                .meaning()
                .contains("GCSE grades 9 to 4")
        );
        assert_eq!(Level::all().count(), 9);
    }
}
