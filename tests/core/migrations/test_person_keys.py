"""A migration that changes the rule of a name's key makes every key of a name again: a person's, and the name a
letter gives of the cadre it is about (by which his file finds it)."""

import datetime as dt

from sqlalchemy import create_engine, select

from bvct_desktop.core import migrations
from bvct_desktop.core.migrations import person_keys
from bvct_desktop.core.schema import complaints, persons
from bvct_desktop.core.text import identity_key

NOW = dt.datetime(2026, 6, 1)
STAMPS = {"created_at": NOW, "updated_at": NOW}


def shouted(name: str) -> str:
    """A rule of names' keys other than the one they were stored by."""
    return identity_key(name).upper()


def test_a_new_rule_of_names_keys_rebuilds_the_persons_and_the_letters_subjects(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    with engine.begin() as connection:
        migrations.upgrade(connection)
        connection.execute(persons.insert(), [
            {"full_name": name, "name_key": identity_key(name), "home_town_key": "", "search_key": "", "sort_key": "",
             **STAMPS} for name in ("Lê Văn Tâm", "Trần Thị Mai")])
        connection.execute(complaints.insert(), [
            {"received_on": dt.date(2026, 3, 4), "complaint_kind": "Tố cáo", "subject_name": name,
             "subject_key": name and identity_key(name), "summary": "Vi phạm đất đai", **STAMPS}
            for name in ("Lê Văn Tâm", None)])

        person_keys.rebuild_names(connection, shouted)

        assert connection.execute(select(persons.c.name_key).order_by(persons.c.id)).scalars().all() == [
            "LÊ VĂN TÂM", "TRẦN THỊ MAI"]
        assert connection.execute(select(complaints.c.subject_key).order_by(complaints.c.id)).scalars().all() == [
            "LÊ VĂN TÂM", None]  # a letter naming no one has no key
