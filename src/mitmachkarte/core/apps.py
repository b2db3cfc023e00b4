from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mitmachkarte.core"
    label = "core"

    def ready(self) -> None:
        from django.core.signals import request_started
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)
        from .versions import new_request

        post_migrate.connect(use_wal, sender=self, dispatch_uid="core-sqlite-wal")
        request_started.connect(new_request, dispatch_uid="core-versions-request")


def use_wal(using="default", **_kwargs) -> None:
    """Switch an SQLite database file to write-ahead logging (it stays so)."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
