"""Which web addresses briefgen may fetch: parsing a URL's host the way browsers do, and the address policy.

:func:`parse_target` turns a URL into a :class:`Target`: http or https only, the host percent-decoded, IDN hosts
in their ASCII (punycode) form, and numeric IPv4 forms that browsers accept (``0x7f000001``, ``2130706433``,
``127.1``, ``0177.0.0.1``) rewritten as the address they stand for, so the address checked is the one connected to.

:class:`AddressPolicy` decides, for each IP address a host resolves to, whether a connection may be made: public
internet addresses only, unless local addresses (loopback, private, link-local, carrier-grade NAT, unique local)
are allowed explicitly. Multicast, unspecified and reserved addresses are never fetched. IPv6 addresses that
embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by that address.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse
from dataclasses import dataclass, field

from briefgen.display_text import without_url_credentials
from briefgen.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

LOCAL_HINT = (
    "to fetch from your own network, allow local addresses (in the app's preferences, or --allow-local-urls on "
    "the command line)"
)

_N4 = ipaddress.IPv4Network
_N6 = ipaddress.IPv6Network
# (network, what it is, allowed when local addresses are allowed)
_V4_RULES: tuple[tuple[ipaddress.IPv4Network, str, bool], ...] = (
    (_N4("0.0.0.0/8"), "an unspecified address ('this computer')", False),
    (_N4("127.0.0.0/8"), "a loopback address (this computer)", True),
    (_N4("10.0.0.0/8"), "a private network address", True),
    (_N4("172.16.0.0/12"), "a private network address", True),
    (_N4("192.168.0.0/16"), "a private network address", True),
    (_N4("169.254.0.0/16"), "a link-local address (local devices and cloud metadata services)", True),
    (_N4("100.64.0.0/10"), "a carrier-grade NAT address (shared, not public)", True),
    (_N4("224.0.0.0/4"), "a multicast address", False),
    (_N4("240.0.0.0/4"), "a reserved address", False),
    (_N4("192.0.0.0/24"), "a reserved address", False),
    (_N4("192.0.2.0/24"), "a reserved (documentation) address", False),
    (_N4("198.51.100.0/24"), "a reserved (documentation) address", False),
    (_N4("203.0.113.0/24"), "a reserved (documentation) address", False),
    (_N4("198.18.0.0/15"), "a reserved (benchmarking) address", False),
    (_N4("192.88.99.0/24"), "a reserved address", False),
)
_V6_RULES: tuple[tuple[ipaddress.IPv6Network, str, bool], ...] = (
    (_N6("::/128"), "an unspecified address ('this computer')", False),
    (_N6("::1/128"), "a loopback address (this computer)", True),
    (_N6("::/96"), "a reserved address (IPv4-compatible IPv6)", False),
    (_N6("fc00::/7"), "a private network address (unique local)", True),
    (_N6("fe80::/10"), "a link-local address (local devices)", True),
    (_N6("fec0::/10"), "a private network address (site-local)", True),
    (_N6("ff00::/8"), "a multicast address", False),
    (_N6("100::/64"), "a reserved address", False),
    (_N6("2001::/23"), "a reserved address", False),
    (_N6("2001:db8::/32"), "a reserved (documentation) address", False),
    (_N6("64:ff9b:1::/48"), "a reserved address (local NAT64)", False),
)
_NAT64 = _N6("64:ff9b::/96")
_SIX_TO_FOUR = _N6("2002::/16")
_HOST_LABELS = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$")
_NUMBER = re.compile(r"^(?:0[xX][0-9a-fA-F]*|[0-9]+)$")
_LOCAL_NAMES = ("localhost", "localhost.localdomain")


class AddressPolicy:
    """Decides whether briefgen may connect to an address. Subclass and override :meth:`refusal` to change it."""

    def __init__(self, *, allow_local: bool = False) -> None:
        self.allow_local = allow_local

    def refusal(self, address: IPAddress, port: int) -> str | None:
        """Why a connection to *address* (on *port*) is refused: what the address is, as a phrase ("a loopback
        address (this computer)"); ``None`` when it is allowed."""
        what, local = classify(address)
        if what is None or (local and self.allow_local):
            return None
        return what + (f"; {LOCAL_HINT}" if local else "")

    def name_refusal(self, host: str) -> str | None:
        """Why the host name *host* is refused before it is even resolved (``localhost``), as a phrase like
        :meth:`refusal`'s; ``None`` if it is not."""
        if self.allow_local:
            return None
        if host in _LOCAL_NAMES or host.endswith(".localhost"):
            return f"a name for this computer; {LOCAL_HINT}"
        return None


def classify(address: IPAddress) -> tuple[str | None, bool]:
    """``(what the address is, whether it is local)``; ``(None, False)`` for a public internet address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return classify(embedded)
        for net6, what, local in _V6_RULES:
            if address in net6:
                return what, local
    else:
        for net4, what, local in _V4_RULES:
            if address in net4:
                return what, local
    if not address.is_global:  # anything the standard library knows to be non-public that the tables miss
        return "not a public internet address", False
    return None, False


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _SIX_TO_FOUR:
        return address.sixtofour
    return None


@dataclass(frozen=True, slots=True)
class Target:
    """One HTTP request to make: where to connect and what to ask for."""

    scheme: str
    host: str
    """ASCII host name (IDN in punycode) or an IP address without brackets."""
    port: int
    path: str
    """Path and query, percent-encoded, never empty."""
    username: str | None = field(repr=False)
    password: str | None = field(repr=False)

    @property
    def address(self) -> IPAddress | None:
        """The host as an IP address when it is one."""
        try:
            return ipaddress.ip_address(self.host)
        except ValueError:
            return None

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)

    @property
    def url(self) -> str:
        """The address without credentials (for resolving relative redirects and for messages)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return f"{self.scheme}://{host}{'' if self.port == default else f':{self.port}'}{self.path}"


def parse_target(url: str, shown: str, *, redirected: bool = False) -> Target:
    """*url* as a :class:`Target`; an :class:`InputError` naming *shown* when it is not an http(s) address with a
    valid host."""
    where = "redirects to" if redirected else "is"
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        raise InputError(f"{where} not a valid web address (control characters in it)", shown)
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise InputError(f"{where} not a valid web address", shown) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"{where} a {scheme or 'relative'}: address; only http and https are fetched", shown)
    if not parts.hostname or "\\" in parts.netloc:
        raise InputError(f"{where} not a valid web address (no host name)", shown)
    host = normalise_host(parts.hostname, shown, where)
    path = _quote(parts.path or "/") + (f"?{_quote(parts.query)}" if parts.query else "")
    username = urllib.parse.unquote(parts.username) if parts.username is not None else None
    password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    return Target(scheme, host, port or (443 if scheme == "https" else 80), path, username, password)


