//! In the classroom and in a pupil's pocket: offline use, installing,
//! printing, downloading the view, themes and small screens.

use crate::support::{Browser, axe_violations, content, dist, eval_async, serve, serve_stoppable};
use fantoccini::Locator;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Every file the service worker must precache: all of dist/ except the
/// worker itself and the static host's header rules, with index.html as
/// the site's root.
fn shipped_files() -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read dist") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                let name = path.strip_prefix(root).unwrap().to_string_lossy();
                out.push(name.replace('\\', "/"));
            }
        }
    }
    let root = dist();
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    // The editor page (add/) is its own bundle, fetched when someone opens
    // it, never precached with the map.
    files.retain(|f| f != "sw.js" && f != "_headers" && !f.starts_with("add/"));
    for file in &mut files {
        if file == "index.html" {
            *file = String::new();
        }
    }
    files.sort();
    files
}

/// Opens the site and waits for the map.
async fn open_at(base: &str, width: u32, height: u32, query: &str) -> Browser {
    let browser = Browser::start(width, height).await;
    browser
        .client
        .goto(&format!("{base}{query}"))
        .await
        .expect("page opens");
    browser.wait_for(".tube-map .station").await;
    browser
}

/// Opens the site and waits until the service worker controls the page.
async fn open_under_worker(base: &str) -> Browser {
    let browser = open_at(base, 1024, 700, "").await;
    browser
        .until(
            "the service worker controls the page",
            "navigator.serviceWorker.controller !== null",
        )
        .await;
    browser
}

/// A fresh copy of dist/ to change, in the temp folder, named for `what`.
fn staged_copy(what: &str) -> PathBuf {
    let stage = std::env::temp_dir().join(format!("tubemap-{what}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&stage);
    copy_dir(&dist(), &stage);
    stage
}

/// Waits for an async script (`done` is its callback) and returns its value.

#[tokio::test]
async fn the_map_opens_offline_after_one_visit() {
    let server = serve_stoppable(dist()).await;
    let base = server.url.clone();
    let browser = open_under_worker(&base).await;
    // The precache holds exactly what was shipped.
    let cached = eval_async(
        &browser,
        "navigator.serviceWorker.ready
           .then(() => caches.keys())
           .then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys()))))
           .then(lists => done(lists.flat().map(r => new URL(r.url).pathname.slice(1)).sort()));",
    )
    .await;
    let mut cached: Vec<String> = serde_json::from_value(cached).unwrap();
    cached.sort();
    assert_eq!(cached, shipped_files(), "precached files vs dist/");

    server.stop().await;
    // The network really is gone: anything not cached fails.
    let unreachable = eval_async(
        &browser,
        "fetch('not-cached.txt').then(() => done(false), () => done(true));",
    )
    .await;
    assert_eq!(unreachable, json!(true), "the server still answers");
    browser.client.refresh().await.expect("reload offline");
    browser.wait_for(".tube-map .station").await;
    let stations = browser
        .eval("return document.querySelectorAll('.station').length;")
        .await;
    assert_eq!(stations.as_u64(), Some(content().positions().len() as u64));
    // A shared link with app state in its query string opens offline too.
    browser
        .client
        .goto(&format!("{base}?station=gcses-9-4"))
        .await
        .expect("deep link offline");
    browser.wait_for("#station-title").await;
    // Its words too: map-details.bin comes from the cache, not the network.
    let gcses = content()
        .positions()
        .iter()
        .find(|p| p.id == "gcses-9-4")
        .map(|p| p.description.chars().take(60).collect::<String>())
        .expect("shipped content has GCSEs");
    browser.until_panel_says(&gcses).await;
    browser.close().await;
}

