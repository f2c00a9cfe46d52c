"""Mounted at /admin/two-factor/ by cms/wagtail_hooks.py (register_admin_urls)."""

from django.urls import path

from cms.two_factor import views

urlpatterns = [
    path("", views.manage, name="two_factor_manage"),
    path("verify/", views.verify, name="two_factor_verify"),
    path("setup/", views.setup, name="two_factor_setup"),
    path("recovery-codes/", views.recovery_codes, name="two_factor_recovery_codes"),
    path("recovery-codes/new/", views.new_recovery_codes, name="two_factor_new_recovery_codes"),
    path("turn-off/", views.turn_off, name="two_factor_turn_off"),
    path("reset/<int:user_id>/", views.reset, name="two_factor_reset"),
]
