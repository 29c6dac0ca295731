//! How the layout travels in the map data: only what cannot be worked out
//! again. A station's shape follows from its centre and how many lines stop
//! there, a label's box from its anchor and text, a band's title from its
//! level; leaving them out makes the first load smaller. (Label text stays:
//! cutting it from the title again cost more code than it saved data.)

use super::geometry::{Point, Rect};
use super::{Align, LABEL_BASELINE, LINE_SPACING, Shape, text_size};
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

#[derive(Serialize, Deserialize)]
pub(super) struct StationMark {
    position: PositionIndex,
    at: Point,
    interchange: bool,
    /// How many lines stop here (at least 1).
    stops: u16,
}

impl From<StationMark> for super::StationMark {
    fn from(s: StationMark) -> super::StationMark {
        let mark = Shape::new(usize::from(s.stops), s.interchange).mark(s.position, s.at);
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
            position: s.position,
            at: s.at,
            interchange: s.interchange,
            stops: (span / LINE_SPACING).round() as u16 + 1,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct Label {
    position: PositionIndex,
    lines: Vec<String>,
    anchor: Point,
    align: Align,
}

impl From<Label> for super::Label {
    fn from(l: Label) -> super::Label {
        let (width, height) = text_size(&l.lines);
        let left = match l.align {
            Align::Start => l.anchor.x,
            Align::Middle => l.anchor.x - width / 2.0,
            Align::End => l.anchor.x - width,
        };
        super::Label {
            bounds: Rect::new(left, l.anchor.y - LABEL_BASELINE, width, height).snapped(),
            position: l.position,
            lines: l.lines,
            anchor: l.anchor,
            align: l.align,
        }
    }
}

impl From<super::Label> for Label {
    fn from(l: super::Label) -> Label {
        Label {
            position: l.position,
            lines: l.lines,
            anchor: l.anchor,
            align: l.align,
        }
    }
}
