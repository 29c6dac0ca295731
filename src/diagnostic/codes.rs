//! Every diagnostic code, declared once with its severity and its docs, as
//! cargo declares its lints (`src/cargo/lints/`): a static per code and a
//! table of all. [`super::Diagnostic::new`] takes the severity from the
//! code, the authoring guide's list of codes is generated from [`ALL`]
//! (`tubemap codes`), and tests check that every code has a broken-file
//! case and every doc its three parts.

use super::Severity;

/// A kind of problem in a journey file.
#[derive(Debug, PartialEq, Eq)]
pub struct Code {
    /// The stable kebab-case name shown in brackets, e.g. `unknown-key`.
    pub name: &'static str,
    /// Whether the entry is left out (error) or only flagged (warning).
    pub severity: Severity,
    /// What it means, in one sentence.
    pub means: &'static str,
    /// How to fix it, in one sentence.
    pub fix: &'static str,
    /// A line that causes it.
    pub example: &'static str,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $id:ident = $name:literal, $severity:ident, $means:literal, $fix:literal, $example:literal;)+) => {
        $(
            $(#[$doc])*
            pub static $id: Code = Code {
                name: $name,
                severity: Severity::$severity,
                means: $means,
                fix: $fix,
                example: $example,
            };
        )+
        /// Every code, in the order of the authoring guide's list.
        pub static ALL: &[&Code] = &[$(&$id),+];
    };
}

