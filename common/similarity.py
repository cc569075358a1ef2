"""모사답안 (copied answers, DOMAIN-KR §1.6): the pure comparison engine, no models, no database.

It lives in ``common`` because the data it compares belongs to ``assessments`` (essays, assignments,
multiple-choice answers) and ``assessments`` may not import ``compliance`` (same floor); the
gathering of the data and the review queue are ``assessments.similarity``.

The measures, each a number between 0 and 1:

- ``text_similarity``: both texts normalised (NFC, lower case, whitespace and punctuation removed),
  then the larger of the character 5-gram Jaccard index and the longest-common-subsequence ratio
  (``2 × LCS / (len a + len b)``). Jaccard catches reordered paragraphs, LCS catches a text copied
  with a few words changed. An answer shorter than ``MIN_TEXT_LENGTH`` normalised characters is
  never compared (a one-word answer coincides by nature).
- Text quoted from the course itself does not count (DOMAIN-KR §1.6, 적용기준 1: "text taken from
  the course content" is excluded). Before scoring, every run of at least ``CONTENT_NGRAM``
  normalised characters that also occurs in the course's own text (lesson bodies, the course
  overview, the quiz and assignment instructions, the question and its answer template: see
  ``assessments.similarity.course_content``) is cut out of both answers (``strip_content``), and
  what remains is compared as above, minimum length included. Two answers that both copy the
  instructions at length but are otherwise different therefore score on their own words only;
  two copied answers still agree on what is left. The window is longer than the 5-gram of the
  score on purpose: a phrase of two or three common words ("비행 전 점검") found in a lesson is
  everyday language, not a quotation, and stays in; only a quotation of some length is cut.
- ``files_match``: identical SHA-256 and size of an uploaded file (DOMAIN-KR criterion 1).
- ``rare_wrong_choice_score``: shared *wrong* multiple-choice answers weighted by rarity (criterion 3);
  see the function for the score and ``MCQ_MIN_SHARED``.

A pair is flagged at ``score >= threshold`` (the setting ``ACADEMY_SIMILARITY_THRESHOLD``, default
0.90) per item or over all items together (``total_similarity``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

NGRAM = 5
#: Normalised answers shorter than this are not compared (e.g. "예", a number, a term).
MIN_TEXT_LENGTH = 20
#: The LCS table grows with the product of the lengths; beyond this many characters per text the
#: ratio is computed on the first ``LCS_MAX_CHARS`` only (the Jaccard index always reads everything).
LCS_MAX_CHARS = 4000
#: A multiple-choice pair needs at least this many shared wrong answers before it can flag.
MCQ_MIN_SHARED = 3
#: A run of at least this many normalised characters that occurs in the course content is a
#: quotation of it (about four Korean words or two English ones) and is left out of the comparison.
CONTENT_NGRAM = 12
DEFAULT_THRESHOLD = Decimal("0.90")


def normalise(text: str) -> str:
    """NFC, lower case, without whitespace, punctuation or symbols: ``"모사 답안!"`` → ``"모사답안"``."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def ngrams(text: str, n: int = NGRAM) -> set[str]:
    """The set of character n-grams of an already normalised text (the text itself if shorter)."""
    if len(text) < n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def jaccard(a: str, b: str, n: int = NGRAM) -> float:
    """|A ∩ B| / |A ∪ B| of the texts' character n-grams (normalised texts)."""
    grams_a, grams_b = ngrams(a, n), ngrams(b, n)
    union = grams_a | grams_b
    return len(grams_a & grams_b) / len(union) if union else 0.0


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence (two rows of the dynamic-programming table)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if ch == other else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def lcs_ratio(a: str, b: str) -> float:
    """2 × LCS / (len a + len b) of normalised texts: 1 for equal texts, 0 for nothing in common."""
    a, b = a[:LCS_MAX_CHARS], b[:LCS_MAX_CHARS]
    if not a and not b:
        return 0.0
    return 2 * lcs_length(a, b) / (len(a) + len(b))


def lcs_ratio_bound(a: str, b: str) -> float:
    """A cheap upper bound of ``lcs_ratio``: a common subsequence uses each character at most as
    often as the rarer side has it."""
    from collections import Counter

    a, b = a[:LCS_MAX_CHARS], b[:LCS_MAX_CHARS]
    if not a and not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def content_ngrams(texts: Iterable[str], n: int = CONTENT_NGRAM) -> frozenset[str]:
    """The course content as the set of its normalised ``n``-character windows (each text on its
    own: a window never spans two texts)."""
    grams: set[str] = set()
    for text in texts:
        text = normalise(text)
        grams.update(text[i : i + n] for i in range(len(text) - n + 1))
    return frozenset(grams)


def strip_content(text: str, content: frozenset[str], n: int = CONTENT_NGRAM) -> str:
    """A normalised text without the characters covered by a window of ``content``: what the
    trainee wrote rather than quoted from the course. Overlapping windows join, so a quoted
    paragraph goes as a whole."""
    if not content or len(text) < n:
        return text
    covered = bytearray(len(text))
    for i in range(len(text) - n + 1):
        if text[i : i + n] in content:
            covered[i : i + n] = b"\x01" * n
    return "".join(ch for ch, quoted in zip(text, covered, strict=True) if not quoted)


