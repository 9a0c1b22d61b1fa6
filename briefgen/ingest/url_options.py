"""Settings of URL import: whether local (intranet) addresses may be fetched, the time limit and the size cap.

Three ways to give them, most specific first: the ``url_options=`` argument of :func:`briefgen.ingest.load_sources`
and :func:`~briefgen.ingest.read_source`; :func:`using_url_options` around a block of work (the command line's
``--allow-local-urls``); :func:`set_default_url_options` for the whole process (the app's preference).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from briefgen.ingest.url_address import AddressPolicy

DEFAULT_TIMEOUT = 30.0
"""Seconds for the whole exchange: connecting, redirects, headers and body."""
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest page accepted, counted before and after decompression."""

Resolver = Callable[[str, int], Sequence[str]]
"""``resolver(host, port) -> IP addresses`` (as text); the system's resolver unless one is given."""


@dataclass(frozen=True, slots=True)
class UrlFetchOptions:
    allow_local_urls: bool = False
    """Also fetch from loopback, private, link-local and carrier-grade NAT addresses (a user's own intranet).
    Multicast, unspecified and reserved addresses stay refused."""
    timeout: float = DEFAULT_TIMEOUT
    """One deadline for the whole exchange, in seconds."""
    max_bytes: int = DEFAULT_MAX_BYTES
    policy: AddressPolicy | None = None
    """Overrides the address rules (and ``allow_local_urls``) when given."""
    resolver: Resolver | None = None
    """Overrides name resolution when given (tests, special set-ups)."""

    def address_policy(self) -> AddressPolicy:
        return self.policy if self.policy is not None else AddressPolicy(allow_local=self.allow_local_urls)


_default = UrlFetchOptions()
_scoped: ContextVar[UrlFetchOptions | None] = ContextVar("briefgen_url_options", default=None)


def current_url_options() -> UrlFetchOptions:
    """The options in force: those of the innermost :func:`using_url_options`, else the process default."""
    return _scoped.get() or _default


def set_default_url_options(options: UrlFetchOptions) -> None:
    """Set the options used when none are given (in every thread), e.g. from the app's preferences."""
    global _default
    _default = options


@contextmanager
def using_url_options(options: UrlFetchOptions) -> Iterator[None]:
    """Use *options* for URL imports made in this block (in this thread or task)."""
    token = _scoped.set(options)
    try:
        yield
    finally:
        _scoped.reset(token)
