"""The programme's own survey of initiatives, shipped as a template to copy.

Plain data (used by the data migration and by `services.install_template`): wording after
the programme's article on its survey (contact with the municipality, wanted support with
permits, room search and funding, cooperation, regional talks and working groups).
The choice keys of `support_wanted` are stable: `selectors.support_wishes` returns them.
"""

TEMPLATE_SLUG = "vorlage-befragung-initiativen"

SUPPORT_KEYS = ["permit", "room", "funding", "publicity", "cooperation"]

YES_NO = "yes_no"

SPEC = {
    "slug": TEMPLATE_SLUG,
    "title_de": "Befragung der Initiativen: Zusammenarbeit mit der Kommune",
    "title_en": "Survey of initiatives: cooperation with the municipality",
    "intro_de": (
        "Wie gut ist euer Kontakt zur Kommune, und wo wünscht ihr euch mehr "
        "Unterstützung? Die Befragung dauert etwa fünf Minuten. Kommunen sehen nur "
        "zusammengefasste Ergebnisse ihres Gebiets, nie einzelne Antworten."
    ),
    "intro_en": (
        "How good is your contact with the municipality, and where would you like "
        "more support? The survey takes about five minutes. Municipalities only see "
        "aggregated results for their territory, never single answers."
    ),
    "sections": [
        {
            "title_de": "Kontakt mit der Kommune",
            "title_en": "Contact with the municipality",
            "questions": [
                {
                    "key": "has_contact",
                    "type": YES_NO,
                    "required": True,
                    "text_de": "Habt ihr Kontakt zu eurer Kommune?",
                    "text_en": "Are you in contact with your municipality?",
                },
                {
                    "key": "contact_quality",
                    "type": "scale",
                    "required": True,
                    "condition": ("has_contact", ["yes"]),
                    "text_de": "Wie gut ist der Kontakt zur Kommune?",
                    "text_en": "How good is the contact with the municipality?",
                    "low_label_de": "sehr schlecht",
                    "low_label_en": "very poor",
                    "high_label_de": "sehr gut",
                    "high_label_en": "very good",
                },
                {
                    "key": "contact_through",
                    "type": "multiple",
                    "allow_other": True,
                    "condition": ("has_contact", ["yes"]),
                    "text_de": "Über wen läuft der Kontakt?",
                    "text_en": "Through whom does the contact run?",
                    "choices": [
                        (
                            "sustainability_office",
                            "Nachhaltigkeitsmanagement / Klimaschutz",
                            "Sustainability management / climate office",
                        ),
                        (
                            "advice_centre",
                            "Örtliche Verbraucher- und Umweltberatung",
                            "Local consumer and environmental advice centre",
                        ),
                        ("mayor", "Bürgermeisterin / Bürgermeister", "Mayor"),
                        ("council", "Rat oder Ausschüsse", "Council or committees"),
                        ("other_office", "Andere Fachämter", "Other departments"),
                    ],
                },
            ],
        },
        {
            "title_de": "Unterstützung",
            "title_en": "Support",
            "questions": [
                {
                    "key": "support_wanted",
                    "type": "multiple",
                    "allow_other": True,
                    "text_de": "Wobei wünscht ihr euch mehr Unterstützung durch die Kommune?",
                    "text_en": "Where would you like more support from the municipality?",
                    "help_de": "Mehrere Antworten möglich.",
                    "help_en": "Several answers possible.",
                    "choices": [
                        ("permit", "Genehmigungen", "Permits"),
                        ("room", "Raumsuche", "Finding rooms"),
                        ("funding", "Finanzielle Förderung", "Funding"),
                        ("publicity", "Öffentlichkeitsarbeit", "Publicity"),
                        ("cooperation", "Kooperationen", "Cooperation"),
                    ],
                },
                {
                    "key": "support_details",
                    "type": "long_text",
                    "text_de": "Was genau würde euch helfen?",
                    "text_en": "What exactly would help you?",
                },
            ],
        },
        {
            "title_de": "Vernetzung",
            "title_en": "Networking",
            "questions": [
                {
                    "key": "regional_talk",
                    "type": "single",
                    "required": True,
                    "text_de": "Habt ihr Interesse an einem Regionalgespräch mit Kommunen und "
                    "anderen Initiativen?",
                    "text_en": "Are you interested in a regional talk with municipalities and "
                    "other initiatives?",
                    "choices": [
                        ("yes", "Ja, gern", "Yes, gladly"),
                        ("maybe", "Vielleicht", "Maybe"),
                        ("no", "Nein", "No"),
                    ],
                },
                {
                    "key": "working_group",
                    "type": YES_NO,
                    "text_de": "Würdet ihr in einer gemeinsamen Arbeitsgruppe mit der Kommune "
                    "mitarbeiten (z. B. in einer Steuerungsgruppe)?",
                    "text_en": "Would you take part in a joint working group with the "
                    "municipality (e.g. a steering group)?",
                },
                {
                    "key": "members",
                    "type": "number",
                    "min_value": 1,
                    "max_value": 10000,
                    "text_de": "Wie viele Menschen engagieren sich etwa bei euch?",
                    "text_en": "About how many people are active in your group?",
                },
                {
                    "key": "comment",
                    "type": "short_text",
                    "text_de": "Möchtet ihr uns noch etwas mitteilen?",
                    "text_en": "Anything else you would like to tell us?",
                },
            ],
        },
    ],
}

YES_NO_CHOICES = [("yes", "Ja", "Yes"), ("no", "Nein", "No")]


def build(spec: dict, *, Survey, Section, Question, Choice, **survey_fields):
    """Create a survey from `spec` with the given model classes (migration-safe)."""
    survey = Survey.objects.create(
        slug=survey_fields.pop("slug", spec["slug"]),
        **{k: spec[k] for k in ("title_de", "title_en", "intro_de", "intro_en")},
        **survey_fields,
    )
    by_key = {}
    for s_pos, section_spec in enumerate(spec["sections"]):
        section = Section.objects.create(
            survey=survey,
            position=s_pos,
            title_de=section_spec["title_de"],
            title_en=section_spec["title_en"],
        )
        for q_pos, q in enumerate(section_spec["questions"]):
            fields = {k: v for k, v in q.items() if k not in ("choices", "condition")}
            question = Question.objects.create(
                survey=survey, section=section, position=q_pos, **fields
            )
            if "condition" in q:
                question.condition_question = by_key[q["condition"][0]]
                question.condition_values = list(q["condition"][1])
                question.save()
            choices = YES_NO_CHOICES if q["type"] == YES_NO else q.get("choices", [])
            for c_pos, (key, de, en) in enumerate(choices):
                Choice.objects.create(
                    question=question, position=c_pos, key=key, label_de=de, label_en=en
                )
            by_key[q["key"]] = question
    return survey
