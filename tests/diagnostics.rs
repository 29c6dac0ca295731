//! Every class of problem in a journey file gives its own spanned diagnostic.
//!
//! Each folder under `tests/diagnostics/` is one case, named after the
//! diagnostic code it must produce. The whole rendered output is compared
//! with a snapshot, so a change in wording, position or hint shows up in
//! review.

use std::path::{Path, PathBuf};
use tubemap::diagnostic::{Severity, Style, codes, render_human};
use tubemap::source;

fn cases() -> Vec<PathBuf> {
    let root = Path::new("tests/diagnostics");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .expect("tests/diagnostics exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir() && p.file_name().is_some_and(|n| n != "snapshots"))
        .collect();
    dirs.sort();
    dirs
}

fn rendered(dir: &Path) -> (String, source::Loaded) {
    let loaded = source::load_paths_in_year(&[dir.to_path_buf()], source::this_year());
    let text = loaded
        .diagnostics
        .iter()
        .map(|d| render_human(d, &loaded.files, Style::Plain))
        .collect::<Vec<_>>()
        .join("\n\n");
    (text, loaded)
}

/// Folders named for what they show rather than the code they produce.
const ALIASES: &[(&str, &str)] = &[("salary-without-source", "missing-key")];

/// Codes with no broken-file case, and why.
const WITHOUT_A_CASE: &[(&str, &str)] = &[
    (
        "unreadable-file",
        "git cannot hold an unreadable file; source::tests feeds a read error",
    ),
    (
        "file-too-large",
        "a file over 256 KiB would bloat the repository; source::tests makes one",
    ),
    (
        "internal",
        "a bug in the checker, with no known file that causes it",
    ),
];

fn code_of(folder: &str) -> &str {
    ALIASES
        .iter()
        .find(|(f, _)| *f == folder)
        .map_or(folder, |(_, code)| code)
}

#[test]
fn each_case_reports_its_class_with_a_span_and_a_hint() {
    for dir in cases() {
        let folder = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 folder name")
            .to_owned();
        let (text, loaded) = rendered(&dir);
        let expected = code_of(&folder);
        let code = codes::by_name(expected)
            .unwrap_or_else(|| panic!("tests/diagnostics/{folder} is not a diagnostic code"));
        let hit = loaded.diagnostics.iter().find(|d| d.code == expected);
        let hit = hit.unwrap_or_else(|| panic!("{folder}: no `{expected}` diagnostic in:\n{text}"));
        assert!(hit.span.is_some(), "{folder}: no span");
        assert!(hit.hint.is_some(), "{folder}: no hint");
        assert_eq!(hit.severity, code.severity, "{folder}");
        if code.severity == Severity::Warning {
            assert_eq!(
                loaded.error_count(),
                0,
                "{folder} should only warn:\n{text}"
            );
        }
        insta::with_settings!({
            snapshot_path => "diagnostics/snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(folder.clone(), text);
        });
    }
}

#[test]
fn every_code_has_a_broken_file_case_or_says_why_not() {
    let folders: Vec<String> = cases()
        .iter()
        .filter_map(|d| d.file_name()?.to_str().map(str::to_owned))
        .collect();
    for code in codes::ALL {
        let has_case = folders.iter().any(|f| code_of(f) == code.name);
        let excused = WITHOUT_A_CASE.iter().any(|(name, _)| *name == code.name);
        assert!(
            has_case != excused,
            "`{}`: {}",
            code.name,
            if has_case {
                "has a case, so take it off WITHOUT_A_CASE"
            } else {
                "add a folder under tests/diagnostics/ that produces it"
            }
        );
    }
}

#[test]
fn the_authoring_guide_lists_every_code() {
    let guide = std::fs::read_to_string("journeys/README.md").expect("the guide");
    let (start, end) = ("<!-- codes:start -->\n", "<!-- codes:end -->");
    let listed = guide
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(list, _)| list)
        .expect("the guide has the codes markers");
    assert_eq!(
        listed,
        codes::markdown(),
        "the list of codes is stale: run `cargo run --bin tubemap -- codes` and paste it between the markers"
    );
}

#[test]
fn the_cli_exits_1_on_errors_and_prints_file_line_column() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tubemap"))
        .args(["check", "tests/diagnostics/unknown-position"])
        .output()
        .expect("tubemap runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("tests/diagnostics/unknown-position/sam.toml:26:12"),
        "{stdout}"
    );
    assert!(stdout.contains("Did you mean \"gcses\"?"), "{stdout}");
}

#[test]
fn the_cli_exits_0_on_warnings_alone_and_speaks_json() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tubemap"))
        .args([
            "check",
            "--format",
            "json",
            "tests/diagnostics/similar-colours",
        ])
        .output()
        .expect("tubemap runs");
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let first = &json[0];
    assert_eq!(first["code"], "similar-colours");
    assert_eq!(first["severity"], "warning");
    assert_eq!(
        first["file"],
        "tests/diagnostics/similar-colours/lines.toml"
    );
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(10), Some(6))
    );
}