def normalise_host(raw: str, shown: str, where: str = "is") -> str:
    """The host a browser would connect to: percent-decoded, lower case, IDN to ASCII, numeric IPv4 forms (hex,
    octal, fewer than four parts) as a dotted address, IPv6 in its compressed form."""
    host = urllib.parse.unquote(raw, errors="strict") if "%" in raw else raw
    bad = InputError(f"{where} not a valid web address (bad host name {host!r})", shown)
    if ":" in host:  # only IPv6 literals contain colons once urlsplit has taken the port off
        try:
            return str(ipaddress.IPv6Address(host))
        except ValueError:
            raise bad from None
    host = host.rstrip(".").lower() if host not in (".", "") else host
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise bad from None
    try:
        numeric = _numeric_ipv4(host)
    except _BadNumericHostError:
        raise InputError(f"{where} not a valid web address (bad numeric host {host!r})", shown) from None
    if numeric is not None:
        return numeric
    if not _HOST_LABELS.match(host):
        raise bad
    return host


def _numeric_ipv4(host: str) -> str | None:
    """The dotted address of a host whose last label is a number (as in browsers: ``127.1``, ``0x7f.1``,
    ``0177.0.0.1``, ``2130706433``); ``None`` for a host name. A numeric host that is not a valid address is
    refused rather than looked up."""
    labels = host.split(".")
    if not _NUMBER.match(labels[-1]):
        return None
    if len(labels) > 4 or not all(_NUMBER.match(label) for label in labels):
        raise _BadNumericHostError
    values = [_label_value(label) for label in labels]
    if any(v > 255 for v in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        raise _BadNumericHostError
    number = values[-1]
    for i, value in enumerate(values[:-1]):
        number += value << (8 * (3 - i))
    return str(ipaddress.IPv4Address(number))


def _label_value(label: str) -> int:
    try:
        if label[:2].lower() == "0x":
            return int(label[2:] or "0", 16)
        if len(label) > 1 and label.startswith("0"):
            return int(label, 8)
        return int(label)
    except ValueError:
        raise _BadNumericHostError from None


class _BadNumericHostError(Exception):
    """A host whose last label is a number but which is not a valid IPv4 address in any form."""


def _quote(text: str) -> str:
    """Percent-encode what may not appear raw in a request line; existing escapes are kept."""
    return urllib.parse.quote(text, safe="/%:@!$&'()*+,;=-._~?")


def display_url(url: str) -> str:
    """*url* as it may be shown or logged: without ``user:password@``."""
    return without_url_credentials(url)
