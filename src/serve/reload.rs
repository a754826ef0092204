//! The live-reload script that `brug serve` adds to every page it serves
//! (`/__brug/reload.js`, never written by `brug build`), with the texts of
//! its error overlay in each language of the handbook. They are interface
//! strings like the theme's (`serve-…` in `i18n/*.ftl`), so translators find
//! them beside the others and a handbook's own `i18n/` files override them;
//! the server puts them into the script as JSON.

use super::State;
use crate::source::config::Config;
use crate::source::strings::Strings;
use crate::source::theme::Theme;
use serde_json::{Map, Value};
use std::path::Path;

const SCRIPT: &str = include_str!("reload.js");
/// Where the script takes its texts: `var TEXT = /*TEXT*/{};`.
const SLOT: &str = "/*TEXT*/{}";
/// The overlay's texts: the script's name for each, and its string id.
pub const TEXTS: [(&str, &str); 6] = [
    ("title", "serve-failed-title"),
    ("kept", "serve-failed-kept"),
    ("close", "serve-close"),
    ("hint", "serve-hint"),
    ("status", "serve-status-link"),
    ("changed", "serve-status-what-changed"),
];

/// The overlay's texts of the handbook at `root`, by language code; `None`
/// when its `handbook.toml` or its strings cannot be used (the build
/// reports why).
pub fn texts(root: &Path) -> Option<Value> {
    let toml = std::fs::read_to_string(root.join("handbook.toml")).ok()?;
    let languages = Config::parse(&toml, Path::new("handbook.toml"))
        .0?
        .languages;
    let (mut theme, _) = Theme::load(root);
    let strings = Strings::load(std::mem::take(&mut theme.strings), &languages).0?;
    let by_lang = languages.iter().enumerate().map(|(lang, code)| {
        let texts = TEXTS
            .iter()
            .map(|(key, id)| (key.to_string(), Value::String(strings.text(lang, id))));
        (code.clone(), Value::Object(texts.collect()))
    });
    Some(Value::Object(by_lang.collect()))
}

/// The script with `texts` in place. Without texts it shows the string
/// ids, as the theme does for a string it cannot find.
pub fn script(texts: Option<&Value>) -> Vec<u8> {
    let ids = || {
        let ids: Map<String, Value> = TEXTS
            .iter()
            .map(|(key, id)| (key.to_string(), Value::String(id.to_string())))
            .collect();
        serde_json::json!({ "und": ids })
    };
    let json = texts.cloned().unwrap_or_else(ids).to_string();
    SCRIPT.replacen(SLOT, &json, 1).into_bytes()
}

/// Takes the texts from the handbook at `root` again (they change only
/// with the strings or the languages, which a full rebuild follows); the
/// last good ones stay while the new ones cannot be used.
pub(super) fn refresh(root: &Path, state: &State) {
    if let Some(texts) = texts(root) {
        if let Ok(mut served) = state.reload.write() {
            *served = script(Some(&texts));
        }
    }
}

/// The script as served now.
pub(super) fn served(state: &State) -> Vec<u8> {
    match state.reload.read() {
        Ok(s) if !s.is_empty() => s.clone(),
        _ => script(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn the_script_gets_the_handbooks_texts_in_each_language() {
        let texts = texts(repo()).expect("the shipped strings load");
        let script = String::from_utf8(script(Some(&texts))).unwrap();
        assert!(!script.contains(SLOT), "the slot is filled");
        assert!(script.contains("\"title\":\"De laatste wijziging bevat fouten\""));
        assert!(script.contains("\"close\":\"Schließen\""));
        for lang in ["nl", "de"] {
            for (key, id) in TEXTS {
                let text = texts[lang][key].as_str().unwrap();
                assert!(!text.is_empty() && text != id, "{lang} {id}");
            }
        }
    }

    #[test]
    fn a_handbooks_own_strings_are_used() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("handbook.toml"),
            "languages = [\"nl\", \"de\"]\n[title]\nnl = \"a\"\nde = \"b\"\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("i18n")).unwrap();
        let nl = std::fs::read_to_string(repo().join("i18n/nl.ftl")).unwrap();
        std::fs::write(
            dir.path().join("i18n/nl.ftl"),
            nl.replace("serve-close = Sluiten", "serve-close = Dicht"),
        )
        .unwrap();
        let own = texts(dir.path()).unwrap();
        assert_eq!(own["nl"]["close"], "Dicht");
        assert_eq!(own["de"]["close"], "Schließen");
        // One message is enough: the rest come from the built-in strings.
        std::fs::write(dir.path().join("i18n/nl.ftl"), "serve-close = Dicht\n").unwrap();
        assert_eq!(texts(dir.path()).unwrap()["nl"]["kept"], own["nl"]["kept"]);
        // Broken strings: no texts (the server keeps the last good ones).
        std::fs::write(
            dir.path().join("i18n/nl.ftl"),
            "serve-close = Dicht\nalleen-hier = x\n",
        )
        .unwrap();
        assert!(texts(dir.path()).is_none());
    }

    #[test]
    fn the_server_keeps_the_last_good_texts() {
        let state = State::new(repo());
        assert!(String::from_utf8(served(&state))
            .unwrap()
            .contains("serve-failed-title"));
        refresh(repo(), &state);
        let good = served(&state);
        assert!(String::from_utf8(good.clone())
            .unwrap()
            .contains("De laatste wijziging bevat fouten"));
        refresh(Path::new("/nonexistent"), &state);
        assert_eq!(served(&state), good);
    }

    #[test]
    fn without_texts_the_overlay_shows_the_ids() {
        let script = String::from_utf8(script(None)).unwrap();
        assert!(script.contains("var TEXT = {\"und\":{"), "{script}");
        assert!(script.contains("\"title\":\"serve-failed-title\""));
    }
}
