"""Names masked for verifiers and compared as people type them."""

import pytest

from accounts.names import mask_name, names_match, normalise_name


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("홍길동", "홍*동"),
        ("이선", "이*"),
        ("남궁민수", "남**수"),
        ("제갈공명선", "제***선"),
        ("김", "*"),
        (" 홍 길동 ", "홍*동"),
        ("Gildong Hong", "G****** H***"),
        ("Hong Kim", "H*** K**"),
        ("Mary-Jane O'Neil Smith", "M***-**** O'**** S****"),
        ("Jo", "J*"),
        ("  Haneul   Kim ", "H***** K**"),
        ("", ""),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_a_masked_name_never_contains_the_hidden_letters():
    assert "길" not in mask_name("홍길동") and "ildong" not in mask_name("Gildong Hong")


def test_names_match_ignores_case_spaces_and_width():
    assert names_match("haneul  KIM", "김하늘", "Haneul Kim")
    assert names_match(" 김 하늘", "김하늘", "")
    assert names_match("ＨＡＮＥＵＬ KIM", "Haneul Kim")
    assert not names_match("김하", "김하늘", "Haneul Kim")
    assert not names_match("", "", "")


def test_normalise_name():
    assert normalise_name(" Hong  Gil-Dong ") == "honggil-dong"
