"""The client's address: X-Forwarded-For only from a trusted proxy."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.access.clients import client_address, on_this_machine, trusted_proxies

PROXY = trusted_proxies({"PLANNER_TRUSTED_PROXIES": "10.0.0.1, 10.1.0.0/16"})
addresses = st.ip_addresses(v=4).map(str)


@given(addresses, st.lists(addresses, max_size=4))
def test_without_a_trusted_proxy_the_header_is_ignored(peer, hops):
    if peer == "10.0.0.1" or peer.startswith("10.1."):
        return
    assert client_address(peer, ", ".join(hops), PROXY) == peer


@given(st.lists(addresses, min_size=1, max_size=4), addresses)
def test_behind_the_proxy_the_last_untrusted_hop_counts(forged, real):
    if real == "10.0.0.1" or real.startswith("10.1."):
        return
    header = ", ".join([*forged, real, "10.1.2.3"])  # what a client typed, then the proxies
    assert client_address("10.0.0.1", header, PROXY) == real


def test_odd_headers_fall_back_to_the_peer():
    assert client_address("10.0.0.1", "not an address", PROXY) == "10.0.0.1"
    assert client_address("10.0.0.1", "", PROXY) == "10.0.0.1"
    assert client_address(None, "1.2.3.4", PROXY) == "unknown"
    assert client_address("10.0.0.1", "1.2.3.4", ()) == "10.0.0.1"  # none trusted: default


def test_a_bad_setting_is_refused_by_name():
    with pytest.raises(ValueError, match=r"PLANNER_TRUSTED_PROXIES: 'proxy\.local'"):
        trusted_proxies({"PLANNER_TRUSTED_PROXIES": "10.0.0.1,proxy.local"})


@pytest.mark.parametrize(
    ("peer", "headers", "here"),
    [
        ("127.0.0.1", {}, True),
        ("127.0.0.53", {}, True),
        ("::1", {"Host": "localhost:8501"}, True),
        ("::ffff:127.0.0.1", {}, True),  # IPv4 as a dual-stack server sees it
        ("::ffff:203.0.113.7", {}, False),
        ("127.0.0.1", {"X-Forwarded-For": "203.0.113.7"}, False),  # a proxy on this machine
        ("127.0.0.1", {"forwarded": "for=203.0.113.7"}, False),
        ("127.0.0.1", {"X-Real-IP": "203.0.113.7"}, False),
        ("192.168.1.20", {}, False),
        ("203.0.113.7", {"Host": "localhost"}, False),  # a Host header is anyone's to type
        (None, {}, False),
        ("unknown", {}, False),
    ],
)
def test_on_this_machine_only_over_loopback_without_a_proxy(peer, headers, here):
    assert on_this_machine(peer, headers) is here
