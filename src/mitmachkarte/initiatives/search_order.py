"""The order of a search's published matches and their exact count, without ranking all of
them in the database.

Ranking every match of a broad word ("garten": 12 % of all entries) by the engine's
relevance and counting it in the same scan took 1–2 s at a million entries. Here:
- the matches: the ids the engine finds for the terms (no join, no ranking), narrowed to
  the published entries under every other filter by the map index (map_query.matches);
  the count is their number, exact;
- names first: the entries whose folded name holds every term, then the rest;
- when the words have at most search.RANK_AT_MOST matches in all entries: by relevance
  (search.relevance, BM25 over the folded text, computed here from the few texts, the
  same on every backend), then by name;
- more matches: each group by name (the index's name order), only as far as the
  requested slice reaches. The names then come from an index of the names alone
  (search.name_matches; on PostgreSQL from the matching scan itself). Scoring 100,000
  texts is what took the time.
"""

from dataclasses import replace

import numpy as np

from . import search
from .filters import InitiativeFilter
from .map_index import get_index


def ranked(flt: InitiativeFilter, stop: int | None) -> tuple[int, list[int]]:
    """(the number of published matches of the search `flt`, the ids of the first
    `stop` of them in list order; all when `stop` is None)."""
    terms = list(flt.terms)
    index = get_index()
    s = index.store
    found = search.find(terms)
    if found.typos:  # no term matches exactly: close matches, in their order of similarity
        allowed = s.ids[index.matches(replace(flt, q="", text="", terms=()))]
        order = found.ids[np.isin(found.ids, allowed)]
        return len(order), order[:stop].tolist()
    pos = index.matches(flt, found=found.ids)
    if not len(pos):
        return 0, []
    if len(found.ids) <= search.RANK_AT_MOST:
        return len(pos), _by_relevance(terms, s, pos)[:stop].tolist()
    named = found.named if found.named is not None else search.name_matches(terms)
    is_named = np.isin(s.ids[pos], named, assume_unique=True)
    first = _by_name(s, pos[is_named], stop)
    need = None if stop is None else stop - len(first)
    if need is None or need > 0:
        first = np.concatenate([first, _by_name(s, pos[~is_named], need)])
    return len(pos), s.ids[first].tolist()


def _by_relevance(terms: list[str], store, pos: np.ndarray) -> np.ndarray:
    """The ids at `pos` (a few hundred at most): names holding every term first, then
    by search.relevance, then by name."""
    ids = store.ids[pos]
    text_of = search.texts(ids)
    pairs = [text_of.get(int(i), ("", "")) for i in ids]
    average = sum(len(text) for _, text in pairs) / max(len(pairs), 1)
    named = np.array([all(t in name for t in terms) for name, _ in pairs], dtype=bool)
    score = np.array([search.relevance(terms, text, average) for _, text in pairs])
    return ids[np.lexsort((store.name_rank[pos], -score, ~named))]


def _by_name(store, pos: np.ndarray, stop: int | None) -> np.ndarray:
    """The first `stop` of the positions `pos` in the order of the names (all: None)."""
    rank = store.name_rank[pos]  # unique: the order of (name, id)
    if stop is not None and stop < len(pos):
        first = np.argpartition(rank, stop)[:stop]
        return pos[first[np.argsort(rank[first])]]
    return pos[np.argsort(rank)]
