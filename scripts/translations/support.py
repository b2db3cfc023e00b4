"""German for the support exchange (needs, offers, finders, workspace)."""

GERMAN = {
    "Your need expires soon": "Dein Bedarf läuft bald ab",
    "Your need “%(title)s” expires on %(date)s. After that it no longer shows in lists and finders and is no longer matched with offers.":
        "Dein Bedarf „%(title)s“ läuft am %(date)s ab. Danach erscheint er nicht mehr in Listen und Suchen und wird keinen Angeboten mehr zugeordnet.",
    "Still looking? Renew it with one click on its page (three more months); solved or no longer needed? Set its status there:":
        "Noch auf der Suche? Verlängere ihn mit einem Klick auf seiner Seite (um drei Monate); gelöst oder nicht mehr nötig? Setze dort seinen Status:",
    "Support exchange": "Unterstützungsbörse", "Support": "Unterstützung",
    "Unknown municipality “%(name)s”.": "Unbekannte Kommune „%(name)s“.",
    "Name or AGS, e.g. Bochum.": "Name oder AGS, z. B. Bochum.",
    "e.g. monthly, every 2nd Saturday, 14–18 h": "z. B. monatlich, jeden 2. Samstag, 14–18 Uhr",
    "Leave empty for programmes open to the whole state.":
        "Leer lassen bei Programmen für das ganze Land.",
    "Your message": "Deine Nachricht", "About your need": "Zu eurem Bedarf",
    "With your offer": "Mit eurem Angebot", "Your reply": "Deine Antwort",
    "A new need matches your offer": "Ein neuer Bedarf passt zu eurem Angebot",
    "Message from %(sender)s": "Nachricht von %(sender)s",
    "room": "Raum", "permit": "Genehmigung", "funding": "Förderung",
    "publicity": "Öffentlichkeitsarbeit", "volunteers": "Helfende",
    "material or equipment": "Material oder Ausstattung", "expertise": "Fachwissen",
    "open": "offen", "in contact": "in Kontakt", "solved": "gelöst",
    "withdrawn": "zurückgezogen", "funding programme": "Förderprogramm",
    "permit guide": "Genehmigungs-Wegweiser", "advice": "Beratung", "other help": "andere Hilfe",
    "street festival": "Straßenfest", "info stand": "Infostand",
    "urban gardening on public land": "Urban Gardening auf öffentlichen Flächen",
    "repair event in a public building": "Reparaturveranstaltung in einem öffentlichen Gebäude",
    "when / how often": "wann / wie oft", "expires on": "läuft ab am", "need": "Bedarf",
    "needs": "Bedarfe", "Give a municipality or a location for the need.":
        "Gib eine Kommune oder einen Ort für den Bedarf an.",
    "Give both latitude and longitude.": "Gib Breiten- und Längengrad an.",
    "address": "Adresse", "active": "aktiv",
    "tell me about new matching needs": "über neue passende Bedarfe informieren",
    "An e-mail to the members of your organisation for each new need.":
        "Eine E-Mail an die Mitglieder eurer Organisation bei jedem neuen Bedarf.",
    "capacity (people)": "Kapazität (Personen)", "step-free access": "stufenloser Zugang",
    "equipment": "Ausstattung", "cost": "Kosten", "availability": "Verfügbarkeit",
    "booking contact": "Buchungskontakt",
    "Office, phone number or booking page; shown publicly. No personal e-mail addresses: "
    "requests reach you through the site.":
        "Stelle, Telefonnummer oder Buchungsseite; öffentlich sichtbar. Keine persönlichen "
        "E-Mail-Adressen: Anfragen erreichen euch über die Seite.",
    "funder": "Fördergeber", "minimum amount (EUR)": "Mindestbetrag (EUR)",
    "maximum amount (EUR)": "Höchstbetrag (EUR)", "application deadline": "Antragsfrist",
    "eligibility": "Antragsberechtigt", "link": "Link", "topic": "Thema",
    "responsible office": "zuständige Stelle", "steps": "Schritte", "documents": "Unterlagen",
    "typical duration": "übliche Dauer", "offer": "Angebot", "offers": "Angebote",
    "Give the capacity of the room (at least 1).":
        "Gib die Kapazität des Raums an (mindestens 1).",
    "The capacity must be at least 1.": "Die Kapazität muss mindestens 1 sein.",
    "The maximum amount must not be below the minimum.":
        "Der Höchstbetrag darf nicht unter dem Mindestbetrag liegen.",
    "Name the funder of the programme.": "Nenne den Fördergeber des Programms.",
    "Choose the topic of the permit guide.": "Wähle das Thema des Wegweisers.",
    "No e-mail addresses here: requests reach you through the site.":
        "Hier keine E-Mail-Adressen: Anfragen erreichen euch über die Seite.",
    "message thread": "Unterhaltung", "message threads": "Unterhaltungen",
    "message": "Nachricht", "messages": "Nachrichten",
    "Only members of an initiative may post its needs.":
        "Nur Mitglieder einer Initiative können ihre Bedarfe eintragen.",
    "Unknown type of need.": "Unbekannte Art von Bedarf.",
    "The expiry date must not be in the past.":
        "Das Ablaufdatum darf nicht in der Vergangenheit liegen.",
    "You may only edit the needs of your own organisation.":
        "Du kannst nur die Bedarfe deiner eigenen Organisation bearbeiten.",
    "You may only change the needs of your own organisation.":
        "Du kannst nur die Bedarfe deiner eigenen Organisation ändern.",
    "Unknown status.": "Unbekannter Status.",
    "You may only renew the needs of your own organisation.":
        "Du kannst nur die Bedarfe deiner eigenen Organisation verlängern.",
    "The application deadline is in the past.": "Die Antragsfrist liegt in der Vergangenheit.",
    "You may only post offers for your own organisation.":
        "Du kannst nur Angebote deiner eigenen Organisation eintragen.",
    "Unknown type of offer.": "Unbekannte Art von Angebot.",
    "You may only edit the offers of your own organisation.":
        "Du kannst nur die Angebote deiner eigenen Organisation bearbeiten.",
    "Only the organisations of the need and the offer may write here.":
        "Hier schreiben nur die Organisationen des Bedarfs und des Angebots.",
    "Write a message.": "Schreib eine Nachricht.",
    "At most 5000 characters.": "Höchstens 5000 Zeichen.",
    "This need is no longer open.": "Dieser Bedarf ist nicht mehr offen.",
    "This offer is no longer available.": "Dieses Angebot gibt es nicht mehr.",
    "in and around %(name)s": "in und um %(name)s",
    "Nothing found. Try fewer filters or another place.":
        "Nichts gefunden. Versuche weniger Filter oder einen anderen Ort.",
    "whole state": "ganz NRW", "%(km)s km away": "%(km)s km entfernt",
    "step-free": "stufenlos", "up to": "bis", "deadline": "Frist",
    "%(org)s is looking for help that fits your offer “%(offer)s”:":
        "%(org)s sucht Unterstützung, die zu eurem Angebot „%(offer)s“ passt:",
    "See the need and get in touch:": "Bedarf ansehen und Kontakt aufnehmen:",
    "You no longer want these notices for this offer?":
        "Ihr möchtet diese Hinweise für dieses Angebot nicht mehr?",
    "%(org)s writes to you about": "%(org)s schreibt euch zu",
    "Reply on the site (your addresses stay private):":
        "Antwortet auf der Seite (eure Adressen bleiben privat):",
    "Find funding": "Förderung finden",
    "Funding programmes of municipalities, the state and foundations whose deadline has not "
    "passed.": "Förderprogramme von Kommunen, Land und Stiftungen, deren Frist noch läuft.",
    "Amount needed (EUR)": "Benötigter Betrag (EUR)",
    "Map of funding programmes": "Karte der Förderprogramme",
    "No longer available": "Nicht mehr verfügbar",
    "This need is solved, withdrawn or expired.":
        "Dieser Bedarf ist gelöst, zurückgezogen oder abgelaufen.",
    "Open needs": "Offene Bedarfe", "expired": "abgelaufen",
    "Offers that could help": "Angebote, die helfen könnten",
    "No matching offer nearby yet. Offer owners nearby are told about your need.":
        "Noch kein passendes Angebot in der Nähe. Anbietende in der Nähe erfahren von eurem "
        "Bedarf.",
    "Get in touch with this initiative": "Kontakt mit dieser Initiative aufnehmen",
    "Your message is passed on by e-mail; no e-mail address is shown to the other side.":
        "Deine Nachricht wird per E-Mail weitergeleitet; keine Seite sieht die E-Mail-Adresse "
        "der anderen.",
    "Manage this need": "Diesen Bedarf verwalten", "Listed until %(date)s.":
        "Sichtbar bis %(date)s.", "Keep listed for 3 more months": "Um 3 Monate verlängern",
    "Change status": "Status ändern", "Edit": "Bearbeiten", "Conversations": "Unterhaltungen",
    "When / how often": "Wann / wie oft", "Posted": "Eingetragen",
    "Edit need": "Bedarf bearbeiten", "Post a need": "Bedarf eintragen",
    "Say what your initiative needs. Municipalities, advice centres and others nearby see it "
    "and are told about it.":
        "Sag, was eure Initiative braucht. Kommunen, Beratungsstellen und andere in der Nähe "
        "sehen es und werden informiert.",
    "Save": "Speichern", "Publish need": "Bedarf veröffentlichen", "all types": "alle Arten",
    "No open needs.": "Keine offenen Bedarfe.", "Offers": "Angebote",
    "not active": "nicht aktiv", "Steps": "Schritte", "Get in touch": "Kontakt aufnehmen",
    "Log in as an initiative to get in touch.":
        "Melde dich als Initiative an, um Kontakt aufzunehmen.",
    "Post a need of your initiative first; then you can get in touch from here.":
        "Trag zuerst einen Bedarf eurer Initiative ein; dann kannst du hier Kontakt aufnehmen.",
    "Open needs this offer could meet": "Offene Bedarfe, zu denen dieses Angebot passt",
    "Manage this offer": "Dieses Angebot verwalten", "Offered by": "Angeboten von",
    "Capacity": "Kapazität", "Step-free access": "Stufenloser Zugang", "yes": "ja",
    "no": "nein", "Equipment": "Ausstattung", "Cost": "Kosten",
    "Availability": "Verfügbarkeit", "Booking": "Buchung", "Funder": "Fördergeber",
    "Amount": "Betrag", "Application deadline": "Antragsfrist",
    "Who can apply": "Wer kann beantragen", "More information": "Mehr Informationen",
    "Topic": "Thema", "Responsible office": "Zuständige Stelle", "Documents": "Unterlagen",
    "Typical duration": "Übliche Dauer", "Edit offer": "Angebot bearbeiten",
    "Post an offer": "Angebot eintragen", "Organisation": "Organisation",
    "Publish offer": "Angebot veröffentlichen", "No offers yet.": "Noch keine Angebote.",
    "What do you offer?": "Was bietet ihr an?",
    "Notices about matching needs": "Hinweise auf passende Bedarfe",
    "This link is not valid.": "Dieser Link ist ungültig.",
    "You no longer get notices for “%(title)s”.":
        "Ihr erhaltet keine Hinweise mehr für „%(title)s“.",
    "Stop notices about new matching needs for “%(title)s”?":
        "Keine Hinweise mehr auf neue passende Bedarfe für „%(title)s“?",
    "Stop notices": "Hinweise abbestellen",
    "Initiatives say what they need – rooms, permits, funding, helping hands. "
    "Municipalities, advice centres and others offer what they have.":
        "Initiativen sagen, was sie brauchen – Räume, Genehmigungen, Förderung, helfende "
        "Hände. Kommunen, Beratungsstellen und andere bieten an, was sie haben.",
    "Find a room": "Raum finden", "All open needs": "Alle offenen Bedarfe",
    "All offers": "Alle Angebote",
    "Log in to post needs and offers.": "Melde dich an, um Bedarfe und Angebote einzutragen.",
    "Workspace of %(name)s": "Arbeitsbereich von %(name)s", "Yours": "Eure",
    "Your needs": "Eure Bedarfe", "Your offers": "Eure Angebote", "New needs": "Neue Bedarfe",
    "New offers": "Neue Angebote", "Permits in %(name)s": "Genehmigungen in %(name)s",
    "How to get a permit for a street festival, an info stand, gardening on public land or a "
    "repair event: the steps, documents and the office in charge.":
        "So bekommt ihr eine Genehmigung für ein Straßenfest, einen Infostand, Gärtnern auf "
        "öffentlichen Flächen oder eine Reparaturveranstaltung: Schritte, Unterlagen und die "
        "zuständige Stelle.",
    "No permit guides for this municipality yet.":
        "Für diese Kommune gibt es noch keine Genehmigungs-Wegweiser.",
    "Rooms for meetings, repair events and workshops, offered by municipalities and others.":
        "Räume für Treffen, Reparaturveranstaltungen und Workshops, angeboten von Kommunen und "
        "anderen.",
    "At least this many people": "Mindestens so viele Personen",
    "Map of rooms": "Karte der Räume", "Conversation": "Unterhaltung", "Need": "Bedarf",
    "Offer": "Angebot",
    "Your reply is passed on by e-mail; no e-mail address is shown to the other side.":
        "Deine Antwort wird per E-Mail weitergeleitet; keine Seite sieht die E-Mail-Adresse "
        "der anderen.",
    "Send reply": "Antwort senden", "Workspace": "Arbeitsbereich",
    "Workspace %(name)s": "Arbeitsbereich %(name)s",
    "Download the initiatives with their open needs (CSV)":
        "Initiativen mit ihren offenen Bedarfen herunterladen (CSV)",
    "Public page of the municipality": "Öffentliche Seite der Kommune",
    "Permit guides": "Genehmigungs-Wegweiser", "open needs": "offene Bedarfe",
    "new in 90 days": "neu in 90 Tagen", "not confirmed for 18 months":
        "seit 18 Monaten nicht bestätigt", "New initiatives": "Neue Initiativen",
    "None in the last 90 days.": "Keine in den letzten 90 Tagen.",
    "Not confirmed for 18 months": "Seit 18 Monaten nicht bestätigt",
    "All entries are up to date.": "Alle Einträge sind aktuell.",
    "Upcoming events": "Kommende Veranstaltungen", "No upcoming events.":
        "Keine kommenden Veranstaltungen.",
    "Choose the initiative this need is for.": "Wähle die Initiative, für die der Bedarf ist.",
    "Your need is published. Matching offers are listed below.":
        "Euer Bedarf ist veröffentlicht. Passende Angebote stehen unten.",
    "Saved.": "Gespeichert.", "The status is changed.": "Der Status ist geändert.",
    "Your need stays listed until %(date)s.": "Euer Bedarf bleibt sichtbar bis %(date)s.",
    "Only members of an organisation may post offers.":
        "Nur Mitglieder einer Organisation können Angebote eintragen.",
    "Choose the organisation this offer is from.":
        "Wähle die Organisation, von der das Angebot ist.",
    "Your offer is published.": "Euer Angebot ist veröffentlicht.",
    "Your message is sent. Replies arrive by e-mail and here.":
        "Deine Nachricht ist verschickt. Antworten kommen per E-Mail und hier an.",
    "Only the two organisations see this conversation.":
        "Nur die beiden Organisationen sehen diese Unterhaltung.",
    "Your reply is sent.": "Deine Antwort ist verschickt.",
    "Only members of the municipality see its workspace.":
        "Nur Mitglieder der Kommune sehen ihren Arbeitsbereich.",
    "Not allowed": "Nicht erlaubt", "You may not do this.": "Das darfst du nicht.",
    "Nothing was changed.": "Es wurde nichts geändert.",
}

PLURALS = {
    "%(counter)s offer": ("%(counter)s Angebot", "%(counter)s Angebote"),
    "%(counter)s need": ("%(counter)s Bedarf", "%(counter)s Bedarfe"),
    "for %(counter)s person": ("für %(counter)s Person", "für %(counter)s Personen"),
    "%(counter)s person": ("%(counter)s Person", "%(counter)s Personen"),
}
