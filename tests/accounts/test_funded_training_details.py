"""What the 수료자 명단 of funded runs needs from people and employers: the trainee's date of birth
(on their profile, checked) and the organisation's 고용보험 사업장관리번호 (비용수급사업장번호, checked
and written 000-00-00000-0)."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Organisation
from tests.factories import AdminUserFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

ORGANISATIONS = "/cms/snippets/accounts/organisation/"


def organisation_fields(**overrides):
    data = {
        "name_ko": "(주)대전드론",
        "name_en": "Daejeon Drone Inc.",
        "business_number": "123-45-67890",
        "vetting_status": "not_vetted",  # the form's select always posts its value (restricted-course vetting)
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(("typed", "stored"), [("314-81-12345-1", "314-81-12345-1"), ("31481123451", "314-81-12345-1")])
def test_the_workplace_number_is_stored_in_its_usual_form(client, typed, stored):
    client.force_login(AdminUserFactory())

    response = client.post(f"{ORGANISATIONS}add/", organisation_fields(workplace_number=typed))

    assert response.status_code == 302
    assert Organisation.objects.get().workplace_number == stored


@pytest.mark.parametrize("typed", ["314-81-12345", "3148112345-12", "ABC-81-12345-1", "３１４８１１２３４５１"])
def test_a_malformed_workplace_number_is_a_field_error_and_nothing_is_saved(client, typed):
    client.force_login(AdminUserFactory())
    organisation = OrganisationFactory(name_ko="(주)대전드론")

    response = client.post(f"{ORGANISATIONS}edit/{organisation.pk}/", organisation_fields(workplace_number=typed))

    assert response.status_code == 200
    assert "11자리" in response.content.decode()  # 000-00-00000-0
    organisation.refresh_from_db()
    assert organisation.workplace_number == ""


def test_a_trainee_records_their_date_of_birth_on_the_profile(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/accounts/profile/", {"action": "birth_date", "birth-birth_date": "1990-05-17"}, follow=True
    )

    assert response.status_code == 200
    assert "생년월일을 저장했습니다" in response.content.decode()
    user.refresh_from_db()
    assert user.birth_date == datetime.date(1990, 5, 17)
    assert "1990.05.17" in response.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "1990-13-01",
        "17/05/1990",
        "",
        "1899-12-31",
        lambda: f"{timezone.localdate() + datetime.timedelta(days=1):%Y-%m-%d}",
        lambda: f"{timezone.localdate().replace(year=timezone.localdate().year - 10):%Y-%m-%d}",
    ],
)
def test_an_impossible_date_of_birth_is_refused_with_a_clear_message(client, typed):
    user = UserFactory(birth_date=datetime.date(1985, 1, 2))
    client.force_login(user)
    typed = typed() if callable(typed) else typed

    response = client.post("/accounts/profile/", {"action": "birth_date", "birth-birth_date": typed})

    assert response.status_code == 400
    body = response.content.decode()
    assert "생년월일" in body and ("15세" in body or "올바른 날짜" in body or "필수" in body)
    user.refresh_from_db()
    assert user.birth_date == datetime.date(1985, 1, 2)
    assert "1985.01.02" in body  # the page still shows the date in force, not the refused one