codes! {
    /// The file is not valid TOML.
    SYNTAX = "syntax", Error,
        "The file is not valid TOML, so nothing in it loads.",
        "Look at the marked spot: a missing quote, bracket or `=` is the usual cause.",
        "title = \"Bricklayer";
    /// A key the format does not have.
    UNKNOWN_KEY = "unknown-key", Error,
        "A table has a key the format does not know, often a misspelling.",
        "Use the key the hint suggests, or delete it.",
        "tittle = \"Bricklayer\"";
    /// A required key is missing.
    MISSING_KEY = "missing-key", Error,
        "A table lacks a key it must have.",
        "Add the key the message names.",
        "[[position]] without `level`";
    /// A value of the wrong type.
    WRONG_TYPE = "wrong-type", Error,
        "A value has the wrong type, such as text where a number belongs.",
        "Write the value as the hint shows, e.g. a number without quotes.",
        "typical_years = \"two\"";
    /// A value outside the allowed ones.
    WRONG_VALUE = "wrong-value", Error,
        "A value is not one of those allowed, such as an unknown kind or sector.",
        "Pick one of the values the message lists.",
        "kind = \"college\"";
    /// The file is not UTF-8.
    NOT_UTF8 = "not-utf8", Error,
        "The file is not saved as UTF-8 text.",
        "Save it as UTF-8 (File, Save with Encoding, UTF-8 in most editors).",
        "a file saved as Windows-1252";
    /// The file could not be read.
    UNREADABLE_FILE = "unreadable-file", Error,
        "The file could not be read at all.",
        "Check the path and that the file is readable.",
        "a file without read permission";
    /// The file is too large to be a journey file.
    FILE_TOO_LARGE = "file-too-large", Error,
        "The file is larger than a journey file may be.",
        "Split it into several files, one journey per file.",
        "a 300 KiB file under journeys/";
    /// An id not in lowercase-with-hyphens.
    BAD_ID = "bad-id", Error,
        "An id is not lowercase words joined by hyphens.",
        "Rewrite it as the hint suggests, e.g. site-manager.",
        "id = \"Site Manager\"";
    /// Two entries with one id.
    DUPLICATE_ID = "duplicate-id", Error,
        "Two positions, lines or journeys have the same id.",
        "Rename one, or delete it if both are the same.",
        "a second [[position]] with id = \"bricklayer\"";
    /// A level outside Entry and 1 to 8.
    BAD_LEVEL = "bad-level", Error,
        "A level is not \"entry\" or an RQF level from 1 to 8.",
        "Use the qualification's official RQF level.",
        "level = 9";
    /// A position without a sector.
    NO_SECTOR = "no-sector", Error,
        "A position lists no sector.",
        "List at least one: construction, digital or general.",
        "sectors = []";
    /// A link that is not https.
    BAD_LINK = "bad-link", Error,
        "A link is not a valid https web address.",
        "Copy the full https:// address from the browser.",
        "links = [\"http://example.org\"]";
    /// A salary range the wrong way round.
    SALARY_RANGE = "salary-range", Error,
        "A salary's minimum is above its maximum.",
        "Swap the two figures, or check them against the source.",
        "salary = { min = 40000, max = 20000, ... }";
    /// A salary without a plausible year.
    SALARY_YEAR = "salary-year", Error,
        "A salary's year is outside 1990 to 2100.",
        "Give the year the figures are for, from the source page.",
        "year = 25";
    /// A salary without its source.
    SALARY_SOURCE = "salary-source", Error,
        "A salary's source is empty.",
        "Name who published the figures.",
        "source = \"\"";
    /// A job with no salary.
    JOB_WITHOUT_SALARY = "job-without-salary", Warning,
        "A job says nothing about pay, not even that no page confirms it.",
        "Add a [position.salary] from the National Careers Service job profile, or pay_not_confirmed = \"why\".",
        "kind = \"job\" with no salary";
    /// A colour that is not #RRGGBB.
    BAD_COLOUR = "bad-colour", Error,
        "A line colour is not written as # and six hex digits.",
        "Write it like \"#B36305\".",
        "colour = \"orange\"";
    /// A line colour too light to see.
    LOW_CONTRAST = "low-contrast", Error,
        "A line colour has less than 3:1 contrast on the white map.",
        "Choose a darker or stronger colour.",
        "colour = \"#FFE680\"";
    /// Two lines that meet look alike.
    SIMILAR_COLOURS = "similar-colours", Warning,
        "Two lines that meet have colours too alike, for everyone or with colour blindness.",
        "Change one of the two colours; the hint names both lines.",
        "two blues on lines that share a station";
    /// A step naming a position that does not exist.
    UNKNOWN_POSITION = "unknown-position", Error,
        "A step, line, connection or requirement names a position no file defines.",
        "Use the id the hint suggests, or add the position.",
        "position = \"gcse\"";
    /// A `[[branch]]` naming a line no file defines.
    UNKNOWN_LINE = "unknown-line", Error,
        "A [[branch]] names a line no file defines.",
        "Use the line id the hint suggests; journeys/network/lines.toml lists them.",
        "line = \"onsite-constructon\"";
    /// A journey with fewer than two steps.
    TOO_FEW_STEPS = "too-few-steps", Error,
        "A journey has fewer than two steps, so it goes nowhere.",
        "Add where the person started and where they went next.",
        "a [[journey]] with one [[journey.step]]";
    /// A line run with fewer than two stations.
    TOO_FEW_STATIONS = "too-few-stations", Error,
        "A line or branch has fewer than two stations.",
        "List at least two station ids in order.",
        "stations = [\"gcses-9-4\"]";
    /// A step no line or connection makes.
    OFF_THE_MAP = "off-the-map", Error,
        "A journey's step rides no line forward and takes no connection.",
        "Add the stations to a line, or add a [[connection]] between them.",
        "a step from a degree back to GCSEs";
    /// A position on no line.
    OFF_LINE = "off-line", Error,
        "A position is on no line, so the map cannot place it.",
        "Add it to a line of its level and sector; the hint names them.",
        "a new [[position]] in no line's stations";
    /// A branch that does not touch its line.
    BRANCH_OFF_LINE = "branch-off-line", Error,
        "A branch neither starts nor ends at a station of its line.",
        "Start or end the branch at one of the line's stations.",
        "a branch of two stations the line does not have";
    /// A connection from a station to itself.
    CONNECTION_TO_ITSELF = "connection-to-itself", Error,
        "A connection starts and ends at the same station.",
        "Give two different stations, or delete it.",
        "from = \"bricklayer\", to = \"bricklayer\"";
    /// A line that goes down a level.
    LINE_STEPS_DOWN = "line-steps-down", Error,
        "A line goes down a level; lines only climb.",
        "Make the step down a [[connection]] instead.",
        "a degree followed by a Level 4 job on one line";
    /// A requirement that asks for nothing.
    EMPTY_REQUIREMENT = "empty-requirement", Error,
        "An entry in `requires` asks for nothing, which would let anyone in.",
        "Give an age, max_age, level or after, or leave `requires` out.",
        "requires = [{}]";
    /// A step that does not meet its position's entry requirements.
    BREAKS_REQUIREMENT = "breaks-requirement", Warning,
        "A journey's step does not meet the entry requirements of where it goes.",
        "Add the step that gave what is needed, or the way in the person really took.",
        "GCSEs straight to a degree that needs Level 3";
    /// A step before its position took new starts.
    NOT_OPEN_YET = "not-open-yet", Error,
        "By `started` and the years before it, a step begins before its position existed.",
        "Check `started` and the years; use what the person really took then.",
        "a T Level begun in 2019";
    /// A step after its position closed to new starts.
    CLOSED_BY_THEN = "closed-by-then", Error,
        "By `started` and the years before it, a step begins after its position closed.",
        "Check `started` and the years; use the replacement the person took.",
        "an apprenticeship framework begun in 2022";
    /// A journey whose years run into the future.
    RUNS_PAST_TODAY = "runs-past-today", Error,
        "A journey's years, from `started`, run past the present year.",
        "Check `started` and each step's years; leave years off the current step.",
        "started = 2024 with eight years of steps";
    /// `last_start` before `first_start`.
    CLOSED_BEFORE_OPENING = "closed-before-opening", Error,
        "A position's `last_start` is before its `first_start`.",
        "Swap the two years, or check them against the official page.",
        "first_start = 2021, last_start = 2019";
    /// A broken invariant the other checks should have caught.
    INTERNAL = "internal", Error,
        "The checks missed a problem that stopped the map being built.",
        "Report it with the files that caused it; it is a bug in the checker.",
        "(none known)";
}

/// The code named `name`.
pub fn by_name(name: &str) -> Option<&'static Code> {
    ALL.iter().copied().find(|c| c.name == name)
}

/// The list of codes as a Markdown table, for the authoring guide.
pub fn markdown() -> String {
    let mut out =
        String::from("| code | kind | what it means | how to fix it |\n|---|---|---|---|\n");
    for code in ALL {
        let kind = match code.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "| `{}` | {kind} | {} | {} |\n",
            code.name, code.means, code.fix
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_found_by_name() {
        for (i, code) in ALL.iter().enumerate() {
            assert!(
                code.name.split('-').all(|w| !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{}",
                code.name
            );
            assert!(
                ALL[..i].iter().all(|c| c.name != code.name),
                "{} twice",
                code.name
            );
            assert_eq!(by_name(code.name), Some(*code));
        }
        assert_eq!(by_name("no-such-code"), None);
    }

    #[test]
    fn every_doc_has_its_three_parts() {
        for code in ALL {
            for (part, text) in [
                ("means", code.means),
                ("fix", code.fix),
                ("example", code.example),
            ] {
                assert!(text.trim().len() > 3, "{}: no {part}", code.name);
            }
            assert!(
                code.means.ends_with('.') && code.fix.ends_with('.'),
                "{}",
                code.name
            );
        }
    }
}
