"""The enrolment keeps the sum of its lessons' credited study seconds (the cluster report reads it)."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce


def fill(apps, schema_editor):
    Enrolment = apps.get_model("courses", "Enrolment")
    LessonProgress = apps.get_model("courses", "LessonProgress")
    if schema_editor.connection.vendor == "postgresql":
        enrolments = Enrolment._meta.db_table
        progress = LessonProgress._meta.db_table
        schema_editor.execute(
            f"UPDATE {enrolments} AS e SET seconds_studied = p.total "
            f"FROM (SELECT enrolment_id, SUM(seconds_studied) AS total FROM {progress} GROUP BY enrolment_id) AS p "
            "WHERE p.enrolment_id = e.id AND p.total > 0"
        )
        return
    total = (
        LessonProgress.objects.filter(enrolment_id=OuterRef("pk"))
        .order_by()
        .values("enrolment_id")
        .annotate(total=Sum("seconds_studied"))
        .values("total")
    )
    Enrolment.objects.update(seconds_studied=Coalesce(Subquery(total), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0013_video_info_positions_and_default_minutes"),
    ]

    operations = [
        migrations.AddField(
            model_name="enrolment",
            name="seconds_studied",
            field=models.PositiveBigIntegerField(default=0, verbose_name="Seconds studied"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
