"""Likely duplicates: the same idea proposed once per channel, or in other words.

Titles (and descriptions, where both have one) are compared after `normalise` has
taken away what may differ between two proposals of one idea: case, accents,
punctuation, English and Dutch stop words, word endings, Dutch journey words said in
English, and the channel words (a candidate *per channel* is exactly what we look
for). Pairs within one phase are scored with rapidfuzz (see `_score_pairs`);
`THRESHOLD` was chosen on tests/data/duplicate_pairs.csv (bench/bench_duplicates.py).

>>> [s.reason for s in suggest_duplicates([
...     DuplicateCandidate(1, "Service", "Order status in the app"),
...     DuplicateCandidate(2, "Service", "Order status on the website"),
... ])]
[<Reason.SAME_WORDS: 'same_words'>]
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from planner.core.i18n import t
from planner.core.numbers import whole_percent
from planner.journey.templates import DEFAULT_CHANNELS, OTHER_CHANNELS

# Chosen on the 226 labelled pairs (bench/bench_duplicates.py prints the table): 70 is
# the lowest threshold with precision >= 0.9 (0.92, recall 0.85); 65 lets near misses in
# (precision 0.84), 75 keeps precision at 0.97 but recall falls to 0.80, the goal's
# edge. A suggestion costs a facilitator one glance, a missed duplicate a second round of
# scoring: of two thresholds that both meet the goal, the one that finds more.
THRESHOLD = 70.0

# Each title has a word the other lacks: the score is multiplied by this (_score_pairs).
SWAP_FACTOR = 0.8
# rapidfuzz's threads: all cores (bench: 0.70 s against 0.81 s with one, at load 9)
WORKERS = -1
WORD_ALIKE = 80  # rapidfuzz ratio at which two words count as the same ("bewaard", "bewar")

# A description counts for this share of the score when both candidates have one: a
# title says the idea, a description mostly repeats it in more (and noisier) words.
DESCRIPTION_WEIGHT = 0.3

# Words that name a channel rather than the idea: a workspace's own channel names are
# added to these (`channel_words`).
CHANNEL_SYNONYMS = (
    *(term.en for term in DEFAULT_CHANNELS + OTHER_CHANNELS),
    *(term.nl for term in DEFAULT_CHANNELS + OTHER_CHANNELS),
    "app",
    "apps",
    "mobile",
    "mobiel",
    "mobiele",
    "website",
    "web",
    "webshop",
    "webwinkel",
    "site",
    "online",
    "internet",
    "e-mail",
    "email",
    "mail",
    "newsletter mail",
    "store",
    "shop",
    "winkel",
    "filiaal",
    "branch",
    "counter",
    "till",
    "balie",
    "kassa",
    "chat",
    "chatbot",
    "whatsapp",
    "phone",
    "telephone",
    "telefoon",
    "telefonisch",
    "call centre",
    "call center",
    "callcenter",
    "contact center",
    "klantenservice",
    "social",
    "sociale",
    "instagram",
    "facebook",
    "pinterest",
    "twitter",
    "tiktok",
    "sms",
    "text message",
    "push notification",
    "pushbericht",
    "post",
    "letter",
    "brief",
    # places within a channel, not ideas
    "product page",
    "product pages",
    "productpagina",
    "home page",
    "homepage",
    "faq",
    "my account",
    "mijn account",
)

ENGLISH_STOP_WORDS = """
    a an the and or of in on at by to for from with without into onto via per through is
    are be been it its this that these those their our your my we you they them us can
    could will would should may might do does after before when where which who instead
    than then as so up out more less all any every each own new between across about over
"""
DUTCH_STOP_WORDS = """
    de het een en of van in op aan bij naar voor met zonder door via per uit om te is zijn
    wordt worden er dat die dit deze hun onze ons jouw je jij mijn we wij u ze kan kunnen
    zal zullen als wanneer waar wie dan dus ook meer minder alle elk elke eigen nieuw
    nieuwe tussen vanuit
