//! `brug init DIR`: a new handbook for a municipality that wants its own,
//! with a configuration, a home page and one section with one page, in both
//! languages, that builds and checks cleanly from the first minute.

use anyhow::{bail, Context, Result};
use std::path::Path;

const FILES: [(&str, &str); 7] = [
    (
        "handbook.toml",
        "languages = [\"nl\", \"de\"]\ndefault_language = \"nl\"\nsource_language = \"nl\"\nbase_url = \"https://handboek.example\"\nmissing_translation = \"fallback\"\n\n[title]\nnl = \"Ons handboek\"\nde = \"Unser Handbuch\"\n\n[description]\nnl = \"Het beleidshandboek van onze gemeente.\"\nde = \"Das Handbuch unserer Kommune.\"\n\n[cities.mijnstad]\nnl = \"Mijnstad\"\nde = \"Meinestadt\"\n\n[taxonomies.policy_fields.education]\nnl = \"Onderwijs\"\nde = \"Bildung\"\n\n[taxonomies.target_groups.migrants]\nnl = \"Migranten\"\nde = \"Zugewanderte\"\n",
    ),
    (
        "content/_index.nl.md",
        "+++\ntitle = \"Ons handboek\"\nsummary = \"Waar dit handboek over gaat.\"\n+++\n\nWelkom. Begin bij de [modules](modules/_index.md).\n",
    ),
    (
        "content/_index.de.md",
        "+++\ntitle = \"Unser Handbuch\"\nsummary = \"Worum es in diesem Handbuch geht.\"\n+++\n\nWillkommen. Beginnen Sie bei den [Modulen](modules/_index.md).\n",
    ),
    (
        "content/modules/_index.nl.md",
        "+++\ntitle = \"Modules\"\nsummary = \"De bouwstenen van het handboek.\"\nweight = 1\nkind = \"module\"\n+++\n\nDeze sectie bevat de modules. Begin met [de eerste stap](eerste-stap.md).\n",
    ),
    (
        "content/modules/_index.de.md",
        "+++\ntitle = \"Module\"\nsummary = \"Die Bausteine des Handbuchs.\"\nweight = 1\nkind = \"module\"\nslug = \"module\"\n+++\n\nDieser Abschnitt enthält die Module. Beginnen Sie mit [dem ersten Schritt](eerste-stap.md).\n",
    ),
    (
        "content/modules/eerste-stap.nl.md",
        "+++\ntitle = \"De eerste stap\"\nsummary = \"Een voorbeeldpagina.\"\nweight = 1\n\n[taxonomies]\npolicy_fields = [\"education\"]\n+++\n\nSchrijf hier de eerste module. Terug naar het [overzicht](_index.md).\n",
    ),
    (
        "content/modules/eerste-stap.de.md",
        "+++\ntitle = \"Der erste Schritt\"\nsummary = \"Eine Beispielseite.\"\nweight = 1\nslug = \"erster-schritt\"\n\n[taxonomies]\npolicy_fields = [\"education\"]\n+++\n\nSchreiben Sie hier das erste Modul. Zurück zur [Übersicht](_index.md).\n",
    ),
];

/// Writes a starter handbook into `dir`; refuses to overwrite one.
pub fn init(dir: &Path) -> Result<()> {
    if dir.join("handbook.toml").exists() {
        bail!(
            "{} already holds a handbook.toml; brug init does not overwrite it",
            dir.display()
        );
    }
    if dir.join("content").exists() {
        bail!(
            "{} already has a content/ folder; brug init does not overwrite it",
            dir.display()
        );
    }
    for (path, text) in FILES {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&file, text).with_context(|| format!("cannot write {}", file.display()))?;
    }
    Ok(())
}