@dataclass(frozen=True)
class TextComparison:
    jaccard: float
    lcs: float | None  # None: not computed, its upper bound is below what the caller asked for
    #: Share of the two answers (normalised characters) left out as quoted from the course content.
    quoted: float = 0.0

    @property
    def score(self) -> float:
        return max(self.jaccard, self.lcs or 0.0)


def compare_texts(
    a: str, b: str, *, at_least: float = 0.0, content: frozenset[str] = frozenset()
) -> TextComparison | None:
    """Both measures of two raw answers, or None when either is too short to compare.

    ``content``: the course content's windows (``content_ngrams``); what the answers quote from it
    is cut out first, and an answer that is (nearly) all quotation is too short to compare.
    The LCS table costs len(a) × len(b) steps; with ``at_least`` (the threshold) it is skipped
    when neither the Jaccard index nor the LCS ratio's upper bound can reach it (the pair cannot flag)."""
    a, b = normalise(a), normalise(b)
    before = len(a) + len(b)
    a, b = strip_content(a, content), strip_content(b, content)
    if len(a) < MIN_TEXT_LENGTH or len(b) < MIN_TEXT_LENGTH:
        return None
    quoted = 1 - (len(a) + len(b)) / before
    index = jaccard(a, b)
    if at_least and index < at_least and lcs_ratio_bound(a, b) < at_least:
        return TextComparison(jaccard=index, lcs=None, quoted=quoted)
    return TextComparison(jaccard=index, lcs=lcs_ratio(a, b), quoted=quoted)


def text_similarity(a: str, b: str, *, content: frozenset[str] = frozenset()) -> float:
    comparison = compare_texts(a, b, content=content)
    return comparison.score if comparison else 0.0


def total_similarity(pairs: Iterable[tuple[str, str]]) -> float:
    """The whole submission: each side's items joined in the same order, then compared as one text."""
    pairs = list(pairs)
    return text_similarity("\n".join(a for a, _b in pairs), "\n".join(b for _a, b in pairs))


@dataclass(frozen=True)
class FileFingerprint:
    sha256: str
    size: int
    name: str = ""


def files_match(
    a: Iterable[FileFingerprint], b: Iterable[FileFingerprint]
) -> list[tuple[FileFingerprint, FileFingerprint]]:
    """Pairs of files with identical SHA-256 and byte size (an empty file is never evidence)."""
    by_key = {(f.sha256.lower(), f.size): f for f in b if f.size > 0}
    return [(f, by_key[(f.sha256.lower(), f.size)]) for f in a if f.size > 0 and (f.sha256.lower(), f.size) in by_key]


def rare_wrong_choice_score(
    shared_wrong: Sequence[tuple[int, int]], *, wrong_questions: int, min_shared: int = MCQ_MIN_SHARED
) -> float:
    """Shared wrong multiple-choice answers weighted by rarity, between 0 and 1.

    ``shared_wrong``: for each question both trainees answered with the same *wrong* choice, the pair
    ``(chosen, answered)``: how many trainees of the cohort chose that wrong choice, and how many
    answered the question. ``wrong_questions``: on how many questions either trainee was wrong.

    Each shared wrong answer weighs its surprise among the *other* trainees of the cohort,
    ``1 − (chosen − 2) / (answered − 2)``: a wrong choice nobody else made weighs 1, one that half the
    others made 0.5; with no other trainee there is no telling what is rare and it weighs 0. The
    score is the sum of the weights divided by ``wrong_questions``: two trainees who, whenever they
    went wrong, went wrong together on a choice few others made score close to 1; a trainee wrong on
    questions the other got right lowers it. A score counts only from ``min_shared`` shared wrong
    answers (one or two coincidences are not a pattern). The threshold is the same as for texts.
    """
    if wrong_questions <= 0 or len(shared_wrong) < min_shared:
        return 0.0
    weight = sum(1 - (chosen - 2) / (answered - 2) for chosen, answered in shared_wrong if answered > 2)
    return min(1.0, weight / wrong_questions)


def rounded(score: float) -> Decimal:
    """A score as stored and shown: four decimals (0.9100)."""
    return Decimal(str(score)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def is_flagged(score: float | Decimal, threshold: Decimal = DEFAULT_THRESHOLD) -> bool:
    return rounded(float(score)) >= Decimal(threshold)


@dataclass
class Evidence:
    """What the reviewer reads beside the score (stored as JSON on the case)."""

    method: str  # "text", "files" or "choices"
    jaccard: float | None = None
    lcs: float | None = None
    files: list[dict] = field(default_factory=list)
    shared_wrong: int | None = None
    quoted: float | None = None  # share left out as quoted from the course content

    def as_json(self) -> dict:
        data: dict = {"method": self.method}
        if self.jaccard is not None:
            data["jaccard"] = round(self.jaccard, 4)
        if self.lcs is not None:
            data["lcs"] = round(self.lcs, 4)
        if self.files:
            data["files"] = self.files
        if self.shared_wrong is not None:
            data["shared_wrong"] = self.shared_wrong
        if self.quoted:
            data["quoted"] = round(self.quoted, 4)
        return data
