"""A small data set touching every kind of answer of the API: municipalities with and
without boundaries, initiatives in several categories (one with a tag and SDGs), events in
person and online (one recurring, one with registration), a campaign, needs and offers of
each main type."""

import datetime

from tests.factories import (
    CampaignFactory,
    EventFactory,
    InitiativeFactory,
    MunicipalityFactory,
    NeedFactory,
    OfferFactory,
)


def create() -> dict:
    koeln = MunicipalityFactory(
        name="Köln", slug="koeln", ags="05315000", latitude=50.94, longitude=6.96,
        with_boundary=True,
    )  # fmt: skip
    bochum = MunicipalityFactory(name="Bochum", slug="bochum", latitude=51.48, longitude=7.22)
    initiatives = [
        InitiativeFactory(
            name="Repair-Café Ehrenfeld", latitude=50.95, longitude=6.92,
            categories=["repair", "zero-waste"], sdgs=[12, 13], tags=["Reparatur"],
            website="https://repair.example", founded_year=2015,
        ),
        InitiativeFactory(name="Gemeinschaftsgarten", latitude=51.47, longitude=7.21,
                          categories=["gardening-nature"]),
        InitiativeFactory(name="Foodsharing", latitude=50.93, longitude=6.97,
                          categories=["food"]),
    ]  # fmt: skip
    campaign = CampaignFactory(slug="glueckstaten")
    events = [
        EventFactory(title="Vernetzungstreffen", campaign=campaign),
        EventFactory(
            title="Online-Sprechstunde", format="online", online_url="https://meet.example/x",
            venue_name="", city="", latitude=None, longitude=None, event_type="workshop",
        ),
        EventFactory(title="Reparatur-Termin", registration_enabled=True, capacity=10),
    ]  # fmt: skip
    offers = [
        OfferFactory(municipality=koeln, step_free=True),
        OfferFactory(offer_type="funding", title="Förderung", amount_min=500, amount_max=5000,
                     deadline=datetime.date.today() + datetime.timedelta(days=60)),
        OfferFactory(offer_type="permit", title="Straßenfest", topic="street_festival"),
    ]  # fmt: skip
    needs = [NeedFactory(municipality=bochum), NeedFactory(need_type="funding")]
    return {"initiatives": initiatives, "events": events, "offers": offers, "needs": needs}
