"""Demo moderation work (`load_demo_moderation`; after load_demo and load_demo_accounts).

Pending proposals inside Bochum (for bochum@demo.example) and elsewhere in NRW (for the
network team), one of them a likely duplicate of a published Bochum entry, and two open
problem reports. Idempotent: entries are recognised by name and demo proposer, reports
by their message.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from mitmachkarte.core import mail
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.organisations import demo as accounts

from . import services
from .models import ProblemReport, Proposal, ReportStatus

PROPOSER = {"proposer_name": "Demo Vorschlag", "proposer_email": "vorschlag@demo.example"}
PROPOSALS = [
    # name, lat, lon, categories, city, short description
    (
        "Lastenrad-Verleih Ehrenfeld Bochum",
        51.4790,
        7.2010,
        ["mobility"],
        "Bochum",
        "Kostenlose Lastenräder zum Ausleihen, von Nachbarn für Nachbarn.",
    ),
    (
        "Saatgut-Tauschbörse Langendreer",
        51.4745,
        7.3220,
        ["gardening-nature"],
        "Bochum",
        "Samenfestes Saatgut tauschen, jeden Frühling im Stadtteilzentrum.",
    ),
    (
        "Kleidertausch im Bahnhof",
        50.9430,
        6.9580,
        ["clothing"],
        "Köln",
        "Einmal im Monat Kleidung tauschen statt kaufen.",
    ),
    (
        "Solidarische Landwirtschaft Münsterland",
        51.9700,
        7.6100,
        ["food"],
        "Münster",
        "Wir teilen die Ernte eines Hofs am Stadtrand.",
    ),
]
REPORTS = [
    ("closed", "Das Repair Café hat laut Aushang seit Sommer geschlossen. (Demo-Meldung)"),
    ("wrong_data", "Die Treffzeiten stimmen nicht mehr, jetzt dienstags. (Demo-Meldung)"),
]


@dataclass
class Summary:
    logins: list
    proposals: int
    reports: int


def _quiet():
    return mail.suppressed()


def _propose(*, name, lat, lon, categories, city, short, **extra) -> None:
    if Proposal.objects.filter(
        proposer_email=PROPOSER["proposer_email"], initiative__name=name
    ).exists():
        return
    try:
        services.propose_initiative(
            name=name,
            short_description=short,
            latitude=lat,
            longitude=lon,
            categories=categories,
            city=city,
            not_a_duplicate=True,
            description="Ein **Demo-Vorschlag** zum Ausprobieren der Moderation.",
            **PROPOSER,
            **extra,
        )
    except ValidationError as exc:  # a category missing from an old database, say
        raise LookupError(f"demo proposal “{name}”: {'; '.join(exc.messages)}") from exc


@transaction.atomic
def load() -> Summary:
    logins = accounts.load()  # the demo accounts (idempotent) and Bochum's presence
    bochum = accounts.BOCHUM_AGS
    with _quiet():
        for name, lat, lon, categories, city, short in PROPOSALS:
            _propose(name=name, lat=lat, lon=lon, categories=categories, city=city, short=short)
        # A likely duplicate: a published Bochum entry proposed again 20 m away.
        original = (
            Initiative.objects.filter(municipality__ags=bochum, status=Status.PUBLISHED)
            .order_by("-slug")
            .first()
        )
        if original is not None:
            _propose(
                name=original.name,
                lat=original.latitude + 0.0002,
                lon=original.longitude,
                categories=[c.slug for c in original.categories.all()[:1]],
                city="Bochum",
                short="Doppelt vorgeschlagen – bitte prüfen (Demo).",
            )
        published = Initiative.objects.filter(status=Status.PUBLISHED)
        targets = [
            published.filter(municipality__ags=bochum).order_by("slug")[1:2].first(),
            published.exclude(municipality__ags=bochum).order_by("slug").first(),
        ]
        for (kind, message), initiative in zip(REPORTS, targets, strict=True):
            if initiative is None or ProblemReport.objects.filter(message=message).exists():
                continue
            services.report_problem(initiative=initiative, kind=kind, message=message)
    pending = Proposal.objects.filter(
        proposer_email=PROPOSER["proposer_email"], initiative__status=Status.PENDING
    ).count()
    reports = ProblemReport.objects.filter(
        status=ReportStatus.OPEN, message__endswith="(Demo-Meldung)"
    ).count()
    return Summary(logins=logins, proposals=pending, reports=reports)
