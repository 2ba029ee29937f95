"""The tables. Alembic owns their creation (core/migrations); this module is the model
the services query through and the target a test compares the migrations with.

Partial birth dates are ISO text at their precision; full dates are DATE.
Every record table has `deleted_at`: deletion is soft (the recycle bin).
"""

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


def _stamps() -> list[Column]:
    return [
        Column("created_at", DateTime, nullable=False),
        Column("updated_at", DateTime, nullable=False),
        Column("deleted_at", DateTime),
        *_versions(),
    ]


def _versions() -> list[Column]:
    """Counted up by every change, with who made it (core/row_versions.py, migrations 0016 and 0018)."""
    return [
        Column("row_version", Integer, nullable=False, server_default="1"),
        Column("updated_by", String),
    ]


# How many writes each table has had (migration 0017), counted by triggers on both engines: a window
# that last saw other counts re-reads what it shows (core/watch.py). A table is counted when it has a row.
change_counts = Table(
    "change_counts", metadata,
    Column("table_name", String, primary_key=True),
    Column("count", Integer, nullable=False, server_default="0"),
)

meta = Table(
    "meta", metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

# One row per value a setting has had: `valid_from` is the first day it holds (NULL: from the
# start), the value holds until the day before the key's next row (migration 0009).
settings = Table(
    "settings", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False),
    Column("valid_from", Date),
    Column("value", Text, nullable=False),
    UniqueConstraint("key", "valid_from"),
    Index("ix_settings_key_first", "key", unique=True, sqlite_where=text("valid_from IS NULL"),
          postgresql_where=text("valid_from IS NULL")),
)

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False, unique=True),
    Column("role", String, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
    Column("full_name", Text),  # migration 0052: «Nguyễn Văn A», printed where a document names the account
)

persons = Table(
    "persons", metadata,
    Column("id", Integer, primary_key=True),
    Column("full_name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("other_names", Text),
    Column("gender", String),
    Column("birth_date", String),
    Column("birth_place", Text),  # migration 0045
    Column("home_town", Text),
    Column("home_town_key", Text, nullable=False, default=""),
    Column("residence", Text),
    Column("ethnicity", String),
    Column("religion", String),
    Column("cccd", String, unique=True),
    Column("cmnd", String),
    Column("search_key", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index(None, "name_key", "birth_date", "home_town_key"),
    Column("sort_key", Text, nullable=False, server_default=""),  # core/collation.py (migration 0004)
    Index(None, "sort_key"),
    *_versions(),
)

units = Table(
    "units", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, unique=True),
)

recipients = Table(
    "recipients", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, unique=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
    # Another spelling of a unit, merged into the entry kept: it names that entry (migration 0019)
    Column("merged_into_id", ForeignKey("recipients.id")),
)

cadres = Table(
    "cadres", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("persons.id"), nullable=False, unique=True),
    Column("position", Text),
    Column("unit_id", ForeignKey("units.id")),
    Column("management", Text),
    Column("party_joined_on", Date),
    Column("party_official_on", Date),
    Column("party_card_no", String),
    Column("note", Text),
    *_stamps(),
    Index(None, "person_id", "deleted_at"),  # migration 0004: the register in name order, from indexes
)

slips = Table(
    "slips", metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String, nullable=False),
    Column("number_key", String, nullable=False),
    Column("year", Integer, nullable=False),
    Column("issued_on", Date, nullable=False),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("relation", String),
    Column("vetted_name", Text),
    Column("vetted_cadre_id", ForeignKey("cadres.id")),
    Column("purpose", String),
    Column("recipient_id", ForeignKey("recipients.id"), nullable=False),
    Column("father_name", Text),
    Column("mother_name", Text),
    Column("spouse_name", Text),
    Column("result_on", Date),
    Column("result", Text),
    Column("note", Text),
    Column("vetting_case_id", ForeignKey("vetting_cases.id")),
    Column("result_no", String),  # migration 0007
    Column("birth_place", Text),  # migration 0040: what the police archives search by
    Column("ethnicity", String),
    Column("religion", String),
    Column("cccd", String),
    Column("cmnd", String),
    Column("father_birth_date", String),
    Column("mother_birth_date", String),
    Column("spouse_birth_date", String),
    Column("work_before_1975", Text),
    Column("place_before_1975", Text),
    Column("deceased", Boolean),  # migration 0048: that the person has died, and when
    Column("death_date", String),  # a partial date, perhaps approximate (core/dates.py)
    Column("in_charge", String),  # migration 0051: the user name of the officer in charge (core/in_charge.py)
    *_stamps(),
    UniqueConstraint("year", "number_key"),
    Index(None, "deleted_at", "issued_on", "person_id", "recipient_id", "result_on"),
    Index(None, "person_id"),
    # The report walks these in order (no sort, no table rows) even for a million slips a period.
    Index("ix_slips_report_groups", "deleted_at", "recipient_id", "purpose", "issued_on", "result_on"),
    Index("ix_slips_report_subjects", "deleted_at", "person_id", "issued_on"),
    # migration 0006: a person's file finds the slips of their vetting cases and those naming them
    Index(None, "vetting_case_id"),
    Index(None, "vetted_cadre_id"),
)

