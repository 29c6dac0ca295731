//! Numbers in words as the app and the CLI both say them: "3 stops",
//! "£24,000". One copy, so the map, the directions and the editor agree.

/// "1 stop", "3 stops": `word` with an `s` for any count but one.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// 24000 → "24,000": thousands separated by commas, as UK pay is written.
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "stop"), "1 stop");
        assert_eq!(plural(0, "change"), "0 changes");
        assert_eq!(plural(3, "year"), "3 years");
    }

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(24_000), "24,000");
        assert_eq!(thousands(1_250_000), "1,250,000");
    }
}
