use serde::{Deserialize, Serialize};
use std::fmt;

/// The background the map is drawn on; line colours are checked against it.
pub const MAP_BACKGROUND: Colour = Colour {
    r: 0xff,
    g: 0xff,
    b: 0xff,
};

/// WCAG 2.2 (1.4.11, non-text contrast): a line must stand out from the map
/// background by at least 3:1.
pub const MIN_LINE_CONTRAST: f64 = 3.0;

/// An sRGB colour, written `#RRGGBB` in journey files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Colour {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

/// A colour that is not written `#RRGGBB`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a colour written as # and six hexadecimal digits, like #B36305")]
pub struct ColourError(pub String);

impl Colour {
    /// Parses `#RRGGBB` (either case).
    pub fn parse(text: &str) -> Result<Colour, ColourError> {
        let bad = || ColourError(text.to_owned());
        let hex = text.strip_prefix('#').ok_or_else(bad)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok(Colour {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn relative_luminance(self) -> f64 {
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// WCAG contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.relative_luminance(), other.relative_luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

/// An sRGB channel as linear light, 0 to 1.
pub(super) fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        let c = Colour::parse("#b36305").unwrap();
        assert_eq!(
            c,
            Colour {
                r: 0xb3,
                g: 0x63,
                b: 0x05
            }
        );
        assert_eq!(c.to_string(), "#B36305");
        for bad in ["b36305", "#b3630", "#b36305f", "#gg0000", "#ÿÿÿ", ""] {
            assert!(Colour::parse(bad).is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        let black = Colour::parse("#000000").unwrap();
        assert!((black.contrast(MAP_BACKGROUND) - 21.0).abs() < 1e-9);
        assert!((MAP_BACKGROUND.contrast(MAP_BACKGROUND) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes 4.5:1 on white.
        let grey = Colour::parse("#767676").unwrap().contrast(MAP_BACKGROUND);
        assert!((4.5..4.6).contains(&grey), "{grey}");
        // Underground Circle line yellow fails as a line on white.
        assert!(Colour::parse("#FFD300").unwrap().contrast(MAP_BACKGROUND) < MIN_LINE_CONTRAST);
    }
}
