//! `[theme]` of `handbook.toml`: a municipality's house style (accent
//! colour, logo, footer, funders). The accent is checked here, before any
//! page uses it: a link colour below WCAG AA contrast on the theme's light
//! or dark background is refused with a colour near it that passes.

use crate::diagnostics::Diagnostic;
use crate::source::config::Labels;
use crate::source::schema::Source;
use serde::{Deserialize, Serialize};

/// WCAG 2.1 AA for normal text (1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

/// The default theme's light backgrounds a link stands on (page, header
/// and boxes) and its dark ones; they must match `site.css`.
const LIGHT_BACKGROUNDS: [Rgb; 2] = [Rgb(0xff, 0xff, 0xff), Rgb(0xf3, 0xf5, 0xf7)];
const DARK_BACKGROUNDS: [Rgb; 2] = [Rgb(0x14, 0x17, 0x1a), Rgb(0x1f, 0x24, 0x28)];

/// `[theme]`: the handbook's own look on top of the default theme.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct HouseStyle {
    /// `#rrggbb` or `#rgb`: links, focus rings and highlights in the light
    /// scheme; the dark scheme gets a lighter colour derived from it.
    pub accent: Option<String>,
    /// An image file, from the handbook's folder, shown in the header.
    pub logo: Option<String>,
    /// Per language: the footer text, in Markdown.
    pub footer: Labels,
    /// The acknowledgement of funding that programmes require on every
    /// publication, in order.
    pub funders: Vec<Funder>,
}

/// One funder: its text per language, and optionally its logo.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Funder {
    pub text: Labels,
    pub logo: Option<String>,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rrggbb` or `#rgb`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.is_ascii() {
            return None;
        }
        let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).ok();
        match hex.len() {
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => {
                let d = |i| digit(i, 1).map(|v| v * 17);
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.1).
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The step `t` (0‥1) of the way from this colour to `to`.
    fn mix(self, to: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, to.0), m(self.1, to.1), m(self.2, to.2))
    }
}

/// The contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The lowest contrast of `c` on any of `backgrounds`.
fn worst(c: Rgb, backgrounds: &[Rgb]) -> f64 {
    backgrounds
        .iter()
        .map(|&b| contrast(c, b))
        .fold(f64::INFINITY, f64::min)
}

/// The first colour on the way from `c` to `toward` (in 2 % steps) that
/// reaches AA on all `backgrounds`.
fn nearest_passing(c: Rgb, toward: Rgb, backgrounds: &[Rgb]) -> Rgb {
    (0..=50)
        .map(|i| c.mix(toward, f64::from(i) / 50.0))
        .find(|&m| worst(m, backgrounds) >= MIN_CONTRAST)
        .unwrap_or(toward)
}

/// The accent's colours for the light and the dark scheme, once checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accent {
    pub light: Rgb,
    pub dark: Rgb,
}

impl Accent {
    /// The accent as written, or why it cannot be: not a colour, or below
    /// AA on a light background (the message gives the ratio and a
    /// darker colour that passes). The dark scheme's colour is the accent
    /// lightened until it passes there.
    pub fn check(text: &str) -> Result<Accent, (String, String)> {
        let Some(light) = Rgb::parse(text) else {
            return Err((
                format!("`accent = \"{text}\"` is not a colour"),
                "write it as #rrggbb, e.g. accent = \"#0b5394\"".into(),
            ));
        };
        let ratio = worst(light, &LIGHT_BACKGROUNDS);
        if ratio < MIN_CONTRAST {
            let near = nearest_passing(light, Rgb(0, 0, 0), &LIGHT_BACKGROUNDS);
            return Err((
                format!(
                    "`accent = \"{text}\"` has a contrast of {:.2}:1 on the light background; links need at least 4.5:1 (WCAG AA)",
                    floor2(ratio)
                ),
                format!(
                    "use a darker colour, e.g. accent = \"{}\" ({:.2}:1)",
                    near.hex(),
                    floor2(worst(near, &LIGHT_BACKGROUNDS))
                ),
            ));
        }
        let dark = nearest_passing(light, Rgb(0xff, 0xff, 0xff), &DARK_BACKGROUNDS);
        Ok(Accent { light, dark })
    }

    /// The stylesheet that sets the theme's colours to the accent.
    pub fn css(self) -> String {
        let (l, d) = (self.light.hex(), self.dark.hex());
        format!(
            ":root{{--link:{l};--accent:{l};--focus:{l}}}\n\
             @media (prefers-color-scheme: dark){{:root{{--link:{d};--accent:{d};--focus:{d}}}}}\n"
        )
    }
}

/// A ratio rounded down to two places, so that 4.499 never reads "4.50".
fn floor2(r: f64) -> f64 {
    (r * 100.0).floor() / 100.0
}

