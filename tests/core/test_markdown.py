import pytest

from mitmachkarte.core.markdown import render_markdown


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "Hallo <script>alert(1)</script> Welt",
        '<img src="x" onerror="alert(1)">',
        '<a href="https://x.example" onclick="alert(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
    ],
)
def test_raw_html_is_inert(source):
    html = render_markdown(source).lower()
    assert "<script" not in html
    assert "<img" not in html
    assert "<iframe" not in html
    assert "<a " not in html
    # The text stays visible, escaped.
    assert "&lt;" in html


@pytest.mark.parametrize(
    "source",
    [
        "[klick](javascript:alert(1))",
        "[klick](JaVaScRiPt:alert(1))",
        "[klick](  javascript:alert(1) )",
        "[klick](data:text/html;base64,PHNjcmlwdD4=)",
        "[klick](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "![bild](javascript:alert(1))",
    ],
)
def test_dangerous_urls_are_not_links(source):
    html = render_markdown(source).lower()
    assert "href" not in html
    assert "<a" not in html
    assert "<img" not in html
    assert "src=" not in html


def test_links_get_rel_nofollow():
    html = render_markdown("[Webseite](https://example.org/) und <https://example.com>")
    assert html.count("<a ") == 2
    assert html.count('rel="nofollow noopener noreferrer ugc"') == 2
    assert 'href="https://example.org/"' in html


def test_mailto_links_are_kept():
    html = render_markdown("[Mail](mailto:info@example.org)")
    assert 'href="mailto:info@example.org"' in html


def test_headings_are_demoted():
    html = render_markdown("# Eins\n\n## Zwei\n\n### Drei\n\n#### Vier")
    assert "<h1" not in html and "<h2" not in html
    assert html.count("<h3>") == 3
    assert "<h4>Vier</h4>" in html


def test_basic_formatting_survives():
    html = render_markdown(
        "**fett** _kursiv_ ~~weg~~\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |"
    )
    for tag in ("<strong>", "<em>", "<s>", "<ul>", "<li>", "<table>", "<td>"):
        assert tag in html


def test_empty_and_none():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