/// A classroom with the map open when new journeys are published is told
/// a newer version is ready, and one click brings it in.
#[tokio::test]
async fn a_newer_build_is_offered_with_a_reload_button() {
    let stage = staged_copy("update");
    stamp(&stage);
    let base = serve(stage.clone()).await;
    let browser = open_under_worker(&base).await;
    // The next visit starts under the worker; nothing new, so no notice.
    browser.client.refresh().await.unwrap();
    browser.wait_for(".tube-map .station").await;
    let notices = "return document.querySelectorAll('.update-notice').length;";
    assert_eq!(browser.eval(notices).await, json!(0));

    // A new build lands on the server while the page is open.
    let css = stage.join("app.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    text.push_str("\n/* build 2 */\n");
    std::fs::write(&css, text).unwrap();
    stamp(&stage);
    eval_async(
        &browser,
        "navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => done(true), () => done(false));",
    )
    .await;
    browser
        .wait_for(".update-notice[role=status] button")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for(".tube-map .station").await;
    let served = eval_async(
        &browser,
        "fetch('app.css').then(r => r.text()).then(t => done(t.includes('build 2')));",
    )
    .await;
    assert_eq!(served, json!(true), "the reload brought the new build");
    assert_eq!(browser.eval(notices).await, json!(0));
    browser.close().await;
    std::fs::remove_dir_all(&stage).unwrap();
}

/// The cache version stamped into dist/sw.js by the post_build hook.
fn stamped_version(sw: &str) -> String {
    let start = sw.find("const VERSION = \"").expect("VERSION in sw.js") + 17;
    sw[start..].split('"').next().unwrap().to_owned()
}

/// Runs .ci/stamp-sw over `stage` the way Trunk does, with the unstamped
/// worker, and returns the version it stamped.
fn stamp(stage: &Path) -> String {
    std::fs::copy("assets/sw.js", stage.join("sw.js")).unwrap();
    let status = std::process::Command::new("sh")
        .arg(".ci/stamp-sw")
        .env("TRUNK_STAGING_DIR", stage)
        .status()
        .expect("sh");
    assert!(status.success(), ".ci/stamp-sw failed");
    stamped_version(&std::fs::read_to_string(stage.join("sw.js")).unwrap())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn the_cache_name_changes_when_any_shipped_file_does() {
    let built = std::fs::read_to_string(dist().join("sw.js")).unwrap();
    let version = stamped_version(&built);
    assert!(
        version.len() == 16 && version.chars().all(|c| c.is_ascii_hexdigit()),
        "dist/sw.js is not stamped: {version}"
    );
    let stage = staged_copy("stamp");
    assert_eq!(stamp(&stage), version, "the stamp is reproducible");
    let css = stage.join("app.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    text.push('\n');
    std::fs::write(&css, text).unwrap();
    let changed = stamp(&stage);
    std::fs::remove_dir_all(&stage).unwrap();
    assert_ne!(
        changed, version,
        "a changed file must change the cache name"
    );
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[tokio::test]
async fn the_app_is_installable_with_a_manifest_and_icons() {
    let html = std::fs::read_to_string(dist().join("index.html")).unwrap();
    for (name, value) in [
        ("rel", "manifest"),
        ("rel", "apple-touch-icon"),
        ("name", "theme-color"),
    ] {
        assert!(
            crate::support::has_attribute(&html, name, value),
            "index.html lacks {name}={value}"
        );
    }
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dist().join("manifest.webmanifest")).unwrap(),
    )
    .expect("the manifest is JSON");
    assert_eq!(manifest["start_url"], "./");
    assert_eq!(manifest["scope"], "./");
    assert_eq!(manifest["display"], "standalone");
    for key in ["name", "short_name", "theme_color", "background_color"] {
        assert!(manifest[key].is_string(), "manifest lacks {key}");
    }
    let mut sizes = Vec::new();
    for icon in manifest["icons"].as_array().expect("icons") {
        let src = icon["src"].as_str().unwrap();
        if icon["type"] == "image/png" {
            let (w, h) = png_size(&dist().join(src));
            assert_eq!(icon["sizes"], format!("{w}x{h}"), "{src}");
            sizes.push((w, icon["purpose"].as_str().unwrap_or("any").to_owned()));
        } else {
            assert!(dist().join(src).exists(), "{src} is shipped");
        }
    }
    for wanted in [(192, "any"), (512, "any"), (512, "maskable")] {
        assert!(
            sizes.iter().any(|(w, p)| *w == wanted.0 && p == wanted.1),
            "no {wanted:?} icon in {sizes:?}"
        );
    }
    assert_eq!(
        png_size(&dist().join("icons/apple-touch-icon.png")),
        (180, 180)
    );

    // The browser fetches and parses it under the CSP (manifest-src 'self').
    let base = serve(dist()).await;
    let browser = open_at(&base, 1024, 700, "").await;
    let parsed = eval_async(
        &browser,
        "fetch(document.querySelector('link[rel=manifest]').href)
           .then(r => r.json())
           .then(m => Promise.all(m.icons.map(i => new Promise(ok => {
               const img = new Image();
               img.onload = () => ok(i.sizes === 'any' || img.naturalWidth + 'x' + img.naturalHeight === i.sizes);
               img.onerror = () => ok(false);
               img.src = new URL(i.src, document.baseURI);
           }))).then(loaded => done({ name: m.name, loaded })))
           .catch(e => done(String(e)));",
    )
    .await;
    assert_eq!(parsed["name"], "Careers Tube Map", "{parsed}");
    assert!(
        parsed["loaded"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v == true),
        "icons load at their sizes: {parsed}"
    );
    browser.close().await;
}

#[tokio::test]
async fn printing_shows_the_map_and_legend_without_controls() {
    let base = serve(dist()).await;
    let browser = open_at(&base, 1280, 800, "?station=gcses-9-4").await;
    browser.wait_for("#station-title").await;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    browser
        .until("print media applies", "matchMedia('print').matches")
        .await;
    let shown = browser
        .eval(
            "const display = s => { const e = document.querySelector(s); return e ? getComputedStyle(e).display : 'missing'; };
             return Object.fromEntries(['.toolbar', '.zoom-controls', '.download', '.theme-switch', '.station-panel',
               '.route-panel', '.legend', '.tube-map', '.band', '.brand'].map(s => [s, display(s)]));",
        )
        .await;
    for hidden in [
        ".toolbar",
        ".zoom-controls",
        ".download",
        ".theme-switch",
        ".station-panel",
    ] {
        assert_eq!(shown[hidden], "none", "{hidden} prints: {shown}");
    }
    for visible in [".legend", ".tube-map", ".band", ".brand"] {
        assert_ne!(
            shown[visible], "none",
            "{visible} is missing on paper: {shown}"
        );
    }
    // The map spans the page's width and most of its height.
    let size = browser
        .eval("const r = document.querySelector('.tube-map').getBoundingClientRect(); return [r.width / innerWidth, r.height / innerHeight];")
        .await;
    assert!(
        size[0].as_f64().unwrap() > 0.95 && size[1].as_f64().unwrap() > 0.8,
        "the map is not full page: {size}"
    );
    let rules = browser
        .eval("return [...document.styleSheets].flatMap(s => [...s.cssRules]).filter(r => r instanceof CSSPageRule).map(r => r.style.size);")
        .await;
    assert_eq!(rules, json!(["landscape"]), "@page rule");
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;
    browser.close().await;
}

/// Installs a trap for downloads: the next Blob given to
/// URL.createObjectURL and the file name of the link clicked.
const CATCH_DOWNLOADS: &str = "
    window.caught = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = blob => { window.caught.push({ blob }); return make.call(URL, blob); };
    HTMLAnchorElement.prototype.click = function () { window.caught[window.caught.length - 1].name = this.download; };
    return true;";

#[tokio::test]
async fn the_current_view_downloads_as_svg_and_png() {
    let base = serve(dist()).await;
    let network = content();
    let person = &network.journeys()[0].id;
    let browser = open_at(
        &base,
        1280,
        800,
        &format!("?person={person}&view=600,400,2.00"),
    )
    .await;
    browser.eval(CATCH_DOWNLOADS).await;
    let buttons = browser
        .client
        .find_all(Locator::Css(".download button"))
        .await
        .unwrap();
    assert_eq!(buttons.len(), 2, "SVG and PNG buttons");
    buttons[0].click().await.unwrap();
    browser
        .until(
            "an SVG is made",
            "window.caught.length === 1 && window.caught[0].name",
        )
        .await;
    let svg = eval_async(
        &browser,
        "const c = window.caught[0]; c.blob.text().then(text => {
           const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
           done({ name: c.name, type: c.blob.type, start: text.slice(0, 4), text_length: text.length,
                  error: doc.querySelector('parsererror') !== null,
                  stations: doc.querySelectorAll('[data-position]').length,
                  view: doc.documentElement.getAttribute('viewBox'),
                  screen: document.querySelector('.tube-map').getAttribute('viewBox'),
                  lit: doc.querySelectorAll('.line.is-lit').length,
                  trip: doc.querySelectorAll('.route-line').length,
                  styled: doc.querySelectorAll('[style]').length,
                  stroke: doc.querySelector('.line').getAttribute('stroke-width'),
                  page_stroke: getComputedStyle(document.querySelector('.tube-map .line')).strokeWidth,
                  paper: doc.querySelector('rect').getAttribute('fill') });
         });",
    )
    .await;
    assert_eq!(svg["name"], "careers-tube-map.svg");
    assert_eq!(svg["type"], "image/svg+xml");
    assert_eq!(svg["start"], "<svg", "{svg}");
    assert_eq!(svg["error"], false, "the SVG parses: {svg}");
    assert_eq!(
        svg["stations"].as_u64(),
        Some(network.positions().len() as u64)
    );
    assert_eq!(svg["view"], svg["screen"], "the current view is exported");
    assert_eq!(svg["lit"], 0, "the lines stay dimmed: {svg}");
    assert!(
        svg["trip"].as_u64().is_some_and(|n| n > 0),
        "the chosen person's trip stays drawn: {svg}"
    );
    assert_eq!(
        svg["styled"], 0,
        "presentation attributes, no style attributes"
    );
    assert_eq!(
        svg["stroke"], svg["page_stroke"],
        "the map's look is inlined: {svg}"
    );
    assert_eq!(svg["paper"], "rgb(255, 255, 255)");
    // The page itself is untouched by the export (the busiest-routes flow
    // carries its widths as attributes from the start).
    assert_eq!(
        browser
            .eval("return document.querySelector('.tube-map [stroke-width]:not(.flow path)') === null;")
            .await,
        json!(true)
    );

    buttons[1].click().await.unwrap();
    browser
        .until(
            "a PNG is made",
            "window.caught.length === 2 && window.caught[1].name",
        )
        .await;
    let png = eval_async(
        &browser,
        "const c = window.caught[1]; c.blob.arrayBuffer().then(b => {
           const bytes = [...new Uint8Array(b.slice(0, 24))];
           const word = at => ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
           done({ name: c.name, type: c.blob.type, size: c.blob.size, signature: bytes.slice(1, 4),
                  width: word(16), height: word(20) });
         });",
    )
    .await;
    assert_eq!(png["name"], "careers-tube-map.png");
    assert_eq!(png["type"], "image/png");
    assert_eq!(png["signature"], json!([80, 78, 71]), "PNG bytes: {png}");
    assert!(png["size"].as_u64().unwrap() > 10_000, "{png}");
    assert!(png["width"].as_u64().unwrap() >= 400, "{png}");
    browser
        .until(
            "the result is announced",
            "document.querySelector('.download [role=status]').textContent === 'Saved careers-tube-map.png'",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_phone_gets_a_bottom_sheet_and_big_touch_targets() {
    let base = serve(dist()).await;
    // Chromium's windows are at least 500 px wide: a phone's viewport needs
    // device emulation.
    let browser = Browser::start(500, 800).await;
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
        )
        .await;
    browser
        .client
        .goto(&format!("{base}?station=gcses-9-4"))
        .await
        .expect("page opens");
    browser.wait_for("#station-title").await;
    let layout = browser
        .eval(
            "const side = document.querySelector('.side').getBoundingClientRect();
             return { width: innerWidth, height: innerHeight,
                      scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
                      side: [side.left, side.top, side.right, side.bottom],
                      touch: getComputedStyle(document.querySelector('.tube-map')).touchAction,
                      map: document.querySelector('.tube-map').getBoundingClientRect().height,
                      mapBottom: document.querySelector('.tube-map').getBoundingClientRect().bottom,
                      controlTops: ['.download', '.zoom-controls']
                        .map(s => document.querySelector(s).getBoundingClientRect().top) };",
        )
        .await;
    // On a map this short, buttons over it would hide the names of the
    // first view: the controls sit in a strip under it.
    let map_bottom = layout["mapBottom"].as_f64().unwrap();
    let tops: Vec<f64> = serde_json::from_value(layout["controlTops"].clone()).unwrap();
    assert!(
        tops.iter().all(|&top| top >= map_bottom - 0.5),
        "map controls cover the map: {layout}"
    );
    let width = layout["width"].as_f64().unwrap();
    let height = layout["height"].as_f64().unwrap();
    assert_eq!(width, 360.0, "{layout}");
    assert!(
        layout["scroll"].as_f64().unwrap() <= width,
        "horizontal scroll: {layout}"
    );
    let side: Vec<f64> = serde_json::from_value(layout["side"].clone()).unwrap();
    assert!(
        side[0] == 0.0 && side[2] == width && (side[3] - height).abs() < 1.0,
        "the details are not a full-width sheet on the bottom edge: {layout}"
    );
    assert!(
        side[1] > height / 2.0,
        "the sheet covers too much: {layout}"
    );
    assert!(
        layout["map"].as_f64().unwrap() >= 200.0,
        "too little map: {layout}"
    );
    assert_eq!(layout["touch"], "none", "pinch must stay inside the map");
    // Every visible control is a 44 by 44 px touch target.
    let small = browser
        .eval(
            "return [...document.querySelectorAll('button, select, input:not([type=radio]):not([type=checkbox]), label.chip, label.check, [role=button]:not(.station)')]
               .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
               .map(e => [e, e.getBoundingClientRect()])
               .filter(([, r]) => r.width < 44 || r.height < 44)
               .map(([e, r]) => (e.className || e.tagName) + ' ' + (e.textContent || '').trim().slice(0, 20) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));",
        )
        .await;
    assert_eq!(small, json!([]), "touch targets under 44 px");
    browser.close().await;
}

