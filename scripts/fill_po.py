"""Fill empty German msgstr entries of locale/de from GERMAN below (run by `make messages`).

Kept tiny on purpose: a translator edits the .po file directly; this only seeds new strings
the developers added, so the German UI never shows English by accident.
"""

import re
import sys
from pathlib import Path

GERMAN = {
    "draft": "Entwurf", "pending review": "in Prüfung", "published": "veröffentlicht",
    "archived": "archiviert", "name": "Name", "short description": "Kurzbeschreibung",
    "One or two sentences, at most 250 characters.": "Ein bis zwei Sätze, höchstens 250 Zeichen.",
    "description": "Beschreibung", "Markdown": "Markdown", "categories": "Kategorien",
    "SDGs": "Nachhaltigkeitsziele", "tags": "Schlagwörter", "street and number": "Straße und Hausnummer",
    "postcode": "Postleitzahl", "city": "Ort", "latitude": "Breitengrad", "longitude": "Längengrad",
    "municipality": "Kommune", "contact e-mail": "Kontakt-E-Mail", "phone": "Telefon",
    "website": "Website", "social media links": "Links zu sozialen Medien",
    "meeting / opening times": "Treffen / Öffnungszeiten", "how to join in": "So machst du mit",
    "founded": "gegründet", "status": "Status", "data licence": "Datenlizenz",
    "created": "erstellt", "updated": "aktualisiert", "last confirmed": "zuletzt bestätigt",
    "initiative": "Initiative", "initiatives": "Initiativen",
    "The filter “%(param)s” was ignored: %(message)s":
        "Der Filter „%(param)s“ wurde ignoriert: %(message)s",
    "in the visible map area": "im Kartenausschnitt",
    "No initiative matches. Try fewer filters or another place.":
        "Keine Initiative gefunden. Versuche weniger Filter oder einen anderen Ort.",
    "Result pages": "Ergebnisseiten", "Previous": "Zurück", "Page %(n)s of %(total)s":
        "Seite %(n)s von %(total)s", "Next": "Weiter", "Map": "Karte",
    "How to join in": "So machst du mit", "Meeting and opening times": "Treffen und Öffnungszeiten",
    "Sustainable Development Goals": "Nachhaltigkeitsziele (SDGs)", "Tags": "Schlagwörter",
    "Location of %(name)s": "Lage von %(name)s", "Address": "Adresse", "Municipality": "Kommune",
    "Website": "Website", "Phone": "Telefon", "Social media": "Soziale Medien",
    "Founded": "Gegründet", "Last confirmed": "Zuletzt bestätigt", "Data licence": "Datenlizenz",
    "Join in: sustainability initiatives near you":
        "Mitmachen: Initiativen für Nachhaltigkeit in deiner Nähe",
    "Initiatives for sustainability": "Initiativen für Nachhaltigkeit", "Search": "Suchen",
    "e.g. repair café, Köln, garden": "z. B. Repair Café, Köln, Garten",
    "e.g. Bochum or 05911000": "z. B. Bochum oder 05911000", "Categories": "Kategorien",
    "Apply filters": "Filter anwenden", "Reset": "Zurücksetzen", "Map of initiatives":
        "Karte der Initiativen", "More": "Mehr erfahren",
    "The list next to the map shows the same initiatives as text.":
        "Die Liste neben der Karte zeigt dieselben Initiativen als Text.",
    "Municipalities": "Kommunen", "AGS": "AGS",
    "Model municipality “Global Nachhaltige Kommune”": "Modellkommune „Global Nachhaltige Kommune“",
    "Sustainability contact": "Ansprechperson Nachhaltigkeit", "By category": "Nach Kategorie",
    "By Sustainable Development Goal": "Nach Nachhaltigkeitsziel", "Initiatives": "Initiativen",
    "Map of initiatives in %(name)s": "Karte der Initiativen in %(name)s",
    "The AGS must be exactly 8 digits.": "Der AGS muss genau 8 Ziffern haben.",
    "The AGS must start with a state code from 01 to 16.":
        "Der AGS muss mit einer Länderkennung von 01 bis 16 beginnen.",
    "8-digit official municipality key (Amtlicher Gemeindeschlüssel)":
        "8-stelliger Amtlicher Gemeindeschlüssel",
    "type": "Art", "district": "Kreis", "district key": "Kreisschlüssel", "state": "Bundesland",
    "area in km²": "Fläche in km²", "boundary": "Gemeindegrenze",
    "GeoJSON Polygon or MultiPolygon": "GeoJSON-Polygon oder -MultiPolygon",
    "sustainability contact": "Ansprechperson Nachhaltigkeit",
    "Office or person for sustainability management, shown publicly":
        "Stelle oder Person für das Nachhaltigkeitsmanagement, öffentlich sichtbar",
    "model municipality (Global Nachhaltige Kommune)": "Modellkommune (Global Nachhaltige Kommune)",
    "municipalities": "Kommunen",
    "Find a municipality (name, district or AGS)": "Kommune finden (Name, Kreis oder AGS)",
    "Only municipalities with initiatives": "Nur Kommunen mit Initiativen",
    "All municipalities": "Alle Kommunen",
    "Municipalities and their number of initiatives": "Kommunen und ihre Anzahl an Initiativen",
    "District": "Kreis", "State": "Bundesland", "No municipality found.": "Keine Kommune gefunden.",
    "German": "Deutsch", "English": "Englisch", "Enter a colour as #RRGGBB.":
        "Gib eine Farbe als #RRGGBB an.", "name (German)": "Name (deutsch)",
    "name (English)": "Name (englisch)", "colour": "Farbe", "icon": "Symbol",
    "category": "Kategorie", "short title (German)": "Kurztitel (deutsch)",
    "short title (English)": "Kurztitel (englisch)", "SDG": "Nachhaltigkeitsziel", "tag": "Schlagwort",
    "Find citizen initiatives for sustainability near you and join in.":
        "Finde Initiativen für Nachhaltigkeit in deiner Nähe und mach mit.",
    "Skip to content": "Zum Inhalt springen", "Main navigation": "Hauptnavigation", "API": "API",
    "Language": "Sprache", "Switch": "Wechseln",
    "Municipality boundaries and keys:": "Gemeindegrenzen und -schlüssel:",
    "Map data:": "Kartendaten:",
    "{count} initiatives: select to zoom in": "{count} Initiativen: zum Vergrößern auswählen",
}
PLURALS = {
    "%(counter)s initiative": ("%(counter)s Initiative", "%(counter)s Initiativen"),
}


