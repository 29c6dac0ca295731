//! Browser timings of the built site in headless Chromium (not a pass/fail
//! test): cold load to an interactive map, median of 5 fresh browsers, and
//! station click to open panel, median of 20 clicks (and the first click's
//! wait for the words, fetched on demand), and route choice to redrawn map;
//! on the editor page, keystroke to checked file and a step to its redrawn
//! trip preview.
//!
//! `trunk build --release --offline && cargo bench --features e2e --bench browser`

// The end-to-end harness, shared: this benchmark uses only part of it.
#[allow(dead_code)]
#[path = "../e2e/support.rs"]
mod support;

use support::{Browser, dist, serve};

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::main]
async fn main() {
    let base = serve(dist()).await;
    let mut loads = Vec::new();
    for _ in 0..5 {
        // A new browser each time: a fresh profile, so nothing is cached.
        let browser = Browser::start(1280, 800).await;
        browser.client.goto(&base).await.expect("page opens");
        browser.wait_for(".tube-map .station").await;
        browser
            .until(
                "the map is interactive",
                "performance.getEntriesByName('map-interactive').length > 0",
            )
            .await;
        let at = browser
            .eval("return performance.getEntriesByName('map-interactive')[0].startTime;")
            .await;
        loads.push(at.as_f64().unwrap_or(f64::NAN));
        browser.close().await;
    }
    let browser = Browser::start(1280, 800).await;
    browser.client.goto(&base).await.expect("page opens");
    browser.wait_for(".tube-map .station").await;
    // The first panel also fetches the words (map-details.bin): from the
    // click until its "Loading details…" line gives way to them.
    let first_words = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const station = document.querySelector('.station');
             const start = performance.now();
             station.dispatchEvent(new MouseEvent('click', { bubbles: true }));
             const check = () => {
               const panel = document.querySelector('.station-panel');
               if (panel && !panel.querySelector('[role=status], [role=alert]')) done(performance.now() - start);
               else requestAnimationFrame(check);
             };
             check();",
            vec![],
        )
        .await
        .expect("first panel opens")
        .as_f64()
        .unwrap_or(f64::NAN);
    let clicks = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const stations = [...document.querySelectorAll('.station')];
             const times = [];
             (async () => {
               for (let i = 0; i < 20; i++) {
                 const station = stations[(i * 7) % stations.length];
                 const name = station.getAttribute('aria-label');
                 const start = performance.now();
                 station.dispatchEvent(new MouseEvent('click', { bubbles: true }));
                 await new Promise(resolve => {
                   const check = () => {
                     const title = document.getElementById('station-title');
                     if (title && name.startsWith(title.textContent)) resolve(); else requestAnimationFrame(check);
                   };
                   check();
                 });
                 times.push(performance.now() - start);
               }
               done(times);
             })();",
            vec![],
        )
        .await
        .expect("clicks run");
    let clicks: Vec<f64> = clicks
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
        .unwrap_or_default();
    browser.close().await;

    // Choosing a route: from the click on a route option to the redrawn
    // overlay, measured in the page (the overlay's path data changes).
    let browser = Browser::start(1280, 800).await;
    browser
        .client
        .goto(&format!("{base}?from=gcses-9-4&to=site-manager"))
        .await
        .expect("page opens");
    browser
        .until(
            "routes are listed",
            "document.querySelectorAll('.route-option').length >= 2",
        )
        .await;
    let routes = timed_changes(
        &browser,
        Changes {
            setup: "const options = [...document.querySelectorAll('.route-option')];",
            watched: "[...document.querySelectorAll('.route-overlay .route-line')].map(p => p.getAttribute('d')).join('|')",
            prepare: "",
            act: "options[(i + 1) % options.length].click();",
            after: "",
            rounds: 20,
        },
    )
    .await;
    browser.close().await;
    let (keystrokes, steps) = editor(&base).await;
    println!(
        "cold load to interactive map (ms, 5 fresh browsers): {loads:.0?}; median {:.0} ms (budget 1000)",
        median(loads.clone())
    );
    println!(
        "choosing a route to the redrawn map (ms, 20 choices): {routes:.1?} median {:.1} ms, max {:.1} ms (budget 16)",
        median(routes.clone()),
        routes.iter().cloned().fold(0.0, f64::max)
    );
    println!(
        "station click to open panel (ms, 20 clicks): median {:.1} ms, max {:.1} ms (budget 50)",
        median(clicks.clone()),
        clicks.iter().cloned().fold(0.0, f64::max)
    );
    println!("first station click to its words, fetched on demand (ms): {first_words:.1}");
    println!(
        "editor: keystroke to the checked file and its problems (ms, 20 keys, 5-step draft): median {:.1} ms, max {:.1} ms",
        median(keystrokes.clone()),
        keystrokes.iter().cloned().fold(0.0, f64::max)
    );
    println!(
        "editor: a step added to the trip redrawn on the map (ms, 10 steps): median {:.1} ms, max {:.1} ms",
        median(steps.clone()),
        steps.iter().cloned().fold(0.0, f64::max)
    );
}

