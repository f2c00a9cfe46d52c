"""`manage.py create_partner_client NAME --locales kk,ru`: a syndication client and its first key.

Prints the key (and the webhook secret) once: only a hash of the key is kept.
Category slugs are those of the default locale; a client scoped to a category
receives its translations in every locale too. The partner defaults to one
named NAME, created in the default locale if there is none.
"""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import transaction
from wagtail.models import Locale

from news.models import NewsCategory
from partners.models import Partner
from syndication.keys import create_api_key
from syndication.models import SyndicationClient
from syndication.webhooks.guard import validate_webhook_url


def split_list(value):
    return [item.strip() for item in (value or "").split(",") if item.strip()]


class Command(BaseCommand):
    help = "Create a syndication client with an API key, and print the key once."

    def add_arguments(self, parser):
        parser.add_argument("name", help="The client's name, e.g. the partner's site.")
        parser.add_argument(
            "--locales", required=True, help="Comma-separated language codes, e.g. kk,ru."
        )
        parser.add_argument(
            "--partner", help="The partner's name (default: NAME; created if missing)."
        )
        parser.add_argument(
            "--categories",
            help="Comma-separated category slugs of the default locale (default: all).",
        )
        parser.add_argument("--webhook-url", help="Where to push changes (a secret is made).")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, name, locales, partner=None, categories=None, **options):
        default_locale = Locale.get_default()
        codes = self.check_locales(split_list(locales))
        category_keys = self.category_keys(split_list(categories), default_locale)
        webhook_url = self.check_url(options.get("webhook_url") or "")
        with transaction.atomic():
            owner = self.find_or_create_partner(partner or name, default_locale)
            if SyndicationClient.objects.filter(partner=owner, name=name).exists():
                raise CommandError(
                    f"{owner.name!r} already has a client named {name!r}: choose another name, "
                    "or create a key for it in the admin (Partners > Syndication clients)."
                )
            client = SyndicationClient.objects.create(
                partner=owner,
                name=name,
                locales=codes,
                categories=category_keys,
                webhook_url=webhook_url,
            )
            _api_key, raw_key = create_api_key(client)
        result = {"client_id": client.pk, "partner_id": owner.pk, "api_key": raw_key}
        result["webhook_secret"] = client.webhook_secret or None
        if options["json"]:
            self.stdout.write(json.dumps(result))
            return
        self.stdout.write(f"client id: {client.pk}")
        self.stdout.write(f"api key: {raw_key}")
        if client.webhook_secret:
            self.stdout.write(f"webhook secret: {client.webhook_secret}")

    @staticmethod
    def check_locales(codes):
        known = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if not codes:
            raise CommandError(f"--locales needs at least one of: {', '.join(known)}.")
        for code in codes:
            if code not in known:
                raise CommandError(f"Unknown locale {code!r}. Use some of: {', '.join(known)}.")
        return list(dict.fromkeys(codes))

    @staticmethod
    def category_keys(slugs, default_locale):
        found = dict(
            NewsCategory.objects.filter(locale=default_locale, slug__in=slugs).values_list(
                "slug", "translation_key"
            )
        )
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            known = NewsCategory.objects.filter(locale=default_locale).values_list(
                "slug", flat=True
            )
            raise CommandError(
                f"Unknown category slug(s) {', '.join(map(repr, missing))} in the default locale "
                f"({default_locale.language_code}). Known: {', '.join(sorted(known)) or 'none'}."
            )
        return list(dict.fromkeys(str(found[slug]) for slug in slugs))

    @staticmethod
    def check_url(url):
        if url:
            try:
                URLValidator(schemes=["https", "http"])(url)
            except ValidationError as error:
                raise CommandError(f"--webhook-url {url!r} is not a valid URL.") from error
            try:
                validate_webhook_url(url)
            except ValidationError as error:
                raise CommandError(f"--webhook-url: {' '.join(error.messages)}") from error
        return url

    @staticmethod
    def find_or_create_partner(name, default_locale):
        partner = (
            Partner.objects.filter(name=name, locale=default_locale).first()
            or Partner.objects.filter(name=name).order_by("pk").first()
        )
        return partner or Partner.objects.create(name=name, locale=default_locale)
