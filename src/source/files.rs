//! Finding and reading journey files from disk.

use std::path::{Path, PathBuf};

/// Files larger than this are not parsed: no real journey file comes close,
/// and it keeps a pasted data dump from stalling the check.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// Every `.toml` file under the given paths, sorted, so loads are
/// deterministic; a path that is a file is taken as it is. Unreadable paths
/// come back as errors with their path.
pub fn discover(paths: &[PathBuf]) -> Vec<(String, std::io::Result<Vec<u8>>)> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut found);
            files.sort();
            for file in files {
                let bytes = std::fs::read(&file);
                found.push((display(&file), bytes));
            }
        } else {
            found.push((display(path), std::fs::read(path)));
        }
    }
    found
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<(String, std::io::Result<Vec<u8>>)>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push((display(dir), Err(error)));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, errors);
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