/// The editor page with a real five-step journey as its draft: from a
/// keystroke in the headline to the checked file shown, and from choosing
/// a next stop to the trip redrawn on the map (then the step is removed).
async fn editor(base: &str) -> (Vec<f64>, Vec<f64>) {
    let browser = Browser::start(1280, 800).await;
    let page = format!("{base}add/");
    browser.client.goto(&page).await.expect("editor opens");
    browser.wait_for("#name").await;
    let draft = std::fs::read_to_string("journeys/people/troy-college-to-it-technician.toml")
        .expect("a shipped journey");
    browser
        .client
        .execute(
            "localStorage.setItem('tubemap-draft', arguments[0]);",
            vec![serde_json::json!(draft)],
        )
        .await
        .expect("draft stored");
    browser.client.goto(&page).await.expect("editor reopens");
    browser.wait_for(".trip-preview-map").await;
    let keystrokes = timed_changes(
        &browser,
        Changes {
            setup: "const field = document.getElementById('headline');",
            watched: "document.querySelector('.draft-file').textContent",
            prepare: "",
            act: "field.value += 'x'; field.dispatchEvent(new Event('input', { bubbles: true }));",
            after: "",
            rounds: 20,
        },
    )
    .await;
    // Each round opens the picker's next stops, adds the first, and
    // removes it again once timed.
    let steps = timed_changes(
        &browser,
        Changes {
            setup: "const picker = document.getElementById('add-step');
                    const settle = () => new Promise(resolve => requestAnimationFrame(() => resolve()));",
            watched: "document.querySelector('.trip-preview-map').src",
            prepare: "picker.focus(); await settle();
                      const option = document.querySelector('#add-step-results [role=option]');",
            act: "option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));",
            after: "[...document.querySelectorAll('.draft-step:last-child button')].pop().click(); await settle();",
            rounds: 10,
        },
    )
    .await;
    browser.close().await;
    (keystrokes, steps)
}

/// What [`timed_changes`] does in the page: JavaScript run once first,
/// the value watched, and in each round what comes before the timing, the
/// act timed and what follows it.
struct Changes {
    setup: &'static str,
    watched: &'static str,
    prepare: &'static str,
    act: &'static str,
    after: &'static str,
    rounds: usize,
}

/// Milliseconds from each act until the watched value changes, measured in
/// the page.
async fn timed_changes(browser: &Browser, changes: Changes) -> Vec<f64> {
    let Changes {
        setup,
        watched,
        prepare,
        act,
        after,
        rounds,
    } = changes;
    let script = format!(
        "const done = arguments[arguments.length - 1];
         {setup}
         const watched = () => {watched};
         const times = [];
         (async () => {{
           for (let i = 0; i < {rounds}; i++) {{
             {prepare}
             const before = watched();
             const start = performance.now();
             {act}
             await new Promise(resolve => {{
               const check = () => (watched() !== before ? resolve() : requestAnimationFrame(check));
               queueMicrotask(check);
             }});
             times.push(performance.now() - start);
             {after}
           }}
           done(times);
         }})();"
    );
    browser
        .client
        .execute_async(&script, vec![])
        .await
        .expect("timed changes run")
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
        .unwrap_or_default()
}
