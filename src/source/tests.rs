use super::*;

fn load(files: &[(&str, &str)]) -> Loaded {
    load_sources(
        files
            .iter()
            .map(|(path, text)| (path.to_string(), Ok(text.as_bytes().to_vec()))),
    )
}

fn codes(loaded: &Loaded) -> Vec<&'static str> {
    loaded.diagnostics.iter().map(|d| d.code).collect()
}

/// Two positions, GCSEs and a labourer with pay and a link: the positions
/// file the loader's tests and the editor's share.
pub(crate) const POSITIONS: &str = r#"
[[position]]
id = "gcses"
title = "GCSEs"
kind = "qualification"
level = 2
sectors = ["general"]
description = "Exams."

[[position]]
id = "labourer"
title = "Labourer"
kind = "job"
level = "entry"
sectors = ["construction"]
description = "Helps on site."
salary = { min = 20000, max = 26000, source = "National Careers Service", url = "https://nationalcareers.service.gov.uk/job-profiles/bricklayer", year = 2025 }
links = ["https://nationalcareers.service.gov.uk/job-profiles/construction-labourer"]
"#;

const JOURNEY: &str = r##"
[[line]]
id = "back-to-college"
name = "Back to college"
colour = "#00782A"
sector = "construction"
stations = ["labourer", "gcses"]

[[journey]]
id = "kim"
name = "Kim"
headline = "Labourer, then back to college"
sector = "construction"
story = "I started on site."
source = { kind = "example" }

[[journey.step]]
position = "labourer"
years = 1.5
note = "Carried bricks."

[[journey.step]]
position = "gcses"
"##;

#[test]
fn a_clean_load_builds_the_network() {
    let loaded = load(&[("p.toml", POSITIONS), ("j.toml", JOURNEY)]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let network = &loaded.network;
    assert_eq!(network.positions().len(), 2);
    let labourer = network.position_by_id("labourer").unwrap();
    let position = network.position(labourer);
    assert_eq!(position.level, crate::journey::Level::ENTRY);
    assert_eq!(position.salary.as_ref().map(|s| s.year), Some(2025));
    let kim = network.journey(network.journey_by_id("kim").unwrap());
    assert_eq!(kim.steps[0].position, labourer);
    assert_eq!(kim.steps[0].years, Some(1.5));
    let line = &network.lines()[0];
    assert_eq!(line.colour.to_string(), "#00782A");
    assert_eq!(
        line.runs,
        vec![vec![labourer, network.position_by_id("gcses").unwrap()]]
    );
}

#[test]
fn one_broken_entry_or_file_does_not_hide_the_rest() {
    let broken_entry = POSITIONS.replace("level = 2", "level = 12");
    let loaded = load(&[
        ("p.toml", &broken_entry),
        ("j.toml", JOURNEY),
        ("bad.toml", "[[position]\n"),
    ]);
    assert_eq!(codes(&loaded), vec!["bad-level", "syntax"]);
    // The good position still loads; the journey through the broken one
    // is left out without a second, confusing error.
    assert_eq!(loaded.network.positions().len(), 1);
    assert!(loaded.network.journeys().is_empty());
}

#[test]
fn every_problem_in_a_file_is_reported_not_just_the_first() {
    let text = POSITIONS
        .replace("title = \"GCSEs\"", "titel = \"GCSEs\"")
        .replace("https://", "http://")
        + "\n[[position]]\nid = \"x\"\n";
    let loaded = load(&[("p.toml", &text), ("j.toml", JOURNEY)]);
    let found = codes(&loaded);
    for code in ["unknown-key", "bad-link", "missing-key"] {
        assert!(found.contains(&code), "{code} missing from {found:?}");
    }
}

#[test]
fn oversized_unreadable_and_non_utf8_files_are_reported_by_name() {
    let big = "#".repeat(MAX_FILE_BYTES + 1);
    let loaded = load_sources(vec![
        ("big.toml".to_owned(), Ok(big.into_bytes())),
        (
            "gone.toml".to_owned(),
            Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such file",
            )),
        ),
        (
            "latin1.toml".to_owned(),
            Ok(b"title = \"caf\xe9\"".to_vec()),
        ),
    ]);
    assert_eq!(
        codes(&loaded),
        vec!["file-too-large", "unreadable-file", "not-utf8"]
    );
    let not_utf8 = &loaded.diagnostics[2];
    assert_eq!(not_utf8.span, Some(12..13));
    assert_eq!(
        loaded.files.get(not_utf8.file).location(&(12..13)).column,
        13
    );
}

