"""Demo working groups, meetings with minutes, action items, cooperations and strategy
priorities for three model municipalities (`load_demo_groups`; after load_demo and
load_demo_accounts; idempotent: groups are found by slug, cooperations by their pair).
"""

from datetime import date, datetime, time, timedelta

from dateutil.rrule import MONTHLY, TU, rrule
from django.db import transaction
from django.utils import timezone

from mitmachkarte.events.recurrence import EVENT_TZ
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations import demo as accounts
from mitmachkarte.organisations.models import Organisation, OrganisationType, Role
from mitmachkarte.organisations.services import add_member, create_organisation
from mitmachkarte.sdgreport.services import set_strategy

from . import cooperations, services
from .models import Cooperation, CooperationType, GroupRole, Meeting, Visibility, WorkingGroup

# ags, city, strategy goals, strategy targets
TOWNS = [
    ("05911000", "Bochum", [7, 11, 12, 13], ["11.6", "12.3", "12.5", "13.2", "4.7"]),
    ("05315000", "Köln", [3, 11, 13, 15, 16], ["11.2", "13.1", "15.5", "16.7"]),
    ("05913000", "Dortmund", [4, 8, 10, 11], ["4.7", "8.5", "10.2", "11.3"]),
]
COOPERATION_CYCLE = [
    CooperationType.ROOM,
    CooperationType.FUNDING,
    CooperationType.JOINT_EVENT,
    CooperationType.PUBLICITY,
    CooperationType.PERMIT,
    CooperationType.WORKING_GROUP,
]
MINUTES = """**Anwesend:** Nachhaltigkeitsmanagement, Umweltberatung, {count} Initiativen

1. Rückblick auf die letzten Aktionen
2. Raumbedarf für Reparaturtermine: Das Bürgerhaus steht ab sofort zur Verfügung.
3. Planung der Aktionstage Nachhaltigkeit im September
"""
DECISIONS = "- Gemeinsamer Stand bei den Aktionstagen\n- Nächstes Treffen mit Schwerpunkt Klima"


def _organisation(slug: str, **fields) -> Organisation:
    return Organisation.objects.filter(slug=slug).first() or create_organisation(
        slug=slug, **fields
    )


def _initiative_org(initiative: Initiative) -> Organisation:
    return Organisation.objects.filter(initiative=initiative).first() or _organisation(
        f"initiative-{initiative.slug}"[:180],
        name=initiative.name,
        type=OrganisationType.INITIATIVE,
        initiative=initiative,
    )


def _second_tuesday_before(today: date, months: int) -> datetime:
    first = date(today.year, today.month, 1)
    for _step in range(months):
        first = (first - timedelta(days=1)).replace(day=1)
    start = datetime.combine(first, time(17, 0), tzinfo=EVENT_TZ)
    return next(iter(rrule(MONTHLY, byweekday=TU(2), dtstart=start)))


def _group(
    *,
    slug,
    name,
    municipality,
    chair,
    members,
    organisations,
    sdgs,
    today,
    visibility=Visibility.PUBLIC,
    purpose="",
) -> WorkingGroup:
    group = WorkingGroup.objects.filter(slug=slug).first()
    if group:
        return group
    group = services.create_group(
        name=name,
        slug=slug,
        created_by=chair,
        purpose=purpose,
        municipality=municipality,
        visibility=visibility,
        sdgs=sdgs,
        organisations=organisations,
    )
    for user, organisation in members:
        services.add_member(
            group=group, user=user, organisation=organisation, role=GroupRole.MEMBER
        )
    start = _second_tuesday_before(today, 3)
    now = datetime.combine(start.date(), time(0, 0), tzinfo=EVENT_TZ)
    series = services.schedule_meetings(
        group=group,
        by=chair,
        start=start,
        end=start + timedelta(hours=2),
        recurrence="FREQ=MONTHLY;BYDAY=2TU",
        venue_name="Rathaus, Sitzungsraum 2",
        city=municipality.name,
        latitude=municipality.latitude,
        longitude=municipality.longitude,
        now=now,
    )
    past = series.event.occurrences.filter(start__lt=timezone.now()).order_by("start")
    for index, occurrence in enumerate(past):
        meeting = services.meeting_for(occurrence=occurrence)
        services.save_notes(
            meeting=meeting,
            by=chair,
            agenda="1. Rückblick\n2. Planung",
            minutes=MINUTES.format(count=len(organisations)),
            decisions=DECISIONS,
        )
        Meeting.objects.filter(pk=meeting.pk).update(minutes_sent_at=occurrence.end)
        owners = [chair] + [user for user, _org in members]
        services.add_action_item(
            meeting=meeting,
            by=chair,
            owner=owners[index % len(owners)],
            title="Raumliste für Reparaturtermine aktualisieren",
            due_date=max(today + timedelta(days=index + 1), occurrence.start.date()),
        )
    return group