delegations = Table(
    "delegations", metadata,
    Column("id", Integer, primary_key=True),
    Column("decision_no", String),
    Column("decision_on", Date),
    Column("name", Text, nullable=False),
    Column("countries", Text, nullable=False),
    Column("purpose", String),
    Column("depart_on", Date, nullable=False),
    Column("return_on", Date, nullable=False),
    Column("report_received_on", Date),
    Column("status", String),  # migration 0026: cancelled or put off (trip_status)
    Column("in_plan", String),  # migration 0029: in the annual foreign-affairs plan («Có», «Không», None: not known)
    Column("funding", Text),  # migration 0037: who pays the trip (state budget, a sponsor)
    # migration 0038: the written report after the trip: its number, date and recipient
    Column("report_no", Text),
    Column("report_on", Date),
    Column("report_to", Text),
    *_stamps(),
    Index(None, "deleted_at", "decision_on", "depart_on"),
)

delegation_members = Table(
    "delegation_members", metadata,
    Column("id", Integer, primary_key=True),
    Column("delegation_id", ForeignKey("delegations.id"), nullable=False),
    Column("cadre_id", ForeignKey("cadres.id"), nullable=False),
    Column("position", Text),
    Column("unit", Text),
    Column("role", String),
    Column("not_going", Text),  # migration 0029: why a member the decision named did not go (trip_status)
    UniqueConstraint("delegation_id", "cadre_id"),
    Index(None, "cadre_id"),
    *_versions(),  # migration 0018
)

archive_requests = Table(
    "archive_requests", metadata,
    Column("id", Integer, primary_key=True),
    Column("request_kind", String, nullable=False),
    Column("province", Text, nullable=False),
    Column("doc_no", String),
    Column("doc_on", Date, nullable=False),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("answered_on", Date),
    Column("result", Text),
    Column("vetting_case_id", ForeignKey("vetting_cases.id")),
    Column("work_before_1975", Text),  # migration 0046
    Column("reply_no", String),  # migration 0046
    Column("extract", String),  # migration 0046
    Column("father_name", Text),  # migration 0049
    Column("mother_name", Text),  # migration 0049
    *_stamps(),
    Index(None, "deleted_at", "doc_on", "request_kind"),
    Index(None, "person_id"),
    Index(None, "vetting_case_id"),  # migration 0041
)

complaints = Table(
    "complaints", metadata,
    Column("id", Integer, primary_key=True),
    Column("received_on", Date, nullable=False),
    Column("sender", Text),
    Column("complaint_kind", String, nullable=False),
    Column("subject_name", Text),
    Column("person_id", ForeignKey("persons.id")),
    Column("summary", Text, nullable=False),
    Column("due_on", Date),
    Column("resolved_on", Date),
    Column("result", Text),
    # migration 0043: the sender's address, where the letter was forwarded and when, when its sender was answered
    Column("sender_address", Text),
    Column("forwarded_to", Text),
    Column("forwarded_on", Date),
    Column("replied_on", Date),
    # migration 0050: text.name_key of subject_name, by which a file finds the letters naming its cadre that wait
    # for the officer to choose among namesakes (core/personfile/letters.py); and the letters linked to it
    Column("subject_key", Text),
    *_stamps(),
    Index(None, "deleted_at", "received_on"),
    Index(None, "subject_key"),
    Index(None, "person_id"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("user_name", String),
    Column("role", String),
    Column("action", String, nullable=False),
    Column("kind", String),
    Column("record_id", Integer),
    Column("outcome", String, nullable=False),
    Column("details", Text),
    Column("mac", String, nullable=False),
    Index(None, "at"),
)

document_numbers = Table(
    "document_numbers", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_type", String, nullable=False),
    Column("term_start", Date, nullable=False),
    Column("number", Integer, nullable=False),
    Column("issued_on", Date, nullable=False),
    Column("subject", Text),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String),
    # numbering.RESERVED ("đang ghi") until the document is written, then ISSUED; SPOILED ("hỏng")
    Column("status", String, nullable=False, server_default="issued"),
    UniqueConstraint("doc_type", "term_start", "number"),
)

