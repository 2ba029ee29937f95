"""The core never imports Qt; the migrations build exactly the tables the code declares."""

import ast
import pathlib

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

import bvct_desktop.core
from bvct_desktop.core import migrations
from bvct_desktop.core.migrations import include_object
from bvct_desktop.core.schema import metadata

CORE = pathlib.Path(bvct_desktop.core.__file__).parent


def _imports(path: pathlib.Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_qt():
    offenders = [str(path) for path in CORE.rglob("*.py")
                 if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path))]
    assert offenders == []


def test_migrations_match_the_declared_schema(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    with engine.begin() as connection:
        migrations.upgrade(connection)
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        diff = compare_metadata(context, metadata)
    assert diff == []
