"""A sent EMON row is never changed (DOMAIN-KR §2.3): on PostgreSQL a trigger refuses any UPDATE that
would change what was sent, or when and how it was sent. Only the links to the run, enrolment and
user may still change (set to NULL when those are deleted). The services never try (they update
pending and error rows only); this stands behind them."""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION compliance_emonrecord_sent_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'sent' AND (
        NEW.seq IS DISTINCT FROM OLD.seq
        OR NEW.endpoint IS DISTINCT FROM OLD.endpoint
        OR NEW.payload IS DISTINCT FROM OLD.payload
        OR NEW.state IS DISTINCT FROM OLD.state
        OR NEW.sent_at IS DISTINCT FROM OLD.sent_at
        OR NEW.last_code IS DISTINCT FROM OLD.last_code
        OR NEW.attempts IS DISTINCT FROM OLD.attempts
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
    ) THEN
        RAISE EXCEPTION 'compliance_emonrecord % was sent and is never changed', OLD.seq;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER compliance_emonrecord_sent_frozen BEFORE UPDATE ON compliance_emonrecord
    FOR EACH ROW EXECUTE FUNCTION compliance_emonrecord_sent_frozen();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS compliance_emonrecord_sent_frozen ON compliance_emonrecord;
DROP FUNCTION IF EXISTS compliance_emonrecord_sent_frozen();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0004_emon_outbox")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
