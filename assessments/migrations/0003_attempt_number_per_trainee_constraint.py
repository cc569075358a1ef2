from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_attempt_numbers_per_trainee"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="attempt",
            constraint=models.UniqueConstraint(
                fields=("quiz", "user", "number"), name="assessments_attempt_number_per_trainee"
            ),
        ),
        migrations.AlterField(
            model_name="quizpage",
            name="review_policy",
            field=models.CharField(
                choices=[
                    ("score", "Score only"),
                    ("after_close", "Score at once; answers and feedback after the quiz closes"),
                    ("after_submit", "Score at once; answers and feedback once the trainee has no attempt left"),
                ],
                default="after_close",
                help_text=(
                    "Correct answers and feedback are never shown while the trainee can still start another "
                    "attempt: only once they have used every attempt (in any run of the course) or the quiz has "
                    "closed. Raising the attempt limit or moving the closing date later gives further attempts to "
                    "trainees who may have seen the answers."
                ),
                max_length=20,
                verbose_name="Review",
            ),
        ),
    ]
