use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::journey::{Colour, MAP_BACKGROUND, MIN_LINE_CONTRAST};
use toml::Spanned;

/// A line colour must parse and stand out from the map background by 3:1
/// (WCAG 2.2, 1.4.11). A failing colour is dropped: the map picks one.
pub fn check(
    colour: Option<&Spanned<String>>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Colour> {
    let colour = colour?;
    match Colour::parse(colour.get_ref().trim()) {
        Err(error) => {
            diagnostics.push(
                Diagnostic::new(
                    &codes::BAD_COLOUR,
                    file,
                    Some(colour.span()),
                    error.to_string(),
                )
                .with_hint("Write the colour as # and six hex digits, like \"#B36305\"."),
            );
            None
        }
        Ok(parsed) => {
            let contrast = parsed.contrast(MAP_BACKGROUND);
            if contrast < MIN_LINE_CONTRAST {
                diagnostics.push(
                    Diagnostic::new(&codes::LOW_CONTRAST, file, Some(colour.span()), format!("the line colour {parsed} is too light to see on the map: contrast {contrast:.2}:1, at least {MIN_LINE_CONTRAST}:1 needed"))
                        .with_label("too light on a white background")
                        .with_hint("Choose a darker or stronger colour: the Underground's line colours are a good start."),
                );
                None
            } else {
                Some(parsed)
            }
        }
    }
}
