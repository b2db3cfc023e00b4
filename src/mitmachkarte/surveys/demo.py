"""A closed demo survey with a few hundred plausible responses (`load_demo_surveys`).

Copied from the programme's template; respondents are published demo initiatives (all of
Bochum first, so the demo municipal login sees charts), each through its own invitation.
Rows are written in bulk: this is generated data, not answers typed into the forms.
Idempotent: a second run finds the survey and does nothing.
"""

import random
from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from mitmachkarte.initiatives.models import Initiative, Status

from . import services
from .answering import _dimensions
from .invitations import organisation_for
from .models import Answer, Invitation, Response, ResponseStatus, Survey
from .selectors import ordered_questions

DEMO_SLUG = "befragung-initiativen-demo"
BOCHUM_AGS = "05911000"
DETAILS = [
    "Ein fester Raum für unser monatliches Repair Café wäre eine große Hilfe.",
    "Die Genehmigung für den Infostand dauert jedes Mal mehrere Wochen.",
    "Wir suchen eine Ansprechperson in der Verwaltung, die sich auskennt.",
    "Kleine Förderbeträge ohne großen Antrag (Materialkosten, Versicherung).",
    "Werbung über die Kanäle der Stadt, z. B. Amtsblatt und Website.",
    "Eine Fläche für den Gemeinschaftsgarten, auch zur Zwischennutzung.",
    "Mehr Austausch mit anderen Initiativen in der Region.",
]
COMMENTS = [
    "Danke für die Befragung!",
    "Gern wieder ein Regionalgespräch in unserer Nähe.",
    "Die Verbraucherzentrale vor Ort hilft uns sehr.",
    "Wir sind neu und freuen uns über Kontakte.",
]


def _pick(rng, share: float) -> bool:
    return rng.random() < share


def _answers(rng, room_bias: float) -> dict:
    """{question key: (choice keys, other, number, text)} of one plausible respondent."""
    a = {}
    contact = _pick(rng, 0.78)
    a["has_contact"] = (["yes" if contact else "no"], "", None, "")
    if contact:
        quality = rng.choices([1, 2, 3, 4, 5], weights=[5, 10, 25, 35, 25])[0]
        a["contact_quality"] = ([], "", quality, "")
        through = [
            k
            for k, p in [
                ("sustainability_office", 0.45),
                ("advice_centre", 0.35),
                ("mayor", 0.15),
                ("council", 0.10),
                ("other_office", 0.30),
            ]
            if _pick(rng, p)
        ]
        other = "Quartiersmanagement" if _pick(rng, 0.05) else ""
        if through or other:
            a["contact_through"] = (through, other, None, "")
    wanted = [
        k
        for k, p in [
            ("permit", 0.52),
            ("room", min(0.95, 0.58 * room_bias)),
            ("funding", 0.66),
            ("publicity", 0.35),
            ("cooperation", 0.40),
        ]
        if _pick(rng, p)
    ]
    if wanted:
        a["support_wanted"] = (wanted, "", None, "")
    if _pick(rng, 0.3):
        a["support_details"] = ([], "", None, rng.choice(DETAILS))
    a["regional_talk"] = (
        [rng.choices(["yes", "maybe", "no"], weights=[50, 35, 15])[0]],
        "",
        None,
        "",
    )
    if _pick(rng, 0.85):
        a["working_group"] = (["yes" if _pick(rng, 0.55) else "no"], "", None, "")
    if _pick(rng, 0.7):
        a["members"] = ([], "", min(10000, max(1, int(rng.lognormvariate(2.5, 0.8)))), "")
    if _pick(rng, 0.1):
        a["comment"] = ([], "", None, rng.choice(COMMENTS))
    return a


def _respondents(count: int, rng) -> list[Initiative]:
    published = (
        Initiative.objects.filter(status=Status.PUBLISHED)
        .select_related("municipality")
        .order_by("pk")
    )
    by_town = defaultdict(list)
    for initiative in published:
        by_town[initiative.municipality_id].append(initiative)
    # Bochum first, then towns with many initiatives, so breakdown groups reach MIN_CELL.
    towns = sorted(
        by_town,
        key=lambda m: (
            by_town[m][0].municipality is None or by_town[m][0].municipality.ags != BOCHUM_AGS,
            -len(by_town[m]),
            m or 0,
        ),
    )
    chosen = [i for town in towns for i in by_town[town]][:count]
    rng.shuffle(chosen)
    return chosen


@transaction.atomic
def load(*, count: int = 300, seed: int = 2026) -> dict:
    existing = Survey.objects.filter(slug=DEMO_SLUG).first()
    if existing:
        return {"survey": existing, "created": 0}
    initiatives_ = _respondents(count, random.Random(seed))
    if not initiatives_:
        raise LookupError("no published initiatives: run `mitmachkarte load_demo` first")
    rng = random.Random(seed)
    now = timezone.now()
    template = services.install_template()
    survey = services.copy_survey(
        survey=template, title_de=f"Befragung der Initiativen {now.year} (Demo)"
    )
    Survey.objects.filter(pk=survey.pk).update(
        slug=DEMO_SLUG, opens_at=now - timedelta(days=45), closes_at=now - timedelta(days=3)
    )
    survey.refresh_from_db()
    questions = {q.key: q for q in ordered_questions(survey)}
    choices = {q.key: {c.key: c for c in q.choices.all()} for q in questions.values()}
    room_bias = {}
    created = 0
    through = Answer.choices.through
    for initiative in initiatives_:
        organisation = organisation_for(initiative)
        invitation = Invitation.objects.create(
            survey=survey, organisation=organisation, sent_at=survey.opens_at, responded=True
        )
        muni = initiative.municipality_id
        room_bias.setdefault(muni, rng.uniform(0.6, 1.45))
        submitted = survey.opens_at + timedelta(minutes=rng.randint(60, 60 * 24 * 40))
        response = Response.objects.create(
            survey=survey,
            invitation=invitation,
            status=ResponseStatus.SUBMITTED,
            submitted_at=submitted,
            started_on=submitted.date(),
            **_dimensions(organisation, anonymous=False),
        )
        links = []
        for key, (keys, other, number, text) in _answers(rng, room_bias[muni]).items():
            answer = Answer.objects.create(
                response=response,
                question=questions[key],
                other_text=other,
                number=number,
                text=text,
            )
            links += [through(answer_id=answer.pk, choice_id=choices[key][k].pk) for k in keys]
        through.objects.bulk_create(links)
        created += 1
    return {"survey": survey, "created": created}