#[test]
fn duplicate_ids_keep_the_first_definition() {
    let loaded = load(&[
        ("a.toml", POSITIONS),
        ("b.toml", POSITIONS),
        ("j.toml", JOURNEY),
    ]);
    assert_eq!(codes(&loaded), vec!["duplicate-id", "duplicate-id"]);
    assert_eq!(loaded.network.lines().len(), 1);
    assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| d.file == crate::diagnostic::FileId(1))
    );
    assert_eq!(loaded.network.positions().len(), 2);
    assert_eq!(loaded.network.journeys().len(), 1);
}

#[test]
fn a_generated_network_loads_without_diagnostics() {
    let loaded = synthetic::load(300, 80);
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(loaded.network.positions().len(), 300);
    assert_eq!(loaded.network.journeys().len(), 80);
}

#[test]
fn the_key_lists_match_the_generated_schema() {
    let schema: serde_json::Value = serde_json::from_str(&document::json_schema()).unwrap();
    let keys_of = |definition: &serde_json::Value| {
        let mut keys: Vec<String> = definition["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let required_of = |definition: &serde_json::Value| {
        let mut keys: Vec<String> = definition["required"]
            .as_array()
            .map(|a| a.iter().map(|k| k.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default();
        keys.sort();
        keys
    };
    let sorted = |keys: &[&str]| {
        let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        keys.sort();
        keys
    };
    for (name, shape) in [
        ("PositionDoc", &document::POSITION),
        ("JourneyDoc", &document::JOURNEY),
        ("SalaryDoc", &document::SALARY),
        ("StepDoc", &document::STEP),
        ("LineDoc", &document::LINE),
        ("BranchDoc", &document::BRANCH),
        ("ConnectionDoc", &document::CONNECTION),
        ("RequirementDoc", &document::REQUIRES),
        ("AddedBranchDoc", &document::ADDED_BRANCH),
    ] {
        let definition = &schema["$defs"][name];
        assert_eq!(keys_of(definition), sorted(shape.keys), "{name} keys");
        assert_eq!(
            required_of(definition),
            sorted(shape.required),
            "{name} required keys"
        );
    }
    assert_eq!(keys_of(&schema), sorted(document::FILE.keys));
}

#[test]
fn a_published_source_loads_with_its_citation_and_needs_its_link() {
    let published = JOURNEY.replace(
        r#"source = { kind = "example" }"#,
        r#"source = { kind = "published", title = "From site to college", publisher = "CITB", url = "https://www.citb.co.uk/stories/kim", year = 2024 }"#,
    );
    let loaded = load(&[("p.toml", POSITIONS), ("j.toml", &published)]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let Source::Published(citation) = &loaded.network.journeys()[0].source else {
        panic!("not published");
    };
    assert_eq!(citation.publisher, "CITB");
    assert_eq!(citation.url, "https://www.citb.co.uk/stories/kim");
    assert_eq!(citation.year, Some(2024));

    let no_link = JOURNEY.replace(
        r#"source = { kind = "example" }"#,
        r#"source = { kind = "published", title = "From site to college", publisher = "CITB" }"#,
    );
    let loaded = load(&[("p.toml", POSITIONS), ("j.toml", &no_link)]);
    assert_eq!(codes(&loaded), ["missing-key"]);
    assert!(loaded.diagnostics[0].message.contains("url"));
    assert!(loaded.network.journeys().is_empty(), "left out");
}

/// A new station proposed with a journey, in the journey's own file: the
/// position, the branch that puts it on the line, and a trip through it.
const PROPOSAL: &str = r#"
[[position]]
id = "site-course"
title = "Site course"
kind = "course"
level = 1
sectors = ["construction"]
description = "A short course."

[[branch]]
line = "back-to-college"
stations = ["labourer", "site-course", "gcses"]

[[journey]]
id = "ola"
name = "Ola"
headline = "Labourer, a course, then college"
sector = "construction"
story = "I took a course between jobs."
source = { kind = "example" }

[[journey.step]]
position = "labourer"

[[journey.step]]
position = "site-course"

[[journey.step]]
position = "gcses"
"#;

#[test]
fn a_branch_in_another_file_puts_a_proposed_station_on_its_line() {
    let loaded = load(&[
        ("p.toml", POSITIONS),
        ("j.toml", JOURNEY),
        ("new.toml", PROPOSAL),
    ]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let network = &loaded.network;
    let id = |id| network.position_by_id(id).unwrap();
    assert_eq!(
        network.lines()[0].runs,
        vec![
            vec![id("labourer"), id("gcses")],
            vec![id("labourer"), id("site-course"), id("gcses")]
        ]
    );
    assert!(network.journey_by_id("ola").is_some());
}

#[test]
fn a_branch_in_another_file_is_checked_where_it_is_written() {
    let cases = [
        (
            "line = \"back-to-colege\"",
            "unknown-line",
            "Did you mean `back-to-college`?",
        ),
        (
            "stations = [\"gcses\", \"site-course\"]",
            "line-steps-down",
            "steps down from `gcses`",
        ),
    ];
    for (change, code, says) in cases {
        let key = change.split(" = ").next().unwrap_or_default();
        let broken: String = PROPOSAL
            .lines()
            .map(|l| {
                if l.starts_with(&format!("{key} = ")) {
                    change
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let loaded = load(&[
            ("p.toml", POSITIONS),
            ("j.toml", JOURNEY),
            ("new.toml", &broken),
        ]);
        let hit = loaded.diagnostics.iter().find(|d| d.code == code);
        let hit = hit.unwrap_or_else(|| panic!("{code}: {:?}", loaded.diagnostics));
        assert_eq!(loaded.files.get(hit.file).path, "new.toml", "{code}");
        let text = format!(
            "{} {}",
            hit.message,
            hit.hint.as_deref().unwrap_or_default()
        );
        assert!(text.contains(says), "{code}: {text}");
    }
}

#[test]
fn an_own_story_loads_only_with_consent() {
    let own = |source: &str| JOURNEY.replace(r#"source = { kind = "example" }"#, source);
    let agreed = own(r#"source = { kind = "own", consent = true }"#);
    let loaded = load(&[("p.toml", POSITIONS), ("j.toml", &agreed)]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.network.journeys()[0].source, Source::Own);

    for (source, code) in [
        (r#"source = { kind = "own" }"#, "missing-key"),
        (
            r#"source = { kind = "own", consent = false }"#,
            "wrong-value",
        ),
    ] {
        let loaded = load(&[("p.toml", POSITIONS), ("j.toml", &own(source))]);
        assert_eq!(codes(&loaded), [code], "{source}");
        assert!(loaded.diagnostics[0].message.contains("consent = true"));
        assert!(loaded.network.journeys().is_empty(), "left out: {source}");
    }
}

#[test]
fn a_salary_needs_an_https_page_and_a_job_may_say_its_pay_is_not_confirmed() {
    let http = POSITIONS.replace(
        "url = \"https://nationalcareers",
        "url = \"http://nationalcareers",
    );
    let loaded = load(&[("p.toml", &http), ("j.toml", JOURNEY)]);
    assert_eq!(
        codes(&loaded),
        vec![codes::BAD_LINK.name],
        "{:?}",
        loaded.diagnostics
    );
    // The figures are dropped with their page, and the job is still there.
    let labourer = loaded.network.position_by_id("labourer").unwrap();
    assert_eq!(loaded.network.position(labourer).salary, None);

    let salary_line = POSITIONS
        .lines()
        .find(|l| l.starts_with("salary = "))
        .unwrap();
    let without = POSITIONS.replace(salary_line, "");
    let loaded = load(&[("p.toml", &without), ("j.toml", JOURNEY)]);
    assert_eq!(codes(&loaded), vec![codes::JOB_WITHOUT_SALARY.name]);
    let unconfirmed = POSITIONS.replace(
        salary_line,
        "pay_not_confirmed = \"  No official page gives figures.  \"",
    );
    let loaded = load(&[("p.toml", &unconfirmed), ("j.toml", JOURNEY)]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let labourer = loaded.network.position_by_id("labourer").unwrap();
    assert_eq!(
        loaded
            .network
            .position(labourer)
            .pay_not_confirmed
            .as_deref(),
        Some("No official page gives figures.")
    );
}
