"""What the server holds besides the tables the migrations make, (re)made by the owner after each
migration (`prepare`, idempotent):

- a group role per program role (`DBNAME:quan-tri`, …), the only ones that may connect, with the
  grants of core/server/access.py, and row-level security where a row belongs to its login;
- ids assigned as the file database assigns them (the next after the largest), so rows the plans
  number themselves and rows numbered by the server never collide;
- each counted table's writes counted by a trigger run as the owner (`change_counts`, core/watch.py);
- the audit chain extended by the server: a trigger run as the owner takes the chain's head (locked
  to the commit, moved once at the commit), sets the entry's id, its login and role, and its HMAC
  with a secret no login can read; `bvct_audit_verify()` recomputes it; nobody but the owner may
  change or delete an entry, and a login may write entries in its own name only, with an outcome the
  program writes, dated by the server (`_server_moment`) whatever moment it sends, and a disabled
  account none but a refusal (`DISABLED`), whatever session it opened before it was disabled;
- no change without its audit entry: a transaction of a login that wrote to a table of the records
  (access.py's `audited`) is refused at its commit unless it also wrote an audit entry — psql
  with an officer's password leaves the same trace as the program;
- the account functions (`bvct_user_add`, `bvct_user_disable`, `bvct_user_enable`, `bvct_user_role`,
  `bvct_user_full_name`, `bvct_user_password`), run as the owner, which check the caller's role themselves and take a
  SCRAM verifier, never a password;
- each login reads its own key slot only (`bvct_own_key_slot`): a slot is sealed with the password
  of its login, so another's would let that password be guessed away from the server. A backup
  copies every slot and the whole trail, as a file's key file and table hold them, through
  functions that ask for proof of the database key (`key_proof`; the server keeps only its digest):
  the key a backup is encrypted with, that whoever can read the backup holds anyway — a password
  alone, in psql, lists neither;
- `vi_name_key`, the Vietnamese order of names, as the file database's engine gives it.

The objects are versioned apart from the tables (`VERSION`, noted in `meta`): a server whose
objects are older is refused until `bvct upgrade` makes them again, as one whose tables are.
"""

import datetime as dt

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from .. import audit, audit_chain, keyfile, workdays
from ..permissions import ADMIN, ALLOWED, ROLES, Action
from .access import EVERYONE, TABLES, WORKERS

PRIVATE = "bvct_private"  # the chain's secret and head: the owner's alone
AUDITED_SETTING = "bvct.audited"  # the transaction's mark that its login wrote an audit entry
EXTENSIONS = ("pgcrypto", "pg_trgm")  # HMAC for the chain; trigram index for the person search
_AS_OWNER = "SECURITY DEFINER SET search_path = pg_catalog, public"  # run as the owner, whoever calls
# 1: own key slots, the trail and slots for a backup by key proof; 2: a login's entries dated by the server;
# 3: dated in Vietnam's time, not at the UTC offset of the PC that made the objects
# 4: no entry but a refusal by a disabled account, even from a session opened before it was disabled
# 5: a disabled account keeps its password (refused after it, so that its holder is told why); the chain's
# head moved once a transaction, at its commit
VERSION, VERSION_KEY = 5, "server_objects"
DISABLED = "28000"  # invalid_authorization_specification: what the server says to a disabled account's write


def _sql(connection: Connection, statement: str, params: dict | None = None):
    """A statement sent as written (no placeholder but those of `params`) in the caller's transaction."""
    return connection.connection.driver_connection.execute(statement, params)


def group(dbname: str, role: str) -> str:
    """The group role of program role `role` in database `dbname`."""
    return f"{dbname}:{role}"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def prepare(connection: Connection, dbname: str, owner: str) -> None:
    """Makes (again) every server object; run by the owner inside the migration's transaction."""
    for extension in EXTENSIONS:
        _sql(connection, f"CREATE EXTENSION IF NOT EXISTS {extension} SCHEMA public")
    _groups(connection, dbname)
    _private(connection)
    _key_slots(connection)
    tables = _tables(connection)
    _ids(connection, tables)
    for statement in _functions(owner, _server_moment()):
        _sql(connection, statement)
    _search_index(connection)
    _counted(connection, tables)
    _audited_writes(connection, tables)
    _grants(connection, dbname, tables)
    _sql(connection, "DELETE FROM public.meta WHERE key = %(key)s", {"key": VERSION_KEY})
    _sql(connection, "INSERT INTO public.meta (key, value) VALUES (%(key)s, %(value)s)",
         {"key": VERSION_KEY, "value": str(VERSION)})


