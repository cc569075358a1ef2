"""The inspection evidence pack of one enrolment (DOMAIN-KR §1.9): what it lists, masked, in a fixed
number of queries; its CSV (one table per section, UTF-8 with BOM, safe cells) and PDF (Korean font)."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance import evidence
from courses.evidence import EvidenceSection, register_section, sections
from tests import factories as f
from tests.assessments.test_completion_decision import world  # noqa: F401
from tests.certificates.test_pdf import poppler

from .evidence_support import evidence_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_world(world):  # noqa: F811
    return evidence_world(world)


def table(pack, key):
    return next(t for t in pack.tables if t.key == key)


def test_the_pack_lists_every_section_of_a_completed_funded_enrolment(pack_world):
    pack = evidence.evidence_pack(pack_world["enrolment"])
    keys = [t.key for t in pack.tables]
    for key in ("account", "enrolment_events", "credit_timeline", "daily_ledger", "attempts", "submissions", "audit"):
        assert key in keys

    timeline = table(pack, "credit_timeline").rows
    assert [row[1] for row in timeline] == ["1차시", "2차시"]
    # start and end of each 차시, to the second, in KST
    assert timeline[0][2] == "2026.03.28 09:00:05" and timeline[0][3] == "2026.03.28 09:01:07"
    assert timeline[0][5] == "60"
    ledger = table(pack, "daily_ledger").rows
    assert [(row[0], row[1], row[2]) for row in ledger] == [
        ("2026.03.28", "1차시", "60"),
        ("2026.03.28", "2차시", "60"),
    ]

    attempts = table(pack, "attempts").rows
    assert len(attempts) == 2 and {row[6] for row in attempts} == {"80"}
    (submission,) = table(pack, "submissions").rows
    assert submission[3] == "90" and submission[4] == pack_world["instructor"].name_ko


def test_a_staff_override_appears_with_actor_and_reason(pack_world):
    pack = evidence.evidence_pack(pack_world["enrolment"])
    manager = pack_world["manager"].name_ko
    override = [row for row in table(pack, "enrolment_events").rows if row[4] == "예"]
    assert len(override) == 1 and override[0][3] == manager and override[0][5] == "대리수강 적발 (공단 통보)"
    audit = [row for row in table(pack, "audit").rows if row[1] == "courses.completion_override"]
    assert audit and audit[0][2] == manager and audit[0][4] == "대리수강 적발 (공단 통보)"


def test_the_account_facts_are_masked(pack_world):
    pack = evidence.evidence_pack(pack_world["enrolment"])
    facts = dict(table(pack, "account").rows)
    assert facts["이름"] == "홍*동" and facts["영문 이름"] == "G****** H***"
    assert facts["이메일"] == "ho**********@drone.example" and facts["출생연도"] == "1990"
    text = pack_csv_text(pack)
    for secret in ("홍길동", "Gildong", "hong.gildong", "1990.05.17", "1990-05-17"):
        assert secret not in text


def pack_csv_text(pack) -> str:
    data = evidence.pack_csv(pack)
    assert data.startswith(b"\xef\xbb\xbf")
    return data.decode("utf-8-sig")


def test_the_csv_has_one_titled_table_per_section_and_neutralises_formulas(pack_world):
    from courses.models import EnrolmentEvent

    EnrolmentEvent.objects.filter(enrolment=pack_world["enrolment"], is_override=True).update(reason="=HYPERLINK(1)")
    pack = evidence.evidence_pack(pack_world["enrolment"])
    rows = list(csv.reader(io.StringIO(pack_csv_text(pack))))
    titles = [t.title for t in pack.tables]
    assert rows[0] == ["점검 증빙자료"]
    for title in titles:
        assert [title] in rows
    assert any("'=HYPERLINK(1)" in row for row in rows)


def test_the_pdf_is_korean_text_in_the_shipped_font(pack_world):
    data = evidence.pack_pdf(evidence.evidence_pack(pack_world["enrolment"]))
    assert data.startswith(b"%PDF")
    text = poppler("pdftotext", data)
    assert "점검 증빙자료" in text and "1차시" in text and "홍*동" in text and "홍길동" not in text
    fonts = poppler("pdffonts", data)
    assert "Academy-Myeongjo" in fonts and " yes yes " in fonts  # the shipped font, embedded and subset


def test_the_pack_reads_in_a_fixed_number_of_queries(world):  # noqa: F811
    small = evidence_world(world)
    with CaptureQueriesContext(connection) as first:
        evidence.evidence_pack(small["enrolment"])
    for n in range(3, 9):
        f.lesson_page(world["course"], f"{n}차시", minutes=1)
    from tests.support.funded import studied

    studied(
        small["enrolment"],
        list(world["course"].get_descendants().type(type(small["lessons"][0])).specific())[2:],
        small["today"],
    )
    with CaptureQueriesContext(connection) as second:
        evidence.evidence_pack(small["enrolment"])
    assert len(second) == len(first)


def test_a_section_registered_later_joins_every_pack_without_changing_the_pack(pack_world):
    register_section(
        EvidenceSection(
            key="identity_checks",
            title="본인인증 기록",
            columns=("시각", "결과"),
            rows=lambda enrolment: [[enrolment.completed_at, "성공"]],
            order=35,
        )
    )
    try:
        pack = evidence.evidence_pack(pack_world["enrolment"])
        assert table(pack, "identity_checks").rows == [["", "성공"]]
        assert [t.key for t in pack.tables].index("identity_checks") == [s.key for s in sections()].index(
            "identity_checks"
        )
    finally:
        from courses import evidence as registry

        registry._sections.pop("identity_checks")


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        ("hong.gildong@drone.example", "ho**********@drone.example"),
        ("ab@x.kr", "a*@x.kr"),
        ("a@x.kr", "a@x.kr"),
        ("", ""),
        ("no-at-sign", "no********"),
    ],
)
def test_e_mail_addresses_keep_two_letters_and_the_domain(email, masked):
    from accounts.names import mask_email

    assert mask_email(email) == masked
