"""Partner access: syndication clients, their API keys, and the change log they pull.

The change log is an outbox: entries are written by `syndication.changelog` in the
same transaction as the publish, unpublish, move or deletion they record, one
entry per client concerned, numbered per client without gaps (see
`SyndicationClient.last_sequence`). `SyndicatedArticle` remembers what each
client currently has, so every action is "in scope now?" compared with "had
it?", and a replay of the log from the start ends in exactly the live set.

Page ids are kept as plain integers, not foreign keys: an entry outlives its
page (a DELETED entry is about a page that is gone).
"""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from syndication.credentials import generate_webhook_secret
from syndication.webhooks.guard import validate_webhook_url


class SyndicationClientQuerySet(models.QuerySet):
    def lock_all(self):
        """All clients, locked until the end of the transaction, in one fixed order (the
        change log's ordering rule, `syndication.changelog`)."""
        return list(self.select_for_update(no_key=True).order_by("pk"))


class SyndicationClient(models.Model):
    """One consumer of the partner API: a partner's site, app or newsroom system."""

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="syndication_clients",
    )
    name = models.CharField(_("name"), max_length=200)
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive client's keys are refused and its articles are withdrawn."),
    )
    locales = models.JSONField(
        _("locales"), default=list, blank=True, help_text=_("Language codes it receives.")
    )
    categories = models.JSONField(
        _("categories"),
        default=list,
        blank=True,
        help_text=_("Translation keys of the news categories it receives; empty for all."),
    )
    requests_per_minute = models.PositiveIntegerField(
        _("requests a minute"),
        null=True,
        blank=True,
        help_text=_("Its keys' quota of API requests; empty for the site's default."),
    )
    query_cost_per_minute = models.PositiveIntegerField(
        _("query cost a minute"),
        null=True,
        blank=True,
        help_text=_(
            "Its keys' budget of GraphQL query cost (a field costs 1, a list its page size "
            "times its fields); empty for the site's default."
        ),
    )
    webhook_url = models.URLField(_("webhook URL"), blank=True)
    webhook_secret = models.CharField(_("webhook secret"), max_length=100, blank=True)
    last_sequence = models.PositiveBigIntegerField(_("last sequence"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    objects = SyndicationClientQuerySet.as_manager()

    # Written only by targeted UPDATEs, never by save() (see save()).
    COUNTER_FIELDS = ("last_sequence", "last_used_at", "created_at")

    class Meta:
        db_table = "partners_syndicationclient"  # created by the partners app
        verbose_name = _("syndication client")
        verbose_name_plural = _("syndication clients")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Save; `syndication.signals` then records in the change log, in the same
        transaction, what the client's (new) scope means to it.

        `last_sequence` and `last_used_at` are only ever written by targeted UPDATEs
        (under the change log's lock, by the key check): a form holding an old value
        must not write it back. Clients are locked first, in the change log's order,
        so an edit cannot deadlock with a publish.
        """
        if self.webhook_url and not self.webhook_secret:
            self.webhook_secret = generate_webhook_secret()
        with transaction.atomic():
            if not self._state.adding:
                SyndicationClient.objects.lock_all()
                if kwargs.get("update_fields") is None:
                    kwargs["update_fields"] = [
                        f.name
                        for f in self._meta.concrete_fields
                        if not f.primary_key and f.name not in self.COUNTER_FIELDS
                    ]
            super().save(*args, **kwargs)

    def clean(self):
        """An unsafe webhook URL is a field error in the admin form, not a failed save."""
        super().clean()
        validate_webhook_url(self.webhook_url)


class ApiKey(models.Model):
    """A secret a client sends as `Authorization: Bearer <key>`; only its hash is stored."""

    client = models.ForeignKey(
        SyndicationClient, verbose_name=_("client"), on_delete=models.CASCADE, related_name="keys"
    )
    prefix = models.CharField(_("prefix"), max_length=16, editable=False)
    hashed_key = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        db_table = "partners_apikey"  # created by the partners app
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}…"


class SyndicatedArticle(models.Model):
    """An article a client currently has: the state the next action is computed against."""

    client = models.ForeignKey(
        SyndicationClient, on_delete=models.CASCADE, related_name="syndicated_articles"
    )
    page_id = models.PositiveBigIntegerField()
    locale = models.CharField(max_length=16)
    translation_key = models.UUIDField()
    url = models.URLField(max_length=500)
    revision_id = models.PositiveBigIntegerField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "partners_syndicatedarticle"  # created by the partners app
        constraints = [
            models.UniqueConstraint(fields=["client", "page_id"], name="unique_syndicated_article")
        ]
        indexes = [models.Index(fields=["page_id"])]

    def __str__(self):
        return f"{self.client_id}: {self.page_id}"


class ChangeLogEntry(models.Model):
    """What one client must do about one article: the rows of its change feed."""

    class Action(models.TextChoices):
        PUBLISHED = "PUBLISHED", _("published")
        UPDATED = "UPDATED", _("updated")
        UNPUBLISHED = "UNPUBLISHED", _("unpublished")
        DELETED = "DELETED", _("deleted")

    client = models.ForeignKey(
        SyndicationClient, on_delete=models.CASCADE, related_name="change_log"
    )
    sequence = models.PositiveBigIntegerField(_("sequence"))
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    occurred_at = models.DateTimeField(_("occurred at"))
    page_id = models.PositiveBigIntegerField(_("article id"))
    locale = models.CharField(_("locale"), max_length=16)
    translation_key = models.UUIDField()
    url = models.URLField(_("canonical URL"), max_length=500)
    revision_id = models.PositiveBigIntegerField(null=True)
    cause = models.CharField(
        _("cause"), max_length=32, help_text=_("What happened: published, moved, scope, ...")
    )

    class Meta:
        db_table = "partners_changelogentry"  # created by the partners app
        verbose_name = _("change log entry")
        verbose_name_plural = _("change log entries")
        ordering = ["client", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["client", "sequence"], name="unique_client_sequence")
        ]

    def __str__(self):
        return f"{self.client_id}#{self.sequence} {self.action} {self.page_id}"

    @property
    def is_withdrawal(self):
        return self.action in (self.Action.UNPUBLISHED, self.Action.DELETED)