def version(connection: Connection) -> int:
    """The version of the server's objects (0: made before they had one)."""
    noted = _sql(connection, "SELECT value FROM public.meta WHERE key = %(key)s", {"key": VERSION_KEY}).fetchone()
    return int(noted[0]) if noted else 0


# What a login reads of the key slots and the trail, from the version of the objects on: a server not
# yet brought up to date is backed up as it is, by `bvct upgrade`, before its objects are made again.
READS = {
    0: {"own_slot": "SELECT slot FROM public.key_slots WHERE name = session_user",
        "slots": "SELECT name, slot FROM public.key_slots", "trail": "SELECT * FROM public.bvct_audit_rows()"},
    1: {"own_slot": "SELECT public.bvct_own_key_slot()",
        "slots": "SELECT * FROM public.bvct_key_slots_for_backup(:proof)",
        "trail": "SELECT * FROM public.bvct_audit_for_backup(:proof)"},
}


def reads(connection: Connection) -> dict[str, str]:
    """`READS` of this server's objects."""
    return READS[min(version(connection), max(READS))]


def key_proof(key: bytes) -> bytes:
    """What shows the server that its caller holds the database `key`."""
    return keyfile.derive_subkey(key, b"bvct-server-key-proof")


def hold_key_proof(connection: Connection, key: bytes) -> None:
    """The digest of `key`'s proof kept for the backup's functions (the database key never changes)."""
    _sql(connection, f"DELETE FROM {PRIVATE}.key_proof")
    _sql(connection, f"INSERT INTO {PRIVATE}.key_proof SELECT public.digest(%(proof)s, 'sha256')",
         {"proof": key_proof(key)})


def _tables(connection: Connection) -> dict[str, dict[str, dict]]:
    """The public schema's tables, each with its columns by name, from one read of the catalog (a
    table at a time, 24 reads, was a quarter of `bvct init` on the server)."""
    return {table: {column["name"]: column for column in columns}
            for (_, table), columns in inspect(connection).get_multi_columns().items()}


def _groups(connection: Connection, dbname: str) -> None:
    for role in ROLES:
        name = group(dbname, role)
        exists = _sql(connection, "SELECT 1 FROM pg_roles WHERE rolname = %(name)s", {"name": name}).fetchone()
        if not exists:
            _sql(connection, f"CREATE ROLE {quoted(name)} NOLOGIN")
    database = quoted(dbname)
    _sql(connection, f"REVOKE ALL ON DATABASE {database} FROM PUBLIC")
    _sql(connection, "REVOKE ALL ON SCHEMA public FROM PUBLIC")
    for role in ROLES:
        _sql(connection, f"GRANT CONNECT ON DATABASE {database} TO {quoted(group(dbname, role))}")
        _sql(connection, f"GRANT USAGE ON SCHEMA public TO {quoted(group(dbname, role))}")


def _private(connection: Connection) -> None:
    _sql(connection, f"CREATE SCHEMA IF NOT EXISTS {PRIVATE}")
    _sql(connection, f"REVOKE ALL ON SCHEMA {PRIVATE} FROM PUBLIC")
    _sql(connection, f"CREATE TABLE IF NOT EXISTS {PRIVATE}.audit_secret (key bytea NOT NULL)")
    _sql(connection, f"CREATE TABLE IF NOT EXISTS {PRIVATE}.audit_head "
                               "(count bigint NOT NULL, mac text NOT NULL)")
    _sql(connection, f"CREATE TABLE IF NOT EXISTS {PRIVATE}.changes_to_audit (xact xid8 PRIMARY KEY)")
    _sql(connection, f"CREATE TABLE IF NOT EXISTS {PRIVATE}.head_to_move (xact xid8 PRIMARY KEY)")
    _sql(connection, f"CREATE TABLE IF NOT EXISTS {PRIVATE}.key_proof (digest bytea NOT NULL)")
    _sql(connection, f"INSERT INTO {PRIVATE}.audit_secret SELECT public.gen_random_bytes(32) "
                               f"WHERE NOT EXISTS (SELECT 1 FROM {PRIVATE}.audit_secret)")
    _sql(connection, f"INSERT INTO {PRIVATE}.audit_head SELECT 0, '' "
                               f"WHERE NOT EXISTS (SELECT 1 FROM {PRIVATE}.audit_head)")


