"""Repetition family: known answers built by hand, reference implementations, batch invariance, seeds."""

import zlib
from collections import Counter

import numpy as np
import pytest

from framing.core.segment import segment
from framing.core.vocabulary import STEMS
from framing.families import repetition
from framing.families.repetition import COLUMNS, MATTR_WINDOW, compute, evidence


def scores(text: str) -> dict[str, float]:
    columns = compute(segment([text]))
    return {name: float(values[0]) for name, values in columns.items()}


def letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


# -- the interface -------------------------------------------------------------------------------
def test_columns_and_types(seed_texts):
    corpus = segment(list(seed_texts.values()))
    columns = compute(corpus)
    assert list(columns) == list(COLUMNS)
    assert all(name.startswith("repetition.") for name in COLUMNS)
    assert len(set(COLUMNS)) == len(COLUMNS) == 16
    for values in columns.values():
        assert values.dtype == np.float64 and values.shape == (corpus.n_docs,)
        assert np.isfinite(values).all()
    for name, values in columns.items():
        if name != "repetition.compression_ratio":
            assert ((values >= 0) & (values <= 1)).all(), name


def test_compute_returns_fresh_arrays():
    corpus = segment(["A line.\nA line."])
    first = compute(corpus)
    first["repetition.duplicate_line_fraction"][:] = np.nan  # what the API does to invalid rows
    assert compute(corpus)["repetition.duplicate_line_fraction"][0] == 0.5


# -- lines and paragraphs (Gopher) ----------------------------------------------------------------
@pytest.mark.parametrize("k", [2, 3, 5])
def test_paragraph_repeated_k_times(k):
    paragraph = "The council approved the budget on Tuesday night."
    other = "Residents will vote in May."
    s = scores("\n\n".join([paragraph] * k + [other]))
    assert s["repetition.duplicate_paragraph_fraction"] == pytest.approx((k - 1) / (k + 1))
    chars = (k - 1) * len(paragraph) / (k * len(paragraph) + len(other))
    assert s["repetition.duplicate_paragraph_char_fraction"] == pytest.approx(chars)
    # single-line paragraphs: the lines say the same
    assert s["repetition.duplicate_line_fraction"] == pytest.approx((k - 1) / (k + 1))
    assert s["repetition.duplicate_line_char_fraction"] == pytest.approx(chars)


def test_paragraph_alone_repeated_gives_exactly_k_minus_one_over_k():
    s = scores("\n\n".join(["Same paragraph here."] * 4))
    assert s["repetition.duplicate_paragraph_fraction"] == 0.75
    assert s["repetition.duplicate_paragraph_char_fraction"] == 0.75


def test_repeated_line_inside_one_paragraph():
    text = "To read more click here\nThe mayor resigned.\nTo read more click here\nA new vote is set."
    s = scores(text)
    lines = text.split("\n")
    assert s["repetition.duplicate_line_fraction"] == 0.25
    assert s["repetition.duplicate_line_char_fraction"] == pytest.approx(len(lines[0]) / sum(map(len, lines)))
    assert s["repetition.duplicate_paragraph_fraction"] == 0.0


def test_multi_line_paragraph_repeated():
    paragraph = "First line of it.\nSecond line of it."
    s = scores(f"{paragraph}\n\n{paragraph}\n\nThe end.")
    assert s["repetition.duplicate_paragraph_fraction"] == pytest.approx(1 / 3)
    assert s["repetition.duplicate_paragraph_char_fraction"] == pytest.approx(len(paragraph) / (2 * len(paragraph) + 8))
    assert s["repetition.duplicate_line_fraction"] == pytest.approx(2 / 5)


def test_blank_lines_are_not_lines_and_lines_are_trimmed():
    assert scores("One line.\n\n\n\nAnother line.\n\n   \n\nA third.")["repetition.duplicate_line_fraction"] == 0.0
    s = scores("   Same line  \nSame line\r\nOther line")
    assert s["repetition.duplicate_line_fraction"] == pytest.approx(1 / 3)


def test_lines_compare_case_and_punctuation():
    assert scores("Same line\nsame line\nSame line.")["repetition.duplicate_line_fraction"] == 0.0


