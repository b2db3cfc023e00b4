"""factory-boy factories for the foundation models.

Initiatives are created through `services.create_initiative`, so the derived fields
(municipality from the point, search_text) are exactly what the application produces.
Tests creating initiatives need the categories: use the `reference_data` fixture.
"""

import factory
from factory import fuzzy

from mitmachkarte.initiatives import services
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality

# Roughly the bounding box of North Rhine-Westphalia.
NRW_LAT = (50.4, 52.4)
NRW_LON = (6.1, 9.3)


def square(lat: float, lon: float, half: float = 0.02) -> dict:
    """A small square GeoJSON Polygon around a point (lon before lat)."""
    ring = [
        [lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
        [lon - half, lat + half], [lon - half, lat - half],
    ]  # fmt: skip
    return {"type": "Polygon", "coordinates": [ring]}


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    # 0599xxxx: a valid NRW key that no real NRW municipality uses (district 05999).
    ags = factory.Sequence(lambda n: f"0599{n % 10000:04d}")
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    slug = factory.Sequence(lambda n: f"testkommune-{n}")
    kind = "Gemeinde"
    district = "Testkreis"
    district_ags = "05999"
    state = "Nordrhein-Westfalen"
    latitude = fuzzy.FuzzyFloat(51.0, 52.0)
    longitude = fuzzy.FuzzyFloat(6.5, 8.5)
    boundary = None

    class Params:
        with_boundary = factory.Trait(
            boundary=factory.LazyAttribute(lambda o: square(o.latitude, o.longitude))
        )


class InitiativeFactory(factory.Factory):
    """Builds keyword arguments for `create_initiative` and creates through it."""

    class Meta:
        model = Initiative

    name = factory.Sequence(lambda n: f"Initiative {n}")
    short_description = "Wir reparieren gemeinsam, was kaputt ist."
    latitude = fuzzy.FuzzyFloat(51.0, 52.0)
    longitude = fuzzy.FuzzyFloat(6.5, 8.5)
    categories = factory.LazyFunction(lambda: ["repair"])
    sdgs = factory.LazyFunction(list)
    tags = factory.LazyFunction(list)
    status = Status.PUBLISHED
    contact_email = factory.Sequence(lambda n: f"kontakt{n}@initiative.example")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.create_initiative(seeding=True, **kwargs)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("create initiatives through the service (InitiativeFactory())")


# --- events (issue 5) -------------------------------------------------------------------


def _next_local(days: int, hour: int, minute: int = 0):
    """An aware datetime `days` ahead at a Europe/Berlin wall-clock time."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from mitmachkarte.events.recurrence import EVENT_TZ

    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=EVENT_TZ)


def _plus(value, **delta):
    from datetime import timedelta

    return value + timedelta(**delta)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Campaign"

    name = factory.Sequence(lambda n: f"GlücksTaten {2026 + n}")
    slug = factory.Sequence(lambda n: f"glueckstaten-{2026 + n}")
    starts_on = factory.LazyFunction(lambda: _next_local(30, 0).date())
    ends_on = factory.LazyAttribute(lambda o: _plus(o.starts_on, days=6))
    submissions_open = True


class EventFactory(factory.Factory):
    """Builds keyword arguments for `events.services.create_event` and creates through it.

    By default a published event in person in Köln, a week ahead, 18:00–20:00 Berlin time.
    """

    class Meta:
        model = "events.Event"

    title = factory.Sequence(lambda n: f"Vernetzungstreffen {n}")
    event_type = "networking_meeting"
    start = factory.LazyFunction(lambda: _next_local(7, 18))
    end = factory.LazyAttribute(lambda o: _plus(o.start, hours=2))
    organiser_name = "Netzwerkteam NRW"
    format = "in_person"
    venue_name = "Bürgerhaus"
    city = "Köln"
    latitude = 50.94
    longitude = 6.96
    status = "published"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from mitmachkarte.events import services as event_services

        return event_services.create_event(**kwargs)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("create events through the service (EventFactory())")


# --- accounts and organisations (issue 4) ---------------------------------------------------

DEFAULT_PASSWORD = "ein-gutes-passwort-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified primary e-mail address (allauth), password DEFAULT_PASSWORD."""

    class Meta:
        model = "auth.User"
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if not create:
            return
        from allauth.account.models import EmailAddress

        obj.save()
        EmailAddress.objects.create(
            user=obj, email=obj.email, primary=True, verified=extracted is not False
        )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.Organisation"

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    type = "network_team"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.Membership"

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "editor"


# --- surveys (issue 9) ----------------------------------------------------------------------


class SurveyFactory(factory.django.DjangoModelFactory):
    """An empty survey, open since yesterday and for another week (add sections/questions
    through `surveys.services`)."""

    class Meta:
        model = "surveys.Survey"

    slug = factory.Sequence(lambda n: f"befragung-{n}")
    title_de = factory.Sequence(lambda n: f"Befragung {n}")
    title_en = factory.Sequence(lambda n: f"Survey {n}")
    opens_at = factory.LazyFunction(lambda: _plus(_now(), days=-1))
    closes_at = factory.LazyFunction(lambda: _plus(_now(), days=7))


def _now():
    from django.utils import timezone

    return timezone.now()


# --- support exchange (issue 6) -------------------------------------------------------------


class OfferFactory(factory.django.DjangoModelFactory):
    """An active room offer (saved directly; the services' rules are tested on their own)."""

    class Meta:
        model = "support.Offer"

    organisation = factory.SubFactory(OrganisationFactory, type="municipality")
    offer_type = "room"
    title = factory.Sequence(lambda n: f"Raum {n}")
    capacity = 30


class NeedFactory(factory.django.DjangoModelFactory):
    """An open need of an initiative organisation, expiring in three months."""

    class Meta:
        model = "support.Need"

    organisation = factory.SubFactory(OrganisationFactory, type="initiative")
    need_type = "room"
    title = factory.Sequence(lambda n: f"Raum gesucht {n}")
    expires_on = factory.LazyFunction(lambda: _need_expiry())


def _need_expiry():
    from mitmachkarte.support.services import default_expiry

    return default_expiry()


# --- working groups and the SDG report (issue 8) ----------------------------------------------


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "groups.WorkingGroup"

    name = factory.Sequence(lambda n: f"Arbeitsgruppe {n}")
    slug = factory.Sequence(lambda n: f"arbeitsgruppe-{n}")
    purpose = "Wir stimmen Aktionen ab."
    region = "Ruhrgebiet"
    visibility = "public"


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "groups.GroupMember"

    group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(UserFactory)
    role = "member"


# --- strategy tree (issue 17, helper "strategytree") -------------------------------------------


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.Strategy"

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Nachhaltigkeitsstrategie {n}")
    published = True


class ThematicFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.ThematicField"

    strategy = factory.SubFactory(StrategyFactory)
    code = factory.Sequence(lambda n: f"F{n}")
    title = factory.Sequence(lambda n: f"Themenfeld {n}")


class StrategicGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.StrategicGoal"

    field = factory.SubFactory(ThematicFieldFactory)
    code = factory.Sequence(lambda n: f"S{n}")
    title = factory.Sequence(lambda n: f"Strategisches Ziel {n}")


class OperationalGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.OperationalGoal"

    strategic_goal = factory.SubFactory(StrategicGoalFactory)
    code = factory.Sequence(lambda n: f"O{n}")
    title = factory.Sequence(lambda n: f"Operatives Ziel {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.Measure"

    operational_goal = factory.SubFactory(OperationalGoalFactory)
    code = factory.Sequence(lambda n: f"M{n}")
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    status = "planned"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.Indicator"

    operational_goal = factory.SubFactory(OperationalGoalFactory)
    name = factory.Sequence(lambda n: f"Indikator {n}")
    unit = "Anzahl"
    baseline_value = 4
    baseline_year = 2019
    target_value = 12
    target_year = 2027


def strategy_manager(municipality):
    """A member of the municipality's own organisation (its sustainability management)."""
    return MembershipFactory(
        organisation=OrganisationFactory(type="municipality", municipality=municipality)
    ).user
