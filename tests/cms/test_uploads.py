"""Uploads through the Wagtail admin, as an editor: what is refused (too big, too many
pixels, SVG, HTML and other types a browser would run), what the editor is told, that
nothing is saved, and that documents are served as downloads (README, Security)."""

import io
from functools import partial

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from newsroom.roles import EDITORS
from tests.newsroom.conftest import as_user, make_user

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture
def editor_client(client):
    return as_user(client, make_user("editor", EDITORS))


def png(size=(40, 30), mode="RGB", padding=0):
    """A valid PNG of `size` pixels, with `padding` bytes after its end (still an image)."""
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue() + b"\0" * padding


def root_collection():
    return Collection.get_first_root_node()


def add(view, client, name, content):
    """POST one file to an admin add view (the editor's form)."""
    return client.post(
        reverse(view),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": root_collection().pk,
        },
    )


def add_multiple(view, client, name, content):
    """POST one file to a multiple-upload view; its JSON answer."""
    response = client.post(
        reverse(view),
        {"files[]": SimpleUploadedFile(name, content), "collection": root_collection().pk},
    )
    assert response.status_code == 200
    return response.json()


add_image = partial(add, "wagtailimages:add")
add_images_multiple = partial(add_multiple, "wagtailimages:add_multiple")
add_document = partial(add, "wagtaildocs:add")
add_documents_multiple = partial(add_multiple, "wagtaildocs:add_multiple")


def form_errors(response):
    """The errors of the admin form the editor sees again (the page is not a redirect)."""
    assert response.status_code == 200, response.status_code
    return " ".join(
        str(error) for errors in response.context["form"].errors.values() for error in errors
    )


def test_the_limits_are_set():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * MB
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 64_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    for extension in ("html", "htm", "svg", "js", "exe", "xml", "xhtml", "swf"):
        assert extension not in settings.WAGTAILDOCS_EXTENSIONS
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * MB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 20 * MB


# Images


def test_an_editor_uploads_an_image(editor_client):
    """The control: a small PNG is saved."""
    response = add_image(editor_client, "small.png", png())
    assert response.status_code == 302
    assert Image.objects.get().title == "small.png"


def test_a_too_large_image_is_refused(editor_client):
    response = add_image(editor_client, "big.png", png(padding=20 * MB + 1))
    errors = form_errors(response)
    assert "This file is too big" in errors and "Maximum filesize 20.0\xa0MB" in errors
    assert not Image.objects.exists()

    answer = add_images_multiple(editor_client, "big.png", png(padding=20 * MB + 1))
    assert answer["success"] is False and "This file is too big" in answer["error_message"]
    assert not Image.objects.exists()


def test_an_image_of_too_many_pixels_is_refused(editor_client):
    """A decompression bomb: a file of a few kilobytes, 81 megapixels once decoded."""
    content = png(size=(9000, 9000), mode="1")
    assert len(content) < 100_000
    errors = form_errors(add_image(editor_client, "bomb.png", content))
    assert "This file has too many pixels (81000000). Maximum pixels 64000000." in errors
    assert not Image.objects.exists()

    answer = add_images_multiple(editor_client, "bomb.png", content)
    assert answer["success"] is False and "too many pixels" in answer["error_message"]
    assert not Image.objects.exists()


def test_an_image_beyond_pillows_own_limit_is_refused(editor_client):
    """400 megapixels: Pillow refuses to open it at all (DecompressionBombError)."""
    content = png(size=(20000, 20000), mode="1")
    errors = form_errors(add_image(editor_client, "huge.png", content))
    assert "This file has too many pixels" in errors
    assert not Image.objects.exists()


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)


def test_an_svg_image_is_refused(editor_client):
    errors = form_errors(add_image(editor_client, "logo.svg", SVG))
    assert "Not a supported image format. Supported formats: AVIF, GIF, JPG, JPEG, PNG, WEBP." in (
        errors
    )
    assert not Image.objects.exists()

    answer = add_images_multiple(editor_client, "logo.svg", SVG)
    assert answer["success"] is False and "Not a supported image format" in answer["error_message"]
    assert not Image.objects.exists()


def test_an_image_whose_content_is_not_its_extension_is_refused(editor_client):
    errors = form_errors(add_image(editor_client, "photo.jpg", png()))
    assert "Not a valid .jpeg image" in errors
    assert not Image.objects.exists()


# Documents


def test_an_editor_uploads_a_document(editor_client):
    response = add_document(editor_client, "report.pdf", b"%PDF-1.4\n%%EOF\n")
    assert response.status_code == 302
    assert Document.objects.get().title == "report.pdf"


@pytest.mark.parametrize("name", ["page.html", "page.htm", "logo.svg", "app.js", "setup.exe"])
def test_a_document_of_a_type_a_browser_would_run_is_refused(editor_client, name):
    content = b"<html><script>alert(document.cookie)</script></html>"
    extension = name.rsplit(".", 1)[1]
    errors = form_errors(add_document(editor_client, name, content))
    assert f"File extension “{extension}” is not allowed." in errors
    assert "Allowed extensions are: pdf, doc, docx" in errors
    assert not Document.objects.exists()

    answer = add_documents_multiple(editor_client, name, content)
    assert answer["success"] is False
    assert f"File extension “{extension}” is not allowed." in answer["error_message"]
    assert not Document.objects.exists()


def test_the_extension_check_ignores_case(editor_client):
    errors = form_errors(add_document(editor_client, "PAGE.HTML", b"<html></html>"))
    assert "is not allowed" in errors
    assert not Document.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_a_too_large_document_is_refused(editor_client):
    errors = form_errors(add_document(editor_client, "data.csv", b"a,b\n" * 1000))
    assert "This file is too big" in errors
    assert not Document.objects.exists()


def serve(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    return response


def test_documents_are_served_as_attachments(editor_client):
    assert add_document(editor_client, "notes.txt", b"plain words").status_code == 302
    document = Document.objects.get()
    response = serve(editor_client, document)
    assert response["Content-Disposition"].startswith('attachment; filename="notes')
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"plain words"


def test_an_html_file_stored_before_the_allow_list_is_still_a_download(client):
    """Saved without the admin's checks (e.g. before the allow-list): still never
    shown inline, and no script of it may run."""
    document = Document.objects.create(
        title="old", file=ContentFile(b"<script>alert(1)</script>", name="old.html")
    )
    response = serve(client, document)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pdfs_open_in_the_browser_sandboxed(client):
    document = Document.objects.create(
        title="report", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="report.pdf")
    )
    response = serve(client, document)
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"
