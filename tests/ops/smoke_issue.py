"""Run by ``bin/smoke`` inside the runtime-only virtualenv (``manage.py shell``; no test tools there).

Creates an institute, a course, a run and a trainee through the services, completes the enrolment
and waits until the Celery worker (a separate process) has issued the certificate. Prints one line
``issued <code> <sha256> <pdf name>``; exits 1 after 120 s without it.
"""

import datetime
import hashlib
import sys
import time
import uuid

from allauth.account.models import EmailAddress
from django.core.files.storage import default_storage
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from courses import services as course_services
from courses.institutes import institute_setup
from courses.models import CourseIndexPage, CoursePage, CourseRun, Enrolment, InstitutePage
from home.models import HomePage

tag = uuid.uuid4().hex[:8]
catalog = CourseIndexPage.objects.first() or HomePage.objects.get().add_child(
    instance=CourseIndexPage(title="교육과정 안내", title_en="Course catalog", slug="courses")
)
institute = institute_setup(
    institute=catalog.add_child(
        instance=InstitutePage(title=f"스모크연구원 {tag}", title_en=f"Smoke Institute {tag}", slug=f"smoke-{tag}")
    )
)
course = institute.add_child(
    instance=CoursePage(
        title="드론 기초",
        title_en="Drone basics",
        slug=f"smoke-course-{tag}",
        summary="스모크 테스트 과정",
        summary_en="Smoke-test course",
        category="piloting",
        level="beginner",
        study_hours=8,
        delivery_mode="online",
        enrolment_policy="open",
        min_progress_percent=0,
    )
)
today = timezone.localdate()
run = CourseRun.objects.create(
    course=course,
    title="2026년 1차",
    starts_on=today - datetime.timedelta(days=1),
    ends_on=today + datetime.timedelta(days=30),
)
user = User.objects.create_user(
    email=f"smoke-{tag}@example.com", password=uuid.uuid4().hex, name_ko="김스모", name_en="Smoke Kim"
)
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
enrolment = Enrolment.objects.create(run=run, user=user, status=Enrolment.Status.ACTIVE)
assert course_services.enrolment_evaluate_completion(enrolment=enrolment)

deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    certificate = Certificate.objects.get(enrolment=enrolment)
    if certificate.state == Certificate.State.ISSUED:
        with default_storage.open(certificate.pdf.name, "rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == certificate.sha256
        print("issued", certificate.code, certificate.sha256, certificate.pdf.name)
        sys.exit(0)
    time.sleep(0.5)
print("not issued within 120 s", file=sys.stderr)
sys.exit(1)