#[tokio::test]
async fn the_theme_choice_survives_a_reload_and_bad_storage() {
    let base = serve(dist()).await;
    let browser = open_at(&base, 1024, 700, "").await;
    let select = browser.wait_for("#theme-choice").await;
    select.select_by_value("dark").await.unwrap();
    browser
        .until(
            "the dark theme applies",
            "document.documentElement.dataset.theme === 'dark'",
        )
        .await;
    let colours = "return [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector('.tube-map')).backgroundColor];";
    assert_eq!(
        browser.eval(colours).await,
        json!(["rgb(18, 18, 18)", "rgb(255, 255, 255)"]),
        "dark page, light map paper"
    );
    browser.client.refresh().await.unwrap();
    browser.wait_for(".tube-map .station").await;
    assert_eq!(
        browser
            .eval("return [document.documentElement.dataset.theme, document.querySelector('#theme-choice').value];")
            .await,
        json!(["dark", "dark"])
    );
    // Garbage in storage: the device's setting, and no error.
    browser
        .eval("localStorage.setItem('tubemap-theme', '{\"neon\": true}'); return true;")
        .await;
    browser.client.refresh().await.unwrap();
    browser.wait_for(".tube-map .station").await;
    assert_eq!(
        browser
            .eval("return [document.documentElement.hasAttribute('data-theme'), document.querySelector('#theme-choice').value];")
            .await,
        json!([false, "device"])
    );
    // With no choice, a dark device gets the dark theme.
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
        )
        .await;
    assert_eq!(
        browser.eval(colours).await,
        json!(["rgb(18, 18, 18)", "rgb(255, 255, 255)"])
    );
    browser.close().await;
}

