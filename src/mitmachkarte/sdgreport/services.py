"""Writes for the municipal strategy: which SDGs and targets it prioritises."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mitmachkarte.core.permissions import require_perm
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation, OrganisationType
from mitmachkarte.taxonomy.models import SDGTarget

from .models import StrategyPriority


def parse_target_numbers(text_or_numbers) -> list[str]:
    """Target numbers from "11.6, 12.5 13.2" or a list; keeps the order, drops repeats."""
    if isinstance(text_or_numbers, str):
        text_or_numbers = text_or_numbers.replace(";", ",").replace(",", " ").split()
    return list(dict.fromkeys(str(n).strip().lower() for n in text_or_numbers if str(n).strip()))


@transaction.atomic
def set_strategy(
    *, municipality: Municipality, by, goals: Iterable[int] = (), targets: Iterable[str] = ()
) -> list[StrategyPriority]:
    """Replace the municipality's priorities with these goals and targets.

    An unknown goal or target number is an error naming it; nothing changes then. A target
    implies its goal.
    """
    require_perm(by, "sdgreport.edit_strategy", municipality)
    goal_numbers = []
    for goal in goals:
        try:
            number = int(goal)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= 17:
            raise ValidationError({"goals": _("There is no SDG %(goal)s.") % {"goal": goal}})
        goal_numbers.append(number)
    numbers = parse_target_numbers(list(targets))
    found = {t.number: t for t in SDGTarget.objects.filter(number__in=numbers)}
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise ValidationError(
            {
                "targets": _("There is no SDG target %(numbers)s.")
                % {"numbers": ", ".join(unknown[:5])}
            }
        )
    organisation = Organisation.objects.filter(
        type=OrganisationType.MUNICIPALITY, municipality=municipality
    ).first()
    StrategyPriority.objects.filter(municipality=municipality).delete()
    rows = [
        StrategyPriority(municipality=municipality, sdg_id=g, set_by=organisation)
        for g in dict.fromkeys(goal_numbers)
    ]
    rows += [
        StrategyPriority(municipality=municipality, sdg_id=t.sdg_id, target=t, set_by=organisation)
        for t in (found[n] for n in numbers)
    ]
    return StrategyPriority.objects.bulk_create(rows)
