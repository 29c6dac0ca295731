use crate::diagnostic::{Diagnostic, FileId, codes};
use toml::Spanned;

/// Links must parse and use https: pupils follow them from school networks.
/// Returns the links that pass; the rest are reported and dropped.
pub fn check(
    links: &[Spanned<String>],
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut kept = Vec::new();
    for link in links {
        let text = link.get_ref().trim();
        match url::Url::parse(text) {
            Ok(url) if url.scheme() == "https" && url.host_str().is_some_and(|h| h.contains('.')) => kept.push(url.to_string()),
            Ok(url) if url.scheme() == "http" => diagnostics.push(
                Diagnostic::new(&codes::BAD_LINK, file, Some(link.span()), "links must use https")
                    .with_label("http, not https")
                    .with_hint(format!("Change it to \"https://{}\"; if the site has no https version, leave the link out.", &text[7.min(text.len())..])),
            ),
            Ok(url) => diagnostics.push(
                Diagnostic::new(&codes::BAD_LINK, file, Some(link.span()), format!("`{}` is not a web link", url.scheme()))
                    .with_hint("Links must be web pages starting with https:// and a domain name."),
            ),
            Err(error) => diagnostics.push(
                Diagnostic::new(&codes::BAD_LINK, file, Some(link.span()), format!("this is not a valid link: {error}"))
                    .with_label("not a URL")
                    .with_hint("Copy the full address from the browser's address bar, starting with https://."),
            ),
        }
    }
    kept
}
