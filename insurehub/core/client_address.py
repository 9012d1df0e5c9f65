"""The client's address: the one rule for logs, audit entries, DRF throttles and the login guard.

`X-Forwarded-For` is written by whoever sends the request, so it is believed only as far as our
own proxies wrote it. With TRUSTED_PROXIES (a list of addresses or CIDR networks) and a request
that came from one of them, the header is read from the right and the first address that is not
one of our proxies is the client's. With NUM_PROXIES = n instead, the client is the n-th entry
from the right (as DRF counts it). Otherwise, and by default, the header is ignored and the
address is the connection's (REMOTE_ADDR; uvicorn already sets it from the header for the
addresses in FORWARDED_ALLOW_IPS, which default to 127.0.0.1 only).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    try:
        return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())
    except ValueError as exc:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES holds something that is not an address or network: {exc}") from exc


def trusted_proxies() -> tuple[Network, ...]:
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))


def _address(value: str | None):
    try:
        return ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None


def _is_trusted(address, networks: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or None
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    if not hops:
        return remote
    networks = trusted_proxies()
    if networks:
        if not _is_trusted(_address(remote), networks):
            return remote
        for hop in reversed(hops):
            address = _address(hop)
            if address is None:
                return remote  # our proxy passed on something that is not an address: trust no further
            if not _is_trusted(address, networks):
                return str(address)
        return str(_address(hops[0]))
    num_proxies = getattr(settings, "NUM_PROXIES", 0) or 0
    if num_proxies > 0:
        address = _address(hops[-min(num_proxies, len(hops))])
        return str(address) if address is not None else remote
    return remote
