"""Plain SQL inserts of generated entries, a batch per transaction.

`Model.objects.bulk_create` prepares every value of every field through the ORM, about
1.5 ms an entry: a million entries took more than 25 minutes. Here the constant columns are
prepared once, the varying ones are plain values, and rows go to the driver with
`executemany`. The ids are given explicitly (the next free ones, read inside the batch's
transaction) so the category, SDG and tag rows can be written in bulk too.

The search index follows by itself: the database's triggers (see migrations
0002/0003) fill the FTS5 table (SQLite) and the search table (PostgreSQL) from
`search_text` on every insert, exactly as for entries saved through the services.
"""

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max

from ..models import Initiative

# Columns the generator sets per entry (attnames); every other column gets its default.
DATETIMES = ("created_at", "updated_at", "published_at", "last_confirmed_at")


class EntryWriter:
    def __init__(self, *, status: str):
        fields = Initiative._meta.concrete_fields
        template = Initiative(status=status)
        self.attnames = [f.attname for f in fields]
        self.defaults = {
            f.attname: f.get_db_prep_save(getattr(template, f.attname), connection) for f in fields
        }
        table = connection.ops.quote_name(Initiative._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        # Names from the model, quoted; values are parameters.
        self.insert_sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
        self.links = {name: self._link_sql(name) for name in ("categories", "sdgs", "tags")}
        self.adapted: dict = {}

    @staticmethod
    def _link_sql(name: str) -> str:
        field = Initiative._meta.get_field(name)
        q = connection.ops.quote_name
        return (
            f"INSERT INTO {q(field.remote_field.through._meta.db_table)} "  # noqa: S608
            f"({q(field.m2m_column_name())}, {q(field.m2m_reverse_name())}) VALUES (%s, %s)"
        )

    def next_id(self) -> int:
        """The first free id; call inside the batch's transaction."""
        return (Initiative.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    def insert(self, rows: list[dict], links: dict[str, list[tuple[int, int]]]) -> None:
        """Insert entries (dicts of attname → value, with "id") and their m2m rows."""
        adapt = connection.ops.adapt_datetimefield_value
        adapted = self.adapted  # generated entries share a few thousand distinct datetimes
        defaults, attnames = self.defaults, self.attnames
        values = []
        for row in rows:
            for name in DATETIMES:
                value = row[name]
                if value not in adapted:
                    adapted[value] = adapt(value)
                row[name] = adapted[value]
            values.append(tuple([row[a] if a in row else defaults[a] for a in attnames]))
        with connection.cursor() as cursor:
            cursor.executemany(self.insert_sql, values)
            for name, pairs in links.items():
                if pairs:
                    cursor.executemany(self.links[name], pairs)
            # PostgreSQL: the id sequence must move past the ids given here.
            for sql in connection.ops.sequence_reset_sql(no_style(), [Initiative]):
                cursor.execute(sql)
