import math

import numpy as np
import pytest
import textstat

import framing
from framing.core.syllables import count_syllables, textstat_syllables
from framing.core.vocabulary import is_familiar
from framing.families.readability import FORMULAS

CAT = "The cat sat on the mat."  # 6 words, 1 sentence, 6 syllables, all familiar


def scores(text: str, **kwargs) -> dict:
    return framing.score([text], **kwargs).iloc[0].to_dict()


def test_flesch_known_answer():
    s = scores(CAT)
    assert (s["text.words"], s["text.sentences"], s["text.syllables"]) == (6, 1, 6)
    assert s["readability.flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 1)
    assert s["readability.flesch_kincaid_grade"] == pytest.approx(0.39 * 6 + 11.8 - 15.59)


def test_textbook_constants_on_a_built_text():
    # 2 sentences, 13 words; "information" (4 syllables) and "government" (3) are the only
    # polysyllables, and "information" the only word off the Dale–Chall list.
    text = "The government had new information. The cat sat on the big red mat."
    s = scores(text)
    words, sentences = 13, 2
    assert (s["text.words"], s["text.sentences"], s["text.polysyllables"]) == (words, sentences, 2)
    assert s["text.difficult_words"] == 1
    letters = sum(ch.isalpha() for ch in text)
    assert s["readability.coleman_liau_index"] == pytest.approx(
        0.0588 * 100 * letters / words - 0.296 * 100 * sentences / words - 15.8
    )
    pdw = 100 * 1 / words
    assert s["readability.dale_chall_readability_score"] == pytest.approx(0.1579 * pdw + 0.0496 * words / sentences + 3.6365)
    assert s["readability.smog_index"] == pytest.approx(1.0430 * math.sqrt(30 * 2 / sentences) + 3.1291)
    assert s["readability.gunning_fog"] == pytest.approx(0.4 * (words / sentences + 100 * 2 / words))


def test_dale_chall_adjustment_only_above_five_percent():
    s = scores(CAT)
    assert s["text.difficult_words"] == 0
    assert s["readability.dale_chall_readability_score"] == pytest.approx(0.0496 * 6)  # no +3.6365


def test_linsear_write_uses_the_first_hundred_words():
    text = " ".join(["The cat sat on the mat."] * 30)  # 180 words; the first 100 span 17 sentences
    s = scores(text)
    r = 100 / 17  # all easy words
    assert s["readability.linsear_write_formula"] == pytest.approx((r - 2) / 2)


@pytest.mark.parametrize("text", [CAT, "One long sentence " * 200 + ".", "Hello", "全角の文．本当？", "U.S."])
def test_any_text_with_a_word_gets_finite_values(text):
    s = scores(text)
    for f in FORMULAS:
        assert np.isfinite(s[f"readability.{f}"]), f


def test_text_without_words_gets_nan_not_a_number_from_nowhere():
    s = scores("!!! ???")
    assert s["error"] is None and s["text.words"] == 0
    assert all(math.isnan(s[f"readability.{f}"]) for f in FORMULAS)


def test_full_width_punctuation_splits_sentences():
    # textstat issue #194: full-width marks were not terminators, FRE came out at -4995
    text = "これは文です．" * 3 + "This is fine．It works．" * 200
    s = scores(text)
    assert s["text.sentences"] >= 400
    assert s["readability.flesch_reading_ease"] > 0


def test_familiar_words_and_inflections():
    assert is_familiar("returned") and is_familiar("giants") and is_familiar("stopped")
    assert not is_familiar("deportation")


@pytest.mark.parametrize(
    "word, expected",
    [("cat", 1), ("readability", 5), ("u.s", 2), ("116,000", 1), ("1998", 1), ("3.5", 1), ("e-commerce", 3),
     ("mayorkas's", 4), ("faeries", 2)],
)  # fmt: skip
def test_syllables(word, expected):
    assert count_syllables(word) == expected


def test_textstat_syllables_keep_pyphen_fallback():
    assert textstat_syllables("faeries") == 1  # textstat issue #195, reproduced on purpose
    assert textstat_syllables("readability") == 5


def test_vectorised_hyphenation_counts_pyphens_points():
    import random

    import pyphen

    from framing.core.resources import cmu_syllables
    from framing.core.syllables import _hyphenator

    reference = pyphen.Pyphen(lang="en_US")
    rng = random.Random(7)
    words = list(cmu_syllables())[::7]  # every length and spelling pattern of English
    words += ["", "a", "ab", "2024", "3rd", "οδος", "naïve", "don't", "rock'n'roll", "x’y", "ﬁnance"]
    words += ["İstanbul"]
    words += ["supercalifragilisticexpialidocious", "a" * 40, "philanthropic", "declination"]  # whole-word patterns
    words += ["".join(rng.choice("abcdeilnorstuy'é") for _ in range(rng.randint(1, 18))) for _ in range(3000)]
    assert _hyphenator().count(words).tolist() == [len(reference.positions(w)) for w in words]


@pytest.mark.parametrize("lang", ["en_US", "de", "es", "fr", "it", "nl", "pl", "ru", "hu"])
def test_vectorised_hyphenation_counts_pyphens_points_in_every_textstat_language(lang):
    # the dense tables (first lengths), the hashed lengths, the last few substrings looked up at
    # once, the NUL between words and the one-go lower-casing, against Pyphen word by word
    import random

    import pyphen

    from framing.core.syllables import _hyphenator

    reference = pyphen.Pyphen(lang=lang)
    alphabet = sorted(set("".join(reference.hd.patterns)))
    rng = random.Random(19)
    odd = ["x", "'", "\x00", " ", "Σ", "ς", "İ", "Α", ".", "ß", "ẞ", "\u0307", "ǅ", "é", "ő"]
    words = ["".join(rng.choice(alphabet + odd) for _ in range(rng.randint(0, 24))) for _ in range(1500)]
    words += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    words += ["", "ΑΣ", "ΑΣ.", "ΑΣ'", "aΣb", "İstanbul", "Lesbarkeit", "Donaudampfschifffahrtsgesellschaft"]
    words += ["megszentségteleníthetetlenségeskedéseitekért", "anticonstitutionnellement", "precipitevolissimevolmente"]
    assert _hyphenator(lang).count(words).tolist() == [len(reference.positions(w)) for w in words]
    for group in ([".\x00."], ["a\x00b", "ΑΣ"], ["ΑΣ"] * 3, words[:1]):  # a NUL of a word's own; one word
        assert _hyphenator(lang).count(group).tolist() == [len(reference.positions(w)) for w in group]



@pytest.mark.parametrize(("lang", "trie_entries"), [("en_US", 0), ("de", 0), ("hu", 0), ("en_US", 1 << 22), ("es", 1 << 22)])
@pytest.mark.parametrize("dense_entries", [1, 64, 1 << 12])
def test_hyphenation_window_of_any_size_counts_pyphens_points(lang, dense_entries, trie_entries):
    # a window of 0, 1 or 2 characters (so most lengths are hashed, or followed along the prefix
    # tree) and no tail look-up: each of the count's ways to find patterns agrees with Pyphen
    import random

    import pyphen

    from framing.core.syllables import _Hyphenator, _pyphen

    class Small(_Hyphenator):
        DENSE_ENTRIES = dense_entries
        TAIL_LOOKUPS = 0
        TRIE_ENTRIES = trie_entries

    reference = pyphen.Pyphen(lang=lang)
    small = Small(_pyphen(lang))
    assert small.window == {1: 0, 64: 1}.get(dense_entries, 2)
    assert (small.child is not None) == bool(trie_entries)
    alphabet = sorted(set("".join(reference.hd.patterns)))
    rng = random.Random(23)
    words = ["".join(rng.choice(alphabet + ["x", "İ", "'"]) for _ in range(rng.randint(0, 30))) for _ in range(600)]
    words += ["Lesbarkeit", "Donaudampfschifffahrtsgesellschaft", "megszentségteleníthetetlenségeskedéseitekért"]
    assert small.count(words).tolist() == [len(reference.positions(w)) for w in words]

TRICKY = [
    "He left. She stayed. They argued about it all night long.",
    "rose to 3.5 percent. Then it fell.",
    "Don't 'tis rock 'n' roll's dogs' toys. O'Brien said: \"Yes!\" JOHN'S İstanbul naïve café.",
    "!!!",
    "a",
    "x " * 150 + ". end",
    "Dr. Smith met U.S. officials…. They left\n\n\nHeadline\n• bullet one\n• bullet two",
    "word " * 99 + "and... more. " + "words here. " * 10,
    "under_score snake_case 12345 3rd 2nd co-operate",
    # long runs of punctuation around words and sentence starts (past the vectorised steps), and
    # words with the same kept characters ("U.S" and "US", "Ο.Δ.Ο.Σ" and "ΟΔΟΣ")
    "(((((((((((((word)))))))))))))..... ---------------- ((((((((((( 'tis said. U.S US U.S ΟΔΟΣ Ο.Δ.Ο.Σ!",
    "Yes. ''''''''''''''''' ,,,,,,,,,,,,, no way here at all. ?!?!?!?!?!?!?!?! -- 'em all go home now.",
]


def test_compat_reproduces_textstat(seed_texts):
    texts = list(seed_texts.values()) + TRICKY
    frame = framing.score(texts, compat="textstat")
    for f in FORMULAS:
        expected = np.array([getattr(textstat, f)(t) for t in texts])
        np.testing.assert_allclose(frame[f"readability.{f}"].to_numpy(), expected, atol=1e-9, err_msg=f)
    np.testing.assert_array_equal(frame["text.words"], [textstat.lexicon_count(t) for t in texts])
    np.testing.assert_array_equal(frame["text.sentences"], [textstat.sentence_count(t) for t in texts])
    np.testing.assert_array_equal(frame["text.syllables"], [textstat.syllable_count(t) for t in texts])


def test_default_mode_differs_from_textstat_where_documented():
    # textstat splits "U.S." and then drops every fragment of two words or fewer
    text = "He left. She stayed. The U.S. team won."
    assert scores(text)["text.sentences"] == 3
    assert textstat.sentence_count(text) == 1


def test_run_strings_are_each_runs_kept_characters():
    # the one-gather construction of type strings against the definition, run by run
    import random

    from framing.core.chars import codepoints
    from framing.families.readability.textstat import _run_strings

    rng = random.Random(12)
    text = "".join(rng.choice("abcXYZ'.-ΑΣİß éő\u0627") for _ in range(3000)) + "  "
    codes = codepoints(text)
    kept = np.array([c.isalnum() or c == "'" for c in text])
    lo = np.sort(np.array(rng.sample(range(len(text) - 2), 400)))
    hi = np.minimum(lo + np.array([rng.randint(0, 12) for _ in lo]), len(text) - 1)
    for lower in (True, False):
        expected = []
        for a, b in zip(lo.tolist(), hi.tolist()):
            run = "".join(ch for ch, k in zip(text[a:b], kept[a:b]) if k)
            expected.append(run.lower() if lower else run)
        assert _run_strings(codes, kept, lo, hi, lower=lower) == expected
    assert _run_strings(codes, kept, lo[:0], hi[:0]) == []
