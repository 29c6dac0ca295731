//! The journey file format, as Rust types.
//!
//! These types are the single definition of the format: serde reads entries
//! into them and schemars turns them into the JSON Schema that editors use
//! (`tubemap schema`). Fields a diagnostic may point at keep their span.

use crate::journey::{Kind, Sector};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// A journey file: positions, lines, connections, journeys, or any mix.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Careers Tube Map journey file")]
pub struct JourneyFile {
    /// Stations: school stages, qualifications, apprenticeships, jobs.
    #[serde(default)]
    pub position: Vec<PositionDoc>,
    /// Lines: named progression pathways, each with its stations in order.
    #[serde(default)]
    pub line: Vec<LineDoc>,
    /// Out-of-station interchanges: steps between stations no line joins.
    #[serde(default)]
    pub connection: Vec<ConnectionDoc>,
    /// People's journeys: trips over the lines, step by step.
    #[serde(default)]
    pub journey: Vec<JourneyDoc>,
    /// Branches added to a line written in another file: how a new station
    /// proposed with a journey joins a line without editing `lines.toml`.
    #[serde(default)]
    pub branch: Vec<AddedBranchDoc>,
}

/// A line, as written in a `[[line]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LineDoc {
    /// Stable id in kebab-case, unique across all files, e.g. "onsite-construction".
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<String>,
    /// The pathway's name, official where one exists, e.g. "Onsite construction".
    pub name: String,
    /// The line colour as "#RRGGBB": at least 3:1 contrast against white, and
    /// told apart from every line it meets, also with colour blindness.
    #[schemars(with = "String", regex(pattern = r"^#[0-9A-Fa-f]{6}$"))]
    pub colour: Spanned<String>,
    /// The sector the pathway belongs to.
    pub sector: Sector,
    /// Position ids in the order people progress along the line; at least two.
    #[schemars(with = "Vec<String>", length(min = 2))]
    pub stations: Spanned<Vec<Spanned<String>>>,
    /// Branches: each starts at a station already on the line.
    #[serde(default)]
    #[schemars(with = "Vec<BranchDoc>")]
    pub branch: Vec<Spanned<BranchDoc>>,
}

/// A branch, as written in a `[[line.branch]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BranchDoc {
    /// Position ids in order; the first is already on the line.
    #[schemars(with = "Vec<String>", length(min = 2))]
    pub stations: Spanned<Vec<Spanned<String>>>,
}

/// A branch added to a line from another file, as written in a top-level
/// `[[branch]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddedBranchDoc {
    /// The id of the line it belongs to, e.g. "onsite-construction".
    #[schemars(with = "String")]
    pub line: Spanned<String>,
    /// Position ids in order; the first or the last is already on the line.
    #[schemars(with = "Vec<String>", length(min = 2))]
    pub stations: Spanned<Vec<Spanned<String>>>,
}

/// An out-of-station interchange, as written in a `[[connection]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConnectionDoc {
    /// The position id the step starts from.
    #[schemars(with = "String")]
    pub from: Spanned<String>,
    /// The position id the step goes to.
    #[schemars(with = "String")]
    pub to: Spanned<String>,
}

/// A station, as written in a `[[position]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PositionDoc {
    /// Stable id in kebab-case, unique across all files, e.g. "bricklayer-apprenticeship".
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<String>,
    /// The official title, e.g. "Bricklayer apprenticeship".
    pub title: String,
    /// What sort of position this is.
    pub kind: Kind,
    /// "entry", or the RQF level from 1 to 8.
    #[schemars(with = "LevelSchema")]
    pub level: Spanned<LevelValue>,
    /// The sectors it belongs to; "general" for school stages and qualifications that lead anywhere.
    #[schemars(with = "Vec<Sector>", length(min = 1))]
    pub sectors: Spanned<Vec<Sector>>,
    /// What it is, in plain English for a 13-year-old.
    pub description: String,
    /// What you usually need to start.
    pub entry_requirements: Option<String>,
    /// How long it usually takes, in words, e.g. "2 years".
    pub duration: Option<String>,
    /// Typical time here in years, used by the route planner.
    #[schemars(range(min = 0.0, max = 20.0))]
    pub typical_years: Option<f32>,
    /// Pay: a range in pounds a year with its source, the page's https
    /// address and the year.
    #[schemars(with = "Option<SalaryDoc>")]
    pub salary: Option<Spanned<SalaryDoc>>,
    /// For a job whose pay no official page confirms: why, e.g. "No
    /// National Careers Service profile for this job gives figures." The
    /// app shows "Pay not confirmed" rather than a guess.
    pub pay_not_confirmed: Option<String>,
    /// Official pages; https only.
    #[serde(default)]
    #[schemars(with = "Vec<HttpsLink>")]
    pub links: Vec<Spanned<String>>,
    /// Only when closed to new starts: what happened and when.
    pub withdrawn: Option<String>,
    /// The first year anyone could start it, e.g. 2021 for most T Levels.
    #[schemars(with = "Option<u16>", range(min = 1900, max = 2100))]
    pub first_start: Option<Spanned<u16>>,
    /// The last year anyone could start it, once it has closed to new
    /// starts, e.g. 2020 for apprenticeship frameworks.
    #[schemars(with = "Option<u16>", range(min = 1900, max = 2100))]
    pub last_start: Option<Spanned<u16>>,
    /// What you need to start, as alternatives: meeting any one is enough,
    /// e.g. `[{ age = 16, level = 3 }, { age = 21, after = ["site-supervisor"] }]`.
    /// Leave it out when anyone can start.
    #[serde(default)]
    #[schemars(with = "Vec<RequirementDoc>")]
    pub requires: Vec<Spanned<RequirementDoc>>,
}

