"""Writes of the group pages beyond services.py: changing a group's name, purpose, SDG
focus and visibility. Same conventions: keyword-only, one transaction, rules enforced."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mitmachkarte.core.permissions import require_perm
from mitmachkarte.core.text_input import one_line
from mitmachkarte.municipalities.models import Municipality

from .models import Visibility, WorkingGroup


@transaction.atomic
def update_group(
    *,
    group: WorkingGroup,
    by,
    name: str,
    purpose: str = "",
    municipality: Municipality | None = None,
    region: str = "",
    visibility: str = Visibility.PUBLIC,
    sdgs: Iterable[int] = (),
) -> WorkingGroup:
    group = WorkingGroup.objects.select_for_update().get(pk=group.pk)
    require_perm(by, "groups.manage_group", group)
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": _("Unknown visibility.")})
    if municipality is None and not region.strip():
        raise ValidationError({"region": _("Give a municipality or a region.")})
    group.name, group.purpose = one_line(name), purpose
    group.municipality, group.region, group.visibility = municipality, region.strip(), visibility
    if not group.name:
        raise ValidationError({"name": _("A working group needs a name.")})
    group.full_clean(exclude=["slug"])
    group.save()
    group.sdgs.set(list(sdgs))
    return group
