"""A small HTTP client that fills forms as a browser would, an SMTP sink, and the checks'
helpers of prod_smoke.py.

Only the standard library and aiosmtpd (a dev extra): the smoke test talks to the servers the
way people and mail servers do, nothing of the application is imported.
"""

import http.cookiejar
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes, policy
from html.parser import HTMLParser


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer worth seeing (login, saved forms)


class _Forms(HTMLParser):
    """Every <form> with the values a browser would submit without user input."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {
                "action": a.get("action") or "",
                "method": a.get("method", "get"),
                "fields": [],
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form["fields"].append(
                (a["name"], a.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form["fields"].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            value = (
                self._select["chosen"]
                if self._select["chosen"] is not None
                else self._select["first"]
            )
            if value is not None:
                self._form["fields"].append((self._select["name"], value))
            self._select = None
        elif tag == "form":
            self._form = None


class Browser:
    """Cookies, a fixed client address (X-Forwarded-For, for a trusted proxy) and forms."""

    def __init__(self, base: str, *, client_ip: str = "", timeout: float = 30):
        self.base = base.rstrip("/")
        self.client_ip = client_ip
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect
        )

    def request(self, path: str, data: list | None = None) -> tuple[int, str]:
        url = path if path.startswith("http") else self.base + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body)
        request.add_header("Referer", url)  # Django's CSRF check wants one on HTTPS only
        if self.client_ip:
            request.add_header("X-Forwarded-For", self.client_ip)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            return 0, str(error)  # not listening (yet), or gone

    def json(self, path: str) -> tuple[int, dict]:
        status, text = self.request(path)
        return status, json.loads(text) if status else {}

    def submit(self, path: str, *, action: str, data: dict) -> tuple[int, str]:
        """GET `path`, take the POST form whose action contains `action`, overwrite `data`."""
        status, page = self.request(path)
        if status != 200:
            return status, page
        parser = _Forms()
        parser.feed(page)
        target = urllib.parse.urljoin(self.base + path, "")
        for form in parser.forms:
            url = urllib.parse.urljoin(self.base + path, form["action"])
            if form["method"].lower() == "post" and action in urllib.parse.urlsplit(url).path:
                fields = [(k, v) for k, v in form["fields"] if k not in data]
                return self.request(url, fields + list(data.items()))
        raise AssertionError(f"no POST form for {action!r} on {target}")


class Inbox:
    """An SMTP server on loopback that keeps every message it is given."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.messages: list[tuple[list[str], object]] = []
        self._lock = threading.Lock()
        self._controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(([r.lower() for r in envelope.rcpt_tos], message))
        return "250 OK"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self._controller = Controller(self, hostname=self.host, port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller:
            self._controller.stop()

    def to(self, address: str) -> list:
        with self._lock:
            return [m for rcpts, m in self.messages if address.lower() in rcpts]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def wait_for(what: str, predicate, timeout: float = 60, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)
    log(f"ok: {message}")


def flood(port_cycle, path: str, action: str, make_data, count: int) -> list[int]:
    """POST `count` forms from `count` different client addresses, spread over both hosts."""

    def one(n: int) -> int:
        port = port_cycle[n % len(port_cycle)]
        client = f"10.{n // 65536}.{n // 256 % 256}.{n % 256}"
        browser = Browser(f"http://127.0.0.1:{port}", client_ip=client)
        status, page = browser.submit(path, action=action, data=make_data(n))
        if status not in (200, 302, 429):
            errors = re.findall(r'class="errorlist[^>]*>(.*?)</ul>', page, re.S)
            log(f"{path}: {status} {' '.join(errors)[:300] or page[:300]}")
        return status

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(one, range(count)))
