"""One signed webhook POST: Standard Webhooks headers, the SSRF guard, no redirects.

Uses urllib3 directly rather than `requests` so that the connection goes to the
addresses `syndication.webhooks.guard` has just checked: the pool is opened on the
IP, while the `Host` header, TLS SNI and certificate check use the name (no
second DNS lookup to rebind). Environment proxies are ignored on purpose: a
proxy would make its own, unchecked, resolution.

Only a 2xx counts as delivered; a redirect is reported as a failure and never
followed (a receiver that moved must be updated by an editor, not guessed).
Error texts name the failure, never the URL's path or query (they may carry a
token) and never the secret.
"""

import time
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import certifi
import urllib3
from django.conf import settings
from standardwebhooks.webhooks import Webhook
from urllib3.exceptions import HTTPError, NewConnectionError

from syndication.webhooks.guard import WebhookURLRefused, check_url

USER_AGENT = "Otandas-Webhooks/1"
EXCERPT_BYTES = 300


@dataclass
class Result:
    status_code: int | None = None
    duration_ms: int = 0
    error: str = ""
    response_excerpt: str = ""

    @property
    def success(self):
        return self.status_code is not None and 200 <= self.status_code < 300


def signed_headers(secret, webhook_id, body, at: datetime):
    """The three Standard Webhooks headers for `body`, signed at `at` (a fresh time per try)."""
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(webhook_id, at, body),
    }


def _pool(scheme, address, host, port, timeout):
    common = {"timeout": timeout, "retries": False, "maxsize": 1}
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            port,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            **common,
        )
    return urllib3.HTTPConnectionPool(address, port, **common)


def _host_header(scheme, host, port):
    name = f"[{host}]" if ":" in host else host
    return name if port == (443 if scheme == "https" else 80) else f"{name}:{port}"


def post(url, body: str, headers: dict) -> Result:
    """POST `body` to `url`; never raises for network trouble (it is in `Result.error`)."""
    started = time.monotonic()
    result = Result()
    try:
        scheme, host, port, addresses = check_url(url)
    except WebhookURLRefused as refused:
        result.error = f"Refused: {refused}"
        return result
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    all_headers = {
        **headers,
        "Host": _host_header(scheme, host, port),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    timeout = urllib3.Timeout(total=settings.WEBHOOK_TIMEOUT)
    for address in addresses:  # the next address only if this one cannot be reached
        pool = _pool(scheme, address, host, port, timeout)
        try:
            response = pool.urlopen(
                "POST",
                target,
                body=body.encode(),
                headers=all_headers,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
            result.status_code = response.status
            excerpt = response.read(EXCERPT_BYTES, decode_content=False)
            result.response_excerpt = excerpt.decode("utf-8", "replace").strip()
            response.release_conn()
            if 300 <= response.status < 400:
                result.error = f"Redirect ({response.status}) not followed."
            elif not result.success:
                result.error = f"HTTP {response.status}"
            break
        except NewConnectionError as error:
            result.error = _describe(error)
        except (HTTPError, OSError) as error:
            result.error = _describe(error)
            break
        finally:
            pool.close()
    result.duration_ms = int((time.monotonic() - started) * 1000)
    return result


def _describe(error):
    text = f"{type(error).__name__}: {error}"
    return text[:500]
