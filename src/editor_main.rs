//! The editor page's entry point, "Add your journey" (built by Trunk for
//! wasm32 from add.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    tubemap::ui::editor::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The editor runs in the browser: `.ci/serve` builds and serves it at /add/ (see README.md)."
    );
}
