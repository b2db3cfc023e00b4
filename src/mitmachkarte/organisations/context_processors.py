"""What the signed-in user may reach, for the header and municipality pages.

Lazy: pages that never ask cost no query, and anonymous visitors get nothing. The answers
come from the permission registry (core.permissions), like every other check.
"""

from functools import cached_property

from django.utils.functional import SimpleLazyObject

from mitmachkarte.core.permissions import has_perm

from .models import Membership, OrganisationType


class Roles:
    def __init__(self, user):
        self.user = user

    @cached_property
    def moderator(self) -> bool:
        return has_perm(self.user, "moderation.open_queue")

    @cached_property
    def sees_survey_results(self) -> bool:
        return has_perm(self.user, "surveys.see_results")

    @cached_property
    def municipal_organisations(self) -> list:
        """The user's municipality organisations (their workspaces are linked)."""
        memberships = Membership.objects.filter(
            user=self.user, organisation__type=OrganisationType.MUNICIPALITY
        ).select_related("organisation")
        return [m.organisation for m in memberships]


class NoRoles:
    moderator = sees_survey_results = False
    municipal_organisations: list = []


def roles(request):
    # Even `request.user` stays untouched until a template asks: reading it marks the session
    # as accessed (Vary: Cookie), which would make cookie-free embeds uncacheable.
    def build():
        user = getattr(request, "user", None)
        return Roles(user) if user is not None and user.is_authenticated else NoRoles()

    return {"roles": SimpleLazyObject(build)}
