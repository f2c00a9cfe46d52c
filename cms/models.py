"""The cms app's models: defined with the GraphQL plumbing that uses them."""

from cms.api.persisted_queries import TrustedDocument

__all__ = ["TrustedDocument"]