/// One way in to a position, as written in its `requires` list: every part
/// given must hold.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequirementDoc {
    /// The youngest age at which you can start, in years.
    #[schemars(range(min = 5, max = 99))]
    pub age: Option<u8>,
    /// The oldest age at which you can still start, in years: 19 for a T
    /// Level, which is for 16 to 19 year olds.
    #[schemars(range(min = 5, max = 99))]
    pub max_age: Option<u8>,
    /// The level you must already have reached through a qualification,
    /// school stage, T Level, apprenticeship or degree (jobs, courses and
    /// memberships do not count): "entry" or 1 to 8.
    #[schemars(with = "Option<LevelSchema>")]
    pub level: Option<Spanned<LevelValue>>,
    /// Position ids of which you must have held at least one before, e.g.
    /// ["gcses-9-4", "functional-skills-l2"].
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub after: Vec<Spanned<String>>,
}

/// A pay range, as written in a `[position.salary]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SalaryDoc {
    /// Pounds a year at the bottom of the range.
    pub min: u32,
    /// Pounds a year at the top of the range.
    pub max: u32,
    /// Who published the figures, e.g. "National Careers Service job profile: Bricklayer".
    pub source: String,
    /// The https address of the page the figures come from.
    #[schemars(with = "HttpsLink")]
    pub url: Spanned<String>,
    /// The year the figures are for.
    #[schemars(with = "u16", range(min = 1990, max = 2100))]
    pub year: Spanned<u16>,
}

/// A person's journey, as written in a `[[journey]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JourneyDoc {
    /// Stable id in kebab-case, unique across all files.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<String>,
    /// First name or pseudonym.
    pub name: String,
    /// One short line, e.g. "From bricklaying apprentice to site manager".
    pub headline: String,
    /// The sector the journey ends in.
    pub sector: Sector,
    /// The year the first step began. Dates are checked against when each
    /// position was open (`first_start`, `last_start`) and today.
    #[schemars(with = "Option<u16>", range(min = 1950, max = 2100))]
    pub started: Option<Spanned<u16>>,
    /// The story in your own words: for a published story, summarised
    /// from it as facts, never copied.
    pub story: String,
    /// Where the journey comes from: `{ kind = "example" }` for one the
    /// editors wrote, `{ kind = "published", title, publisher, url, year }`
    /// for a real person's published story, or `{ kind = "own", consent =
    /// true }` for a person's own story, told with their consent.
    #[schemars(with = "SourceDoc")]
    pub source: Spanned<SourceDoc>,
    /// The positions they stopped at, in order; at least two. Each step
    /// rides a line forward, or takes a `[[connection]]`.
    #[schemars(with = "Vec<StepDoc>", length(min = 2))]
    pub step: Spanned<Vec<StepDoc>>,
}

/// Where a journey comes from, as written in its `source` table. A
/// struct with a `kind`, not a tagged enum: serde's internally tagged enums
/// cannot hold the spans diagnostics point with. Which keys each kind needs
/// is checked when the journey is read (`missing-key`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    /// "example" for a journey the editors wrote; "published" for one
    /// summarised from a real person's published story, which then needs
    /// title, publisher and url; "own" for a person's own story, which
    /// then needs `consent = true`.
    pub kind: SourceKind,
    /// The page's title, as shown on it.
    pub title: Option<String>,
    /// Who published it, e.g. "CITB" or "National Careers Service".
    pub publisher: Option<String>,
    /// Where it is; https only.
    #[schemars(with = "Option<HttpsLink>")]
    pub url: Option<Spanned<String>>,
    /// The year it was published, if the page says.
    #[schemars(with = "Option<u16>", range(min = 1990, max = 2100))]
    pub year: Option<u16>,
    /// For an own story, `true`: the person agreed to their first name and
    /// story being published on the map and in a public pull request, and
    /// if they are under 18 a parent or carer agreed too.
    ///
    /// Unspanned (a problem points at the whole `source`): a spanned bool
    /// would add 5 KB to the editor page for one short line.
    pub consent: Option<bool>,
}

/// What kind of source a journey has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// Written by the editors to show a route no published story covers;
    /// the app labels it "Example".
    Example,
    /// Summarised from a real person's published career story.
    Published,
    /// A person's own story, written by them or with them, published with
    /// their consent (`consent = true`).
    Own,
}

