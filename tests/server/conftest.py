"""The office server's own tests: every `cli` here is a database on the test cluster."""

import pytest

from tests.conftest import server_cli


@pytest.fixture
def cli(request, capsys, monkeypatch):
    return server_cli(request, capsys, monkeypatch)
