"""German for strings added when the apps were joined (navigation, municipality links)."""

GERMAN = {
    "For this municipality": "Für diese Kommune",
    "SDG report": "SDG-Bericht",
    "Cooperation network": "Kooperationsnetzwerk",
    "Permit guides": "Genehmigungswege",
    "Survey results": "Befragungsergebnisse",
    "Workspace": "Arbeitsbereich",
    "Moderation": "Moderation",
    "Surveys": "Befragungen",
}
