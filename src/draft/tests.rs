use super::*;
use crate::diagnostic::Severity;

/// The plumber, added to the loader tests' positions (`POSITIONS`).
const PLUMBER: &str = r#"
[[position]]
id = "plumber"
title = "Plumber"
kind = "job"
level = 3
sectors = ["construction"]
description = "Fits pipes."
"#;

const SHIPPED: &[(&str, &str)] = &[
    (
        "journeys/network/lines.toml",
        r##"
[[line]]
id = "site"
name = "Site"
colour = "#00782A"
sector = "construction"
stations = ["gcses", "labourer"]

[[line]]
id = "pipes"
name = "Pipes"
colour = "#0019A8"
sector = "construction"
stations = ["labourer", "plumber"]

[[connection]]
from = "gcses"
to = "plumber"
"##,
    ),
    (
        "journeys/people/kim.toml",
        r#"
[[journey]]
id = "kim"
name = "Kim"
headline = "From GCSEs to labourer"
sector = "construction"
story = "Left school for site."
source = { kind = "example" }

[[journey.step]]
position = "gcses"

[[journey.step]]
position = "labourer"
"#,
    ),
];

fn shipped() -> ShippedContent {
    let positions = format!("{}{PLUMBER}", crate::source::tests::POSITIONS);
    let positions = ("journeys/positions/p.toml", positions.as_str());
    ShippedContent::new(
        std::iter::once(&positions)
            .chain(SHIPPED)
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect(),
    )
}

fn step(position: &str, years: &str) -> DraftStep {
    DraftStep {
        position: position.into(),
        proposed: None,
        years: years.into(),
        note: String::new(),
    }
}

fn valid() -> Draft {
    Draft {
        name: "Kim".into(),
        headline: "From GCSEs to plumber".into(),
        sector: "construction".into(),
        started: "2015".into(),
        story: "Worked as a labourer, then trained as a plumber.".into(),
        source: DraftSource {
            kind: "example".into(),
            ..DraftSource::default()
        },
        steps: vec![
            step("gcses", "2"),
            step("labourer", "1.5"),
            step("plumber", ""),
        ],
    }
}

fn problems(draft: &Draft) -> Vec<FieldProblem> {
    check(draft, &shipped(), 2026).1
}

#[test]
fn a_complete_draft_checks_clean_and_takes_a_free_id() {
    let (written, problems) = check(&valid(), &shipped(), 2026);
    assert_eq!(problems, vec![]);
    // "kim" is taken by a shipped journey.
    assert!(
        written.text.contains("id = \"kim-2\"\n"),
        "{}",
        written.text
    );
    assert!(
        written
            .text
            .starts_with("#:schema ../journey.schema.json\n\n[[journey]]\n")
    );
    assert!(written.text.contains("years = 1.5\n"));
}

#[test]
fn the_file_name_follows_the_shipped_files() {
    assert_eq!(
        file_name(&valid(), "kim-2"),
        "journeys/people/kim-2-gcses-to-plumber.toml"
    );
    let long = Draft {
        headline: "From a very long headline that goes on and on well past any sensible file name"
            .into(),
        ..valid()
    };
    // Cut at a word, within 48 characters of headline.
    assert_eq!(
        file_name(&long, "kim"),
        "journeys/people/kim-a-very-long-headline-that-goes-on-and-on-well.toml"
    );
}

#[test]
fn a_blank_headline_is_reported_on_the_headline_field() {
    let draft = Draft {
        headline: "  ".into(),
        ..valid()
    };
    let problems = problems(&draft);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, Field::Headline);
    assert_eq!(problems[0].code, "missing-key");
    assert_eq!(problems[0].severity, Severity::Error);
}

#[test]
fn an_unknown_station_is_reported_on_its_step_with_a_suggestion() {
    let mut draft = valid();
    draft.steps[2].position = "plumbr".into();
    let problems = problems(&draft);
    let problem = problems
        .iter()
        .find(|p| p.code == "unknown-position")
        .expect("unknown-position");
    assert_eq!(problem.field, Field::Step(2, StepField::Position));
    assert!(
        problem.hint.as_deref().unwrap_or("").contains("plumber"),
        "{problem:?}"
    );
}

#[test]
fn years_that_are_not_a_number_reach_the_validator_as_text() {
    let mut draft = valid();
    draft.steps[1].years = "two".into();
    let (written, problems) = check(&draft, &shipped(), 2026);
    assert!(written.text.contains("years = \"two\""));
    assert!(
        problems
            .iter()
            .any(|p| p.field == Field::Step(1, StepField::Years)),
        "{problems:?}"
    );
}

