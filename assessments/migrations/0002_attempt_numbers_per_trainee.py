"""Attempts are numbered per trainee and quiz across every run of the course (they were per enrolment).

The old per-enrolment constraint goes first, then every trainee's attempts at a quiz are numbered
1, 2, … in the order they started; the new constraint follows in 0003, in its own transaction.
"""

from django.db import migrations


def _renumber(apps, key_fields):
    Attempt = apps.get_model("assessments", "Attempt")
    changed, counters = [], {}
    rows = Attempt.objects.order_by(*key_fields, "started_at", "pk").only("pk", "number", *key_fields)
    for attempt in rows.iterator(chunk_size=2000):
        key = tuple(getattr(attempt, field) for field in key_fields)
        counters[key] = counters.get(key, 0) + 1
        if attempt.number != counters[key]:
            attempt.number = counters[key]
            changed.append(attempt)
    Attempt.objects.bulk_update(changed, ["number"], batch_size=2000)


def number_per_trainee(apps, schema_editor):
    _renumber(apps, ("quiz_id", "user_id"))


def number_per_enrolment(apps, schema_editor):
    _renumber(apps, ("quiz_id", "enrolment_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="attempt",
            name="assessments_attempt_number_unique",
        ),
        migrations.RunPython(number_per_trainee, number_per_enrolment),
    ]
