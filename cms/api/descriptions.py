"""The schema's descriptions in English, whichever language is active as it is built.

graphene-django turns a model field's help text into a plain string the moment it builds a
type, and grapple builds its types while the apps load (its `ready`, and any app importing
`wagtail_hooks`), when the active language is the default: Kazakh. The GraphQL contract is
written in English for the client developers, so the conversion is done in English.
"""

from django.utils import translation
from graphene_django import converter


def field_description_in_english(field):
    if not field.help_text:
        return None
    with translation.override("en"):
        return str(field.help_text)


def install():
    """Before any type is built: `cms` comes before grapple and wagtail.snippets in
    INSTALLED_APPS, and the converter looks this function up by name on every call."""
    converter.get_django_field_description = field_description_in_english
