"""Any text survives the CSV export format and the importer's reader (no database needed)."""

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from mitmachkarte.interop.mapping import TagMapping
from mitmachkarte.interop.readers import Row, read_rows
from mitmachkarte.opendata.formats import csv_lines

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)
WORD = (
    st.text(
        st.characters(whitelist_categories=("L", "N"), whitelist_characters=" -.&'"),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(
    name=WORD,
    description=TEXT,
    meeting=TEXT,
    tags=st.lists(WORD, max_size=4),
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
)
def test_exported_csv_rows_read_back_unchanged(name, description, meeting, tags, lat, lon):
    row = {
        "id": 7,
        "slug": "x",
        "name": name,
        "short_description": "kurz",
        "description": description,
        "categories": ["repair", "food"],
        "sdgs": [3, 12],
        "tags": tags,
        "street": "Weg 1",
        "postcode": "50667",
        "city": "Köln",
        "latitude": lat,
        "longitude": lon,
        "municipality_ags": "05315000",
        "municipality_name": "Köln",
        "website": "",
        "meeting_times": meeting,
        "opening_hours": "Mo-Fr 10:00-18:00",
        "how_to_join": "",
        "founded_year": 2001,
        "last_confirmed_at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        "updated_at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        "data_licence": "CC0-1.0",
        "url": "https://example.org/initiativen/x/",
        "image_url": "https://example.org/media/initiatives/x-800.webp",
        "image_alt": "Werkstatt",
        "image_credit": "",
    }
    content = "".join(csv_lines([row])).encode()
    [parsed] = read_rows(content, "csv", TagMapping(default_category="repair"))
    assert isinstance(parsed, Row), parsed
    entry = parsed.entry
    assert entry["name"] == " ".join(name.split())
    assert entry["description"] == description.strip()
    assert entry["meeting_times"] == meeting.strip()
    assert entry["opening_hours"] == "Mo-Fr 10:00-18:00"
    assert entry["tags"] == [t.strip() for t in tags]
    assert (entry["latitude"], entry["longitude"]) == (lat, lon)
    assert (entry["categories"], entry["sdgs"]) == (["repair", "food"], [3, 12])
    assert entry["last_confirmed_at"] == row["last_confirmed_at"]
    assert entry["source_id"] == "7" and entry["data_licence"] == "CC0-1.0"
