//! Invariants from ARCHITECTURE.md that Cargo does not enforce, checked on
//! the source text: the core never reads the clock and never touches the
//! browser.

use std::path::{Path, PathBuf};

/// Browser and clock code lives here only; everything else is the core.
const EDGES: [&str; 4] = ["src/ui/", "src/bin/", "src/main.rs", "src/editor_main.rs"];

/// What reading the clock or the browser looks like in Rust source.
const FORBIDDEN: [&str; 9] = [
    "SystemTime",
    "Instant::now",
    "Date::now",
    "js_sys",
    "web_sys",
    "leptos",
    "gloo",
    "wasm_bindgen",
    "performance()",
];

/// The one sanctioned clock read in the core: `source::this_year`, which
/// the CLI calls and passes in, so the loader stays a pure function of
/// its input.
const ALLOWED: [(&str, &str); 1] = [("src/source/lints/dates.rs", "SystemTime")];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn core_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files
        .into_iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| !EDGES.iter().any(|edge| p.starts_with(edge)))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
            (p, text)
        })
        .collect()
}

#[test]
fn the_core_never_reads_the_clock_or_touches_the_browser() {
    let files = core_files();
    assert!(files.len() > 40, "found the core: {} files", files.len());
    let mut found = Vec::new();
    for (path, text) in &files {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) && !ALLOWED.contains(&(path.as_str(), word)) {
                    found.push(format!("{path}:{}: {word}", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core reaches outside itself:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_loader_never_asks_the_year_itself() {
    // `this_year` is for the edges; inside `source` only its definition
    // and its own test may name it.
    for (path, text) in core_files() {
        let calls = text.matches("this_year()").count();
        let allowed = if path == "src/source/lints/dates.rs" {
            2
        } else {
            0
        };
        assert!(calls <= allowed, "{path} calls this_year() {calls} times");
    }
}

#[test]
fn the_forbidden_words_are_found_where_they_are() {
    // The check can fail: the app's own files do read the clock.
    let editor = std::fs::read_to_string("src/ui/editor/mod.rs").expect("the editor page");
    assert!(editor.contains("js_sys::Date"));
}
