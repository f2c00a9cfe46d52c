# Varnish in front of the CMS: caches what the CMS says is public, drops it by surrogate key.
#
# - Cacheable: GET and HEAD without Authorization or a session cookie, for as long as the
#   answer's Cache-Control allows (s-maxage; `private`, `no-store` and Set-Cookie are never
#   kept: Varnish's built-in rules, which run after these).
# - Purge: the CMS sends `PURGE /` with `xkey-purge: <keys>` (cms/api/purge_backends.py,
#   CACHE_PURGE_BACKENDS=varnish:http://<this host>:<port>/), allowed from `purgers` only.
# - Answers leave with `X-Cache: HIT|MISS`; the key headers stay inside.
# - Flood guard: API requests that would reach the CMS (misses and passes, not hits) are
#   counted per client and refused here, with the API's 429 `RATE_LIMITED`, beyond
#   `throttle_rate` below, before any Python runs (the CMS's own quotas are per minute;
#   this only cuts bursts, see the README's "Rate limits").
#
# Needs vmod-xkey and vmod-vsthrottle (Debian: varnish-modules). The backend is the CMS.
vcl 4.1;

import std;
import vsthrottle;
import xkey;

backend cms {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

# The load balancer or CDN in front of Varnish, if any (as CMS_TRUSTED_PROXIES for the CMS):
# from them the client is the address they forwarded, from anyone else the peer itself.
acl trusted_proxies {
    "127.0.0.1";
    "::1";
}

sub client_identity {
    # varnishd has appended the peer to X-Forwarded-For already: the client is the address
    # before it, which the trusted proxy wrote; what the client wrote before that is ignored.
    if (client.ip ~ trusted_proxies && req.http.X-Forwarded-For ~ ",") {
        set client.identity = regsub(req.http.X-Forwarded-For, "^(.*,)?\s*([^,\s]+)\s*,[^,]*$", "\2");
    } else {
        set client.identity = client.ip;
    }
}

# At most 20 API requests reaching the CMS in any 2 seconds per address, 80 per partner
# key's address: twice the CMS's per-minute quotas as a rate (300 and 1,200 a minute), so
# the CMS's own answers (with their RateLimit headers) come first for a steady client,
# and a flood is refused here. Cache hits are not counted.
sub throttle_rate {
    if (req.url ~ "^/(graphql|feeds|syndication)/") {
        if (req.http.Authorization) {
            set req.http.x-throttle = "80;w=2";
            if (vsthrottle.is_denied("partner:" + client.identity, 80, 2s)) {
                return (synth(429, "Too Many Requests"));
            }
        } else {
            set req.http.x-throttle = "20;w=2";
            if (vsthrottle.is_denied("address:" + client.identity, 20, 2s)) {
                return (synth(429, "Too Many Requests"));
            }
        }
        unset req.http.x-throttle;
    }
}

sub vcl_recv {
    call client_identity;
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from " + client.ip));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "An xkey-purge header is required"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);  # partners' keys, signed-in editors (previews, the admin)
    }
    unset req.http.Cookie;  # the public API and feeds read no other cookie
}

sub vcl_miss {
    call throttle_rate;
}

sub vcl_pass {
    call throttle_rate;
}

sub vcl_synth {
    if (resp.status == 429) {
        set resp.http.Content-Type = "application/json";
        set resp.http.Retry-After = "1";
        set resp.http.Cache-Control = "no-store";
        set resp.http.RateLimit-Policy = req.http.x-throttle + {";comment="at the edge""};
        synthetic({"{"errors": [{"message": "Too many requests at once from one address. Retry in 1 second.", "extensions": {"code": "RATE_LIMITED", "retryAfter": 1}}]}"});
        return (deliver);
    }
}

sub vcl_backend_response {
    # The quota of whoever fetched it is no one else's: a cached copy goes without it.
    unset beresp.http.RateLimit-Limit;
    unset beresp.http.RateLimit-Remaining;
    unset beresp.http.RateLimit-Reset;
    unset beresp.http.RateLimit-Policy;
    # Keep serving a stale copy while a fresh one is fetched, as the CMS allows.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1s"),
            10s
        );
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
