"""German for the surveys app (issue 9)."""

GERMAN = {
    "This is a template; it cannot be answered.": "Dies ist eine Vorlage; sie kann nicht beantwortet werden.",
    "This survey closed on %(date)s; answers can no longer be changed.": "Diese Befragung ist am %(date)s zu Ende gegangen; Antworten können nicht mehr "
    "geändert werden.",
    "This survey is not open yet.": "Diese Befragung hat noch nicht begonnen.",
    "This invitation belongs to another survey.": "Diese Einladung gehört zu einer anderen Befragung.",
    "This invitation has already been used for an anonymous answer. It can only be changed "
    "in the browser it was given in.": "Mit dieser Einladung wurde schon anonym geantwortet. Die Antwort lässt sich nur in "
    "dem Browser ändern, in dem sie gegeben wurde.",
    "This survey is by invitation only: please use the personal link from your e-mail.": "An dieser Befragung nimmt man nur mit Einladung teil: Bitte nutzt den persönlichen "
    "Link aus eurer E-Mail.",
    "Please pick one answer only.": "Bitte wähle nur eine Antwort.",
    "“Other” is not offered here.": "„Sonstiges“ wird hier nicht angeboten.",
    "Please say what “other” means.": "Bitte schreib dazu, was „sonstiges“ ist.",
    "“%(key)s” is not one of the offered answers.": "„%(key)s“ ist keine der angebotenen Antworten.",
    "Please enter a number.": "Bitte gib eine Zahl ein.",
    "Please pick a value from 1 to 5.": "Bitte wähle einen Wert von 1 bis 5.",
    "Please enter a number from %(low)s to %(high)s.": "Bitte gib eine Zahl von %(low)s bis %(high)s ein.",
    "Please enter a number with at most two decimals.": "Bitte gib eine Zahl mit höchstens zwei Nachkommastellen ein.",
    "Please write at most %(n)s characters.": "Bitte schreib höchstens %(n)s Zeichen.",
    "Please answer this question.": "Bitte beantworte diese Frage.",
    "Please answer the required questions: %(list)s": "Bitte beantworte die Pflichtfragen: %(list)s",
    "This invitation has already been used for an anonymous answer.": "Mit dieser Einladung wurde schon anonym geantwortet.",
    "The answer could not be saved.": "Die Antwort konnte nicht gespeichert werden.",
    "Surveys": "Befragungen",
    "Responses": "Antworten",
    "title (German)": "Titel (deutsch)",
    "key": "Schlüssel",
    "Lower-case letters, digits and _, e.g. support_wanted.": "Kleinbuchstaben, Ziffern und _, z. B. support_wanted.",
    "question (German)": "Frage (deutsch)",
    "question (English)": "Frage (englisch)",
    "help text (German)": "Hilfetext (deutsch)",
    "help text (English)": "Hilfetext (englisch)",
    "required": "Pflichtfrage",
    "choices": "Antwortmöglichkeiten",
    "Single and multiple choice: one per line, “key | German | English”, e.g. “room | "
    "Raumsuche | Finding rooms”.": "Einfach- und Mehrfachauswahl: eine pro Zeile, „Schlüssel | Deutsch | Englisch“, "
    "z. B. „room | Raumsuche | Finding rooms“.",
    "“other: …” option": "Option „Sonstiges: …“",
    "minimum": "Minimum",
    "maximum": "Maximum",
    "label of 1 (German)": "Beschriftung von 1 (deutsch)",
    "label of 1 (English)": "Beschriftung von 1 (englisch)",
    "label of 5 (German)": "Beschriftung von 5 (deutsch)",
    "label of 5 (English)": "Beschriftung von 5 (englisch)",
    "show only if the answer to": "nur zeigen, wenn die Antwort auf",
    "is one of (keys, comma-separated)": "eine davon ist (Schlüssel, durch Kommas getrennt)",
    "e.g. “yes”, or “4, 5” for a scale": "z. B. „yes“, oder „4, 5“ bei einer Skala",
    "administrative regions": "Regierungsbezirke",
    "Names' slugs or 8-digit AGS, comma-separated, e.g. bochum, 05315000": "Kürzel aus der Adresse oder 8-stelliger AGS, durch Kommas getrennt, "
    "z. B. bochum, 05315000",
    "Unknown municipality: %(value)s": "Unbekannte Kommune: %(value)s",
    "Pick at least one region or municipality.": "Wähle mindestens einen Regierungsbezirk oder eine Kommune.",
    "A template cannot be sent; copy it first.": "Eine Vorlage wird nicht verschickt; kopiere sie zuerst.",
    "This survey has closed; invitations are no longer sent.": "Diese Befragung ist beendet; es werden keine Einladungen mehr verschickt.",
    "Pick the municipalities or regions to invite.": "Wähle die Kommunen oder Regierungsbezirke, die eingeladen werden sollen.",
    "Invitation: %(title)s": "Einladung: %(title)s",
    "Reminder: %(title)s": "Erinnerung: %(title)s",
    "single choice": "Einfachauswahl",
    "multiple choice": "Mehrfachauswahl",
    "scale 1–5": "Skala 1–5",
    "yes/no": "ja/nein",
    "number": "Zahl",
    "short text": "kurzer Text",
    "long text": "langer Text",
    "title (English)": "Titel (englisch)",
    "introduction (German)": "Einleitung (deutsch)",
    "introduction (English)": "Einleitung (englisch)",
    "template": "Vorlage",
    "Templates are never answered; the network team copies them.": "Vorlagen werden nie beantwortet; das Netzwerkteam kopiert sie.",
    "anonymous": "anonym",
    "Answers are never linked to an organisation; only the administrative region is kept "
    "for the results.": "Antworten werden nie mit einer Organisation verknüpft; für die Auswertung bleibt nur "
    "der Regierungsbezirk.",
    "open link": "offener Link",
    "Anyone with the survey's address may answer, not only invited organisations.": "Alle mit der Adresse der Befragung dürfen antworten, nicht nur eingeladene "
    "Organisationen.",
    "opens": "beginnt",
    "closes": "endet",
    "survey": "Befragung",
    "surveys": "Befragungen",
    "description (German)": "Beschreibung (deutsch)",
    "description (English)": "Beschreibung (englisch)",
    "section": "Abschnitt",
    "sections": "Abschnitte",
    "Stable machine name, e.g. the column in exports.": "Fester technischer Name, z. B. die Spalte in Exporten.",
    "show if the answer to": "zeigen, wenn die Antwort auf",
    "is one of": "eine davon ist",
    "question": "Frage",
    "questions": "Fragen",
    "label (German)": "Beschriftung (deutsch)",
    "label (English)": "Beschriftung (englisch)",
    "choice": "Antwortmöglichkeit",
    "invitation": "Einladung",
    "invitations": "Einladungen",
    "submitted": "abgeschickt",
    "response": "Antwort",
    "responses": "Antworten",
    "administrative region (Regierungsbezirk)": "Regierungsbezirk",
    "not known": "unbekannt",
    "A template is not edited here; copy it first.": "Eine Vorlage wird hier nicht bearbeitet; kopiere sie zuerst.",
    "This survey already has responses: its questions can no longer be changed, only texts "
    "and dates.": "Diese Befragung hat schon Antworten: Ihre Fragen lassen sich nicht mehr ändern, nur "
    "Texte und Termine.",
    "The closing date must be after the opening date.": "Das Ende muss nach dem Beginn liegen.",
    "A German title is needed.": "Ein deutscher Titel ist nötig.",
    "The anonymous mode cannot change once there are responses.": "Der anonyme Modus lässt sich nicht mehr ändern, sobald es Antworten gibt.",
    "A question in another section depends on this section; remove that condition first.": "Eine Frage in einem anderen Abschnitt hängt von diesem Abschnitt ab; entferne zuerst "
    "diese Bedingung.",
    "Line %(n)s: write “key | German | English”.": "Zeile %(n)s: Schreibe „Schlüssel | Deutsch | Englisch“.",
    "Line %(n)s: the key “%(key)s” must be lower-case letters, digits or _ and start with a "
    "letter.": "Zeile %(n)s: Der Schlüssel „%(key)s“ darf nur Kleinbuchstaben, Ziffern und _ "
    "enthalten und muss mit einem Buchstaben beginnen.",
    "Line %(n)s: the key “%(key)s” is used twice.": "Zeile %(n)s: Der Schlüssel „%(key)s“ kommt zweimal vor.",
    "A condition may only refer to an earlier question (“%(q)s” comes later or is the "
    "question itself).": "Eine Bedingung darf sich nur auf eine frühere Frage beziehen („%(q)s“ kommt später "
    "oder ist die Frage selbst).",
    "Conditions work on choice, yes/no and scale questions only.": "Bedingungen gehen nur mit Auswahl-, Ja/Nein- und Skalenfragen.",
    "Pick the answers of “%(q)s” that show this question (possible: %(keys)s).": "Wähle die Antworten auf „%(q)s“, bei denen diese Frage erscheint "
    "(möglich: %(keys)s).",
    "The German question text is needed.": "Der deutsche Fragetext ist nötig.",
    "The key must be lower-case letters, digits or _ and start with a letter.": "Der Schlüssel darf nur Kleinbuchstaben, Ziffern und _ enthalten und muss mit einem "
    "Buchstaben beginnen.",
    "Another question of this survey has this key.": "Eine andere Frage dieser Befragung hat diesen Schlüssel.",
    "A choice question needs at least two choices.": "Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten.",
    "The maximum must not be below the minimum.": "Das Maximum darf nicht unter dem Minimum liegen.",
    "The question belongs to another survey.": "Die Frage gehört zu einer anderen Befragung.",
    "Unknown question type.": "Unbekannte Fragenart.",
    "Other questions are shown depending on this one; remove their condition first.": "Andere Fragen hängen von dieser ab; entferne zuerst deren Bedingung.",
    "fewer than %(min_cell)s": "weniger als %(min_cell)s",
    "other:": "Sonstiges:",
    "from %(low)s to %(high)s": "von %(low)s bis %(high)s",
    "several answers possible; shares of those who answered": "mehrere Antworten möglich; Anteile an allen, die geantwortet haben",
    "Fewer than %(min_cell)s answers: not shown, to protect the respondents.": "Weniger als %(min_cell)s Antworten: zum Schutz der Befragten nicht gezeigt.",
    "%(n)s answers · mean %(mean)s · median %(median)s · from %(min)s to %(max)s": "%(n)s Antworten · Mittelwert %(mean)s · Median %(median)s · von %(min)s bis %(max)s",
    "no answer": "keine Antwort",
    "You have already submitted your answers. Changes you save here count at once.": "Ihr habt eure Antworten schon abgeschickt. Änderungen, die ihr hier speichert, "
    "gelten sofort.",
    "This survey is anonymous: your answers are not linked to your organisation.": "Diese Befragung ist anonym: Eure Antworten werden nicht mit eurer Organisation "
    "verknüpft.",
    "Progress": "Fortschritt",
    "Part %(page)s of %(pages)s": "Teil %(page)s von %(pages)s",
    "open until %(date)s": "offen bis %(date)s",
    "Please check the marked questions. Your other answers are saved.": "Bitte prüfe die markierten Fragen. Deine übrigen Antworten sind gespeichert.",
    "Back": "Zurück",
    "Save and continue later": "Speichern und später weitermachen",
    "Check answers": "Antworten prüfen",
    "Address for answering:": "Adresse zum Antworten:",
    "Results": "Ergebnisse",
    "This survey already has responses: its questions are frozen; texts and dates can still "
    "change.": "Diese Befragung hat schon Antworten: Ihre Fragen stehen fest; Texte und Termine "
    "lassen sich noch ändern.",
    "Settings and dates": "Einstellungen und Termine",
    "Save": "Speichern",
    "Questions": "Fragen",
    "Move up": "Nach oben",
    "Move down": "Nach unten",
    "Delete section": "Abschnitt löschen",
    "shown if %(key)s ∈ %(values)s": "gezeigt, wenn %(key)s ∈ %(values)s",
    "Edit": "Bearbeiten",
    "Delete": "Löschen",
    "Add a question": "Frage hinzufügen",
    "Add a section": "Abschnitt hinzufügen",
    "Add section": "Abschnitt hinzufügen",
    "Invitations": "Einladungen",
    "%(invitation_count)s organisations invited, %(sent_count)s e-mailed, "
    "%(responded_count)s answered.": "%(invitation_count)s Organisationen eingeladen, %(sent_count)s per E-Mail "
    "angeschrieben, %(responded_count)s haben geantwortet.",
    "Invites every published initiative in the chosen regions or municipalities (an "
    "organisation is created for initiatives that have none). Each gets a personal link.": "Lädt alle veröffentlichten Initiativen in den gewählten Regierungsbezirken oder "
    "Kommunen ein (Initiativen ohne Organisation bekommen eine). Jede erhält einen "
    "persönlichen Link.",
    "Invite initiatives": "Initiativen einladen",
    "Send invitations": "Einladungen senden",
    "Send reminders": "Erinnerungen senden",
    "Templates": "Vorlagen",
    "Title of the copy": "Titel der Kopie",
    "Copy": "Kopieren",
    "Your surveys": "Eure Befragungen",
    "Survey": "Befragung",
    "open": "offen",
    "closed": "beendet",
    "planned": "geplant",
    "No survey yet: copy the template or start an empty one.": "Noch keine Befragung: Kopiere die Vorlage oder beginne eine leere.",
    "New empty survey": "Neue leere Befragung",
    "Create": "Anlegen",
    "Surveys of initiatives in %(name)s": "Befragungen der Initiativen in %(name)s",
    "Aggregated answers of the initiatives in your territory. Answers chosen by fewer than "
    "%(min_cell)s respondents, and results with fewer than %(min_cell)s responses, are not "
    "shown. Anonymous surveys keep no municipality and are not listed here.": "Zusammengefasste Antworten der Initiativen in eurem Gebiet. Antworten, die weniger "
    "als %(min_cell)s Befragte gegeben haben, und Ergebnisse mit weniger als "
    "%(min_cell)s Antworten werden nicht gezeigt. Anonyme Befragungen speichern keine "
    "Kommune und fehlen hier.",
    "Show": "Anzeigen",
    "fewer than %(min_cell)s responses": "weniger als %(min_cell)s Antworten",
    "No survey has answers from this municipality yet.": "Noch keine Befragung hat Antworten aus dieser Kommune.",
    "Preview: this is how respondents see the survey (in the active language). Nothing is "
    "saved.": "Vorschau: So sehen Befragte die Befragung (in der eingestellten Sprache). Nichts "
    "wird gespeichert.",
    "Back to the builder": "Zurück zum Bearbeiten",
    "Your answers": "Deine Antworten",
    "Question": "Frage",
    "Edit question": "Frage bearbeiten",
    "New question": "Neue Frage",
    "Save question": "Frage speichern",
    "Cancel": "Abbrechen",
    "Aggregated results of your territory:": "Zusammengefasste Ergebnisse eures Gebiets:",
    "Groups and answers with fewer than %(min_cell)s responses are not shown.": "Gruppen und Antworten mit weniger als %(min_cell)s Nennungen werden nicht gezeigt.",
    "Anonymous survey: no answer is linked to an organisation; only the administrative "
    "region is kept.": "Anonyme Befragung: Keine Antwort ist mit einer Organisation verknüpft; nur der "
    "Regierungsbezirk bleibt.",
    "Download CSV": "CSV herunterladen",
    "Download Excel (XLSX)": "Excel (XLSX) herunterladen",
    "Breakdown": "Aufschlüsselung",
    "by": "nach",
    "Chart of one answer": "Diagramm einer Antwort",
    "all answers (table)": "alle Antworten (Tabelle)",
    "Groups with fewer than %(min_cell)s responses, and answers given by fewer than "
    "%(min_cell)s respondents, are hidden.": "Gruppen mit weniger als %(min_cell)s Antworten und Antworten, die weniger als "
    "%(min_cell)s Befragte gegeben haben, werden nicht gezeigt.",
    "Groups with fewer than %(min_cell)s responses are hidden.": "Gruppen mit weniger als %(min_cell)s Antworten werden nicht gezeigt.",
    "No answers yet.": "Noch keine Antworten.",
    "Check your answers": "Antworten prüfen",
    "These required questions are still open:": "Diese Pflichtfragen sind noch offen:",
    "Change answers": "Antworten ändern",
    "Save changes": "Änderungen speichern",
    "Submit answers": "Antworten abschicken",
    "Thank you": "Danke",
    "Your answers to “%(title)s” are saved.": "Eure Antworten zu „%(title)s“ sind gespeichert.",
    "You can change them until %(date)s.": "Ihr könnt sie bis %(date)s ändern.",
    "This invitation link has expired. Please ask the network team for a new one.": "Dieser Einladungslink ist abgelaufen. Bitte fragt das Netzwerkteam nach einem neuen.",
    "This invitation link is not valid. Please copy the whole link from your e-mail.": "Dieser Einladungslink ist ungültig. Bitte kopiert den ganzen Link aus eurer E-Mail.",
    "This survey has no questions yet.": "Diese Befragung hat noch keine Fragen.",
    "Your answers are saved. You can continue later with the same link.": "Eure Antworten sind gespeichert. Ihr könnt später mit demselben Link weitermachen.",
    "Only the network team manages surveys.": "Nur das Netzwerkteam verwaltet Befragungen.",
    "Copied. Set the dates, check the questions and invite.": "Kopiert. Lege die Termine fest, prüfe die Fragen und lade ein.",
    "Saved.": "Gespeichert.",
    "Question saved.": "Frage gespeichert.",
    "%(n)s organisations invited; the e-mails are on their way.": "%(n)s Organisationen eingeladen; die E-Mails sind unterwegs.",
    "%(n)s organisations invited; the e-mails go out once the survey is open (button “Send "
    "invitations”).": "%(n)s Organisationen eingeladen; die E-Mails gehen raus, sobald die Befragung offen "
    "ist (Knopf „Einladungen senden“).",
    "Invitations and reminders are sent while the survey is open: set the opening and "
    "closing dates first.": "Einladungen und Erinnerungen gehen nur raus, solange die Befragung offen ist: Lege "
    "zuerst Beginn und Ende fest.",
    "Reminders are on their way.": "Die Erinnerungen sind unterwegs.",
    "Invitations are on their way.": "Die Einladungen sind unterwegs.",
    "Unknown question “%(key)s”; showing the first one.": "Unbekannte Frage „%(key)s“; die erste wird gezeigt.",
    "This breakdown is not available here.": "Diese Aufschlüsselung gibt es hier nicht.",
    "Unknown answer “%(key)s”.": "Unbekannte Antwort „%(key)s“.",
    "Only the network team and municipalities see results.": "Nur das Netzwerkteam und Kommunen sehen Ergebnisse.",
    "Exports of single responses are for the network team.": "Exporte einzelner Antworten sind dem Netzwerkteam vorbehalten.",
    "Unknown format: use csv or xlsx.": "Unbekanntes Format: nutze csv oder xlsx.",
    "Only members of this municipality and the network team see its survey results.": "Nur Mitglieder dieser Kommune und das Netzwerkteam sehen ihre Befragungsergebnisse.",
}

