//! Finding a station by what a pupil types: forgiving of typos, partial
//! words and word order ("brick apprentice", "sofware devloper").
//!
//! Shared by the app's search box and the CLI's route endpoints, so both
//! match the same way.

use crate::journey::{Network, PositionIndex};

/// One match, best first in [`search`]'s results.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    /// The position found.
    pub position: PositionIndex,
    /// Higher is better; only meaningful for ordering.
    pub score: f32,
}

/// Positions matching `query`, best first, at most `limit`. Every word typed
/// must match some word of the title (or the id): exactly, as a prefix, as
/// a part, or within one or two typos for longer words.
pub fn search(network: &Network, query: &str, limit: usize) -> Vec<Match> {
    let words = normalise(query);
    if words.is_empty() {
        return Vec::new();
    }
    // Best first, then in position order. Each match goes in at its place
    // (a few hundred stations at most): a sort would add its own few
    // kilobytes to the browser bundle.
    let mut matches: Vec<Match> = Vec::new();
    for index in network.position_indices() {
        let position = network.position(index);
        let title = normalise(&position.title);
        let id = normalise(&position.id.replace('-', " "));
        let score = score(&words, &title).max(score(&words, &id) * 0.95);
        if score <= 0.0 {
            continue;
        }
        // Prefer short titles: "Bricklayer" over "Bricklayer apprenticeship".
        let score = score - title.len() as f32 * 0.01;
        let at = matches.partition_point(|m| m.score.total_cmp(&score).is_ge());
        matches.insert(
            at,
            Match {
                position: index,
                score,
            },
        );
    }
    matches.truncate(limit);
    matches
}

/// Lowercase words of letters and digits; "T Level (Digital)" → ["t", "level", "digital"].
///
/// ASCII rules only: titles are English, and Unicode case tables would
/// weigh more in the browser than the whole search. Other characters stay
/// part of their word.
fn normalise(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Sum over typed words of the best match in the title; 0 if any typed word
/// matches nothing.
fn score(typed: &[String], title: &[String]) -> f32 {
    let mut total = 0.0;
    for word in typed {
        let best = title
            .iter()
            .map(|t| word_score(word, t))
            .fold(0.0, f32::max);
        if best == 0.0 {
            return 0.0;
        }
        total += best;
    }
    total
}

fn word_score(typed: &str, word: &str) -> f32 {
    // A plural is the same word: "GCSE" means "GCSEs" as much as "GCSE".
    if typed == word || word.strip_suffix('s') == Some(typed) {
        return 3.0;
    }
    if word.starts_with(typed) {
        return 2.0 + typed.len() as f32 / word.len() as f32 * 0.5;
    }
    let typed_len = typed.chars().count();
    if typed_len >= 3 && word.contains(typed) {
        return 1.5;
    }
    let allowed = match typed_len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
    if allowed == 0 {
        return 0.0;
    }
    // Compare with the word, and with its prefix of the typed length, so a
    // misspelt partial word ("sofwa") still finds "software". Optimal string
    // alignment counts a swap of two neighbouring letters as one typo, as
    // full Damerau-Levenshtein does, and within one or two typos the two
    // agree; it needs no hash map, so it weighs far less in the browser.
    let whole = strsim::osa_distance(typed, word);
    let as_prefix = (typed_len.saturating_sub(1)..=typed_len + 1)
        .map(|n| strsim::osa_distance(typed, &word.chars().take(n).collect::<String>()))
        .min()
        .unwrap_or(usize::MAX);
    match (whole <= allowed, as_prefix <= allowed) {
        (true, _) => 1.0 - whole as f32 * 0.2,
        (false, true) => 0.7 - as_prefix as f32 * 0.2,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Level, Network, Sector, sample};

    fn network() -> Network {
        let level = Level::rqf(4).unwrap();
        let mut positions = vec![
            sample::position("software-developer", level, Sector::Digital),
            sample::position("software-developer-apprenticeship", level, Sector::Digital),
            sample::position("bricklayer", level, Sector::Construction),
            sample::position("construction-site-supervisor", level, Sector::Construction),
        ];
        positions[0].title = "Software developer".into();
        positions[1].title = "Software developer apprenticeship".into();
        positions[2].title = "Bricklayer".into();
        positions[3].title = "Construction site supervisor".into();
        let journeys = vec![sample::journey("j", Sector::Digital, &[0, 1, 2, 3])];
        crate::journey::sample::one_line_per_journey(positions, journeys)
    }

    fn first(query: &str) -> Option<String> {
        let n = network();
        search(&n, query, 5)
            .first()
            .map(|m| n.position(m.position).id.clone())
    }

    #[test]
    fn a_plural_counts_as_the_same_word() {
        assert_eq!(word_score("gcse", "gcses"), word_score("gcse", "gcse"));
        // Only the plural: a longer word stays a prefix match.
        assert!(word_score("gcse", "gcsex") < word_score("gcse", "gcse"));
    }

    #[test]
    fn finds_despite_typos_partial_words_and_order() {
        assert_eq!(
            first("Software developer").as_deref(),
            Some("software-developer")
        );
        assert_eq!(
            first("sofware devloper").as_deref(),
            Some("software-developer")
        );
        assert_eq!(first("brick").as_deref(), Some("bricklayer"));
        assert_eq!(first("bricklayr").as_deref(), Some("bricklayer"));
        assert_eq!(
            first("supervisor site").as_deref(),
            Some("construction-site-supervisor")
        );
        assert_eq!(
            first("developer apprentice").as_deref(),
            Some("software-developer-apprenticeship")
        );
        assert_eq!(first("sofwa").as_deref(), Some("software-developer"));
    }

    #[test]
    fn unrelated_or_empty_queries_find_nothing() {
        assert_eq!(first("nurse"), None);
        assert_eq!(first("  "), None);
        assert_eq!(first("xyz"), None);
    }
}
