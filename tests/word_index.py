"""A check of the search word index against the entries' texts (search_words)."""

from django.db import connection

from mitmachkarte.initiatives import search_words
from mitmachkarte.initiatives.models import Initiative


def check_word_index() -> None:
    """The word index holds exactly every entry's words (PostgreSQL: its postings of the
    texts and of the names; SQLite: FTS5's own integrity check)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"INSERT INTO {search_words.WORDS_TABLE}({search_words.WORDS_TABLE}, rank) "
                "VALUES('integrity-check', 1)"
            )
            return
        for table, column in [
            (search_words.PG_POSTINGS, "search_text"),
            (search_words.PG_NAME_POSTINGS, "search_name"),
        ]:
            cursor.execute(
                f"SELECT v.word, p.initiative_id FROM {table} p "  # noqa: S608
                f"JOIN {search_words.PG_VOCAB} v ON v.id = p.word_id"
            )
            postings = sorted(cursor.fetchall())
            words = {
                (word, pk)
                for pk, text in Initiative.objects.values_list("pk", column)
                for word in text.split(" ")
                if word
            }
            assert postings == sorted(words), table
