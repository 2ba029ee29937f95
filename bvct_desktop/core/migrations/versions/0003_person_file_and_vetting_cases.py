"""the person's file: relatives, foreign elements, political-issue notes, vetting cases

Revision ID: 0003
Revises: 0002

Existing slips are attached to vetting cases by the rule the importer applies (see
core/personfile/cases.py): the slip's vetted person and purpose, oldest slip first; a case
stays open, since no conclusion was recorded before this revision. The step is written out
here, on this revision's columns, so that later schema changes cannot alter it.
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SELF = "Bản thân"
OPEN = "Đang xác minh"


def _stamps() -> list[sa.Column]:
    return [sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("deleted_at", sa.DateTime(), nullable=True)]


def upgrade() -> None:
    op.create_table(
        "vetting_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("conclusion_no", sa.String(), nullable=True),
        sa.Column("concluded_on", sa.Date(), nullable=True),
        sa.Column("signer", sa.Text(), nullable=True),
        sa.Column("result", sa.String(), nullable=True),
        sa.Column("limit_note", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_vetting_cases_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vetting_cases")),
    )
    op.create_index(op.f("ix_vetting_cases_person_id_status"), "vetting_cases", ["person_id", "status"])
    op.create_table(
        "relatives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("relative_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(), nullable=False),
        sa.Column("occupation", sa.Text(), nullable=True),
        sa.Column("abroad", sa.Boolean(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("abroad_since", sa.Integer(), nullable=True),
        sa.Column("abroad_work", sa.Text(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_relatives_person_id_persons")),
        sa.ForeignKeyConstraint(["relative_id"], ["persons.id"], name=op.f("fk_relatives_relative_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relatives")),
        sa.UniqueConstraint("person_id", "relation", "relative_id",
                            name=op.f("uq_relatives_person_id_relation_relative_id")),
    )
    op.create_index(op.f("ix_relatives_relative_id"), "relatives", ["relative_id"])
    op.create_table(
        "foreign_elements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("relative_id", sa.Integer(), nullable=True),
        sa.Column("element_kind", sa.String(), nullable=False),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("since", sa.String(), nullable=True),
        sa.Column("until", sa.String(), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_foreign_elements_person_id_persons")),
        sa.ForeignKeyConstraint(["relative_id"], ["relatives.id"],
                                name=op.f("fk_foreign_elements_relative_id_relatives")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_foreign_elements")),
    )
    op.create_index(op.f("ix_foreign_elements_person_id"), "foreign_elements", ["person_id"])
    op.create_table(
        "political_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("relative_id", sa.Integer(), nullable=True),
        sa.Column("axis", sa.String(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("source_doc", sa.Text(), nullable=True),
        sa.Column("regulation", sa.String(), nullable=True),
        sa.Column("effect", sa.Text(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_political_notes_person_id_persons")),
        sa.ForeignKeyConstraint(["relative_id"], ["relatives.id"],
                                name=op.f("fk_political_notes_relative_id_relatives")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_political_notes")),
    )
    op.create_index(op.f("ix_political_notes_person_id"), "political_notes", ["person_id"])
    for table in ("slips", "archive_requests"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("vetting_case_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(f"fk_{table}_vetting_case_id_vetting_cases", "vetting_cases",
                                        ["vetting_case_id"], ["id"])
    _attach_existing_slips(op.get_bind())
    _refresh_search_keys(op.get_bind())


def _attach_existing_slips(connection: sa.engine.Connection) -> None:
    """Every slip joins the open case of its vetted person and purpose, or opens one on its date."""
    slips = sa.table("slips", sa.column("id"), sa.column("issued_on", sa.Date), sa.column("person_id"),
                     sa.column("relation"), sa.column("vetted_name"), sa.column("vetted_cadre_id"),
                     sa.column("purpose"), sa.column("vetting_case_id"), sa.column("deleted_at"))
    cadres = sa.table("cadres", sa.column("id"), sa.column("person_id"))
    persons = sa.table("persons", sa.column("id"), sa.column("name_key"))
    cases = sa.table("vetting_cases", sa.column("id"), sa.column("person_id"), sa.column("purpose"),
                     sa.column("opened_on", sa.Date), sa.column("status"),
                     sa.column("created_at", sa.DateTime), sa.column("updated_at", sa.DateTime))
    person_of_cadre = dict(connection.execute(sa.select(cadres.c.id, cadres.c.person_id)).all())
    named: dict[str, list[int]] = {}
    for pid, name_key in connection.execute(sa.select(persons.c.id, persons.c.name_key)):
        named.setdefault(name_key, []).append(pid)
    now = dt.datetime.now().replace(microsecond=0)
    open_cases: dict[tuple[int, str | None], int] = {}
    query = (sa.select(slips).where(slips.c.deleted_at.is_(None))
             .order_by(slips.c.issued_on, slips.c.id))
    for slip in connection.execute(query).mappings().all():
        vetted = _vetted_person(slip, person_of_cadre, named)
        if vetted is None:
            continue
        key = (vetted, slip["purpose"])
        if key not in open_cases:
            open_cases[key] = connection.execute(cases.insert().values(
                person_id=vetted, purpose=slip["purpose"], opened_on=slip["issued_on"], status=OPEN,
                created_at=now, updated_at=now)).lastrowid
        connection.execute(slips.update().where(slips.c.id == slip["id"])
                           .values(vetting_case_id=open_cases[key]))


def _vetted_person(slip, person_of_cadre: dict[int, int], named: dict[str, list[int]]) -> int | None:
    if slip["relation"] in (None, SELF) and not slip["vetted_name"]:
        return slip["person_id"]
    if slip["vetted_cadre_id"] is not None:
        return person_of_cadre[slip["vetted_cadre_id"]]
    if slip["vetted_name"]:
        found = named.get(slip["vetted_name"].casefold(), [])
        return found[0] if len(found) == 1 else None
    return None


def _refresh_search_keys(connection: sa.engine.Connection) -> None:
    """Search keys now carry the old/new names of the home town (core/gazetteer.py)."""
    from bvct_desktop.core.people import search_key

    persons = sa.table("persons", sa.column("id"), sa.column("full_name"), sa.column("other_names"),
                       sa.column("cccd"), sa.column("cmnd"), sa.column("home_town"), sa.column("search_key"))
    for row in connection.execute(sa.select(persons)).mappings().all():
        key = search_key(row)
        if key != row["search_key"]:
            connection.execute(persons.update().where(persons.c.id == row["id"]).values(search_key=key))


def downgrade() -> None:
    for table in ("archive_requests", "slips"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_vetting_case_id_vetting_cases", type_="foreignkey")
            batch_op.drop_column("vetting_case_id")
    for table in ("political_notes", "foreign_elements", "relatives", "vetting_cases"):
        op.drop_table(table)
