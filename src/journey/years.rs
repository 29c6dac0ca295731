/// A time in years in words, to the nearest half year: "6 months",
/// "1 year", "1½ years", "3 years". Integer arithmetic only, so the browser
/// bundle needs no float printing.
pub fn years_text(years: f32) -> String {
    let halves = if years.is_finite() {
        (years * 2.0).round().max(1.0) as u32
    } else {
        1
    };
    match (halves / 2, halves % 2) {
        (0, _) => "6 months".to_owned(),
        (1, 0) => "1 year".to_owned(),
        (whole, 0) => format!("{whole} years"),
        (whole, _) => format!("{whole}½ years"),
    }
}

#[cfg(test)]
mod tests {
    use super::years_text;

    #[test]
    fn rounds_to_half_years_in_words() {
        assert_eq!(years_text(0.4), "6 months");
        assert_eq!(years_text(1.0), "1 year");
        assert_eq!(years_text(1.4), "1½ years");
        assert_eq!(years_text(2.9), "3 years");
        assert_eq!(years_text(f32::NAN), "6 months");
    }
}
