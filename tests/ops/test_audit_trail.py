"""The tamper-evident audit trail (DOMAIN-KR §1.10): chained entries, refused edits, a verifier
that names the first broken link."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from ops.audit import GENESIS, audit_chain_verify, audit_record, entry_hash
from ops.models import AuditEvent
from ops.requestcontext import ClientContext, client_context
from tests import factories

pytestmark = pytest.mark.django_db


def _three(user):
    return [
        audit_record(action="test.one", actor=user, data={"n": 1}, reason="first"),
        audit_record(action="test.two", actor=user, subject_user=user, obj=user, data={"날짜": "2026-11-29"}),
        audit_record(action="test.three", data={"nested": {"b": [1, 2], "a": None}}),
    ]


def test_entries_are_chained_from_genesis_and_the_chain_verifies():
    user = factories.UserFactory()
    first, second, third = _three(user)
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash and third.prev_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3
    assert second.object_type == "accounts.user" and second.object_id == str(user.pk)
    report = audit_chain_verify()
    assert report.ok and report.checked == 3 and report.head_hash == third.hash


def test_the_address_defaults_to_the_current_requests_client():
    with client_context(ClientContext(address="203.0.113.7")):
        event = audit_record(action="test.address")
    assert event.actor_address == "203.0.113.7"
    assert audit_record(action="test.explicit", address="198.51.100.1").actor_address == "198.51.100.1"


def test_the_database_refuses_updates_and_deletes():
    event = audit_record(action="test.locked", reason="original")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="edited")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.reason == "original"


def _raw(sql: str, params) -> None:
    """Edit the table behind the application's back, as someone with the table owner's rights would."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE ops_auditevent DISABLE TRIGGER ops_auditevent_append_only")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE ops_auditevent ENABLE TRIGGER ops_auditevent_append_only")


def test_editing_a_row_in_sql_makes_the_verifier_name_it():
    user = factories.UserFactory()
    first, second, third = _three(user)
    _raw("UPDATE ops_auditevent SET reason = %s WHERE id = %s", ["nothing happened", second.pk])
    report = audit_chain_verify()
    assert not report.ok
    assert report.broken_id == second.pk and report.problem == "hash"
    assert report.checked == 1


def test_a_deleted_row_breaks_the_link_of_the_next():
    user = factories.UserFactory()
    first, second, third = _three(user)
    _raw("DELETE FROM ops_auditevent WHERE id = %s", [second.pk])
    report = audit_chain_verify()
    assert report.broken_id == third.pk and report.problem == "prev_hash"


def test_a_rewritten_hash_is_still_caught_by_the_next_link():
    user = factories.UserFactory()
    first, second, third = _three(user)
    forged = entry_hash(first.hash, "forged")
    _raw("UPDATE ops_auditevent SET reason = %s, hash = %s WHERE id = %s", ["forged", forged, second.pk])
    report = audit_chain_verify()
    assert report.broken_id == second.pk  # its hash no longer covers its fields


def test_a_deleted_user_leaves_the_trail_whole():
    user = factories.UserFactory()
    audit_record(action="test.actor", actor=user, subject_user=user)
    user_id = user.pk
    user.delete()
    assert AuditEvent.objects.filter(actor_id=user_id, subject_user_id=user_id).exists()
    assert audit_chain_verify().ok