impl HouseStyle {
    /// Checks the accent; a problem is an error at its line of `src`.
    pub fn validate(&self, src: &Source, diags: &mut Vec<Diagnostic>) {
        let files = images(self);
        for (i, a) in files.iter().enumerate() {
            if let Some(b) = files[..i].iter().find(|b| image_url(b) == image_url(a)) {
                let mut d = Diagnostic::error(
                    src.file,
                    format!("[theme] names the images `{b}` and `{a}`, which would both be written as {}", image_url(a)),
                )
                .hint("give one of the files another name");
                if let Some(at) = src.lines.text().find(a) {
                    d = d.at_line(&src.lines, at);
                }
                diags.push(d);
            }
        }
        let Some(text) = &self.accent else {
            return;
        };
        if let Err((message, hint)) = Accent::check(text) {
            let mut d = Diagnostic::error(src.file, message).hint(hint);
            let text = src.lines.text();
            let table = text.find("[theme]").unwrap_or(0);
            if let Some(at) = text[table..].find("accent") {
                d = d.at_line(&src.lines, table + at);
            }
            diags.push(d);
        }
    }

    /// The checked accent, if one is set and valid.
    pub fn accent(&self) -> Option<Accent> {
        self.accent.as_deref().and_then(|a| Accent::check(a).ok())
    }
}

/// Where a house style image is written: `static/house/` and its name.
pub fn image_url(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    format!("static/house/{name}")
}

/// The images `[theme]` names (logo first, then the funders'), each once.
pub fn images(style: &HouseStyle) -> Vec<&str> {
    let mut files: Vec<&str> = style.logo.iter().map(String::as_str).collect();
    for f in style.funders.iter().filter_map(|f| f.logo.as_deref()) {
        if !files.contains(&f) {
            files.push(f);
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grey whose contrast on white is `ratio` or just above.
    fn grey_at(ratio: f64) -> Rgb {
        (0..=255u8)
            .rev()
            .map(|v| Rgb(v, v, v))
            .find(|&c| contrast(c, Rgb(255, 255, 255)) >= ratio)
            .unwrap()
    }

    #[test]
    fn contrast_matches_the_wcag_formula() {
        let white = Rgb(255, 255, 255);
        assert!((contrast(Rgb(0, 0, 0), white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known 4.54:1.
        assert_eq!(
            floor2(contrast(Rgb::parse("#767676").unwrap(), white)),
            4.54
        );
        assert_eq!(Rgb::parse("#abc"), Rgb::parse("#aabbcc"));
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("blue"), None);
        assert_eq!(Rgb::parse("#ééé"), None);
    }

    #[test]
    fn an_accent_at_just_below_and_just_above_aa() {
        // The light backgrounds include the boxes' #f3f5f7, so the limit
        // is a little darker than on white alone.
        let at = (0..=255u8)
            .rev()
            .map(|v| Rgb(v, v, v))
            .find(|&c| worst(c, &LIGHT_BACKGROUNDS) >= MIN_CONTRAST)
            .unwrap();
        let below = Rgb(at.0 + 1, at.1 + 1, at.2 + 1);
        assert!(worst(below, &LIGHT_BACKGROUNDS) < MIN_CONTRAST);
        assert!(Accent::check(&at.hex()).is_ok(), "{} passes", at.hex());
        let (message, hint) = Accent::check(&below.hex()).unwrap_err();
        assert!(message.contains(":1 on the light background"), "{message}");
        assert!(message.contains("4.4"), "{message}");
        let near = Rgb::parse(hint.split('"').nth(1).unwrap()).unwrap();
        assert!(worst(near, &LIGHT_BACKGROUNDS) >= MIN_CONTRAST, "{hint}");
        let above = grey_at(7.0);
        assert!(Accent::check(&above.hex()).is_ok());
    }

    #[test]
    fn the_dark_scheme_gets_a_lighter_colour_that_passes() {
        let accent = Accent::check("#0b5394").unwrap();
        assert_eq!(accent.light.hex(), "#0b5394");
        assert!(worst(accent.dark, &DARK_BACKGROUNDS) >= MIN_CONTRAST);
        assert!(accent.dark.luminance() > accent.light.luminance());
        let css = accent.css();
        assert!(css.starts_with(":root{--link:#0b5394;"), "{css}");
        assert!(css.contains("prefers-color-scheme: dark"), "{css}");
    }

    #[test]
    fn two_images_of_the_same_name_are_an_error() {
        let style = HouseStyle {
            logo: Some("a/logo.svg".into()),
            funders: vec![Funder {
                text: Labels::new(),
                logo: Some("b/logo.svg".into()),
            }],
            ..HouseStyle::default()
        };
        let text = "[theme]\nlogo = \"a/logo.svg\"\n[[theme.funders]]\nlogo = \"b/logo.svg\"\n";
        let src = Source::new(std::path::Path::new("handbook.toml"), text, 0);
        let mut diags = Vec::new();
        style.validate(&src, &mut diags);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].message.contains("static/house/logo.svg"),
            "{diags:?}"
        );
        assert_eq!(diags[0].line, 4);
    }

    #[test]
    fn a_word_is_no_colour() {
        let (message, hint) = Accent::check("teal").unwrap_err();
        assert!(message.contains("is not a colour"));
        assert!(hint.contains("#rrggbb"));
    }
}
