//! Downloading the map as it is on screen: an SVG file, or a PNG picture.
//!
//! The export is a detached copy of the on-screen SVG. Its look (colours,
//! line widths, dimming, the chosen station) is read from the computed
//! styles and written into the copy as SVG presentation attributes, so the
//! file looks like the screen without the page's stylesheets, and nothing
//! in the page changes. Presentation attributes, not `style` attributes:
//! the CSP forbids inline styles on the page, and this keeps the export's
//! code path free of them too.

use crate::map_view::{ViewBox, Viewport};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The downloaded files' names, without the extension.
const FILE_STEM: &str = "careers-tube-map";

/// Painting properties copied into the export, each with its initial value,
/// which need not be written. Only what the map's CSS sets (app.css,
/// app.css's themes).
const PAINT: [(&str, &str); 10] = [
    ("fill", ""),
    ("stroke", "none"),
    ("stroke-width", "1px"),
    ("stroke-linecap", "butt"),
    ("stroke-linejoin", "miter"),
    ("opacity", "1"),
    ("fill-opacity", "1"),
    ("stroke-opacity", "1"),
    ("paint-order", "normal"),
    // "Busiest routes" keeps its widths in screen pixels.
    ("vector-effect", "none"),
];

/// Font properties, written on the root and on each text element.
const FONT: [&str; 3] = ["font-family", "font-size", "font-weight"];

/// PNG pixels per map unit, and the largest side: big enough to print a
/// classroom poster, small enough for any phone's canvas limit.
const PNG_SCALE: f64 = 2.0;
const PNG_MAX_SIDE: f64 = 4096.0;

/// "Download this view": SVG and PNG buttons on the map.
#[component]
pub fn Download() -> impl IntoView {
    let data = super::map_context().data;
    let state = super::map_context().state;
    let (width, height) = (data.layout.width, data.layout.height);
    // The view on screen, from the same state the map's viewBox is drawn from.
    let view = move || {
        state
            .viewport
            .get_untracked()
            .unwrap_or(Viewport::fit(width, height))
            .view_box(width, height)
    };
    // Said by screen readers once a file is saved, or why it was not.
    let status = RwSignal::new(String::new());
    // The last file's object URL, freed when the next one is made: the
    // browser reads it after click() returns, so it cannot go at once.
    let last_url = StoredValue::new(None::<String>);
    let save_svg = move |_| {
        let name = format!("{FILE_STEM}.svg");
        let result =
            export_svg(view()).and_then(|export| save(&svg_blob(&export.text)?, &name, last_url));
        status.set(outcome(result, &name));
    };
    let save_png = move |_| {
        let exported = export_svg(view());
        leptos::task::spawn_local(async move {
            let name = format!("{FILE_STEM}.png");
            let result = match exported {
                Ok(export) => png_blob(&export)
                    .await
                    .and_then(|blob| save(&blob, &name, last_url)),
                Err(error) => Err(error),
            };
            status.set(outcome(result, &name));
        });
    };
    view! {
        <div class="download" role="group" aria-labelledby="download-label">
            <span id="download-label" class="download-label">"Download"</span>
            <button type="button" class="control" on:click=save_svg>"SVG"</button>
            <button type="button" class="control" on:click=save_png>"PNG"</button>
            <p class="visually-hidden" role="status">{move || status.get()}</p>
        </div>
    }
}

fn outcome(result: Result<(), JsValue>, name: &str) -> String {
    match result {
        Ok(()) => format!("Saved {name}"),
        Err(_) => format!("Sorry, {name} could not be made in this browser."),
    }
}

/// The exported SVG document and its size in map units.
struct Export {
    text: String,
    width: f64,
    height: f64,
}

fn failed(what: &str) -> JsValue {
    JsValue::from_str(what)
}

