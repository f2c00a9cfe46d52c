"""Register an app's GraphQL documents ahead: the trusted documents of the API.

    manage.py register_persisted_queries reader/persisted-queries.json [--replace]

Takes Apollo's persisted query manifest (`generate-persisted-query-manifest`) or Relay's
`{"<id>": "<document>"}` map. With GRAPHQL_TRUSTED_DOCUMENTS_ONLY on, only registered
documents run (cms/api/persisted_queries.py).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.api import metrics
from cms.api.persisted_queries import TrustedDocument, read_manifest, recent


class Command(BaseCommand):
    help = "Register the GraphQL documents of a persisted query manifest (Apollo or Relay)."

    def add_arguments(self, parser):
        parser.add_argument("manifest", nargs="+", help="Manifest JSON files")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove the documents registered before from these manifests' names",
        )

    def handle(self, *, manifest, replace, **options):
        for path in map(Path, manifest):
            try:
                entries = read_manifest(path.read_text())
            except (OSError, ValueError, KeyError, TypeError) as error:
                raise CommandError(f"{path}: {error}") from error
            with transaction.atomic():
                if replace:
                    TrustedDocument.objects.filter(manifest=path.name).delete()
                for document_id, document, name in entries:
                    TrustedDocument.objects.update_or_create(
                        id=document_id,
                        defaults={
                            "document": document,
                            "operation_name": name,
                            "manifest": path.name,
                        },
                    )
            recent.clear()
            metrics.forget_registered_names()
            self.stdout.write(f"{path}: {len(entries)} documents registered")
