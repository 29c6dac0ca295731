//! "Did you mean …?" for misspelt keys, ids and values.

/// The candidate closest to `typed`, if it is close enough to be what the
/// author meant.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&typed_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.82)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["title", "level", "links", "description"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("Levle", keys), Some("level"));
        assert_eq!(closest("descripton", keys), Some("description"));
        assert_eq!(closest("salary", keys), None);
        assert_eq!(
            closest("gcse-9-4", ["gcses-9-4", "a-levels"]),
            Some("gcses-9-4")
        );
    }
}
