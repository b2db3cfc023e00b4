"""The order of a search's published matches and their exact count, without ranking all of
them in the database.

Ranking every match of a broad word ("garten": 12 % of all entries) by the engine's
relevance and counting it in the same scan took 1–2 s at a million entries. Here:
- the matches: the ids the engine finds for the terms (no join, no ranking), narrowed to
  the published entries under every other filter by the map index (map_query.matches);
  the count is their number, exact;
- names first: the entries whose folded name holds every term, from an index of the
  names alone (search.name_matches), then the rest;
- within each group, when the words have at most RANK_AT_MOST matches in all entries: by
  relevance (names by the engine's score of the name, the rest by that of the whole text),
  ties by name; more matches: by name (the index's name order), and only as far as the
  requested slice reaches. Scoring 100,000 texts is what took the time.
"""

from dataclasses import replace

import numpy as np

from . import search
from .filters import InitiativeFilter
from .map_index import get_index

# Up to this many matches (in all entries) are ordered by relevance: the engine scores
# every one of them, ~10 µs a text on SQLite.
RANK_AT_MOST = 500


def ranked(flt: InitiativeFilter, stop: int | None) -> tuple[int, list[int]]:
    """(the number of published matches of the search `flt`, the ids of the first
    `stop` of them in list order; all when `stop` is None)."""
    terms = list(flt.terms)
    index = get_index()
    s = index.store
    found, typos = search.all_matches(terms)
    if typos:  # no term matches exactly: close matches, in their order of similarity
        allowed = s.ids[index.matches(replace(flt, q="", text="", terms=()))]
        order = np.array(found, dtype=np.int64)
        order = order[np.isin(order, allowed)]
        return len(order), order[:stop].tolist()
    pos = index.matches(flt, found=found)
    if not len(pos):
        return 0, []
    few = len(found) <= RANK_AT_MOST
    named, score = search.name_matches(terms, scored=few)
    is_named = np.isin(s.ids[pos], named, assume_unique=True)
    if few:
        relevance = search.by_relevance(terms, flt.text or flt.q)
        rest_ids = relevance[np.isin(relevance, s.ids[pos[~is_named]])]
        named_ids = named[np.isin(named, s.ids[pos[is_named]])]
        score = score[np.isin(named, named_ids)]
        at = s.id_pos[np.searchsorted(s.id_sorted, named_ids)]
        named_ids = named_ids[np.lexsort((s.name_rank[at], score))]
        order = np.concatenate([named_ids, rest_ids])
        return len(pos), order[:stop].tolist()
    first = _by_name(s, pos[is_named], stop)
    need = None if stop is None else stop - len(first)
    if need is None or need > 0:
        first = np.concatenate([first, _by_name(s, pos[~is_named], need)])
    return len(pos), s.ids[first].tolist()


def _by_name(store, pos: np.ndarray, stop: int | None) -> np.ndarray:
    """The first `stop` of the positions `pos` in the order of the names (all: None)."""
    rank = store.name_rank[pos]  # unique: the order of (name, id)
    if stop is not None and stop < len(pos):
        first = np.argpartition(rank, stop)[:stop]
        return pos[first[np.argsort(rank[first])]]
    return pos[np.argsort(rank)]
