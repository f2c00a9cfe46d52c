"""Keeps the request's view of restricted pages fresh (see `cms.api.visibility`)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

from .visibility import forget_reader_scope


def _forget(**kwargs):
    forget_reader_scope()


def connect():
    post_save.connect(_forget, sender=PageViewRestriction, dispatch_uid="reader-scope-save")
    post_delete.connect(_forget, sender=PageViewRestriction, dispatch_uid="reader-scope-delete")
    post_page_move.connect(_forget, dispatch_uid="reader-scope-page-move")
