//! Moving around the map by keyboard, mouse and touch: which key does what,
//! and how pointers become a pan or a pinch. The map component feeds the
//! browser's events in and applies what comes out; the rules live here,
//! tested natively (as `present::command_for_key` does for presenting).

/// How far one arrow key pans, in screen pixels.
pub const KEY_PAN: f32 = 80.0;

/// How far a press may wander, in screen pixels, and still be a click.
pub const CLICK_SLOP: f32 = 6.0;

/// What a key pressed on the map asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapKey {
    /// Move the map by this many screen pixels (the content follows the
    /// arrow: right arrow, the map moves left).
    Pan(f32, f32),
    /// Zoom about the middle of the view by this factor.
    Zoom(f32),
    /// Fit the whole map.
    Fit,
}

/// The map's keys: arrows pan, plus and minus zoom, 0 fits the whole map.
/// Any other key is left to the browser.
pub fn map_key(key: &str) -> Option<MapKey> {
    Some(match key {
        "ArrowLeft" => MapKey::Pan(KEY_PAN, 0.0),
        "ArrowRight" => MapKey::Pan(-KEY_PAN, 0.0),
        "ArrowUp" => MapKey::Pan(0.0, KEY_PAN),
        "ArrowDown" => MapKey::Pan(0.0, -KEY_PAN),
        "+" | "=" => MapKey::Zoom(1.25),
        "-" | "_" => MapKey::Zoom(0.8),
        "0" => MapKey::Fit,
        _ => return None,
    })
}

/// The zoom factor for a wheel turn of `delta_y` pixels (negative: in).
pub fn wheel_zoom(delta_y: f32) -> f32 {
    (-delta_y * 0.0015).exp()
}

/// What a pointer's move does to the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Movement {
    /// Nothing yet: a press still short of a drag, or a third finger.
    Nothing,
    /// Pan by this many screen pixels. `capture` is true on the move that
    /// turns a press into a drag: only then should the pointer be captured,
    /// so a click still reaches the station under it.
    Pan { dx: f32, dy: f32, capture: bool },
    /// Two fingers: zoom by `factor` about `centre`, in screen pixels.
    Pinch { centre: (f32, f32), factor: f32 },
}

/// The pointers down on the map, for drag and pinch.
#[derive(Clone, Debug, Default)]
pub struct Gesture {
    /// Each pointer's id and where it was last, in screen pixels.
    pointers: Vec<(i32, f32, f32)>,
    /// Set once a press has moved far enough to be a drag, not a click.
    dragged: bool,
    /// How far the first pointer has moved since it went down.
    travel: f32,
}

impl Gesture {
    /// A pointer went down; the first one starts a new gesture.
    pub fn down(&mut self, id: i32, x: f32, y: f32) {
        if self.pointers.is_empty() {
            self.dragged = false;
            self.travel = 0.0;
        }
        self.pointers.push((id, x, y));
    }

    /// A pointer moved to (`x`, `y`).
    pub fn moved(&mut self, id: i32, x: f32, y: f32) -> Movement {
        let Some(index) = self.pointers.iter().position(|p| p.0 == id) else {
            return Movement::Nothing;
        };
        let (_, old_x, old_y) = self.pointers[index];
        self.pointers[index] = (id, x, y);
        match self.pointers.len() {
            1 => {
                self.travel += (x - old_x).abs() + (y - old_y).abs();
                if self.travel <= CLICK_SLOP {
                    return Movement::Nothing;
                }
                let capture = !self.dragged;
                self.dragged = true;
                Movement::Pan {
                    dx: x - old_x,
                    dy: y - old_y,
                    capture,
                }
            }
            2 => {
                let (_, other_x, other_y) = self.pointers[1 - index];
                let before = (old_x - other_x).hypot(old_y - other_y);
                let after = (x - other_x).hypot(y - other_y);
                self.dragged = true;
                if before > 1.0 {
                    Movement::Pinch {
                        centre: ((x + other_x) / 2.0, (y + other_y) / 2.0),
                        factor: after / before,
                    }
                } else {
                    Movement::Nothing
                }
            }
            _ => Movement::Nothing,
        }
    }

    /// A pointer went up or was cancelled.
    pub fn up(&mut self, id: i32) {
        self.pointers.retain(|p| p.0 != id);
    }

    /// Whether the press became a drag or a pinch: its click is not a
    /// click on a station.
    pub fn dragged(&self) -> bool {
        self.dragged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_pan_the_way_they_point_and_other_keys_are_left_alone() {
        assert_eq!(map_key("ArrowRight"), Some(MapKey::Pan(-KEY_PAN, 0.0)));
        assert_eq!(map_key("ArrowUp"), Some(MapKey::Pan(0.0, KEY_PAN)));
        assert_eq!(map_key("="), map_key("+"));
        assert_eq!(map_key("-"), Some(MapKey::Zoom(0.8)));
        assert_eq!(map_key("0"), Some(MapKey::Fit));
        assert_eq!(map_key("Tab"), None);
        assert_eq!(map_key("Enter"), None);
    }

    #[test]
    fn a_wheel_turned_towards_you_zooms_in() {
        assert!(wheel_zoom(-100.0) > 1.0);
        assert!(wheel_zoom(100.0) < 1.0);
        assert_eq!(wheel_zoom(0.0), 1.0);
    }

    #[test]
    fn a_press_that_barely_moves_is_still_a_click() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 100.0);
        assert_eq!(g.moved(1, 103.0, 102.0), Movement::Nothing);
        assert!(!g.dragged());
        g.up(1);
        assert!(!g.dragged());
    }

    #[test]
    fn a_drag_captures_the_pointer_once_then_pans() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 100.0);
        assert_eq!(
            g.moved(1, 110.0, 100.0),
            Movement::Pan {
                dx: 10.0,
                dy: 0.0,
                capture: true
            }
        );
        assert_eq!(
            g.moved(1, 110.0, 95.0),
            Movement::Pan {
                dx: 0.0,
                dy: -5.0,
                capture: false
            }
        );
        assert!(g.dragged());
        g.up(1);
        // The next press starts afresh.
        g.down(2, 0.0, 0.0);
        assert!(!g.dragged());
    }

    #[test]
    fn two_fingers_pinch_about_their_middle() {
        let mut g = Gesture::default();
        g.down(1, 0.0, 0.0);
        g.down(2, 100.0, 0.0);
        let Movement::Pinch { centre, factor } = g.moved(2, 200.0, 0.0) else {
            panic!("two fingers pinch");
        };
        assert_eq!(centre, (100.0, 0.0));
        assert_eq!(factor, 2.0);
        assert!(g.dragged(), "a pinch is never a click");
        assert_eq!(g.moved(9, 1.0, 1.0), Movement::Nothing, "unknown pointer");
    }
}
