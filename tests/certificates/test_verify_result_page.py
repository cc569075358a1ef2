"""The verification result looks authoritative and tells strangers no more than they need."""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image

from certificates import services
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def cert():
    return f.certificate(holder_name_ko="김하늘", holder_name_en="Haneul Kim")


def _logo(title="교육원 로고"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 40), "#1F3A68").save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="logo.png"))


def test_a_valid_certificate_has_a_large_status_badge_masked_name_and_time_of_check(client, cert):
    text = client.get(f"/verify/{cert.code}/").content.decode()

    assert 'class="status-badge status-badge--ok" data-status="valid">유효<' in text
    assert "김*늘" in text and "H***** K**" in text
    assert "김하늘" not in text and "Haneul" not in text
    assert "확인 일시" in text and timezone.localtime().strftime("%Y.%m.%d") in text and "(KST)" in text
    assert "국방드론교육원" in text


def test_typing_the_holders_name_shows_it_whole(client, cert):
    for typed in ("김 하늘", "haneul  KIM"):
        text = client.get(f"/verify/{cert.code}/", {"name": typed}).content.decode()
        assert "김하늘" in text and "Haneul Kim" in text and "이름 일치" in text

    text = client.get(f"/verify/{cert.code}/", {"name": "김하나"}).content.decode()
    assert "김하늘" not in text and "김*늘" in text and "이름 불일치" in text


def test_the_verify_form_takes_the_name_along_to_the_result(client, cert):
    response = client.get("/verify/", {"code": cert.code.lower(), "name": "Haneul Kim"})

    assert response.status_code == 302
    assert "김하늘" in client.get(response["Location"]).content.decode()


def test_a_revoked_certificate_shows_the_category_never_the_free_text_nor_an_expiry(client, cert):
    manager = f.manager_of(cert.enrolment.run.course.institute)
    cert.expires_on = timezone.localdate() + datetime.timedelta(days=300)
    cert.save()
    services.certificate_revoke(
        certificate=cert, actor=manager, reason="내부 메모: 시험 대리 응시", category="misconduct"
    )

    text = client.get(f"/verify/{cert.code}/").content.decode()

    assert 'status-badge--danger" data-status="revoked">취소됨<' in text
    assert "부정행위" in text and "내부 메모" not in text
    assert "만료일" not in text and cert.expires_on.strftime("%Y.%m.%d") not in text


def test_an_expired_certificate_says_so(client, cert):
    cert.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    cert.save()

    text = client.get(f"/verify/{cert.code}/").content.decode()

    assert 'status-badge--warn" data-status="expired">만료됨<' in text


def test_the_issuing_institute_is_shown_with_its_logo(client, cert):
    institute = cert.enrolment.run.course.institute
    institute.logo = _logo()
    institute.save()

    text = client.get(f"/verify/{cert.code}/").content.decode()

    assert 'class="verify-result__logo"' in text and "logo" in text


def test_the_page_works_without_a_logo(client, cert):
    text = client.get(f"/verify/{cert.code}/").content.decode()

    assert "verify-result__logo" not in text


def test_english_readers_get_english_labels_and_dates(client, cert):
    text = client.get(f"/verify/{cert.code}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Checked at" in text and "KST" in text


def test_the_api_masks_names_unless_given_and_never_leaks_the_free_text(client, cert):
    manager = f.manager_of(cert.enrolment.run.course.institute)
    cert.expires_on = timezone.localdate() + datetime.timedelta(days=300)
    cert.save()
    services.certificate_revoke(certificate=cert, actor=manager, reason="내부 메모", category="holder_request")

    body = client.get(f"/api/v1/certificates/{cert.code}").json()
    named = client.get(f"/api/v1/certificates/{cert.code}", {"name": "Haneul Kim"}).json()
    batch = client.post(
        "/api/v1/certificates/verify",
        {"codes": [cert.code, cert.code], "names": ["김하늘", "누구"]},
        content_type="application/json",
    ).json()["results"]

    assert (body["holder_name_ko"], body["holder_name_en"], body["name_matches"]) == ("김*늘", "H***** K**", None)
    assert (named["holder_name_ko"], named["name_matches"]) == ("김하늘", True)
    assert [r["name_matches"] for r in batch] == [True, False] and batch[1]["holder_name_ko"] == "김*늘"
    assert body["revocation_category"] == "holder_request" and body["expires_on"] is None
    assert "내부 메모" not in str(body) + str(named) + str(batch) and "revocation_reason" not in body


def test_the_api_refuses_names_that_do_not_line_up_with_codes(client, cert):
    response = client.post(
        "/api/v1/certificates/verify", {"codes": [cert.code], "names": ["a", "b"]}, content_type="application/json"
    )

    assert response.status_code == 422
