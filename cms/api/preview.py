"""Drafts for preview tokens: the one page a token was made for, while the token is young.

wagtail-headless-preview signs tokens with a timestamp but never checks their
age, and keeps a stored preview until another one is made; here a token older
than `PREVIEW_TOKEN_MAX_AGE` seconds is refused. A valid token shows the draft
it was made for and nothing else: relations from that draft (children,
translations, links) still follow the reader's visibility rules.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from .errors import PREVIEW_TOKEN_EXPIRED, PREVIEW_TOKEN_INVALID, ApiError
from .http_cache import mark_private
from .visibility import mark_preview


def max_age():
    return settings.PREVIEW_TOKEN_MAX_AGE


def check_token(token):
    """Raise PREVIEW_TOKEN_INVALID or PREVIEW_TOKEN_EXPIRED unless the token is ours and young."""
    mark_private()  # whatever the outcome, no cache may keep this response
    try:
        HeadlessPreviewMixin.get_preview_signer().unsign(token, max_age=max_age())
    except SignatureExpired as exc:
        raise ApiError(
            PREVIEW_TOKEN_EXPIRED,
            "This preview link has expired. Open the preview again from the editor.",
        ) from exc
    except BadSignature as exc:
        raise ApiError(PREVIEW_TOKEN_INVALID, "The preview token is not valid.") from exc


def preview_page(token, model=None):
    """The draft a token was made for, marked as visible to this reader.

    `model`: the page type the caller can return; a token for another type is invalid.
    """
    check_token(token)
    preview = PagePreview.objects.filter(token=token).first()
    if preview is None:
        # Signed by us, so once valid: its preview was replaced or cleared.
        raise ApiError(
            PREVIEW_TOKEN_EXPIRED,
            "This preview is no longer available. Open the preview again from the editor.",
        )
    try:
        page = preview.as_page()
    except (ContentType.DoesNotExist, AttributeError, KeyError, ValueError) as exc:
        raise ApiError(PREVIEW_TOKEN_INVALID, "The preview token is not valid.") from exc
    if model is not None and not isinstance(page, model):
        raise ApiError(
            PREVIEW_TOKEN_INVALID,
            f"The preview token is not for a {model._meta.verbose_name}.",
        )
    return mark_preview(page)
