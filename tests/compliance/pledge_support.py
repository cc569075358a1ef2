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