def _reference_lines(text: str) -> tuple[float, float]:
    """datatrove's ``find_duplicates`` over stripped non-blank lines, characters over line characters."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    seen, duplicates, chars = set(), 0, 0
    for line in lines:
        if line in seen:
            duplicates += 1
            chars += len(line)
        seen.add(line)
    return duplicates / len(lines), chars / sum(map(len, lines))


def test_lines_match_a_reference_on_the_seeds(seed_texts):
    corpus = segment(list(seed_texts.values()))
    columns = compute(corpus)
    for i, text in enumerate(seed_texts.values()):
        count, chars = _reference_lines(text)
        assert columns["repetition.duplicate_line_fraction"][i] == pytest.approx(count)
        assert columns["repetition.duplicate_line_char_fraction"][i] == pytest.approx(chars)


# -- n-grams (RedPajama-V2) -----------------------------------------------------------------------
def test_top_bigram_known_answer():
    text = "alpha beta gamma alpha beta delta"
    assert scores(text)["repetition.top_2gram_char_fraction"] == pytest.approx(2 * 9 / 28)
    assert scores(text)["repetition.top_3gram_char_fraction"] == 0.0  # no trigram occurs twice


def test_top_ngram_overlaps_count_once():
    # RedPajama: 4 chars × 3 occurrences / 8 = 1.5; framing marks the words: 1.0
    assert scores("ha ha ha ha")["repetition.top_2gram_char_fraction"] == 1.0


def test_top_ngram_ties_go_to_the_longer_ngram():
    # "aa b" and "ccc d" both occur twice; "ccc d" has more characters
    assert scores("aa b aa b ccc d ccc d")["repetition.top_2gram_char_fraction"] == pytest.approx(8 / 14)


def test_duplicate_ngrams_known_answer():
    phrase = "the storm closed every school"  # 5 words, 25 letters
    text = f"{phrase} on Monday. Then {phrase} again."
    s = scores(text)
    total = letters(text)
    assert s["repetition.duplicate_5gram_char_fraction"] == pytest.approx(50 / total)
    assert s["repetition.duplicate_6gram_char_fraction"] == 0.0
    # "the storm closed every" and "storm closed every school" both occur twice: the longer wins
    assert s["repetition.top_4gram_char_fraction"] == pytest.approx(letters("storm closed every school") * 2 / total)


def test_ngrams_are_lower_cased_and_ignore_punctuation_between_words():
    a = scores("The Storm closed every school. the storm, closed every school!")
    assert a["repetition.duplicate_5gram_char_fraction"] == 1.0


def test_ngrams_never_cross_documents():
    phrase = "one two three four five"
    columns = compute(segment([f"start {phrase}", f"{phrase} end"]))
    assert columns["repetition.duplicate_5gram_char_fraction"].tolist() == [0.0, 0.0]


def _reference_ngrams(words: list[str], n: int) -> tuple[float, float]:
    """RedPajama-V2's duplicate n-gram marking, and the top n-gram with overlaps counted once."""
    lengths = [sum(ch.isalnum() for ch in w) for w in words]
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    counts = Counter(grams)
    duplicated = np.zeros(len(words), dtype=bool)
    for i, gram in enumerate(grams):
        if counts[gram] > 1:
            duplicated[i : i + n] = True
    dup = float(np.dot(lengths, duplicated)) / sum(lengths)
    top = 0.0
    if counts and max(counts.values()) > 1:
        best = max(counts, key=lambda g: (counts[g], sum(sum(ch.isalnum() for ch in w) for w in g), -grams.index(g)))
        covered = np.zeros(len(words), dtype=bool)
        for i, gram in enumerate(grams):
            if gram == best:
                covered[i : i + n] = True
        top = float(np.dot(lengths, covered)) / sum(lengths)
    return dup, top


def test_ngrams_match_a_reference_on_the_seeds(seed_texts):
    texts = list(seed_texts.values())
    corpus = segment(texts)
    columns = compute(corpus)
    w = corpus.words
    for i, text in enumerate(texts):
        words = [text[a:b].lower() for a, b in zip(w.start[w.doc == i], w.end[w.doc == i])]
        for n in range(2, 11):
            dup, top = _reference_ngrams(words, n)
            if n >= 5:
                assert columns[f"repetition.duplicate_{n}gram_char_fraction"][i] == pytest.approx(dup), (i, n)
            else:
                assert columns[f"repetition.top_{n}gram_char_fraction"][i] == pytest.approx(top), (i, n)