"""
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS.split() + DUTCH_STOP_WORDS.split())

# Dutch words of the journey in English, so that "Bestelstatus per e-mail" meets "Order
# status in the app": a workspace may hold both languages after an import.
GLOSSARY = {
    "bestelstatus": "order status",
    "bestelling": "order",
    "bestellingen": "order",
    "bestellen": "order",
    "besteld": "order",
    "pakket": "parcel",
    "volgen": "track",
    "levering": "delivery",
    "bezorging": "delivery",
    "bezorgen": "deliver",
    "leverdatum": "delivery date",
    "levertijd": "delivery time",
    "verzendkosten": "delivery costs",
    "afspraak": "appointment",
    "afspraken": "appointment",
    "maken": "book",
    "retour": "return",
    "retourneren": "return",
    "aanmelden": "start",
    "betalen": "pay",
    "betaling": "payment",
    "achteraf": "instalments",
    "afrekenen": "checkout",
    "voorraad": "stock",
    "winkelmand": "basket",
    "verlanglijst": "wish list",
    "factuur": "invoice",
    "facturen": "invoice",
    "klant": "customer",
    "klanten": "customer",
    "medewerker": "agent",
    "herinnering": "reminder",
    "korting": "discount",
    "kortingscode": "discount code",
    "abonnement": "subscription",
    "garantie": "warranty",
    "reparatie": "repair",
    "openingstijden": "opening hours",
    "aanbevelingen": "recommendations",
    "annuleren": "cancel",
    "wijzigen": "change",
    "delen": "share",
    "schrijven": "write",
    "vergelijken": "compare",
}

# Endings taken off words of five letters or more, longest first: "tracking"/"track",
# "orders"/"order", "bestellingen"/"bestelling"/"bestellen" all meet. Crude, but
# bilingual and predictable; a wrong cut costs little as both sides are cut alike.
ENDINGS = ("ingen", "ings", "ing", "ies", "en", "es", "ed", "s", "e")


class Reason(StrEnum):
    """Why a pair is suggested, as the i18n catalog words it (duplicates.reason.*)."""

    SAME_WORDS = "same_words"  # the same words once the channel is taken out
    SIMILAR_TITLES = "similar_titles"
    SIMILAR_TEXT = "similar_text"  # titles and descriptions together


@dataclass(frozen=True)
class DuplicateCandidate:
    """What a candidate is compared on."""

    id: int
    phase: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class DuplicateSuggestion:
    """Two candidates of one phase that are likely the same idea (`first` < `second`)."""

    first: int
    second: int
    phase: str
    score: float  # 0-100
    reason: Reason

    def describe(self, lang: str) -> str:
        """The reason in words: "titles 92 % alike"."""
        share = whole_percent(self.score / 100, lang)
        return t(f"duplicates.reason.{self.reason}", lang, share=share)


def candidates_of(frame: pd.DataFrame) -> list[DuplicateCandidate]:
    """The candidates of a candidate frame (planner.store.journey.candidates) as compared here."""
    columns = (frame[name].tolist() for name in ("id", "phase", "title", "description"))
    return [
        DuplicateCandidate(int(id_), str(phase), str(title), str(description or ""))
        for id_, phase, title, description in zip(*columns, strict=True)
    ]


def _plain(text: str) -> str:
    """Case-folded, without accents; apostrophes and hyphens joined ("foto's", "e-mail")."""
    bare = text.casefold()
    if not bare.isascii():
        decomposed = unicodedata.normalize("NFKD", bare)
        bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"(?<=\w)['’\-‐–](?=\w)", "", bare)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    if len(word) >= 5:
        for ending in ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
    return word


@lru_cache(maxsize=64)
def _channel_pattern(channel_words: frozenset[str]) -> re.Pattern[str]:
    phrases = sorted(
        {_plain(word) for word in channel_words if word.strip()}, key=len, reverse=True
    )
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b")


def channel_words(channels: Iterable[str] = ()) -> frozenset[str]:
    """The words taken out before comparing: these channel names and `CHANNEL_SYNONYMS`."""
    return frozenset((*CHANNEL_SYNONYMS, *channels))


def normalise(text: str, channels: frozenset[str] | None = None) -> str:
    """The words of `text` that say the idea, stemmed, in their order.

    >>> normalise("Bestelstatus per e-mail")
    'order statu'
    """
    plain = _channel_pattern(channels or channel_words()).sub(" ", _plain(text))
    words = " ".join(GLOSSARY.get(word, word) for word in re.findall(r"\w+", plain)).split()
    return " ".join(_stem(word) for word in words if word not in STOP_WORDS)


def pair_score(
    first: DuplicateCandidate, second: DuplicateCandidate, channels: Iterable[str] = ()
) -> tuple[float, Reason]:
    """How alike two candidates are (0-100) and why; their phases are not compared."""
    texts = [_Text.of(candidate, channel_words(channels)) for candidate in (first, second)]
    scored = _score_pairs(texts, threshold=0.0)
    return (scored[0][2], scored[0][3]) if scored else (0.0, Reason.SIMILAR_TITLES)


def suggest_duplicates(
    candidates: Sequence[DuplicateCandidate],
    *,
    channels: Iterable[str] = (),
    threshold: float = THRESHOLD,
) -> list[DuplicateSuggestion]:
    """Pairs of one phase scoring `threshold` or more, best first.

    Only pairs within a phase are compared (an idea for Buying is not one for Service).
    """
    words = channel_words(channels)
    by_phase: dict[str, list[DuplicateCandidate]] = defaultdict(list)
    for candidate in candidates:
        by_phase[candidate.phase].append(candidate)
    found: list[DuplicateSuggestion] = []
    for phase, members in by_phase.items():
        texts = [_Text.of(candidate, words) for candidate in members]
        for i, j, score, reason in _score_pairs(texts, threshold):
            first, second = sorted((members[i].id, members[j].id))
            found.append(DuplicateSuggestion(first, second, phase, round(score, 1), reason))
    return sorted(found, key=lambda s: (-s.score, s.first, s.second))


def duplicates_of(
    candidate_id: int,
    candidates: Sequence[DuplicateCandidate],
    *,
    channels: Iterable[str] = (),
    threshold: float = THRESHOLD,
) -> list[DuplicateSuggestion]:
    """The suggestions that pair `candidate_id` with another of its phase, best first:
    what to say right after a candidate is added."""
    phase = next((c.phase for c in candidates if c.id == candidate_id), None)
    same_phase = [c for c in candidates if c.phase == phase]
    return [
        pair
        for pair in suggest_duplicates(same_phase, channels=channels, threshold=threshold)
        if candidate_id in (pair.first, pair.second)
    ]


@dataclass(frozen=True)
class _Text:
    """A candidate's title and description as `normalise` leaves them."""

    title: str
    description: str

    @classmethod
    def of(cls, candidate: DuplicateCandidate, words: frozenset[str]) -> "_Text":
        return cls(normalise(candidate.title, words), normalise(candidate.description, words))

    @property
    def key(self) -> str:
        return " ".join(sorted(set(self.title.split())))


