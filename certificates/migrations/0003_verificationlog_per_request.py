# One verification log row per request, with counts, instead of one row per code asked.

from django.db import migrations, models


def carry_over(apps, schema_editor):
    """Each old row (one code) becomes a request of one code: found or unknown, and its certificate."""
    VerificationLog = apps.get_model("certificates", "VerificationLog")
    Through = VerificationLog.certificates.through
    VerificationLog.objects.filter(certificate__isnull=False).update(found=1, unknown=0)
    VerificationLog.objects.filter(certificate__isnull=True).update(found=0, unknown=1)
    batch = []
    rows = VerificationLog.objects.filter(certificate__isnull=False).values_list("pk", "certificate_id")
    for log_id, certificate_id in rows.iterator(chunk_size=5000):
        batch.append(Through(verificationlog_id=log_id, certificate_id=certificate_id))
        if len(batch) >= 5000:
            Through.objects.bulk_create(batch)
            batch = []
    Through.objects.bulk_create(batch)


class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0002_verificationlog'),
    ]

    operations = [
        migrations.AddField(
            model_name='verificationlog',
            name='found',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='verificationlog',
            name='unknown',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='verificationlog',
            name='certificates',
            field=models.ManyToManyField(blank=True, related_name='verification_logs', to='certificates.certificate'),
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
    ]
