"""German for the interop app (imports, admin upload)."""

GERMAN = {
    "Import entries": "Einträge importieren",
    "File": "Datei",
    "Format": "Format",
    "Source name": "Name der Quelle",
    "Re-imports of the same source update their entries. Default: kvm, csv or geojson.":
        "Erneute Importe derselben Quelle aktualisieren deren Einträge. "
        "Standard: kvm, csv oder geojson.",
    "Tag mapping (TOML)": "Zuordnung der Schlagwörter (TOML)",
    "Optional; replaces the shipped mapping.": "Optional; ersetzt die mitgelieferte Zuordnung.",
    "Dry run (check only, save nothing)": "Probelauf (nur prüfen, nichts speichern)",
    "The file has %(size).1f MB; at most %(limit).0f MB can be imported at once.":
        "Die Datei hat %(size).1f MB; höchstens %(limit).0f MB können auf einmal importiert "
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
}
