# German for the SDG report, the network view, the strategy and the SDG targets.
GERMAN = {
    "SDG report": "SDG-Bericht",
    "Solved needs": "Gelöste Bedarfe",
    "target": "Unterziel",
    "set by": "festgelegt von",
    "strategy priority": "Strategieschwerpunkt",
    "strategy priorities": "Strategieschwerpunkte",
    "Only the municipality's sustainability management may change its strategy.": "Nur das Nachhaltigkeitsmanagement der Kommune darf ihre Strategie ändern.",
    "There is no SDG %(goal)s.": "Es gibt kein SDG %(goal)s.",
    "There is no SDG target %(numbers)s.": "Es gibt kein SDG-Unterziel %(numbers)s.",
    "Cooperation network %(name)s": "Kooperationsnetzwerk %(name)s",
    "Print": "Drucken",
    "member of a working group": "Mitglied einer Arbeitsgruppe",
    "Connections": "Verbindungen",
    "To": "Nach",
    "Goals": "Ziele",
    "No confirmed cooperations yet.": "Noch keine bestätigten Kooperationen.",
    "SDG report %(name)s": "SDG-Bericht %(name)s",
    "What the civic landscape of %(name)s contributes to the 17 Sustainable Development "
    "Goals, beside the municipal strategy.": "Was die Zivilgesellschaft in %(name)s zu den 17 Nachhaltigkeitszielen beiträgt, "
    "neben der kommunalen Strategie.",
    "As of %(day)s": "Stand: %(day)s",
    "Report": "Bericht",
    "Download CSV": "CSV herunterladen",
    "Cooperation network": "Kooperationsnetzwerk",
    "Initiatives on the map": "Initiativen auf der Karte",
    "Edit strategy priorities": "Strategieschwerpunkte bearbeiten",
    "Strategy and civic activity": "Strategie und zivilgesellschaftliches Engagement",
    "No strategy priorities have been entered for this municipality yet.": "Für diese Kommune sind noch keine Strategieschwerpunkte eingetragen.",
    "Prioritised goals with little civic activity": "Priorisierte Ziele mit wenig zivilgesellschaftlichem Engagement",
    "none": "keine",
    "Prioritised goals without cooperation partners": "Priorisierte Ziele ohne Kooperationspartner",
    "Active fields the strategy lacks": "Aktive Felder, die der Strategie fehlen",
    "The 17 goals": "Die 17 Ziele",
    "Civic activity per goal: counts of distinct initiatives, events, active confirmed "
    "cooperations and working groups that name the goal. ★ = prioritised in the municipal "
    "strategy.": "Engagement je Ziel: Anzahl der Initiativen, Veranstaltungen, laufenden bestätigten "
    "Kooperationen und Arbeitsgruppen, die das Ziel nennen. ★ = in der kommunalen "
    "Strategie priorisiert.",
    "Goal": "Ziel",
    "Strategy": "Strategie",
    "Total": "Summe",
    "Chart": "Diagramm",
    "Initiatives cooperating on it": "Initiativen, die dazu kooperieren",
    "prioritised": "priorisiert",
    "Source": "Quelle",
    "SDG colours and numbering: United Nations.": "Farben und Nummerierung der SDGs: Vereinte Nationen.",
    "Strategy priorities": "Strategieschwerpunkte",
    "Strategy priorities %(name)s": "Strategieschwerpunkte %(name)s",
    "Prioritised goals": "Priorisierte Ziele",
    "Prioritised targets (official numbers, e.g. 11.6 12.5 13.2)": "Priorisierte Unterziele (offizielle Nummern, z. B. 11.6 12.5 13.2)",
    "All 169 targets (JSON)": "Alle 169 Unterziele (JSON)",
    "format: use csv or leave it out": "format: csv angeben oder weglassen",
    "number": "Nummer",
    "SDG target": "SDG-Unterziel",
    "SDG targets": "SDG-Unterziele",
}
PLURALS = {
    "%(counter)s connection, listed in the table beside the picture.": (
        "%(counter)s Verbindung, in der Tabelle neben dem Bild aufgeführt.",
        "%(counter)s Verbindungen, in der Tabelle neben dem Bild aufgeführt.",
    ),
}
