from .clients import ApiKey, ChangeLogEntry, SyndicatedArticle, SyndicationClient
from .webhooks import WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "ApiKey",
    "ChangeLogEntry",
    "SyndicatedArticle",
    "SyndicationClient",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
]
