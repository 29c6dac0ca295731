//! The journeys we ship are clean, real and plentiful enough, and the
//! schema file they reference is the one the code generates.

use std::collections::HashSet;
use tubemap::diagnostic::{Style, render_human};
use tubemap::graph::CareerGraph;
use tubemap::journey::{Kind, Level, Sector};
use tubemap::source::{document, load_paths, load_paths_in_year, this_year};

fn shipped() -> tubemap::source::Loaded {
    load_paths_in_year(&["journeys".into()], this_year())
}

#[test]
fn shipped_journeys_have_no_errors_and_no_warnings() {
    let loaded = shipped();
    let rendered: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| render_human(d, &loaded.files, Style::Plain))
        .collect();
    assert!(rendered.is_empty(), "{}", rendered.join("\n\n"));
}

#[test]
fn shipped_content_meets_the_coverage_targets() {
    let loaded = shipped();
    let network = &loaded.network;
    assert!(
        network.positions().len() >= 100,
        "{} positions",
        network.positions().len()
    );
    assert!(
        network.journeys().len() >= 30,
        "{} journeys",
        network.journeys().len()
    );
    let in_sector = |s: Sector| network.journeys().iter().filter(|j| j.sector == s).count();
    let sectors_of = |j: &tubemap::journey::Journey| -> HashSet<Sector> {
        j.steps
            .iter()
            .flat_map(|s| network.position(s.position).sectors.iter().copied())
            .filter(|s| *s != Sector::General)
            .collect()
    };
    let crossing = network
        .journeys()
        .iter()
        .filter(|j| sectors_of(j).len() >= 2)
        .count();
    assert!(
        in_sector(Sector::Construction) >= 12,
        "{} construction",
        in_sector(Sector::Construction)
    );
    assert!(
        in_sector(Sector::Digital) >= 12,
        "{} digital",
        in_sector(Sector::Digital)
    );
    assert!(crossing >= 4, "{crossing} crossing journeys");
    // Routes from Entry level and past Level 2, the progression the
    // programme wants to raise.
    let level3 = Level::rqf(3).unwrap();
    assert!(
        network
            .journeys()
            .iter()
            .any(|j| network.position(j.steps[0].position).level <= Level::rqf(1).unwrap())
    );
    let past_level_2 = network
        .journeys()
        .iter()
        .filter(|j| {
            j.steps
                .iter()
                .any(|s| network.position(s.position).level >= level3)
        })
        .count();
    assert!(
        past_level_2 * 2 > network.journeys().len(),
        "most journeys go past Level 2"
    );
    // Every job says what it pays, with source, page and year, or why no
    // page confirms it; never a figure without its page.
    for p in network.positions().iter().filter(|p| p.kind == Kind::Job) {
        match (&p.salary, &p.pay_not_confirmed) {
            (Some(salary), None) => assert!(
                !salary.source.is_empty()
                    && salary.url.starts_with("https://")
                    && salary.year >= 2020
                    && salary.min <= salary.max,
                "{}: {salary:?}",
                p.id
            ),
            (None, Some(why)) => assert!(why.len() > 20, "{}: {why}", p.id),
            other => panic!("{}: pay {other:?}", p.id),
        }
    }
    let graph = CareerGraph::new(network.clone());
    assert!(
        graph.interchanges().count() >= 15,
        "interchanges: {}",
        graph.interchanges().count()
    );
    eprintln!(
        "shipped: {} positions, {} journeys ({} construction, {} digital, {} crossing), {} interchanges",
        network.positions().len(),
        network.journeys().len(),
        in_sector(Sector::Construction),
        in_sector(Sector::Digital),
        crossing,
        graph.interchanges().count()
    );
}

