"""Whether the database keeps query planner statistics for a table (after ANALYZE)."""

from django.db import connection


def has_planner_statistics(table: str) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchone():
                return False
            cursor.execute("SELECT 1 FROM sqlite_stat1 WHERE tbl = %s", [table])
        else:
            cursor.execute(
                "SELECT 1 FROM pg_stat_user_tables WHERE relname = %s AND last_analyze IS NOT NULL",
                [table],
            )
        return bool(cursor.fetchall())


def forget_planner_statistics(table: str) -> None:
    """So that a test sees statistics appear (earlier tests may have left some)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
        else:
            cursor.execute("SELECT pg_stat_reset_single_table_counters(%s::regclass)", [table])
