"""The schema, as an ordered list of migrations. Never edit a released migration: append a new one.

Times are stored as UTC text in one fixed format (``2024-02-14T08:30:00.000000Z``) so that text order is time
order on every backend. Statements are written once for both databases (``BLOB`` becomes ``BYTEA`` on
PostgreSQL, see ``dialect``); the few that cannot be are ``PerDialect``.
"""

from __future__ import annotations

from desk_app.store.dialect import PerDialect, Statement

_APPEND_ONLY_SQLITE = (
    """CREATE TRIGGER checkin_log_no_update BEFORE UPDATE ON checkin_log
       BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only: entries cannot be changed'); END""",
    """CREATE TRIGGER checkin_log_no_delete BEFORE DELETE ON checkin_log
       BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only: entries cannot be deleted'); END""",
)
# The same refusal, raised as an integrity violation (SQLSTATE 23000) as SQLite's RAISE(ABORT) is; TRUNCATE,
# which SQLite does not have and which skips row triggers, is refused too.
_APPEND_ONLY_POSTGRESQL = (
    """CREATE FUNCTION checkin_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
           RAISE EXCEPTION 'the check-in log is append-only: entries cannot be %',
               CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END
               USING ERRCODE = 'integrity_constraint_violation';
       END $$""",
    """CREATE TRIGGER checkin_log_no_update BEFORE UPDATE ON checkin_log
       FOR EACH ROW EXECUTE FUNCTION checkin_log_refuse_change()""",
    """CREATE TRIGGER checkin_log_no_delete BEFORE DELETE ON checkin_log
       FOR EACH ROW EXECUTE FUNCTION checkin_log_refuse_change()""",
    """CREATE TRIGGER checkin_log_no_truncate BEFORE TRUNCATE ON checkin_log
       FOR EACH STATEMENT EXECUTE FUNCTION checkin_log_refuse_change()""",
)

_V1: list[Statement] = [
    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE applications (
        reference TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('ministerial', 'annual')),
        status TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'rejected', 'withdrawn', 'revoked')),
        family_name TEXT NOT NULL,
        given_names TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        nationality TEXT NOT NULL,
        document_kind TEXT NOT NULL CHECK (document_kind IN ('passport', 'id_card')),
        document_number TEXT NOT NULL,
        document_country TEXT NOT NULL,
        document_expiry TEXT NOT NULL,
        press_card_number TEXT NOT NULL,
        press_card_issuer TEXT NOT NULL,
        editor_letter INTEGER NOT NULL,
        organisation TEXT NOT NULL,
        organisation_country TEXT NOT NULL,
        category TEXT NOT NULL
            CHECK (category IN ('writer', 'photographer', 'camera', 'radio', 'technician')),
        email TEXT NOT NULL,
        pool INTEGER NOT NULL,
        annual_number TEXT NOT NULL,
        photo_sha256 TEXT NOT NULL,
        search_key TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX applications_by_search_key ON applications (search_key)",
    "CREATE TABLE photos (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, data BLOB NOT NULL)",
    """CREATE TABLE staff (
        login TEXT PRIMARY KEY,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('counter', 'pass_office', 'supervisor')),
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE badges (
        serial TEXT PRIMARY KEY,
        reference TEXT NOT NULL REFERENCES applications (reference),
        kind TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        entrance TEXT NOT NULL,
        desk TEXT NOT NULL,
        staff TEXT NOT NULL REFERENCES staff (login),
        voided_at TEXT,
        void_reason TEXT
    )""",
    # One badge per person at a time, enforced by the database itself.
    "CREATE UNIQUE INDEX badges_one_active_per_reference ON badges (reference) WHERE voided_at IS NULL",
    """CREATE TABLE checkin_log (
        seq INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        action TEXT NOT NULL,
        entrance TEXT NOT NULL,
        desk TEXT NOT NULL,
        staff TEXT NOT NULL,
        reference TEXT NOT NULL,
        outcome TEXT NOT NULL,
        reasons TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        entry_hash TEXT NOT NULL UNIQUE
    )""",
    "CREATE INDEX checkin_log_by_time ON checkin_log (time)",
    PerDialect(sqlite=_APPEND_ONLY_SQLITE, postgresql=_APPEND_ONLY_POSTGRESQL),
]

