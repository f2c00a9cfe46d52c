# Varnish in front of the CMS: caches what the CMS says is public, drops it by surrogate key.
#
# - Cacheable: GET and HEAD without Authorization or a session cookie, for as long as the
#   answer's Cache-Control allows (s-maxage; `private`, `no-store` and Set-Cookie are never
#   kept: Varnish's built-in rules, which run after these).
# - Purge: the CMS sends `PURGE /` with `xkey-purge: <keys>` (cms/api/purge_backends.py,
#   CACHE_PURGE_BACKENDS=varnish:http://<this host>:<port>/), allowed from `purgers` only.
# - Answers leave with `X-Cache: HIT|MISS`; the key headers stay inside.
#
# Needs vmod-xkey (Debian: varnish-modules). The backend is the CMS (gunicorn).
vcl 4.1;

import std;
import xkey;

backend cms {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
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
