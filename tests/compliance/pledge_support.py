"""Helpers of the pledge tests: a passed step-up check without the identity page, and a restricted course."""

from django.utils import timezone

from compliance.models import IdentityCheck, IdentityMoment, IdentityResult
from courses.models import Sensitivity
from tests import factories as f


def stepped_up(user, *, at=None) -> IdentityCheck:
    return IdentityCheck.objects.create(
        user=user,
        moment=IdentityMoment.STEP_UP,
        route="phone",
        backend="fake",
        result=IdentityResult.OK,
        at=at or timezone.now(),
    )


def restricted_course(institute=None):
    institute = institute or f.institute_page("보호연구원")
    return institute, f.course_page(institute, "제한 과정", sensitivity=Sensitivity.RESTRICTED)


def signed_pledge(user, institute, *, at=None):
    """``user`` signed the current 기술보호 서약서 of ``institute`` (the "pledge" condition holds)."""
    from compliance import pledges

    text = pledges.current_text(institute_id=institute.pk)
    return pledges.pledge_sign(
        user=user,
        text=text,
        typed_name=user.name_ko or user.name_en,
        agreed=True,
        identity_check=stepped_up(user, at=at),
        now=at,
    )
