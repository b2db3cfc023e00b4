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
    "Show upcoming events on the map": "Kommende Veranstaltungen auf der Karte zeigen",
    "To the event": "Zur Veranstaltung",
    # Events (issue 5)
    "This campaign does not accept submissions any more.": "Diese Aktion nimmt keine Einreichungen mehr an.",
    "We need an e-mail address to reply.": "Wir brauchen eine E-Mail-Adresse, um dir zu antworten.",
    "This address is taken.": "Diese Adresse ist schon vergeben.",
    "Unknown category.": "Unbekannte Kategorie.",
    "The action must take place during the campaign (%(first)s to %(last)s).": "Die Aktion muss während der Aktionstage stattfinden (%(first)s bis %(last)s).",
    "Registration is not possible for this event.": "Für diese Veranstaltung ist keine Anmeldung möglich.",
    "This date has been cancelled.": "Dieser Termin wurde abgesagt.",
    "This date has already begun.": "Dieser Termin hat schon begonnen.",
    "Please give your name (at most 120 characters).": "Bitte gib deinen Namen an (höchstens 120 Zeichen).",
    "The registration deadline has passed.": "Die Anmeldefrist ist abgelaufen.",
    "This date is fully booked.": "Dieser Termin ist ausgebucht.",
    "This registration was cancelled. Please register again.": "Diese Anmeldung wurde storniert. Bitte melde dich erneut an.",
    "Please give a subject (at most 150 characters).": "Bitte gib einen Betreff an (höchstens 150 Zeichen).",
    "Please write a message (at most 10,000 characters).": "Bitte schreib eine Nachricht (höchstens 10.000 Zeichen).",
    "Please give a valid e-mail address.": "Bitte gib eine gültige E-Mail-Adresse an.",
    "Please confirm your registration": "Bitte bestätige deine Anmeldung",
    "You are already registered": "Du bist schon angemeldet",
    "Your registration is confirmed": "Deine Anmeldung ist bestätigt",
    "You are on the waiting list": "Du stehst auf der Warteliste",
    "A place has become free: you are registered": "Ein Platz ist frei geworden: Du bist angemeldet",
    "We have received your action": "Wir haben deine Aktion erhalten",
    "Reminder: %(title)s tomorrow": "Erinnerung: %(title)s morgen",
    "Your event is published": "Deine Veranstaltung ist veröffentlicht",
    "Your organiser link": "Dein Link für Veranstaltende",
    "Time": "Zeit",
    "Place": "Ort",
    "Organiser": "Veranstaltet von",
    "Topics and places": "Themen und Kommunen",
    "Registration": "Anmeldung",
    "organiser link (secret)": "Link für Veranstaltende (geheim)",
    "Published.": "Veröffentlicht.",
    "Approve and publish (mails the organiser link)": "Freigeben und veröffentlichen (schickt den Link für Veranstaltende)",
    "Reject": "Ablehnen",
    "Mail the organiser link": "Link für Veranstaltende per E-Mail schicken",
    "Renew the organiser link (the old one stops working)": "Link für Veranstaltende erneuern (der alte funktioniert nicht mehr)",
    "%(n)s people moved up from the waiting list.": "%(n)s Personen sind von der Warteliste nachgerückt.",
    "give a single RRULE value, e.g. FREQ=WEEKLY;BYDAY=SA": "gib genau eine RRULE an, z. B. FREQ=WEEKLY;BYDAY=SA",
    "FREQ is missing, e.g. FREQ=MONTHLY;BYDAY=2SA": "FREQ fehlt, z. B. FREQ=MONTHLY;BYDAY=2SA",
    "the rule must repeat daily, weekly, monthly or yearly": "die Regel muss täglich, wöchentlich, monatlich oder jährlich wiederholen",
    "the rule produces no date": "die Regel ergibt keinen Termin",
    "at most %(n)s characters": "höchstens %(n)s Zeichen",
    "the start must be the first date of the rule, which begins on %(date)s": "der Beginn muss der erste Termin der Regel sein, die am %(date)s beginnt",
    "not a valid RRULE: %(error)s": "keine gültige RRULE: %(error)s",
    "regional talk": "Regionalgespräch",
    "networking meeting": "Vernetzungstreffen",
    "action day": "Aktionstag",
    "workshop": "Workshop",
    "working group meeting": "Arbeitsgruppe",
    "other": "Sonstiges",
    "in person": "vor Ort",
    "online": "online",
    "hybrid": "hybrid",
    "rejected": "abgelehnt",
    "first day": "erster Tag",
    "last day": "letzter Tag",
    "accepts submissions": "nimmt Einreichungen an",
    "campaign": "Aktion",
    "campaigns": "Aktionen",
    "title": "Titel",
    "start": "Beginn",
    "end": "Ende",
    "recurrence (RRULE)": "Wiederholung (RRULE)",
    "format": "Format",
    "venue": "Veranstaltungsort",
    "online meeting link": "Link zum Online-Treffen",
    "organiser": "Veranstaltet von",
    "organiser website": "Website der Veranstaltenden",
    "organiser e-mail": "E-Mail der Veranstaltenden",
    "capacity": "Plätze",
    "registration": "Anmeldung",
    "registration deadline": "Anmeldeschluss",
    "waiting list when full": "Warteliste, wenn ausgebucht",
    "event": "Veranstaltung",
    "events": "Veranstaltungen",
    "cancelled": "storniert",
    "date": "Termin",
    "dates": "Termine",
    "awaiting confirmation": "wartet auf Bestätigung",
    "confirmed": "bestätigt",
    "on the waiting list": "auf der Warteliste",
    "e-mail": "E-Mail",
    "language": "Sprache",
    "joined the waiting list": "auf die Warteliste gesetzt",
    "reminder sent": "Erinnerung verschickt",
    "registrations": "Anmeldungen",
    "Initiatives can submit their own actions (moderated).": "Initiativen können eigene Aktionen einreichen (mit Prüfung).",
    "RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=2SA for every 2nd Saturday. The start must be the first date of the rule.": "Regel nach RFC 5545, z. B. FREQ=MONTHLY;BYDAY=2SA für jeden 2. Samstag im Monat. Der Beginn muss der erste Termin der Regel sein.",
    "Public unless registration is on: then only participants receive it.": "Öffentlich, außer bei Anmeldung: Dann bekommen ihn nur die Teilnehmenden.",
    "organising initiative": "veranstaltende Initiative",
    "Never published; gets the organiser link.": "Wird nie veröffentlicht; bekommt den Link für Veranstaltende.",
    "Places per date; empty for no limit.": "Plätze je Termin; leer für unbegrenzt.",
    "The end must be after the start.": "Das Ende muss nach dem Beginn liegen.",
    "The capacity must be at least 1 (or empty for no limit).": "Die Platzzahl muss mindestens 1 sein (oder leer für unbegrenzt).",
    "An online or hybrid event needs a meeting link.": "Eine Online- oder Hybrid-Veranstaltung braucht einen Link zum Treffen.",
    "Give both latitude and longitude, or neither.": "Gib Breiten- und Längengrad an, oder keinen von beiden.",
    "The deadline must not be after the event's end.": "Der Anmeldeschluss darf nicht nach dem Ende der Veranstaltung liegen.",
    "The last day must not be before the first.": "Der letzte Tag darf nicht vor dem ersten liegen.",
    "An event in person needs a venue address.": "Eine Veranstaltung vor Ort braucht eine Adresse.",
    "An event in person needs coordinates (or a known postcode).": "Eine Veranstaltung vor Ort braucht Koordinaten (oder eine bekannte Postleitzahl).",
    "Invalid recurrence: %(reason)s": "Ungültige Wiederholung: %(reason)s",
    "Start": "Beginn",
    "End": "Ende",
    "Leave this field empty": "Dieses Feld bitte leer lassen",
    "Date": "Termin",
    "Your name": "Dein Name",
    "Your e-mail address": "Deine E-Mail-Adresse",
    "Title of your action": "Titel deiner Aktion",
    "What happens?": "Was passiert?",
    "Markdown is possible.": "Markdown ist möglich.",
    "Format": "Format",
    "Venue": "Veranstaltungsort",
    "Street and number": "Straße und Hausnummer",
    "Postcode": "Postleitzahl",
    "City": "Ort",
    "Online meeting link": "Link zum Online-Treffen",
    "Organised by (initiative or group)": "Veranstaltet von (Initiative oder Gruppe)",
    "Not published. We send you the link to your participant list.": "Wird nicht veröffentlicht. Wir schicken dir den Link zu deiner Teilnehmendenliste.",
    "Subject": "Betreff",
    "Message": "Nachricht",
    "Also to the waiting list": "Auch an die Warteliste",
    "All upcoming dates": "Alle kommenden Termine",
    "Events": "Veranstaltungen",
    "Name": "Name",
    "E-mail": "E-Mail",
    "Status": "Status",
    "Registered": "Angemeldet",
    "Confirmed": "Bestätigt",
    "Waiting list since": "Auf der Warteliste seit",
    "Your message was sent to %(count)s people.": "Deine Nachricht wurde an %(count)s Personen verschickt.",
    "Cancel registration": "Anmeldung stornieren",
    "Your registration is cancelled. Thank you for letting us know.": "Deine Anmeldung ist storniert. Danke, dass du Bescheid gibst.",
    "Cancel the registration of %(name)s (%(email)s)?": "Die Anmeldung von %(name)s (%(email)s) stornieren?",
    "Back to the event": "Zurück zur Veranstaltung",
    "Regional talks, networking meetings and action days for sustainability: find dates and register.": "Regionalgespräche, Vernetzungstreffen und Aktionstage für Nachhaltigkeit: Termine finden und anmelden.",
    "Events (iCal)": "Veranstaltungen (iCal)",
    "View": "Ansicht",
    "List": "Liste",
    "Month calendar": "Monatskalender",
    "No event matches. Try other dates or fewer filters.": "Keine Veranstaltung gefunden. Versuche andere Daten oder weniger Filter.",
    "recurring": "wiederkehrend",
    "Online": "Online",
    "Hybrid": "Hybrid",
    "Organised by": "Veranstaltet von",
    "Event calendar": "Veranstaltungskalender",
    "Months": "Monate",
    "Previous month": "Voriger Monat",
    "Today": "Heute",
    "Next month": "Nächster Monat",
    "Participants": "Teilnehmende",
    "Organiser page – keep this link secret": "Seite für Veranstaltende – halte diesen Link geheim",
    "This event is not published yet.": "Diese Veranstaltung ist noch nicht veröffentlicht.",
    "Public page of the event": "Öffentliche Seite der Veranstaltung",
    "Dates": "Termine",
    "Waiting list": "Warteliste",
    "Places": "Plätze",
    "Download participant list (CSV)": "Teilnehmendenliste herunterladen (CSV)",
    "Nobody has registered yet.": "Noch hat sich niemand angemeldet.",
    "Message to participants": "Nachricht an die Teilnehmenden",
    "Everyone gets their own e-mail; replies go to the organiser e-mail address of the event.": "Alle bekommen eine eigene E-Mail; Antworten gehen an die E-Mail-Adresse der Veranstaltenden.",
    "Send message": "Nachricht senden",
    "In numbers": "In Zahlen",
    "actions": "Aktionen",
    "online or hybrid": "online oder hybrid",
    "Map of the actions of %(name)s": "Karte der Aktionen von %(name)s",
    "All actions": "Alle Aktionen",
    "No actions yet. Be the first!": "Noch keine Aktionen. Sei die erste!",
    "Submit your action": "Trag deine Aktion ein",
    "Your initiative takes part? Tell us about your action. We review it and publish it on this page.": "Deine Initiative macht mit? Erzähl uns von deiner Aktion. Wir prüfen sie und veröffentlichen sie auf dieser Seite.",
    "Submit action": "Aktion einreichen",
    "Please check your e-mail": "Bitte schau in dein Postfach",
    "We have sent an e-mail to %(email)s. Click the link in it to confirm your registration.": "Wir haben eine E-Mail an %(email)s geschickt. Klick auf den Link darin, um deine Anmeldung zu bestätigen.",
    "Thank you!": "Danke!",
    "We have received your action “%(title)s”. We review it and publish it soon; you will get an e-mail then.": "Wir haben deine Aktion „%(title)s“ erhalten. Wir prüfen sie und veröffentlichen sie bald; dann bekommst du eine E-Mail.",
    "Back to %(name)s": "Zurück zu %(name)s",
    "Confirm registration": "Anmeldung bestätigen",
    "Thank you, %(name)s: your registration is confirmed.": "Danke, %(name)s: Deine Anmeldung ist bestätigt.",
    "We have sent you an e-mail with all details and a link to cancel.": "Wir haben dir eine E-Mail mit allen Details und einem Link zum Stornieren geschickt.",
    "Add to calendar (.ics)": "In den Kalender übernehmen (.ics)",
    "Thank you, %(name)s: the event is fully booked, you are on the waiting list.": "Danke, %(name)s: Die Veranstaltung ist ausgebucht, du stehst auf der Warteliste.",
    "Your place in the queue: %(position)s.": "Dein Platz auf der Warteliste: %(position)s.",
    "If a place becomes free, you move up automatically and we let you know by e-mail.": "Wird ein Platz frei, rückst du automatisch nach und wir sagen dir per E-Mail Bescheid.",
    "Confirm the registration of %(name)s (%(email)s).": "Bestätige die Anmeldung von %(name)s (%(email)s).",
    "Next dates": "Nächste Termine",
    "fully booked": "ausgebucht",
    "waiting list open": "Warteliste offen",
    "This event has no upcoming dates.": "Diese Veranstaltung hat keine kommenden Termine.",
    "All times are German time (Europe/Berlin).": "Alle Zeiten in deutscher Zeit (Europe/Berlin).",
    "Register": "Anmelden",
    "We send you an e-mail with a link to confirm. Your address is only used for this event and shared with its organisers.": "Wir schicken dir eine E-Mail mit einem Link zum Bestätigen. Deine Adresse wird nur für diese Veranstaltung genutzt und an die Veranstaltenden weitergegeben.",
    "Registration is not possible at the moment.": "Eine Anmeldung ist im Moment nicht möglich.",
    "Registration until": "Anmeldung bis",
    "Registered participants receive the link by e-mail.": "Angemeldete Teilnehmende bekommen den Link per E-Mail.",
    "Campaign": "Aktion",
    "This link does not work": "Dieser Link funktioniert nicht",
    "The link has expired. Please register again on the event page; you will get a new e-mail.": "Der Link ist abgelaufen. Bitte melde dich auf der Veranstaltungsseite erneut an; du bekommst eine neue E-Mail.",
    "The link is incomplete or invalid. Please copy the whole link from the e-mail.": "Der Link ist unvollständig oder ungültig. Bitte kopiere den ganzen Link aus der E-Mail.",
    "All events": "Alle Veranstaltungen",
    "From": "Von",
    "Until": "Bis",
    "Type": "Art",
    "All types": "Alle Arten",
    "Category": "Kategorie",
    "All categories": "Alle Kategorien",
    "Online only (incl. hybrid)": "Nur online (auch hybrid)",
    "Subscribe in your calendar": "Im Kalender abonnieren",
    "Download as iCal (.ics)": "Als iCal herunterladen (.ics)",
    "Hello %(name)s,": "Hallo %(name)s,",
    "you are already on the waiting list for:": "du stehst schon auf der Warteliste für:",
    "you are already registered for:": "du bist schon angemeldet für:",
    "If you cannot come, please cancel here:": "Wenn du nicht kommen kannst, storniere bitte hier:",
    "good news: a place has become free and you have moved up from the waiting list. You are registered for:": "gute Nachricht: Ein Platz ist frei geworden und du bist von der Warteliste nachgerückt. Du bist angemeldet für:",
    "Add to your calendar": "In deinen Kalender",
    "If you cannot come, please cancel here, so someone else can take your place:": "Wenn du nicht kommen kannst, storniere bitte hier, damit jemand anderes deinen Platz bekommt:",
    "When": "Wann",
    "German time": "deutsche Zeit",
    "Where": "Wo",
    "the link follows when your registration is confirmed": "den Link bekommst du, sobald deine Anmeldung bestätigt ist",
    "Event page": "Veranstaltungsseite",
    "Hello,": "Hallo,",
    "thank you for your action “%(title)s” for %(name)s. We review it and let you know as soon as it is published.": "danke für deine Aktion „%(title)s“ für %(name)s. Wir prüfen sie und sagen dir Bescheid, sobald sie veröffentlicht ist.",
    "your registration is confirmed:": "deine Anmeldung ist bestätigt:",
    "%(organiser)s sends a message to the participants of “%(title)s”:": "%(organiser)s schreibt an die Teilnehmenden von „%(title)s“:",
    "Cancel your registration": "Deine Anmeldung stornieren",
    "the event is fully booked; you are on the waiting list at place %(position)s:": "die Veranstaltung ist ausgebucht; du stehst auf Platz %(position)s der Warteliste:",
    "To leave the waiting list:": "Um die Warteliste zu verlassen:",
    "please confirm your registration for:": "bitte bestätige deine Anmeldung für:",
    "Confirm here:": "Hier bestätigen:",
    "The link is valid for %(days)s days. If you did not register, simply ignore this e-mail.": "Der Link ist %(days)s Tage gültig. Wenn du dich nicht angemeldet hast, ignoriere diese E-Mail einfach.",
    "a reminder: you are registered for tomorrow:": "zur Erinnerung: Du bist für morgen angemeldet:",
    "your event “%(title)s” is now published:": "deine Veranstaltung „%(title)s“ ist jetzt veröffentlicht:",
    "On your organiser page you see who has registered, download the participant list (CSV) and write to the participants:": "Auf deiner Seite für Veranstaltende siehst du, wer sich angemeldet hat, lädst die Teilnehmendenliste (CSV) herunter und schreibst den Teilnehmenden:",
    "Keep this link to yourself: anybody who has it sees the participants.": "Behalte diesen Link für dich: Wer ihn hat, sieht die Teilnehmenden.",
    # accounts and organisations (issue 4)
    "Organisations": "Organisationen", "Initiative": "Initiative", "Advice centre": "Beratungsstelle",
    "Network team": "Netzwerkteam", "owner": "Eigentümer", "editor": "Bearbeiter",
    "Only for organisations of the type initiative.": "Nur für Organisationen der Art Initiative.",
    "Only for organisations of the type municipality.": "Nur für Organisationen der Art Kommune.",
    "served municipalities": "betreute Kommunen",
    "Only for advice centres: the municipalities they serve.": "Nur für Beratungsstellen: die Kommunen, die sie betreuen.",
    "public e-mail": "öffentliche E-Mail", "organisation": "Organisation", "organisations": "Organisationen",
    "Only an initiative organisation links to an initiative.": "Nur eine Organisation der Art Initiative ist mit einer Initiative verknüpft.",
    "Only a municipality organisation links to a municipality.": "Nur eine Organisation der Art Kommune ist mit einer Kommune verknüpft.",
    "user": "Benutzer", "role": "Rolle", "membership": "Mitgliedschaft", "memberships": "Mitgliedschaften",
    "My organisations": "Meine Organisationen", "your role:": "deine Rolle:",
    "You are not in any organisation yet; the network team adds you.": "Du gehörst noch zu keiner Organisation; das Netzwerkteam fügt dich hinzu.",
    "As a member of the network team you moderate all entries.": "Als Mitglied des Netzwerkteams moderierst du alle Einträge.",
    "You moderate the entries in:": "Du moderierst die Einträge in:",
    "E-mail addresses": "E-Mail-Adressen", "Change password": "Passwort ändern",
    "Log in": "Anmelden", "Log out": "Abmelden",
}
PLURALS = {
    "%(counter)s initiative": ("%(counter)s Initiative", "%(counter)s Initiativen"),
    "%(counter)s date": ("%(counter)s Termin", "%(counter)s Termine"),
    "%(counter)s place left": ("noch %(counter)s Platz frei", "noch %(counter)s Plätze frei"),
}


TRANSLATIONS = Path(__file__).parent / "translations"


def load_app_tables() -> tuple[dict, dict]:
    """Each app keeps its own seed table in scripts/translations/<app>.py (GERMAN, PLURALS)."""
    german, plurals = {}, {}
    for module in sorted(TRANSLATIONS.glob("*.py")):
        namespace: dict = {}
        exec(compile(module.read_text(encoding="utf-8"), str(module), "exec"), namespace)
        german.update(namespace.get("GERMAN", {}))
        plurals.update(namespace.get("PLURALS", {}))
    return german, plurals


def fill(path: Path, extra: dict | None = None) -> int:
    app_german, app_plurals = load_app_tables()
    table = {**GERMAN, **app_german, **(extra or {})}
    plurals = {**PLURALS, **app_plurals}
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
        if msgid in plurals:
            filled += 1
            one, many = plurals[msgid]
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
