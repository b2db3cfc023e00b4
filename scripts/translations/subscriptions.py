"""German for the subscriptions app (e-mail subscriptions and Atom feeds)."""

GERMAN = {
    "Upcoming events (Atom)": "Kommende Veranstaltungen (Atom)",
    "New initiatives (Atom)": "Neue Initiativen (Atom)",
    "Get news by e-mail": "Neuigkeiten per E-Mail",
    "New initiatives in %(name)s (Atom)": "Neue Initiativen in %(name)s (Atom)",
    "Upcoming events in %(name)s (Atom)": "Kommende Veranstaltungen in %(name)s (Atom)",
    "Get news from %(name)s by e-mail": "Neuigkeiten aus %(name)s per E-Mail",
    "Subscriptions": "Abonnements",
    "New initiatives": "Neue Initiativen",
    "The newest published initiatives for sustainability.":
        "Die neuesten veröffentlichten Initiativen für Nachhaltigkeit.",
    "Upcoming events": "Kommende Veranstaltungen",
    "Regional talks, networking meetings and action days for sustainability.":
        "Regionalgespräche, Vernetzungstreffen und Aktionstage für Nachhaltigkeit.",
    "Area": "Gebiet",
    "a municipality": "eine Kommune",
    "a section of the map": "ein Kartenausschnitt",
    "Map section (west,south,east,north)": "Kartenausschnitt (West,Süd,Ost,Nord)",
    "Take the current map view or draw a rectangle on the map.":
        "Übernimm die aktuelle Kartenansicht oder zieh ein Rechteck auf der Karte auf.",
    "What should we send you?": "Was sollen wir dir schicken?",
    "How often?": "Wie oft?",
    "Choose a municipality.": "Wähle eine Kommune.",
    "Unknown municipality. Enter a name or an 8-digit AGS.":
        "Unbekannte Kommune. Gib einen Namen oder einen 8-stelligen AGS ein.",
    "Take the map view or draw a rectangle on the map.":
        "Übernimm die Kartenansicht oder zieh ein Rechteck auf der Karte auf.",
    "E-mail address": "E-Mail-Adresse",
    "I agree": "Ich bin einverstanden",
    "Please confirm your subscription": "Bitte bestätige dein Abonnement",
    "Weekly news for %(area)s": "Wochenüberblick für %(area)s",
    "New on the map for %(area)s": "Neu auf der Karte für %(area)s",
    "new initiatives": "neue Initiativen",
    "new events": "neue Veranstaltungen",
    "new needs": "neue Gesuche",
    "new offers": "neue Angebote",
    "immediately (at most once per run, usually hourly)":
        "sofort (höchstens eine E-Mail pro Durchlauf, meist stündlich)",
    "weekly digest": "wöchentliche Zusammenfassung",
    "west": "West", "south": "Süd", "east": "Ost", "north": "Nord",
    "kinds": "Arten", "frequency": "Häufigkeit",
    "consent given": "erteilte Einwilligung",
    "last sent": "zuletzt gesendet",
    "last weekly digest": "letzte Wochenzusammenfassung",
    "subscription": "Abonnement", "subscriptions": "Abonnements",
    "map section %(south).3f–%(north).3f° N, %(west).3f–%(east).3f° E":
        "Kartenausschnitt %(south).3f–%(north).3f° N, %(west).3f–%(east).3f° O",
    "Unknown SDG.": "Unbekanntes Nachhaltigkeitsziel.",
    "Choose an area: a municipality or a section of the map.":
        "Wähle ein Gebiet: eine Kommune oder einen Kartenausschnitt.",
    "Choose either a municipality or a section of the map, not both.":
        "Wähle entweder eine Kommune oder einen Kartenausschnitt, nicht beides.",
    "Choose at least one kind of news.": "Wähle mindestens eine Art von Neuigkeiten.",
    "Unknown kind of news.": "Unbekannte Art von Neuigkeiten.",
    "Unknown frequency.": "Unbekannte Häufigkeit.",
    "Enter a valid e-mail address.": "Gib eine gültige E-Mail-Adresse ein.",
    "This address already has the maximum number of subscriptions. Please change an existing "
    "one.": "Für diese Adresse gibt es schon die höchste Zahl an Abonnements. Bitte ändere "
    "ein vorhandenes.",
    "Use the current map view": "Aktuelle Kartenansicht übernehmen",
    "Draw a rectangle": "Rechteck aufziehen",
    "Map for choosing a section": "Karte zur Wahl eines Ausschnitts",
    "Press and drag on the map to draw the rectangle.":
        "Auf der Karte drücken und ziehen, um das Rechteck aufzuziehen.",
    "Topics (optional; none means all)": "Themen (optional; keine Auswahl heißt alle)",
    "Privacy policy": "Datenschutzerklärung",
    "Confirm subscription": "Abonnement bestätigen",
    "This subscription is already confirmed.": "Dieses Abonnement ist schon bestätigt.",
    "News for %(area)s, %(frequency)s.": "Neuigkeiten für %(area)s, %(frequency)s.",
    "Change subscription": "Abonnement ändern",
    "Save": "Speichern",
    "Back": "Zurück",
    "someone (hopefully you) has subscribed this address to news from %(SITE_NAME)s for "
    "%(area)s.": "jemand (hoffentlich du) hat diese Adresse für Neuigkeiten von "
    "%(SITE_NAME)s für %(area)s angemeldet.",
    "We send nothing else before you confirm. Without confirmation the request is deleted "
    "after %(days)s days.": "Bevor du bestätigst, schicken wir dir nichts weiter. Ohne "
    "Bestätigung wird die Anfrage nach %(days)s Tagen gelöscht.",
    "If you did not ask for this, simply ignore this e-mail.":
        "Wenn du das nicht warst, ignoriere diese E-Mail einfach.",
    "Privacy": "Datenschutz",
    "Please confirm the subscription with this link:":
        "Bitte bestätige das Abonnement mit diesem Link:",
    "Privacy:": "Datenschutz:",
    "What is new this week on %(SITE_NAME)s for %(area)s:":
        "Neu in dieser Woche auf %(SITE_NAME)s für %(area)s:",
    "New on %(SITE_NAME)s for %(area)s:": "Neu auf %(SITE_NAME)s für %(area)s:",
    "To the map": "Zur Karte",
    "Change or end your subscriptions": "Abonnements ändern oder beenden",
    "Unsubscribe from this subscription": "Dieses Abonnement abbestellen",
    "The map:": "Die Karte:",
    "Change or end your subscriptions:": "Abonnements ändern oder beenden:",
    "Unsubscribe from this subscription:": "Dieses Abonnement abbestellen:",
    "The link has expired. Please subscribe again; you will get a new e-mail.":
        "Der Link ist abgelaufen. Bitte abonniere noch einmal; du bekommst eine neue E-Mail.",
    "Subscribe to news": "Neuigkeiten abonnieren",
    "Your subscriptions": "Deine Abonnements",
    "Subscriptions of %(email)s": "Abonnements von %(email)s",
    "all topics": "alle Themen",
    "Active": "Aktiv",
    "Not confirmed yet: please use the link in the e-mail.":
        "Noch nicht bestätigt: Bitte nutze den Link in der E-Mail.",
    "Change": "Ändern",
    "Unsubscribe": "Abbestellen",
    "There are no subscriptions for this address (any more).":
        "Für diese Adresse gibt es keine Abonnements (mehr).",
    "Add a subscription": "Weiteres Abonnement anlegen",
    "We have sent you an e-mail with a link. Your subscription starts once you confirm it "
    "there.": "Wir haben dir eine E-Mail mit einem Link geschickt. Dein Abonnement beginnt, "
    "sobald du es dort bestätigst.",
    "Without confirmation we delete the request after %(days)s days.":
        "Ohne Bestätigung löschen wir die Anfrage nach %(days)s Tagen.",
    "Back to the map": "Zurück zur Karte",
    "Get an e-mail when new initiatives or events start near you.":
        "Erhalte eine E-Mail, wenn in deiner Nähe neue Initiativen oder Veranstaltungen "
        "starten.",
    "Get an e-mail when new initiatives or events start in your town or in a section of the "
    "map – at once or as a weekly digest. No account needed; you confirm by e-mail and can "
    "unsubscribe with one click.": "Erhalte eine E-Mail, wenn in deinem Ort oder in einem "
    "Kartenausschnitt neue Initiativen oder Veranstaltungen starten – sofort oder als "
    "wöchentliche Zusammenfassung. Ohne Konto: Du bestätigst per E-Mail und kannst mit einem "
    "Klick abbestellen.",
    "Subscribe": "Abonnieren",
    "Prefer a feed reader?": "Lieber im Feedreader?",
    "You have been unsubscribed. We will not send you mails for this subscription any more.":
        "Du hast abbestellt. Wir schicken dir zu diesem Abonnement keine E-Mails mehr.",
    "End the subscription for %(area)s?": "Das Abonnement für %(area)s beenden?",
    "I agree that my e-mail address and my choices are stored to send me these e-mails. I "
    "can end the subscription at any time with the link in every e-mail.": "Ich bin "
    "einverstanden, dass meine E-Mail-Adresse und meine Auswahl gespeichert werden, um mir "
    "diese E-Mails zu schicken. Ich kann das Abonnement jederzeit mit dem Link in jeder "
    "E-Mail beenden.",
    "Too many subscription requests from your connection. Please try again in an hour.":
        "Zu viele Anfragen von deinem Anschluss. Bitte versuch es in einer Stunde noch einmal.",
    "Thank you: your subscription is confirmed.": "Danke: Dein Abonnement ist bestätigt.",
    "You have been unsubscribed.": "Du hast abbestellt.",
    "This subscription does not exist (any more).": "Dieses Abonnement gibt es nicht (mehr).",
    "Your subscription has been changed.": "Dein Abonnement wurde geändert.",
}