#[test]
fn one_step_is_reported_on_the_steps() {
    let mut draft = valid();
    draft.steps.truncate(1);
    let problems = problems(&draft);
    assert!(
        problems.iter().any(|p| p.field == Field::Steps),
        "{problems:?}"
    );
    // Said at once, even while the validator cannot read the journey yet
    // for the keys still missing.
    let started = Draft {
        name: "Asha".into(),
        steps: vec![step("gcses", "")],
        ..Draft::default()
    };
    let problems = super::check(&started, &shipped(), 2026).1;
    let steps: Vec<_> = problems
        .iter()
        .filter(|p| p.field == Field::Steps)
        .collect();
    assert_eq!(steps.len(), 1, "{problems:?}");
    assert_eq!(steps[0].message, "Add at least two steps.");
}

#[test]
fn a_published_source_without_its_link_is_reported_on_the_source() {
    let mut draft = valid();
    draft.source = DraftSource {
        kind: "published".into(),
        title: "My apprenticeship".into(),
        publisher: "CITB".into(),
        ..DraftSource::default()
    };
    let problems = problems(&draft);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, Field::Source(SourceField::Kind));
    draft.source.url = "http://example.com/story".into();
    let problems = super::check(&draft, &shipped(), 2026).1;
    assert!(
        problems
            .iter()
            .any(|p| p.field == Field::Source(SourceField::Url)),
        "{problems:?}"
    );
}

#[test]
fn an_own_story_is_written_with_consent_only_once_given_and_keeps_no_page() {
    let mut draft = valid();
    // Typed while "published" was chosen: not part of an own story's file.
    draft.source = DraftSource {
        kind: "own".into(),
        url: "https://example.com/story".into(),
        ..DraftSource::default()
    };
    let (written, problems) = check(&draft, &shipped(), 2026);
    assert!(
        written.text.contains("source = { kind = \"own\" }\n"),
        "{}",
        written.text
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, Field::Source(SourceField::Consent));
    assert!(problems[0].message.starts_with("Tick this"), "{problems:?}");

    draft.source.consent = true;
    let (written, problems) = check(&draft, &shipped(), 2026);
    assert_eq!(problems, vec![]);
    assert!(
        written
            .text
            .contains("source = { kind = \"own\", consent = true }\n")
    );
    assert_eq!(
        Draft::read(&written.text).map(|d| d.source.consent),
        Some(true)
    );
}

#[test]
fn a_step_no_line_takes_is_reported_on_that_step() {
    let mut draft = valid();
    // Backwards along the Pipes line.
    draft.steps = vec![step("plumber", "1"), step("labourer", "")];
    let problems = problems(&draft);
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.field, Field::Step(_, StepField::Position))),
        "{problems:?}"
    );
}

#[test]
fn hostile_text_is_quoted_and_reads_back_unchanged() {
    let hostile = "\"\"\"\n[[position]]\nid = \"x\" <script>alert(1)</script> \\ \u{7f}";
    let mut draft = valid();
    draft.name = hostile.into();
    draft.story = hostile.into();
    draft.steps[0].note = hostile.into();
    let written = draft.write("kim-2", &shipped().network);
    assert_eq!(written.text.matches("[[position]]\n").count(), 0);
    let back = Draft::read(&written.text).expect("reads back");
    assert_eq!(back.story, hostile.trim());
    assert_eq!(back.steps[0].note, hostile.trim());
    // It is still exactly one journey to the validator.
    let loaded = crate::source::load_sources([(
        "journeys/people/x.toml".to_owned(),
        Ok(written.text.into_bytes()),
    )]);
    assert_eq!(loaded.network.positions().len(), 0);
}

#[test]
fn a_draft_reads_back_from_its_file() {
    let draft = valid();
    let back = Draft::read(&draft.write("kim-2", &shipped().network).text).expect("reads back");
    assert_eq!(back, draft);
    assert_eq!(Draft::read("not toml ["), None);
}

#[test]
fn moving_a_step_keeps_the_others_in_order() {
    let mut draft = valid();
    draft.move_step(2, 0);
    let order: Vec<&str> = draft.steps.iter().map(|s| s.position.as_str()).collect();
    assert_eq!(order, ["plumber", "gcses", "labourer"]);
    draft.move_step(0, 9);
    let order: Vec<&str> = draft.steps.iter().map(|s| s.position.as_str()).collect();
    assert_eq!(order, ["gcses", "labourer", "plumber"]);
    draft.move_step(7, 0);
    assert_eq!(draft.steps.len(), 3);
}

