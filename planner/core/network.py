"""The address other computers on the network reach this one by."""

import functools
import ipaddress
import socket


def is_loopback(host: str) -> bool:
    """True for names and addresses only this computer can reach (localhost, 127.x, ::1).

    >>> is_loopback("localhost"), is_loopback("127.0.0.1"), is_loopback("10.0.0.5")
    (True, True, False)
    """
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@functools.cache
def lan_address() -> str | None:
    """This computer's address on its network, None when it has none.

    A UDP socket "connected" to an outside address makes the system choose the interface
    it would use; no packet is sent.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if is_loopback(address) or address == "0.0.0.0" else address
