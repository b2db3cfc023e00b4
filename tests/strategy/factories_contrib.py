"""Test data for contributions, suggestions and peers (strategy contributions block).

Kept apart from tests/factories.py so the strategy tree's own factories can grow there
without conflicts. Names start with `c_`/`C` to stay distinct from those.
"""

from datetime import date

from mitmachkarte.groups.models import Cooperation
from mitmachkarte.organisations.services import add_member, create_organisation
from mitmachkarte.strategy.models import (
    Measure,
    OperationalGoal,
    StrategicGoal,
    Strategy,
    ThematicField,
)
from mitmachkarte.taxonomy.models import SDGTarget
from tests.factories import InitiativeFactory, MunicipalityFactory, UserFactory

_towns = iter(range(10_000))


def c_town(name: str = "", **kwargs):
    """A municipality with a boundary of its own (towns never overlap)."""
    n = next(_towns)
    options = {
        "latitude": 50.5 + (n % 30) * 0.06,
        "longitude": 6.3 + (n // 30) * 0.06,
        "with_boundary": True,
        **kwargs,
    }
    if name:
        options["name"] = name
    return MunicipalityFactory(**options)


def c_initiative(town, **kwargs):
    """A published initiative inside `town`."""
    return InitiativeFactory(latitude=town.latitude, longitude=town.longitude, **kwargs)


def c_municipal_member(town, user=None):
    """A member of the town's own organisation (its sustainability management)."""
    organisation = town.organisations.filter(type="municipality").first() or (
        create_organisation(name=f"Stadt {town.name}", type="municipality", municipality=town)
    )
    user = user or UserFactory()
    add_member(organisation=organisation, user=user)
    return user


def c_initiative_member(initiative, user=None):
    organisation = getattr(initiative, "organisation", None) or create_organisation(
        name=initiative.name, type="initiative", initiative=initiative
    )
    user = user or UserFactory()
    add_member(organisation=organisation, user=user)
    initiative.refresh_from_db()
    return user


def c_cooperation(town, initiative, *, status="confirmed", since=date(2024, 1, 1), until=None):
    """A cooperation of the town's organisation with the initiative's (saved directly: the
    groups app's services are tested there)."""
    city = town.organisations.filter(type="municipality").first() or create_organisation(
        name=f"Stadt {town.name}", type="municipality", municipality=town
    )
    own = getattr(initiative, "organisation", None) or create_organisation(
        name=initiative.name, type="initiative", initiative=initiative
    )
    return Cooperation.objects.create(
        partner=city,
        initiative_organisation=own,
        municipality=town,
        type="room",
        since=since,
        until=until,
        status=status,
        recorded_for=city,
    )


def c_measure(
    town,
    *,
    code: str = "1",
    title: str = "Reparaturnetz in jedem Stadtteil",
    sdgs=(),
    targets=(),
    goal_sdgs=(),
    goal_targets=(),
    published: bool = True,
    strategy_published: bool = True,
    goal_published: bool = True,
    status: str = "running",
):
    """A measure in the town's strategy (created on first use) below a field, a strategic
    goal and an operational goal of its own. `targets` are numbers such as "12.5"."""
    strategy, _created = Strategy.objects.get_or_create(
        municipality=town,
        defaults={"title": f"Nachhaltigkeitsstrategie {town.name}", "published": True},
    )
    if strategy.published != strategy_published:
        strategy.published = strategy_published
        strategy.save(update_fields=["published"])
    field = ThematicField.objects.create(strategy=strategy, code=f"F{code}", title="Konsum")
    strategic = StrategicGoal.objects.create(
        field=field, code=f"S{code}", title="Ressourcen schonen", published=goal_published
    )
    operational = OperationalGoal.objects.create(
        strategic_goal=strategic, code=f"O{code}", title="Mehr reparieren"
    )
    operational.sdgs.set(goal_sdgs)
    operational.targets.set(SDGTarget.objects.filter(number__in=goal_targets))
    measure = Measure.objects.create(
        operational_goal=operational,
        code=code,
        title=title,
        description="Repair-Cafés in allen Stadtteilen.",
        responsible_unit="Umweltamt",
        status=status,
        published=published,
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
    )
    measure.sdgs.set(sdgs)
    measure.targets.set(SDGTarget.objects.filter(number__in=targets))
    return measure
