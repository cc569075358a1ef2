"""Move the history of banks, questions and practical assessments logged before
``courses.InstituteLogEntry`` existed out of Wagtail's ``ModelLogEntry``.

Wagtail shows a ``ModelLogEntry`` to anyone holding a model permission on its model, and every
institute's staff hold the assessments model permissions, so those older entries (labelled with
question texts) were read by every institute in the site-history report. Each entry moves to
``InstituteLogEntry`` stamped with the institute that owns the object (none when the object is
gone: then only administrators read it).
"""

from django.db import migrations

STEP = 4  # the length of one level of a Wagtail tree path


def _owners(apps):
    InstitutePage = apps.get_model("courses", "InstitutePage")
    institutes = dict(InstitutePage.objects.values_list("path", "pk"))
    QuestionBank = apps.get_model("assessments", "QuestionBank")
    Question = apps.get_model("assessments", "Question")
    PracticalAssessment = apps.get_model("assessments", "PracticalAssessment")
    return {
        "questionbank": lambda ids: dict(QuestionBank.objects.filter(pk__in=ids).values_list("pk", "institute_id")),
        "question": lambda ids: dict(Question.objects.filter(pk__in=ids).values_list("pk", "bank__institute_id")),
        "practicalassessment": lambda ids: {
            pk: institutes.get(path[:-STEP])
            for pk, path in PracticalAssessment.objects.filter(pk__in=ids).values_list("pk", "course__path")
        },
    }


FIELDS = ("content_type_id", "object_id", "label", "action", "data", "timestamp", "uuid")
FIELDS += ("user_id", "revision_id", "content_changed", "deleted")


def _move(apps, source, target, owners):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model_name, owner_of in owners.items():
        content_type = ContentType.objects.filter(app_label="assessments", model=model_name).first()
        if content_type is None:
            continue
        entries = list(source.objects.filter(content_type=content_type))
        owner = owner_of({int(e.object_id) for e in entries if e.object_id.isdigit()}) if owner_of else {}
        rows = []
        for entry in entries:
            values = {name: getattr(entry, name) for name in FIELDS}
            if hasattr(target, "institute"):
                values["institute_id"] = owner.get(int(entry.object_id)) if entry.object_id.isdigit() else None
            rows.append(target(**values))
        target.objects.bulk_create(rows, batch_size=1000)
        source.objects.filter(pk__in=[e.pk for e in entries]).delete()


def forwards(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    InstituteLogEntry = apps.get_model("courses", "InstituteLogEntry")
    _move(apps, ModelLogEntry, InstituteLogEntry, _owners(apps))


def backwards(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    InstituteLogEntry = apps.get_model("courses", "InstituteLogEntry")
    _move(apps, InstituteLogEntry, ModelLogEntry, {name: None for name in _owners(apps)})


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0003_attempt_number_per_trainee_constraint"),
        ("courses", "0003_institute_log_entry"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
