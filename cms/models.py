"""The cms app's models: defined with the code that uses them."""

from cms.api.persisted_queries import TrustedDocument
from cms.worker_health import WorkerHeartbeat

__all__ = ["TrustedDocument", "WorkerHeartbeat"]