/// The on-screen map as a standalone SVG document: the current `view`,
/// with the styles it has now.
fn export_svg(view: ViewBox) -> Result<Export, JsValue> {
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let document = window.document().ok_or_else(|| failed("no document"))?;
    let svg = document
        .query_selector("svg.tube-map")?
        .ok_or_else(|| failed("no map"))?;
    // unchecked_into, here and below: the types are certain (a clone of an
    // element, elements from a selector), and each checked cast would add
    // an instanceof import to the bundle.
    let copy: web_sys::Element = svg.clone_node_with_deep(true)?.unchecked_into();

    // The clone has the same elements in the same order: copy each one's
    // computed look across.
    let originals = svg.query_selector_all("*")?;
    let copies = copy.query_selector_all("*")?;
    inline_style(&window, &svg, &copy, true)?;
    for i in 0..originals.length().min(copies.length()) {
        let (Some(original), Some(target)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (original, target): (web_sys::Element, web_sys::Element) =
            (original.unchecked_into(), target.unchecked_into());
        // tspans inherit from their text; titles and styles draw nothing.
        let tag = original.local_name();
        if matches!(tag.as_str(), "tspan" | "title" | "style") {
            continue;
        }
        inline_style(&window, &original, &target, tag == "text")?;
        // A file is not an app: no tab stops or buttons in it.
        for attribute in ["tabindex", "role"] {
            target.remove_attribute(attribute)?;
        }
    }

    // The current view, at its size in map units; a background, because
    // the on-screen paper is the CSS background of the <svg> element.
    let ViewBox {
        x,
        y,
        width,
        height,
    } = view;
    copy.set_attribute("viewBox", &view.attribute())?;
    for attribute in ["tabindex", "role", "aria-describedby", "class"] {
        copy.remove_attribute(attribute)?;
    }
    copy.set_attribute("width", &whole(width))?;
    copy.set_attribute("height", &whole(height))?;
    let paper = window
        .get_computed_style(&svg)?
        .map(|s| s.get_property_value("background-color"))
        .transpose()?
        .map_or_else(|| "#ffffff".to_owned(), paint);
    let background = document.create_element_ns(Some(SVG_NS), "rect")?;
    for (name, value) in [
        ("x", whole(x)),
        ("y", whole(y)),
        ("width", whole(width)),
        ("height", whole(height)),
        (
            "fill",
            if paper == "none" {
                "#ffffff".to_owned()
            } else {
                paper
            },
        ),
    ] {
        background.set_attribute(name, &value)?;
    }
    copy.prepend_with_node_1(&background)?;
    let title = document.create_element_ns(Some(SVG_NS), "title")?;
    title.set_text_content(Some("Careers Tube Map"));
    copy.prepend_with_node_1(&title)?;

    let text = web_sys::XmlSerializer::new()?.serialize_to_string(&copy)?;
    Ok(Export {
        text,
        width: f64::from(width),
        height: f64::from(height),
    })
}

/// Writes `original`'s computed paint (and font) onto `target` as
/// presentation attributes.
fn inline_style(
    window: &web_sys::Window,
    original: &web_sys::Element,
    target: &web_sys::Element,
    font: bool,
) -> Result<(), JsValue> {
    let Some(style) = window.get_computed_style(original)? else {
        return Ok(());
    };
    for (name, initial) in PAINT {
        let value = style.get_property_value(name)?;
        if !value.is_empty() && value != initial {
            target.set_attribute(name, &paint(value))?;
        }
    }
    if font {
        for name in FONT {
            let value = style.get_property_value(name)?;
            if !value.is_empty() {
                target.set_attribute(name, &value)?;
            }
        }
    }
    Ok(())
}

/// Fully transparent paint as `none`, which every SVG reader understands.
fn paint(value: String) -> String {
    if value == "rgba(0, 0, 0, 0)" || value == "transparent" {
        "none".to_owned()
    } else {
        value
    }
}

/// A length as whole map units: integer formatting keeps float printing
/// out of the bundle (as in `map::px`).
fn whole(value: f32) -> String {
    (value.round() as i32).to_string()
}

fn svg_blob(text: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&JsValue::from_str(text)),
        &options,
    )
}

/// Draws the exported SVG on an offscreen canvas and encodes it as PNG. The
/// SVG is loaded as a `data:` URL: the CSP allows images from `data:`, not
/// from `blob:`.
async fn png_blob(export: &Export) -> Result<web_sys::Blob, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| failed("no document"))?;
    let image = web_sys::HtmlImageElement::new()?;
    let source = js_sys::encode_uri_component(&export.text);
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{source}"));
    JsFuture::from(image.decode()).await?;

    let scale = PNG_SCALE.min(PNG_MAX_SIDE / export.width.max(export.height).max(1.0));
    let (width, height) = (
        (export.width * scale).round().max(1.0),
        (export.height * scale).round().max(1.0),
    );
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| failed("no canvas"))?
        .unchecked_into();
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)?;
    let encoded = js_sys::Promise::new(&mut |resolve, reject| {
        if let Err(error) = canvas.to_blob(&resolve) {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    });
    // toBlob hands over null when the canvas is too big to encode.
    let blob = JsFuture::from(encoded).await?;
    if blob.is_null() {
        return Err(failed("the picture is too big"));
    }
    Ok(blob.unchecked_into())
}

/// Offers `blob` as a download named `name`; frees the previous file's URL.
fn save(
    blob: &web_sys::Blob,
    name: &str,
    last_url: StoredValue<Option<String>>,
) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| failed("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    if let Some(old) = last_url
        .try_update_value(|last| last.replace(url))
        .flatten()
    {
        web_sys::Url::revoke_object_url(&old)?;
    }
    Ok(())
}
