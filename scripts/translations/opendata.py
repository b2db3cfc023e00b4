"""German for the opendata app (documentation page, field list)."""

GERMAN = {
    "Open data": "Offene Daten",
    "All published initiatives and events as open data: CSV, GeoJSON and JSON-LD, with "
    "DCAT-AP.de catalogue metadata.": "Alle veröffentlichten Initiativen und Veranstaltungen als offene Daten: CSV, GeoJSON "
    "und JSON-LD, mit Katalog-Metadaten nach DCAT-AP.de.",
    "Everything published on this platform can be downloaded and reused: %(count)s "
    "initiatives, %(cc0_count)s of them under CC0.": "Alles, was auf dieser Plattform veröffentlicht ist, kann heruntergeladen und "
    "weiterverwendet werden: %(count)s Initiativen, davon %(cc0_count)s unter CC0.",
    "Last change:": "Letzte Änderung:",
    "No personal contact data is part of any export: no e-mail addresses, no phone numbers, "
    "no contact names.": "Kein Export enthält persönliche Kontaktdaten: keine E-Mail-Adressen, keine "
    "Telefonnummern, keine Namen von Ansprechpersonen.",
    "Downloads": "Downloads",
    "Data": "Daten",
    "Format": "Format",
    "Catalogue": "Katalog",
    "Initiatives": "Initiativen",
    "The initiative exports take the filters of the API: <code>q</code>, <code>bbox</code> "
    "(west,south,east,north), <code>category</code>, <code>sdg</code>, "
    "<code>municipality</code> (slug or AGS), <code>tag</code>, and "
    "<code>licence=cc0</code> or <code>licence=odbl</code> for the entries of one licence.": "Die Exporte der Initiativen nehmen die Filter der API: <code>q</code>, "
    "<code>bbox</code> (West,Süd,Ost,Nord), <code>category</code>, <code>sdg</code>, "
    "<code>municipality</code> (Kurzname oder AGS), <code>tag</code> sowie "
    "<code>licence=cc0</code> oder <code>licence=odbl</code> für die Einträge einer Lizenz.",
    "Exports are streamed and complete. They carry an ETag and Last-Modified, so harvesters "
    "can ask with If-None-Match or If-Modified-Since and get “304 Not Modified” while "
    "nothing changed.": "Die Exporte sind vollständig und werden gestreamt. Sie tragen ETag und "
    "Last-Modified: Harvester können mit If-None-Match oder If-Modified-Since fragen und "
    "erhalten „304 Not Modified“, solange sich nichts geändert hat.",
    "Licences": "Lizenzen",
    # Quotes inside HTML are written as in the .po file (escaped).
    "Each entry carries its own data licence, chosen when it was entered (as in Karte von "
    'morgen): the <a href=\\"https://opendatacommons.org/licenses/odbl/1-0/\\">Open Database '
    'License (ODbL 1.0)</a> or <a href=\\"https://creativecommons.org/publicdomain/zero/1.0/\\">'
    "CC0 1.0</a>. The field <code>data_licence</code> names it in every row.": "Jeder Eintrag hat seine eigene Datenlizenz, gewählt bei der Eingabe (wie bei der "
    'Karte von morgen): die <a href=\\"https://opendatacommons.org/licenses/odbl/1-0/\\">'
    'Open Database License (ODbL 1.0)</a> oder <a href=\\"https://creativecommons.org/'
    'publicdomain/zero/1.0/\\">CC0 1.0</a>. Das Feld <code>data_licence</code> nennt sie '
    "in jeder Zeile.",
    "The complete export contains ODbL entries and is therefore licensed under the ODbL: "
    "name the source “%(SITE_NAME)s” with a link, and share adapted databases alike. The "
    "subset <code>?licence=cc0</code> is free of any condition.": "Der vollständige Export enthält ODbL-Einträge und steht daher unter der ODbL: Nenne "
    "die Quelle „%(SITE_NAME)s“ mit Link und gib veränderte Datenbanken unter gleichen "
    "Bedingungen weiter. Die Teilmenge <code>?licence=cc0</code> ist frei von jeder "
    "Bedingung.",
    "Fields": "Felder",
    "CSV: UTF-8, comma-separated, one line per initiative; lists within one cell are "
    "separated by “%(list_separator)s”. GeoJSON: one Point feature per initiative with the "
    "same fields as properties. JSON-LD: one schema.org Organization per initiative in an "
    "@graph.": "CSV: UTF-8, durch Kommas getrennt, eine Zeile je Initiative; Listen innerhalb einer "
    "Zelle sind durch „%(list_separator)s“ getrennt. GeoJSON: ein Punkt-Feature je "
    "Initiative mit denselben Feldern als Eigenschaften. JSON-LD: eine schema.org-"
    "Organization je Initiative in einem @graph.",
    "Field": "Feld",
    "Type": "Typ",
    "Meaning": "Bedeutung",
    "Catalogue for open-data portals": "Katalog für Open-Data-Portale",
    "The catalogue describes the data sets in DCAT-AP.de, the metadata standard of GovData "
    "and the open-data portals of the federal states and municipalities. Portals can harvest "
    "it from the address above.": "Der Katalog beschreibt die Datensätze in DCAT-AP.de, dem Metadatenstandard von "
    "GovData und den Open-Data-Portalen der Länder und Kommunen. Portale können ihn unter "
    "der Adresse oben abrufen (harvesten).",
    "A read API in the shapes of Karte von morgen (OpenFairDB) lets existing widgets and "
    "scripts read this platform: <code>/api/kvm/search?bbox=south,west,north,east</code> and "
    "<code>/api/kvm/entries/{ids}</code>. It never returns contact data.": "Eine Lese-API in den Formen der Karte von morgen (OpenFairDB) erlaubt vorhandenen "
    "Widgets und Skripten, diese Plattform zu lesen: "
    "<code>/api/kvm/search?bbox=Süd,West,Nord,Ost</code> und "
    "<code>/api/kvm/entries/{ids}</code>. Sie liefert nie Kontaktdaten.",
    "number": "Zahl",
    "text": "Text",
    "list": "Liste",
    "timestamp": "Zeitpunkt",
    "Identifier of the entry on this platform (stable)": "Kennung des Eintrags auf dieser Plattform (stabil)",
    "Short name in the address of the entry's page": "Kurzname in der Adresse der Eintragsseite",
    "Name of the initiative": "Name der Initiative",
    "Short description, at most 250 characters": "Kurzbeschreibung, höchstens 250 Zeichen",
    "Full description": "Ausführliche Beschreibung",
    "Categories as short codes, e.g. repair, food": "Kategorien als Kürzel, z. B. repair, food",
    "Numbers of the Sustainable Development Goals (1–17)": "Nummern der Nachhaltigkeitsziele (1–17)",
    "Tags": "Schlagwörter",
    "Street and number": "Straße und Hausnummer",
    "Postcode": "Postleitzahl",
    "City": "Ort",
    "Latitude (WGS 84)": "Breitengrad (WGS 84)",
    "Longitude (WGS 84)": "Längengrad (WGS 84)",
    "Official municipality key (AGS, 8 digits)": "Amtlicher Gemeindeschlüssel (AGS, 8 Ziffern)",
    "Name of the municipality": "Name der Kommune",
    "Website of the initiative": "Website der Initiative",
    "Meeting and opening times (free text)": "Treffen und Öffnungszeiten (Freitext)",
    "How to join in": "So machst du mit",
    "Year founded": "Gründungsjahr",
    "Last confirmed as up to date (ISO 8601)": "Zuletzt als aktuell bestätigt (ISO 8601)",
    "Last change (ISO 8601)": "Letzte Änderung (ISO 8601)",
    "Licence of this entry: ODbL-1.0 or CC0-1.0": "Lizenz dieses Eintrags: ODbL-1.0 oder CC0-1.0",
    "Page of the entry on this platform": "Seite des Eintrags auf dieser Plattform",
    "Open data": "Offene Daten",
}
