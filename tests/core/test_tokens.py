"""Shared signed tokens: round trip, tampering, expiry, salts, payload shape, e-mail digests."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from hypothesis import example, given
from hypothesis import strategies as st

from mitmachkarte.core import tokens
from mitmachkarte.events import tokens as events_tokens
from mitmachkarte.groups import tokens as groups_tokens
from mitmachkarte.moderation import tokens as moderation_tokens
from mitmachkarte.stewardship import tokens as stewardship_tokens
from mitmachkarte.subscriptions import tokens as subscriptions_tokens
from mitmachkarte.surveys import tokens as surveys_tokens

SALT = "mitmachkarte.tests.core.tokens"
SHAPE = {"i": int, "e": str}
DAY = timedelta(days=1)


def unsign(token, **kwargs):
    return tokens.unsign(token, **{"salt": SALT, "max_age": DAY, "shape": SHAPE, **kwargs})


def test_round_trip_returns_the_keys_of_the_shape():
    token = tokens.sign({"i": 7, "e": "abc", "extra": [1]}, salt=SALT)
    assert unsign(token) == {"i": 7, "e": "abc"}
    assert unsign(token, shape={"i": int | str}) == {"i": 7}
    assert unsign(token, shape={"i": (int, str), "extra": list}) == {"i": 7, "extra": [1]}


def test_a_changed_character_is_invalid():
    token = tokens.sign({"i": 7, "e": "abc"}, salt=SALT)
    for i in (0, len(token) // 2, len(token) - 1):
        tampered = token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
        with pytest.raises(tokens.TokenError) as exc:
            unsign(tampered)
        assert str(exc.value) == "invalid" and not exc.value.expired


def test_another_salt_is_invalid():
    token = tokens.sign({"i": 7, "e": "abc"}, salt="mitmachkarte.tests.other")
    with pytest.raises(tokens.TokenError) as exc:
        unsign(token)
    assert str(exc.value) == "invalid" and not exc.value.expired


def test_an_old_token_is_expired_and_none_never_expires():
    made_at = time.time()
    with mock.patch("time.time", return_value=made_at):
        token = tokens.sign({"i": 7, "e": "abc"}, salt=SALT)
    with mock.patch("time.time", return_value=made_at + DAY.total_seconds() - 60):
        assert unsign(token)["i"] == 7
    with mock.patch("time.time", return_value=made_at + DAY.total_seconds() + 60):
        with pytest.raises(tokens.TokenError) as exc:
            unsign(token)
        assert str(exc.value) == "expired" and exc.value.expired
        with pytest.raises(tokens.TokenError):
            unsign(token, max_age=DAY.total_seconds())  # seconds work like a timedelta
    with mock.patch("time.time", return_value=made_at + 10 * 365 * DAY.total_seconds()):
        assert unsign(token, max_age=None)["e"] == "abc"


def test_a_forged_token_is_invalid_even_when_it_would_be_expired():
    made_at = time.time()
    with mock.patch("time.time", return_value=made_at):
        token = tokens.sign({"i": 7, "e": "abc"}, salt=SALT)
    later = made_at + 2 * DAY.total_seconds()
    with mock.patch("time.time", return_value=later), pytest.raises(tokens.TokenError) as exc:
        unsign(token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert not exc.value.expired


@pytest.mark.parametrize(
    "payload",
    [
        None,
        7,
        "text",
        [7, "abc"],
        {},
        {"i": 7},
        {"e": "abc"},
        {"i": "7", "e": "abc"},
        {"i": 7, "e": 5},
        {"i": None, "e": "abc"},
        {"i": 7.0, "e": "abc"},
    ],
)
def test_a_genuine_token_of_another_shape_is_invalid(payload):
    token = tokens.sign(payload, salt=SALT)
    with pytest.raises(tokens.TokenError) as exc:
        unsign(token)
    assert str(exc.value) == "invalid" and not exc.value.expired


@given(
    st.one_of(
        st.none(),
        st.text(),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-_"),
    )
)
@example("")
@example(":")
@example("a:b:c")
@example("eyJpIjo3fQ:1abc:xyz")
@example(".eJyrVspUslIyNDJR0lFKBbJKi1OLlHQUSpWsYgHqQgrU:1abc:xyz")
def test_arbitrary_strings_raise_nothing_but_token_error(token):
    with pytest.raises(tokens.TokenError):
        unsign(token)


def test_email_digest_ignores_case_and_surrounding_space():
    digest = tokens.email_digest("  Ada@Example.ORG\n")
    assert digest == tokens.email_digest("ada@example.org")
    assert len(digest) == 16 and int(digest, 16) >= 0
    assert digest != tokens.email_digest("eve@example.org")


def test_digest_matches_compares_address_digests():
    digest = tokens.email_digest("ada@example.org")
    assert tokens.digest_matches(" ADA@example.org", digest)
    assert not tokens.digest_matches("eve@example.org", digest)
    assert not tokens.digest_matches("ada@example.org", digest[:-1])
    assert not tokens.digest_matches("ada@example.org", "ä" * 16)  # no TypeError on non-ASCII


def test_every_app_raises_the_one_shared_token_error():
    for module in (
        events_tokens,
        groups_tokens,
        moderation_tokens,
        stewardship_tokens,
        subscriptions_tokens,
        surveys_tokens,
    ):
        assert module.TokenError is tokens.TokenError
    with pytest.raises(tokens.TokenError):
        groups_tokens.read_token("kaputt")
    with pytest.raises(events_tokens.TokenError):
        surveys_tokens.read_token("kaputt")


def test_links_signed_before_the_shared_module_still_read():
    # What the apps' own signing.dumps calls produced: same salts, same payload keys.
    old_revise = signing.dumps(
        {"p": 1, "r": 2, "e": tokens.email_digest("a@b.de")}, salt=moderation_tokens.REVISE
    )
    assert moderation_tokens.read_revise_token(old_revise) == (1, 2, tokens.email_digest("a@b.de"))
    old_invitation = signing.dumps(
        {"i": 4, "e": tokens.email_digest("x@y.de")}, salt="mitmachkarte.groups.invitation"
    )
    assert groups_tokens.read_token(old_invitation)[0] == 4
    with mock.patch("time.time", return_value=time.time()):
        assert events_tokens.make_token(
            registration_id=3, email="A@b.de ", purpose=events_tokens.CONFIRM
        ) == signing.dumps({"r": 3, "e": tokens.email_digest("a@b.de")}, salt=events_tokens.CONFIRM)
