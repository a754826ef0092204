# Oberflächentexte, Deutsch. Jede ID hier muss auch in nl.ftl stehen.
language-name = Deutsch
skip-to-content = Direkt zum Inhalt
nav-main = Hauptnavigation
nav-breadcrumbs = Brotkrümelnavigation
nav-languages = Sprachauswahl
nav-section = In diesem Abschnitt
nav-pagination = Vorige und nächste Seite
nav-toc = Inhalt dieser Seite
map-title = Inhalt des Handbuchs
map-contents = Seiten in { $title }
map-all = Alle { $count } Seiten in { $title }
home = Startseite
search-label = Im Handbuch suchen
search-button = Suchen
search-nojs = Die Suche braucht JavaScript. Ohne JavaScript finden Sie alle Themen in der Übersicht aller Seiten.
prev = Zurück
next = Weiter
updated = Aktualisiert am { $date }
pages-count = { $count ->
    [one] 1 Seite
   *[other] { $count } Seiten
}
sections-title = Bereiche
pages-title = Seiten in diesem Abschnitt
notice-outdated = Diese Übersetzung ist möglicherweise veraltet: Das Original wurde geändert, nachdem dieser Text übersetzt wurde.
notice-missing = Diese Seite gibt es noch nicht auf Deutsch.
notice-read-original = Lesen Sie die aktuelle Fassung auf { $language }:
kind-module = Modul
kind-method = Methode
kind-structure = Struktur
kind-practice = Übertragbare Praxis
kind-page = Seite
taxonomy-policy_fields = Politikfelder
taxonomy-target_groups = Zielgruppen
taxonomy-cities = Städte
transfer-title = Transfer
transfer-from = Herkunft
transfer-from-unstated = nicht angegeben
transfer-to = Vorgesehen für
transfer-status = Stand
transfer-conditions = Voraussetzungen
status-proposed = Vorgeschlagen
status-planned = Geplant
status-adapting = Wird angepasst
status-implemented = Umgesetzt
status-not_transferable = Nicht übertragbar
not-found-title = Seite nicht gefunden
not-found-text = Diese Seite gibt es nicht (mehr). Vielleicht wurde sie verschoben oder umbenannt.
not-found-home = Zur Startseite
index-title = Alle Seiten
index-intro = Alle Seiten des Handbuchs in alphabetischer Reihenfolge.
chooser-title = Sprache wählen
chooser-intro = Dieses Handbuch gibt es auf Niederländisch und auf Deutsch.
# The footer: the handbook's description from handbook.toml.
footer-text = { $description }
missing-marker = (noch nicht übersetzt)
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
date-format = { $day }. { $month } { $year }
lang-nl = Niederländisch
lang-de = Deutsch
xref-relies-on = Methoden und Strukturen, auf die diese Praxis baut
xref-used-by = Praxisbeispiele, die hierauf aufbauen
xref-referenced-by = Seiten, die hierauf verweisen
xref-related = Verwandte Seiten
nav-browse = Nach Merkmal stöbern
slug-transfer = transfer
slug-taxonomies = merkmale
transfer-overview-title = Transfer der Praxisbeispiele
transfer-overview-intro = Welches Praxisbeispiel aus welcher Stadt stammt, für welche Stadt es gedacht ist, wie weit der Transfer ist und unter welchen Bedingungen.
transfer-table-title = Alle übertragbaren Praxisbeispiele
transfer-col-practice = Praxisbeispiel
transfer-origin = Herkunft
transfer-none = nicht beteiligt
transfer-count = { $shown } von { $total } Praxisbeispielen angezeigt
filter-field = Politikfeld
filter-status = Stand
filter-all = Alle
diagram-title = Transfers zwischen den Städten
diagram-desc = Jedes übertragbare Praxisbeispiel als Feld zwischen den Städten: ein Pfeil von der Herkunftsstadt zum Praxisbeispiel, sofern die Herkunft angegeben ist, und ein Pfeil zu jeder Stadt, für die es vorgesehen ist, mit dem Stand als Text. Die Tabelle auf dieser Seite enthält dieselben Angaben.
diagram-caption = Jedes Feld führt zur Seite des Praxisbeispiels. Linienart und Text im Feld geben den Stand an; die Tabelle oben enthält dieselben Angaben als Text.
diagram-too-large = Das Diagramm wird bis zu { $max } Praxisbeispielen gezeigt; dieses Handbuch hat mehr. Die Tabelle oben enthält alle.
taxonomy-intro = Alle Merkmale mit der Zahl der Seiten, auf denen sie vorkommen.
term-intro = { $count ->
    [one] 1 Seite hat dieses Merkmal.
   *[other] { $count } Seiten haben dieses Merkmal.
}
kinds-module = Module
kinds-method = Methoden
kinds-structure = Strukturen
kinds-practice = Übertragbare Praxisbeispiele
kinds-page = Weitere Seiten
glossary-uses = Verwendet in:
search-loading = Der Suchindex wird geladen …
search-failed = Der Suchindex konnte nicht geladen werden.
search-none = Keine Ergebnisse.
search-suggest = Meinten Sie { $q }?
search-count = { $n } Ergebnisse
search-all = Alle { $n } Ergebnisse anzeigen
search-both = Auch auf Niederländisch suchen
search-results = Suchergebnisse
index-all = Alle Seiten von A bis Z
readme-file = LIESMICH.txt
readme-text =
    { $title }

    Dies ist eine Offline-Kopie des Handbuchs. Sie brauchen weder Internet
    noch einen Server.

    So öffnen Sie sie:
    1. Entpacken Sie die ZIP-Datei vollständig (zum Beispiel mit "Alle
       extrahieren").
    2. Öffnen Sie im entpackten Ordner die Datei index.html in Ihrem
       Webbrowser.
    3. Wählen Sie Niederländisch oder Deutsch. Suche, Sprachwahl und alle
       Links funktionieren auch ohne Internet.

    Das ganze Handbuch liegt auch als PDF im Ordner: { $pdf }.
    Diese Datei können Sie drucken oder weitergeben.

    SHA256SUMS enthält eine Prüfsumme für jede Datei, mit der Sie prüfen
    können, ob die Kopie vollständig und unverändert ist.
slug-print = drucken
print-title = Das ganze Handbuch
print-intro = Alle Seiten des Handbuchs hintereinander, zum Drucken oder Speichern als PDF (Strg+P). Jedes Kapitel beginnt auf einer neuen Seite.
print-link = Drucken
pdf-link = Handbuch als PDF ({ $size })
decimal-separator = { "," }
pdf-diagram-caption = Linienart und Text im Feld geben den Stand an; die Tabelle oben enthält dieselben Angaben als Text.
pdf-contents = Inhalt
# Nur brug serve: die Meldung über der Seite nach einem fehlgeschlagenen Build.
serve-failed-title = Die letzte Änderung enthält Fehler
serve-failed-kept = Sie sehen die letzte fehlerfreie Fassung. Nach der Korrektur verschwindet diese Meldung von selbst.
serve-close = Schließen
serve-hint = Tipp

# Every page of a `brug build --draft`.
draft-banner = Entwurf: Diese Website wurde trotz Fehlern im Handbuch erstellt (siehe die Ausgabe von brug). Nicht veröffentlichen.
serve-status-link = Übersetzungsstand
serve-status-title = Übersetzungsstand
serve-status-intro = So steht es um die Übersetzungen. Diese Seite gehört zur Vorschau und wird nicht veröffentlicht; sie aktualisiert sich, sobald Sie eine Datei speichern.
serve-status-progress = { $complete } von { $total } Seiten vollständig
serve-status-counts = Vollständig: { $complete } · fehlt: { $missing } · veraltet: { $outdated }
serve-status-todo = Noch zu tun
serve-status-none = Alle Seiten gibt es in jeder Sprache, und alle sind aktuell.
serve-status-page = Seite
serve-status-current = vollständig
serve-status-missing = fehlt
serve-status-outdated = veraltet
serve-status-original = Original
serve-status-what-changed = Was hat sich geändert?
serve-status-changes = Was sich im Original geändert hat
serve-status-stamped = Seit Commit { $commit } vom { $date }, der Fassung, gegen die die Übersetzung gestempelt wurde.
serve-status-renamed = Das Original hieß damals { $file }.
serve-status-spacing = Nur Zeilenumbrüche oder Leerzeichen haben sich geändert; stempeln Sie die Übersetzung erneut.
serve-status-title-changed = Titel geändert
serve-status-changed = Absatz { $n } geändert
serve-status-added = Absatz { $n } hinzugefügt
serve-status-removed = Absatz { $n } des gestempelten Textes entfernt
serve-status-after = nach „{ $text }“
serve-status-sentence-removed = entfernt:
serve-status-sentence-added = neu:
serve-status-all = Alle Seiten ({ $count })
serve-status-why-unstamped = Diese Übersetzung hat keinen Stempel (translated_from), daher weiß brug nicht, aus welcher Fassung sie übersetzt wurde. Stempeln Sie sie, sobald sie zum Original passt: brug status --stamp { $file }
serve-status-why-no-repository = Das Handbuch liegt in keinem Git-Repository, daher ist der gestempelte Text nicht auffindbar. Stellen Sie das Handbuch unter Git und stempeln Sie nach dem Commit.
serve-status-why-no-commit = Das Repository hat noch keinen Commit. Committen Sie das Handbuch und stempeln Sie danach.
serve-status-why-not-committed = Keine committete Fassung des Originals hat den gestempelten Hash: Gestempelt wurde auf nie committetem Text. Vergleichen Sie beide Fassungen von Hand und stempeln Sie erneut, nachdem das Original committet ist.
serve-status-why-shallow = Die Geschichte dieser Kopie ist gekürzt (shallow clone). Holen Sie die ganze Geschichte mit git fetch --unshallow.
serve-status-why-git = Die Git-Geschichte konnte nicht gelesen werden: { $detail }
serve-status-section = „{ $text }“
slug-side = nebeneinander
side-link = Nebeneinander
side-title = Nebeneinander
side-missing = Dieser Teil fehlt auf { $language }.
side-column = { $language }: { $title }