def fill(path: Path, extra: dict | None = None) -> int:
    table = {**GERMAN, **(extra or {})}
    text = path.read_text(encoding="utf-8")
    filled = 0

    def single(match):
        nonlocal filled
        msgid = match.group(2)
        if msgid in table:
            filled += 1
            return f'{match.group(1)}msgid "{msgid}"\nmsgstr "{table[msgid]}"'
        return match.group(0)

    text = re.sub(r'(^|\n)msgid "((?:[^"\\]|\\.)+)"\nmsgstr ""(?=\n)', single, text)

    def plural(match):
        nonlocal filled
        msgid = match.group(1)
        if msgid in PLURALS:
            filled += 1
            one, many = PLURALS[msgid]
            return (f'msgid "{msgid}"\nmsgid_plural "{match.group(2)}"\n'
                    f'msgstr[0] "{one}"\nmsgstr[1] "{many}"')
        return match.group(0)

    text = re.sub(r'msgid "([^"]+)"\nmsgid_plural "([^"]+)"\nmsgstr\[0\] ""\nmsgstr\[1\] ""',
                  plural, text)
    text = text.replace("#, fuzzy\n", "", 1) if "Plural-Forms" in text else text
    path.write_text(text, encoding="utf-8")
    return filled


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(f"{arg}: {fill(Path(arg))} filled")
