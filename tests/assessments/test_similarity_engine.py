"""The 모사답안 engine (DOMAIN-KR §1.6): normalisation, 5-gram Jaccard, LCS ratio, file hashes and
rare shared wrong choices, with the acceptance numbers (91 % flagged, 85 % not)."""

from decimal import Decimal

from common import similarity
from common.similarity import FileFingerprint


def _syllables(start: int, count: int) -> str:
    """``count`` distinct Hangul syllables from ``start`` (none repeats, so the ratios are exact)."""
    return "".join(chr(0xAC00 + start + i) for i in range(count))


def _overlapping(percent: int) -> tuple[str, str]:
    """Two 100-character answers sharing their first ``percent`` characters; the rest of each is
    made of characters found nowhere else, so LCS = ``percent`` and the LCS ratio is exactly percent/100."""
    common = _syllables(0, percent)
    return common + _syllables(1000, 100 - percent), common + _syllables(2000, 100 - percent)


def test_normalise_strips_whitespace_punctuation_and_composes():
    decomposed = "\u1100\u1161 나!"  # 가 written as two jamo, a space, 나 and a mark
    assert similarity.normalise(decomposed) == "가나"
    assert similarity.normalise("Drone, 비행-안전.\n\t 2026") == "drone비행안전2026"


def test_91_percent_overlap_is_flagged():
    a, b = _overlapping(91)
    comparison = similarity.compare_texts(a, b)
    assert comparison.lcs == 0.91
    assert comparison.jaccard < 0.91  # the n-grams alone would not flag it: the LCS does
    assert similarity.is_flagged(comparison.score)


def test_85_percent_overlap_is_not_flagged():
    a, b = _overlapping(85)
    comparison = similarity.compare_texts(a, b)
    assert comparison.lcs == 0.85
    assert comparison.jaccard < 0.85
    assert not similarity.is_flagged(comparison.score)


def test_threshold_boundary_is_inclusive():
    a, b = _overlapping(90)
    assert similarity.text_similarity(a, b) == 0.90
    assert similarity.is_flagged(similarity.text_similarity(a, b), Decimal("0.90"))
    assert not similarity.is_flagged(similarity.text_similarity(a, b), Decimal("0.91"))


def test_identical_text_with_other_spacing_and_punctuation_scores_one():
    text = "드론의 비행 전 점검 항목은 배터리 전압, 프로펠러 손상, GPS 수신 상태이다."
    variant = "드론의 비행전 점검항목은: 배터리 전압 / 프로펠러 손상 / GPS 수신상태 이다"
    assert similarity.text_similarity(text, variant) == 1.0


def test_reordered_paragraphs_are_caught_by_the_ngrams():
    first, second = _syllables(0, 200), _syllables(300, 200)
    comparison = similarity.compare_texts(first + second, second + first)
    assert comparison.lcs == 0.5
    assert comparison.jaccard == 392 / 400  # only the 4 + 4 five-grams across the seam differ
    assert similarity.is_flagged(comparison.score)


def test_short_answers_are_never_compared():
    assert similarity.compare_texts("42", "42") is None
    assert similarity.text_similarity("정답은 3번", "정답은 3번") == 0.0


def test_lcs_ratio_of_unrelated_texts_is_low():
    a, b = _syllables(0, 50), _syllables(500, 50)
    assert similarity.lcs_ratio(a, b) == 0.0
    assert similarity.jaccard(a, b) == 0.0


def test_total_similarity_joins_the_items():
    a91, b91 = _overlapping(91)
    same = _syllables(3000, 100)
    # one item at 0.91 and one identical: the whole is above either threshold
    assert similarity.total_similarity([(a91, b91), (same, same)]) > 0.91
    a85, b85 = _overlapping(85)
    other_a, other_b = _overlapping(80)
    assert not similarity.is_flagged(similarity.total_similarity([(a85, b85), (other_a, other_b)]))


def test_identical_file_hash_and_size_match():
    digest = "ab" * 32
    a = [FileFingerprint(sha256=digest, size=2048, name="보고서.hwp")]
    b = [FileFingerprint(sha256=digest.upper(), size=2048, name="report.hwp")]
    assert similarity.files_match(a, b) == [(a[0], b[0])]
    assert similarity.files_match(a, [FileFingerprint(sha256=digest, size=2049)]) == []
    assert similarity.files_match(a, [FileFingerprint(sha256="cd" * 32, size=2048)]) == []
    empty = [FileFingerprint(sha256="e3" * 32, size=0)]
    assert similarity.files_match(empty, empty) == []


def test_rare_shared_wrong_choices_flag_and_common_ones_do_not():
    # cohort of 40; both trainees went wrong on the same 4 questions with a choice only they made
    rare = [(2, 40)] * 4
    assert similarity.rare_wrong_choice_score(rare, wrong_questions=4) == 1.0
    assert similarity.is_flagged(similarity.rare_wrong_choice_score(rare, wrong_questions=4))
    # the same 4 shared wrong answers, but a trap half the cohort fell into
    common = [(21, 40)] * 4  # 19 of the 38 others
    assert similarity.rare_wrong_choice_score(common, wrong_questions=4) == 0.5
    # rare, but each also went wrong alone on 4 more questions
    assert not similarity.is_flagged(similarity.rare_wrong_choice_score(rare, wrong_questions=12))
    # two coincidences are not a pattern
    assert similarity.rare_wrong_choice_score([(2, 40)] * 2, wrong_questions=2) == 0.0
    # only the two of them took the quiz: nothing says the choice is rare
    assert similarity.rare_wrong_choice_score([(2, 2)] * 4, wrong_questions=4) == 0.0


def test_the_lcs_is_skipped_only_when_its_upper_bound_cannot_reach_the_threshold():
    a, b = _syllables(0, 60), _syllables(0, 30) + _syllables(700, 30)
    assert similarity.lcs_ratio(a, b) <= similarity.lcs_ratio_bound(a, b) == 0.5
    skipped = similarity.compare_texts(a, b, at_least=0.9)
    assert skipped.lcs is None and not similarity.is_flagged(skipped.score)
    a91, b91 = _overlapping(91)
    assert similarity.compare_texts(a91, b91, at_least=0.9).lcs == 0.91  # the bound (0.91) lets it through
