"""Who must sign in with a second factor, and whether a session still owes it.

Settings (cms/settings/base.py): ``ADMIN_2FA_ENABLED`` (off: nobody is asked),
``ADMIN_2FA_REQUIRE_SUPERUSERS`` and ``ADMIN_2FA_REQUIRED_GROUPS`` (group names). A user
who is not required but has set up a device is asked for it too.
"""

import django_otp
from django.conf import settings

_CACHE = "_two_factor_cache"  # per user object, i.e. per request


def _cached(user, key, compute):
    cache = getattr(user, _CACHE, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE, cache)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def is_enabled():
    return settings.ADMIN_2FA_ENABLED


def is_required(user):
    """Must this user give a second factor (and set one up if they have none)?"""
    if not (is_enabled() and user.is_authenticated):
        return False
    if user.is_superuser and settings.ADMIN_2FA_REQUIRE_SUPERUSERS:
        return True
    groups = settings.ADMIN_2FA_REQUIRED_GROUPS
    return bool(groups) and _cached(
        user, "in_required_group", lambda: user.groups.filter(name__in=groups).exists()
    )


def has_device(user):
    """Has the user set up a second factor (a confirmed device of any kind)?"""
    return user.is_authenticated and _cached(
        user, "has_device", lambda: django_otp.user_has_device(user, confirmed=True)
    )


def is_verified(user):
    """Has this session given the second factor? (django-otp's OTPMiddleware)"""
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def forget(user):
    """Drop what was worked out for this request (after a device is added or removed)."""
    if getattr(user, _CACHE, None) is not None:
        setattr(user, _CACHE, None)


def owes_second_factor(user):
    """Signed in with a password, and a second factor is due but not given yet."""
    if not (is_enabled() and user.is_authenticated) or is_verified(user):
        return False
    return has_device(user) or is_required(user)
