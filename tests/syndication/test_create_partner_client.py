"""`manage.py create_partner_client`: a client, its first key printed once, clear errors."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from partners.models import Partner
from syndication.keys import find_active_key
from syndication.models import ChangeLogEntry, SyndicationClient
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("create_partner_client", *args, stdout=out)
    return out.getvalue()


def test_prints_the_client_id_and_the_key_once(trees):
    output = run("Tokyo Kazakhs", "--locales", "kk,ru")
    lines = output.splitlines()
    assert [line.split(": ")[0] for line in lines] == ["client id", "api key"]
    client = SyndicationClient.objects.get(pk=int(lines[0].removeprefix("client id: ")))
    api_key = find_active_key(lines[1].removeprefix("api key: "))
    assert api_key.client == client and client.locales == ["kk", "ru"] and client.categories == []
    partner = Partner.objects.get(name="Tokyo Kazakhs")
    assert client.partner == partner and partner.locale.language_code == "kk"


def test_json_output_with_a_partner_categories_and_a_webhook(trees):
    _homes, indexes = trees
    culture = make_category("Мәдениет", "madeniet", "kk")
    article = make_article(indexes["kk"], "Festival", categories=[culture])
    partner = Partner.objects.create(name="Otandastar Foundation", locale=culture.locale)
    output = run(
        "Foundation site",
        "--locales=kk",
        "--partner=Otandastar Foundation",
        "--categories=madeniet",
        "--webhook-url=https://foundation.example/hooks",
        "--json",
    )
    result = json.loads(output)
    assert set(result) == {"client_id", "partner_id", "api_key", "webhook_secret"}
    client = SyndicationClient.objects.get(pk=result["client_id"])
    assert client.partner == partner and result["partner_id"] == partner.pk
    assert client.categories == [str(culture.translation_key)]
    assert result["webhook_secret"] == client.webhook_secret
    assert result["webhook_secret"].startswith("whsec_")
    assert find_active_key(result["api_key"]).client == client
    # the new client's feed starts with its whole scope
    entry = ChangeLogEntry.objects.get(client=client)
    assert (entry.action, entry.page_id) == ("PUBLISHED", article.pk)


def test_webhook_secret_is_printed_on_its_own_line(trees):
    output = run("Hooked", "--locales", "en", "--webhook-url", "https://hooked.example/in")
    assert output.splitlines()[2].startswith("webhook secret: whsec_")


@pytest.mark.parametrize(
    "args, message",
    [
        (["X", "--locales", "kk,de"], "Unknown locale 'de'"),
        (["X", "--locales", ""], "--locales needs at least one"),
        (["X", "--locales", "kk", "--categories", "nope"], "Unknown category slug(s) 'nope'"),
        (["X", "--locales", "kk", "--webhook-url", "not a url"], "is not a valid URL"),
    ],
)
def test_bad_arguments_are_clear_errors(trees, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(*args)
    assert not SyndicationClient.objects.exists()


def test_a_second_client_of_the_same_name_is_refused(trees):
    run("Twice", "--locales", "kk")
    with pytest.raises(CommandError, match="already has a client named 'Twice'"):
        run("Twice", "--locales", "ru")
    assert SyndicationClient.objects.count() == 1
