from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="doc-full")
class PublishingSettings(BaseGenericSetting):
    """Attribution that travels with every syndicated article."""

    organisation_name = models.CharField(_("organisation name"), max_length=200, default="Otandas")
    copyright_notice = models.CharField(
        _("copyright notice"), max_length=300, default="© Otandas. All rights reserved."
    )
    usage_terms = models.TextField(
        _("usage terms"),
        default="Republication by partner foundations is permitted with attribution "
        "and a link to the original article.",
    )

    class Meta:
        verbose_name = _("publishing")
