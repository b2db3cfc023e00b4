# German for the working groups app (groups) and the cooperation records.
GERMAN = {
    "Working groups": "Arbeitsgruppen", "Working group": "Arbeitsgruppe",
    "E-mail address": "E-Mail-Adresse",
    "Message to the chairs (optional)": "Nachricht an die Vorsitzenden (optional)",
    "Agenda": "Tagesordnung", "Minutes": "Protokoll", "Decisions": "Beschlüsse",
    "Task": "Aufgabe", "Owner": "Verantwortlich", "Due date": "Fällig am",
    "Your organisation": "Deine Organisation", "Cooperation partner": "Kooperationspartner",
    "Since": "Seit", "Short description": "Kurzbeschreibung",
    "Invitation to the working group %(group)s": "Einladung in die Arbeitsgruppe %(group)s",
    "Request to join %(group)s": "Beitrittsanfrage für %(group)s",
    "Minutes: %(group)s, %(day)s": "Protokoll: %(group)s, %(day)s",
    "Reminder: task due on %(day)s": "Erinnerung: Aufgabe fällig am %(day)s",
    "public": "öffentlich", "members only": "nur für Mitglieder", "chair": "Vorsitz",
    "member": "Mitglied", "purpose": "Zweck", "region": "Region",
    "For groups of several municipalities.": "Für Gruppen mehrerer Kommunen.",
    "visibility": "Sichtbarkeit", "SDG focus": "SDG-Schwerpunkt",
    "member organisations": "Mitgliedsorganisationen", "working group": "Arbeitsgruppe",
    "working groups": "Arbeitsgruppen", "person": "Person", "for organisation": "für Organisation",
    "joined": "beigetreten", "group member": "Gruppenmitglied", "group members": "Gruppenmitglieder",
    "pending": "offen", "approved": "angenommen", "declined": "abgelehnt", "message": "Nachricht",
    "decided": "entschieden", "join request": "Beitrittsanfrage",
    "join requests": "Beitrittsanfragen", "accepted": "angenommen", "invitation": "Einladung",
    "invitations": "Einladungen", "meeting series": "Terminreihe", "agenda": "Tagesordnung",
    "minutes": "Protokoll", "decisions": "Beschlüsse", "minutes sent": "Protokoll versandt",
    "meeting": "Treffen", "meetings": "Treffen", "open": "offen", "in progress": "in Arbeit",
    "done": "erledigt", "task": "Aufgabe", "due date": "fällig am", "action item": "Aufgabe",
    "action items": "Aufgaben", "funding": "Förderung", "room provision": "Raumbereitstellung",
    "joint event": "gemeinsame Veranstaltung", "permit support": "Unterstützung bei Genehmigungen",
    "working-group membership": "Mitarbeit in einer Arbeitsgruppe",
    "publicity": "Öffentlichkeitsarbeit",
    "municipality or advice centre": "Kommune oder Beratungsstelle", "since": "seit",
    "until": "bis", "entered by organisation": "eingetragen von Organisation",
    "cooperation": "Kooperation", "cooperations": "Kooperationen",
    "Only a chair of the working group may do this.":
        "Das darf nur der Vorsitz der Arbeitsgruppe.",
    "A working group needs a name.": "Eine Arbeitsgruppe braucht einen Namen.",
    "Unknown visibility.": "Unbekannte Sichtbarkeit.",
    "Give a municipality or a region.": "Gib eine Kommune oder eine Region an.",
    "Unknown role.": "Unbekannte Rolle.",
    "The person is not a member of this organisation.":
        "Die Person ist kein Mitglied dieser Organisation.",
    "Enter a valid e-mail address.": "Gib eine gültige E-Mail-Adresse ein.",
    "This invitation link is invalid or has expired.":
        "Dieser Einladungslink ist ungültig oder abgelaufen.",
    "This invitation has already been accepted.": "Diese Einladung wurde schon angenommen.",
    "This invitation was sent to another e-mail address.":
        "Diese Einladung ging an eine andere E-Mail-Adresse.",
    "Please log in to ask to join.": "Bitte melde dich an, um den Beitritt anzufragen.",
    "You are already a member of this working group.":
        "Du bist schon Mitglied dieser Arbeitsgruppe.",
    "This request has already been decided.": "Über diese Anfrage wurde schon entschieden.",
    "Give a venue or an online meeting link.": "Gib einen Ort oder einen Online-Link an.",
    "Meeting: %(group)s": "Treffen: %(group)s",
    "This date is not a working group meeting.":
        "Dieser Termin ist kein Treffen einer Arbeitsgruppe.",
    "At most 50,000 characters.": "Höchstens 50.000 Zeichen.",
    "Write the minutes before sending them.": "Schreib erst das Protokoll, dann versende es.",
    "Describe the task.": "Beschreibe die Aufgabe.", "Give a due date.": "Gib ein Fälligkeitsdatum an.",
    "The due date must not be before the meeting (%(day)s).":
        "Das Fälligkeitsdatum darf nicht vor dem Treffen (%(day)s) liegen.",
    "The owner must be a member of the working group.":
        "Verantwortlich kann nur ein Mitglied der Arbeitsgruppe sein.",
    "Only the owner or a chair may change this task.":
        "Diese Aufgabe ändern nur die verantwortliche Person oder der Vorsitz.",
    "Unknown status.": "Unbekannter Status.",
    "You can only enter cooperations of your own organisation.":
        "Du kannst nur Kooperationen deiner eigenen Organisation eintragen.",
    "A cooperation links an initiative with a municipality or an advice centre.":
        "Eine Kooperation verbindet eine Initiative mit einer Kommune oder Beratungsstelle.",
    "Unknown type of cooperation.": "Unbekannte Art der Kooperation.",
    "Give the date the cooperation began.": "Gib an, seit wann die Kooperation besteht.",
    "The end must not be before the beginning.": "Das Ende darf nicht vor dem Beginn liegen.",
    "The municipality of this cooperation is unknown (the initiative has no municipality).":
        "Die Kommune dieser Kooperation ist unbekannt (die Initiative hat keine Kommune).",
    "Only a member of %(organisation)s can confirm this cooperation.":
        "Nur ein Mitglied von %(organisation)s kann diese Kooperation bestätigen.",
    "This cooperation is already confirmed.": "Diese Kooperation ist schon bestätigt.",
    "Cooperations": "Kooperationen",
    "Municipality or advice centre": "Kommune oder Beratungsstelle", "Confirm": "Bestätigen",
    "No cooperations recorded yet.": "Noch keine Kooperationen eingetragen.",
    "Record a cooperation": "Kooperation eintragen", "Save": "Speichern",
    "Meetings (iCal)": "Treffen (iCal)", "Join": "Mitmachen", "Ask to join": "Beitritt anfragen",
    "Log in to ask to join.": "Melde dich an, um den Beitritt anzufragen.",
    "Next meetings": "Nächste Treffen",
    "Subscribe to the meetings (iCal)": "Treffen abonnieren (iCal)",
    "No meetings planned.": "Keine Treffen geplant.",
    "Past meetings and minutes": "Vergangene Treffen und Protokolle",
    "No past meetings yet.": "Noch keine vergangenen Treffen.", "Members": "Mitglieder",
    "Member organisations": "Mitgliedsorganisationen",
    "This working group shares its members, meetings and minutes only with its members.":
        "Diese Arbeitsgruppe teilt Mitglieder, Treffen und Protokolle nur mit ihren Mitgliedern.",
    "For chairs": "Für den Vorsitz", "Requests to join": "Beitrittsanfragen",
    "Approve": "Annehmen", "Decline": "Ablehnen", "No open requests.": "Keine offenen Anfragen.",
    "Invite by e-mail": "Per E-Mail einladen", "Send invitation": "Einladung senden",
    "Your task from the working group “%(group)s” is due on %(day)s:":
        "Deine Aufgabe aus der Arbeitsgruppe „%(group)s“ ist am %(day)s fällig:",
    "you are invited to join the working group “%(group)s” on %(SITE_NAME)s.":
        "du bist in die Arbeitsgruppe „%(group)s“ auf %(SITE_NAME)s eingeladen.",
    "Accept the invitation (log in with this e-mail address first):":
        "Einladung annehmen (melde dich vorher mit dieser E-Mail-Adresse an):",
    "The link is valid for 14 days.": "Der Link gilt 14 Tage.",
    "Someone asks to join the working group “%(group)s”.":
        "Jemand möchte der Arbeitsgruppe „%(group)s“ beitreten.",
    "Approve or decline the request on the group's page:":
        "Nimm die Anfrage auf der Seite der Gruppe an oder lehne sie ab:",
    "Action items": "Aufgaben", "Invitation": "Einladung",
    "Invitation to a working group": "Einladung in eine Arbeitsgruppe",
    "You are invited to join “%(group)s”.": "Du bist in „%(group)s“ eingeladen.",
    "Accept the invitation": "Einladung annehmen",
    "Standing groups of municipalities, advice centres and initiatives that meet regularly.":
        "Ständige Gruppen aus Kommunen, Beratungsstellen und Initiativen, die sich regelmäßig "
        "treffen.",
    "Cooperation records of my organisations": "Kooperationen meiner Organisationen",
    "You are a member": "Du bist Mitglied", "No working groups yet.": "Noch keine Arbeitsgruppen.",
    "Meeting on %(day)s": "Treffen am %(day)s",
    "Sent to the members on %(day)s.": "Am %(day)s an die Mitglieder versandt.",
    "No action items.": "Keine Aufgaben.", "Edit (chairs)": "Bearbeiten (Vorsitz)",
    "Save and send the minutes to all members":
        "Speichern und das Protokoll an alle Mitglieder senden",
    "New action item": "Neue Aufgabe", "Add": "Hinzufügen",
    "This working group shares its content only with its members.":
        "Diese Arbeitsgruppe teilt ihre Inhalte nur mit ihren Mitgliedern.",
    "The minutes were sent to every member.": "Das Protokoll ging an alle Mitglieder.",
    "Saved.": "Gespeichert.", "Your request was sent to the chairs.":
        "Deine Anfrage ging an den Vorsitz.",
    "The invitation was sent.": "Die Einladung wurde versandt.",
    "Welcome to the working group.": "Willkommen in der Arbeitsgruppe.",
    "Saved. The other side is asked to confirm.":
        "Gespeichert. Die andere Seite wird um Bestätigung gebeten.",
    "The cooperation is confirmed.": "Die Kooperation ist bestätigt.",
}
PLURALS = {
    "%(counter)s member": ("%(counter)s Mitglied", "%(counter)s Mitglieder"),
}

# Suggestions on a solved need's page (support exchange).
GERMAN.update({
    "Record this cooperation": "Diese Kooperation eintragen",
    "Solved with the help of a municipality or an advice centre? Record the cooperation: it "
    "shows in the municipality's network and SDG report once the other side confirms it.":
        "Mit Hilfe einer Kommune oder Beratungsstelle gelöst? Tragt die Kooperation ein: Sie "
        "erscheint im Netzwerk und im SDG-Bericht der Kommune, sobald die andere Seite sie "
        "bestätigt.",
    "already recorded": "bereits eingetragen",
    "Need “%(need)s” solved through the offer “%(offer)s”.":
        "Bedarf „%(need)s“ gelöst durch das Angebot „%(offer)s“.",
})