/// boot.js applies a stored theme before the app has loaded, so a dark-theme
/// user never sees a white flash. It repeats the theme names of
/// `ui/theme.rs`; this holds it to every name the app offers, with the
/// app's wasm missing so that only boot.js can have set the attribute.
#[tokio::test]
async fn boot_js_applies_every_stored_theme_before_the_app_loads() {
    let browser = open_at(&serve(dist()).await, 1024, 700, "").await;
    let offered: Vec<String> = serde_json::from_value(
        browser
            .eval("return [...document.querySelectorAll('#theme-choice option')].map(o => o.value).filter(v => v !== 'device');")
            .await,
    )
    .unwrap();
    browser.close().await;
    assert!(offered.len() >= 3, "themes offered: {offered:?}");

    let stage = staged_copy("no-wasm");
    std::fs::remove_file(stage.join("careers-tube-map_bg.wasm")).unwrap();
    let base = serve(stage.clone()).await;
    let browser = Browser::start(1024, 700).await;
    browser.client.goto(&base).await.expect("page opens");
    for theme in &offered {
        browser
            .eval(&format!(
                "localStorage.setItem('tubemap-theme', '{theme}'); return true;"
            ))
            .await;
        browser.client.refresh().await.unwrap();
        assert_eq!(
            browser
                .eval("return [document.documentElement.dataset.theme || null, !!document.querySelector('.tube-map')];")
                .await,
            json!([theme, false]),
            "boot.js did not apply `{theme}` (or the app ran)"
        );
    }
    browser.close().await;
    std::fs::remove_dir_all(&stage).unwrap();
}

