"""German for the moderation app (proposals, queue, reports) and tag synonyms in taxonomy."""

GERMAN = {
    "Report a problem with this entry": "Problem mit diesem Eintrag melden",
    "Missing an initiative? Add it": "Fehlt eine Initiative? Trag sie ein",
    "Name of the initiative": "Name der Initiative",
    "Short description": "Kurzbeschreibung",
    "Description": "Beschreibung",
    "Markdown is possible: **bold**, *italic*, lists, links.":
        "Markdown ist möglich: **fett**, *kursiv*, Listen, Links.",
    "Comma-separated, e.g. repair, bicycles": "Durch Kommas getrennt, z. B. Reparieren, Fahrräder",
    "Latitude": "Breitengrad",
    "Longitude": "Längengrad",
    "Contact e-mail of the initiative": "Kontakt-E-Mail der Initiative",
    "Never published: messages from the site are relayed to it.":
        "Wird nie veröffentlicht: Nachrichten über die Seite werden dorthin weitergeleitet.",
    "Meeting or opening times": "Treffen oder Öffnungszeiten",
    "Under which licence others may reuse this entry's data.":
        "Unter welcher Lizenz andere die Daten dieses Eintrags weiterverwenden dürfen.",
    "At most %(n)s tags.": "Höchstens %(n)s Schlagwörter.",
    "Pick the location on the map, or enter an address with a postcode so we can find it.":
        "Wähle den Ort auf der Karte oder gib eine Adresse mit Postleitzahl an, damit wir ihn "
        "finden.",
    "Not published. We tell you the moderation's decision.":
        "Wird nicht veröffentlicht. Wir teilen dir die Entscheidung der Moderation mit.",
    "I agree that my name and e-mail address are stored to process this proposal.":
        "Ich bin einverstanden, dass mein Name und meine E-Mail-Adresse zur Bearbeitung "
        "dieses Vorschlags gespeichert werden.",
    "My entry is none of these: save it as a new entry.":
        "Mein Eintrag ist keiner davon: als neuen Eintrag speichern.",
    "What is wrong?": "Was stimmt nicht?",
    "Details": "Details",
    "Your e-mail address (optional)": "Deine E-Mail-Adresse (freiwillig)",
    "Only for questions from the moderation; never published.":
        "Nur für Rückfragen der Moderation; wird nie veröffentlicht.",
    "Merge this tag": "Dieses Schlagwort",
    "into this tag": "zusammenführen mit diesem Schlagwort",
    "Tag": "Schlagwort",
    "Synonym": "Synonym",
    "We have received your proposal": "Wir haben deinen Vorschlag erhalten",
    "Your entry is published": "Dein Eintrag ist veröffentlicht",
    "Your proposal was not accepted": "Dein Vorschlag wurde nicht angenommen",
    "Please revise your proposal": "Bitte überarbeite deinen Vorschlag",
    "proposer name": "Name der vorschlagenden Person",
    "proposer e-mail": "E-Mail der vorschlagenden Person",
    "hashed IP address": "IP-Adresse (gehasht)",
    "consent given": "Einwilligung erteilt",
    "revision": "Überarbeitung",
    "resubmitted": "erneut eingereicht",
    "proposal": "Vorschlag",
    "proposals": "Vorschläge",
    "approved": "freigegeben",
    "changes requested": "Änderungen erbeten",
    "resubmitted by the proposer": "überarbeitet eingereicht",
    "report resolved": "Meldung erledigt",
    "archived after a report": "nach Meldung archiviert",
    "moderator": "Moderator*in",
    "action": "Aktion",
    "reason / note": "Begründung / Notiz",
    "time": "Zeit",
    "decision": "Entscheidung",
    "decisions": "Entscheidungen",
    "It no longer exists / has closed": "Gibt es nicht mehr / geschlossen",
    "Wrong or outdated information": "Falsche oder veraltete Angaben",
    "Inappropriate content": "Unangemessener Inhalt",
    "Something else": "Etwas anderes",
    "open": "offen",
    "resolved": "erledigt",
    "entry archived": "Eintrag archiviert",
    "problem": "Problem",
    "message": "Nachricht",
    "reporter e-mail": "E-Mail der meldenden Person",
    "resolved by": "erledigt von",
    "note": "Notiz",
    "problem report": "Problemmeldung",
    "problem reports": "Problemmeldungen",
    "Pick the location on the map.": "Wähle den Ort auf der Karte.",
    "This point is outside Germany. Please pick the location on the map again.":
        "Dieser Punkt liegt außerhalb Deutschlands. Bitte wähle den Ort auf der Karte neu.",
    "This point is not inside any municipality we know. Please pick a place on land inside "
    "a municipality.":
        "Dieser Punkt liegt in keiner uns bekannten Kommune. Bitte wähle einen Ort an Land "
        "innerhalb einer Kommune.",
    "The description is too long (at most %(n)s characters).":
        "Die Beschreibung ist zu lang (höchstens %(n)s Zeichen).",
    "At most %(n)s characters.": "Höchstens %(n)s Zeichen.",
    "You do not moderate entries in this municipality.":
        "Du moderierst keine Einträge in dieser Kommune.",
    "Please give a reason; the proposer will read it.":
        "Bitte gib eine Begründung an; die vorschlagende Person bekommt sie zu lesen.",
    "Please tell us your name.": "Bitte nenne uns deinen Namen.",
    "Choose at least one known category.": "Wähle mindestens eine bekannte Kategorie.",
    "Only entries waiting for review can be approved.":
        "Nur Einträge, die auf Prüfung warten, können freigegeben werden.",
    "Only proposals not yet published can be rejected.":
        "Nur noch nicht veröffentlichte Vorschläge können abgelehnt werden.",
    "Only entries waiting for review can be sent back.":
        "Nur Einträge, die auf Prüfung warten, können zurückgeschickt werden.",
    "This entry has no proposer to ask.": "Zu diesem Eintrag gibt es niemanden zum Nachfragen.",
    "Problems can only be reported for published entries.":
        "Probleme können nur zu veröffentlichten Einträgen gemeldet werden.",
    "Choose what the problem is.": "Wähle aus, worin das Problem besteht.",
    "This report has already been dealt with.": "Diese Meldung wurde schon bearbeitet.",
    "Only the network team curates tags.": "Nur das Netzwerkteam pflegt die Schlagwörter.",
    "Decisions so far": "Bisherige Entscheidungen",
    "Is this entry already on the map?": "Gibt es diesen Eintrag schon?",
    "These entries look similar:": "Diese Einträge sehen ähnlich aus:",
    "waiting for review": "wartet auf Prüfung",
    "similar name": "ähnlicher Name",
    "same website": "gleiche Website",
    "same contact e-mail": "gleiche Kontakt-E-Mail",
    "%(m)s m away": "%(m)s m entfernt",
    "The initiative": "Die Initiative",
    "Where?": "Wo?",
    "Searching…": "Suche …",
    "Found. Check the marker and drag it to the exact place.":
        "Gefunden. Prüfe die Markierung und zieh sie an die genaue Stelle.",
    "Only the centre of the postcode area was found: please drag the marker to the exact "
    "place.":
        "Nur die Mitte des Postleitzahlgebiets wurde gefunden: Bitte zieh die Markierung an "
        "die genaue Stelle.",
    "The search failed. Please pick the location on the map.":
        "Die Suche hat nicht geklappt. Bitte wähle den Ort auf der Karte.",
    "Find address on the map": "Adresse auf der Karte finden",
    "Map: click to set the location, drag the marker to correct it":
        "Karte: Klicke, um den Ort zu setzen; zieh die Markierung, um ihn zu korrigieren",
    "Location of the initiative (drag to move)": "Ort der Initiative (zum Verschieben ziehen)",
    "Click on the map or drag the marker. Without JavaScript, an address with postcode is "
    "enough: we find the place for you.":
        "Klicke auf die Karte oder zieh die Markierung. Ohne JavaScript genügt eine Adresse mit "
        "Postleitzahl: Wir finden den Ort für dich.",
    "Contact and joining in": "Kontakt und Mitmachen",
    "“%(entry)s” is now published on the map:": "„%(entry)s“ ist jetzt auf der Karte:",
    "Note from the moderation:": "Hinweis der Moderation:",
    "before we publish “%(entry)s”, please change a few things:":
        "bevor wir „%(entry)s“ veröffentlichen, ändere bitte noch ein paar Dinge:",
    "thank you for proposing “%(entry)s”. A moderator will review it soon; we will tell you "
    "the decision by e-mail.":
        "danke für deinen Vorschlag „%(entry)s“. Die Moderation prüft ihn bald; wir schreiben "
        "dir, wie sie entschieden hat.",
    "What we store and why:": "Was wir speichern und warum:",
    "unfortunately we cannot publish “%(entry)s”.":
        "leider können wir „%(entry)s“ nicht veröffentlichen.",
    "Reason:": "Begründung:",
    "Not allowed": "Nicht erlaubt",
    "Nothing was changed.": "Es wurde nichts geändert.",
    "Back to the map": "Zurück zur Karte",
    "The link has expired. Please propose the entry again, or write to us.":
        "Der Link ist abgelaufen. Bitte schlag den Eintrag neu vor oder schreib uns.",
    "The link is invalid or has already been used. Nothing was changed.":
        "Der Link ist ungültig oder wurde schon benutzt. Es wurde nichts geändert.",
    "Add an initiative": "Initiative eintragen",
    "You know a group that repairs, shares, gardens or saves energy? Tell us about it. No "
    "account is needed; a moderator checks every entry before it appears on the map.":
        "Du kennst eine Gruppe, die repariert, teilt, gärtnert oder Energie spart? Erzähl uns "
        "davon. Du brauchst kein Konto; die Moderation prüft jeden Eintrag, bevor er auf der "
        "Karte erscheint.",
    "Too many proposals from your connection. Please try again in an hour.":
        "Zu viele Vorschläge von deinem Anschluss. Bitte versuch es in einer Stunde wieder.",
    "About you": "Über dich",
    "We store your name and e-mail address together with the proposal, only to tell you the "
    "decision and to ask you questions about it. They are never published. ":
        "Wir speichern deinen Namen und deine E-Mail-Adresse zusammen mit dem Vorschlag, nur "
        "um dir die Entscheidung mitzuteilen und Rückfragen zu stellen. Sie werden nie "
        "veröffentlicht. ",
    "Please check the similar entries above. If yours is new, confirm it and send it again.":
        "Bitte sieh dir die ähnlichen Einträge oben an. Wenn deiner neu ist, bestätige das "
        "und schick ihn noch einmal ab.",
    "Send the proposal anyway": "Vorschlag trotzdem abschicken",
    "Send the proposal": "Vorschlag abschicken",
    "Moderation": "Moderation",
    "You see every entry (network team).": "Du siehst alle Einträge (Netzwerkteam).",
    "You see the entries inside your municipality.": "Du siehst die Einträge in deiner Kommune.",
    "Curate tags": "Schlagwörter pflegen",
    "Proposals waiting for review": "Vorschläge, die auf Prüfung warten",
    "Proposed by": "Vorgeschlagen von",
    "revised": "überarbeitet",
    "Note (optional)": "Notiz (freiwillig)",
    "Approve and publish": "Freigeben und veröffentlichen",
    "What should be changed?": "Was soll geändert werden?",
    "Ask for changes": "Um Änderungen bitten",
    "Reason for rejecting (mailed to the proposer)":
        "Grund der Ablehnung (geht per E-Mail an die vorschlagende Person)",
    "Nothing to review.": "Nichts zu prüfen.",
    "Reported problems": "Gemeldete Probleme",
    "The reporter left an e-mail address for questions:":
        "Für Rückfragen hat die meldende Person eine E-Mail-Adresse hinterlassen:",
    "Note": "Notiz",
    "Mark as resolved": "Als erledigt markieren",
    "Archive the entry": "Eintrag archivieren",
    "No open reports.": "Keine offenen Meldungen.",
    "Sent back to the proposer": "An die vorschlagende Person zurückgeschickt",
    "Latest decisions": "Letzte Entscheidungen",
    "Entry": "Eintrag",
    "Action": "Aktion",
    "By": "Von",
    "Reason / note": "Begründung / Notiz",
    "No decisions yet.": "Noch keine Entscheidungen.",
    "Report a problem": "Problem melden",
    "Tell the moderation what is wrong with this entry. Corrections help everybody.":
        "Sag der Moderation, was an diesem Eintrag nicht stimmt. Korrekturen helfen allen.",
    "Too many reports from your connection. Please try again later.":
        "Zu viele Meldungen von deinem Anschluss. Bitte versuch es später wieder.",
    "If you give your e-mail address, we keep it with the report only to ask you questions "
    "about it. ":
        "Wenn du deine E-Mail-Adresse angibst, speichern wir sie mit der Meldung nur für "
        "Rückfragen. ",
    "Send the report": "Meldung abschicken",
    "Details:": "Mehr dazu:",
    "privacy policy": "Datenschutzerklärung",
    "Revise your proposal": "Vorschlag überarbeiten",
    "Revise “%(name)s”": "„%(name)s“ überarbeiten",
    "The moderation asks:": "Die Moderation bittet:",
    "Send it again for review": "Erneut zur Prüfung abschicken",
    "Merging moves every entry of one tag to another and keeps the old name as a synonym. "
    "Searches and the tag filter treat synonyms as the tag itself.":
        "Beim Zusammenführen wandern alle Einträge eines Schlagworts zu einem anderen; der alte "
        "Name bleibt als Synonym erhalten. Suche und Schlagwort-Filter behandeln Synonyme wie "
        "das Schlagwort selbst.",
    "Merge tags": "Schlagwörter zusammenführen",
    "Merge": "Zusammenführen",
    "Add a synonym": "Synonym hinzufügen",
    "Save synonym": "Synonym speichern",
    "All tags": "Alle Schlagwörter",
    "Entries": "Einträge",
    "Synonyms": "Synonyme",
    "Remove synonym %(name)s": "Synonym %(name)s entfernen",
    "No tags yet.": "Noch keine Schlagwörter.",
    "Thank you": "Danke",
    "Your revised proposal is back with the moderation. We will tell you the decision by "
    "e-mail.":
        "Dein überarbeiteter Vorschlag liegt wieder bei der Moderation. Wir schreiben dir, wie "
        "sie entschieden hat.",
    "Your proposal has arrived. A moderator will review it soon; we will tell you the "
    "decision by e-mail.":
        "Dein Vorschlag ist angekommen. Die Moderation prüft ihn bald; wir schreiben dir, wie "
        "sie entschieden hat.",
    "We could not find this address. Please check the postcode or pick the location on the "
    "map.":
        "Diese Adresse haben wir nicht gefunden. Bitte prüfe die Postleitzahl oder wähle den "
        "Ort auf der Karte.",
    "Too many requests. Please wait a moment.": "Zu viele Anfragen. Bitte warte einen Moment.",
    "Enter at least a postcode or a city.": "Gib mindestens eine Postleitzahl oder einen Ort an.",
    "Address not found. Please pick the location on the map.":
        "Adresse nicht gefunden. Bitte wähle den Ort auf der Karte.",
    "Thank you. The moderation will look into it.":
        "Danke. Die Moderation sieht sich das an.",
    "Only the network team and municipal moderators can see the moderation queue.":
        "Nur das Netzwerkteam und kommunale Moderator*innen sehen die Moderation.",
    "“%(name)s” is published.": "„%(name)s“ ist veröffentlicht.",
    "“%(name)s” was rejected.": "„%(name)s“ wurde abgelehnt.",
    "The proposer of “%(name)s” was asked for changes.":
        "Die vorschlagende Person von „%(name)s“ wurde um Änderungen gebeten.",
    "You may not do this.": "Das darfst du nicht.",
    "Unknown action.": "Unbekannte Aktion.",
    "The report about “%(name)s” is resolved.": "Die Meldung zu „%(name)s“ ist erledigt.",
    "“%(name)s” is archived and no longer on the map.":
        "„%(name)s“ ist archiviert und nicht mehr auf der Karte.",
    "“%(a)s” was merged into “%(b)s”.": "„%(a)s“ wurde mit „%(b)s“ zusammengeführt.",
    "Synonym saved.": "Synonym gespeichert.",
    "Synonym removed.": "Synonym entfernt.",
    "entries": "Einträge",
    "Merge selected tags into the most used one":
        "Ausgewählte Schlagwörter im meistgenutzten zusammenführen",
    "Select at least two tags.": "Wähle mindestens zwei Schlagwörter.",
    "Merged into “%(name)s”.": "Zusammengeführt in „%(name)s“.",
    "tag synonym": "Schlagwort-Synonym",
    "tag synonyms": "Schlagwort-Synonyme",
    "The name contains a NUL character.": "Der Name enthält ein NUL-Zeichen.",
    "A tag name has at most 60 characters.": "Ein Schlagwort hat höchstens 60 Zeichen.",
    "Enter a name with letters or digits.": "Gib einen Namen mit Buchstaben oder Ziffern ein.",
    "“%(name)s” is a tag of its own: merge it instead.":
        "„%(name)s“ ist ein eigenes Schlagwort: Führe es stattdessen zusammen.",
    "“%(name)s” is already a synonym.": "„%(name)s“ ist schon ein Synonym.",
    "A tag cannot be merged into itself.":
        "Ein Schlagwort kann nicht mit sich selbst zusammengeführt werden.",
    "The tag no longer exists.": "Das Schlagwort gibt es nicht mehr.",
}

PLURALS = {
    "Revise and send it again through this link (valid for %(days)s day):": (
        "Überarbeite ihn und schick ihn über diesen Link erneut ab (%(days)s Tag gültig):",
        "Überarbeite ihn und schick ihn über diesen Link erneut ab (%(days)s Tage gültig):",
    ),
}
