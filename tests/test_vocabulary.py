"""The vocabulary: bounded, clearable, and invisible in the numbers (no timing here; see
``benchmarks/vocabulary_memory.py`` for memory and ``benchmarks/`` for speed)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from framing.config import Config
from framing.core.segment import segment
from framing.core.vocabulary import STEMS, TypeColumn, Vocabulary, framing_features
from framing.pipeline import score_texts

REPO = Path(__file__).resolve().parents[1]
TEXTS = [
    "Officials said the border plan would cost more than expected. Migrants waited at the crossing.",
    "The committee approved the new stadium budget after a long debate. Critics said it was rushed.",
    "Share this story\nSubscribe to our newsletter\nPolice arrested two men, according to Reuters.",
    "Prices rose 3.5 percent in the U.S., the report found. Mr. Smith didn't comment.",
]
CUSTOM_LEXICON = {
    "name": "custom",
    "frames": {"economy": {"cues": {"tax*": 1.0, "~price": 1.5, "budget": 1.0}}, "crime": {"cues": {"~arrest": 1.0}}},
}
CUSTOM_PATTERNS = {"advertising": ["subscribe to our newsletter"], "navigation": ["share this story"]}


def _made_up(i: int) -> str:
    letters = "bcdfghjklmnprstvz"
    word = ""
    while True:
        i, r = divmod(i, len(letters))
        word += letters[r] + "ao"[r % 2]
        if i == 0:
            return word + "x"


def _assert_same(a: dict, b: dict) -> None:
    assert list(a) == list(b)
    for name in a:
        np.testing.assert_array_equal(a[name], b[name], err_msg=name)  # NaNs in the same cells


def test_cap_holds_and_values_do_not_change():
    vocabulary = Vocabulary(max_types=60)
    reference = Vocabulary()
    for batch in range(20):
        text = " ".join(_made_up(batch * 30 + k) for k in range(30)) + " the cat sat."
        corpus = segment([text], vocabulary=vocabulary)
        syllables = corpus.word_feature("syllables")
        stems = corpus.word_values(STEMS)
        assert len(vocabulary.words) <= 60
        again = segment([text], vocabulary=reference)
        np.testing.assert_array_equal(syllables, again.word_feature("syllables"))
        np.testing.assert_array_equal(stems, again.word_values(STEMS))
    assert vocabulary.words.evictions > 0


def test_eviction_under_a_corpus_in_use():
    vocabulary = Vocabulary(max_types=8)
    corpus = segment(["the cat sat on the mat with a hat"], vocabulary=vocabulary)
    before = corpus.word_feature("letters").copy()
    _ = segment(["one two three four five six seven eight nine ten"], vocabulary=vocabulary).word_types
    assert vocabulary.words.evictions >= 1
    length = TypeColumn("length", len, np.int64)
    np.testing.assert_array_equal(corpus.word_values(length), [len(w) for w in "the cat sat on the mat with a hat".split()])
    corpus._type_arrays.clear()  # forget the corpus's copies: read through the (renumbered) vocabulary
    np.testing.assert_array_equal(corpus.word_feature("letters"), before)


def test_clear_releases_memory():
    words = [_made_up(i) for i in range(20_000)]
    text = "\n\n".join(" ".join(words[i : i + 20]) for i in range(0, len(words), 20))
    segment([text], vocabulary=Vocabulary()).word_values(STEMS)  # tables loaded, hash powers grown
    vocabulary = Vocabulary()
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        corpus = segment([text], vocabulary=vocabulary)
        corpus.word_values(STEMS)
        del corpus
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - base
        assert len(vocabulary) == 20_000
        vocabulary.clear()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert len(vocabulary) == 0 and vocabulary.stats()["words"]["columns"] == []
    assert held > 2_000_000  # 20,000 types hold megabytes ...
    assert after < held / 10  # ... and clear() gives them back


def test_scores_do_not_depend_on_the_vocabulary():
    config = Config(lexicons=["immigration", CUSTOM_LEXICON], patterns=CUSTOM_PATTERNS)
    fresh, _ = score_texts(TEXTS, config, vocabulary=Vocabulary())
    tiny, _ = score_texts(TEXTS, config, vocabulary=Vocabulary(max_types=5), batch_size=1)
    _assert_same(fresh, tiny)
    seen = Vocabulary()
    score_texts(TEXTS[::-1] * 2, config, vocabulary=seen)
    again, _ = score_texts(TEXTS, config, vocabulary=seen)
    _assert_same(fresh, again)
    textstat = config.replace(compat="textstat", signals=["readability"])
    _assert_same(score_texts(TEXTS, textstat, vocabulary=Vocabulary())[0], score_texts(TEXTS, textstat, vocabulary=Vocabulary(3))[0])


def test_features_many_match_one_by_one():
    words = ["cat", "116,000", "u.s", "e-commerce", "don't", "é", "𝐀b", "mr", "readability", "x", "ﬁne"]
    many = Vocabulary().words.featurize_many(words)
    for k, word in enumerate(words):
        assert {name: float(values[k]) for name, values in many.items()} == framing_features(word)


_START_METHOD_SCRIPT = textwrap.dedent(
    """
    import multiprocessing, pickle, sys
    multiprocessing.set_start_method(sys.argv[1])
    import framing
    TEXTS, CUSTOM_LEXICON, CUSTOM_PATTERNS = {!r}
    texts = TEXTS * 3
    kwargs = dict(lexicons=["immigration", CUSTOM_LEXICON], patterns=CUSTOM_PATTERNS)
    one = framing.score(texts, n_jobs=1, batch_size=256, **kwargs)
    two = framing.score(texts, n_jobs=2, batch_size=2, **kwargs)
    sys.stdout.buffer.write(pickle.dumps((one, two)))
    """
).format((TEXTS, CUSTOM_LEXICON, CUSTOM_PATTERNS))


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_identical_across_start_methods(method):
    import multiprocessing
    import pickle

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    out = subprocess.run(
        [sys.executable, "-c", _START_METHOD_SCRIPT, method], cwd=REPO, capture_output=True, check=True, timeout=300
    )
    one, two = pickle.loads(out.stdout)
    assert list(one.columns) == list(two.columns)
    assert any(c.startswith("framing.custom.") for c in one.columns)
    for column in one.columns:
        if column == "error":
            assert one[column].tolist() == two[column].tolist()
        else:
            np.testing.assert_array_equal(one[column].to_numpy(), two[column].to_numpy(), err_msg=column)