/// One stop on a journey, as written in a `[[journey.step]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepDoc {
    /// The id of a position, defined in any file.
    #[schemars(with = "String")]
    pub position: Spanned<String>,
    /// How many years they spent there.
    #[schemars(range(min = 0.0, max = 50.0))]
    pub years: Option<f32>,
    /// What they did there.
    pub note: Option<String>,
}

/// A level as written: `"entry"` or a number, checked for range later so
/// that an out-of-range level gets its own diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelValue {
    /// `"entry"`.
    Entry,
    /// A number, not yet checked.
    Number(i64),
}

impl<'de> Deserialize<'de> for LevelValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = LevelValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("\"entry\" or a number from 1 to 8")
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<LevelValue, E> {
                Ok(LevelValue::Number(n))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<LevelValue, E> {
                if text.eq_ignore_ascii_case("entry") {
                    Ok(LevelValue::Entry)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(text), &self))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Schema of [`LevelValue`]: what the validator accepts.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // only its schema is used
enum LevelSchema {
    /// Entry level, below RQF Level 1.
    Entry(EntryWord),
    /// An RQF level.
    Number(#[schemars(range(min = 1, max = 8))] u8),
}

#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used
enum EntryWord {
    Entry,
}

/// Schema of a link: an https URL.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)] // only its schema is used
struct HttpsLink(
    #[schemars(regex(pattern = r"^https://"), url)]
    String,
);

/// The keys allowed in each kind of table, for "unknown key" and "missing
/// key" diagnostics. A test checks these against the schema.
#[derive(Debug)]
pub struct TableShape {
    /// What authors call the table, e.g. "position".
    pub name: &'static str,
    /// Every allowed key.
    pub keys: &'static [&'static str],
    /// The keys that must be there.
    pub required: &'static [&'static str],
    /// Keys holding nested tables (or arrays of tables) with their shape.
    pub nested: &'static [(&'static str, &'static TableShape)],
}

/// `[[position]]`.
pub static POSITION: TableShape = TableShape {
    name: "position",
    keys: &[
        "id",
        "title",
        "kind",
        "level",
        "sectors",
        "description",
        "entry_requirements",
        "duration",
        "typical_years",
        "salary",
        "pay_not_confirmed",
        "links",
        "withdrawn",
        "first_start",
        "last_start",
        "requires",
    ],
    required: &["id", "title", "kind", "level", "sectors", "description"],
    nested: &[("salary", &SALARY), ("requires", &REQUIRES)],
};

/// One entry of a position's `requires = [...]`.
pub static REQUIRES: TableShape = TableShape {
    name: "requires",
    keys: &["age", "max_age", "level", "after"],
    required: &[],
    nested: &[],
};

/// `[position.salary]`.
pub static SALARY: TableShape = TableShape {
    name: "salary",
    keys: &["min", "max", "source", "url", "year"],
    required: &["min", "max", "source", "url", "year"],
    nested: &[],
};

/// `[[line]]`.
pub static LINE: TableShape = TableShape {
    name: "line",
    keys: &["id", "name", "colour", "sector", "stations", "branch"],
    required: &["id", "name", "colour", "sector", "stations"],
    nested: &[("branch", &BRANCH)],
};

/// `[[line.branch]]`.
pub static BRANCH: TableShape = TableShape {
    name: "branch",
    keys: &["stations"],
    required: &["stations"],
    nested: &[],
};

/// A top-level `[[branch]]`.
pub static ADDED_BRANCH: TableShape = TableShape {
    name: "branch",
    keys: &["line", "stations"],
    required: &["line", "stations"],
    nested: &[],
};

/// `[[connection]]`.
pub static CONNECTION: TableShape = TableShape {
    name: "connection",
    keys: &["from", "to"],
    required: &["from", "to"],
    nested: &[],
};

/// `[[journey]]`.
pub static JOURNEY: TableShape = TableShape {
    name: "journey",
    keys: &[
        "id", "name", "headline", "sector", "started", "story", "source", "step",
    ],
    required: &[
        "id", "name", "headline", "sector", "story", "source", "step",
    ],
    nested: &[("step", &STEP), ("source", &SOURCE)],
};

/// A journey's `source = { ... }`.
pub static SOURCE: TableShape = TableShape {
    name: "source",
    keys: &["kind", "title", "publisher", "url", "year", "consent"],
    required: &["kind"],
    nested: &[],
};

/// `[[journey.step]]`.
pub static STEP: TableShape = TableShape {
    name: "step",
    keys: &["position", "years", "note"],
    required: &["position"],
    nested: &[],
};

/// The top level of a file.
pub static FILE: TableShape = TableShape {
    name: "file",
    keys: &["position", "line", "connection", "journey", "branch"],
    required: &[],
    nested: &[],
};

/// The JSON Schema of a journey file, pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(JourneyFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
