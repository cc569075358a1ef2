"""``manage.py load_demo_data``: the demo site, idempotent (a second run changes nothing)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home import (
    demo_community,
    demo_emon,
    demo_evidence,
    demo_hr_overview,
    demo_identity,
    demo_instructor,
    demo_notifications,
    demo_pii,
    demo_pledge,
    demo_privacy,
    demo_proxy,
    demo_restricted_labels,
    demo_security,
    demo_vetting,
    demo_video,
)
from home.demo import assessments, catalog, funded, learning, organisation, people, site
from home.demo import certificates as demo_certificates


class Command(BaseCommand):
    help = "Create the demo site: home page, demo organisation and one account per role. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with the production settings (creates accounts with a known password).",
        )

    def handle(self, *args, **options):
        if settings.ACADEMY_ENVIRONMENT == "production" and not options["allow_production"]:
            raise CommandError(
                "Refusing to load demo data with the production settings: it creates accounts with a "
                "published password. Pass --allow-production if you really mean it."
            )
        with transaction.atomic():
            home = site.load_site()
            users = people.load_people()
            courses = catalog.load_catalog(home, instructor=users["instructor"], manager=users["manager"])
            quizzes = assessments.load_assessments(courses)
            demo_certificates.load_certificate_templates(courses)
            learning.load_learning(users["trainee"], courses, quizzes)
            organisation.load_organisation(courses, quizzes, users["manager"])
            demo_certificates.load_certificates(users["trainee"], courses, quizzes)
            demo_pii.load_pii_demo()  # the funded trainees' personal-data step, before their enrolments (§5.1)
            funded_run = funded.load_funded()
            demo_identity.load_identity_demo()  # identity checks passed and failed (DOMAIN-KR §1.7)
            demo_proxy.load_proxy_flag(funded_run)
            demo_emon.load_emon()  # the funded run's 공단 reports in every state
            demo_evidence.ensure_demo_evidence_pack()  # a stored inspection evidence pack (DOMAIN-KR §1.9)
            demo_restricted_labels.load_restricted_labels()  # a restricted course and PDF (DOMAIN-KR §3.3)
            demo_security.load_security_training()  # 보안교육: policy, completions, one overdue, one pending
            demo_vetting.load_vetting()  # vetted organisation, a refused foreign trainee (DOMAIN-KR §3.3)
            demo_pledge.load_pledge_demo()  # 기술보호 서약서 signed, an access-log export (DOMAIN-KR §3.3)
            demo_community.load_community_demo()  # 공지사항 and 질의응답: notices, questions, an answer
            demo_privacy.load_privacy_demo()  # access-log rows and a signed-off month (DOMAIN-KR §5.3)
            demo_hr_overview.load_hr_overview()  # members idle and studying, for /hr/overview/ (issue 19)
            demo_notifications.load_notifications_demo()  # the demo trainee's bell: a few unread notifications
            demo_instructor.load_instructor_cohort()  # a cohort for the instructor's run dashboard
            demo_video.load_demo_videos()  # two video lessons with captions, made by ffmpeg now (issue 20)
        self.stdout.write(self.style.SUCCESS("Demo data is in place. Demo logins (password: DEMO_PASSWORD):"))
        for person in people.PEOPLE:
            self.stdout.write(f"  {person.key:<11} {person.email}")
        for person in funded.funded_trainees():
            self.stdout.write(f"  {person['stage']:<11} {person['email']} (funded run)")
