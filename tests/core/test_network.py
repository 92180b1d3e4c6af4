"""Which hosts only this computer reaches, and this computer's address on its network."""

import ipaddress

import pytest

from planner.core.network import is_loopback, lan_address


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("app.localhost", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("10.0.0.5", False),
        ("192.168.1.20", False),
        ("0.0.0.0", False),
        ("planner.example.org", False),
        ("localhost.example.org", False),
        ("", False),
    ],
)
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_lan_address_is_none_or_an_address_others_can_reach():
    address = lan_address()
    if address is not None:
        assert not ipaddress.ip_address(address).is_loopback
        assert address != "0.0.0.0"
    assert lan_address() == address  # asked once per run
