"""The pages of two-factor sign-in, under /admin/two-factor/ (cms/wagtail_hooks.py).

- ``verify``: the code after the password (an app's code or a recovery code);
- ``setup``: the QR code and the secret of a new authenticator app, and its first code;
- ``recovery_codes``: the new recovery codes, shown once;
- ``manage``: Account › Two-factor sign-in (new app, new codes, turn off if optional);
- ``reset``: a superuser removes another user's second factors.

Wagtail wraps them in its admin checks (signed in, admin access, the user's language,
never cached); the middleware decides who may reach which before that.
"""

import logging

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.two_factor import devices, policy
from cms.two_factor.forms import CodeForm

logger = logging.getLogger(__name__)

# The recovery codes just made, kept for the one page that shows them.
SESSION_NEW_CODES = "two_factor_new_recovery_codes"


def next_url(request, default=None):
    """Where to go afterwards: ``next`` if it is a page of this site, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("wagtailadmin_home")


def with_next(url_name, target):
    return f"{reverse(url_name)}?{urlencode({'next': target})}"


def _require_enabled():
    if not policy.is_enabled():
        raise Http404("Two-factor sign-in is turned off (ADMIN_2FA_ENABLED).")


def _signed_in_with(request, device):
    """This session has given its second factor (django-otp), under a new session key."""
    django_otp.login(request, device)
    request.session.cycle_key()
    policy.forget(request.user)


class SignInPageMixin:
    """Context of the pages in the look of the sign-in page."""

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            next=next_url(self.request),
            required=policy.is_required(user),
            # Still owes the second factor: the way out is signing out, not the admin.
            signing_in=policy.owes_second_factor(user),
            issuer=settings.OTP_TOTP_ISSUER,
            **kwargs,
        )


class VerifyView(SignInPageMixin, FormView):
    template_name = "cms/two_factor/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        _require_enabled()
        user = request.user
        if policy.is_verified(user):
            return redirect(next_url(request))
        if not policy.has_device(user):
            if policy.is_required(user):
                return redirect(with_next("two_factor_setup", next_url(request)))
            return redirect(next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = self.request.user
        try:
            device = devices.verify(user, form.cleaned_data["code"])
        except devices.CodeError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        _signed_in_with(self.request, device)
        if devices.is_recovery_code(device):
            left = devices.recovery_codes_left(user)
            messages.warning(
                self.request,
                ngettext(
                    "You signed in with a recovery code; %(count)d is left. "
                    "If your authenticator app is lost, set up a new one in "
                    "Account › Two-factor sign-in.",
                    "You signed in with a recovery code; %(count)d are left. "
                    "If your authenticator app is lost, set up a new one in "
                    "Account › Two-factor sign-in.",
                    left,
                )
                % {"count": left},
            )
        return redirect(next_url(self.request))


class SetupView(SignInPageMixin, FormView):
    """A new authenticator app: its QR code and secret, confirmed by its first code."""

    template_name = "cms/two_factor/setup.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        _require_enabled()
        if policy.has_device(request.user) and not policy.is_verified(request.user):
            return redirect(with_next("two_factor_verify", next_url(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = devices.enrolment_device(self.request.user)
        uri = device.config_url
        return super().get_context_data(
            qr_code=devices.qr_svg(uri),
            otpauth_uri=uri,
            secret=devices.secret_text(device),
            replacing=devices.app_device(self.request.user) is not None,
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        try:
            device, codes = devices.confirm_enrolment(user, form.cleaned_data["code"])
        except devices.CodeError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        _signed_in_with(self.request, device)
        self.request.session[SESSION_NEW_CODES] = codes
        messages.success(self.request, _("Two-factor sign-in is on for your account."))
        return redirect(with_next("two_factor_recovery_codes", next_url(self.request)))


class RecoveryCodesView(SignInPageMixin, TemplateView):
    """The recovery codes just made: shown on this one page, once."""

    template_name = "cms/two_factor/recovery_codes.html"

    def get(self, request, *args, **kwargs):
        _require_enabled()
        codes = request.session.pop(SESSION_NEW_CODES, None)
        if not codes:
            return redirect("two_factor_manage")
        return self.render_to_response(self.get_context_data(codes=codes))


class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """Account › Two-factor sign-in."""

    template_name = "cms/two_factor/manage.html"
    page_title = gettext_lazy("Two-factor sign-in")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        _require_enabled()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            app=devices.app_device(user),
            enrolled=policy.has_device(user),
            recovery_codes_left=devices.recovery_codes_left(user),
            required=policy.is_required(user),
            **kwargs,
        )


class NewRecoveryCodesView(View):
    http_method_names = ["post"]

    def post(self, request):
        _require_enabled()
        if not policy.has_device(request.user):
            return redirect("two_factor_manage")
        request.session[SESSION_NEW_CODES] = devices.replace_recovery_codes(request.user)
        messages.success(request, _("New recovery codes made; the old ones no longer work."))
        return redirect(with_next("two_factor_recovery_codes", reverse("two_factor_manage")))


class TurnOffView(View):
    http_method_names = ["post"]

    def post(self, request):
        _require_enabled()
        user = request.user
        if policy.is_required(user):
            messages.error(request, _("Two-factor sign-in is required for your account."))
        elif devices.remove_all(user):
            logger.info("two-factor sign-in turned off by %s", user.get_username())
            messages.success(request, _("Two-factor sign-in is off for your account."))
        return redirect("two_factor_manage")


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """A superuser removes a user's second factors (a lost phone and no recovery code)."""

    template_name = "cms/two_factor/reset.html"
    page_title = gettext_lazy("Reset two-factor sign-in")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        _require_enabled()
        if not request.user.is_superuser:
            raise PermissionDenied
        self.target = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.target)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailusers_users:index"), "label": _("Users")},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            target=self.target,
            enrolled=policy.has_device(self.target),
            required=policy.is_required(self.target),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        removed = devices.remove_all(self.target)
        name = self.target.get_username()
        logger.warning(
            "two-factor sign-in of %s reset by %s (%d devices)",
            name,
            request.user.get_username(),
            removed,
        )
        if removed and policy.is_required(self.target):
            messages.success(
                request,
                _(
                    "Two-factor sign-in of %(user)s was reset: they set it up again "
                    "when they next sign in."
                )
                % {"user": name},
            )
        elif removed:
            messages.success(
                request,
                _(
                    "Two-factor sign-in of %(user)s was reset: they sign in with their "
                    "password alone until they set it up again."
                )
                % {"user": name},
            )
        else:
            messages.info(request, _("%(user)s had no two-factor sign-in set up.") % {"user": name})
        return redirect("wagtailusers_users:index")


verify = sensitive_post_parameters("code")(VerifyView.as_view())
setup = sensitive_post_parameters("code")(SetupView.as_view())
recovery_codes = RecoveryCodesView.as_view()
manage = ManageView.as_view()
new_recovery_codes = NewRecoveryCodesView.as_view()
turn_off = TurnOffView.as_view()
reset = ResetView.as_view()
