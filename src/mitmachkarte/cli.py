"""Console entry point `mitmachkarte`, the project's manage.py."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
    if sys.argv[1:2] != ["runserver"]:
        # Commands get DATABASE_COMMAND_STATEMENT_TIMEOUT instead of the web one (settings).
        os.environ.setdefault("MITMACHKARTE_PROCESS", "command")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
