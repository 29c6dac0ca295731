//! The standalone SVG: a snapshot of a small map, and journey text kept as
//! text, never markup.

use tubemap::journey::{Network, sample};
use tubemap::layout::layout;
use tubemap::network::CareerGraph;
use tubemap::render::{escape, svg};

fn render(network: &Network) -> String {
    svg(network, &layout(network, &CareerGraph::new(network)))
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