def test_fewer_words_than_n_gives_zero_and_no_words_gives_nan():
    s = scores("Just three words")
    assert s["repetition.duplicate_5gram_char_fraction"] == 0.0 and s["repetition.top_4gram_char_fraction"] == 0.0
    s = scores("!!! ???")
    assert np.isnan(s["repetition.duplicate_5gram_char_fraction"]) and np.isnan(s["repetition.top_2gram_char_fraction"])
    assert np.isnan(s["repetition.mattr"]) and np.isnan(s["repetition.paraphrase_share"])
    assert s["repetition.duplicate_line_fraction"] == 0.0
    assert s["repetition.compression_ratio"] > 0


# -- restated sentences ---------------------------------------------------------------------------
PAIR = (
    "The US government has deported over 100 Chinese migrants.",
    "The US has expelled over 100 Chinese migrants in a big move.",
)
UNRELATED = (
    "Heavy rain flooded several roads in the northern valley overnight.",
    "The museum will display ancient pottery from a recent excavation next spring.",
)


def test_paraphrase_pair_against_unrelated_sentences():
    text = " ".join([PAIR[0], UNRELATED[0], PAIR[1], UNRELATED[1]])
    assert scores(text)["repetition.paraphrase_share"] == 0.25  # 1 of 4 sentences restates
    [item] = [e for e in evidence(segment([text]), 0) if e.signal == "repetition.paraphrase_share"]
    assert item.text == PAIR[1]
    assert item.label == f"restates sentence at 0–{len(PAIR[0])} (similarity {4 / np.sqrt(6 * 7):.2f})"
    assert scores(" ".join(UNRELATED))["repetition.paraphrase_share"] == 0.0


def test_stems_join_inflections():
    corpus = segment(["deported deportation deports Deported migrants migrant"])
    ids = corpus.type_ids_of(STEMS)[corpus.word_types]
    assert len(set(ids[:4].tolist())) == 1 and ids[4] == ids[5]


def test_verbatim_repeats_count():
    sentence = "The committee approved the new stadium budget after a long debate."
    assert scores(f"{sentence} {sentence}")["repetition.paraphrase_share"] == 0.5
    assert scores("\n\n".join([sentence] * 4))["repetition.paraphrase_share"] == 0.75


def test_short_sentences_and_headings_take_no_part():
    short = "Prices rose sharply today."  # 4 content words
    assert scores(f"{short} {short} {short}")["repetition.paraphrase_share"] == 0.0
    heading = "Committee Approves New Stadium Budget After Long Debate"  # no sentence mark
    sentence = "The committee approved the new stadium budget after a long debate."
    assert scores(f"{heading}\n\n{sentence}")["repetition.paraphrase_share"] == 0.0
    assert scores(f"{heading}\n\n{heading}")["repetition.paraphrase_share"] == 0.0  # a duplicate line, not a claim
    quoted = "“The committee approved the new stadium budget after a long debate.”"
    assert scores(f"{sentence}\n\n{quoted}")["repetition.paraphrase_share"] == 0.5  # a closing quote is fine


def test_threshold_is_inclusive(monkeypatch):
    text = f"{PAIR[0]} {PAIR[1]}"
    similarity = 4 / np.sqrt(6 * 7)
    monkeypatch.setattr(repetition, "PARAPHRASE_THRESHOLD", similarity)
    assert scores(text)["repetition.paraphrase_share"] == 0.5
    monkeypatch.setattr(repetition, "PARAPHRASE_THRESHOLD", similarity + 1e-6)
    assert scores(text)["repetition.paraphrase_share"] == 0.0


def test_restatement_is_within_a_document():
    columns = compute(segment([PAIR[0], PAIR[1]]))
    assert columns["repetition.paraphrase_share"].tolist() == [0.0, 0.0]


def test_evidence_points_at_the_most_similar_earlier_sentence():
    text = " ".join([UNRELATED[0], PAIR[0], PAIR[1]])
    [item] = [e for e in evidence(segment([text]), 0) if e.signal == "repetition.paraphrase_share"]
    start = text.index(PAIR[0])
    assert item.label.startswith(f"restates sentence at {start}–{start + len(PAIR[0])} ")


# -- diversity and compression ---------------------------------------------------------------------
def test_mattr_known_answers():
    assert scores("a b a b")["repetition.mattr"] == 0.5  # shorter than a window: plain TTR
    cycle = " ".join(f"w{i % 10}" for i in range(120))  # every 50-word window holds 10 types
    assert scores(cycle)["repetition.mattr"] == pytest.approx(10 / MATTR_WINDOW)
    assert scores(" ".join(f"w{i}" for i in range(80)))["repetition.mattr"] == 1.0


