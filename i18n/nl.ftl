# Interface strings, Dutch. Every id here must also exist in de.ftl.
language-name = Nederlands
skip-to-content = Direct naar de inhoud
nav-main = Hoofdnavigatie
nav-breadcrumbs = Kruimelpad
nav-languages = Taalkeuze
nav-section = In deze sectie
nav-pagination = Vorige en volgende pagina
nav-toc = Inhoud van deze pagina
map-title = Inhoud van het handboek
map-contents = Pagina's in { $title }
map-all = Alle { $count } pagina's in { $title }
home = Startpagina
search-label = Zoeken in het handboek
search-button = Zoeken
search-nojs = Zoeken werkt met JavaScript. Zonder JavaScript vindt u alle onderwerpen in het overzicht van alle pagina's.
prev = Vorige
next = Volgende
updated = Bijgewerkt op { $date }
pages-count = { $count ->
    [one] 1 pagina
   *[other] { $count } pagina's
}
sections-title = Onderdelen
pages-title = Pagina's in deze sectie
notice-outdated = Deze vertaling is mogelijk verouderd: het origineel is gewijzigd nadat deze tekst werd vertaald.
notice-missing = Deze pagina bestaat nog niet in het Nederlands.
notice-read-original = Lees de actuele versie in het { $language }:
kind-module = Module
kind-method = Methode
kind-structure = Structuur
kind-practice = Overdraagbare praktijk
kind-page = Pagina
taxonomy-policy_fields = Beleidsvelden
taxonomy-target_groups = Doelgroepen
taxonomy-cities = Steden
transfer-title = Overdracht
transfer-from = Afkomstig uit
transfer-from-unstated = niet vermeld
transfer-to = Bestemd voor
transfer-status = Stand van zaken
transfer-conditions = Voorwaarden
status-proposed = Voorgesteld
status-planned = Gepland
status-adapting = Wordt aangepast
status-implemented = Ingevoerd
status-not_transferable = Niet overdraagbaar
not-found-title = Pagina niet gevonden
not-found-text = Deze pagina bestaat niet (meer). Misschien is ze verplaatst of hernoemd.
not-found-home = Naar de startpagina
index-title = Alle pagina's
index-intro = Alle pagina's van het handboek op alfabetische volgorde.
chooser-title = Kies uw taal
chooser-intro = Dit handboek is er in het Nederlands en in het Duits.
# The footer: the handbook's description from handbook.toml.
footer-text = { $description }
missing-marker = (nog niet vertaald)
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
date-format = { $day } { $month } { $year }
lang-nl = Nederlands
lang-de = Duits
xref-relies-on = Methoden en structuren waarop deze praktijk steunt
xref-used-by = Praktijken die hierop steunen
xref-referenced-by = Pagina's die hiernaar verwijzen
xref-related = Gerelateerde pagina's
nav-browse = Bladeren op kenmerk
slug-transfer = overdracht
slug-taxonomies = kenmerken
transfer-overview-title = Overdracht van praktijken
transfer-overview-intro = Welke praktijk uit welke stad komt, voor welke stad zij bedoeld is, hoe ver de overdracht is en onder welke voorwaarden.
transfer-table-title = Alle overdraagbare praktijken
transfer-col-practice = Praktijk
transfer-origin = Herkomst
transfer-none = niet betrokken
transfer-count = { $shown } van { $total } praktijken getoond
filter-field = Beleidsveld
filter-status = Stand van zaken
filter-all = Alle
diagram-title = Overdrachten tussen de steden
diagram-desc = Elke overdraagbare praktijk als vak tussen de steden: een pijl van de stad van herkomst naar de praktijk, als die herkomst vermeld is, en een pijl naar elke stad waarvoor zij bestemd is, met de stand van zaken als tekst. De tabel op deze pagina bevat dezelfde gegevens.
diagram-caption = Elk vak verwijst naar de pagina van de praktijk. De lijnstijl en de tekst in het vak geven de stand van zaken; de tabel hierboven bevat dezelfde gegevens als tekst.
diagram-too-large = Het diagram wordt getoond tot { $max } praktijken; dit handboek heeft er meer. De tabel hierboven bevat ze allemaal.
taxonomy-intro = Alle kenmerken met het aantal pagina's waarop ze voorkomen.
term-intro = { $count ->
    [one] 1 pagina heeft dit kenmerk.
   *[other] { $count } pagina's hebben dit kenmerk.
}
kinds-module = Modules
kinds-method = Methoden
kinds-structure = Structuren
kinds-practice = Overdraagbare praktijken
kinds-page = Overige pagina's
glossary-uses = Gebruikt in:
search-loading = De zoekindex wordt geladen…
search-failed = De zoekindex kon niet worden geladen.
search-none = Geen resultaten.
search-suggest = Bedoelde u { $q }?
search-count = { $n } resultaten
search-all = Alle { $n } resultaten tonen
search-both = Ook in het Duits zoeken
search-results = Zoekresultaten
index-all = Alle pagina's van A tot Z
readme-file = LEESMIJ.txt
readme-text =
    { $title }

    Dit is een offline kopie van het handboek. U hebt geen internet en geen
    server nodig.

    Zo opent u het:
    1. Pak het zip-bestand helemaal uit (bijvoorbeeld met "Alles uitpakken").
    2. Open in de uitgepakte map het bestand index.html in uw webbrowser.
    3. Kies Nederlands of Duits. Zoeken, de taalkeuze en alle links werken
       ook zonder internet.

    Het hele handboek staat ook als pdf in de map: { $pdf }.
    Dat bestand kunt u afdrukken of doorsturen.

    SHA256SUMS bevat een controlegetal voor elk bestand, zodat u kunt nagaan
    of de kopie volledig en ongewijzigd is.