# The outgoing register (sổ đăng ký văn bản đi, core/outgoing): each numbered document with its
# trích yếu (document_numbers.subject), signer, recipients and its content as issued, as JSON,
# so it is written again exactly as issued (migration 0013).
outgoing_documents = Table(
    "outgoing_documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("number_id", ForeignKey("document_numbers.id"), nullable=False, unique=True),
    Column("kind", String, nullable=False),
    Column("symbol", String, nullable=False),
    Column("signer", Text, nullable=False),
    Column("recipients", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String),
)

# The parts of a periodic report the officer writes (core/report_notes), kept per period until
# the report is issued (migration 0010).
report_notes = Table(
    "report_notes", metadata,
    Column("id", Integer, primary_key=True),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("part", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", String),
    UniqueConstraint("period_start", "period_end", "part"),
)

# Full-text index over persons.search_key (FTS5, external content, kept by triggers); created by
# migration 0002 and outside `metadata`, since SQLAlchemy does not model virtual tables.
PERSONS_FTS = "persons_fts"

# The person's file (migration 0003). A relative is a person of their own (the person rule),
# linked to the person whose file it is; notes and foreign elements may name one of them.
relatives = Table(
    "relatives", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("relative_id", ForeignKey("persons.id"), nullable=False),
    Column("relation", String, nullable=False),
    Column("occupation", Text),
    Column("abroad", Boolean),
    Column("country", Text),
    Column("abroad_since", Integer),
    Column("abroad_work", Text),
    Column("deceased", Boolean),
    Column("death_date", String),  # a partial date, perhaps approximate (core/dates.py)
    Column("party_member", Boolean),  # migration 0047
    *_stamps(),
    UniqueConstraint("person_id", "relation", "relative_id"),
    Index(None, "relative_id"),
)

foreign_elements = Table(
    "foreign_elements", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("relative_id", ForeignKey("relatives.id")),
    Column("element_kind", String, nullable=False),
    Column("country", Text),
    Column("since", String),
    Column("until", String),
    Column("details", Text),
    Column("source", Text),
    Column("report_received_on", Date),  # migration 0027: a private trip's report (Phụ lục III) received
    *_stamps(),
    Index(None, "person_id"),
)

political_notes = Table(
    "political_notes", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("relative_id", ForeignKey("relatives.id")),
    Column("axis", String, nullable=False),
    Column("content", Text, nullable=False),
    Column("evidence", Text),
    Column("source_doc", Text),
    Column("found_on", Date),
    Column("regulation", String),
    Column("effect", Text),
    Column("limit_note", Text),
    *_stamps(),
    Index(None, "person_id"),
)


def _of_person(name: str, *columns: Column) -> Table:
    """A table of a person's own account on form 2C (core/personfile/vitae.py), dates at their precision."""
    return Table(name, metadata, Column("id", Integer, primary_key=True),
                 Column("person_id", ForeignKey("persons.id"), nullable=False),
                 *columns, *_stamps(), Index(None, "person_id"))


# migration 0033: the work periods (item 28), training (item 27) and the particulars of their own history (item 29)
work_periods = _of_person("work_periods", Column("since", String, nullable=False), Column("until", String),
                          Column("unit", Text, nullable=False), Column("post", Text))
training_courses = _of_person("training_courses", Column("institution", Text, nullable=False),
                              Column("subject", Text), Column("since", String), Column("until", String),
                              Column("study_form", String), Column("degree", Text))
history_declarations = _of_person("history_declarations", Column("declared_kind", String, nullable=False),
                                  Column("since", String), Column("until", String), Column("place", Text),
                                  Column("post", Text), Column("details", Text), Column("source", Text))
# migration 0036: rewards (item 21), discipline (item 22), the salary's course (items 14, 31), the yearly
# appraisal (item 32); a salary coefficient as its exact decimal text («4.98»)
rewards = _of_person("rewards", Column("awarded_on", String, nullable=False), Column("award", Text, nullable=False),
                     Column("authority", Text), Column("decision_no", String), Column("reason", Text))
disciplines = _of_person("disciplines", Column("decided_on", String, nullable=False),
                         Column("organisation", String, nullable=False), Column("penalty", Text, nullable=False),
                         Column("authority", Text), Column("decision_no", String), Column("reason", Text),
                         Column("in_effect_until", String))
salary_steps = _of_person("salary_steps", Column("since", String, nullable=False), Column("grade", Text),
                          Column("grade_code", String), Column("step", String),
                          Column("coefficient", String, nullable=False))
appraisals = _of_person("appraisals", Column("year", Integer, nullable=False),
                        Column("classification", String, nullable=False), Column("as_role", String, nullable=False),
                        Column("appraiser", Text), Column("remarks", Text))

vetting_cases = Table(
    "vetting_cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("purpose", String),
    Column("opened_on", Date, nullable=False),
    Column("due_on", Date),
    Column("status", String, nullable=False),
    Column("conclusion_no", String),
    Column("concluded_on", Date),
    Column("signer", Text),
    Column("result", String),
    Column("limit_note", Text),
    Column("note", Text),
    # migration 0032: the competent cấp ủy's decision to vet (brief §1.3), before any verification
    Column("decision_no", String),
    Column("decision_on", Date),
    Column("decision_by", Text),
    Column("in_charge", String),  # migration 0051: the user name of the officer in charge (core/in_charge.py)
    *_stamps(),
    Index(None, "person_id", "status"),
)


def _of_case(name: str, *columns: Column) -> Table:
    """A table of a vetting case's rows (migration 0032, core/personfile/case_steps.py)."""
    return Table(name, metadata, Column("id", Integer, primary_key=True),
                 Column("vetting_case_id", ForeignKey("vetting_cases.id"), nullable=False),
                 *columns, *_stamps(), Index(None, "vetting_case_id"))


vetting_team_members = _of_case("vetting_team_members", Column("full_name", Text, nullable=False),
                                Column("position", Text), Column("team_role", String, nullable=False))
vetting_dossier_items = _of_case("vetting_dossier_items", Column("item", String, nullable=False),
                                 Column("received_on", Date, nullable=False), Column("note", Text))
vetting_minutes = _of_case("vetting_minutes", Column("held_on", Date, nullable=False), Column("place", Text),
                           Column("attendees", Text), Column("summary", Text, nullable=False))

# What each user chose for their own screens (a register's columns, …), by key, as JSON (migration 0006).
preferences = Table(
    "preferences", metadata,
    Column("user_name", String, primary_key=True),
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

# The passport custody register (migration 0028, core/passports.py): the passports of cadres the office
# keeps or follows, and each time one is handed to its holder and received back.
passports = Table(
    "passports", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("passport_type", String, nullable=False),
    Column("number", String, nullable=False),
    Column("issued_on", Date),
    Column("expires_on", Date),
    Column("kept", String),
    Column("note", Text),
    Column("lost_on", Date),  # reported lost, and so cancelled (migration 0039)
    Column("lost_note", Text),
    *_stamps(),
    Index(None, "person_id"),
    Index(None, "number"),
)

ONE_OUT = "uq_passport_handovers_one_out"
passport_handovers = Table(
    "passport_handovers", metadata,
    Column("id", Integer, primary_key=True),
    Column("passport_id", ForeignKey("passports.id"), nullable=False),
    Column("handed_on", Date, nullable=False),
    Column("trip", String, nullable=False),
    Column("decision_no", String),
    Column("delegation_id", ForeignKey("delegations.id")),
    Column("trip_return_on", Date),
    Column("returned_on", Date),
    Column("note", Text),
    *_stamps(),
    Index(None, "passport_id"),
    # out on one handover at most (migration 0031): two officers cannot both hand the passport out
    Index(ONE_OUT, "passport_id", unique=True,
          sqlite_where=text("returned_on IS NULL AND deleted_at IS NULL"),
          postgresql_where=text("returned_on IS NULL AND deleted_at IS NULL")),
)

# Attachments (migration 0034, core/attachments.py): the scans of signed papers kept with a record of a kind
# (`record_kind`, `record_id`), listed without reading their bytes, which are kept apart, inside the database only.
attachments = Table(
    "attachments", metadata,
    Column("id", Integer, primary_key=True),
    Column("record_kind", String, nullable=False),
    Column("record_id", Integer, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("file_type", String, nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String, nullable=False),
    Column("note", Text),
    Column("created_by", String),  # who added it (migration 0035); updated_by: who changed it last
    *_stamps(),
    Index(None, "record_kind", "record_id"),
)

attachment_contents = Table(
    "attachment_contents", metadata,
    Column("attachment_id", ForeignKey("attachments.id"), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)
