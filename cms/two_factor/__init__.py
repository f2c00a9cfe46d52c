"""Two-factor sign-in to the Wagtail admin, on django-otp (README, Security).

After the password, a user who must use a second factor (``policy.is_required``) or has
set one up gives a 6-digit code from an authenticator app (django-otp's TOTP devices) or
one of their single-use recovery codes (its static devices) before any admin page
(``middleware``); one who must and has none is sent to set it up first (``views``).
"""
