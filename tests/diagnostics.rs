//! Every class of problem in a journey file gives its own spanned diagnostic.
//!
//! Each folder under `tests/diagnostics/` is one case, named after the
//! diagnostic code it must produce. The whole rendered output is compared
//! with a snapshot, so a change in wording, position or hint shows up in
//! review.

use std::path::{Path, PathBuf};
use tubemap::diagnostic::{Severity, Style, render_human};
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

#[test]
fn each_case_reports_its_class_with_a_span_and_a_hint() {
    let cases = cases();
    assert!(
        cases.len() >= 30,
        "expected the whole corpus, found {}",
        cases.len()
    );
    for dir in cases {
        let code = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 folder name")
            .to_owned();
        let (text, loaded) = rendered(&dir);
        let expected_code = match code.as_str() {
            "salary-without-source" => "missing-key",
            other => other,
        };
        let hit = loaded.diagnostics.iter().find(|d| d.code == expected_code);
        let hit =
            hit.unwrap_or_else(|| panic!("{code}: no `{expected_code}` diagnostic in:\n{text}"));
        assert!(
            hit.span.is_some() || code == "file-too-large",
            "{code}: no span"
        );
        assert!(hit.hint.is_some(), "{code}: no hint");
        let is_warning_case = matches!(
            code.as_str(),
            "similar-colours" | "job-without-salary" | "breaks-requirement"
        );
        assert_eq!(
            hit.severity,
            if is_warning_case {
                Severity::Warning
            } else {
                Severity::Error
            },
            "{code}"
        );
        if is_warning_case {
            assert_eq!(loaded.error_count(), 0, "{code} should only warn:\n{text}");
        }
        insta::with_settings!({
            snapshot_path => "diagnostics/snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(code.clone(), text);
        });
    }
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
