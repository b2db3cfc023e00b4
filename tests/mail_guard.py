"""Test-suite machinery for mail and transactions (used by tests/conftest.py).

pytest-django wraps each test in transactions of its own (Django's TestCase atomics, marked
`_from_testcase`). Two consequences, both handled here for the whole suite:

- `transaction.on_commit` callbacks would never run, because the test's transaction never
  commits. `run_commit_callbacks_as_in_production` runs them when the code's own outermost
  transaction ends (or at once outside one), as a real commit would.
- `GuardedOutboxBackend` is the e-mail backend of every test: it records a violation when a
  mail is sent while the code holds a transaction of its own (deeper than the test's
  wrapper), and the autouse fixture fails the test. So every mail test also proves that its
  mail leaves after the commit.
"""

import logging

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

violations: list[str] = []


def in_code_transaction(connection) -> bool:
    """True while the code (not the test wrapper) holds an open atomic block."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


class GuardedOutboxBackend(LocmemBackend):
    def send_messages(self, messages):
        for alias in connections:
            connection = connections[alias]
            if in_code_transaction(connection):
                violations.append(
                    f"mail {[m.subject for m in messages]} sent inside a transaction "
                    f"({alias}: {len(connection.atomic_blocks)} atomic blocks)"
                )
        return super().send_messages(messages)


def _call(func, robust: bool) -> None:
    if not robust:
        func()
        return
    try:
        func()
    except Exception:
        logger.exception("on_commit callback failed")


def _at_test_baseline(connection) -> bool:
    return connection.in_atomic_block and not in_code_transaction(connection)


def run_commit_callbacks_as_in_production(monkeypatch) -> None:
    original_on_commit = BaseDatabaseWrapper.on_commit
    original_exit = transaction.Atomic.__exit__

    def on_commit(self, func, robust=False):
        if _at_test_baseline(self):  # outside the code's transactions: run at once
            _call(func, robust)
        else:
            original_on_commit(self, func, robust)

    def exit_atomic(self, exc_type, exc_value, traceback):
        original_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if exc_type is None and _at_test_baseline(connection) and connection.run_on_commit:
            # The code's outermost block ended: this is where production commits.
            pending, connection.run_on_commit = connection.run_on_commit, []
            for _sids, func, robust in pending:
                _call(func, robust)

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_atomic)
