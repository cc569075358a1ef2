"""진위확인 without an account: by code, by PDF, by the thousand; rate-limited and logged."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from certificates.models import SupersededPdf, VerificationLog
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def cert():
    trainee = f.UserFactory(name_ko="김하늘", name_en="Haneul Kim")
    enrolment = f.enrolment(
        f.course_run(f.course_page(f.institute_page(), "군용드론 정비 실무")), user=trainee, status="completed"
    )
    return f.certificate(enrolment, expires_on=timezone.localdate() + datetime.timedelta(days=365))


def test_result_page_shows_status_and_facts(client, cert):
    response = client.get(f"/verify/{cert.code}/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "유효한 수료증입니다" in text or "유효" in text
    for fact in ("김*늘", "H***** K**", "군용드론 정비 실무", "국방드론교육원", cert.code):
        assert fact in text


def test_codes_are_read_tolerantly(client, cert):
    typed = cert.code.lower().replace("-", " ").replace("0", "o").replace("1", "l")

    response = client.get("/verify/", {"code": typed}, follow=True)

    assert response.redirect_chain[-1][0] == f"/verify/{cert.code}/"
    assert "김*늘" in response.content.decode()


@pytest.mark.parametrize("bad", ["ABCDE-FGHJK-MNPQR-STVW7", "nonsense", "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ", "'; DROP TABLE--"])
def test_not_found_and_malformed_get_the_same_answer(client, cert, bad):
    response = client.get(f"/verify/{bad}/")
    reference = client.get("/verify/00000-00000-00000-00000/")

    assert response.status_code == reference.status_code == 404
    assert "일치하는 수료증이 없습니다" in response.content.decode()
    assert "김하늘" not in response.content.decode()


def test_expired_revoked_and_pending_are_shown_as_such(client, cert):
    f.certificate(code=None)  # another certificate, to make sure the right one is shown
    cert.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    cert.save()
    assert "만료" in client.get(f"/verify/{cert.code}/").content.decode()

    cert.state, cert.revoked_at, cert.revocation_reason = "revoked", timezone.now(), "부정 수료 확인"
    cert.save()
    text = client.get(f"/verify/{cert.code}/").content.decode()
    assert "취소됨" in text and "부정 수료 확인" not in text  # the manager's own words stay internal

    pending = f.certificate(state="pending")
    assert "발급 중" in client.get(f"/verify/{pending.code}/").content.decode()


def test_each_verification_is_logged_without_the_address(client, cert, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"/verify/{cert.code}/", REMOTE_ADDR="203.0.113.7")
        client.get("/verify/00000-00000-00000-00000/", REMOTE_ADDR="203.0.113.7")

    logs = list(VerificationLog.objects.order_by("pk"))
    assert [(list(log.certificates.all()), log.found, log.unknown, log.channel) for log in logs] == [
        ([cert], 1, 0, "page"),
        ([], 0, 1, "page"),
    ]
    assert "203.0.113.7" not in logs[0].client_hash and len(logs[0].client_hash) == 32


def test_trainee_sees_how_often_each_certificate_was_checked(client, cert, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            client.get(f"/verify/{cert.code}/")
    client.force_login(cert.enrolment.user)

    text = client.get("/learn/").content.decode()

    assert "3회 확인" in text


def test_requests_are_rate_limited_per_client(client, cert, settings):
    settings.ACADEMY_VERIFY_RATE_PER_MINUTE = 5
    statuses = [client.get(f"/verify/{cert.code}/", REMOTE_ADDR="198.51.100.1").status_code for _ in range(7)]
    other = client.get(f"/verify/{cert.code}/", REMOTE_ADDR="198.51.100.2")

    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429, 429]
    limited = client.get(f"/verify/{cert.code}/", REMOTE_ADDR="198.51.100.1")
    assert limited["Retry-After"] == "60"
    assert "요청이 너무 많습니다" in limited.content.decode()
    assert other.status_code == 200


def pdf_upload(content: bytes, name="certificate.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_pdf_check_genuine_superseded_and_unknown(client):
    import hashlib

    current = b"%PDF-1.7 current certificate"
    old = b"%PDF-1.7 before the name was corrected"
    cert = f.certificate(sha256=hashlib.sha256(current).hexdigest())
    SupersededPdf.objects.create(certificate=cert, sha256=hashlib.sha256(old).hexdigest(), revision=1)

    genuine = client.post("/verify/pdf/", {"file": pdf_upload(current)}).content.decode()
    superseded = client.post("/verify/pdf/", {"file": pdf_upload(old)}).content.decode()
    unknown = client.post("/verify/pdf/", {"file": pdf_upload(current + b" altered")}).content.decode()

    assert "발급한 PDF" in genuine and cert.code in genuine
    assert "재발급" in superseded and cert.code in superseded
    assert "발급하지 않았거나" in unknown and cert.code not in unknown


def test_pdf_check_refuses_other_files_and_big_ones(client, settings, monkeypatch):
    from certificates import verification

    response = client.post("/verify/pdf/", {"file": pdf_upload(b"GIF89a not a pdf", "x.pdf")})
    assert "PDF 파일이 아닙니다" in response.content.decode()
    monkeypatch.setattr(verification, "MAX_PDF_BYTES", 10)
    response = client.post("/verify/pdf/", {"file": pdf_upload(b"%PDF-" + b"x" * 100)})
    assert "10MB" in response.content.decode()


def test_bulk_verification_flags_names_and_reports_bad_rows(client):
    good = f.certificate(holder_name_ko="김하늘", holder_name_en="Haneul Kim")
    other = f.certificate(holder_name_ko="이바다", holder_name_en="Bada Lee")
    csv_text = f"code,name\n{good.code},Haneul  Kim\n{other.code},김하늘\nnot-a-code,박누구\n00000-00000-00000-00000,\n"

    response = client.post("/verify/bulk/", {"file": SimpleUploadedFile("codes.csv", csv_text.encode())})

    rows = response.context["rows"]
    assert [r.row for r in rows] == [2, 3, 5]
    assert rows[0].name_matches is True
    assert rows[1].name_matches is False
    assert rows[2].verification.found is False
    text = response.content.decode()
    assert "4번째 행" in text and "이름 불일치" in text
    download = client.get(f"/verify/bulk/{response.context['token']}.csv")
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert good.code in download.content.decode()


def test_bulk_verification_handles_ten_thousand_rows(client):
    codes = [f.certificate().code for _ in range(3)]
    lines = [codes[i % 3] for i in range(10_000)]

    response = client.post("/verify/bulk/", {"file": SimpleUploadedFile("codes.csv", "\n".join(lines).encode())})

    assert response.context["summary"]["total"] == 10_000
    assert response.context["summary"]["valid"] == 10_000
    too_many = client.post(
        "/verify/bulk/", {"file": SimpleUploadedFile("codes.csv", "\n".join(lines + lines[:5]).encode())}
    )
    assert "최대 10000개" in too_many.content.decode() or "10,000" in too_many.content.decode()
