"""Demo: vetted access to the restricted course (DOMAIN-KR §3.3 F3.2, F3.4).

The demo organisation is vetted (an evidence file generated into private storage, valid until the
end of next year); the demo trainee has declared Korean nationality with the notice; a foreign
trainee (foreign-trainee@example.com, the demo password), a member of the same organisation, has
declared US nationality and holds no export approval, so the restricted course refuses them. The
restricted course itself is another part's demo ("제한 과정: 드론 비행제어 SW 보안 개요"): without
it nothing is created. Idempotent: every step looks before it writes.
"""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts import services as account_services
from accounts.models import Consent, Membership, Organisation, User, VettingStatus
from courses.models import CoursePage

from .demo.people import ORGANISATION, PEOPLE, DemoPerson, ensure_member, ensure_user

RESTRICTED_TITLE = "제한 과정: 드론 비행제어 SW 보안 개요"
FOREIGN = DemoPerson(key="foreign", email="foreign-trainee@example.com", name_ko="존 스미스", name_en="John Smith")


def _declare(user: User, code: str) -> None:
    if user.nationality != code or not Consent.objects.filter(user=user, kind=Consent.Kind.RESTRICTED_NOTICE).exists():
        account_services.nationality_record(user=user, nationality=code, notice_agreed=True)


def _enrol(trainee: User) -> None:
    """An active enrolment of the demo trainee in the restricted course's first run, added by its
    institute's manager as staff would (the eligibility conditions are asked and logged)."""
    from courses import services as course_services
    from courses.models import CourseRun, Enrolment

    course = CoursePage.objects.get(title=RESTRICTED_TITLE)
    run = CourseRun.objects.filter(course=course).order_by("starts_on", "pk").first()
    if run is None or Enrolment.objects.filter(run=run, user=trainee).exists():
        return
    group = course.institute.managers_group
    manager = group.user_set.filter(is_active=True).order_by("pk").first() if group else None
    course_services.enrolment_add(run=run, user=trainee, actor=manager)


def load_vetting() -> None:
    if not CoursePage.objects.filter(title=RESTRICTED_TITLE).exists():
        return
    organisation = Organisation.objects.filter(name_ko=ORGANISATION["name_ko"]).first()
    if organisation is None:
        return
    if organisation.vetting_status != VettingStatus.APPROVED or not organisation.vetting_evidence:
        organisation.vetting_status = VettingStatus.APPROVED
        organisation.vetting_expires_on = datetime.date(timezone.localdate().year + 1, 12, 31)
        text = (
            f"{organisation.name_ko} 제한 과정 수강 적격 심사 결과: 승인\n"
            f"심사일: {timezone.localdate():%Y-%m-%d}\n유효기간: {organisation.vetting_expires_on:%Y-%m-%d}\n"
        )
        organisation.vetting_evidence.save("demo-vetting.txt", ContentFile(text.encode()), save=False)
        organisation.save()
    by_key = {person.key: person for person in PEOPLE}
    trainee = User.objects.filter(email=by_key["trainee"].email).first() if "trainee" in by_key else None
    if trainee is not None:
        _declare(trainee, "KR")
        _enrol(trainee)  # the demo trainee studies the restricted course (after a step-up check)
    hr = Membership.objects.hr().filter(organisation=organisation).select_related("user").first()
    foreigner = ensure_user(FOREIGN)
    if hr is not None:
        ensure_member(organisation, foreigner, role=Membership.Role.EMPLOYEE, invited_by=hr.user)
    _declare(foreigner, "US")