def _score_pairs(texts: Sequence[_Text], threshold: float) -> list[tuple[int, int, float, Reason]]:
    """(i, j, score, reason) of the pairs i < j of `texts` scoring `threshold` or more.

    The score is rapidfuzz's token_set_ratio of the titles (extra words on one side,
    "in the app and on the website", cost nothing), times SWAP_FACTOR when each title
    has a word the other lacks ("pause / cancel a subscription" is another idea in the
    same words; "size guide / size guide on shelf tags" the same idea with more words),
    blended with the descriptions' token_set_ratio (DESCRIPTION_WEIGHT) when both have
    one, and 100 when the titles hold the same words. Pairs whose titles share no word
    are not scored. Words count as shared when rapidfuzz's ratio finds them alike
    (>= WORD_ALIKE: "bewaard", "bewar") or one is part of the other, as in Dutch
    compounds ("data", "bezorgdata"). rapidfuzz compares each distinct word once and
    then only the pairs that share a word; numpy does the rest, so 2,000 candidates
    take well under a second (bench/bench_duplicates.py).
    """
    if len(texts) < 2:
        return []
    titles = [text.title.split() for text in texts]
    shared, missing = _word_overlap(titles)
    keys = np.array([text.key for text in texts], dtype=object)
    same = np.equal.outer(keys, keys) & (keys != "")[:, None]
    first, second = np.nonzero(np.triu(shared | same, k=1))
    if not len(first):
        return []
    title_texts = np.array([text.title for text in texts], dtype=object)
    score = process.cpdist(
        list(title_texts[first]),
        list(title_texts[second]),
        scorer=fuzz.token_set_ratio,
        dtype=np.float32,
        workers=WORKERS,
    ).astype(float)
    score = np.where(missing[first, second] & missing[second, first], score * SWAP_FACTOR, score)
    described = np.array([bool(text.description) for text in texts])
    both = described[first] & described[second]
    # a description can add at most DESCRIPTION_WEIGHT x 100: skip pairs that stay short
    both &= (1 - DESCRIPTION_WEIGHT) * score + DESCRIPTION_WEIGHT * 100 >= threshold
    if both.any():
        descriptions = np.array([text.description for text in texts], dtype=object)
        text_score = process.cpdist(
            list(descriptions[first[both]]),
            list(descriptions[second[both]]),
            scorer=fuzz.token_set_ratio,
            dtype=np.float32,
            workers=WORKERS,
        )
        score[both] = (1 - DESCRIPTION_WEIGHT) * score[both] + DESCRIPTION_WEIGHT * text_score
    is_same = same[first, second]
    score = np.where(is_same, 100.0, score)
    kept = score >= threshold
    return [
        (int(i), int(j), float(value), _reason(bool(alike), bool(text)))
        for i, j, value, alike, text in zip(
            first[kept], second[kept], score[kept], is_same[kept], both[kept], strict=True
        )
    ]


