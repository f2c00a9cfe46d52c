from django import template

from newsroom.translation_editor import translation_editor

register = template.Library()


@register.simple_tag(takes_context=True)
def newsroom_translation_editor(context):
    """In wagtail-localize's edit_translation.html: what the editor offers this user
    (newsroom.translation_editor)."""
    return translation_editor(context["request"].user, context["instance"], context["props"])