def _key_slots(connection: Connection) -> None:
    """Each user's key slot of the database key the backups are encrypted with (the key file's slots)."""
    _sql(connection, "CREATE TABLE IF NOT EXISTS key_slots (name text PRIMARY KEY, slot text NOT NULL, "
                               "updated_at timestamp NOT NULL DEFAULT localtimestamp)")


def _ids(connection: Connection, tables: dict[str, dict[str, dict]]) -> None:
    """An integer id left empty takes the next after the largest (the file database's rowid rule)."""
    _sql(connection, _function("public.bvct_next_id() RETURNS trigger", """
BEGIN
  IF NEW.id IS NULL THEN
    EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO NEW.id;
  END IF;
  RETURN NEW;
END"""))
    for table, columns in tables.items():
        if "id" not in columns or table == "audit_log" or "INT" not in str(columns["id"]["type"]).upper():
            continue
        _sql(connection, f"ALTER TABLE {quoted(table)} ALTER COLUMN id DROP DEFAULT")
        _sql(connection, f"DROP SEQUENCE IF EXISTS {quoted(table + '_id_seq')}")
        _sql(connection, f"CREATE OR REPLACE TRIGGER bvct_next_id BEFORE INSERT ON {quoted(table)} "
                                   "FOR EACH ROW EXECUTE FUNCTION public.bvct_next_id()")
    _sql(connection, "ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT")
    _sql(connection, "DROP SEQUENCE IF EXISTS audit_log_id_seq")