/// Chooses each theme in turn and asks axe-core about the page as it is.
/// High contrast promises 7:1 for all text: axe's AAA rule checks it.
async fn axe_finds_nothing_in_each_theme(
    browser: &Browser,
    select: &fantoccini::elements::Element,
    what: &str,
) {
    for theme in ["light", "dark", "contrast"] {
        select.select_by_value(theme).await.unwrap();
        browser
            .until(
                "the theme applies",
                &format!("document.documentElement.dataset.theme === '{theme}'"),
            )
            .await;
        let violations = axe_violations(browser, theme == "contrast").await;
        assert_eq!(
            violations,
            json!([]),
            "axe-core violations {what} in the {theme} theme"
        );
    }
}

/// Presentation mode is black on white whatever the theme: its buttons too
/// (in the dark theme they were black on near-black).
#[tokio::test]
async fn presentation_mode_passes_axe_in_every_theme() {
    let base = serve(dist()).await;
    let browser = open_at(&base, 1280, 800, "?person=aisha&present=0").await;
    browser.wait_for(".presenter-title").await;
    let select = browser.wait_for("#theme-choice").await;
    axe_finds_nothing_in_each_theme(&browser, &select, "presenting").await;
    browser.close().await;
}

#[tokio::test]
async fn axe_core_finds_no_violations_in_any_theme() {
    let base = serve(dist()).await;
    let browser = open_at(&base, 1280, 800, "?station=gcses-9-4").await;
    browser.wait_for("#station-title").await;
    let select = browser.wait_for("#theme-choice").await;
    axe_finds_nothing_in_each_theme(&browser, &select, "on the map").await;
    // The device's dark setting, with no choice stored.
    select.select_by_value("device").await.unwrap();
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
        )
        .await;
    browser
        .until(
            "the device's dark theme applies",
            "getComputedStyle(document.documentElement).backgroundColor === 'rgb(18, 18, 18)'",
        )
        .await;
    let violations = axe_violations(&browser, false).await;
    assert_eq!(
        violations,
        json!([]),
        "axe-core violations in the device dark theme"
    );
    browser.close().await;
}