#[test]
fn the_pull_request_link_carries_the_file_name_and_contents() {
    let text = "id = \"a&b\"\nstory = \"50% + more\"\n";
    let link = pull_request_url(
        "https://github.com/owner/repo/",
        "journeys/people/a.toml",
        text,
    );
    let url = url::Url::parse(&link).expect("a URL");
    assert_eq!(url.path(), "/owner/repo/new/main");
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(
        pairs,
        [
            ("filename".to_owned(), "journeys/people/a.toml".to_owned()),
            ("value".to_owned(), text.to_owned())
        ]
    );
}

#[test]
fn a_draft_of_shipped_stations_checks_clean_against_the_shipped_content() {
    let files = crate::source::load_paths(&[std::path::PathBuf::from("journeys")]);
    let packed = ShippedContent::pack(&files.files).expect("packs");
    let shipped = ShippedContent::unpack(&packed).expect("unpacks");
    assert_eq!(
        shipped.network.journeys().len(),
        files.network.journeys().len()
    );
    let draft = Draft {
        steps: vec![step("gcses-9-4", "2"), step("a-levels", "2")],
        started: "2020".into(),
        ..valid()
    };
    let (_, problems) = check(&draft, &shipped, 2026);
    assert_eq!(problems, vec![]);
}

#[test]
fn every_field_has_its_own_element_id() {
    let fields = [
        Field::Journey,
        Field::Name,
        Field::Headline,
        Field::Sector,
        Field::Started,
        Field::Story,
        Field::Source(SourceField::Kind),
        Field::Source(SourceField::Title),
        Field::Source(SourceField::Publisher),
        Field::Source(SourceField::Url),
        Field::Source(SourceField::Year),
        Field::Steps,
        Field::Step(0, StepField::Position),
        Field::Step(0, StepField::Years),
        Field::Step(0, StepField::Note),
        Field::Step(1, StepField::Position),
    ];
    let keys: std::collections::HashSet<String> = fields.iter().map(|f| f.key()).collect();
    assert_eq!(keys.len(), fields.len());
    assert_eq!(Field::Step(1, StepField::Years).key(), "step-2-years");
}

#[test]
fn rides_preview_the_trip_over_the_lines() {
    let shipped = shipped();
    let mut draft = valid();
    draft.steps.push(step("gcses", ""));
    let rides = draft.rides(&shipped.network);
    assert_eq!(
        rides,
        [
            StepRide::Start,
            StepRide::Line {
                name: "Site".into(),
                stops: 1
            },
            StepRide::Line {
                name: "Pipes".into(),
                stops: 1
            },
            StepRide::Nothing,
        ]
    );
}

#[test]
fn problems_show_once_their_field_is_touched() {
    let mut attention = Attention::default();
    assert!(!attention.shows(Field::Name));
    attention.touch(Field::Name);
    assert!(attention.shows(Field::Name));
    assert!(!attention.shows(Field::Headline));
    assert!(!attention.shows(Field::Step(0, StepField::Position)));
    attention.touch(Field::Steps);
    assert!(attention.shows(Field::Step(0, StepField::Position)));
    assert!(!attention.shows(Field::Step(0, StepField::Years)));
    // Choosing "own story" is when its missing consent needs saying.
    let consent = Field::Source(SourceField::Consent);
    assert!(!attention.shows(consent));
    attention.touch(Field::Source(SourceField::Kind));
    assert!(attention.shows(consent));
    attention.all = true;
    assert!(attention.shows(Field::Story));
}

#[test]
fn a_missing_field_is_asked_for_in_plain_words() {
    let draft = Draft {
        name: String::new(),
        ..valid()
    };
    let problems = problems(&draft);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, Field::Name);
    assert_eq!(problems[0].message, "Fill this in.");
    assert_eq!(problems[0].hint, None);
}

