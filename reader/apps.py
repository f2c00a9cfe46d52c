from django.apps import AppConfig


class ReaderConfig(AppConfig):
    """The reference reader: a small front end that reads only the GraphQL API."""

    name = "reader"
    verbose_name = "Reader"
