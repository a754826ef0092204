#!/usr/bin/env python3
"""Seeded generator of a synthetic bilingual (Dutch/German) policy-handbook corpus.

The same seed and the same number of pairs always give the same pages, whatever
the flavor: the corpus is first built as abstract structure (sections, titles,
sentences made of concept slots, links), then rendered in Dutch and German from
the same decisions, so every page pair is a rough translation of itself and every
flavor carries identical prose, headings, lists, tables, code and links.

Flavors
  brug    content/ tree in brug's format: NAME.nl.md + NAME.de.md, _index.LANG.md,
          TOML front matter (+++), relative Markdown links to source files,
          plus a handbook.toml.
  zola    Zola site: config.toml, templates/, content/ with NAME.md (nl, default)
          and NAME.de.md, internal links as @/path.md.
  hugo    Hugo site: config.toml, layouts/_default/{baseof,single,list}.html,
          content/ with NAME.nl.md / NAME.de.md, links as relative URLs.
  mdbook  mdBook: book.toml, src/SUMMARY.md and the Dutch half only
          (mdBook is monolingual).

Only the Python standard library is used.

This is brug's copy of the shared bench generator (shared/bench/gen_corpus.py),
used by scripts/bench. It differs from the shared script only in two ways; the
pages, sections and links it writes are byte-identical for the same seed and size:
  - the brug flavor's handbook.toml also carries `base_url` and a `[description]`
    table (nl/de), as brug's configuration schema has them;
  - --pairs below 7 is refused: with fewer pages the link planner cannot find
    3-6 distinct link targets per page and would loop forever. Benchmarks use
    50 pairs or more (scripts/bench refuses smaller sizes).
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import random
import shutil
import sys
import time
import unicodedata
from dataclasses import dataclass, field

MARKER = ".gen_corpus"
LANGS = ("nl", "de")
BASE_URL = "https://handbook.example"
DESCRIPTION = (  # brug flavor: handbook.toml [description], nl / de
    "Synthetisch handboek integratiebeleid voor gemeenten: modules, methoden, structuren en praktijken.",
    "Synthetisches Handbuch Integrationspolitik für Kommunen: Bausteine, Methoden, Strukturen und Praxisbeispiele.",
)

# ---------------------------------------------------------------------------
# Vocabulary. Nouns: (nl, nl article, nl plural | None, de, de gender, de plural | None).
# A plural of None marks a mass noun (used only in the singular).
# ---------------------------------------------------------------------------
NOUNS = [
    ("gemeente", "de", "gemeenten", "Kommune", "f", "Kommunen"),
    ("integratie", "de", None, "Integration", "f", None),
    ("integratiebeleid", "het", None, "Integrationspolitik", "f", None),
    ("integratievisie", "de", "integratievisies", "Integrationskonzept", "n", "Integrationskonzepte"),
    ("gemeenteraad", "de", "gemeenteraden", "Stadtrat", "m", "Stadträte"),
    ("burgemeester", "de", "burgemeesters", "Bürgermeister", "m", "Bürgermeister"),
    ("ambtenaar", "de", "ambtenaren", "Verwaltungsmitarbeiter", "m", "Verwaltungsmitarbeiter"),
    ("burger", "de", "burgers", "Bürger", "m", "Bürger"),
    ("inwoner", "de", "inwoners", "Einwohner", "m", "Einwohner"),
    ("migrantenorganisatie", "de", "migrantenorganisaties", "Migrantenorganisation", "f", "Migrantenorganisationen"),
    ("zelforganisatie", "de", "zelforganisaties", "Selbstorganisation", "f", "Selbstorganisationen"),
    ("vrijwilligerswerk", "het", None, "Ehrenamt", "n", None),
    ("welzijnsorganisatie", "de", "welzijnsorganisaties", "Wohlfahrtsverband", "m", "Wohlfahrtsverbände"),
    ("buurt", "de", "buurten", "Nachbarschaft", "f", "Nachbarschaften"),
    ("wijk", "de", "wijken", "Stadtteil", "m", "Stadtteile"),
    ("school", "de", "scholen", "Schule", "f", "Schulen"),
    ("ouderbetrokkenheid", "de", None, "Elternarbeit", "f", None),
    ("taalcursus", "de", "taalcursussen", "Sprachkurs", "m", "Sprachkurse"),
    ("inburgeringscursus", "de", "inburgeringscursussen", "Integrationskurs", "m", "Integrationskurse"),
    ("arbeidsmarkt", "de", "arbeidsmarkten", "Arbeitsmarkt", "m", "Arbeitsmärkte"),
    ("werkgever", "de", "werkgevers", "Arbeitgeber", "m", "Arbeitgeber"),
    ("onderwijs", "het", None, "Bildung", "f", None),
    ("huisvesting", "de", None, "Wohnraumversorgung", "f", None),
    ("gezondheidszorg", "de", None, "Gesundheitsversorgung", "f", None),
    ("participatie", "de", None, "Teilhabe", "f", None),
    ("samenwerking", "de", None, "Zusammenarbeit", "f", None),
    ("overleg", "het", "overleggen", "Abstimmung", "f", "Abstimmungen"),
    ("bijeenkomst", "de", "bijeenkomsten", "Veranstaltung", "f", "Veranstaltungen"),
    ("startbijeenkomst", "de", "startbijeenkomsten", "Auftaktveranstaltung", "f", "Auftaktveranstaltungen"),
    ("werkconferentie", "de", "werkconferenties", "Fachkonferenz", "f", "Fachkonferenzen"),
    ("werkgroep", "de", "werkgroepen", "Arbeitsgruppe", "f", "Arbeitsgruppen"),
    ("stuurgroep", "de", "stuurgroepen", "Lenkungsgruppe", "f", "Lenkungsgruppen"),
    ("projectgroep", "de", "projectgroepen", "Projektgruppe", "f", "Projektgruppen"),
    ("klankbordgroep", "de", "klankbordgroepen", "Begleitgruppe", "f", "Begleitgruppen"),
    ("adviesraad", "de", "adviesraden", "Integrationsrat", "m", "Integrationsräte"),
    ("evaluatie", "de", "evaluaties", "Evaluation", "f", "Evaluationen"),
    ("indicator", "de", "indicatoren", "Kennzahl", "f", "Kennzahlen"),
    ("doelstelling", "de", "doelstellingen", "Zielsetzung", "f", "Zielsetzungen"),
    ("maatregel", "de", "maatregelen", "Maßnahme", "f", "Maßnahmen"),
    ("werkwijze", "de", "werkwijzen", "Arbeitsweise", "f", "Arbeitsweisen"),
    ("methode", "de", "methoden", "Methode", "f", "Methoden"),
    ("instrument", "het", "instrumenten", "Instrument", "n", "Instrumente"),
    ("structuur", "de", "structuren", "Struktur", "f", "Strukturen"),
    ("module", "de", "modules", "Baustein", "m", "Bausteine"),
    ("handboek", "het", "handboeken", "Handbuch", "n", "Handbücher"),
    ("praktijk", "de", None, "Praxis", "f", None),
    ("voorbeeld", "het", "voorbeelden", "Beispiel", "n", "Beispiele"),
    ("ervaring", "de", "ervaringen", "Erfahrung", "f", "Erfahrungen"),
    ("resultaat", "het", "resultaten", "Ergebnis", "n", "Ergebnisse"),
    ("begroting", "de", "begrotingen", "Haushalt", "m", "Haushalte"),
    ("subsidie", "de", "subsidies", "Förderung", "f", "Förderungen"),
    ("financiering", "de", None, "Finanzierung", "f", None),
    ("verantwoordelijkheid", "de", "verantwoordelijkheden", "Zuständigkeit", "f", "Zuständigkeiten"),
    ("draagvlak", "het", None, "Akzeptanz", "f", None),
    ("vertrouwen", "het", None, "Vertrauen", "n", None),
    ("dialoog", "de", "dialogen", "Dialog", "m", "Dialoge"),
    ("diversiteit", "de", None, "Vielfalt", "f", None),
    ("discriminatie", "de", None, "Diskriminierung", "f", None),
    ("emancipatie", "de", None, "Emanzipation", "f", None),
    ("immigratie", "de", None, "Zuwanderung", "f", None),
    ("migratie", "de", None, "Migration", "f", None),
    ("grensregio", "de", "grensregio's", "Grenzregion", "f", "Grenzregionen"),
    ("buurland", "het", "buurlanden", "Nachbarland", "n", "Nachbarländer"),
    ("stadsdeel", "het", "stadsdelen", "Stadtbezirk", "m", "Stadtbezirke"),
    ("gemeentebestuur", "het", "gemeentebesturen", "Stadtverwaltung", "f", "Stadtverwaltungen"),
    ("raadsvoorstel", "het", "raadsvoorstellen", "Ratsvorlage", "f", "Ratsvorlagen"),
    ("besluit", "het", "besluiten", "Beschluss", "m", "Beschlüsse"),
    ("beleidsnota", "de", "beleidsnota's", "Positionspapier", "n", "Positionspapiere"),
    ("visie", "de", "visies", "Leitbild", "n", "Leitbilder"),
    ("kernwaarde", "de", "kernwaarden", "Grundwert", "m", "Grundwerte"),
    ("doelgroep", "de", "doelgroepen", "Zielgruppe", "f", "Zielgruppen"),
    ("vrouwengroep", "de", "vrouwengroepen", "Frauengruppe", "f", "Frauengruppen"),
    ("moskeevereniging", "de", "moskeeverenigingen", "Moscheeverein", "m", "Moscheevereine"),
    ("vereniging", "de", "verenigingen", "Verein", "m", "Vereine"),
    ("sportvereniging", "de", "sportverenigingen", "Sportverein", "m", "Sportvereine"),
    ("bibliotheek", "de", "bibliotheken", "Bibliothek", "f", "Bibliotheken"),
    ("wijkcentrum", "het", "wijkcentra", "Stadtteilzentrum", "n", "Stadtteilzentren"),
    ("consulent", "de", "consulenten", "Berater", "m", "Berater"),
    ("coördinator", "de", "coördinatoren", "Koordinator", "m", "Koordinatoren"),
    ("coördinatie", "de", None, "Koordination", "f", None),
    ("communicatie", "de", None, "Öffentlichkeitsarbeit", "f", None),
    ("voorlichting", "de", None, "Aufklärung", "f", None),
    ("netwerk", "het", "netwerken", "Netzwerk", "n", "Netzwerke"),
    ("partner", "de", "partners", "Partner", "m", "Partner"),
    ("deelnemer", "de", "deelnemers", "Teilnehmer", "m", "Teilnehmer"),
    ("belang", "het", "belangen", "Interesse", "n", "Interessen"),
    ("behoefte", "de", "behoeften", "Bedarf", "m", "Bedarfe"),
    ("knelpunt", "het", "knelpunten", "Schwachstelle", "f", "Schwachstellen"),
    ("kans", "de", "kansen", "Chance", "f", "Chancen"),
    ("risico", "het", "risico's", "Risiko", "n", "Risiken"),
    ("randvoorwaarde", "de", "randvoorwaarden", "Rahmenbedingung", "f", "Rahmenbedingungen"),
    ("overdracht", "de", None, "Übertragung", "f", None),
    ("overdraagbaarheid", "de", None, "Übertragbarkeit", "f", None),
    ("aanbeveling", "de", "aanbevelingen", "Empfehlung", "f", "Empfehlungen"),
    ("stappenplan", "het", "stappenplannen", "Stufenplan", "m", "Stufenpläne"),
    ("fase", "de", "fasen", "Phase", "f", "Phasen"),
    ("tijdpad", "het", "tijdpaden", "Zeitplan", "m", "Zeitpläne"),
    ("rapportage", "de", "rapportages", "Bericht", "m", "Berichte"),
    ("verslag", "het", "verslagen", "Protokoll", "n", "Protokolle"),
    ("enquête", "de", "enquêtes", "Umfrage", "f", "Umfragen"),
    ("interview", "het", "interviews", "Interview", "n", "Interviews"),
    ("gesprek", "het", "gesprekken", "Gespräch", "n", "Gespräche"),
    ("idee", "het", "ideeën", "Idee", "f", "Ideen"),
    ("oplossing", "de", "oplossingen", "Lösung", "f", "Lösungen"),
    ("voorstel", "het", "voorstellen", "Vorschlag", "m", "Vorschläge"),
    ("besluitvorming", "de", None, "Entscheidungsfindung", "f", None),
    ("moderator", "de", "moderatoren", "Moderator", "m", "Moderatoren"),
    ("kwaliteit", "de", "kwaliteiten", "Qualität", "f", "Qualitäten"),
    ("uitvoering", "de", None, "Umsetzung", "f", None),
    ("borging", "de", None, "Verstetigung", "f", None),
    ("continuïteit", "de", None, "Kontinuität", "f", None),
    ("samenhang", "de", None, "Zusammenhang", "m", None),
    ("consensus", "de", None, "Konsens", "m", None),
    ("conflict", "het", "conflicten", "Konflikt", "m", "Konflikte"),
    ("beeldvorming", "de", None, "Wahrnehmung", "f", None),
    ("grens", "de", "grenzen", "Grenze", "f", "Grenzen"),
    ("hogeschool", "de", "hogescholen", "Hochschule", "f", "Hochschulen"),
    ("onderzoek", "het", "onderzoeken", "Untersuchung", "f", "Untersuchungen"),
    ("kennis", "de", None, "Wissen", "n", None),
    ("competentie", "de", "competenties", "Kompetenz", "f", "Kompetenzen"),
    ("training", "de", "trainingen", "Schulung", "f", "Schulungen"),
    ("bewustwording", "de", None, "Sensibilisierung", "f", None),
    ("leefbaarheid", "de", None, "Lebensqualität", "f", None),
    ("cohesie", "de", None, "Zusammenhalt", "m", None),
    ("werkgelegenheid", "de", None, "Beschäftigung", "f", None),
    ("ondernemerschap", "het", None, "Unternehmertum", "n", None),
    ("stage", "de", "stages", "Praktikum", "n", "Praktika"),
    ("mentor", "de", "mentoren", "Mentor", "m", "Mentoren"),
    ("sleutelfiguur", "de", "sleutelfiguren", "Schlüsselperson", "f", "Schlüsselpersonen"),
    ("toegankelijkheid", "de", None, "Zugänglichkeit", "f", None),
    ("zuwanderingsbeleid", "het", None, "Zuwanderungspolitik", "f", None),
    ("ontmoeting", "de", "ontmoetingen", "Begegnung", "f", "Begegnungen"),
    ("meerjarenplan", "het", "meerjarenplannen", "Mehrjahresplan", "m", "Mehrjahrespläne"),
    ("kerngroep", "de", "kerngroepen", "Kerngruppe", "f", "Kerngruppen"),
    ("samenleving", "de", "samenlevingen", "Gesellschaft", "f", "Gesellschaften"),
    ("vakgebied", "het", "vakgebieden", "Fachbereich", "m", "Fachbereiche"),
    ("gemeentegrens", "de", "gemeentegrenzen", "Gemeindegrenze", "f", "Gemeindegrenzen"),
    ("procesbegeleiding", "de", None, "Prozessbegleitung", "f", None),
    ("taalvaardigheid", "de", None, "Sprachkompetenz", "f", None),
]

# Verbs (transitive): (nl 3sg, nl infinitive = plural, nl participle, de 3sg, de infinitive = plural, de participle).
VERBS = [
    ("ondersteunt", "ondersteunen", "ondersteund", "unterstützt", "unterstützen", "unterstützt"),
    ("versterkt", "versterken", "versterkt", "stärkt", "stärken", "gestärkt"),
    ("bevordert", "bevorderen", "bevorderd", "fördert", "fördern", "gefördert"),
    ("organiseert", "organiseren", "georganiseerd", "organisiert", "organisieren", "organisiert"),
    ("coördineert", "coördineren", "gecoördineerd", "koordiniert", "koordinieren", "koordiniert"),
    ("evalueert", "evalueren", "geëvalueerd", "evaluiert", "evaluieren", "evaluiert"),
    ("bespreekt", "bespreken", "besproken", "bespricht", "besprechen", "besprochen"),
    ("formuleert", "formuleren", "geformuleerd", "formuliert", "formulieren", "formuliert"),
    ("beschrijft", "beschrijven", "beschreven", "beschreibt", "beschreiben", "beschrieben"),
    ("verbetert", "verbeteren", "verbeterd", "verbessert", "verbessern", "verbessert"),
    ("betrekt", "betrekken", "betrokken", "beteiligt", "beteiligen", "beteiligt"),
    ("financiert", "financieren", "gefinancierd", "finanziert", "finanzieren", "finanziert"),
    ("creëert", "creëren", "gecreëerd", "schafft", "schaffen", "geschaffen"),
    ("bepaalt", "bepalen", "bepaald", "bestimmt", "bestimmen", "bestimmt"),
    ("begeleidt", "begeleiden", "begeleid", "begleitet", "begleiten", "begleitet"),
    ("versnelt", "versnellen", "versneld", "beschleunigt", "beschleunigen", "beschleunigt"),
    ("verankert", "verankeren", "verankerd", "verankert", "verankern", "verankert"),
    ("analyseert", "analyseren", "geanalyseerd", "analysiert", "analysieren", "analysiert"),
    ("ontwikkelt", "ontwikkelen", "ontwikkeld", "entwickelt", "entwickeln", "entwickelt"),
    ("vertaalt", "vertalen", "vertaald", "übersetzt", "übersetzen", "übersetzt"),
    ("waardeert", "waarderen", "gewaardeerd", "würdigt", "würdigen", "gewürdigt"),
    ("toetst", "toetsen", "getoetst", "prüft", "prüfen", "geprüft"),
    ("verbindt", "verbinden", "verbonden", "verbindet", "verbinden", "verbunden"),
    ("opent", "openen", "geopend", "öffnet", "öffnen", "geöffnet"),
    ("vergroot", "vergroten", "vergroot", "vergrößert", "vergrößern", "vergrößert"),
    ("benut", "benutten", "benut", "nutzt", "nutzen", "genutzt"),
    ("verduidelijkt", "verduidelijken", "verduidelijkt", "verdeutlicht", "verdeutlichen", "verdeutlicht"),
    ("beoordeelt", "beoordelen", "beoordeeld", "bewertet", "bewerten", "bewertet"),
    ("vereenvoudigt", "vereenvoudigen", "vereenvoudigd", "vereinfacht", "vereinfachen", "vereinfacht"),
    ("waarborgt", "waarborgen", "gewaarborgd", "gewährleistet", "gewährleisten", "gewährleistet"),
    ("structureert", "structureren", "gestructureerd", "strukturiert", "strukturieren", "strukturiert"),
    ("documenteert", "documenteren", "gedocumenteerd", "dokumentiert", "dokumentieren", "dokumentiert"),
    ("verzamelt", "verzamelen", "verzameld", "sammelt", "sammeln", "gesammelt"),
    ("presenteert", "presenteren", "gepresenteerd", "präsentiert", "präsentieren", "präsentiert"),
    ("herziet", "herzien", "herzien", "überarbeitet", "überarbeiten", "überarbeitet"),
    ("plant", "plannen", "gepland", "plant", "planen", "geplant"),
]

# Attributive adjectives: (nl base, nl inflected, de stem).
ADJS = [
    ("lokaal", "lokale", "lokal"),
    ("gemeentelijk", "gemeentelijke", "kommunal"),
    ("nieuw", "nieuwe", "neu"),
    ("belangrijk", "belangrijke", "wichtig"),
    ("gezamenlijk", "gezamenlijke", "gemeinsam"),
    ("duurzaam", "duurzame", "nachhaltig"),
    ("intercultureel", "interculturele", "interkulturell"),
    ("concreet", "concrete", "konkret"),
    ("structureel", "structurele", "strukturell"),
    ("actief", "actieve", "aktiv"),
    ("open", "open", "offen"),
    ("transparant", "transparante", "transparent"),
    ("helder", "heldere", "klar"),
    ("praktisch", "praktische", "praktisch"),
    ("politiek", "politieke", "politisch"),
    ("sociaal", "sociale", "sozial"),
    ("maatschappelijk", "maatschappelijke", "gesellschaftlich"),
    ("financieel", "financiële", "finanziell"),
    ("regionaal", "regionale", "regional"),
    ("grensoverschrijdend", "grensoverschrijdende", "grenzüberschreitend"),
    ("openbaar", "openbare", "öffentlich"),
    ("regelmatig", "regelmatige", "regelmäßig"),
    ("zichtbaar", "zichtbare", "sichtbar"),
    ("betrouwbaar", "betrouwbare", "verlässlich"),
    ("haalbaar", "haalbare", "machbar"),
    ("langdurig", "langdurige", "langfristig"),
    ("integraal", "integrale", "ganzheitlich"),
    ("interactief", "interactieve", "interaktiv"),
    ("democratisch", "democratische", "demokratisch"),
    ("bindend", "bindende", "verbindlich"),
    ("meertalig", "meertalige", "mehrsprachig"),
    ("toegankelijk", "toegankelijke", "zugänglich"),
    ("bestaand", "bestaande", "bestehend"),
    ("wederzijds", "wederzijdse", "gegenseitig"),
    ("succesvol", "succesvolle", "erfolgreich"),
    ("overdraagbaar", "overdraagbare", "übertragbar"),
    ("Duits", "Duitse", "deutsch"),
    ("Nederlands", "Nederlandse", "niederländisch"),
    ("stedelijk", "stedelijke", "städtisch"),
    ("zorgvuldig", "zorgvuldige", "sorgfältig"),
]

# Predicative adjectives: (nl, de).
PREDS = [
    ("belangrijk", "wichtig"), ("transparant", "transparent"), ("haalbaar", "machbar"),
    ("zichtbaar", "sichtbar"), ("succesvol", "erfolgreich"), ("duurzaam", "nachhaltig"),
    ("overdraagbaar", "übertragbar"), ("praktisch", "praktisch"), ("helder", "klar"),
    ("betrouwbaar", "verlässlich"), ("toegankelijk", "zugänglich"), ("noodzakelijk", "notwendig"),
    ("concreet", "konkret"), ("onmisbaar", "unverzichtbar"), ("waardevol", "wertvoll"),
]

# "It is X that ...": (nl, de).
IT_IS = [
    ("belangrijk", "wichtig"), ("duidelijk", "klar"), ("opvallend", "auffällig"),
    ("wenselijk", "wünschenswert"), ("noodzakelijk", "notwendig"), ("verstandig", "sinnvoll"),
    ("gebleken", "erwiesen"),
]

# Prepositions: (nl, de, German case).
PREPS = [
    ("in", "in", "dat"), ("met", "mit", "dat"), ("voor", "für", "acc"), ("naast", "neben", "dat"),
    ("door", "durch", "acc"), ("bij", "bei", "dat"), ("zonder", "ohne", "acc"), ("na", "nach", "dat"),
    ("over", "über", "acc"), ("volgens", "gemäß", "dat"), ("van", "von", "dat"), ("uit", "aus", "dat"),
]

# Sentence-initial adverbials that trigger verb-second inversion: (nl, de).
ADVERBIALS = [
    ("Daarom", "Deshalb"), ("Bovendien", "Außerdem"), ("Vervolgens", "Anschließend"),
    ("Tegelijkertijd", "Gleichzeitig"), ("In de praktijk", "In der Praxis"), ("Ook", "Auch"),
    ("Daarnaast", "Darüber hinaus"), ("In Almelo", "In Almelo"), ("In Münster", "In Münster"),
    ("Aan beide zijden van de grens", "Auf beiden Seiten der Grenze"), ("Meestal", "Meistens"),
    ("In de eerste fase", "In der ersten Phase"), ("Na afloop", "Im Anschluss"),
    ("Sinds de startbijeenkomst", "Seit der Auftaktveranstaltung"), ("Uiteindelijk", "Schließlich"),
]

MODALS = [  # (nl sg, nl pl, de sg, de pl)
    ("moet", "moeten", "muss", "müssen"), ("kan", "kunnen", "kann", "können"),
    ("wil", "willen", "will", "wollen"), ("mag", "mogen", "darf", "dürfen"),
]

CONJ_CAUSE = [("omdat", "weil"), ("zodat", "sodass"), ("terwijl", "während"), ("nadat", "nachdem")]

FIXED_HEADINGS = [
    ("Achtergrond", "Hintergrund"), ("Aanpak", "Vorgehen"), ("Doelgroepen", "Zielgruppen"),
    ("Resultaten", "Ergebnisse"), ("Randvoorwaarden", "Rahmenbedingungen"),
    ("Ervaringen in Almelo", "Erfahrungen in Almelo"), ("Ervaringen in Münster", "Erfahrungen in Münster"),
    ("Overdraagbaarheid", "Übertragbarkeit"), ("Valkuilen", "Stolpersteine"),
    ("Stappenplan", "Schritt für Schritt"), ("Evaluatie", "Evaluation"), ("Rolverdeling", "Rollenverteilung"),
    ("Kosten en financiering", "Kosten und Finanzierung"), ("Tijdpad", "Zeitplan"),
    ("Betrokken partijen", "Beteiligte"), ("Lessen voor andere gemeenten", "Lehren für andere Kommunen"),
]

PHASES = [
    ("Verkenning", "Erkundung"), ("Analyse", "Analyse"), ("Dialoog", "Dialog"),
    ("Besluitvorming", "Entscheidung"), ("Uitvoering", "Umsetzung"), ("Evaluatie", "Evaluation"),
    ("Borging", "Verstetigung"), ("Startbijeenkomst", "Auftakt"), ("Werkconferentie", "Fachkonferenz"),
]

UNITS = [("weken", "Wochen"), ("maanden", "Monate")]

LINK_SENTENCES = [
    ("Zie ook {l}.", "Siehe auch {l}."),
    ("Meer achtergrond biedt {l}.", "Mehr Hintergrund bietet {l}."),
    ("De werkwijze uit {l} is hier goed bruikbaar.", "Die Arbeitsweise aus {l} ist hier gut anwendbar."),
    ("Vergelijk dit met {l}.", "Vergleichen Sie dies mit {l}."),
    ("Het stappenplan in {l} sluit hierop aan.", "Der Stufenplan in {l} knüpft daran an."),
    ("Een uitgewerkt voorbeeld staat in {l}.", "Ein ausgearbeitetes Beispiel steht in {l}."),
]

TOP_SECTIONS = [  # (folder, nl title, de title, kind)
    ("modules", "Modules", "Module", "module"),
    ("methods", "Methoden", "Methoden", "method"),
    ("structures", "Structuren", "Strukturen", "structure"),
    ("practices", "Praktijkvoorbeelden", "Praxisbeispiele", "practice"),
]

TOPICS = [  # (folder, nl title, de title)
    ("onderwijs", "Onderwijs", "Bildung"), ("arbeid", "Arbeid en inkomen", "Arbeit und Einkommen"),
    ("wonen", "Wonen en wijk", "Wohnen und Quartier"), ("taal", "Taal", "Sprache"),
    ("gezondheid", "Gezondheid", "Gesundheit"), ("participatie", "Participatie", "Teilhabe"),
    ("cultuur", "Cultuur en ontmoeting", "Kultur und Begegnung"), ("sport", "Sport", "Sport"),
    ("veiligheid", "Veiligheid", "Sicherheit"), ("jeugd", "Jeugd", "Jugend"),
    ("ouderen", "Ouderen", "Ältere Menschen"), ("economie", "Economie", "Wirtschaft"),
    ("bestuur", "Bestuur", "Verwaltung"), ("communicatie", "Communicatie", "Öffentlichkeitsarbeit"),
    ("monitoring", "Monitoring", "Monitoring"), ("netwerken", "Netwerken", "Netzwerke"),
    ("vrijwilligers", "Vrijwilligers", "Ehrenamt"), ("religie", "Religie en levensbeschouwing", "Religion und Weltanschauung"),
    ("antidiscriminatie", "Antidiscriminatie", "Antidiskriminierung"), ("grensregio", "Grensregio", "Grenzregion"),
    ("financiering", "Financiering", "Finanzierung"), ("kwaliteit", "Kwaliteit", "Qualität"),
    ("opvang", "Opvang", "Aufnahme"), ("inburgering", "Inburgering", "Integrationskurse"),
]

POLICY_FIELDS = {  # key: (nl, de)
    "education": ("Onderwijs", "Bildung"), "labour": ("Arbeid", "Arbeit"), "housing": ("Wonen", "Wohnen"),
    "health": ("Gezondheid", "Gesundheit"), "language": ("Taal", "Sprache"),
    "participation": ("Participatie", "Teilhabe"), "culture": ("Cultuur", "Kultur"), "sports": ("Sport", "Sport"),
    "safety": ("Veiligheid", "Sicherheit"), "youth": ("Jeugd", "Jugend"), "economy": ("Economie", "Wirtschaft"),
    "antidiscrimination": ("Antidiscriminatie", "Antidiskriminierung"),
}
TARGET_GROUPS = {
    "newcomers": ("Nieuwkomers", "Neuzugewanderte"), "youth": ("Jongeren", "Jugendliche"),
    "women": ("Vrouwen", "Frauen"), "elderly": ("Ouderen", "Ältere"), "parents": ("Ouders", "Eltern"),
    "employers": ("Werkgevers", "Arbeitgeber"), "municipalities": ("Gemeenten", "Kommunen"),
    "associations": ("Verenigingen", "Vereine"), "volunteers": ("Vrijwilligers", "Ehrenamtliche"),
    "civil_servants": ("Ambtenaren", "Verwaltungsmitarbeitende"),
}
CITIES = {"muenster": ("Münster", "Münster"), "almelo": ("Almelo", "Almelo")}
TRANSFER_STATUS = ["planned", "adapting", "implemented", "not_transferable"]

DE_DEF = {  # case -> gender/number -> article
    "nom": {"m": "der", "f": "die", "n": "das", "pl": "die"},
    "acc": {"m": "den", "f": "die", "n": "das", "pl": "die"},
    "dat": {"m": "dem", "f": "der", "n": "dem", "pl": "den"},
}
DE_DEF_ADJ = {
    "nom": {"m": "e", "f": "e", "n": "e", "pl": "en"},
    "acc": {"m": "en", "f": "e", "n": "e", "pl": "en"},
    "dat": {"m": "en", "f": "en", "n": "en", "pl": "en"},
}
DE_INDEF = {
    "nom": {"m": "ein", "f": "eine", "n": "ein"},
    "acc": {"m": "einen", "f": "eine", "n": "ein"},
    "dat": {"m": "einem", "f": "einer", "n": "einem"},
}
DE_INDEF_ADJ = {
    "nom": {"m": "er", "f": "e", "n": "es"},
    "acc": {"m": "en", "f": "e", "n": "es"},
    "dat": {"m": "en", "f": "en", "n": "en"},
}
DE_STRONG_ADJ = {
    "nom": {"m": "er", "f": "e", "n": "es", "pl": "e"},
    "acc": {"m": "en", "f": "e", "n": "es", "pl": "e"},
    "dat": {"m": "em", "f": "er", "n": "em", "pl": "en"},
}
DE_CONTRACT = {("in", "dem"): "im", ("bei", "dem"): "beim", ("von", "dem"): "vom"}

COUNTABLE = [i for i, n in enumerate(NOUNS) if n[2] is not None]


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def slugify(text: str) -> str:
    """ASCII slug: 'Coördinatie in de wijk' -> 'coordinatie-in-de-wijk'."""
    norm = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    out, dash = [], False
    for ch in norm.lower():
        if unicodedata.combining(ch):
            continue
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


# ---------------------------------------------------------------------------
# Noun phrases, rendered from the same abstract slot in both languages.
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class NP:
    noun: int
    det: str  # "def" | "indef" | "none"
    adj: int | None
    plural: bool
    emph: str = ""  # "" | "*" | "**"

    def nl(self) -> str:
        n_sg, art, n_pl = NOUNS[self.noun][0], NOUNS[self.noun][1], NOUNS[self.noun][2]
        noun = n_pl if self.plural else n_sg
        het = art == "het" and not self.plural
        adj = ""
        if self.adj is not None:
            base, infl = ADJS[self.adj][0], ADJS[self.adj][1]
            adj = (base if (het and self.det in ("indef", "none")) else infl) + " "
        if self.det == "def":
            words = ("de " if self.plural else art + " ") + adj + noun
        elif self.det == "indef":
            words = "een " + adj + noun
        else:
            words = adj + noun
        return f"{self.emph}{words}{self.emph}" if self.emph else words

    def de(self, case: str, prep: str | None = None) -> str:
        _, _, _, n_sg, gender, n_pl = NOUNS[self.noun]
        g = "pl" if self.plural else gender
        if self.plural:
            noun = n_pl if (case != "dat" or n_pl.endswith(("n", "s", "a"))) else n_pl + "n"
        else:
            noun = n_sg
        stem = ADJS[self.adj][2] if self.adj is not None else None
        art = ""
        if self.det == "def":
            art = DE_DEF[case][g]
            adj = stem + DE_DEF_ADJ[case][g] if stem else ""
        elif self.det == "indef":
            art = DE_INDEF[case][g]
            adj = stem + DE_INDEF_ADJ[case][g] if stem else ""
        else:
            adj = stem + DE_STRONG_ADJ[case][g] if stem else ""
        lead = ""
        if prep is not None:
            contracted = DE_CONTRACT.get((prep.lower(), art))
            if contracted:
                lead = (cap(contracted) if prep[:1].isupper() else contracted) + " "
                art = ""
            else:
                lead = prep + " "
        words = " ".join(w for w in (art, adj, noun) if w)
        body = f"{self.emph}{words}{self.emph}" if self.emph else words
        return lead + body


def rand_np(rng: random.Random, det: str | None = None, emph_p: float = 0.06) -> NP:
    plural = rng.random() < 0.3
    noun = rng.choice(COUNTABLE) if plural else rng.randrange(len(NOUNS))
    countable = NOUNS[noun][2] is not None
    if det is None:
        r = rng.random()
        det = "def" if r < 0.7 else ("indef" if r < 0.85 else "none")
    if det == "indef" and (plural or not countable):
        det = "def"
    if det == "none" and not plural and countable:
        det = "def"
    adj = rng.randrange(len(ADJS)) if rng.random() < 0.4 else None
    e = rng.random()
    emph = "**" if e < emph_p / 3 else ("*" if e < emph_p else "")
    return NP(noun, det, adj, plural, emph)


def verb_forms(v: int, plural: bool) -> tuple[str, str]:
    nl3, nlpl, _, de3, depl, _ = VERBS[v]
    return (nlpl, depl) if plural else (nl3, de3)


def sentence(rng: random.Random) -> tuple[str, str]:
    """One abstract sentence rendered as (nl, de)."""
    t = rng.randrange(11)
    s, o = rand_np(rng), rand_np(rng)
    v = rng.randrange(len(VERBS))
    vnl, vde = verb_forms(v, s.plural)
    if t == 0:
        nl = f"{s.nl()} {vnl} {o.nl()}."
        de = f"{s.de('nom')} {vde} {o.de('acc')}."
    elif t == 1:
        p = rng.choice(PREPS)
        x = rand_np(rng)
        nl = f"{s.nl()} {vnl} {o.nl()} {p[0]} {x.nl()}."
        de = f"{s.de('nom')} {vde} {o.de('acc')} {x.de(p[2], p[1])}."
    elif t == 2:
        p = rng.choice(PREPS)
        x = rand_np(rng)
        nl = f"{cap(p[0])} {x.nl()} {vnl} {s.nl()} {o.nl()}."
        de = f"{x.de(p[2], cap(p[1]))} {vde} {s.de('nom')} {o.de('acc')}."
    elif t == 3:
        a = rng.choice(ADVERBIALS)
        nl = f"{a[0]} {vnl} {s.nl()} {o.nl()}."
        de = f"{a[1]} {vde} {s.de('nom')} {o.de('acc')}."
    elif t == 4:
        m = rng.choice(MODALS)
        nl = f"{s.nl()} {m[1] if s.plural else m[0]} {o.nl()} {VERBS[v][1]}."
        de = f"{s.de('nom')} {m[3] if s.plural else m[2]} {o.de('acc')} {VERBS[v][4]}."
    elif t == 5:
        a = rng.choice(IT_IS)
        nl = f"Het is {a[0]} dat {s.nl()} {o.nl()} {vnl}."
        de = f"Es ist {a[1]}, dass {s.de('nom')} {o.de('acc')} {vde}."
    elif t == 6:
        p = rng.choice(PREPS)
        x = rand_np(rng)
        nl = f"{cap(p[0])} {x.nl()} {'worden' if s.plural else 'wordt'} {s.nl()} {VERBS[v][2]}."
        de = f"{x.de(p[2], cap(p[1]))} {'werden' if s.plural else 'wird'} {s.de('nom')} {VERBS[v][5]}."
    elif t == 7:
        a = rng.choice(PREDS)
        nl = f"{s.nl()} {'zijn' if s.plural else 'is'} {a[0]}."
        de = f"{s.de('nom')} {'sind' if s.plural else 'ist'} {a[1]}."
    elif t == 8:
        s2 = rand_np(rng)
        nl = f"Zowel {s.nl()} als {s2.nl()} {VERBS[v][1]} {o.nl()}."
        de = f"Sowohl {s.de('nom')} als auch {s2.de('nom')} {VERBS[v][4]} {o.de('acc')}."
    elif t == 9:
        m = rng.choice(MODALS[:2])
        nl = f"Hoe {m[1] if s.plural else m[0]} {s.nl()} {o.nl()} {VERBS[v][1]}?"
        de = f"Wie {m[3] if s.plural else m[2]} {s.de('nom')} {o.de('acc')} {VERBS[v][4]}?"
    else:
        c = rng.choice(CONJ_CAUSE)
        s2, o2 = rand_np(rng), rand_np(rng)
        v2 = rng.randrange(len(VERBS))
        v2nl, v2de = verb_forms(v2, s2.plural)
        nl = f"{s.nl()} {vnl} {o.nl()}, {c[0]} {s2.nl()} {o2.nl()} {v2nl}."
        de = f"{s.de('nom')} {vde} {o.de('acc')}, {c[1]} {s2.de('nom')} {o2.de('acc')} {v2de}."
    return cap_sentence(nl), cap_sentence(de)


def cap_sentence(s: str) -> str:
    i = 0
    while i < len(s) and s[i] == "*":
        i += 1
    return s[:i] + s[i:i + 1].upper() + s[i + 1:]


def title_pair(rng: random.Random) -> tuple[str, str]:
    t = rng.randrange(5)
    a, b = rng.randrange(len(NOUNS)), rng.randrange(len(NOUNS))
    if t == 0:
        return cap(NOUNS[a][0]) + " en " + NOUNS[b][0], NOUNS[a][3] + " und " + NOUNS[b][3]
    if t == 1:
        np_ = NP(a, "none", rng.randrange(len(ADJS)), False)
        if NOUNS[a][2] is not None:
            np_ = NP(rng.choice(COUNTABLE), "none", np_.adj, True)
        return cap(np_.nl()), cap(np_.de("nom"))
    if t == 2:
        x = NP(b, "def", None, False)
        return cap(NOUNS[a][0]) + " in " + x.nl(), NOUNS[a][3] + " " + x.de("dat", "in")
    if t == 3:
        x = NP(b, "def", None, False)
        return cap(NOUNS[a][0]) + " voor " + x.nl(), NOUNS[a][3] + " " + x.de("acc", "für")
    c = rng.choice(COUNTABLE)
    x = NP(c, "none", None, True)
    return "Werken met " + x.nl(), "Arbeiten mit " + x.de("dat")


# ---------------------------------------------------------------------------
# Abstract corpus: blocks are ("p", [sentences]) etc.; a sentence is an (nl, de)
# pair or ("link", target_page_index, template_index).
# ---------------------------------------------------------------------------
@dataclass
class Section:
    path: str  # "" for home, "modules", "modules/onderwijs", ...
    title: tuple[str, str]
    kind: str
    weight: int
    intro: list = field(default_factory=list)
    children: list = field(default_factory=list)  # section paths
    pages: list = field(default_factory=list)  # page indices


@dataclass
class Page:
    index: int
    section: str
    slug: str
    title: tuple[str, str]
    summary: tuple[str, str]
    weight: int
    kind: str
    fields: list
    groups: list
    cities: list
    transfer: dict | None = None
    blocks: list = field(default_factory=list)
    links: int = 0

    @property
    def path(self) -> str:
        return posixpath.join(self.section, self.slug) if self.section else self.slug


def plan_sections(rng: random.Random, pairs: int) -> dict[str, Section]:
    """~4 sections per 1000 pages: 4 top-level sections, the rest nested below them."""
    pages = 2 * pairs
    total = max(4, round(4 * pages / 1000))
    secs: dict[str, Section] = {
        "": Section("", ("Handboek integratiebeleid", "Handbuch Integrationspolitik"), "page", 0)
    }
    per_top = [0] * 4
    for i in range(total - 4):
        per_top[i % 4] += 1
    for ti, (folder, nl, de, kind) in enumerate(TOP_SECTIONS):
        secs[folder] = Section(folder, (nl, de), kind, ti + 1)
        secs[""].children.append(folder)
        k = per_top[ti]
        if not k:
            continue
        direct = max(1, int(k ** 0.5 + 0.999))
        topics = list(range(len(TOPICS)))
        rng.shuffle(topics)
        parents = []
        for j in range(k):
            t_folder, t_nl, t_de = TOPICS[topics[j % len(TOPICS)]]
            rnd = j // len(TOPICS)
            if rnd:
                t_folder, t_nl, t_de = f"{t_folder}-{rnd + 1}", f"{t_nl} {rnd + 1}", f"{t_de} {rnd + 1}"
            parent = folder if j < direct else parents[(j - direct) % len(parents)]
            path = f"{parent}/{t_folder}"
            secs[path] = Section(path, (t_nl, t_de), kind, len(secs[parent].children) + 1)
            secs[parent].children.append(path)
            if j < direct:
                parents.append(path)
    for s in secs.values():
        s.intro = [paragraph(rng, rng.randint(3, 5))]
    return secs


def paragraph(rng: random.Random, n: int) -> tuple:
    return ("p", [sentence(rng) for _ in range(n)])


def plan_pages(rng: random.Random, pairs: int, secs: dict[str, Section]) -> list[Page]:
    holders = [p for p in sorted(secs) if p]
    order = [holders[i % len(holders)] for i in range(pairs)]
    rng.shuffle(order)
    used: set[str] = set()
    pages = []
    for i, spath in enumerate(order):
        title = title_pair(rng)
        base = slugify(title[0])[:60].strip("-")
        slug, n = base, 2
        taken = {posixpath.basename(c) for c in secs[spath].children}
        while f"{spath}/{slug}" in used or slug in taken:
            slug, n = f"{base}-{n}", n + 1
        used.add(f"{spath}/{slug}")
        summ = sentence(rng)
        sec = secs[spath]
        pf = rng.sample(sorted(POLICY_FIELDS), rng.randint(1, 3))
        tg = rng.sample(sorted(TARGET_GROUPS), rng.randint(1, 2))
        cities = sorted(rng.sample(sorted(CITIES), rng.randint(1, 2)))
        transfer = None
        if sec.kind == "practice":
            frm = rng.choice(sorted(CITIES))
            transfer = {
                "from": frm,
                "to": [c for c in sorted(CITIES) if c != frm],
                "status": rng.choice(TRANSFER_STATUS),
                "conditions": sentence(rng),
            }
        page = Page(i, spath, slug, title, summ, len(sec.pages) + 1, sec.kind, pf, tg, cities, transfer)
        sec.pages.append(i)
        pages.append(page)
    return pages


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def plan_body(rng: random.Random, page: Page, pages: list[Page], secs: dict[str, Section]) -> None:
    """Headings, paragraphs, lists, a table, maybe code, and 3-6 links; 600-900 Dutch words."""
    target = rng.randint(610, 840)
    same = secs[page.section].pages
    n_links = rng.randint(3, 6)
    targets: list[int] = []
    while len(targets) < n_links and len(pages) > 1:
        pool = same if (rng.random() < 0.5 and len(same) > 1) else None
        t = rng.choice(pool) if pool else rng.randrange(len(pages))
        if t != page.index and t not in targets:
            targets.append(t)
    see_also = targets[: rng.randint(0, min(2, len(targets)))]
    inline = targets[len(see_also):]

    blocks: list = []
    words = 0

    def add(block) -> bool:
        """Append a block; True once the page is long enough (checked after paragraphs from h = 4 on)."""
        nonlocal words
        blocks.append(block)
        words += block_words(block)
        return block[0] == "p" and h >= 4 and words >= target

    h = 0
    add(paragraph(rng, rng.randint(3, 5)))
    headings = rng.sample(range(len(FIXED_HEADINGS)), 6)
    has_code = rng.random() < 0.10
    table_at = rng.randint(1, 3)
    list_at = rng.randint(0, 2)
    code_at = rng.randint(1, 3)
    while h < 40:
        if h < len(headings) and rng.random() < 0.7:
            hn = FIXED_HEADINGS[headings[h]]
        else:
            hn = title_pair(rng)
        add(("h", 2, hn))
        if add(paragraph(rng, rng.randint(3, 6))):
            break
        if h == list_at:
            items = [rand_np(rng, det="def", emph_p=0.0) for _ in range(rng.randint(4, 7))]
            add(("ul", items))
        if h == list_at + 1:
            add(("ol", [(rand_np(rng, emph_p=0.0), rng.randrange(len(VERBS))) for _ in range(rng.randint(3, 6))]))
        if h == table_at:
            add(table(rng))
        if has_code and h == code_at:
            add(code(rng))
        if rng.random() < 0.35:
            add(("h", 3, title_pair(rng)))
            if add(paragraph(rng, rng.randint(2, 4))):
                break
        if rng.random() < 0.12:
            add(("quote", sentence(rng)))
        h += 1
    # Inline links: appended to random paragraphs (never the first, which is the lead).
    paras = [i for i, b in enumerate(blocks) if b[0] == "p"]
    for t in inline:
        bi = rng.choice(paras[1:] or paras)
        blocks[bi][1].append(("link", t, rng.randrange(len(LINK_SENTENCES)), rng.random() < 0.25))
    if see_also:
        blocks.append(("h", 2, ("Zie ook", "Siehe auch")))
        blocks.append(("links", [(t, rng.random() < 0.25) for t in see_also]))
    page.blocks = blocks
    page.links = len(targets)


def block_words(block) -> int:
    kind = block[0]
    if kind == "p":
        return sum(word_count(s[0]) for s in block[1] if s[0] != "link")
    if kind == "h":
        return word_count(block[2][0])
    if kind == "ul":
        return sum(word_count(np_.nl()) for np_ in block[1])
    if kind == "ol":
        return sum(word_count(np_.nl()) + 1 for np_, _ in block[1])
    if kind == "table":
        return sum(word_count(" ".join(r[0])) for r in block[2])
    if kind == "quote":
        return word_count(block[1][0])
    return 0


def table(rng: random.Random) -> tuple:
    if rng.random() < 0.5:
        head = (("Fase", "Verantwoordelijk", "Periode"), ("Phase", "Zuständig", "Zeitraum"))
        rows = []
        for ph in rng.sample(PHASES, rng.randint(3, 6)):
            who = NP(rng.randrange(len(NOUNS)), "def", None, False)
            u = rng.choice(UNITS)
            k = rng.randint(2, 12)
            rows.append(((ph[0], cap(who.nl()), f"{k} {u[0]}"), (ph[1], cap(who.de("nom")), f"{k} {u[1]}")))
    else:
        head = (("Indicator", "Nulmeting", "Streefwaarde"), ("Kennzahl", "Ausgangswert", "Zielwert"))
        rows = []
        for _ in range(rng.randint(3, 6)):
            n = NP(rng.choice(COUNTABLE), "none", rng.randrange(len(ADJS)), True)
            a = rng.randint(5, 60)
            b = a + rng.randint(5, 30)
            rows.append(((cap(n.nl()), f"{a} %", f"{b} %"), (cap(n.de("nom")), f"{a} %", f"{b} %")))
    return ("table", head, [r[0] for r in rows], [r[1] for r in rows])


def code(rng: random.Random) -> tuple:
    n = rng.randint(8, 60)
    y = rng.choice([2008, 2009, 2010, 2011])
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    ph = rng.choice(PHASES)
    style = rng.randrange(3)
    if style == 0:
        nl = (f'[bijeenkomst]\ndatum = "{y}-{m:02d}-{d:02d}"\ndeelnemers = {n}\nfase = "{ph[0]}"\n'
              f'talen = ["nl", "de"]\ntolk = {str(rng.random() < 0.5).lower()}')
        de = (f'[veranstaltung]\ndatum = "{y}-{m:02d}-{d:02d}"\nteilnehmende = {n}\nphase = "{ph[1]}"\n'
              f'sprachen = ["nl", "de"]\ndolmetscher = {str(rng.random() < 0.5).lower()}')
        return ("code", "toml", nl, de)
    if style == 1:
        nl = json.dumps({"indicator": "deelname", "jaar": y, "waarde": n, "fase": ph[0]}, ensure_ascii=False, indent=2)
        de = json.dumps({"kennzahl": "teilnahme", "jahr": y, "wert": n, "phase": ph[1]}, ensure_ascii=False, indent=2)
        return ("code", "json", nl, de)
    nl = f"agenda:\n  - opening\n  - {ph[0].lower()}\n  - rondvraag\ndeelnemers: {n}\nlocatie: wijkcentrum"
    de = f"tagesordnung:\n  - eröffnung\n  - {ph[1].lower()}\n  - verschiedenes\nteilnehmende: {n}\nort: stadtteilzentrum"
    return ("code", "yaml", nl, de)


def build_corpus(pairs: int, seed: int):
    rng = random.Random(seed)
    secs = plan_sections(rng, pairs)
    pages = plan_pages(rng, pairs, secs)
    for page in pages:
        plan_body(random.Random(f"{seed}/{page.index}"), page, pages, secs)
    return secs, pages


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------
class Flavor:
    name = ""
    langs = LANGS
    # Give each `##` heading the id of its Dutch text in every language, as a
    # brug handbook does so that its side-by-side views align the sections.
    shared_ids = False

    def __init__(self, secs: dict[str, Section], pages: list[Page]):
        self.secs, self.pages = secs, pages

    def file_for(self, page: Page, lang: str) -> str:
        raise NotImplementedError

    def link(self, src: Page, dst: Page, lang: str, explicit: bool) -> str:
        raise NotImplementedError

    def md_link(self, src: Page, t: int, lang: str, explicit: bool) -> str:
        dst = self.pages[t]
        return f"[{dst.title[LANGS.index(lang)]}]({self.link(src, dst, lang, explicit)})"

    def body(self, page: Page | None, blocks: list, lang: str) -> str:
        li = LANGS.index(lang)
        out = []
        # The ids the other headings get from their text, in either language.
        used = {slugify(t) for b in blocks if b[0] == "h" and b[1] != 2 for t in b[2][:2]}
        for b in blocks:
            k = b[0]
            if k == "p":
                parts = []
                for s in b[1]:
                    if s[0] == "link":
                        _, t, tmpl, explicit = s
                        parts.append(LINK_SENTENCES[tmpl][li].format(l=self.md_link(page, t, lang, explicit)))
                    else:
                        parts.append(s[li])
                out.append(" ".join(parts))
            elif k == "h":
                line = "#" * b[1] + " " + b[2][li]
                if self.shared_ids and b[1] == 2:
                    base = slugify(b[2][0]) or "h"
                    hid, n = base, 1
                    while hid in used:
                        n += 1
                        hid = f"{base}-{n}"
                    used.add(hid)
                    line += " {#" + hid + "}"
                out.append(line)
            elif k == "ul":
                out.append("\n".join("- " + cap(n.nl() if li == 0 else n.de("nom")) for n in b[1]))
            elif k == "ol":
                lines = []
                for i, (n, v) in enumerate(b[1], 1):
                    phrase = f"{n.nl()} {VERBS[v][1]}" if li == 0 else f"{n.de('acc')} {VERBS[v][4]}"
                    lines.append(f"{i}. {cap(phrase)}")
                out.append("\n".join(lines))
            elif k == "table":
                head, rows = b[1][li], b[2 + li]
                lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
                lines += ["| " + " | ".join(r) + " |" for r in rows]
                out.append("\n".join(lines))
            elif k == "code":
                out.append(f"```{b[1]}\n{b[2 + li]}\n```")
            elif k == "quote":
                out.append("> " + b[1][li])
            elif k == "links":
                out.append("\n".join("- " + self.md_link(page, t, lang, ex) for t, ex in b[1]))
        return "\n\n".join(out) + "\n"

    def write_all(self, out: str) -> int:
        n = 0
        for spath, sec in self.secs.items():
            for lang in self.langs:
                n += self.write_section(out, sec, lang)
        for page in self.pages:
            for lang in self.langs:
                path = os.path.join(out, self.file_for(page, lang))
                write(path, self.page_text(page, lang))
                n += 1
        self.write_config(out)
        return n

    def write_section(self, out: str, sec: Section, lang: str) -> int:
        raise NotImplementedError

    def page_text(self, page: Page, lang: str) -> str:
        raise NotImplementedError

    def write_config(self, out: str) -> None:
        pass


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


class Brug(Flavor):
    name = "brug"
    shared_ids = True

    def file_for(self, page: Page, lang: str) -> str:
        return f"content/{page.path}.{lang}.md"

    def link(self, src: Page, dst: Page, lang: str, explicit: bool) -> str:
        rel = posixpath.relpath(dst.path, src.section or ".")
        return f"{rel}.{lang}.md" if explicit else f"{rel}.md"

    def write_section(self, out, sec, lang):
        li = LANGS.index(lang)
        fm = [f"title = {toml_str(sec.title[li])}", f"weight = {sec.weight}"]
        if sec.path:
            fm.append(f'kind = "{sec.kind}"')
        path = os.path.join(out, "content", sec.path, f"_index.{lang}.md")
        write(path, "+++\n" + "\n".join(fm) + "\n+++\n\n" + self.body(None, sec.intro, lang))
        return 1

    def front_matter(self, page: Page, lang: str) -> list[str]:
        li = LANGS.index(lang)
        fm = [f"title = {toml_str(page.title[li])}", f"summary = {toml_str(page.summary[li])}",
              f"weight = {page.weight}", f'kind = "{page.kind}"', "", "[taxonomies]",
              "policy_fields = " + json.dumps(page.fields), "target_groups = " + json.dumps(page.groups),
              "cities = " + json.dumps(page.cities)]
        if page.transfer:
            t = page.transfer
            fm += ["", "[transfer]", f'from = "{t["from"]}"', "to = " + json.dumps(t["to"]),
                   f'status = "{t["status"]}"', f"conditions = {toml_str(t['conditions'][li])}"]
        return fm

    def page_text(self, page, lang):
        return "+++\n" + "\n".join(self.front_matter(page, lang)) + "\n+++\n\n" + self.body(page, page.blocks, lang)

    def write_config(self, out):
        lines = [
            "# Synthetic benchmark handbook written by gen_corpus.py.",
            'languages = ["nl", "de"]',
            'default_language = "nl"',
            'source_language = "nl"',
            f"base_url = {toml_str(BASE_URL)}",
            "",
            "[title]",
            f"nl = {toml_str(self.secs[''].title[0])}",
            f"de = {toml_str(self.secs[''].title[1])}",
            "",
            "[description]",
            f"nl = {toml_str(DESCRIPTION[0])}",
            f"de = {toml_str(DESCRIPTION[1])}",
        ]
        for key, (nl, de) in CITIES.items():
            lines += ["", f"[cities.{key}]", f"nl = {toml_str(nl)}", f"de = {toml_str(de)}"]
        for tax, terms in (("policy_fields", POLICY_FIELDS), ("target_groups", TARGET_GROUPS)):
            for key, (nl, de) in terms.items():
                lines += ["", f"[taxonomies.{tax}.{key}]", f"nl = {toml_str(nl)}", f"de = {toml_str(de)}"]
        write(os.path.join(out, "handbook.toml"), "\n".join(lines) + "\n")


def term_labels(page: Page, li: int) -> dict[str, list[str]]:
    return {
        "policy_fields": [POLICY_FIELDS[k][li] for k in page.fields],
        "target_groups": [TARGET_GROUPS[k][li] for k in page.groups],
        "cities": [CITIES[k][li] for k in page.cities],
    }


class Zola(Flavor):
    name = "zola"

    @staticmethod
    def fname(stem: str, lang: str) -> str:
        return f"{stem}.md" if lang == "nl" else f"{stem}.{lang}.md"

    def file_for(self, page, lang):
        return "content/" + self.fname(page.path, lang)

    def link(self, src, dst, lang, explicit):
        return "@/" + self.fname(dst.path, lang)

    def write_section(self, out, sec, lang):
        li = LANGS.index(lang)
        fm = [f"title = {toml_str(sec.title[li])}", 'sort_by = "weight"', f"weight = {sec.weight}"]
        if sec.path:
            fm += ["", "[extra]", f'kind = "{sec.kind}"']
        path = os.path.join(out, "content", sec.path, self.fname("_index", lang))
        write(path, "+++\n" + "\n".join(fm) + "\n+++\n\n" + self.body(None, sec.intro, lang))
        return 1

    def page_text(self, page, lang):
        li = LANGS.index(lang)
        fm = [f"title = {toml_str(page.title[li])}", f"description = {toml_str(page.summary[li])}",
              f"weight = {page.weight}", "", "[taxonomies]"]
        fm += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in term_labels(page, li).items()]
        fm += ["", "[extra]", f'kind = "{page.kind}"']
        if page.transfer:
            t = page.transfer
            fm += ["", "[extra.transfer]", f'from = "{t["from"]}"', "to = " + json.dumps(t["to"]),
                   f'status = "{t["status"]}"', f"conditions = {toml_str(t['conditions'][li])}"]
        return "+++\n" + "\n".join(fm) + "\n+++\n\n" + self.body(page, page.blocks, lang)

    def write_config(self, out):
        tax = '[{name = "policy_fields"}, {name = "target_groups"}, {name = "cities"}]'
        write(os.path.join(out, "config.toml"), f"""\
