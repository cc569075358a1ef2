"""Move the history of certificate templates and certificates logged before
``courses.InstituteLogEntry`` existed out of Wagtail's ``ModelLogEntry``, as
``assessments/migrations/0004_move_history_to_institute_log.py`` does for the assessments: each
entry goes to ``InstituteLogEntry`` stamped with the institute that owns the object, so the
site-history report shows it to that institute alone (to administrators only when the object is
gone).
"""

from django.db import migrations

STEP = 4  # the length of one level of a Wagtail tree path


def _owners(apps):
    InstitutePage = apps.get_model("courses", "InstitutePage")
    institutes = dict(InstitutePage.objects.values_list("path", "pk"))
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    Certificate = apps.get_model("certificates", "Certificate")
    return {
        "certificatetemplate": lambda ids: dict(
            CertificateTemplate.objects.filter(pk__in=ids).values_list("pk", "institute_id")
        ),
        "certificate": lambda ids: {
            pk: institutes.get(path[:-STEP])
            for pk, path in Certificate.objects.filter(pk__in=ids).values_list("pk", "enrolment__run__course__path")
        },
    }


FIELDS = ("content_type_id", "object_id", "label", "action", "data", "timestamp", "uuid")
FIELDS += ("user_id", "revision_id", "content_changed", "deleted")


def _move(apps, source, target, owners):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model_name, owner_of in owners.items():
        content_type = ContentType.objects.filter(app_label="certificates", model=model_name).first()
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
        ("certificates", "0004_verificationlog_drop_certificate"),
        ("courses", "0003_institute_log_entry"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
