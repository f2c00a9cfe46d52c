"""Admin pages wait for the second factor (README, Security: Two-factor sign-in).

After ``django_otp.middleware.OTPMiddleware`` (which says whether this session has
given its second factor). For a request under the admin (``/admin/``) of a user who
signed in with a password but still owes the second factor:

- with a device set up: sent to the code page (``two_factor_verify``);
- required (``policy.is_required``) without one: sent to set it up
  (``two_factor_setup``);

with the page asked for in ``next``. Signing in and out, the admin's script catalogue
and icons, password reset and the 2FA pages themselves stay reachable. Outside the
admin (documents of private collections, page privacy) such a session is anonymous.
The API (``/graphql/``, feeds, syndication) never reads the session's user, and the
user is only looked at when something asks for it.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject

from cms.two_factor import policy

OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"

# Reachable by a session that owes the second factor.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "two_factor_verify",
}
# Reachable too while the user has no device yet (to set one up); never once they have
# one, or a stolen password would be enough to add the thief's app.
ENROLMENT_URL_NAMES = {"two_factor_setup"}


def _url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


def redirect_with_next(url_name, request):
    target = request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
    return redirect(f"{reverse(url_name)}?{urlencode({'next': target})}")


def _anonymous():
    user = AnonymousUser()
    user.otp_device = None
    user.is_verified = lambda: False
    return user


class TwoFactorMiddleware:
    def __init__(self, get_response):
        middleware = list(settings.MIDDLEWARE)
        this = f"{__name__}.{type(self).__name__}"
        if OTP_MIDDLEWARE not in middleware or middleware.index(OTP_MIDDLEWARE) > middleware.index(
            this
        ):
            raise ImproperlyConfigured(f"{this} must come after {OTP_MIDDLEWARE}.")
        self.get_response = get_response

    def __call__(self, request):
        if policy.is_enabled():
            if request.path_info.startswith(reverse("wagtailadmin_home")):
                response = self.check(request)
                if response is not None:
                    return response
            elif hasattr(request, "user"):
                user = request.user
                request.user = SimpleLazyObject(
                    lambda: _anonymous() if policy.owes_second_factor(user) else user
                )
        return self.get_response(request)

    def check(self, request):
        user = request.user
        if not policy.owes_second_factor(user):
            return None
        name = _url_name(request)
        if name in OPEN_URL_NAMES:
            return None
        if policy.has_device(user):
            return redirect_with_next("two_factor_verify", request)
        if name in ENROLMENT_URL_NAMES:
            return None
        return redirect_with_next("two_factor_setup", request)
