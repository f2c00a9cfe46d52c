"""Reading /metrics as Prometheus would."""

from prometheus_client.parser import text_string_to_metric_families


def scrape(client, **extra):
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1", **extra)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def sample(text, name, **labels):
    """The value of the sample `name` with these labels (None when absent)."""
    for family in text_string_to_metric_families(text):
        for found in family.samples:
            if found.name == name and all(found.labels.get(k) == v for k, v in labels.items()):
                return found.value
    return None
