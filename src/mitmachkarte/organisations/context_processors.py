"""What the signed-in user may reach, for the header and municipality pages.

Lazy: pages that never ask cost no query, and anonymous visitors get nothing.
"""

from django.utils.functional import SimpleLazyObject

from .models import Membership, OrganisationType
from .permissions import is_network_team


class Roles:
    def __init__(self, user):
        self.network_team = is_network_team(user)
        memberships = Membership.objects.filter(user=user).select_related("organisation")
        self.municipal_organisations = [
            m.organisation
            for m in memberships
            if m.organisation.type == OrganisationType.MUNICIPALITY
        ]
        self.moderator = self.network_team or bool(self.municipal_organisations)
        self.municipality_ids = {o.municipality_id for o in self.municipal_organisations}


class NoRoles:
    network_team = moderator = False
    municipal_organisations: list = []
    municipality_ids: set = set()


def roles(request):
    # Even `request.user` stays untouched until a template asks: reading it marks the session
    # as accessed (Vary: Cookie), which would make cookie-free embeds uncacheable.
    def build():
        user = getattr(request, "user", None)
        return Roles(user) if user is not None and user.is_authenticated else NoRoles()

    return {"roles": SimpleLazyObject(build)}
