//! The map's camera: which part of the map the SVG shows, and how the
//! wheel, pointer presses and drags move it. The rules (which key does
//! what, how far a wheel notch zooms, when a press becomes a drag or a
//! pinch) are in `navigate`; this only reads the SVG's size on screen and
//! writes the viewport in `MapState`.

use super::state::MapState;
use crate::map_view::{ViewBox, Viewport};
use crate::navigate::{self, Gesture, Movement};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Zoom in or out this much per button press.
pub(super) const ZOOM_STEP: f32 = 1.4;

/// The view of a map `width` × `height` map units in the SVG `svg`.
#[derive(Clone, Copy)]
pub(super) struct Camera {
    state: MapState,
    svg: NodeRef<leptos::svg::Svg>,
    gesture: StoredValue<Gesture>,
    /// Changes once the SVG has a size, a frame after it is mounted, and
    /// whenever the window resizes: the level of detail follows it, so the
    /// names are drawn for the real size straight away, not at the next
    /// pan or zoom.
    laid_out: RwSignal<usize>,
    width: f32,
    height: f32,
}

impl Camera {
    /// A camera over `svg`, which must be mounted before it reads a size.
    pub(super) fn new(
        state: MapState,
        svg: NodeRef<leptos::svg::Svg>,
        width: f32,
        height: f32,
    ) -> Camera {
        Camera {
            state,
            svg,
            gesture: StoredValue::new(Gesture::default()),
            laid_out: RwSignal::new(0),
            width,
            height,
        }
    }

    /// The SVG has (or may have) a new size on screen.
    pub(super) fn resized(self) {
        self.laid_out.update(|n| *n += 1);
    }

    /// The viewport now (tracked): the one asked for, else the whole map.
    pub(super) fn current(self) -> Viewport {
        self.state
            .viewport
            .get()
            .unwrap_or(Viewport::fit(self.width, self.height))
    }

    fn current_untracked(self) -> Viewport {
        self.state
            .viewport
            .get_untracked()
            .unwrap_or(Viewport::fit(self.width, self.height))
    }

    /// The `viewBox` attribute for the current view (tracked).
    pub(super) fn view_box(self) -> String {
        self.current().view_box(self.width, self.height).attribute()
    }

    /// Screen pixels per map unit now (tracked, including the SVG's size).
    pub(super) fn scale(self) -> f32 {
        self.laid_out.track();
        let (_, _, w, h) = self.screen().unwrap_or_default();
        self.current()
            .view_box(self.width, self.height)
            .scale(w.max(1.0), h.max(1.0))
    }

    /// The part of the map on screen now (tracked, including the SVG's
    /// size): more than the view box where the screen's shape differs.
    pub(super) fn on_screen(self) -> ViewBox {
        self.laid_out.track();
        let (_, _, w, h) = self.screen().unwrap_or_default();
        self.current()
            .view_box(self.width, self.height)
            .on_screen(w.max(1.0), h.max(1.0))
    }

    /// The SVG's left, top, width and height on screen, in CSS pixels.
    fn screen(self) -> Option<(f32, f32, f32, f32)> {
        let rect = self.svg.get_untracked()?.get_bounding_client_rect();
        Some((
            rect.left() as f32,
            rect.top() as f32,
            rect.width() as f32,
            rect.height() as f32,
        ))
    }

    /// The map point under a point on screen.
    fn map_point(self, client_x: f32, client_y: f32) -> Option<(f32, f32)> {
        let (left, top, w, h) = self.screen()?;
        Some(
            self.current_untracked()
                .view_box(self.width, self.height)
                .map_point((client_x - left, client_y - top), w, h),
        )
    }

    /// Zooms by `factor` keeping the map point `focus` where it is.
    fn zoom_at(self, focus: (f32, f32), factor: f32) {
        let view = self.current_untracked();
        self.state.viewport.set(Some(view.zoomed_at(focus, factor)));
    }

    /// Zooms by `factor` about the centre of the view.
    pub(super) fn zoom(self, factor: f32) {
        let view = self.current_untracked();
        self.zoom_at((view.x, view.y), factor);
    }

    /// Moves the map `dx`, `dy` screen pixels.
    pub(super) fn pan(self, dx: f32, dy: f32) {
        let Some((_, _, w, h)) = self.screen() else {
            return;
        };
        let view = self.current_untracked();
        let scale = view.view_box(self.width, self.height).scale(w, h);
        self.state
            .viewport
            .set(Some(view.panned(-dx / scale, -dy / scale)));
    }

    /// Shows the whole map.
    pub(super) fn fit(self) {
        self.state.viewport.set(None);
    }

    pub(super) fn wheel(self, ev: web_sys::WheelEvent) {
        ev.prevent_default();
        let factor = navigate::wheel_zoom(ev.delta_y() as f32);
        if let Some(focus) = self.map_point(ev.client_x() as f32, ev.client_y() as f32) {
            self.zoom_at(focus, factor);
        }
    }

    pub(super) fn pointer_down(self, ev: web_sys::PointerEvent) {
        if ev.button() == 0 {
            let (x, y) = (ev.client_x() as f32, ev.client_y() as f32);
            self.gesture.update_value(|g| g.down(ev.pointer_id(), x, y));
        }
    }

    pub(super) fn pointer_move(self, ev: web_sys::PointerEvent) {
        let (id, x, y) = (ev.pointer_id(), ev.client_x() as f32, ev.client_y() as f32);
        let mut movement = Movement::Nothing;
        self.gesture.update_value(|g| movement = g.moved(id, x, y));
        match movement {
            Movement::Pan { dx, dy, capture } => {
                // Keep the drag when the pointer leaves the SVG.
                if capture
                    && let Some(target) = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = target.set_pointer_capture(id);
                }
                self.pan(dx, dy);
            }
            Movement::Pinch {
                centre: (cx, cy),
                factor,
            } => {
                if let Some(focus) = self.map_point(cx, cy) {
                    self.zoom_at(focus, factor);
                }
            }
            Movement::Nothing => {}
        }
    }

    pub(super) fn pointer_up(self, ev: web_sys::PointerEvent) {
        self.gesture.update_value(|g| g.up(ev.pointer_id()));
    }

    /// Whether the press that ends in a click moved the map: then the
    /// click is the end of a drag, not a choice.
    pub(super) fn dragged(self) -> bool {
        self.gesture.with_value(Gesture::dragged)
    }
}
