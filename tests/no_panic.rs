//! No input may make loading panic: arbitrary bytes, and arbitrary
//! TOML-shaped text built from the format's own keys and values.
//!
//! The number of inputs per run is `PROPTEST_CASES` (default below); CI runs
//! the default, a longer local run sets it higher.

use proptest::prelude::*;
use tubemap::diagnostic::{Style, render_human, render_json};
use tubemap::source::{document, load_sources};

const DEFAULT_CASES: u32 = 2_000;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Loads the files and renders every diagnostic both ways: rendering must not
/// panic on any span either.
fn load_and_render(files: Vec<(String, Vec<u8>)>) {
    let loaded = load_sources(files.into_iter().map(|(p, b)| (p, Ok(b))));
    for d in &loaded.diagnostics {
        let text = render_human(d, &loaded.files, Style::Plain);
        assert!(!text.is_empty());
    }
    let _ = render_json(&loaded.diagnostics, &loaded.files);
    // Everything that loaded is consistent.
    for journey in loaded.network.journeys() {
        assert!(journey.steps.len() >= 2);
    }
}

fn key() -> impl Strategy<Value = String> {
    // Every key of the format, from the same lists the loader checks against.
    let shapes = [
        &document::POSITION,
        &document::SALARY,
        &document::JOURNEY,
        &document::STEP,
    ];
    let known: Vec<&'static str> = shapes
        .iter()
        .flat_map(|shape| shape.keys.iter().copied())
        .collect();
    prop_oneof![
        prop::sample::select(known).prop_map(str::to_owned),
        "[a-z_]{1,12}",
    ]
}

fn value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        "\"[a-z0-9 -]{0,12}\"",
        prop::sample::select(vec![
            "\"entry\"",
            "\"job\"",
            "\"construction\"",
            "\"#B36305\"",
            "\"#FFFF00\"",
            "\"https://www.gov.uk/x\"",
            "\"http://x\"",
            "\"p1\"",
            "\"p2\""
        ])
        .prop_map(str::to_owned),
        any::<i64>().prop_map(|n| n.to_string()),
        (-10i64..12).prop_map(|n| n.to_string()),
        any::<f32>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:?}")),
        Just("true".to_owned()),
        "\"[^\"\\\\\\n]{0,8}\"",
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec((key(), inner), 0..4).prop_map(|kv| format!(
                "{{ {} }}",
                kv.iter()
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        ]
    })
}

fn toml_document() -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        "[[position]]",
        "[[journey]]",
        "[[journey.step]]",
        "[position.salary]",
        "[journey]",
        "[[x]]",
        "",
    ]);
    let line = (key(), value()).prop_map(|(k, v)| format!("{k} = {v}"));
    prop::collection::vec((header, prop::collection::vec(line, 0..6)), 0..6).prop_map(|tables| {
        tables
            .into_iter()
            .map(|(h, lines)| format!("{h}\n{}\n", lines.join("\n")))
            .collect()
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_and_render(vec![("bytes.toml".to_owned(), bytes)]);
    }

    #[test]
    fn arbitrary_toml_never_panics(a in toml_document(), b in toml_document()) {
        load_and_render(vec![("a.toml".to_owned(), a.into_bytes()), ("b.toml".to_owned(), b.into_bytes())]);
    }

    #[test]
    fn mutated_real_content_never_panics(cut in 0usize..4000, insert in "[\\[\\]=\"#\n a-z0-9]{0,6}") {
        let base = std::fs::read_to_string("tests/diagnostics/unknown-position/sam.toml").unwrap_or_default();
        let mut cut = cut.min(base.len());
        while !base.is_char_boundary(cut) { cut -= 1; }
        let text = format!("{}{}{}", &base[..cut], insert, &base[cut..]);
        load_and_render(vec![("mutated.toml".to_owned(), text.into_bytes())]);
    }
}
