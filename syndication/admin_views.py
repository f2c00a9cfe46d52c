"""Wagtail admin for partner managers: syndication clients, their scopes and API keys.

Clients are edited like any model (a ModelViewSet, under "Syndication" in the
menu); scopes are picked from lists rather than typed (locales as checkboxes,
categories by their default-locale names, stored as translation keys so they
cover every translation). Keys have their own page per client: create one
(shown once, on the response to the POST, never stored in clear), revoke one,
see when each was last used. Saving a client records in its change log what
the new scope means (see `SyndicationClient.save`).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale

from home.viewsets import UserLanguageFormsMixin
from news.models import NewsCategory
from syndication import keys
from syndication.models import SyndicationClient


def category_choices():
    default = Locale.get_default()
    categories = NewsCategory.objects.filter(locale=default).order_by("name")
    return [(str(category.translation_key), category.name) for category in categories]


class SyndicationClientForm(WagtailAdminModelForm):
    locales = forms.MultipleChoiceField(
        label=_("Locales"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        choices=(),
        help_text=_("None ticked: every category. Each covers its translations."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locales"].choices = list(settings.WAGTAIL_CONTENT_LANGUAGES)
        self.fields["categories"].choices = category_choices()


def scope_summary(client):
    count = len(client.categories)
    categories = _("all categories") if not count else _("%(n)d categories") % {"n": count}
    return f"{', '.join(client.locales)} · {categories}"


class ClientKeysView(WagtailAdminTemplateMixin, TemplateView):
    """A client's keys: create (shown once), revoke, last use; and its webhook secret."""

    template_name = "syndication/admin/client_keys.html"
    header_icon = "key"
    page_title = _("API keys")
    viewset = None

    def dispatch(self, request, pk):
        if not self.viewset.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.object = get_object_or_404(SyndicationClient, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.object.name

    def get_breadcrumbs_items(self):
        viewset = self.viewset
        return self.breadcrumbs_items + [
            {"url": reverse(viewset.get_url_name("index")), "label": viewset.menu_label},
            {
                "url": reverse(viewset.get_url_name("edit"), args=[self.object.pk]),
                "label": str(self.object),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            client=self.object, keys=self.object.keys.all(), scope=scope_summary(self.object)
        )
        return context

    def post(self, request, pk):
        if request.POST.get("action") == "create":
            api_key, raw_key = keys.create_api_key(self.object)
            response = self.render_to_response(self.get_context_data(new_key=raw_key, new=api_key))
            response["Cache-Control"] = "no-store"
            return response
        api_key = get_object_or_404(self.object.keys, pk=request.POST.get("key"))
        keys.revoke(api_key)
        messages.success(request, _("Key %(prefix)s… revoked.") % {"prefix": api_key.prefix})
        return redirect(self.viewset.get_url_name("keys"), pk=self.object.pk)


def keys_button(viewset, client):
    return Button(
        _("API keys"), url=reverse(viewset.get_url_name("keys"), args=[client.pk]), icon_name="key"
    )


class ClientIndexView(generic.IndexView):
    viewset = None

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), keys_button(self.viewset, instance)]


class ClientEditView(generic.EditView):
    viewset = None

    @property
    def header_more_buttons(self):
        return [*super().header_more_buttons, keys_button(self.viewset, self.object)]


class SyndicationClientViewSet(UserLanguageFormsMixin, ModelViewSet):
    model = SyndicationClient
    icon = "key"
    menu_label = _("Syndication clients")
    add_to_admin_menu = True
    menu_order = 850
    index_view_class = ClientIndexView
    edit_view_class = ClientEditView
    copy_view_enabled = False
    search_fields = ["name", "partner__name"]
    list_display = [
        "name",
        "partner",
        "active",
        Column("scope", label=_("Scope"), accessor=scope_summary),
        "last_used_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("partner"),
            FieldPanel("name"),
            FieldPanel("active"),
            MultiFieldPanel([FieldPanel("locales"), FieldPanel("categories")], heading=_("Scope")),
            MultiFieldPanel(
                [FieldPanel("requests_per_minute"), FieldPanel("query_cost_per_minute")],
                heading=_("Quotas"),
            ),
            FieldPanel("webhook_url"),
        ],
        base_form_class=SyndicationClientForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(viewset=self, **kwargs)

    @property
    def keys_view(self):
        return ClientKeysView.as_view(viewset=self)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/keys/", self.keys_view, name="keys")]
