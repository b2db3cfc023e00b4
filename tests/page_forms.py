"""What a browser would submit from a page's forms: the version token of an edit form
(core.concurrency) and a whole form's fields."""


def version_in(response, name: str = "version") -> str:
    """The version token of the (first) edit form on a page, as a browser would send it."""
    import html
    import re

    page = response.content.decode()
    found = re.search(rf'name="{name}" value="([^"]*)"', page) or re.search(
        rf'value="([^"]*)" name="{name}"', page
    )
    assert found, f"no hidden {name} field on the page"
    return html.unescape(found.group(1))


def form_in(response, *, form_id: str = "", action: str = "") -> dict:
    """What a browser submits from a form of the page (the first one, or the one with this
    id or action): inputs, checked boxes, selected options, text areas; buttons left out."""
    from html.parser import HTMLParser

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__()
            self.data, self.inside, self.done = {}, False, False
            self.select = self.textarea = None
            self.options = []

        def add(self, name, value):
            if name in self.data:
                old = self.data[name]
                self.data[name] = [*(old if isinstance(old, list) else [old]), value]
            else:
                self.data[name] = value

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form" and not self.done and not self.inside:
                self.inside = (not form_id or a.get("id") == form_id) and (
                    not action or a.get("action") == action
                )
            if not self.inside:
                return
            if tag == "input" and a.get("name"):
                kind = a.get("type", "text")
                if kind in ("submit", "button", "image", "reset", "file"):
                    return
                if kind in ("checkbox", "radio") and "checked" not in a:
                    return
                self.add(a["name"], a.get("value", "on" if kind in ("checkbox", "radio") else ""))
            elif tag == "textarea":
                self.textarea = [a.get("name"), ""]
            elif tag == "select":
                self.select, self.options = (a.get("name"), "multiple" in a), []
            elif tag == "option" and self.select:
                self.options.append([a.get("value"), "selected" in a, ""])

        def handle_data(self, data):
            if self.textarea is not None:
                self.textarea[1] += data
            elif self.select and self.options and self.options[-1][0] is None:
                self.options[-1][2] += data

        def handle_endtag(self, tag):
            if tag == "form" and self.inside:
                self.inside, self.done = False, True
            elif tag == "textarea" and self.textarea is not None:
                name, text = self.textarea
                self.textarea = None
                if name:  # browsers drop the one line break after the opening tag
                    self.add(name, text[1:] if text.startswith("\n") else text)
            elif tag == "select" and self.select:
                (name, multiple), options = self.select, self.options
                self.select = None
                chosen = [o for o in options if o[1]] or ([] if multiple else options[:1])
                for value, _selected, text in chosen:
                    self.add(name, value if value is not None else text.strip())
                if multiple and len(chosen) == 1:
                    self.data[name] = [self.data[name]]

    parser = Parser()
    parser.feed(response.content.decode())
    assert parser.done, "no such form on the page"
    return parser.data
