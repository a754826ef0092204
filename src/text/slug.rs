//! Readable URL segments and heading ids from Dutch and German text:
//! `Übersicht` → `uebersicht`, `Straße` → `strasse`, `coördinator` →
//! `coordinator`, `IJssel` → `ijssel`. In German, ä/ö/ü are umlauts and keep
//! their German transliteration (ü → ue); in Dutch the same characters are a
//! trema (diaeresis) on a plain vowel, so they lose only the dots. Other
//! diacritics are dropped; anything else that is not a letter or digit
//! becomes one `-`.

/// Turns text written in language `lang` into a lowercase slug (may be empty).
pub fn slugify(text: &str, lang: &str) -> String {
    let umlaut = lang != "nl";
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'a'..='z' | '0'..='9' => {
                push(&mut out, &mut dash, c);
                continue;
            }
            'ä' if umlaut => "ae",
            'ö' if umlaut => "oe",
            'ü' if umlaut => "ue",
            'ä' => "a",
            'ö' => "o",
            'ü' => "u",
            'ß' => "ss",
            'ĳ' => "ij",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'à' | 'á' | 'â' | 'ã' | 'å' => "a",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ç' => "c",
            'ñ' => "n",
            'ý' | 'ÿ' => "y",
            _ if c.is_alphanumeric() => {
                // Other scripts stay readable rather than vanish.
                push(&mut out, &mut dash, c);
                continue;
            }
            _ => {
                dash = !out.is_empty();
                continue;
            }
        };
        for m in mapped.chars() {
            push(&mut out, &mut dash, m);
        }
    }
    out
}

fn push(out: &mut String, dash: &mut bool, c: char) {
    if *dash {
        out.push('-');
        *dash = false;
    }
    out.push(c);
}

/// Is `s` usable as a URL segment or id as written (`a-z`, `0-9`, `-`, `_`)?
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_and_sharp_s_stay_readable() {
        assert_eq!(
            slugify("Übersicht der Maßnahmen", "de"),
            "uebersicht-der-massnahmen"
        );
        assert_eq!(slugify("Coördinator & ideeën", "nl"), "coordinator-ideeen");
        assert_eq!(slugify("Koördination", "de"), "kooerdination");
        assert_eq!(
            slugify("  De ĳsbaan — 2008/2011 ", "nl"),
            "de-ijsbaan-2008-2011"
        );
        assert_eq!(slugify("Straße", "de"), "strasse");
        assert_eq!(slugify("???", "de"), "");
    }

    #[test]
    fn validity() {
        assert!(is_valid("konsensprinzip"));
        assert!(is_valid("stap-2"));
        assert!(!is_valid("Konsens"));
        assert!(!is_valid("a/b"));
        assert!(!is_valid(""));
    }
}
