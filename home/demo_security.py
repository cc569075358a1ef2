"""Security training in the demo (보안교육, DOMAIN-KR §3.3 F3.6; ``data/security_training.json``).

``load_security_training`` (one line in ``load_demo_data``) flags the catalog's 방산기술보호 보안교육 course
as security training (a new published revision, so the editor sees the flag), gives the demo
organisation its policy
(employees every 12 months, HR every 24) and external completions submitted through the service with
a small PDF certificate: the demo trainee's DAPA session three months ago (approved by the demo HR,
so "up to date"), 이수료's from fourteen months ago (approved, so "overdue") and 정학습's from last
month, still waiting for the HR's approval on /hr/security-training/external/. The other members
never trained ("never"). Idempotent: a submission of the same member and title is not made twice.
"""

from __future__ import annotations

from dateutil.relativedelta import relativedelta
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Membership, Organisation, User
from common.pdf import html_to_pdf
from compliance import security_training as sec
from compliance.models import ExternalSecurityTraining
from courses.models import CoursePage

from .demo import content
from .demo.people import ORGANISATION, PEOPLE

_CERTIFICATE_HTML = """<html lang="ko"><body style="font-family: sans-serif">
<h1>수료증 / Certificate of completion</h1><p>{title}</p><p>{name} · {date}</p>
<p>(데모용 견본 / demo sample)</p></body></html>"""


def load_security_training() -> None:
    data = content.read("security_training")
    for slug in data["security_training_courses"]:
        course = CoursePage.objects.filter(slug=slug).first()
        if course is not None and not course.is_security_training:
            revision = course.get_latest_revision_as_object()
            revision.is_security_training = True
            revision.save_revision().publish()
    organisation = Organisation.objects.get(name_ko=ORGANISATION["name_ko"])
    hr = User.objects.get(email=next(person.email for person in PEOPLE if person.key == "hr"))
    for role, months in data["policies"].items():
        sec.security_training_policy_set(organisation=organisation, role=role, every_months=months, actor=hr)
    today = timezone.localdate()
    for item in data["external"]:
        user = User.objects.filter(email=item["email"]).first()
        if user is None or not Membership.objects.filter(organisation=organisation, user=user).exists():
            continue
        if ExternalSecurityTraining.objects.filter(user=user, organisation=organisation, title=item["title"]).exists():
            continue
        completed_on = today - relativedelta(months=item["months_ago"])
        pdf = html_to_pdf(
            _CERTIFICATE_HTML.format(title=item["title"], name=user.name_ko, date=completed_on.strftime("%Y.%m.%d"))
        )
        training = sec.external_training_submit(
            user=user,
            organisation=organisation,
            title=item["title"],
            provider=item["provider"],
            completed_on=completed_on,
            upload=SimpleUploadedFile("certificate.pdf", pdf, content_type="application/pdf"),
        )
        if item["decision"] in ("approved", "rejected"):
            sec.external_training_decide(
                training_id=training.pk,
                organisation=organisation,
                actor=hr,
                approve=item["decision"] == "approved",
                note=item["note"],
            )