def _reference_mattr(words: list[str]) -> float:
    window = min(len(words), MATTR_WINDOW)
    ratios = [len(set(words[s : s + window])) / window for s in range(len(words) - window + 1)]
    return sum(ratios) / len(ratios)


def test_mattr_matches_a_reference(seed_texts):
    texts = list(seed_texts.values()) + ["One two three. One two.", "x " * 49 + "y"]
    corpus = segment(texts)
    columns = compute(corpus)
    w = corpus.words
    for i, text in enumerate(texts):
        words = [text[a:b].lower() for a, b in zip(w.start[w.doc == i], w.end[w.doc == i])]
        assert columns["repetition.mattr"][i] == pytest.approx(_reference_mattr(words), rel=1e-12)


def test_mattr_does_not_shrink_with_length(seed_texts):
    text = seed_texts[sorted(seed_texts)[1]]
    half = text[: len(text) // 2]
    ttr_gap = scores(half)["repetition.mattr"] - scores(text)["repetition.mattr"]
    assert abs(ttr_gap) < 0.03


def test_compression_ratio(seed_texts):
    for text in [*seed_texts.values(), "Héllo wörld — “quoted” 😀"]:
        data = text.encode("utf-8")
        assert scores(text)["repetition.compression_ratio"] == len(zlib.compress(data)) / len(data)
    assert scores("spam " * 200)["repetition.compression_ratio"] < 0.05


# -- evidence, batches, invalid input ----------------------------------------------------------------
def test_evidence_spans_are_text_slices(seed_texts):
    texts = list(seed_texts.values())
    corpus = segment(texts)
    signals = set()
    for doc, text in enumerate(texts):
        for item in evidence(corpus, doc):
            assert item.text == text[item.start : item.end]
            assert item.signal in COLUMNS
            signals.add(item.signal)
    expected = {
        "paraphrase_share",
        "duplicate_line_fraction",
        "duplicate_5gram_char_fraction",
        "top_2gram_char_fraction",
    }
    assert {f"repetition.{name}" for name in expected} <= signals


def test_duplicate_line_evidence_names_the_first_occurrence():
    text = "Click here\nThe mayor resigned.\nClick here"
    items = [e for e in evidence(segment([text]), 0) if e.signal == "repetition.duplicate_line_fraction"]
    assert [(e.start, e.end, e.label) for e in items] == [(31, 41, "repeats line at 0–10")]


def test_scores_do_not_depend_on_the_batch(seed_texts):
    texts = list(seed_texts.values()) + [" ".join([PAIR[0], UNRELATED[0], PAIR[1]]), "!!!", "Hello"]
    together = compute(segment(texts))
    reversed_batch = compute(segment(texts[::-1]))
    for i, text in enumerate(texts):
        alone = compute(segment([text]))
        for name in COLUMNS:
            assert np.array_equal(together[name][i : i + 1], alone[name], equal_nan=True), (name, i)
            j = len(texts) - 1 - i
            assert np.array_equal(reversed_batch[name][j : j + 1], alone[name], equal_nan=True), (name, i)
    corpus, single = segment(texts), segment([texts[0]])
    assert evidence(corpus, 0) == evidence(single, 0)


def test_invalid_and_empty_documents():
    texts = [None, "", "   \n", float("nan"), "!!!", "A short line.", 42]
    corpus = segment(texts)
    columns = compute(corpus)
    assert all(len(v) == len(texts) for v in columns.values())
    assert columns["repetition.duplicate_line_fraction"][5] == 0.0
    assert columns["repetition.mattr"][5] == 1.0
    for doc in range(len(texts)):
        evidence(corpus, doc)  # never fails
    empty = compute(segment([]))
    assert all(len(v) == 0 for v in empty.values())


# -- the seeds -------------------------------------------------------------------------------------
def test_padded_seed_restates_itself_most(seed_texts):
    names = sorted(seed_texts)
    share = compute(segment([seed_texts[n] for n in names]))["repetition.paraphrase_share"]
    padded, others = share[0], share[1:]
    assert names[0].startswith("000_")
    assert padded >= 0.15
    assert padded >= 3 * others.max()
