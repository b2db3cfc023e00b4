"""German for the interop app (imports, admin upload)."""

GERMAN = {
    "Import entries": "Einträge importieren",
    "File": "Datei",
    "Format": "Format",
    "Source name": "Name der Quelle",
    "Re-imports of the same source update their entries. Default: kvm, csv or geojson.": "Erneute Importe derselben Quelle aktualisieren deren Einträge. "
    "Standard: kvm, csv oder geojson.",
    "Tag mapping (TOML)": "Zuordnung der Schlagwörter (TOML)",
    "Optional; replaces the shipped mapping.": "Optional; ersetzt die mitgelieferte Zuordnung.",
    "Dry run (check only, save nothing)": "Probelauf (nur prüfen, nichts speichern)",
    "The file has %(size).1f MB; at most %(limit).0f MB can be imported at once.": "Die Datei hat %(size).1f MB; höchstens %(limit).0f MB können auf einmal importiert "
    "werden.",
    "source": "Quelle",
    "id in the source": "Kennung in der Quelle",
    "imported": "importiert",
    "content hash": "Inhalts-Prüfsumme",
    "imported entry": "importierter Eintrag",
    "imported entries": "importierte Einträge",
    "Home": "Start",
    "Dry run: nothing was saved": "Probelauf: nichts wurde gespeichert",
    "Import done": "Import abgeschlossen",
    "New": "Neu",
    "Updated": "Aktualisiert",
    "Unchanged": "Unverändert",
    "Duplicates (not created)": "Dubletten (nicht angelegt)",
    "Rejected": "Abgelehnt",
    "Line": "Zeile",
    "Name": "Name",
    "Existing entry": "Vorhandener Eintrag",
    "Reason": "Grund",
    "Warnings": "Hinweise",
    "Note": "Hinweis",
    "New and updated": "Neu und aktualisiert",
    "Import": "Importieren",
    # Import reports and errors (readers.py, services.py)
    "cannot read %(file)s: %(error)s": "%(file)s kann nicht gelesen werden: %(error)s",
    "the file has %(size).1f MB; at most %(limit).0f MB can be imported at once (setting "
    "IMPORT_MAX_BYTES). Split it into smaller files.": "die Datei hat %(size).1f MB; höchstens %(limit).0f MB können auf einmal importiert "
    "werden (Einstellung IMPORT_MAX_BYTES). Teile sie in kleinere Dateien auf.",
    "the file is larger than %(limit).0f MB (setting IMPORT_MAX_BYTES). Split it into "
    "smaller files.": "die Datei ist größer als %(limit).0f MB (Einstellung IMPORT_MAX_BYTES). Teile sie in "
    "kleinere Dateien auf.",
    "the file is not UTF-8 encoded (byte 0x%(byte)02x on line %(line)s). Save it as UTF-8 "
    "(in Excel: “CSV UTF-8”) and import it again.": "die Datei ist nicht UTF-8-kodiert (Byte 0x%(byte)02x in Zeile %(line)s). Speichere "
    "sie als UTF-8 (in Excel: „CSV UTF-8“) und importiere sie erneut.",
    "unknown format “%(fmt)s”; use one of %(formats)s": "unbekanntes Format „%(fmt)s“; möglich sind %(formats)s",
    "the file is empty": "die Datei ist leer",
    "not a readable CSV file: %(error)s": "keine lesbare CSV-Datei: %(error)s",
    "a Karte-von-morgen CSV export": "einen CSV-Export der Karte von morgen",
    "the platform's CSV export (/api/v1/export/initiatives.csv)": "den CSV-Export dieser Plattform (/api/v1/export/initiatives.csv)",
    "missing columns: %(missing)s. Expected %(expected)s with the columns %(required)s (and "
    "more).": "fehlende Spalten: %(missing)s. Erwartet wird %(expected)s mit den Spalten "
    "%(required)s (und weiteren).",
    "line %(line)s: broken CSV (%(error)s)": "Zeile %(line)s: fehlerhaftes CSV (%(error)s)",
    "the row has %(fields)s fields, the header %(header)s": "die Zeile hat %(fields)s Felder, die Kopfzeile %(header)s",
    "not valid JSON (line %(line)s: %(error)s)": "kein gültiges JSON (Zeile %(line)s: %(error)s)",
    "expected a GeoJSON FeatureCollection, found “%(found)s”": "erwartet wird eine GeoJSON-FeatureCollection, gefunden „%(found)s“",
    "the FeatureCollection has no “features” list": "die FeatureCollection hat keine Liste „features“",
    "%(name)s “%(value)s” is not a number": "%(name)s „%(value)s“ ist keine Zahl",
    "%(name)s %(value)s is out of range (-%(limit)s to %(limit)s)": "%(name)s %(value)s liegt außerhalb des Bereichs (-%(limit)s bis %(limit)s)",
    "unknown data licence %(licence)s; expected ODbL-1.0 or CC0-1.0": "unbekannte Datenlizenz %(licence)s; erwartet ODbL-1.0 oder CC0-1.0",
    "website “%(url)s” is not a valid address and was left out": "Website „%(url)s“ ist keine gültige Adresse und wurde weggelassen",
    "the contact e-mail is not valid and was left out": "die Kontakt-E-Mail ist ungültig und wurde weggelassen",
    "founding date “%(value)s” not understood and left out": "Gründungsdatum „%(value)s“ nicht verstanden und weggelassen",
    "founding year %(year)s left out": "Gründungsjahr %(year)s weggelassen",
    "a company (KVM category “Unternehmen”); set import_companies = true in the mapping file "
    "to import companies": "ein Unternehmen (KVM-Kategorie „Unternehmen“); setze import_companies = true in der "
    "Zuordnungsdatei, um Unternehmen zu importieren",
    "the title is empty": "der Titel ist leer",
    "“%(value)s” is not an ISO 8601 timestamp": "„%(value)s“ ist kein Zeitpunkt nach ISO 8601",
    "the name is empty": "der Name ist leer",
    "SDG “%(value)s” is not a number from 1 to 17": "SDG „%(value)s“ ist keine Zahl von 1 bis 17",
    "no category": "keine Kategorie",
    "not a GeoJSON Feature": "kein GeoJSON-Feature",
    "the geometry is not a Point": "die Geometrie ist kein Punkt",
    "new": "neu",
    "updated": "aktualisiert",
    "unchanged": "unverändert",
    "duplicates": "Dubletten",
    "rejected": "abgelehnt",
    "DRY RUN, nothing saved.": "PROBELAUF, nichts gespeichert.",
    "Import from %(source)s (%(fmt)s):": "Import aus %(source)s (%(fmt)s):",
    "line %(line)s": "Zeile %(line)s",
    "%(name)s looks like %(slug)s (same %(why)s)": "%(name)s ähnelt %(slug)s (gleich: %(why)s)",
    "latitude or longitude is missing": "Breiten- oder Längengrad fehlt",
    "no coordinates, and the address could not be located (give lat/lng or a German postcode)": "keine Koordinaten, und die Adresse ließ sich nicht verorten (gib lat/lng oder eine "
    "deutsche Postleitzahl an)",
    "placed at the centre of postcode area %(postcode)s; check the point": "in die Mitte des Postleitzahlgebiets %(postcode)s gesetzt; prüfe den Punkt",
    "unknown categories: %(slugs)s": "unbekannte Kategorien: %(slugs)s",
    "id %(id)s appears twice in the file (first on line %(line)s)": "Kennung %(id)s kommt doppelt in der Datei vor (zuerst in Zeile %(line)s)",
}
