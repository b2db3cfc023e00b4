"""An e-mail backend for the worker-kill test, run in a worker subprocess: it writes each mail
to a file of its own in EMAIL_FILE_PATH, and before the mail to HOLD_MAIL_TO it writes a
marker and hangs, so the test kills the worker in the middle of sending."""

import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class HoldingFileBackend(BaseEmailBackend):
    def send_messages(self, messages):
        folder = Path(os.environ["EMAIL_FILE_PATH"])
        for message in messages:
            [to] = message.to
            if to == os.environ.get("HOLD_MAIL_TO"):
                (folder / f"sending-{to}").write_text("")
                time.sleep(120)  # killed here
            key = message.extra_headers["Message-ID"].strip("<>").partition("@")[0]
            (folder / f"mail-{to}-{key}.eml").write_bytes(message.message().as_bytes())
        return len(messages)
