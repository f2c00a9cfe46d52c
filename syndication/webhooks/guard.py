"""Which webhook URLs the server may call: a guard against server-side request forgery.

A webhook URL is typed by whoever manages a client, and the server then makes
requests to it from inside our network. Unless `WEBHOOK_ALLOW_PRIVATE_NETWORKS`
is on (development and tests, to reach a receiver on 127.0.0.1), a URL whose
host resolves to any loopback, private, link-local (cloud metadata at
169.254.169.254), shared, multicast or otherwise non-global address is refused.

The check runs twice: when the client is saved (`validate_webhook_url`, a clear
message for the editor) and before every send (`resolve_checked`), because DNS
answers change. The sender then connects to the very addresses checked here
(never resolving the name again), so a name that answers with a public address
for the check and a private one for the connection (DNS rebinding) gains
nothing. Every address of a name is checked, not only the first.

`WEBHOOK_REQUIRE_HTTPS` (on in production) refuses plain http. Credentials in
the URL are refused everywhere: they would end up in logs, and the signature
already proves the sender.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator


class WebhookURLRefused(ValueError):
    """The URL may not be called; the message is safe to show and to log."""


def allow_private_networks():
    return settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS


def is_public_address(address):
    """True for an address on the public internet (also through an IPv4-mapped IPv6 form)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def parse(url):
    """(scheme, host, port) of an acceptable URL, before any name resolution."""
    try:
        URLValidator(schemes=["http", "https"])(url)
        parts = urlsplit(url)
        port = parts.port
    except (ValidationError, ValueError):
        raise WebhookURLRefused("Not a valid http(s) URL.") from None
    if settings.WEBHOOK_REQUIRE_HTTPS and parts.scheme != "https":
        raise WebhookURLRefused("Webhook URLs must use https.")
    if parts.username is not None or parts.password is not None:
        raise WebhookURLRefused("Webhook URLs may not contain credentials.")
    if not parts.hostname:
        raise WebhookURLRefused("The URL has no host.")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def resolve_checked(host, port):
    """The addresses to connect to for `host`, every one of them allowed.

    Raises WebhookURLRefused if the name does not resolve or if any address is
    not public (unless private networks are allowed).
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise WebhookURLRefused(f"The host {host!r} does not resolve.") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise WebhookURLRefused(f"The host {host!r} does not resolve.")
    if not allow_private_networks():
        for address in addresses:
            if not is_public_address(address):
                raise WebhookURLRefused(
                    f"The host {host!r} resolves to {address}, a loopback, private or "
                    "link-local address; webhooks only go to public addresses."
                )
    return addresses


def check_url(url):
    """Everything `resolve_checked` checks, for a URL; returns (scheme, host, port, addresses)."""
    scheme, host, port = parse(url)
    return scheme, host, port, resolve_checked(host, port)


def validate_webhook_url(url):
    """Save-time check (model or form): a ValidationError with a message for the editor.

    With private networks allowed nothing is resolved: any well-formed URL goes.
    """
    if not url:
        return
    try:
        if allow_private_networks():
            parse(url)
        else:
            check_url(url)
    except WebhookURLRefused as refused:
        raise ValidationError({"webhook_url": str(refused)}, code="unsafe_webhook_url") from None
