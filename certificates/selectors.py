"""Reads of the certificate domain: what a PDF shows, who sees which certificate."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from courses.models import CoursePage, InstitutePage
from courses.permissions import policy_for

from . import codes
from .links import verification_url
from .models import (
    DEFAULT_BODY_EN,
    DEFAULT_BODY_KO,
    DEFAULT_TITLE_EN,
    DEFAULT_TITLE_KO,
    Certificate,
    CertificateTemplate,
)
from .pdf import CertificateDocument, Signatory
from .status import Status, certificate_status

# --------------------------------------------------------------------------------------------
# Templates and what the PDF shows
# --------------------------------------------------------------------------------------------


def template_for_course(course: CoursePage) -> CertificateTemplate | None:
    """The course's template, else the institute's first one; ``None``: the built-in layout."""
    if course.certificate_template_id:
        return CertificateTemplate.objects.filter(pk=course.certificate_template_id).first()
    return CertificateTemplate.objects.filter(institute=course.institute).order_by("pk").first()


def _design(template: CertificateTemplate | None, institute: InstitutePage | None) -> dict:
    if template is None:
        logo = institute.logo if institute is not None else None
        return {
            "title_ko": DEFAULT_TITLE_KO,
            "title_en": DEFAULT_TITLE_EN,
            "body_ko": DEFAULT_BODY_KO,
            "body_en": DEFAULT_BODY_EN,
            "logo": logo.file.name if logo else "",
        }
    logo = template.logo or (institute.logo if institute is not None else None)
    return {
        "title_ko": template.title_ko,
        "title_en": template.title_en,
        "body_ko": template.body_ko,
        "body_en": template.body_en,
        "primary_colour": template.primary_colour,
        "accent_colour": template.accent_colour,
        "logo": logo.file.name if logo else "",
        "seal": template.seal.file.name if template.seal else "",
        "signatories": tuple(
            Signatory(
                name_ko=s.name_ko,
                name_en=s.name_en,
                title_ko=s.title_ko,
                title_en=s.title_en,
                signature=s.signature.file.name if s.signature else "",
            )
            for s in template.signatories.select_related("signature").order_by("sort_order", "pk")
        ),
    }


def certificate_document(certificate: Certificate, *, issued_on: datetime.date) -> CertificateDocument:
    """What the certificate's PDF shows: its snapshot, in its template's design."""
    template = (
        CertificateTemplate.objects.select_related("logo", "seal", "institute__logo")
        .filter(pk=certificate.template_id)
        .first()
    )
    institute = template.institute if template else _institute_of(certificate)
    return CertificateDocument(
        code=certificate.code,
        verify_url=verification_url(certificate.code),
        holder_name_ko=certificate.holder_name_ko,
        holder_name_en=certificate.holder_name_en,
        course_title_ko=certificate.course_title_ko,
        course_title_en=certificate.course_title_en,
        institute_name_ko=certificate.institute_name_ko,
        institute_name_en=certificate.institute_name_en,
        study_hours=certificate.study_hours,
        completed_on=certificate.completed_on,
        issued_on=issued_on,
        expires_on=certificate.expires_on,
        **_design(template, institute),
    )


def _institute_of(certificate: Certificate) -> InstitutePage | None:
    course = CoursePage.objects.filter(runs__enrolments__certificate=certificate).first()
    return course.institute if course else None


#: The code printed on previews: well-formed, and never issued (no random draw is all zeros).
SAMPLE_CODE = codes.format_code("0" * codes.RANDOM_SYMBOLS + codes.check_symbol("0" * codes.RANDOM_SYMBOLS))


def sample_document(template: CertificateTemplate, *, today: datetime.date | None = None) -> CertificateDocument:
    """A preview of a template with sample data, marked 견본 SAMPLE."""
    from .status import expiry_date

    today = today or timezone.localdate()
    institute = template.institute
    return CertificateDocument(
        code=SAMPLE_CODE,
        verify_url=verification_url(SAMPLE_CODE),
        holder_name_ko="홍길동",
        holder_name_en="Gildong Hong",
        course_title_ko="군용드론 운용 기초",
        course_title_en="Military Drone Operation Basics",
        institute_name_ko=institute.title,
        institute_name_en=institute.title_en,
        study_hours=16,
        completed_on=today,
        issued_on=today,
        expires_on=expiry_date(today, template.validity_months),
        sample=True,
        **_design(template, institute),
    )


# --------------------------------------------------------------------------------------------
# Who sees what
# --------------------------------------------------------------------------------------------


def institute_of_certificate(certificate: Certificate) -> InstitutePage:
    return certificate.enrolment.run.course.institute


def user_may_manage_certificate(*, user, certificate: Certificate) -> bool:
    """Only a manager of the certificate's institute (or an administrator) revokes or reissues it."""
    return policy_for(Certificate).user_has_permission_for_instance(user, "change", certificate)


def staff_certificates(user):
    """Certificates of the courses of the institutes the user works for (all for administrators)."""
    return (
        policy_for(Certificate)
        .instances_user_has_permission_for(user, "view")
        .select_related("enrolment__user", "enrolment__run__course")
    )


@dataclass
class LearnCertificate:
    certificate: Certificate
    status: Status
    verify_url: str
    course: CoursePage
    badge_available: bool


def learn_certificates(*, user, today: datetime.date | None = None) -> list[LearnCertificate]:
    """The trainee's certificates for 나의 강의실, newest first, in one query."""
    from .badges import badges_enabled

    today = today or timezone.localdate()
    badges = badges_enabled()
    return [
        LearnCertificate(
            certificate=certificate,
            status=certificate_status(certificate, today=today),
            verify_url=verification_url(certificate.code),
            course=certificate.enrolment.run.course,
            badge_available=badges,
        )
        for certificate in Certificate.objects.for_user(user).select_related("enrolment__run__course")
    ]
