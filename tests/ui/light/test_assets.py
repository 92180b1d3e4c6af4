"""The light page's JS and CSS under names that carry a hash of their content: served with
a year's immutable cache, the address changing with the content, anything else 404."""

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from planner.ui.light import assets


@pytest.fixture(name="client")
def client_fixture():
    with TestClient(Starlette(routes=assets.ROUTES)) as client:
        yield client


@pytest.mark.parametrize("name", sorted(assets.FILES))
def test_each_file_is_served_at_its_hashed_address_for_a_year(client, name):
    address = assets.url(name)
    stem, suffix = name.rsplit(".", 1)
    assert address.startswith(f"{assets.PREFIX}{stem}.") and address.endswith(f".{suffix}")
    answer = client.get(address)
    assert answer.status_code == 200
    assert answer.content == assets.FILES[name].read_bytes()
    assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert answer.headers["content-type"] == assets.TYPES[f".{suffix}"]


def test_the_address_changes_with_the_content():
    first = assets._hashed("ballot.js", b"one")
    assert first != assets._hashed("ballot.js", b"two")
    assert first == assets._hashed("ballot.js", b"one")


@pytest.mark.parametrize("name", ["ballot.js", "ballot.000000000000.js", "..%2Fpage.py"])
def test_an_unhashed_or_unknown_name_is_not_found(client, name):
    answer = client.get(assets.PREFIX + name)
    assert answer.status_code == 404
    assert "immutable" not in answer.headers.get("cache-control", "")


def test_assets_are_served_under_their_hash_for_a_year(client):
    for name in ("ballot.js", "ballot.css", "light.js", "light.css"):
        found = client.get(assets.url(name))
        assert found.status_code == 200
        assert found.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/b/assets/ballot.000000000000.js").status_code == 404
    ballot = client.get(assets.url("ballot.js")).text
    assert ballot == (assets.SCORING / "ballot.js").read_text(encoding="utf-8")