# Synthetic benchmark site written by gen_corpus.py.
base_url = "{BASE_URL}"
title = {toml_str(self.secs[''].title[0])}
default_language = "nl"
compile_sass = false
build_search_index = true
minify_html = true
taxonomies = {tax}

[search]
# elasticlunr-rs knows Dutch only as "du", so an "nl" index in the default
# elasticlunr format fails; Fuse JSON needs no stemmer and works for both.
index_format = "fuse_json"

[markdown.highlighting]
theme = "monokai"

[languages.de]
title = {toml_str(self.secs[''].title[1])}
build_search_index = true
taxonomies = {tax}
""")
        for name, text in ZOLA_TEMPLATES.items():
            write(os.path.join(out, "templates", name), text)


ZOLA_BASE = """\
<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
{% block alternates %}{% endblock alternates %}
</head>
<body>
<header><a href="{{ config.base_url }}/{% if lang != config.default_language %}{{ lang }}/{% endif %}">{{ config.title }}</a>
<form role="search"><input type="search" name="q" aria-label="Zoeken / Suchen"></form>
<nav class="lang">{% block langswitch %}{% endblock langswitch %}</nav>
</header>
<main>{% block content %}{% endblock content %}</main>
<div id="search-results"></div>
</body>
</html>
"""

ZOLA_ALTERNATES = """\
{% block alternates %}{% for t in THING.translations %}{% if t.lang != lang %}\
<link rel="alternate" hreflang="{{ t.lang }}" href="{{ t.permalink }}">{% endif %}{% endfor %}{% endblock alternates %}
{% block langswitch %}{% for t in THING.translations %}{% if t.lang != lang %}\
<a hreflang="{{ t.lang }}" href="{{ t.permalink }}">{{ t.lang | upper }}</a>{% endif %}{% endfor %}{% endblock langswitch %}
"""

ZOLA_SECTION = """\
{% extends "base.html" %}
{% block title %}{{ section.title }}{% endblock title %}
""" + ZOLA_ALTERNATES.replace("THING", "section") + """\
{% block content %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
{% if section.subsections %}<ul class="sections">{% for s in section.subsections %}\
{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>\
{% endfor %}</ul>{% endif %}
{% if section.pages %}<ul class="pages">{% for p in section.pages %}\
<li><a href="{{ p.permalink }}">{{ p.title }}</a>{% if p.description %} – {{ p.description }}{% endif %}</li>\
{% endfor %}</ul>{% endif %}
{% endblock content %}
"""

ZOLA_PAGE = """\
{% extends "base.html" %}
{% block title %}{{ page.title }}{% endblock title %}
""" + ZOLA_ALTERNATES.replace("THING", "page") + """\
{% block content %}
<article>
<h1>{{ page.title }}</h1>
{% if page.description %}<p class="summary">{{ page.description }}</p>{% endif %}
{{ page.content | safe }}
{% for tax, terms in page.taxonomies %}<ul class="terms">{% for t in terms %}\
<li><a href="{{ get_taxonomy_url(kind=tax, name=t, lang=lang) }}">{{ t }}</a></li>{% endfor %}</ul>{% endfor %}
</article>
{% endblock content %}
"""

ZOLA_TAXONOMY_LIST = """\
{% extends "base.html" %}
{% block content %}<h1>{{ taxonomy.name }}</h1>
<ul>{% for term in terms %}<li><a href="{{ term.permalink }}">{{ term.name }}</a> ({{ term.pages | length }})</li>{% endfor %}</ul>
{% endblock content %}
"""

ZOLA_TAXONOMY_SINGLE = """\
{% extends "base.html" %}
{% block content %}<h1>{{ term.name }}</h1>
<ul>{% for p in term.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>{% endfor %}</ul>
{% endblock content %}
"""

ZOLA_TEMPLATES = {
    "base.html": ZOLA_BASE,
    "index.html": ZOLA_SECTION,
    "section.html": ZOLA_SECTION,
    "page.html": ZOLA_PAGE,
    "taxonomy_list.html": ZOLA_TAXONOMY_LIST,
    "taxonomy_single.html": ZOLA_TAXONOMY_SINGLE,
}


class Hugo(Flavor):
    name = "hugo"

    def file_for(self, page, lang):
        return f"content/{page.path}.{lang}.md"

    @staticmethod
    def url(page: Page, lang: str) -> str:
        return f"/{lang}/{page.path}/"

    def link(self, src, dst, lang, explicit):
        return posixpath.relpath(self.url(dst, lang), self.url(src, lang)) + "/"

    def write_section(self, out, sec, lang):
        li = LANGS.index(lang)
        fm = [f"title = {toml_str(sec.title[li])}", f"weight = {sec.weight}"]
        if sec.path:
            fm.append(f'handbook_kind = "{sec.kind}"')
        path = os.path.join(out, "content", sec.path, f"_index.{lang}.md")
        write(path, "+++\n" + "\n".join(fm) + "\n+++\n\n" + self.body(None, sec.intro, lang))
        return 1

    def page_text(self, page, lang):
        li = LANGS.index(lang)
        fm = [f"title = {toml_str(page.title[li])}", f"summary = {toml_str(page.summary[li])}",
              f"weight = {page.weight}", f'handbook_kind = "{page.kind}"']
        fm += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in term_labels(page, li).items()]
        if page.transfer:
            t = page.transfer
            fm += ["", "[transfer]", f'from = "{t["from"]}"', "to = " + json.dumps(t["to"]),
                   f'status = "{t["status"]}"', f"conditions = {toml_str(t['conditions'][li])}"]
        return "+++\n" + "\n".join(fm) + "\n+++\n\n" + self.body(page, page.blocks, lang)

    def write_config(self, out):
        write(os.path.join(out, "config.toml"), f"""\
# Synthetic benchmark site written by gen_corpus.py.
baseURL = "{BASE_URL}/"
title = {toml_str(self.secs[''].title[0])}
defaultContentLanguage = "nl"
defaultContentLanguageInSubdir = true
# Zola and brug write no feeds by default; keep the work comparable.
disableKinds = ["RSS"]

[minify]
minifyOutput = true

[taxonomies]
policy_field = "policy_fields"
target_group = "target_groups"
city = "cities"

[languages.nl]
languageName = "Nederlands"
title = {toml_str(self.secs[''].title[0])}
weight = 1

[languages.de]
languageName = "Deutsch"
title = {toml_str(self.secs[''].title[1])}
weight = 2
""")
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(out, "layouts", "_default", name), text)


HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ .Site.Home.Permalink }}">{{ .Site.Title }}</a>
<form role="search"><input type="search" name="q" aria-label="Zoeken / Suchen"></form>
<nav class="lang">{{ range .Translations }}<a hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ upper .Lang }}</a>{{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<div id="search-results"></div>
</body>
</html>
""",
    "single.html": """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
{{ range $tax, $_ := .Site.Taxonomies }}{{ with $.GetTerms $tax }}<ul class="terms">{{ range . }}\
<li><a href="{{ .Permalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
</article>{{ end }}
""",
    "list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ with .Sections }}<ul class="sections">{{ range . }}<li><a href="{{ .Permalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
{{ with .RegularPages }}<ul class="pages">{{ range . }}<li><a href="{{ .Permalink }}">{{ .Title }}</a>\
{{ with .Params.summary }} – {{ . }}{{ end }}</li>{{ end }}</ul>{{ end }}
{{ end }}
""",
}


class MdBook(Flavor):
    """Dutch half only: mdBook builds one language per book."""

    name = "mdbook"
    langs = ("nl",)

    def file_for(self, page, lang):
        return f"src/{page.path}.md"

    def link(self, src, dst, lang, explicit):
        return posixpath.relpath(dst.path, src.section or ".") + ".md"

    def readme(self, sec: Section) -> str:
        return posixpath.join(sec.path, "README.md") if sec.path else "README.md"

    def write_section(self, out, sec, lang):
        write(os.path.join(out, "src", self.readme(sec)), f"# {sec.title[0]}\n\n" + self.body(None, sec.intro, lang))
        return 1

    def page_text(self, page, lang):
        return f"# {page.title[0]}\n\n*{page.summary[0]}*\n\n" + self.body(page, page.blocks, lang)

    def write_config(self, out):
        write(os.path.join(out, "book.toml"), f"""\
# Synthetic benchmark book (Dutch half) written by gen_corpus.py.
[book]
title = {toml_str(self.secs[''].title[0])}
language = "nl"
src = "src"
""")
        lines = ["# Summary", "", f"[{self.secs[''].title[0]}](README.md)", ""]

        def walk(spath: str, depth: int) -> None:
            sec = self.secs[spath]
            lines.append("  " * depth + f"- [{sec.title[0]}]({self.readme(sec)})")
            for child in sec.children:
                walk(child, depth + 1)
            for i in sec.pages:
                p = self.pages[i]
                lines.append("  " * (depth + 1) + f"- [{p.title[0]}]({p.path}.md)")

        for top in self.secs[""].children:
            walk(top, 0)
        write(os.path.join(out, "src", "SUMMARY.md"), "\n".join(lines) + "\n")


FLAVORS = {f.name: f for f in (Brug, Zola, Hugo, MdBook)}


def prepare_out(out: str) -> None:
    """Write into an empty folder, or replace one this script wrote before; touch nothing else."""
    if os.path.exists(out):
        if not os.path.isdir(out):
            sys.exit(f"gen_corpus: {out} exists and is not a folder")
        if os.listdir(out):
            if not os.path.exists(os.path.join(out, MARKER)):
                sys.exit(f"gen_corpus: {out} is not empty and was not written by gen_corpus.py; "
                         "choose an empty or new folder")
            shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, required=True, help="number of nl/de page pairs (pages = 2 x pairs)")
    ap.add_argument("--out", required=True, help="output folder (created; replaced if gen_corpus.py wrote it)")
    ap.add_argument("--flavor", choices=sorted(FLAVORS), default="brug")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.pairs < 7:
        ap.error("--pairs must be at least 7 (fewer pages cannot give every page 3-6 distinct link targets)")
    t0 = time.monotonic()
    secs, pages = build_corpus(args.pairs, args.seed)
    prepare_out(args.out)
    flavor = FLAVORS[args.flavor](secs, pages)
    n = flavor.write_all(args.out)
    with open(os.path.join(args.out, MARKER), "w", encoding="utf-8") as f:
        f.write(f"pairs={args.pairs} seed={args.seed} flavor={args.flavor}\n")
    nl_words = [sum(block_words(b) for b in p.blocks) for p in pages]
    links = sum(p.links for p in pages)
    print(f"gen_corpus: {args.flavor} pairs={args.pairs} seed={args.seed} sections={len(secs) - 1} "
          f"markdown_files={n} nl_words/page min={min(nl_words)} median={sorted(nl_words)[len(nl_words) // 2]} "
          f"max={max(nl_words)} links/page={links / len(pages):.1f} code_pages="
          f"{sum(1 for p in pages if any(b[0] == 'code' for b in p.blocks))} "
          f"in {time.monotonic() - t0:.1f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
