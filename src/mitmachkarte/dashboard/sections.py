"""What waits for one person, per role: read through the apps' selectors, shown only where
the permission registry (core.permissions) lets the person act. Nothing here writes.

A section is a heading with links; a link with a count > 0 says what waits ("3 proposals
to review"), a link without a count is a way to a task.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from mitmachkarte.core.permissions import has_perm
from mitmachkarte.events import selectors as event_selectors
from mitmachkarte.events.models import EventStatus
from mitmachkarte.groups import selectors as group_selectors
from mitmachkarte.groups.models import CooperationStatus
from mitmachkarte.moderation import selectors as moderation_selectors
from mitmachkarte.organisations import selectors as organisation_selectors
from mitmachkarte.organisations.models import OrganisationType
from mitmachkarte.stewardship import selectors as stewardship_selectors
from mitmachkarte.support import selectors as support_selectors
from mitmachkarte.surveys import invitations as survey_invitations
from mitmachkarte.surveys import selectors as survey_selectors
from mitmachkarte.surveys.models import Invitation


@dataclass
class Item:
    text: str
    url: str
    count: int = 0


@dataclass
class Section:
    key: str
    title: str
    items: list[Item] = field(default_factory=list)


def embed_url(municipality) -> str:
    """The embed configurator prefilled for a municipality (by its AGS)."""
    return reverse("embed:configurator") + "?" + urlencode({"kommune": municipality.ags})


def sections_for(user) -> list[Section]:
    organisations = list(
        organisation_selectors.organisations_of(user)
        .select_related("municipality", "initiative__municipality")
        .order_by("name")
    )
    builders = [
        _moderation(user),
        _entries(user, organisations),
        *(_municipality(user, o) for o in organisations if o.type == OrganisationType.MUNICIPALITY),
        _events(user, organisations),
        _support(user, organisations),
        _groups(user),
        _surveys(user, organisations),
    ]
    return [section for section in builders if section is not None and section.items]


def _counted(text, count: int, url: str) -> Item:
    """`text` is an `ngettext_lazy(…, "n")`: its plural form follows the count."""
    return Item(str(text % {"n": count}), url, count)


def _moderation(user) -> Section | None:
    if not has_perm(user, "moderation.open_queue"):
        return None
    queue = reverse("moderation:queue")
    section = Section("moderation", _("Moderation"))
    section.items += [
        _counted(
            ngettext_lazy("%(n)s proposal to review", "%(n)s proposals to review", "n"),
            moderation_selectors.pending_count(user),
            queue,
        ),
        _counted(
            ngettext_lazy("%(n)s problem report open", "%(n)s problem reports open", "n"),
            moderation_selectors.open_reports(user).count(),
            queue + "#reports-heading",
        ),
        _counted(
            ngettext_lazy(
                "%(n)s suggested change to review", "%(n)s suggested changes to review", "n"
            ),
            stewardship_selectors.reviewable_suggestions(user=user).count(),
            reverse("stewardship:suggestions"),
        ),
    ]
    section.items.append(
        _counted(
            ngettext_lazy(
                "%(n)s campaign action to review", "%(n)s campaign actions to review", "n"
            ),
            event_selectors.pending_actions(user).count(),
            queue + "#events-heading",
        )
    )
    if has_perm(user, "stewardship.see_stale_entries"):
        section.items.append(
            _counted(
                ngettext_lazy(
                    "%(n)s entry not confirmed for 18 months",
                    "%(n)s entries not confirmed for 18 months",
                    "n",
                ),
                stewardship_selectors.stale_initiatives(user=user).count(),
                reverse("stewardship:stale"),
            )
        )
    if has_perm(user, "moderation.curate_tags"):
        section.items.append(Item(_("Curate tags"), reverse("moderation:tags")))
    return section


def _entries(user, organisations) -> Section | None:
    section = Section("entries", _("Entries on the map"))
    for organisation in organisations:
        initiative = organisation.initiative
        if initiative is not None and has_perm(user, "initiatives.edit", initiative):
            section.items.append(
                Item(
                    _("Edit “%(name)s”") % {"name": initiative.name},
                    reverse("stewardship:edit", args=[initiative.slug]),
                )
            )
    own = stewardship_selectors.own_suggestions(user=user).filter(status="pending").count()
    # Own suggestions wait for others, not for this person: no count that asks for action.
    text = ngettext(
        "%(n)s of your suggestions waits for a decision",
        "%(n)s of your suggestions wait for a decision",
        own,
    ) % {"n": own}
    section.items += [
        Item(text, reverse("stewardship:suggestions")),
        Item(_("Add an initiative"), reverse("moderation:propose")),
    ]
    return section


def _municipality(user, organisation) -> Section | None:
    municipality = organisation.municipality
    if municipality is None:
        return None
    section = Section(f"municipality-{municipality.slug}", municipality.name)
    if has_perm(user, "support.see_workspace", organisation):
        section.items.append(
            Item(_("Workspace"), reverse("support:workspace", args=[organisation.slug]))
        )
    pending = group_selectors.cooperations_in(municipality, confirmed_only=False).filter(
        status=CooperationStatus.PENDING
    )
    section.items.append(
        _counted(
            ngettext_lazy(
                "%(n)s cooperation waiting for confirmation",
                "%(n)s cooperations waiting for confirmation",
                "n",
            ),
            pending.count(),
            reverse("groups:cooperations"),
        )
    )
    if has_perm(user, "strategy.edit", municipality):
        section.items.append(
            Item(
                _("Sustainability strategy"),
                reverse("strategy:edit", args=[municipality.slug]),
            )
        )
    if has_perm(user, "sdgreport.edit_strategy", municipality):
        section.items.append(
            Item(
                _("SDG priorities"),
                reverse("sdgreport:strategy", args=[municipality.slug]),
            )
        )
    if has_perm(user, "surveys.see_municipality_results", municipality):
        section.items.append(
            Item(_("Survey results"), reverse("surveys:municipality", args=[municipality.slug]))
        )
    section.items += [
        Item(_("SDG report"), reverse("sdgreport:report", args=[municipality.slug])),
        Item(_("Network of actors"), reverse("sdgreport:network", args=[municipality.slug])),
        Item(_("Municipality page"), municipality.get_absolute_url()),
        Item(_("Embed the map on your website"), embed_url(municipality)),
    ]
    return section


def _events(user, organisations) -> Section | None:
    section = Section("events", _("Events"))
    if has_perm(user, "events.create_event"):
        section.items.append(Item(_("Create an event"), reverse("events:create")))
    for event in event_selectors.organised_by(organisations)[:20]:
        if has_perm(user, "events.manage_event", event):
            text = event.title
            if event.status == EventStatus.PENDING:
                text = _("%(title)s (waiting for review)") % {"title": event.title}
            section.items.append(Item(text, reverse("events:manage", args=[event.slug])))
    section.items.append(Item(_("Calendar of events"), reverse("events:list")))
    return section


def _support(user, organisations) -> Section | None:
    if not organisations:
        return None
    section = Section("support", _("Needs, offers and conversations"))
    section.items += [
        _counted(
            ngettext_lazy("%(n)s open need", "%(n)s open needs", "n"),
            support_selectors.needs_of(organisations)
            .filter(pk__in=support_selectors.active_needs().values("pk"))
            .count(),
            reverse("support:overview"),
        ),
        _counted(
            ngettext_lazy("%(n)s offer", "%(n)s offers", "n"),
            support_selectors.offers_of(organisations).count(),
            reverse("support:overview"),
        ),
        _counted(
            ngettext_lazy("%(n)s conversation", "%(n)s conversations", "n"),
            support_selectors.threads_for(organisations).count(),
            reverse("support:overview"),
        ),
    ]
    towns = {
        o.initiative.municipality
        for o in organisations
        if o.initiative_id and o.initiative.municipality_id
    }
    section.items += [
        Item(
            _("Permit guides of %(town)s") % {"town": town.name},
            reverse("support:permits", args=[town.slug]),
        )
        for town in sorted(towns, key=lambda t: t.name)
    ]
    if any(has_perm(user, "support.post_need", o) for o in organisations):
        section.items.append(Item(_("Post a need"), reverse("support:need_create")))
    section.items.append(Item(_("Post an offer"), reverse("support:offer_create")))
    return section


def _groups(user) -> Section | None:
    section = Section("groups", _("Working groups and cooperations"))
    for group in group_selectors.groups_of(user).order_by("name"):
        waiting = (
            group_selectors.pending_requests(group).count()
            if has_perm(user, "groups.manage_group", group)
            else 0
        )
        text = group.name
        if waiting:
            text = ngettext(
                "%(name)s: %(n)s request to join",
                "%(name)s: %(n)s requests to join",
                waiting,
            ) % {"name": group.name, "n": waiting}
        section.items.append(Item(text, group.get_absolute_url(), waiting))
    to_confirm = [
        c
        for c in group_selectors.cooperations_for_user(user).filter(
            status=CooperationStatus.PENDING
        )
        if has_perm(user, "groups.confirm_cooperation", c)
    ]
    section.items += [
        _counted(
            ngettext_lazy("%(n)s cooperation to confirm", "%(n)s cooperations to confirm", "n"),
            len(to_confirm),
            reverse("groups:cooperations"),
        ),
        Item(_("All working groups"), reverse("groups:list")),
    ]
    if has_perm(user, "groups.create_group"):
        section.items.insert(0, Item(_("Start a working group"), reverse("groups:create")))
    section.items.append(Item(_("Record a cooperation"), reverse("groups:cooperations")))
    return section


def _surveys(user, organisations) -> Section | None:
    section = Section("surveys", _("Surveys"))
    now = timezone.now()
    open_invitations = [
        invitation
        for invitation in Invitation.objects.filter(
            organisation__in=organisations, responded=False, survey__is_template=False
        ).select_related("survey", "organisation")
        if invitation.survey.is_open(now)
    ]
    for invitation in open_invitations:
        section.items.append(
            Item(
                _("Answer “%(survey)s” for %(organisation)s")
                % {"survey": invitation.survey, "organisation": invitation.organisation.name},
                survey_invitations.invitation_url(invitation),
                1,
            )
        )
    if has_perm(user, "surveys.manage_surveys"):
        section.items.append(Item(_("Manage surveys"), reverse("surveys:manage")))
    if has_perm(user, "surveys.see_results"):
        section.items += [
            Item(
                _("Results: %(survey)s") % {"survey": survey},
                reverse("surveys:results", args=[survey.slug]),
            )
            for survey in survey_selectors.surveys_with_results()[:10]
        ]
        if not has_perm(user, "surveys.manage_surveys"):
            section.items.append(
                Item(_("Survey results by municipality"), reverse("surveys:manage"))
            )
    return section