slug-print = afdrukken
print-title = Het hele handboek
print-intro = Alle pagina's van het handboek achter elkaar, om af te drukken of als pdf op te slaan (Ctrl+P). Elk hoofdstuk begint op een nieuwe pagina.
print-link = Afdrukken
pdf-link = Handboek als pdf ({ $size })
decimal-separator = { "," }
pdf-diagram-caption = De lijnstijl en de tekst in elk vak geven de stand van zaken; de tabel hierboven bevat dezelfde gegevens als tekst.
pdf-contents = Inhoud
# Alleen brug serve: de melding over de pagina na een mislukte build.
serve-failed-title = De laatste wijziging bevat fouten
serve-failed-kept = U ziet de laatste versie zonder fouten. Na het herstel verdwijnt deze melding vanzelf.
serve-close = Sluiten
serve-hint = Tip

# Every page of a `brug build --draft`.
draft-banner = Concept: deze site is gebouwd ondanks fouten in het handboek (zie de uitvoer van brug). Niet publiceren.
serve-status-link = Vertaalstatus
serve-status-title = Vertaalstatus
serve-status-intro = Zo staan de vertalingen ervoor. Deze pagina hoort bij de voorvertoning en wordt niet gepubliceerd; zij werkt zich bij zodra u een bestand opslaat.
serve-status-progress = { $complete } van { $total } pagina's compleet
serve-status-counts = Compleet: { $complete } · ontbreekt: { $missing } · verouderd: { $outdated }
serve-status-todo = Nog te doen
serve-status-none = Alle pagina's bestaan in elke taal en zijn bijgewerkt.
serve-status-page = Pagina
serve-status-current = compleet
serve-status-missing = ontbreekt
serve-status-outdated = verouderd
serve-status-original = origineel
serve-status-what-changed = Wat veranderde er?
serve-status-changes = Wat er in het origineel veranderde
serve-status-stamped = Sinds commit { $commit } van { $date }, de versie waartegen de vertaling is gestempeld.
serve-status-renamed = Het origineel heette toen { $file }.
serve-status-spacing = Alleen regeleinden of spaties zijn veranderd; stempel de vertaling opnieuw.
serve-status-title-changed = Titel gewijzigd
serve-status-changed = Alinea { $n } gewijzigd
serve-status-added = Alinea { $n } toegevoegd
serve-status-removed = Alinea { $n } van de gestempelde tekst verwijderd
serve-status-after = na „{ $text }”
serve-status-sentence-removed = weg:
serve-status-sentence-added = nieuw:
serve-status-all = Alle pagina's ({ $count })
serve-status-why-unstamped = Deze vertaling heeft geen stempel (translated_from), dus brug weet niet van welke versie zij is vertaald. Stempel haar zodra zij bij het origineel past: brug status --stamp { $file }
serve-status-why-no-repository = Het handboek staat niet in een git-repository, dus de gestempelde tekst is niet terug te vinden. Zet het handboek onder git en stempel na het committen.
serve-status-why-no-commit = De repository heeft nog geen commit. Commit het handboek en stempel daarna.
serve-status-why-not-committed = Geen gecommitte versie van het origineel heeft de gestempelde hash: er is gestempeld op tekst die nooit is gecommit. Vergelijk de twee versies met de hand en stempel opnieuw nadat het origineel is gecommit.
serve-status-why-shallow = De geschiedenis van deze kopie is ingekort (shallow clone). Haal de hele geschiedenis op met git fetch --unshallow.
serve-status-why-git = De git-geschiedenis kon niet worden gelezen: { $detail }
serve-status-section = „{ $text }”
slug-side = naast-elkaar
side-link = Naast elkaar
side-title = Naast elkaar
side-missing = Dit deel ontbreekt in het { $language }.
side-column = { $language }: { $title }
