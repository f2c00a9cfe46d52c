from .pages import (
    CulturalProjectIndexPage,
    CulturalProjectPage,
    CulturalProjectPartner,
    ProgrammeIndexPage,
    ProgrammePage,
)
from .partner import Partner
from .syndication import ApiKey, ChangeLogEntry, SyndicatedArticle, SyndicationClient
from .webhooks import WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "ApiKey",
    "ChangeLogEntry",
    "CulturalProjectIndexPage",
    "CulturalProjectPage",
    "CulturalProjectPartner",
    "Partner",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "SyndicatedArticle",
    "SyndicationClient",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
]