#[test]
fn the_next_stops_are_one_stop_on_along_each_line_leaving_the_last_step() {
    let shipped = shipped();
    let network = &shipped.network;
    let id = |p: crate::journey::PositionIndex| network.position(p).id.clone();
    let mut draft = Draft::default();
    assert_eq!(draft.next_stops(network), vec![]);
    draft.steps.push(step("gcses", ""));
    let next = draft.next_stops(network);
    let next: Vec<_> = next.into_iter().map(id).collect();
    // Along the Site line first, then by the connection.
    assert_eq!(next, ["labourer", "plumber"]);
    // From the labourer: on to the plumber; the Site line ends there.
    // (The plumber would be left out once in the draft.)
    draft.steps.push(step("labourer", ""));
    let next = draft.next_stops(network);
    let next: Vec<_> = next.into_iter().map(id).collect();
    assert_eq!(next, ["plumber"]);
    // Nothing goes on from the end of the line, nor from no station.
    draft.steps.push(step("plumber", ""));
    assert_eq!(draft.next_stops(network), vec![]);
    draft.steps.push(step("no-such-station", ""));
    assert_eq!(draft.next_stops(network), vec![]);
}

fn proposal(title: &str, level: &str) -> DraftStep {
    DraftStep {
        proposed: Some(DraftPosition {
            title: title.into(),
            kind: "course".into(),
            level: level.into(),
            sector: "construction".into(),
            description: "A course at college.".into(),
            line: "pipes".into(),
            salary: DraftSalary::default(),
        }),
        ..DraftStep::default()
    }
}

#[test]
fn a_proposed_station_joins_its_line_through_the_steps_either_side() {
    let mut draft = valid();
    draft.steps = vec![
        step("labourer", "1"),
        proposal("Plumbing course", "2"),
        step("plumber", ""),
    ];
    let (written, problems) = check(&draft, &shipped(), 2026);
    assert_eq!(problems, vec![], "{}", written.text);
    assert!(written.text.contains("position = \"plumbing-course\"\n"));
    assert!(
        written.text.contains(
            "[[branch]]\nline = \"pipes\"\nstations = [\"labourer\", \"plumbing-course\", \"plumber\"]\n"
        ),
        "{}",
        written.text
    );
    assert!(!written.text.contains("[[connection]]"));
    assert_eq!(Draft::read(&written.text), Some(draft));
}

#[test]
fn a_step_down_to_a_proposed_station_is_a_connection_and_its_id_is_free() {
    let mut draft = valid();
    // GCSEs (Level 2) down to a Level 1 course: the line cannot take it.
    draft.steps = vec![
        step("gcses", "2"),
        proposal("Plumber", "1"),
        step("plumber", ""),
    ];
    let (written, problems) = check(&draft, &shipped(), 2026);
    assert_eq!(problems, vec![], "{}", written.text);
    // "plumber" is a shipped position's id.
    assert!(written.text.contains("[[position]]\nid = \"plumber-2\"\n"));
    assert!(
        written
            .text
            .contains("stations = [\"plumber-2\", \"plumber\"]\n")
    );
    assert!(
        written
            .text
            .contains("[[connection]]\nfrom = \"gcses\"\nto = \"plumber-2\"\n"),
        "{}",
        written.text
    );
}

#[test]
fn what_a_proposed_station_lacks_is_asked_for_at_its_field() {
    let mut draft = valid();
    let mut new = proposal("Plumbing course", "2");
    if let Some(p) = new.proposed.as_mut() {
        p.kind.clear();
        p.line.clear();
    }
    draft.steps = vec![step("labourer", "1"), new, step("plumber", "")];
    let problems = problems(&draft);
    for field in [ProposalField::Kind, ProposalField::Line] {
        let at: Vec<&FieldProblem> = problems
            .iter()
            .filter(|p| p.field == Field::Proposal(1, field))
            .collect();
        assert_eq!(at.len(), 1, "{field:?}: {problems:?}");
        assert_eq!(at[0].message, "Choose one.");
    }
}

#[test]
fn a_proposal_starts_on_a_line_of_the_last_step_in_the_journeys_sector() {
    let mut draft = valid();
    draft.steps.truncate(2);
    draft.propose(" Plumbing course ", &shipped().network);
    let proposed = draft.steps[2].proposed.clone().expect("proposed");
    assert_eq!(proposed.title, "Plumbing course");
    // The labourer is on the Site line first, then Pipes.
    assert_eq!(proposed.line, "site");
    assert_eq!(proposed.sector, "construction");
    assert_eq!(draft.rides(&shipped().network)[2], StepRide::Proposed);
}

