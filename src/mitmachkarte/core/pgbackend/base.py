"""Django's PostgreSQL backend that fails fast while the database is unreachable.

settings.DATABASES uses it for every postgres:// DATABASE_URL (see core.dbfaults).
"""

from django.db.backends.postgresql import base

from mitmachkarte.core.dbfaults import breaker


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        wait = breaker.check(self.alias)
        if wait:
            raise base.Database.OperationalError(
                f"the database was unreachable; next attempt in {wait:.1f} s"
            )
        try:
            connection = super().get_new_connection(conn_params)
        except base.Database.OperationalError:
            breaker.failed(self.alias)
            raise
        breaker.succeeded(self.alias)
        return connection
