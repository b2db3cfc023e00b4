"""Reading the published entries for the map index: whole columns into numpy arrays.

No Python runs per entry: each query's rows go straight into an array, categories and SDGs
become bit masks with vectorised ufuncs. Texts stay in the database; only the order of
the names is kept (`name_rank`, to order broad searches), read sorted by the database.
"""

from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.db.models.functions import Coalesce

from mitmachkarte.taxonomy.models import Category

from .models import Initiative, Status

MAX_CATEGORY_BITS = 63


@dataclass
class Taxonomy:
    """The categories as the index knows them: slug → bit, pk → category."""

    categories: dict
    category_bit: dict[str, int]
    bit_of_pk: np.ndarray
    position_of_pk: np.ndarray
    pk_at_position: np.ndarray
    read_signature: tuple = ()
    # What map_views derives from the categories per language (their names, colours).
    properties: dict = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def signature() -> tuple:
        """(pk, slug, position) of the categories with bits, as `read` orders them: one
        plain query, so that each applied change checks the categories cheaply."""
        q = connection.ops.quote_name
        pk, slug, position = q("id"), q("slug"), q("position")
        sql = (
            f"SELECT {pk}, {slug}, {position} FROM {q(Category._meta.db_table)} "  # noqa: S608
            f"ORDER BY {position}, {slug} LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [MAX_CATEGORY_BITS])
            return tuple(tuple(row) for row in cursor.fetchall())

    def still_current(self) -> bool:
        return self.signature() == self.read_signature

    @classmethod
    def read(cls) -> "Taxonomy":
        cats = list(Category.objects.order_by("position", "slug")[:MAX_CATEGORY_BITS])
        top = max([c.pk for c in cats], default=0) + 1
        bit_of_pk = np.zeros(top, dtype=np.int64)
        position_of_pk = np.zeros(top, dtype=np.int64)
        pk_at_position = np.full(max([c.position for c in cats], default=0) + 1, -1, np.int64)
        for i, c in enumerate(cats):
            bit_of_pk[c.pk] = 1 << i
            position_of_pk[c.pk] = c.position
            pk_at_position[c.position] = c.pk
        return cls(
            categories={c.pk: c for c in cats},
            category_bit={c.slug: 1 << i for i, c in enumerate(cats)},
            bit_of_pk=bit_of_pk,
            position_of_pk=position_of_pk,
            pk_at_position=pk_at_position,
            read_signature=tuple((c.pk, c.slug, c.position) for c in cats),
        )


def _fetch(queryset, columns: int, dtype) -> np.ndarray:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return np.array(rows, dtype=dtype).reshape(-1, columns)


def read_entries(taxonomy: Taxonomy, ids=None) -> dict[str, np.ndarray]:
    """Columns of the published entries (all, or those of `ids`), ordered by id."""
    published = Initiative.objects.filter(status=Status.PUBLISHED)
    # Link rows of unpublished entries are dropped below (no join: cheaper to read them).
    links = {}
    if ids is not None:
        ids = [int(i) for i in ids]
        published = published.filter(pk__in=ids)
        links["initiative_id__in"] = ids
    rows = _fetch(
        published.order_by()
        .annotate(muni=Coalesce("municipality_id", -1))
        .values_list("pk", "latitude", "longitude", "muni"),
        4,
        np.float64,
    )
    rows = rows[np.argsort(rows[:, 0], kind="stable")]  # sorting here keeps the index covering
    pk = rows[:, 0].astype(np.int64)
    n = len(pk)
    cats = np.zeros(n, dtype=np.int64)
    first = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    pairs = _fetch(
        Initiative.categories.through.objects.filter(**links).values_list(
            "initiative_id", "category_id"
        ),
        2,
        np.int64,
    )
    pairs = pairs[pairs[:, 1] < len(taxonomy.bit_of_pk)]
    pos, ok = _positions(pk, pairs[:, 0])
    pairs, pos = pairs[ok], pos[ok]
    np.bitwise_or.at(cats, pos, taxonomy.bit_of_pk[pairs[:, 1]])
    # The first category (by curated position) colours the marker.
    np.minimum.at(first, pos, taxonomy.position_of_pk[pairs[:, 1]])
    has = first != np.iinfo(np.int64).max
    first_category = np.full(n, -1, dtype=np.int32)
    first_category[has] = taxonomy.pk_at_position[first[has]]
    goals = _fetch(
        Initiative.sdgs.through.objects.filter(**links).values_list("initiative_id", "sdg_id"),
        2,
        np.int64,
    )
    goals = goals[(goals[:, 1] >= 1) & (goals[:, 1] <= 17)]  # the SDG's key is its number
    pos, ok = _positions(pk, goals[:, 0])
    sdgs = np.zeros(n, dtype=np.int64)
    np.bitwise_or.at(sdgs, pos[ok], np.left_shift(1, goals[ok, 1] - 1))
    return {
        "ids": pk,
        "lat": rows[:, 1].copy(),
        "lon": rows[:, 2].copy(),
        "muni": rows[:, 3].astype(np.int32),
        "cats": cats,
        "sdgs": sdgs.astype(np.int32),
        "first_category": first_category,
    }


def _positions(sorted_ids: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pos = np.clip(np.searchsorted(sorted_ids, ids), 0, max(len(sorted_ids) - 1, 0))
    ok = sorted_ids[pos] == ids if len(sorted_ids) else np.zeros(len(ids), dtype=bool)
    return pos, ok


def name_ranks(ids: np.ndarray) -> np.ndarray:
    """The place of each entry of `ids` (sorted) in the order of the published names."""
    by_name = _fetch(
        Initiative.objects.filter(status=Status.PUBLISHED).order_by("name", "pk").values_list("pk"),
        1,
        np.int64,
    )[:, 0]
    pos, ok = _positions(ids, by_name)
    rank = np.zeros(len(ids), dtype=np.float64)
    rank[pos[ok]] = np.arange(len(by_name), dtype=np.float64)[ok]
    return rank


def _first(queryset) -> int | None:
    return queryset.values_list("pk", flat=True).first()


def name_ranks_between(new_ids, *, exclude, rank_of) -> dict[int, float]:
    """Ranks for a few new or renamed entries, between those of their neighbours by name
    (`rank_of(pk)`, of entries not in `exclude`): no other rank changes."""
    published = Initiative.objects.filter(status=Status.PUBLISHED)
    others = published.exclude(pk__in=list(exclude))
    groups: dict[tuple, list[int]] = {}
    for pk, name in (
        published.filter(pk__in=list(new_ids)).order_by("name", "pk").values_list("pk", "name")
    ):
        # Two simple conditions each rather than one OR: both walk the (status, name) index.
        before = _first(others.filter(name=name, pk__lt=pk).order_by("-pk")) or _first(
            others.filter(name__lt=name).order_by("-name", "-pk")
        )
        after = _first(others.filter(name=name, pk__gt=pk).order_by("pk")) or _first(
            others.filter(name__gt=name).order_by("name", "pk")
        )
        groups.setdefault((before, after), []).append(pk)
    ranks = {}
    for (before, after), pks in groups.items():
        low = rank_of(before) if before is not None else None
        high = rank_of(after) if after is not None else None
        if low is None and high is None:
            low, high = -1.0, float(len(pks))
        elif low is None:
            low = high - len(pks) - 1
        elif high is None:
            high = low + len(pks) + 1
        step = (high - low) / (len(pks) + 1)
        ranks.update({pk: low + step * (k + 1) for k, pk in enumerate(pks)})
    return ranks
