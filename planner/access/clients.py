"""Who a request comes from: its peer's address, or behind a trusted proxy the address
the proxy names.

`X-Forwarded-For` can be typed by anyone, so it counts only when the request comes from
a proxy listed in `PLANNER_TRUSTED_PROXIES` (addresses or networks, comma-separated):
then the client is the right-most address in it that is not itself a trusted proxy.
"""

from collections.abc import Mapping
from ipaddress import IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

TRUSTED_PROXIES = "PLANNER_TRUSTED_PROXIES"
Network = IPv4Network | IPv6Network


def trusted_proxies(environ: Mapping[str, str]) -> tuple[Network, ...]:
    """The networks of `PLANNER_TRUSTED_PROXIES`; a value that is not one is refused.

    >>> trusted_proxies({"PLANNER_TRUSTED_PROXIES": "10.0.0.1, 172.16.0.0/12"})[1]
    IPv4Network('172.16.0.0/12')
    """
    networks = []
    for part in environ.get(TRUSTED_PROXIES, "").split(","):
        if not part.strip():
            continue
        try:
            networks.append(ip_network(part.strip(), strict=False))
        except ValueError:
            raise ValueError(
                f"{TRUSTED_PROXIES}: {part.strip()!r} is not an address or network"
            ) from None
    return tuple(networks)


def _trusted(address: str, proxies: tuple[Network, ...]) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in proxies)


def client_address(
    peer: str | None, forwarded_for: str | None, proxies: tuple[Network, ...]
) -> str:
    """The client's address ("unknown" when there is none).

    >>> proxy = trusted_proxies({"PLANNER_TRUSTED_PROXIES": "10.0.0.1"})
    >>> client_address("10.0.0.1", "6.6.6.6, 203.0.113.7", proxy)
    '203.0.113.7'
    >>> client_address("198.51.100.2", "203.0.113.7", proxy)  # not a proxy: its own
    '198.51.100.2'
    """
    if not peer:
        return "unknown"
    if not forwarded_for or not _trusted(peer, proxies):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            return hop if _is_address(hop) else peer
    return peer


def _is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True


# Headers a proxy adds: a request bearing one may come from anywhere through it.
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host")


def on_this_machine(peer: str | None, headers: Mapping[str, str]) -> bool:
    """The browser runs on the machine that serves the app: it connects over loopback,
    and no proxy header says it came through a proxy (one on the same machine would
    forward anyone's requests from loopback).

    >>> on_this_machine("127.0.0.1", {})
    True
    >>> on_this_machine("::ffff:127.0.0.1", {})  # how a dual-stack server sees IPv4
    True
    >>> on_this_machine("127.0.0.1", {"X-Forwarded-For": "203.0.113.7"})
    False
    """
    if not peer or not _is_address(peer):
        return False
    address = ip_address(peer)
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback and not any(name.lower() in PROXY_HEADERS for name in headers)
