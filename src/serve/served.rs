//! The served site as a value: the files of the last good build, patched
//! with what a rebuild made, and the list of paths that differ (which the
//! open tabs are told).

use super::http::{File, Files};
use crate::render::Output;
use std::collections::HashSet;

/// All of `outputs` as a served site.
pub fn from_outputs(outputs: Vec<Output>) -> Files {
    outputs
        .into_iter()
        .map(|o| (o.path, File::new(o.bytes)))
        .collect()
}

/// `files` with `outputs` put in and `removed` taken out. `whole` names
/// path prefixes whose every file is in `outputs`: a file below one of
/// them that is not is gone. A language's search index is such a family
/// when its index is among the outputs (its postings shards, page files,
/// dictionary blocks and text chunks can become fewer).
pub fn patch(files: &Files, outputs: Vec<Output>, removed: &[String], whole: &[String]) -> Files {
    let mut next = files.clone();
    let new: HashSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let mut families = whole.to_vec();
    for code in new
        .iter()
        .filter_map(|p| p.strip_prefix("search/index-")?.strip_suffix(".js"))
    {
        for kind in ["post", "pages", "words", "text"] {
            families.push(format!("search/{kind}-{code}-"));
        }
    }
    let left_behind: Vec<String> = next
        .keys()
        .filter(|p| !new.contains(p.as_str()) && families.iter().any(|f| p.starts_with(f)))
        .cloned()
        .collect();
    for path in removed.iter().chain(&left_behind) {
        next.remove(path);
    }
    for o in outputs {
        next.insert(o.path, File::new(o.bytes));
    }
    next
}

/// The paths that differ between `old` and `new` (changed, added or
/// removed), sorted.
pub fn changed(old: &Files, new: &Files) -> Vec<String> {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(p, f)| old.get(*p).is_none_or(|o| o.etag != f.etag))
        .map(|(p, _)| p.clone())
        .chain(old.keys().filter(|p| !new.contains_key(*p)).cloned())
        .collect();
    changed.sort_unstable();
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(path: &str, text: &str) -> Output {
        Output::new(path.into(), text.as_bytes().to_vec())
    }

    #[test]
    fn a_patch_replaces_removes_and_drops_what_a_family_left_behind() {
        let site = from_outputs(vec![
            output("nl/index.html", "a"),
            output("search/index-nl.js", "i"),
            output("search/text-nl-0.js", "t0"),
            output("search/text-nl-1.js", "t1"),
            output("search/words-nl-0.js", "w0"),
            output("search/pages-nl-3.js", "p3"),
            output("search/text-de-1.js", "d1"),
            output("static/old.css", "c"),
            output("nl/term/index.html", "t"),
        ]);
        let next = patch(
            &site,
            vec![
                output("search/index-nl.js", "i2"),
                output("search/text-nl-0.js", "t0"),
                output("static/site.css", "s"),
            ],
            &["nl/term/index.html".to_string()],
            &["static/".to_string()],
        );
        let mut paths: Vec<&String> = next.keys().collect();
        paths.sort();
        assert_eq!(
            paths,
            [
                "nl/index.html",
                "search/index-nl.js",
                "search/text-de-1.js",
                "search/text-nl-0.js",
                "static/site.css"
            ]
        );
        assert_eq!(
            changed(&site, &next),
            [
                "nl/term/index.html",
                "search/index-nl.js",
                "search/pages-nl-3.js",
                "search/text-nl-1.js",
                "search/words-nl-0.js",
                "static/old.css",
                "static/site.css"
            ]
        );
    }
}
