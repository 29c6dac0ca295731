//! Telling line colours apart: CIEDE2000 colour difference, also as seen
//! with the three kinds of dichromacy (simulated with Machado, Oliveira and
//! Fernandes' 2009 matrices at full severity).
//!
//! Written out rather than taken from a colour crate: it is two short
//! formulas, used only by the validator, and tested against the published
//! reference pairs (Sharma, Wu and Dalal 2005).

use super::Colour;
use super::colour::linear;

/// Lines that meet must differ by at least this CIEDE2000 ΔE with normal
/// colour vision. About 10 is "clearly a different colour" at a glance;
/// thin lines need more than patches do.
pub const MIN_LINE_DIFFERENCE: f64 = 12.0;

/// The same, as seen with a colour-vision deficiency. Lower, because
/// dichromats lose a whole axis of colour: the Underground's own lines pass
/// this, with lightness doing the work hue cannot.
pub const MIN_LINE_DIFFERENCE_CVD: f64 = 6.0;

/// How a colour is seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vision {
    /// Typical colour vision.
    Normal,
    /// No red cones (about 1% of men).
    Protanopia,
    /// No green cones (about 1% of men).
    Deuteranopia,
    /// No blue cones (rare).
    Tritanopia,
}

impl Vision {
    /// Every kind of vision checked.
    pub const ALL: [Vision; 4] = [
        Vision::Normal,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    fn name(self) -> &'static str {
        match self {
            Vision::Normal => "with typical colour vision",
            Vision::Protanopia => "with protanopia (red-blind)",
            Vision::Deuteranopia => "with deuteranopia (green-blind)",
            Vision::Tritanopia => "with tritanopia (blue-blind)",
        }
    }

    fn matrix(self) -> Option<[[f64; 3]; 3]> {
        match self {
            Vision::Normal => None,
            Vision::Protanopia => Some([
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ]),
            Vision::Deuteranopia => Some([
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ]),
            Vision::Tritanopia => Some([
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ]),
        }
    }
}

impl Colour {
    /// CIEDE2000 difference between two colours as seen with `vision`.
    pub fn difference(self, other: Colour, vision: Vision) -> f64 {
        ciede2000(lab(self, vision), lab(other, vision))
    }

    /// Why two line colours are hard to tell apart, or `None` when they are
    /// far enough apart for every kind of vision.
    pub fn confusion(self, other: Colour) -> Option<String> {
        Vision::ALL.into_iter().find_map(|vision| {
            let needed = if vision == Vision::Normal {
                MIN_LINE_DIFFERENCE
            } else {
                MIN_LINE_DIFFERENCE_CVD
            };
            let difference = self.difference(other, vision);
            (difference < needed).then(|| {
                format!(
                    "a difference of {difference:.1} {}, at least {needed} needed",
                    vision.name()
                )
            })
        })
    }
}

/// CIE L*a*b* (D65) of a colour as seen with `vision`.
fn lab(colour: Colour, vision: Vision) -> [f64; 3] {
    let mut rgb = [linear(colour.r), linear(colour.g), linear(colour.b)];
    if let Some(m) = vision.matrix() {
        rgb = [0, 1, 2]
            .map(|i| (m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]).clamp(0.0, 1.0));
    }
    let [r, g, b] = rgb;
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 ΔE between two L*a*b* colours (kL = kC = kH = 1).
fn ciede2000([l1, a1, b1]: [f64; 3], [l2, a2, b2]: [f64; 3]) -> f64 {
    use std::f64::consts::PI;
    let deg = |r: f64| r * 180.0 / PI;
    let rad = |d: f64| d * PI / 180.0;
    let c_mean = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (c_mean.powi(7) / (c_mean.powi(7) + 25f64.powi(7))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            deg(b.atan2(a)).rem_euclid(360.0)
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2p - h1p).abs() <= 180.0 {
        h2p - h1p
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else {
        h2p - h1p + 360.0
    };
    let big_dh = 2.0 * (c1p * c2p).sqrt() * (rad(dh) / 2.0).sin();
    let l_mean = (l1 + l2) / 2.0;
    let cp_mean = (c1p + c2p) / 2.0;
    let hp_mean = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * rad(hp_mean - 30.0).cos()
        + 0.24 * rad(2.0 * hp_mean).cos()
        + 0.32 * rad(3.0 * hp_mean + 6.0).cos()
        - 0.20 * rad(4.0 * hp_mean - 63.0).cos();
    let d_theta = 30.0 * (-((hp_mean - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (cp_mean.powi(7) / (cp_mean.powi(7) + 25f64.powi(7))).sqrt();
    let sl = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cp_mean;
    let sh = 1.0 + 0.015 * cp_mean * t;
    let rt = -(rad(2.0 * d_theta)).sin() * rc;
    ((dl / sl).powi(2) + (dc / sc).powi(2) + (big_dh / sh).powi(2) + rt * (dc / sc) * (big_dh / sh))
        .sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ciede2000_matches_the_published_reference_pairs() {
        // Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 17 and 25.
        let pairs = [
            ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
            ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
            ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
            (
                [60.2574, -34.0099, 36.2677],
                [60.4626, -34.1751, 39.4387],
                1.2644,
            ),
        ];
        for (a, b, expected) in pairs {
            let got = ciede2000(a, b);
            assert!(
                (got - expected).abs() < 1e-4,
                "{a:?} {b:?}: {got} != {expected}"
            );
        }
    }

    #[test]
    fn red_and_green_clash_only_for_the_colour_blind() {
        let red = Colour::parse("#E32017").unwrap();
        let green = Colour::parse("#00782A").unwrap();
        let blue = Colour::parse("#003688").unwrap();
        assert!(red.difference(green, Vision::Normal) > 40.0);
        assert!(
            red.difference(green, Vision::Deuteranopia)
                < red.difference(green, Vision::Normal) / 2.0
        );
        assert_eq!(red.confusion(blue), None);
        assert!(red.confusion(red).is_some());
    }
}