def _reason(same_words: bool, described: bool) -> Reason:
    if same_words:
        return Reason.SAME_WORDS
    return Reason.SIMILAR_TEXT if described else Reason.SIMILAR_TITLES


def _word_overlap(titles: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """`shared[i, j]`: title i has a word alike to one of title j's; `missing[i, j]`:
    title i has a word none of title j's is alike to. Boolean indexing row by row, not
    matrix products: BLAS threads crawl on a busy 2-core machine (3.8 ms -> 36 ms)."""
    vocabulary = sorted({word for words in titles for word in words})
    count = len(titles)
    if not vocabulary:
        nothing = np.zeros((count, count), dtype=bool)
        return nothing, nothing
    index = {word: n for n, word in enumerate(vocabulary)}
    alike = (
        process.cdist(
            vocabulary, vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_ALIKE, workers=WORKERS
        )
        > 0
    )
    # a word of four letters or more inside another: a part of a Dutch compound
    long_words = [(n, word) for n, word in enumerate(vocabulary) if len(word) >= 4]
    for n, word in long_words:
        for m, other in long_words:
            if n != m and word in other:
                alike[n, m] = alike[m, n] = True
    words_of = [np.array([index[word] for word in set(words)], dtype=int) for words in titles]
    covers = np.zeros((count, len(vocabulary)), dtype=bool)  # title j has a word alike to w
    for row, words in enumerate(words_of):
        if len(words):
            covers[row] = alike[words].any(axis=0)
    shared = np.zeros((count, count), dtype=bool)
    missing = np.zeros((count, count), dtype=bool)
    for row, words in enumerate(words_of):
        if len(words):
            seen = covers[:, words]
            shared[row] = seen.any(axis=1)
            missing[row] = ~seen.all(axis=1)
    return shared, missing
