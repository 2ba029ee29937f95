"""What each user chose for their own screens — a register's columns, their order and widths —
kept in the encrypted database under the user's name, so it follows them from PC to PC and
never tells anything about the records. Values are JSON; a damaged one reads as unset."""

import json
from typing import Any

from sqlalchemy import select

from .database import Database
from .permissions import Action
from .schema import preferences


def read(db: Database, key: str) -> Any | None:
    """The acting user's value for `key`, or None."""
    db.require(Action.BROWSE, "xem tùy chọn hiển thị")
    with db.read() as connection:
        text = connection.execute(select(preferences.c.value).where(
            preferences.c.user_name == db.actor.name, preferences.c.key == key)).scalar()
    try:
        return None if text is None else json.loads(text)
    except ValueError:
        return None


def write(db: Database, key: str, value: Any) -> None:
    """Keeps the acting user's `value` for `key` (None forgets it)."""
    db.require(Action.BROWSE, "lưu tùy chọn hiển thị")
    with db.write() as connection:
        connection.execute(preferences.delete().where(preferences.c.user_name == db.actor.name,
                                                      preferences.c.key == key))
        if value is not None:
            connection.execute(preferences.insert().values(
                user_name=db.actor.name, key=key, value=json.dumps(value, ensure_ascii=False),
                updated_at=db.clock()))
