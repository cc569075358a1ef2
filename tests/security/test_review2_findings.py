"""The second security review (issue 13): each test repeats one request that found a hole, as an
anonymous verifier, another organisation's HR, a trainee or institute B's staff would send it.

The holder's name is masked for anyone who has only the code (홍*동); these tests are about the
ways a stranger could still read it whole.
"""

from __future__ import annotations

import csv
import io
import json
import re

import jwt
import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db

#: Common Korean given-name syllables: a verifier who sees 김*늘 tries these for the middle one.
GUESSES = list("가나다라마바사아자차카타파하민서지수현우준영은하윤성재동진")


@pytest.fixture
def cert():
    return f.certificate(holder_name_ko="김하늘", holder_name_en="Haneul Kim")


def test_the_public_open_badge_does_not_unmask_the_holders_name(client, cert):
    """The verification page masks the name, and links to /verify/<code>/badge.jwt: the signed
    credential must not hand a stranger the whole name the page hides."""
    response = client.get(f"/verify/{cert.code}/badge.jwt")
    assert response.status_code == 200

    claims = jwt.decode(response.content.decode(), options={"verify_signature": False})
    text = json.dumps(claims, ensure_ascii=False)
    assert "Haneul" not in text and "김하늘" not in text
    assert claims["vc"]["credentialSubject"]["name"] == "H***** K**"


def test_the_holders_own_badge_keeps_the_whole_name(client, cert):
    client.force_login(cert.enrolment.user)
    response = client.get(f"/learn/certificates/{cert.public_id}/badge.jwt")
    claims = jwt.decode(response.content.decode(), options={"verify_signature": False})
    assert claims["vc"]["credentialSubject"]["name"] == "Haneul Kim"


def _holder(page: str) -> str:
    """The holder's name as the verification result shows it (the form may echo what was typed)."""
    return re.search(r'class="verify-result__holder">(.*?)<', page, re.S).group(1).strip()


def _bulk_file(code: str, names: list[str]) -> io.BytesIO:
    upload = io.BytesIO(("code,name\n" + "".join(f"{code},{name}\n" for name in names)).encode())
    upload.name = "guesses.csv"
    return upload


def test_bulk_verification_cannot_guess_a_masked_name_row_by_row(client, cert):
    """One CSV with the same code on 30 rows, each with another middle syllable, must not say which
    row's name matches (the result CSV would otherwise unmask 김*늘 in one upload)."""
    names = [f"김{syllable}늘" for syllable in GUESSES]
    response = client.post("/verify/bulk/", {"file": _bulk_file(cert.code, names)})
    assert response.status_code == 200
    assert [r.holder_name for r in response.context["shown"]] == ["김*늘"] * len(names)

    token = response.context["token"]
    result = list(csv.reader(io.StringIO(client.get(f"/verify/bulk/{token}.csv").content.decode("utf-8-sig"))))
    holders = {row[3] for row in result[1:]}
    assert holders == {"김*늘 (H***** K**)"}, holders
    assert not {row[5] for row in result[1:]} & {"예", "Yes"}