def _counted(connection: Connection, tables: dict[str, dict[str, dict]]) -> None:
    """Each table with a change count (migration 0017) counts its writes, one per statement, whoever
    writes (core/watch.py); the count is written as the owner: no login may write it itself."""
    if "change_counts" not in tables:  # a schema older than the counts
        return
    for (table,) in _sql(connection, "SELECT table_name FROM public.change_counts").fetchall():
        _sql(connection, f"CREATE OR REPLACE TRIGGER bvct_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                         f"ON {quoted(table)} FOR EACH STATEMENT EXECUTE FUNCTION {PRIVATE}.count_change()")


def _audited_writes(connection: Connection, tables: dict[str, dict[str, dict]]) -> None:
    """A transaction that writes to a table of the records commits only with an audit entry of its
    own login (the entry's trigger marks the transaction with a MAC only the server can make)."""
    for table in tables:
        access = TABLES.get(table)
        if access is None or not access.audited:
            continue
        _sql(connection, f"CREATE OR REPLACE TRIGGER bvct_note_change AFTER INSERT OR UPDATE OR DELETE ON "
                         f"{quoted(table)} FOR EACH STATEMENT EXECUTE FUNCTION {PRIVATE}.note_change()")


def _search_index(connection: Connection) -> None:
    """The person search's words as the file database's FTS5 index sees them (core/search.py)."""
    _sql(connection, "CREATE INDEX IF NOT EXISTS ix_persons_search_words ON persons "
                               "USING gin (public.bvct_search_words(search_key) public.gin_trgm_ops)")


def _server_moment() -> str:
    """The moment of a login's audit entry as the program dates its own (`database.system_clock`, an
    office PC's clock): the server's clock at the statement, to the second, in Vietnam's time (UTC+7 all
    year), so neither a client's clock or session time zone nor the zone of the PC that makes the
    objects moves it."""
    offset = int(workdays.TIME_ZONE * 3600)
    return f"date_trunc('second', statement_timestamp() AT TIME ZONE INTERVAL '{offset} seconds')"


def office_now(connection: Connection) -> dt.datetime:
    """The moment the server dates an entry at (`_server_moment`), for what its owner writes itself."""
    return connection.execute(text(f"SELECT {_server_moment()}")).scalar()


def _at_commit(trigger: str, table: str, function: str) -> list[str]:
    """The constraint trigger running `function` at the commit of each transaction that inserted its row in the
    private `table` (one a transaction: the row's key is the transaction's id). Dropped first: a constraint
    trigger has no OR REPLACE."""
    return [f"DROP TRIGGER IF EXISTS {trigger} ON {PRIVATE}.{table}",
            f"CREATE CONSTRAINT TRIGGER {trigger} AFTER INSERT ON {PRIVATE}.{table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {PRIVATE}.{function}()"]


def _functions(owner: str, server_moment: str) -> list[str]:
    program_roles = ", ".join(f"'{role}'" for role in ROLES)
    outcomes = ", ".join(f"'{outcome}'" for outcome in audit.OUTCOMES)
    return [
        _vi_name_key(),
        _search_words(),
        _function(f"{PRIVATE}.audit_canonical(entry public.audit_log) RETURNS text", """
  SELECT json_build_array(entry.at, entry.user_name, entry.role, entry.action, entry.outcome, entry.kind,
                          entry.record_id, entry.details)::text""", "IMMUTABLE", language="sql"),
        _function(f"{PRIVATE}.audit_mark() RETURNS text", f"""
  SELECT encode(public.hmac(convert_to(pg_current_xact_id()::text || ':' || session_user, 'UTF8'), key, 'sha256'),
                'hex') FROM {PRIVATE}.audit_secret""", "STABLE", _AS_OWNER, language="sql"),
        _function(f"{PRIVATE}.audit_link() RETURNS trigger", f"""
DECLARE
  head record;
  latest record;
  secret bytea;
  author record;
BEGIN
  -- the chain's lock, to the commit; the head kept apart moves once, at the commit (move_head): a row
  -- updated at each entry leaves a version per entry to read past at the next
  SELECT count, mac INTO head FROM {PRIVATE}.audit_head FOR UPDATE;
  SELECT id, mac INTO latest FROM public.audit_log WHERE id > head.count ORDER BY id DESC LIMIT 1;
  IF FOUND THEN  -- this transaction's entries so far
    head.count := latest.id;
    head.mac := latest.mac;
  END IF;
  IF session_user <> {_literal(owner)} THEN
    IF NEW.user_name IS DISTINCT FROM session_user THEN
      RAISE EXCEPTION 'an audit entry of % names %', session_user, NEW.user_name
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.outcome NOT IN ({outcomes}) THEN
      RAISE EXCEPTION 'no program writes an audit entry''s outcome %', NEW.outcome
        USING ERRCODE = 'check_violation';
    END IF;
    -- FOR SHARE: a disabling not yet committed is waited for, then seen
    SELECT role, active INTO author FROM public.users WHERE name = session_user FOR SHARE;
    IF author.active IS NOT TRUE AND NEW.outcome <> '{audit_chain.REFUSED}' THEN
      RAISE EXCEPTION 'the account % is disabled: it writes nothing', session_user
        USING ERRCODE = '{DISABLED}';
    END IF;
    NEW.at := {server_moment};
    NEW.role := author.role;
    IF author.active THEN  -- a disabled account's refusal is noted, and marks no change as audited
      PERFORM set_config('{AUDITED_SETTING}', {PRIVATE}.audit_mark(), true);
    END IF;
  END IF;
  SELECT key INTO secret FROM {PRIVATE}.audit_secret;
  NEW.id := head.count + 1;
  NEW.mac := '';
  NEW.mac := encode(public.hmac(convert_to(head.mac || {PRIVATE}.audit_canonical(NEW), 'UTF8'), secret,
                                'sha256'), 'hex');
  INSERT INTO {PRIVATE}.head_to_move (xact) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
  RETURN NEW;
END""", _AS_OWNER),
        _function(f"{PRIVATE}.move_head() RETURNS trigger", f"""
BEGIN
  UPDATE {PRIVATE}.audit_head SET count = latest.id, mac = latest.mac
    FROM (SELECT id, mac FROM public.audit_log ORDER BY id DESC LIMIT 1) AS latest;
  DELETE FROM {PRIVATE}.head_to_move WHERE xact = NEW.xact;
  RETURN NULL;
END""", _AS_OWNER),
        *_at_commit("bvct_move_head", "head_to_move", "move_head"),
        "CREATE OR REPLACE TRIGGER bvct_audit_link BEFORE INSERT ON audit_log "
        f"FOR EACH ROW EXECUTE FUNCTION {PRIVATE}.audit_link()",
        _function(f"{PRIVATE}.note_change() RETURNS trigger", f"""
BEGIN
  IF session_user <> {_literal(owner)} THEN
    INSERT INTO {PRIVATE}.changes_to_audit (xact) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END""", _AS_OWNER),
        _function(f"{PRIVATE}.require_audit() RETURNS trigger", f"""
BEGIN
  IF current_setting('{AUDITED_SETTING}', true) IS DISTINCT FROM {PRIVATE}.audit_mark()
     AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN  -- a superuser is above any rule
    RAISE EXCEPTION 'a change by % without an audit entry of its own', session_user
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'every change is written to audit_log in the same transaction, as the program does';
  END IF;
  DELETE FROM {PRIVATE}.changes_to_audit WHERE xact = NEW.xact;
  RETURN NULL;
END""", _AS_OWNER),
        *_at_commit("bvct_require_audit", "changes_to_audit", "require_audit"),
        _function("""public.bvct_audit_verify(OUT checked bigint, OUT broken_id bigint, OUT problem text,
                                                    OUT head_count bigint)""", f"""
DECLARE
  entry public.audit_log;
  previous text := '';
  expected bigint := 1;
  secret bytea;
  head record;
BEGIN
  checked := 0;
  SELECT key INTO secret FROM {PRIVATE}.audit_secret;
  SELECT count, mac INTO head FROM {PRIVATE}.audit_head;
  IF EXISTS (SELECT 1 FROM {PRIVATE}.head_to_move WHERE xact = pg_current_xact_id_if_assigned()) THEN
    SELECT id AS count, mac INTO head FROM public.audit_log ORDER BY id DESC LIMIT 1;  -- the head at its commit
  END IF;
  head_count := head.count;
  FOR entry IN SELECT * FROM public.audit_log ORDER BY id LOOP
    IF entry.id <> expected THEN
      broken_id := expected; problem := 'missing'; RETURN;
    END IF;
    IF encode(public.hmac(convert_to(previous || {PRIVATE}.audit_canonical(entry), 'UTF8'),
                          secret, 'sha256'), 'hex') IS DISTINCT FROM entry.mac THEN
      broken_id := entry.id; problem := 'altered'; RETURN;
    END IF;
    previous := entry.mac; expected := entry.id + 1; checked := checked + 1;
  END LOOP;
  IF head.count <> checked OR head.mac <> previous THEN
    broken_id := checked + 1; problem := 'truncated';
  END IF;
END""", "STABLE", _AS_OWNER),
        _function(f"{PRIVATE}.count_change() RETURNS trigger", """
BEGIN
  UPDATE public.change_counts SET count = count + 1 WHERE table_name = TG_TABLE_NAME;
  RETURN NULL;
END""", _AS_OWNER),
        "DROP FUNCTION IF EXISTS public.bvct_audit_rows()",  # the trail for any worker, before VERSION 1
        _function(f"{PRIVATE}.require_key_proof(proof bytea) RETURNS void", f"""
BEGIN
  IF NOT EXISTS (SELECT 1 FROM {PRIVATE}.key_proof WHERE digest = public.digest(proof, 'sha256')) THEN
    RAISE EXCEPTION 'only a holder of the database key backs it up' USING ERRCODE = 'insufficient_privilege';
  END IF;
END""", "STABLE", _AS_OWNER),
        _function("public.bvct_audit_for_backup(proof bytea) RETURNS SETOF public.audit_log", f"""
BEGIN
  PERFORM {PRIVATE}.require_key_proof(proof);
  RETURN QUERY SELECT * FROM public.audit_log ORDER BY id;
END""", "STABLE", _AS_OWNER),
        _function("public.bvct_key_slots_for_backup(proof bytea) RETURNS TABLE (slot_name text, slot text)", f"""
BEGIN
  PERFORM {PRIVATE}.require_key_proof(proof);
  RETURN QUERY SELECT k.name, k.slot FROM public.key_slots k ORDER BY k.name;
END""", "STABLE", _AS_OWNER),
        _function("public.bvct_own_key_slot() RETURNS text",
                  "SELECT slot FROM public.key_slots WHERE name = session_user", "STABLE", _AS_OWNER, language="sql"),
        _function("public.bvct_caller_is_admin() RETURNS boolean", f"""
  SELECT session_user = {_literal(owner)}
      OR EXISTS (SELECT 1 FROM public.users WHERE name = session_user AND role = '{ADMIN}' AND active)""",
                  "STABLE", _AS_OWNER, language="sql"),
        _function("""public.bvct_user_add(user_name text, program_role text, verifier text, slot text,
                                                 at timestamp) RETURNS void""", f"""
BEGIN
  IF NOT public.bvct_caller_is_admin() THEN
    RAISE EXCEPTION 'only an administrator adds users' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF program_role NOT IN ({program_roles}) THEN
    RAISE EXCEPTION 'unknown role %', program_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF verifier IS NOT NULL AND verifier !~ '^SCRAM-SHA-256\\$' THEN
    RAISE EXCEPTION 'a SCRAM-SHA-256 verifier is required' USING ERRCODE = 'invalid_password';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = user_name) THEN
    RAISE EXCEPTION 'role % exists', user_name USING ERRCODE = 'duplicate_object';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', user_name, verifier,
                 current_database() || ':' || program_role);
  INSERT INTO public.users (name, role, active, created_at) VALUES (user_name, program_role, true, at);
  IF slot IS NOT NULL THEN
    INSERT INTO public.key_slots (name, slot) VALUES (user_name, slot)
      ON CONFLICT (name) DO UPDATE SET slot = EXCLUDED.slot, updated_at = localtimestamp;
  END IF;
END""", _AS_OWNER),
        _function("public.bvct_user_disable(user_name text) RETURNS void", f"""
DECLARE
  target record;
BEGIN
  IF NOT public.bvct_caller_is_admin() THEN
    RAISE EXCEPTION 'only an administrator disables users' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO target FROM public.users WHERE name = user_name FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no user %', user_name USING ERRCODE = 'undefined_object';
  END IF;
  IF target.role = '{ADMIN}' AND target.active AND (SELECT count(*) FROM public.users
                                                  WHERE role = '{ADMIN}' AND active) <= 1 THEN
    RAISE EXCEPTION 'the last administrator stays' USING ERRCODE = 'check_violation';
  END IF;
  -- the password stays: the server checks it before refusing the login, so whoever holds it is told why
  EXECUTE format('ALTER ROLE %I NOLOGIN', user_name);
  UPDATE public.users SET active = false WHERE name = user_name;
  DELETE FROM public.key_slots WHERE name = user_name;
END""", _AS_OWNER),
        _function("public.bvct_user_enable(user_name text, verifier text, slot text) RETURNS void", """
DECLARE
  target record;
BEGIN
  IF NOT public.bvct_caller_is_admin() THEN
    RAISE EXCEPTION 'only an administrator reopens users' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO target FROM public.users WHERE name = user_name FOR UPDATE;
  IF NOT FOUND OR target.active THEN
    RAISE EXCEPTION 'no disabled user %', user_name USING ERRCODE = 'undefined_object';
  END IF;
  UPDATE public.users SET active = true WHERE name = user_name;
  PERFORM public.bvct_user_password(user_name, verifier, slot);
END""", _AS_OWNER),
        _function("public.bvct_user_role(user_name text, program_role text) RETURNS void", f"""
DECLARE
  target record;
BEGIN
  IF NOT public.bvct_caller_is_admin() THEN
    RAISE EXCEPTION 'only an administrator changes roles' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF program_role NOT IN ({program_roles}) THEN
    RAISE EXCEPTION 'unknown role %', program_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO target FROM public.users WHERE name = user_name FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no user %', user_name USING ERRCODE = 'undefined_object';
  END IF;
  IF target.role = '{ADMIN}' AND program_role <> '{ADMIN}' AND target.active
     AND (SELECT count(*) FROM public.users WHERE role = '{ADMIN}' AND active) <= 1 THEN
    RAISE EXCEPTION 'the last administrator stays' USING ERRCODE = 'check_violation';
  END IF;
  EXECUTE format('REVOKE %I FROM %I', current_database() || ':' || target.role, user_name);
  EXECUTE format('GRANT %I TO %I', current_database() || ':' || program_role, user_name);
  UPDATE public.users SET role = program_role WHERE name = user_name;
END""", _AS_OWNER),
        _function("public.bvct_user_full_name(user_name text, full_name text) RETURNS void", """
BEGIN
  IF user_name <> session_user AND NOT public.bvct_caller_is_admin() THEN
    RAISE EXCEPTION 'only an administrator writes another user''s full name' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE public.users SET full_name = bvct_user_full_name.full_name WHERE name = user_name;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no user %', user_name USING ERRCODE = 'undefined_object';
  END IF;
END""", _AS_OWNER),
        _function("""public.bvct_user_password(user_name text, verifier text, slot text,
                                                      recovery_slot text DEFAULT NULL) RETURNS void""", """
BEGIN
  IF user_name <> session_user AND NOT public.bvct_caller_is_admin() THEN
    RAISE EXCEPTION 'only an administrator sets another user''s password' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM public.users WHERE name = user_name AND active) THEN
    RAISE EXCEPTION 'no active user %', user_name USING ERRCODE = 'undefined_object';
  END IF;
  IF verifier !~ '^SCRAM-SHA-256\\$' THEN
    RAISE EXCEPTION 'a SCRAM-SHA-256 verifier is required' USING ERRCODE = 'invalid_password';
  END IF;
  EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', user_name, verifier);
  IF slot IS NOT NULL THEN
    INSERT INTO public.key_slots (name, slot) VALUES (user_name, slot)
      ON CONFLICT (name) DO UPDATE SET slot = EXCLUDED.slot, updated_at = localtimestamp;
  END IF;
  IF recovery_slot IS NOT NULL AND public.bvct_caller_is_admin() THEN
    UPDATE public.key_slots SET slot = recovery_slot, updated_at = localtimestamp WHERE name = '*recovery*';
  END IF;
END""", _AS_OWNER),
    ]


def _function(head: str, body: str, *traits: str, language: str = "plpgsql") -> str:
    """`CREATE OR REPLACE FUNCTION` of `head` (name, arguments, what it returns) with `traits`
    (volatility, _AS_OWNER…) and `body` as written."""
    return (f"CREATE OR REPLACE FUNCTION {head}\n"
            f"LANGUAGE {' '.join((language, *traits))} AS $$\n{body.strip(chr(10))}\n$$")


# Who may call each function that runs as the owner (none is PUBLIC's).
FUNCTIONS = {
    "bvct_audit_verify()": WORKERS,  # the verdict (how many entries, which one broke), not the entries
    "bvct_audit_for_backup(bytea)": tuple(ALLOWED[Action.BACKUP]),
    "bvct_key_slots_for_backup(bytea)": tuple(ALLOWED[Action.BACKUP]),
    "bvct_own_key_slot()": EVERYONE,
    "bvct_caller_is_admin()": (),
    "bvct_user_add(text, text, text, text, timestamp)": (ADMIN,),
    "bvct_user_disable(text)": (ADMIN,),
    "bvct_user_enable(text, text, text)": (ADMIN,),
    "bvct_user_role(text, text)": (ADMIN,),
    "bvct_user_full_name(text, text)": EVERYONE,
    "bvct_user_password(text, text, text, text)": EVERYONE,
}


def _grants(connection: Connection, dbname: str, tables: dict[str, dict[str, dict]]) -> None:
    """Each table's access class, exactly: whatever was granted before is taken back first."""
    for table in tables:
        access = TABLES.get(table)
        name = quoted(table)
        _sql(connection, f"REVOKE ALL ON {name} FROM PUBLIC")
        for role, privileges in (access.grants() if access else {role: [] for role in ROLES}).items():
            grantee = quoted(group(dbname, role))
            _sql(connection, f"REVOKE ALL ON {name} FROM {grantee}")
            if privileges:
                _sql(connection, f"GRANT {', '.join(privileges)} ON {name} TO {grantee}")
        if access and access.own_rows:
            _sql(connection, f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
            _sql(connection, f"DROP POLICY IF EXISTS own_rows ON {name}")
            _sql(connection, f"CREATE POLICY own_rows ON {name} USING ({access.own_rows} = session_user) "
                                       f"WITH CHECK ({access.own_rows} = session_user)")
    for function, roles in FUNCTIONS.items():
        _sql(connection, f"REVOKE ALL ON FUNCTION public.{function} FROM PUBLIC")
        for role in roles:
            _sql(connection, f"GRANT EXECUTE ON FUNCTION public.{function} TO {quoted(group(dbname, role))}")
    _sql(connection, f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {PRIVATE} FROM PUBLIC")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _vi_name_key() -> str:
    """core/collation.name_sort_key for a stored (already clean) name; NULL or empty: NULL."""
    return _function("public.vi_name_key(name text) RETURNS text", r"""
DECLARE
  alphabet constant text := '0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
  tone_marks constant text := U&'\0300\0309\0303\0301\0323';
  words text[];
  parts text[] := ARRAY['', '', ''];
  part_words int[];
  tones text := '';
  n int; p int; k int; i int; j int; pos int;
  word text; ch text; decomposed text; tone text; base text; ranked text;
BEGIN
  IF name IS NULL OR name = '' THEN RETURN NULL; END IF;
  words := regexp_split_to_array(btrim(lower(name)), '\s+');
  n := array_length(words, 1);
  IF n IS NULL OR words[1] = '' THEN RETURN ''; END IF;
  FOR p IN 1..3 LOOP
    IF p = 1 THEN part_words := ARRAY[n];
    ELSIF p = 2 THEN part_words := CASE WHEN n > 1 THEN ARRAY[1] ELSE ARRAY[]::int[] END;
    ELSE part_words := ARRAY(SELECT generate_series(2, n - 1));
    END IF;
    ranked := '';
    FOR k IN 1..coalesce(array_length(part_words, 1), 0) LOOP
      IF k > 1 THEN ranked := ranked || chr(33); END IF;
      word := words[part_words[k]];
      FOR i IN 1..length(word) LOOP
        ch := substr(word, i, 1);
        decomposed := normalize(ch, NFD);
        tone := '0';
        FOR j IN 1..length(decomposed) LOOP
          pos := strpos(tone_marks, substr(decomposed, j, 1));
          IF pos > 0 THEN tone := (ARRAY['1', '2', '3', '4', '5'])[pos]; EXIT; END IF;
        END LOOP;
        base := normalize(translate(decomposed, tone_marks, ''), NFC);
        IF base = '' THEN base := ch; END IF;
        pos := CASE WHEN length(base) = 1 THEN strpos(alphabet, base) ELSE 0 END;
        ranked := ranked || CASE WHEN pos > 0 THEN chr(47 + pos) ELSE chr(256 + ascii(base)) END;
        tones := tones || tone;
      END LOOP;
    END LOOP;
    parts[p] := ranked;
  END LOOP;
  RETURN parts[1] || ' ' || parts[2] || ' ' || parts[3] || chr(31) || tones;
END""", "IMMUTABLE", "PARALLEL SAFE")


def _search_words() -> str:
    """The words of a folded search key as FTS5's unicode61 tokenizer cuts them (letters, digits and
    private-use characters make words; anything else separates them), one space around each."""
    return _function("public.bvct_search_words(key text) RETURNS text",
                     r"  SELECT ' ' || btrim(regexp_replace(key, '[^[:alnum:]" + _NON_ASCII_WORD_CHARACTERS
                     + r"]+', ' ', 'g')) || ' '", "IMMUTABLE", "PARALLEL SAFE", language="sql")


# Non-ASCII word characters for the regular expression above: the database's C.UTF-8 character
# classes know letters and digits; the private-use area is added as FTS5 counts it too.
_NON_ASCII_WORD_CHARACTERS = "\ue000-\uf8ff"
