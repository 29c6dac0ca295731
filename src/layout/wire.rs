//! How the layout travels in the map data: only what cannot be worked out
//! again. A station's shape follows from its centre and how many lines stop
//! there, a label's box from its anchor and text, a band's title from its
//! level; leaving them out makes the first load smaller. A label keeps only
//! where its title breaks into lines: `MapBundle::decode` cuts the lines
//! from the title again and measures them ([`Label::cut_from_title`]).

use super::geometry::{Point, Rect};
use super::{Align, LABEL_BASELINE, LINE_SPACING, Shape, Size, text_size};
use crate::journey::{Level, PositionIndex};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub(super) struct Band {
    level: Level,
    x: f32,
    width: f32,
}

impl From<Band> for super::Band {
    fn from(b: Band) -> super::Band {
        super::Band {
            level: b.level,
            x: b.x,
            width: b.width,
            title: b.level.band_label().to_owned(),
        }
    }
}

impl From<super::Band> for Band {
    fn from(b: super::Band) -> Band {
        Band {
            level: b.level,
            x: b.x,
            width: b.width,
        }
    }
}

// Station i is position i (an invariant `MapBundle::decode` restores), so
// neither a station nor a label stores its position.
#[derive(Serialize, Deserialize)]
pub(super) struct StationMark {
    at: Point,
    interchange: bool,
    /// How many lines stop here (at least 1).
    stops: u16,
}

impl From<StationMark> for super::StationMark {
    fn from(s: StationMark) -> super::StationMark {
        let mark = Shape::new(usize::from(s.stops), s.interchange).mark(PositionIndex(0), s.at);
        super::StationMark {
            bounds: mark.bounds.snapped(),
            capsule: (mark.capsule.0.snapped(), mark.capsule.1.snapped()),
            ..mark
        }
    }
}

impl From<super::StationMark> for StationMark {
    fn from(s: super::StationMark) -> StationMark {
        let span = (s.capsule.1.y - s.capsule.0.y).abs();
        StationMark {
            at: s.at,
            interchange: s.interchange,
            stops: (span / LINE_SPACING).round() as u16 + 1,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct Label {
    /// How many characters each line but the last has; the space a line
    /// breaks at is not counted.
    breaks: Vec<u8>,
    anchor: Point,
    align: Align,
}

impl From<Label> for super::Label {
    fn from(l: Label) -> super::Label {
        // Lines and box come later, from the title (`cut_from_title`); until
        // then the break counts wait in `lines`, one empty line each.
        super::Label {
            bounds: Rect::new(l.anchor.x, l.anchor.y, 0.0, 0.0),
            position: PositionIndex(0),
            lines: l.breaks.iter().map(|&n| " ".repeat(n.into())).collect(),
            anchor: l.anchor,
            align: l.align,
        }
    }
}

impl From<super::Label> for Label {
    fn from(l: super::Label) -> Label {
        let count = l.lines.len().saturating_sub(1);
        Label {
            breaks: l.lines[..count]
                .iter()
                .map(|line| line.chars().count().min(255) as u8)
                .collect(),
            anchor: l.anchor,
            align: l.align,
        }
    }
}

impl super::Label {
    /// Cuts `title` into this label's lines, at the breaks the map data
    /// carried (see [`Label`]), and measures the box they fill.
    pub(crate) fn cut_from_title(&mut self, title: &str) {
        let mut rest = title;
        let mut lines = Vec::with_capacity(self.lines.len() + 1);
        for placeholder in &self.lines {
            let n = placeholder.len();
            let at = rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
            lines.push(rest[..at].to_owned());
            rest = rest[at..].strip_prefix(' ').unwrap_or(&rest[at..]);
        }
        lines.push(rest.to_owned());
        let Size { width, height } = text_size(&lines);
        let left = match self.align {
            Align::Start => self.anchor.x,
            Align::Middle => self.anchor.x - width / 2.0,
            Align::End => self.anchor.x - width,
        };
        self.bounds = Rect::new(left, self.anchor.y - LABEL_BASELINE, width, height).snapped();
        self.lines = lines;
    }
}
