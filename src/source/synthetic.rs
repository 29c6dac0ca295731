//! Generated journey files of any size, for benchmarks and scale tests.
//!
//! The network looks like real content: positions spread over the nine
//! levels and three sectors, journeys climbing levels with the occasional
//! step down, many journeys sharing positions.

/// Entries per generated file, so every file stays far below
/// [`super::MAX_FILE_BYTES`], as an author would split them.
const ENTRIES_PER_FILE: usize = 200;

/// TOML files (path, text) for `positions` positions and `journeys` journeys.
/// The same arguments always give the same files.
pub fn journey_files(positions: usize, journeys: usize) -> Vec<(String, String)> {
    let mut rng = SplitMix(0x5eed_cafe ^ (positions as u64) << 20 ^ journeys as u64);
    let sectors = ["construction", "digital", "general"];
    let per_level = positions.div_ceil(9).max(1);
    let mut files = Vec::new();
    let mut out = String::with_capacity(ENTRIES_PER_FILE * 300);
    for i in 0..positions {
        if i > 0 && i % ENTRIES_PER_FILE == 0 {
            files.push((
                format!("generated/positions-{}.toml", files.len()),
                std::mem::take(&mut out),
            ));
        }
        let level = (i / per_level).min(8);
        let level_text = if level == 0 {
            "\"entry\"".to_owned()
        } else {
            level.to_string()
        };
        let kind = if i % 5 == 4 { "job" } else { "qualification" };
        out.push_str(&format!(
            "[[position]]\nid = \"p{i}\"\ntitle = \"Position {i}\"\nkind = \"{kind}\"\nlevel = {level_text}\nsectors = [\"{}\"]\ndescription = \"Generated position {i}.\"\ntypical_years = {}.0\nlinks = [\"https://example.org/p{i}\"]\n",
            sectors[i % 3],
            1 + i % 3,
        ));
        if kind == "job" {
            out.push_str(
                "salary = { min = 20000, max = 30000, source = \"Generated\", year = 2025 }\n",
            );
        }
        out.push('\n');
    }
    files.push((format!("generated/positions-{}.toml", files.len()), out));
    let mut lines = String::with_capacity(ENTRIES_PER_FILE * 400);
    for j in 0..journeys {
        if j > 0 && j % ENTRIES_PER_FILE == 0 {
            files.push((
                format!("generated/journeys-{j}.toml"),
                std::mem::take(&mut lines),
            ));
        }
        lines.push_str(&format!(
            "[[journey]]\nid = \"j{j}\"\nname = \"Person {j}\"\nheadline = \"Generated journey {j}\"\nsector = \"{}\"\ncolour = \"#1F4E79\"\nstory = \"Generated.\"\n",
            sectors[j % 3]
        ));
        let steps = 3 + rng.below(5);
        let mut level = rng.below(3);
        let mut previous = usize::MAX;
        for _ in 0..steps {
            // Mostly up a level, sometimes across, rarely down.
            let roll = rng.below(10);
            level = match roll {
                0 => level.saturating_sub(1),
                1..=3 => level,
                _ => (level + 1).min(8),
            };
            let start = level * per_level;
            let mut p = (start + rng.below(per_level)).min(positions - 1);
            if p == previous {
                p = (p + 1) % positions;
            }
            previous = p;
            lines.push_str(&format!(
                "[[journey.step]]\nposition = \"p{p}\"\nyears = 1\n"
            ));
        }
        lines.push('\n');
    }
    files.push((format!("generated/journeys-{journeys}.toml"), lines));
    files
}

/// A small, fast, seeded generator: reproducible without a dependency.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