#[test]
fn a_proposed_jobs_pay_is_asked_for_field_by_field() {
    let mut draft = valid();
    let mut job = proposal("Pipe fitter", "3");
    if let Some(p) = job.proposed.as_mut() {
        p.kind = "job".into();
        p.salary.min = "24000".into();
        p.salary.source = "National Careers Service".into();
    }
    draft.steps = vec![step("labourer", "1"), job];
    let (written, problems) = check(&draft, &shipped(), 2026);
    assert!(
        written
            .text
            .contains("salary = { min = 24000, source = \"National Careers Service\" }\n"),
        "{}",
        written.text
    );
    for field in [
        ProposalField::SalaryMax,
        ProposalField::SalaryUrl,
        ProposalField::SalaryYear,
    ] {
        let at: Vec<&FieldProblem> = problems
            .iter()
            .filter(|p| p.field == Field::Proposal(1, field))
            .collect();
        assert_eq!(at.len(), 1, "{field:?}: {problems:?}");
        assert_eq!(at[0].message, "Fill this in.");
    }
}

#[test]
fn pay_typed_as_words_is_asked_for_as_a_number_at_its_field() {
    // The validator stops at a position's first bad value, so each figure
    // is asked for in turn.
    for (min, max, wrong) in [
        ("24000", "£30,000", ProposalField::SalaryMax),
        ("twenty thousand", "30000", ProposalField::SalaryMin),
    ] {
        let mut draft = valid();
        let mut job = proposal("Pipe fitter", "3");
        if let Some(p) = job.proposed.as_mut() {
            p.kind = "job".into();
            p.salary = DraftSalary {
                min: min.into(),
                max: max.into(),
                source: "National Careers Service".into(),
                url: "https://nationalcareers.service.gov.uk/job-profiles/plumber".into(),
                year: "2026".into(),
            };
        }
        draft.steps = vec![step("labourer", "1"), job];
        let (_, problems) = check(&draft, &shipped(), 2026);
        let pay: Vec<(Field, &str)> = problems
            .iter()
            .filter(|p| matches!(p.field, Field::Proposal(1, _)))
            .map(|p| (p.field, p.message.as_str()))
            .collect();
        assert_eq!(
            pay,
            [(Field::Proposal(1, wrong), "Type a number, like 24000.")],
            "{problems:?}"
        );
    }
}

#[test]
fn hostile_text_in_a_proposal_stays_one_position_and_reads_back_unchanged() {
    let hostile = "\"\"\"\n[[position]]\nid = \"x\" <script>alert(1)</script> \\ \u{7f}";
    let mut draft = valid();
    let mut new = proposal(hostile, "2");
    if let Some(p) = new.proposed.as_mut() {
        p.description = hostile.into();
        p.line = hostile.into();
        p.salary.source = hostile.into();
    }
    draft.steps = vec![step("labourer", "1"), new, step("plumber", "")];
    let written = draft.write("kim-2", &shipped().network);
    // Still one position and one branch: no text broke out of its quotes.
    let file: toml::Table = toml::from_str(&written.text).expect("valid TOML");
    let count = |key| file.get(key).and_then(toml::Value::as_array).map(Vec::len);
    assert_eq!((count("position"), count("branch")), (Some(1), Some(1)));
    let back = Draft::read(&written.text).expect("reads back");
    let proposed = back.steps[1].proposed.clone().expect("still proposed");
    assert_eq!(proposed.title, hostile.trim());
    assert_eq!(proposed.description, hostile.trim());
    assert_eq!(proposed.salary.source, hostile.trim());
}

#[test]
fn a_proposal_its_line_cannot_join_is_explained_at_the_line() {
    let on_its_own = |steps: Vec<DraftStep>| {
        let mut draft = valid();
        draft.steps = steps;
        problems(&draft)
            .into_iter()
            .filter(|p| p.field == Field::Proposal(1, ProposalField::Line))
            .map(|p| p.message)
            .collect::<Vec<_>>()
    };
    // GCSEs are not on the Pipes line.
    let off = on_its_own(vec![step("gcses", "2"), proposal("Pipe course", "3")]);
    assert_eq!(off.len(), 1, "{off:?}");
    assert!(off[0].starts_with("This line stops at neither"), "{off:?}");
    // Down from the plumber, and nothing after: no step for the line to join.
    let alone = on_its_own(vec![step("plumber", "2"), proposal("Pipe course", "1")]);
    assert_eq!(alone.len(), 1, "{alone:?}");
    assert!(
        alone[0].starts_with("A new station joins its line"),
        "{alone:?}"
    );
}