/// The construction programme's aim is progression to Level 4 and above,
/// where Higher Technical Qualifications, HNDs, foundation degrees and
/// higher apprenticeships sit: the map shows enough of them, and every one,
/// like each school computing qualification, is on a line and on at least
/// one person's trip.
#[test]
fn levels_4_and_5_and_school_computing_are_stocked_and_travelled() {
    let network = shipped().network;
    let graph = CareerGraph::new(network.clone());
    let at = |level: i64| {
        let level = Level::rqf(level).unwrap();
        network
            .position_indices()
            .filter(|&p| network.position(p).level == level)
            .collect::<Vec<_>>()
    };
    let (level4, level5) = (at(4), at(5));
    assert!(level4.len() >= 20, "{} positions at Level 4", level4.len());
    assert!(level5.len() >= 8, "{} positions at Level 5", level5.len());
    // The digital programme's aim is a wider take-up of these at school.
    let school_computing = [
        "gcse-computer-science",
        "cambridge-national-creative-imedia",
        "cambridge-national-it",
        "a-level-computer-science",
    ]
    .map(|id| {
        network
            .position_by_id(id)
            .unwrap_or_else(|| panic!("{id} is not on the map"))
    });
    for p in level4.into_iter().chain(level5).chain(school_computing) {
        let id = &network.position(p).id;
        assert!(!graph.lines_at(p).is_empty(), "{id} is on no line");
        assert!(
            network
                .journeys()
                .iter()
                .any(|j| j.steps.iter().any(|s| s.position == p)),
            "{id} is on no journey"
        );
    }
}

#[test]
fn every_journey_file_references_the_generated_schema() {
    let committed = std::fs::read_to_string("journeys/journey.schema.json")
        .expect("journeys/journey.schema.json exists");
    assert_eq!(
        committed,
        document::json_schema(),
        "the schema is stale: run `cargo run --bin tubemap -- schema > journeys/journey.schema.json`"
    );
    for file in load_paths(&["journeys".into()])
        .files
        .iter()
        .map(|(_, f)| f)
    {
        assert!(
            file.text.starts_with("#:schema ../journey.schema.json"),
            "{} does not start with the #:schema line",
            file.path
        );
    }
}

#[test]
fn the_template_is_a_valid_journey() {
    let loaded = load_paths(&[
        "journeys/TEMPLATE.toml.example".into(),
        "journeys/positions".into(),
        "journeys/network".into(),
    ]);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| render_human(d, &loaded.files, Style::Plain))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(
        loaded
            .network
            .journeys()
            .iter()
            .any(|j| j.id == "your-name")
    );
}

#[test]
fn every_journey_is_a_cited_published_story_an_own_story_or_labelled_an_example() {
    let loaded = load_paths(&["journeys".into()]);
    let (mut published, mut own, mut examples) = (0, 0, 0);
    for journey in loaded.network.journeys() {
        match &journey.source {
            tubemap::journey::Source::Example => examples += 1,
            // Loaded only with `consent = true` (a unit test in `source`).
            tubemap::journey::Source::Own => own += 1,
            tubemap::journey::Source::Published(c) => {
                published += 1;
                assert!(c.url.starts_with("https://"), "{}: {}", journey.id, c.url);
                assert!(
                    !c.title.is_empty() && !c.publisher.is_empty(),
                    "{}",
                    journey.id
                );
            }
        }
    }
    eprintln!("journeys: {published} published, {own} own stories, {examples} examples");
    assert_eq!(published + own + examples, loaded.network.journeys().len());
}

/// The map data carries only where each label breaks; decoding cuts the
/// lines from the titles again and must give back exactly the layout's.
#[test]
fn labels_survive_the_trip_through_the_map_data() {
    let network = shipped().network;
    let graph = CareerGraph::new(network.clone());
    let layout = tubemap::layout::layout(&graph);
    let bundle = tubemap::bundle::MapBundle::new(network, layout.clone());
    let (map, _details) = bundle.split().expect("splits");
    let decoded = tubemap::bundle::MapBundle::decode(&map).expect("decodes");
    assert_eq!(decoded.layout.labels, layout.labels);
    assert!(layout.labels.iter().any(|l| l.lines.len() > 1));
}

/// The route planner's quick starts name stations by id: the shipped
/// content must have them, or the buttons silently vanish.
#[test]
fn every_quick_start_is_offered_on_the_shipped_map() {
    let network = shipped().network;
    let graph = CareerGraph::new(network.clone());
    let starts = tubemap::route::quick_starts(&graph);
    let labels: Vec<&str> = starts.iter().map(|s| s.label).collect();
    assert_eq!(
        labels,
        ["I'm in Year 9", "I have GCSEs", "I have a Level 2"]
    );
    let level_2 = network.position(starts[2].from);
    assert_eq!(level_2.level, Level::rqf(2).unwrap());
}
