"""Reading pages in the participant-side view tests."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext


def text(response) -> str:
    return response.content.decode()


def main(response) -> str:
    return re.search(r"<main.*</main>", text(response), re.S).group(0)


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
