//! The standalone SVG: a snapshot of a small map, and journey text kept as
//! text, never markup.

use tubemap::graph::CareerGraph;
use tubemap::journey::{Network, sample};
use tubemap::layout::layout;
use tubemap::render::{escape, svg};

fn render(network: &Network) -> String {
    let graph = CareerGraph::new(network.clone());
    svg(&graph, &layout(&graph))
}

#[test]
fn two_lines_svg() {
    insta::assert_snapshot!(render(&sample::two_lines()));
}

#[test]
fn journey_text_is_escaped() {
    let nasty = "<script>alert(\"x\")</script> & 'friends'";
    let sample = sample::two_lines();
    let positions = sample
        .positions()
        .iter()
        .map(|p| tubemap::journey::Position {
            title: nasty.to_owned(),
            ..p.clone()
        })
        .collect();
    let journeys = sample
        .journeys()
        .iter()
        .map(|j| tubemap::journey::Journey {
            name: nasty.to_owned(),
            headline: nasty.to_owned(),
            id: format!("{}\"><script>", j.id),
            ..j.clone()
        })
        .collect();
    let network = tubemap::journey::sample::one_line_per_journey(positions, journeys);
    let out = render(&network);
    assert!(!out.contains("<script"), "{out}");
    assert!(
        out.contains("data-id=\"amara&quot;&gt;&lt;script&gt;\""),
        "ids stay inside their attribute: {out}"
    );
    assert!(out.contains("&lt;script&gt;"));
    assert!(out.contains("&amp;"));
    assert!(out.contains("&quot;"));
    assert!(out.contains("&apos;friends&apos;"));
    assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;");
}

#[test]
fn every_element_is_closed() {
    // Not a full XML check, but catches a forgotten `/>` or `</g>`.
    let out = render(&sample::two_lines());
    assert!(out.starts_with("<svg ") && out.ends_with("</svg>\n"));
    for tag in ["g", "text", "tspan"] {
        let open =
            out.matches(&format!("<{tag}>")).count() + out.matches(&format!("<{tag} ")).count();
        let close = out.matches(&format!("</{tag}>")).count();
        assert_eq!(open, close, "<{tag}>");
    }
}

#[test]
fn the_poster_has_a_key_of_symbols_and_marks_closed_stations() {
    let shipped = tubemap::source::load_paths(&["journeys".into()]).network;
    let poster = render(&shipped);
    assert_eq!(poster.matches("class=\"key-entry\"").count(), 4);
    for words in [
        "Station",
        "Interchange",
        "Connection",
        "Closed to new starts",
    ] {
        assert!(
            poster.contains(&format!(">{words}")),
            "key explains {words}"
        );
    }
    let closed: Vec<usize> = shipped
        .positions()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_closed())
        .map(|(i, _)| i)
        .collect();
    assert!(!closed.is_empty(), "the shipped map has closed positions");
    for i in closed {
        let label = format!("class=\"label closed\" data-position=\"{i}\" font-style=\"italic\"");
        assert!(poster.contains(&label), "closed position {i} is in italics");
    }
    // Only closed stations are dashed: one dash per closed station and one
    // in the key.
    let dashed = poster.matches("stroke-dasharray").count();
    let closed_count = shipped.positions().iter().filter(|p| p.is_closed()).count();
    assert_eq!(dashed, closed_count + 1);
}

/// "Busiest routes" draws connections in the connection ink; the app's
/// stylesheet lightens exactly that ink inside the flow, so the lines'
/// colours stand out, and the lighter grey still has 3:1 contrast on the
/// light and the dark paper (WCAG 1.4.11, graphics).
#[test]
fn the_flow_lightens_connections_by_their_ink_and_keeps_them_visible() {
    use tubemap::journey::Colour;
    use tubemap::render::CONNECTION_INK;
    let css = std::fs::read_to_string("assets/app.css").expect("the stylesheet");
    let rule = format!(".flow [stroke=\"{CONNECTION_INK}\"] {{ stroke: ");
    let at = css
        .find(&rule)
        .unwrap_or_else(|| panic!("no rule starting {rule}"));
    let lighter = &css[at + rule.len()..at + rule.len() + 7];
    let lighter = Colour::parse(lighter).expect("a #rrggbb colour");
    let ink = Colour::parse(CONNECTION_INK).expect("a colour");
    for paper in ["#ffffff", "#121212"] {
        let paper = Colour::parse(paper).expect("a colour");
        assert!(lighter.contrast(paper) >= 3.0, "{lighter} on {paper}");
    }
    let white = Colour::parse("#ffffff").expect("white");
    assert!(
        lighter.contrast(white) < ink.contrast(white),
        "lighter than the ink"
    );
}
