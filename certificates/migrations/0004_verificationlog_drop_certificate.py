# The per-code column, now that its rows are carried over to counts and certificates (0003).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0003_verificationlog_per_request'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='verificationlog',
            name='certificate_certifi_ed23ef_idx',
        ),
        migrations.RemoveField(
            model_name='verificationlog',
            name='certificate',
        ),
    ]
