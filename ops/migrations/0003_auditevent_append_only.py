"""The audit trail is append-only in the database itself (DOMAIN-KR §1.10): UPDATE and DELETE raise.

PostgreSQL: a row trigger raising an exception. SQLite (the demo): the same with RAISE(ABORT).
TRUNCATE is left to the table's owner (the test runner empties tables with it); in production the
application's role should not own the tables (README, "Production").
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION ops_auditevent_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ops_auditevent is append-only: % refused', TG_OP;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER ops_auditevent_append_only BEFORE UPDATE OR DELETE ON ops_auditevent
    FOR EACH ROW EXECUTE FUNCTION ops_auditevent_refuse_change();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS ops_auditevent_append_only ON ops_auditevent;
DROP FUNCTION IF EXISTS ops_auditevent_refuse_change();
"""
SQLITE_FORWARD = [
    "CREATE TRIGGER ops_auditevent_no_update BEFORE UPDATE ON ops_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'ops_auditevent is append-only: UPDATE refused'); END;",
    "CREATE TRIGGER ops_auditevent_no_delete BEFORE DELETE ON ops_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'ops_auditevent is append-only: DELETE refused'); END;",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS ops_auditevent_no_update;", "DROP TRIGGER IF EXISTS ops_auditevent_no_delete;"]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = [PG_FORWARD] if vendor == "postgresql" else SQLITE_FORWARD if vendor == "sqlite" else []
    for statement in statements:
        schema_editor.execute(statement, params=None)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = [PG_BACKWARD] if vendor == "postgresql" else SQLITE_BACKWARD if vendor == "sqlite" else []
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("ops", "0002_auditevent")]

    operations = [migrations.RunPython(forward, backward)]
