//! Where a draft goes: its id, its file name, and the link that opens a pull
//! request with it.

use super::Draft;
use crate::journey::Network;
use crate::source::kebab;

/// The journey's id: the name as an id, with a number added if a shipped
/// journey already has it ("tom" is taken, so "tom-2").
pub fn journey_id(name: &str, shipped: &Network) -> String {
    let base = match kebab(name) {
        id if id.is_empty() => "my-journey".to_owned(),
        id => id,
    };
    let taken = |id: &str| shipped.journeys().iter().any(|j| j.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// Most characters of the headline kept in a file name.
const NAME_CHARS: usize = 48;

/// The file's path in the repository, named as the shipped ones are:
/// `journeys/people/<id>-<headline>.toml`, without a leading "from".
pub fn file_name(draft: &Draft, id: &str) -> String {
    let headline = kebab(&draft.headline);
    let headline = headline.strip_prefix("from-").unwrap_or(&headline);
    let mut words = String::new();
    for word in headline.split('-') {
        if words.len() + word.len() + 1 > NAME_CHARS {
            break;
        }
        words.push('-');
        words.push_str(word);
    }
    format!("journeys/people/{id}{words}.toml")
}

/// A link to GitHub's "create new file" page of `repository` (its https
/// address, from `Cargo.toml`), with the file's name and contents filled in:
/// committing it there opens the pull request.
pub fn pull_request_url(repository: &str, path: &str, text: &str) -> String {
    let base = format!("{}/new/main", repository.trim_end_matches('/'));
    match url::Url::parse_with_params(&base, [("filename", path), ("value", text)]) {
        Ok(url) => url.into(),
        // Only a malformed `repository` setting gets here; the link then
        // names the problem instead of opening somewhere unexpected.
        Err(_) => format!("{base}#the-repository-setting-is-not-a-url"),
    }
}