def test_the_api_names_list_cannot_guess_a_masked_name(client, cert, settings):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 100
    names = [f"김{syllable}늘" for syllable in GUESSES]
    response = client.post(
        "/api/v1/certificates/verify",
        {"codes": [cert.code] * len(names), "names": names},
        content_type="application/json",
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert not any(r["name_matches"] for r in results)
    assert all(r["holder_name_ko"] == "김*늘" for r in results)


def test_the_page_and_api_stop_comparing_names_after_a_few_wrong_guesses(client, cert, settings):
    settings.ACADEMY_VERIFY_RATE_PER_MINUTE = 100
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 100
    for syllable in GUESSES[:10]:
        client.get(f"/verify/{cert.code}/", {"name": f"김{syllable}늘"})
        client.get(f"/api/v1/certificates/{cert.code}", {"name": f"김{syllable}늘"})

    page = client.get(f"/verify/{cert.code}/", {"name": "김하늘"}).content.decode()
    api = client.get(f"/api/v1/certificates/{cert.code}", {"name": "김하늘"}).json()

    assert _holder(page) == "김*늘"
    assert "이름 확인 횟수를 넘었습니다" in page
    assert api["holder_name_ko"] == "김*늘" and api["name_matches"] is None


def test_a_verifier_who_types_the_right_name_at_once_still_sees_it(client, cert):
    page = client.get(f"/verify/{cert.code}/", {"name": "김하늘"}).content.decode()
    assert _holder(page) == "김하늘"
    api = client.get(f"/api/v1/certificates/{cert.code}", {"name": "Haneul Kim"}).json()
    assert api["holder_name_en"] == "Haneul Kim" and api["name_matches"] is True


def test_resending_the_two_step_confirmation_e_mail_is_rate_limited(client):
    """/accounts/2fa/confirm-email/ sends to the account's first unconfirmed address: any user can add
    a stranger's address on /accounts/email/ and POST here in a loop. allauth limits its own resend
    (one per address every 3 minutes); this view must keep that limit."""
    from allauth.account.models import EmailAddress
    from django.core import mail
    from django.urls import reverse

    from tests.factories import UserFactory

    user = UserFactory()
    EmailAddress.objects.create(user=user, email="victim@example.com", verified=False, primary=False)
    client.force_login(user)

    for _ in range(5):
        response = client.post(reverse("mfa_email_resend"))
        assert response.status_code == 302

    sent = [m for m in mail.outbox if "victim@example.com" in m.to]
    assert len(sent) == 1


def test_a_backup_is_readable_by_its_owner_only(tmp_path, monkeypatch, settings):
    """academy_backup writes the whole database (password hashes, TOTP secrets, names, e-mail
    addresses) and every upload: under the usual umask (022) the folder and files were world-readable."""
    import os
    import stat
    import subprocess

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from ops import backup

    settings.MEDIA_ROOT = str(tmp_path / "media-root")
    monkeypatch.setattr(backup, "_tool", lambda name: name)

    def fake_pg_dump(command, **kwargs):
        with open(command[command.index("--file") + 1], "wb") as dump:
            dump.write(b"PGDMP")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(backup.subprocess, "run", fake_pg_dump)
    default_storage.save("certificates/one.pdf", ContentFile(b"%PDF-1.7"))
    old_umask = os.umask(0o022)
    try:
        target = tmp_path / "backup"
        backup.backup(target)
    finally:
        os.umask(old_umask)

    paths = [target, *target.rglob("*")]
    assert len(paths) >= 5
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, (path, oct(path.stat().st_mode))


def test_a_request_id_with_a_trailing_line_break_is_replaced(client):
    """The id's pattern ended in ``$``, which also matches before a final line break: "abc\\n" was
    taken as it is, written into the log line and the response header (a 500: a header cannot
    hold a line break)."""
    from lms.logging import clean_request_id

    assert clean_request_id("0123abcd\n") != "0123abcd\n"
    response = client.get("/healthz", headers={"X-Request-ID": "0123abcd\n"})
    assert response.status_code == 200
    assert "\n" not in response["X-Request-ID"]


def test_the_invite_form_does_not_bypass_the_resend_limit(client):
    """Resending an invitation is limited to 3 e-mails an hour per address; inviting the same address
    again from the invite form (which also replaces the pending invitation and mails a new link)
    must count against the same limit, or HR can mail any address without end."""
    from django.core import mail

    hr = f.MembershipFactory(organisation=f.OrganisationFactory(name_ko="알파드론"), role="hr").user
    client.force_login(hr)

    statuses = [client.post("/hr/invite/", {"email": "someone@example.com"}).status_code for _ in range(6)]

    assert len([m for m in mail.outbox if "someone@example.com" in m.to]) == 3
    assert statuses[-1] == 429


def test_an_old_pdf_does_not_reveal_the_holders_corrected_name(client):
    """A PDF superseded by a reissue after a name correction (e.g. a legal change of name) shows, on
    /verify/pdf/, the certificate as it is now: whoever holds the old PDF must not learn the new name."""
    import hashlib

    from django.core.files.uploadedfile import SimpleUploadedFile

    from certificates.models import SupersededPdf

    cert = f.certificate(holder_name_ko="박서연", holder_name_en="Seoyeon Park")
    old_pdf = "%PDF-1.7 the first issue, with the old name 김서연".encode()
    SupersededPdf.objects.create(certificate=cert, sha256=hashlib.sha256(old_pdf).hexdigest(), revision=1)

    response = client.post("/verify/pdf/", {"file": SimpleUploadedFile("old.pdf", old_pdf, "application/pdf")})

    text = response.content.decode()
    assert response.status_code == 200 and cert.code in text
    assert "박서연" not in text and "Seoyeon" not in text
    assert "박*연" in text

    current_pdf = b"%PDF-1.7 the current issue"
    type(cert).objects.filter(pk=cert.pk).update(sha256=hashlib.sha256(current_pdf).hexdigest())
    current = client.post("/verify/pdf/", {"file": SimpleUploadedFile("new.pdf", current_pdf, "application/pdf")})
    assert "박서연" in current.content.decode() and "Seoyeon Park" in current.content.decode()
