use super::{Level, Requirement};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Index of a position in [`super::Network::positions`]; also its node index
/// in the career graph.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct PositionIndex(pub u32);

impl PositionIndex {
    /// The index as a `usize`, for slices.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A station: a school stage, qualification, apprenticeship, job and so on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Stable identifier, kebab-case, unique across all files.
    pub id: String,
    /// The official title.
    pub title: String,
    /// What sort of position this is.
    pub kind: Kind,
    /// Entry or RQF 1–8.
    pub level: Level,
    /// The sectors it belongs to; never empty.
    pub sectors: Vec<Sector>,
    /// Plain-English description.
    ///
    /// This and the other words (to `withdrawn`) are skipped by serde: they
    /// travel in the details file (`Details`), never in the map data.
    #[serde(skip)]
    pub description: String,
    /// What you usually need to start.
    #[serde(skip)]
    pub entry_requirements: Option<String>,
    /// How long it usually takes, in words.
    #[serde(skip)]
    pub duration: Option<String>,
    /// Typical time spent here in years, for route planning.
    pub typical_years: Option<f32>,
    /// Pay, for jobs and apprenticeships.
    #[serde(skip)]
    pub salary: Option<Salary>,
    /// For a job whose pay no page confirms: why. The app says "Pay not
    /// confirmed" instead of a figure.
    #[serde(skip)]
    pub pay_not_confirmed: Option<String>,
    /// Official pages; always `https`.
    #[serde(skip)]
    pub links: Vec<String>,
    /// Set when the qualification is closed to new starts: what happened.
    #[serde(skip)]
    pub withdrawn: Option<String>,
    /// What you need to start: any one of these; empty when anyone can.
    pub requires: Vec<Requirement>,
    /// The last year anyone could start it, once it has closed to new
    /// starts: the route planner never sends anyone there.
    pub last_start: Option<u16>,
}

/// A level as a panel says it: its name, which panels set in bold, and
/// what it is like. Reads as "Level 2: like GCSE grades 9 to 4".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelMeaning {
    /// "Level 2", or what a course or registration is instead.
    pub name: String,
    /// "like GCSE grades 9 to 4", or why a course or registration has no
    /// level of its own.
    pub explanation: &'static str,
}

impl std::fmt::Display for LevelMeaning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.explanation)
    }
}

impl Position {
    /// Its level as people should read it. A course such as a Skills
    /// Bootcamp is not a regulated qualification, and a professional
    /// registration is not a qualification at all: their level only places
    /// them on the map, beside what they compare with, and is never
    /// presented as theirs.
    pub fn level_text(&self) -> String {
        match self.kind {
            Kind::Course => "not a regulated qualification".to_owned(),
            Kind::ProfessionalMembership => "a registration, not a qualification".to_owned(),
            _ => self.level.to_string(),
        }
    }

    /// What its level means, for a station's panel: the level and what it
    /// is like, or for a course or registration why it has none (see
    /// [`Position::level_text`]).
    pub fn level_meaning(&self) -> LevelMeaning {
        let explanation = match self.kind {
            Kind::Course => "the map shows it with the level it leads to",
            Kind::ProfessionalMembership => "the map shows it with the level it usually asks for",
            _ => self.level.meaning(),
        };
        LevelMeaning {
            name: self.level_text(),
            explanation,
        }
    }

    /// Whether it has closed to new starts.
    pub fn is_closed(&self) -> bool {
        self.last_start.is_some()
    }
}

/// A pay range with where the figures come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Salary {
    /// Pounds a year at the bottom of the range.
    pub min: u32,
    /// Pounds a year at the top of the range.
    pub max: u32,
    /// Who published the figures.
    pub source: String,
    /// The page the figures come from; always `https`.
    pub url: String,
    /// The year the figures are for.
    pub year: u16,
}

impl Salary {
    /// "£24,000 to £40,000 a year", or "About £30,000 a year" for one
    /// figure.
    pub fn figures(&self) -> String {
        use crate::wording::thousands;
        if self.min == self.max {
            format!("About £{} a year", thousands(self.min))
        } else {
            format!(
                "£{} to £{} a year",
                thousands(self.min),
                thousands(self.max)
            )
        }
    }
}

macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key used in journey files and URLs.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// The value whose key is `key`.
            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }

            /// A label for people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

named_enum! {
    /// What sort of position a station is.
    Kind {
        /// A stage of school, such as Year 9 options.
        SchoolStage => "school-stage", "School stage";
        /// A qualification such as GCSEs, A levels, a BTEC or an HNC.
        Qualification => "qualification", "Qualification";
        /// A T Level.
        TLevel => "t-level", "T Level";
        /// An apprenticeship standard.
        Apprenticeship => "apprenticeship", "Apprenticeship";
        /// A university degree.
        Degree => "degree", "Degree";
        /// Membership of a professional body, such as MCIOB or RITTech.
        ProfessionalMembership => "professional-membership", "Professional membership";
        /// A job.
        Job => "job", "Job";
        /// A short course, such as a Skills Bootcamp.
        Course => "course", "Course";
    }
}

named_enum! {
    /// A group of careers; the map can be filtered by sector.
    Sector {
        /// Building, civil engineering, building services.
        Construction => "construction", "Construction";
        /// Digital and IT.
        Digital => "digital", "Digital and IT";
        /// School stages and qualifications that lead anywhere.
        General => "general", "General";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;

    #[test]
    fn courses_and_registrations_never_read_as_a_level() {
        let mut p = sample::position("bootcamp", Level::rqf(3).unwrap(), Sector::Digital);
        assert_eq!(p.level_text(), "Level 3");
        assert_eq!(
            p.level_meaning().to_string(),
            "Level 3: like A levels or a T Level"
        );
        p.kind = Kind::Course;
        assert_eq!(p.level_text(), "not a regulated qualification");
        let meaning = p.level_meaning();
        assert_eq!(meaning.name, "not a regulated qualification");
        assert!(!meaning.to_string().contains("Level 3"));
        p.kind = Kind::ProfessionalMembership;
        assert_eq!(p.level_text(), "a registration, not a qualification");
        assert!(p.level_meaning().explanation.contains("usually asks for"));
    }
}