PLURALS = {
    "%(counter)s answer": ("%(counter)s Antwort", "%(counter)s Antworten"),
    "%(counter)s free-text answer": (
        "%(counter)s Freitext-Antwort",
        "%(counter)s Freitext-Antworten",
    ),
    "%(counter)s question": ("%(counter)s Frage", "%(counter)s Fragen"),
    "%(counter)s response": ("%(counter)s Antwort", "%(counter)s Antworten"),
}

GERMAN["Aggregated survey results of the initiatives in your territory:"] = (
    "Zusammengefasste Befragungsergebnisse der Initiativen in eurem Gebiet:"
)

# Into action: support wishes become needs of the support exchange.
GERMAN.update(
    {
        "Room wanted": "Raum gesucht",
        "Support with permits": "Unterstützung bei Genehmigungen",
        "Funding wanted": "Förderung gesucht",
        "Support with publicity": "Unterstützung bei der Öffentlichkeitsarbeit",
        "From our answer to the survey “%(survey)s” (%(date)s). Please describe here what exactly "
        "you need, when and how often.": "Aus unserer Antwort auf die Befragung „%(survey)s“ (%(date)s). Bitte beschreibt hier, "
        "was ihr genau braucht, wann und wie oft.",
        "This answer is not linked to an organisation (anonymous survey or open link), so it "
        "cannot become a need.": "Diese Antwort gehört zu keiner Organisation (anonyme Befragung oder offener Link), "
        "daher kann kein Bedarf daraus werden.",
        "Only members of %(organisation)s can turn these answers into needs.": "Nur Mitglieder von %(organisation)s können aus diesen Antworten Bedarfe machen.",
        "There is no type of need for this answer.": "Für diese Antwort gibt es keine Bedarfsart.",
        "Submit your answers first.": "Bitte sende zuerst deine Antworten ab.",
        "You did not ask for this support in your answers.": "Diese Unterstützung hast du in deinen Antworten nicht gewünscht.",
        "The need is posted in the support exchange. Describe it in more detail with “Edit”.": "Der Bedarf steht in der Unterstützungsbörse. Beschreibe ihn mit „Bearbeiten“ genauer.",
        "This need was already created from your answers.": "Dieser Bedarf wurde bereits aus euren Antworten erstellt.",
        "Into action: ask the support exchange": "Ins Handeln kommen: Unterstützungsbörse fragen",
        "This answer is not linked to an organisation (anonymous survey or open link), so it "
        "cannot become a need of your initiative with one click.": "Diese Antwort gehört zu keiner Organisation (anonyme Befragung oder offener Link), "
        "daher kann daraus nicht mit einem Klick ein Bedarf eurer Initiative werden.",
        "Post a need in the support exchange yourself.": "Stellt selbst einen Bedarf in die Unterstützungsbörse.",
        "Log in as a member of %(name)s to turn the support you asked for into needs of the "
        "support exchange.": "Melde dich als Mitglied von %(name)s an, um die gewünschte Unterstützung als Bedarfe in "
        "die Unterstützungsbörse zu stellen.",
        "Log in": "Anmelden",
        "Only members of %(name)s can turn these answers into needs of the support exchange.": "Nur Mitglieder von %(name)s können aus diesen Antworten Bedarfe in der "
        "Unterstützungsbörse machen.",
        "You asked for support. Post it as a need: offers of municipalities, advice centres and "
        "others nearby are matched to it, and you can edit it afterwards.": "Ihr habt euch Unterstützung gewünscht. Stellt sie als Bedarf ein: Angebote von "
        "Kommunen, Beratungsstellen und anderen in der Nähe werden passend vorgeschlagen, und "
        "ihr könnt den Bedarf danach bearbeiten.",
        "already created": "bereits erstellt",
        "Post need “%(title)s”": "Bedarf „%(title)s“ einstellen",
        "Cooperation is not a need of the support exchange: see the working groups and record "
        "cooperations with your municipality.": "Kooperation ist kein Bedarf der Unterstützungsbörse: Schaut in die Arbeitsgruppen und "
        "tragt Kooperationen mit eurer Kommune ein.",
    }
)
