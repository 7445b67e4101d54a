"""Which addresses phone capture may listen on: a private IPv4 address of one interface, never all.

A home or office Wi-Fi hands out addresses from the private ranges of RFC 1918; the phone
reaches the computer there, and nothing outside that network can. Loopback is allowed too (this
computer only: the tests, and a browser on the desktop itself). The wildcard address, public
addresses and IPv6 are refused.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

PRIVATE_NETWORKS = tuple(ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
LOOPBACK = ipaddress.IPv4Network("127.0.0.0/8")


@dataclass(frozen=True)
class Interface:
    """A network interface that is up, with a private IPv4 address phone capture can listen on."""

    name: str
    address: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.address})"


class AddressError(ValueError):
    """An address phone capture refuses to listen on (the message says why)."""


def is_private_lan(address: str) -> bool:
    """True for an IPv4 address in the private ranges (10/8, 172.16/12, 192.168/16)."""
    try:
        ip = ipaddress.IPv4Address(address)
    except ValueError:
        return False
    return any(ip in network for network in PRIVATE_NETWORKS)


def checked_bind_address(address: str) -> str:
    """``address`` when phone capture may listen on it (a private or loopback IPv4 address)."""
    try:
        ip = ipaddress.IPv4Address(address.strip())
    except ValueError:
        raise AddressError(f"{address!r} is not an IPv4 address of this computer") from None
    if ip in LOOPBACK or is_private_lan(str(ip)):
        return str(ip)
    raise AddressError(f"{ip} is not a private network address: phone capture listens only on a home or "
                       "office network (10.x, 172.16-31.x or 192.168.x), never on a public one")


def private_interfaces() -> list[Interface]:
    """The interfaces that are up and hold a private IPv4 address (psutil reads the system's list;
    nothing is sent), Wi-Fi and Ethernet alike, in the system's order."""
    import psutil

    stats = psutil.net_if_stats()
    found = []
    for name, addresses in psutil.net_if_addrs().items():
        if name in stats and not stats[name].isup:
            continue
        found += [Interface(name, a.address) for a in addresses
                  if a.family == socket.AF_INET and is_private_lan(a.address)]
    return found