# Badges are printed at the desk: a badge exists from the moment its job is sent, and counts as handed over only
# when the job completed.
_V2: list[Statement] = [
    "ALTER TABLE badges ADD COLUMN state TEXT NOT NULL DEFAULT 'issued'"
    " CHECK (state IN ('printing', 'issued', 'print_failed', 'voided'))",
]

# A login's recent PIN attempts are read from the log before every PIN check (the lock-out after wrong PINs).
_V3: list[Statement] = [
    "CREATE INDEX checkin_log_by_staff ON checkin_log (staff, action, seq)",
]

# The log only grows at its head: an insert must carry the next sequence number and chain from the head's hash.
# REPLACE (which deletes without firing delete triggers) and renumbering are refused before they happen. Someone
# who drops these triggers is caught by the chain and by the checkpoints held outside the database.
_HEAD_RULE = "the check-in log only grows at its head: an entry must follow the last one"
_EXTENDS_HEAD_SQLITE = (
    f"""CREATE TRIGGER checkin_log_extends_head BEFORE INSERT ON checkin_log
       WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM checkin_log)
         OR NEW.prev_hash IS NOT COALESCE(
              (SELECT entry_hash FROM checkin_log ORDER BY seq DESC LIMIT 1), '{"0" * 64}')
       BEGIN SELECT RAISE(ABORT, '{_HEAD_RULE}'); END""",
)
_EXTENDS_HEAD_POSTGRESQL = (
    f"""CREATE FUNCTION checkin_log_extends_head() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE head_seq BIGINT; head_hash TEXT;
       BEGIN
           SELECT seq, entry_hash INTO head_seq, head_hash FROM checkin_log ORDER BY seq DESC LIMIT 1;
           IF NEW.seq IS DISTINCT FROM COALESCE(head_seq, 0) + 1
              OR NEW.prev_hash IS DISTINCT FROM COALESCE(head_hash, '{"0" * 64}') THEN
               RAISE EXCEPTION '{_HEAD_RULE}' USING ERRCODE = 'integrity_constraint_violation';
           END IF;
           RETURN NEW;
       END $$""",
    """CREATE TRIGGER checkin_log_extends_head BEFORE INSERT ON checkin_log
       FOR EACH ROW EXECUTE FUNCTION checkin_log_extends_head()""",
)
_V4: list[Statement] = [
    PerDialect(sqlite=_EXTENDS_HEAD_SQLITE, postgresql=_EXTENDS_HEAD_POSTGRESQL),
    # A reference's history (the hold after a forged printout) is read at every check-in.
    "CREATE INDEX checkin_log_by_reference ON checkin_log (reference, seq)",
]

# Cards printed the night before: each holds a reserved serial (in the badges' series) and a place in the boxes.
# A card becomes its holder's badge (a badges row of the same serial) when it is scanned at the hand-over. A
# pre-print claims the unprinted cards it prints (print_claim, until claimed_until), so two runs never print one.
_V5: list[Statement] = [
    """CREATE TABLE cards (
        serial TEXT PRIMARY KEY,
        reference TEXT NOT NULL REFERENCES applications (reference),
        kind TEXT NOT NULL CHECK (kind IN ('ministerial', 'annual')),
        box INTEGER NOT NULL CHECK (box > 0),
        slot INTEGER NOT NULL CHECK (slot > 0),
        state TEXT NOT NULL CHECK (state IN ('reserved', 'preprinted', 'handed_over', 'voided')),
        reserved_at TEXT NOT NULL,
        reserved_by TEXT NOT NULL,
        printed_at TEXT,
        handed_over_at TEXT,
        voided_at TEXT,
        void_reason TEXT NOT NULL DEFAULT '',
        printed_details TEXT NOT NULL DEFAULT '',
        print_claim TEXT NOT NULL DEFAULT '',
        claimed_until TEXT,
        UNIQUE (kind, box, slot)
    )""",
    # One card to come per person, enforced by the database itself, as one active badge is.
    "CREATE UNIQUE INDEX cards_one_waiting_per_reference ON cards (reference)"
    " WHERE state IN ('reserved', 'preprinted')",
    "CREATE INDEX cards_by_reference ON cards (reference)",  # who ever had a card: a pre-print reserves no second
]

MIGRATIONS: list[list[Statement]] = [_V1, _V2, _V3, _V4, _V5]
