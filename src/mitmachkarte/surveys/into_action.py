"""Into action: a respondent's support wishes (room, permit, funding, publicity) become needs
of the support exchange with one click.

Only responses that know their organisation (personal invitations) can do this: anonymous
and open-link responses have none. Members of the initiative organisation (and the network
team, as everywhere in the support exchange) may act. "cooperation" has no need type: it is
a cooperation record or a working group (groups app), not help one asks for in the exchange,
so it is skipped with a pointer there.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitmachkarte.core.permissions import has_perm
from mitmachkarte.support.models import Need, NeedType
from mitmachkarte.support.services import create_need

from .models import Response, ResponseNeed
from .selectors import support_wishes

# Support wish (stable choice key of the template) → type of need.
NEED_TYPE_FOR_WISH = {
    "room": NeedType.ROOM,
    "permit": NeedType.PERMIT,
    "funding": NeedType.FUNDING,
    "publicity": NeedType.PUBLICITY,
}
TITLES = {
    "room": gettext_lazy("Room wanted"),
    "permit": gettext_lazy("Support with permits"),
    "funding": gettext_lazy("Funding wanted"),
    "publicity": gettext_lazy("Support with publicity"),
}


@dataclass(frozen=True)
class WishAction:
    wish: str
    need_type: str
    title: str
    need: Need | None  # created before from this response


@dataclass(frozen=True)
class IntoAction:
    """What the thanks page offers: `state` is "ok" (buttons), "no_organisation",
    "login" or "not_member"; `skipped` lists wishes without a need type."""

    state: str
    organisation: object
    actions: list[WishAction]
    skipped: list[str]


def _created(response: Response) -> dict[str, Need]:
    return {link.need_type: link.need for link in response.created_needs.select_related("need")}


def into_action(response: Response, user) -> IntoAction | None:
    """The "turn wishes into needs" offer for `response` as seen by `user`; None when the
    respondent asked for no support at all."""
    wishes = support_wishes(response)
    if not wishes:
        return None
    organisation = response.organisation
    created = _created(response) if response.pk else {}
    actions = [
        WishAction(
            wish=w,
            need_type=NEED_TYPE_FOR_WISH[w],
            title=str(TITLES[w]),
            need=created.get(NEED_TYPE_FOR_WISH[w]),
        )
        for w in wishes
        if w in NEED_TYPE_FOR_WISH
    ]
    skipped = [w for w in wishes if w not in NEED_TYPE_FOR_WISH]
    if organisation is None:
        state = "no_organisation"
    elif not getattr(user, "is_authenticated", False):
        state = "login"
    elif not has_perm(user, "support.post_need", organisation):
        state = "not_member"
    else:
        state = "ok"
    return IntoAction(state=state, organisation=organisation, actions=actions, skipped=skipped)


def _description(response: Response) -> str:
    day = response.submitted_at or response.started_on
    return _(
        "From our answer to the survey “%(survey)s” (%(date)s). Please describe here "
        "what exactly you need, when and how often."
    ) % {"survey": response.survey.title, "date": date_format(day, "d.m.Y")}


@transaction.atomic
def need_from_wish(*, response: Response, user, wish: str) -> tuple[Need, bool]:
    """Turn one support wish of a submitted response into an open need of the responding
    initiative, in its municipality (else at its location). Returns (need, created): a
    second call for the same response and type returns the need made the first time.

    PermissionDenied for anyone who may not post needs for that organisation;
    ValidationError for a response without organisation, a draft, a wish not given or one
    without a need type.
    """
    organisation = response.organisation
    if organisation is None:
        raise ValidationError(
            _(
                "This answer is not linked to an organisation (anonymous "
                "survey or open link), so it cannot become a need."
            )
        )
    if not has_perm(user, "support.post_need", organisation):
        raise PermissionDenied(
            _("Only members of %(organisation)s can turn these answers into needs.")
            % {"organisation": organisation.name}
        )
    if wish not in NEED_TYPE_FOR_WISH:
        raise ValidationError(_("There is no type of need for this answer."))
    # Locked: two quick clicks make one need.
    response = Response.objects.select_for_update().select_related("survey").get(pk=response.pk)
    if not response.is_submitted:
        raise ValidationError(_("Submit your answers first."))
    if wish not in support_wishes(response):
        raise ValidationError(_("You did not ask for this support in your answers."))
    need_type = NEED_TYPE_FOR_WISH[wish]
    existing = response.created_needs.filter(need_type=need_type).select_related("need").first()
    if existing is not None:
        return existing.need, False
    initiative = organisation.initiative
    place = {}
    if initiative is not None and initiative.municipality_id:
        place["municipality"] = initiative.municipality
    elif initiative is not None:
        place.update(latitude=initiative.latitude, longitude=initiative.longitude)
    # The need is read by the people of the region: in the respondent's language.
    with translation.override(response.language or "de"):
        title, description = str(TITLES[wish]), _description(response)
    need = create_need(
        organisation=organisation,
        user=user,
        need_type=need_type,
        title=title,
        description=description,
        **place,
    )
    ResponseNeed.objects.create(response=response, need_type=need_type, need=need)
    return need, True
