#!/usr/bin/env python3
"""Container health check: exit 0 if the web process answers /healthz.

Used by the Dockerfile's HEALTHCHECK (the slim image has no curl). Django
answers only to hosts in ALLOWED_HOSTS, so the request names the first of
them. Standard library only.
"""

import os
import sys
import urllib.request

PORT = os.environ.get("PORT", "8000")


def host_header():
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    host = hosts[0] if hosts else "localhost"
    if host == "*":
        return "localhost"
    return host.lstrip(".")  # ".example.org" allows example.org and its subdomains


def main():
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}/healthz", headers={"Host": host_header()}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return 0 if response.status == 200 else 1
    except OSError as exc:
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