@transaction.atomic
def load(*, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    network = accounts._account("netzwerk@demo.example")
    counts = {"groups": 0, "cooperations": 0}
    for ags, city, goals, targets in TOWNS:
        municipality = Municipality.objects.filter(ags=ags).first()
        if municipality is None:
            raise LookupError(f"{city} ({ags}) is missing: run `mitmachkarte load_demo` first")
        municipality.is_model_municipality = True
        municipality.save(update_fields=["is_model_municipality"])
        slug = (
            "stadt-bochum-nachhaltigkeitsmanagement"
            if city == "Bochum"
            else f"stadt-{municipality.slug}-nachhaltigkeitsmanagement"
        )
        city_org = _organisation(
            slug,
            name=f"Stadt {city} – Nachhaltigkeitsmanagement",
            type=OrganisationType.MUNICIPALITY,
            municipality=municipality,
        )
        manager = accounts._account(f"{municipality.slug}@demo.example")
        add_member(organisation=city_org, user=manager, role=Role.OWNER)
        advice = _organisation(
            f"umweltberatung-{municipality.slug}",
            name=f"Verbraucher- und Umweltberatung {city}",
            type=OrganisationType.ADVICE_CENTRE,
            served_municipalities=[municipality],
        )
        add_member(organisation=advice, user=network, role=Role.EDITOR)
        initiatives = list(
            Initiative.objects.filter(
                municipality=municipality, status=Status.PUBLISHED, sdgs__isnull=False
            )
            .distinct()
            .order_by("slug")[:8]
        )
        orgs = [_initiative_org(i) for i in initiatives]
        for index, org in enumerate(orgs):
            partner = city_org if index % 3 else advice
            if Cooperation.objects.filter(partner=partner, initiative_organisation=org).exists():
                continue
            cooperation = cooperations.record_cooperation(
                user=manager if partner == city_org else network,
                organisation=partner,
                counterpart=org,
                type=COOPERATION_CYCLE[index % len(COOPERATION_CYCLE)],
                since=today - timedelta(days=90 * (index + 1)),
                description="Gemeinsam für eine nachhaltige Stadt.",
            )
            if index != len(orgs) - 1:  # the last one waits for the initiative's confirmation
                _confirm_as_network(cooperation, org, network)
            counts["cooperations"] += 1
        member_users = [(network, advice)]
        if city == "Bochum":
            member_users.append(
                (
                    accounts._account("initiative@demo.example"),
                    Organisation.objects.filter(
                        memberships__user__email="initiative@demo.example",
                        type=OrganisationType.INITIATIVE,
                    ).first(),
                )
            )
        _group(
            slug=f"steuerungsgruppe-nachhaltigkeit-{municipality.slug}",
            name=f"Steuerungsgruppe Nachhaltigkeit {city}",
            municipality=municipality,
            chair=manager,
            members=member_users,
            organisations=[city_org, advice, *orgs[:4]],
            sdgs=goals,
            today=today,
            purpose="Die Stadt, die Umweltberatung und Initiativen steuern gemeinsam die "
            "Nachhaltigkeitsstrategie und stimmen Aktionen ab.",
        )
        _group(
            slug=f"ag-klima-und-energie-{municipality.slug}",
            name=f"AG Klima und Energie {city}",
            municipality=municipality,
            chair=manager,
            members=[(network, advice)],
            organisations=[city_org, *orgs[4:6]],
            sdgs=[7, 13],
            today=today,
            visibility=Visibility.MEMBERS if city == "Bochum" else Visibility.PUBLIC,
            purpose="Energiesparaktionen, Balkonkraftwerke und Klimaanpassung im Quartier.",
        )
        counts["groups"] += 2
        set_strategy(municipality=municipality, by=manager, goals=goals, targets=targets)
    return counts


def _confirm_as_network(cooperation: Cooperation, org: Organisation, network) -> None:
    """The demo has no account per initiative: the network team joins it to confirm."""
    add_member(organisation=org, user=network, role=Role.EDITOR)
    cooperations.confirm_cooperation(cooperation=cooperation, user=network)
