"""The faster paths of issue 12 (branches speed12b, speed13) give exactly what the definitions they replaced
gave: each old definition is kept here as a reference and compared on random input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.core import chars as _chars
from framing.core.segment import segment
from framing.cues import phrases as _phrases
from framing.cues.phrases import PhraseMatcher, space_only_after
from framing.families import repetition

WORDS = ["the", "a", "of", "in", "it's", "important", "to", "note", "conclusion", "said", "he", "storm", "city",
         "U.S.", "Mr.", "2020", "well", "as", "on", "other", "hand"]  # fmt: skip
PUNCT = [" ", " ", " ", " ", ", ", ". ", "\n", "  ", "; ", "\n\n"]


def _random_texts(rng: np.random.Generator, n_docs: int) -> list[str]:
    texts = []
    for _ in range(n_docs):
        n = int(rng.integers(0, 80))
        parts = []
        for _ in range(n):
            word = WORDS[int(rng.integers(len(WORDS)))]
            parts.append(word.capitalize() if rng.random() < 0.1 else word)
            parts.append(PUNCT[int(rng.integers(len(PUNCT)))])
        texts.append("".join(parts))
    return texts


def _old_spans(matcher: PhraseMatcher, corpus) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """PhraseMatcher.spans before the prefix pruning (main at 6c7247d)."""
    types = corpus.word_types
    word_start, word_end = corpus._word_bounds
    n = len(types)
    empty = np.zeros(0, np.int64)
    if n == 0 or not matcher._phrases:
        return empty, empty.copy(), empty.copy()
    type_vocab = corpus.type_values(matcher._vocabulary_index) + 1
    at = np.flatnonzero((type_vocab > 0)[types])
    if len(at) == 0:
        return empty, empty.copy(), empty.copy()
    adjacent = space_only_after(corpus)
    vocab = np.zeros(n, dtype=np.int64)
    vocab[at] = type_vocab[types[at]]
    keys = vocab[at] % _phrases._KEY_MODULUS
    starts, ends, labels = [], [], []
    for length in range(1, matcher._longest + 1):
        if length > 1:
            nxt = at + length - 1
            go_on = nxt < n
            go_on[go_on] = adjacent[nxt[go_on] - 1] & (vocab[nxt[go_on]] > 0)
            at, keys = at[go_on], (keys[go_on] * matcher._base + vocab[nxt[go_on]]) % _phrases._KEY_MODULUS
            if len(at) == 0:
                break
        if length not in matcher._tables:
            continue
        table_keys, table_ids, table_labels = matcher._tables[length]
        place = np.minimum(np.searchsorted(table_keys, keys), len(table_keys) - 1)
        hit = np.flatnonzero(table_keys[place] == keys)
        words = vocab[at[hit][:, None] + np.arange(length)]
        hit = hit[(words == table_ids[place[hit]]).all(axis=1)]
        starts.append(word_start[at[hit]])
        ends.append(word_end[at[hit] + length - 1])
        labels.append(table_labels[place[hit]])
    if not starts:
        return empty, empty.copy(), empty.copy()
    start = np.concatenate(starts).astype(np.int64)
    end = np.concatenate(ends).astype(np.int64)
    label_index = np.concatenate(labels)
    order = np.lexsort((-end, start))
    start, end, label_index = start[order], end[order], label_index[order]
    keep = np.ones(len(start), dtype=bool)
    if len(start) > 1 and bool((start[1:] < np.maximum.accumulate(end)[:-1]).any()):
        reach = -1
        for i, (s, e) in enumerate(zip(start.tolist(), end.tolist())):
            keep[i] = s >= reach
            if keep[i]:
                reach = e
    return start[keep], end[keep], label_index[keep]


def test_phrase_spans_match_the_old_definition_on_short_phrases_and_line_breaks() -> None:
    # short phrases of frequent words, texts with line breaks and bare punctuation (the case the style
    # family's first reference test covered; one reference definition is kept, _old_spans)
    rng = np.random.default_rng(12)
    words = ["the", "of", "it's", "note", "that", "in", "fact", "a", "we", "must", "Key", "to", "be"]
    for _ in range(30):
        phrases = {label: [" ".join(rng.choice(words, rng.integers(1, 5))) for _ in range(rng.integers(1, 8))] for label in "abc"}
        matcher = PhraseMatcher(phrases)
        texts = [" ".join(rng.choice(words + [".", ",", "\n"], rng.integers(0, 80))).replace(" .", ".").replace(" ,", ",")
                 for _ in range(5)]  # fmt: skip
        corpus = segment(texts)
        for new, old in zip(matcher.spans(corpus), _old_spans(matcher, corpus)):
            np.testing.assert_array_equal(new, old)


@pytest.mark.parametrize("seed", range(6))
def test_phrase_spans_match_the_old_definition(seed: int) -> None:
    rng = np.random.default_rng(seed)
    phrases: dict[str, list[str]] = {}
    for label in ("a", "b", "c"):
        phrases[label] = [
            " ".join(WORDS[int(k)] for k in rng.integers(0, len(WORDS), int(rng.integers(1, 6))))
            for _ in range(int(rng.integers(1, 25)))
        ]
    phrases["a"] += ["it's important to", "it's important to note", "on the other hand", "the", "as well as"]
    matcher = PhraseMatcher(phrases)
    corpus = segment(_random_texts(rng, 30))
    for new, old in zip(matcher.spans(corpus), _old_spans(matcher, corpus)):
        assert new.dtype == old.dtype
        np.testing.assert_array_equal(new, old)


def _old_mattr(unigram: np.ndarray, doc: np.ndarray, n_docs: int) -> np.ndarray:
    """repetition._mattr before it took the sort of the unigram ids from _ngrams (main at 6c7247d)."""
    n_words = len(unigram)
    result = np.full(n_docs, np.nan)
    if n_words == 0:
        return result
    order = np.argsort(unigram, kind="stable")
    previous = np.full(n_words, -1, dtype=np.int64)
    same = unigram[order[1:]] == unigram[order[:-1]]
    previous[order[1:][same]] = order[:-1][same]
    counts = np.bincount(doc, minlength=n_docs)
    doc_start = np.concatenate(([0], np.cumsum(counts)[:-1]))
    first, length = doc_start[doc], counts[doc]
    position = np.arange(n_words)
    window = np.minimum(length, repetition.MATTR_WINDOW)
    last_window = first + length - window
    low = np.maximum(np.maximum(position - window + 1, previous + 1), first)
    high = np.minimum(position, last_window)
    windows_with_new_type = np.maximum(high - low + 1, 0).astype(np.float64)
    n_windows = (counts - np.minimum(counts, repetition.MATTR_WINDOW) + 1).astype(np.float64)
    types_in_windows = np.bincount(doc, weights=windows_with_new_type, minlength=n_docs)
    has_words = counts > 0
    window_size = np.minimum(counts, repetition.MATTR_WINDOW)
    result[has_words] = types_in_windows[has_words] / (n_windows[has_words] * window_size[has_words])
    return result


@pytest.mark.parametrize("seed", range(4))
def test_repetition_unigrams_and_mattr_match_the_old_definition(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    texts = _random_texts(rng, 40)
    texts[3] = " ".join(["storm"] * 120)  # longer than a window, one type
    corpus = segment(texts)
    doc, type_ids = corpus.words.doc, corpus.word_types
    n_types = int(type_ids.max()) + 1
    old_unigram = pd.factorize(doc.astype(np.int64) * n_types + type_ids)[0].astype(np.int64)
    unigram, order, same = repetition._unigrams(doc, type_ids)
    # the ids may be numbered differently, but they are a relabelling of the same groups
    pairs = pd.unique(old_unigram * (int(unigram.max()) + 1) + unigram)
    assert len(pairs) == len(np.unique(old_unigram)) == len(np.unique(unigram))
    assert unigram.max() + 1 == len(np.unique(unigram))  # dense
    np.testing.assert_array_equal(repetition._mattr(order, same, doc, corpus.n_docs), _old_mattr(old_unigram, doc, corpus.n_docs))


def test_codepoint_table_take_matches_indexing() -> None:
    rng = np.random.default_rng(7)
    table = _chars.CodepointTable(np.uint32, _chars._lower_of)
    for _ in range(3):
        cps = rng.integers(0, 0x3000, 5000).astype(np.uint32)
        expected = np.array([_chars._lower_of(int(c)) for c in cps], dtype=np.uint32)
        np.testing.assert_array_equal(table.take(cps), expected)


@pytest.mark.parametrize("seed", range(4))
def test_restatement_matrix_built_directly_matches_coo(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sentence-by-stem matrix built from CSR arrays gives the restatements the COO build gave."""
    rng = np.random.default_rng(200 + seed)
    base = ["The storm hit the city on Monday and closed the schools.",
            "On Monday the storm closed every school in the city.",
            "He said the other hand was well as important to note.",
            "Officials in the city said the storm was important."]  # fmt: skip
    texts = [" ".join(base[int(k)] for k in rng.integers(0, len(base), int(rng.integers(1, 12)))) for _ in range(25)]
    texts += _random_texts(rng, 10)
    corpus = segment(texts)
    assert bool((np.diff(corpus.word_sentence) >= 0).all())
    fast = repetition._Analysis(corpus)
    import scipy.sparse as sp  # repetition imports it where it is used

    real_csr = sp.csr_matrix

    def coo_only(arg, shape):  # force the COO build
        data, (rows, cols) = arg if len(arg) == 2 else (arg[0], (np.repeat(np.arange(shape[0]), np.diff(arg[2])), arg[1]))
        return real_csr((data, (rows, cols)), shape=shape)

    monkeypatch.setattr(sp, "csr_matrix", coo_only)
    slow = repetition._Analysis(segment(texts))
    for name in ("restated", "restated_source", "restated_similarity"):
        np.testing.assert_array_equal(getattr(fast, name), getattr(slow, name))
    np.testing.assert_array_equal(fast.columns["repetition.paraphrase_share"], slow.columns["repetition.paraphrase_share"])
    assert len(fast.restated) > 0


def _random_phrase(rng: np.random.Generator, shortest: int, longest: int) -> str:
    return " ".join(WORDS[int(k)] for k in rng.integers(0, len(WORDS), int(rng.integers(shortest, longest))))


@pytest.mark.parametrize("seed", range(6))
def test_phrase_spans_pruned_by_place_match_the_old_definition(seed: int) -> None:
    """PhraseMatcher.spans extends keys only over words some phrase has at that place (speed13):
    the same matches as the old definition, with long phrases, a phrase inside another and words that
    stand at several places."""
    rng = np.random.default_rng(300 + seed)
    phrases = {
        "long": [_random_phrase(rng, 4, 9) for _ in range(10)],
        "short": [_random_phrase(rng, 1, 3) for _ in range(10)],
        "fixed": ["the the the", "the", "of the", "in the city", "it's important to note", "he said", "said he"],
    }
    matcher = PhraseMatcher(phrases)
    texts = _random_texts(rng, 30) + ["the the the the of the city in the city", "He said he said", ""]
    corpus = segment(texts)
    for new, old in zip(matcher.spans(corpus), _old_spans(matcher, corpus)):
        assert new.dtype == old.dtype
        np.testing.assert_array_equal(new, old)
    assert len(matcher.spans(corpus)[0]) > 0


# -- speed13: lexicon matching ------------------------------------------------------------------


def _old_flagged_before(flags: np.ndarray, boundary: np.ndarray, first: np.ndarray, window: int) -> np.ndarray:
    """lexicon.match's negation test before speed13: a running maximum and a count over every word."""
    breaks = np.cumsum(boundary)
    positions = np.arange(len(flags))
    last_flag = np.maximum.accumulate(np.where(flags, positions, -1))
    before = np.r_[-1, last_flag[:-1]][first]
    return (before >= 0) & (first - before <= window) & (breaks[first] == breaks[np.maximum(before, 0)])


@pytest.mark.parametrize("seed", range(8))
def test_flagged_before_matches_the_running_maximum(seed: int) -> None:
    from framing.cues import lexicon

    rng = np.random.default_rng(400 + seed)
    n = int(rng.integers(1, 300))
    flags = rng.random(n) < (0.0 if seed == 0 else 0.08)  # seed 0: nothing flagged
    boundary = rng.random(n) < 0.1
    boundary[0] = True
    first = np.sort(rng.integers(0, n, int(rng.integers(0, 60))))
    for window in (1, 5, 12):
        new = lexicon._flagged_before(np.flatnonzero(flags), np.flatnonzero(boundary), first, window)
        np.testing.assert_array_equal(new, _old_flagged_before(flags, boundary, first, window))


def _old_clause_gaps(corpus) -> np.ndarray:
    """lexicon._gaps' clause marks before speed13 (np.isin, np.unique)."""
    from framing.cues import lexicon

    start, end = corpus._word_bounds
    clause = np.zeros(len(start), dtype=bool)
    if len(start) > 1:
        spaces = corpus.space_counts
        spaced = spaces[start[1:]] - spaces[end[:-1]] == start[1:] - end[:-1]
        other = np.flatnonzero(~spaced)
        lo, hi = end[other], start[other + 1]
        lengths = hi - lo
        offsets = np.cumsum(lengths) - lengths
        positions = np.repeat(lo - offsets, lengths) + np.arange(int(lengths.sum()))
        marked = np.isin(corpus.codepoints[positions], [ord(c) for c in lexicon._CLAUSE_MARK_CHARS])
        clause[other[np.unique(np.repeat(np.arange(len(other)), lengths)[marked])]] = True
    return clause


def test_lexicon_gap_clause_marks_match_the_old_definition() -> None:
    from framing.cues import lexicon

    rng = np.random.default_rng(410)
    punct = PUNCT + [" - ", " (", ") ", " \u2014 ", ": ", "\u2013", " ,; "]
    texts = []
    for _ in range(40):
        words = [WORDS[int(k)] for k in rng.integers(0, len(WORDS), int(rng.integers(0, 60)))]
        texts.append("".join(w + punct[int(rng.integers(len(punct)))] for w in words))
    corpus = segment(texts)
    np.testing.assert_array_equal(lexicon._gaps(corpus)[1], _old_clause_gaps(corpus))


def test_lexicon_selectors_kept_across_batches_match_a_fresh_matcher() -> None:
    """Selectors kept between batches (speed13) give what a matcher that has seen no batch gives."""
    from framing.cues import lexicon

    patterns = ["threat*", "the storm", "storm * city", "of the|a other", "~note", "*ing hand", "said he", "in|on the"]
    rng = np.random.default_rng(420)
    kept = lexicon._Patterns(patterns)
    for _k in range(3):
        texts = _random_texts(rng, 20) + ["Threats of the storm hit the city. Noting the other hand, said he."]
        corpus = segment(texts)
        fresh = lexicon._Patterns(patterns)
        for new, old in zip(kept.find(corpus), fresh.find(corpus)):
            np.testing.assert_array_equal(new, old)
        assert len(kept.find(corpus)[0]) > 0


# -- speed13: the relation engine's batch arrays ------------------------------------------------


def _old_gap_marks(corpus, at: np.ndarray, last: np.ndarray, s_end: np.ndarray) -> tuple[np.ndarray, ...]:
    """relations._gap_marks before speed13: one comparison per quote character, one reduceat per mark."""
    from framing.cues import relations

    word_start, word_end = corpus._word_bounds
    n = len(at)
    gap_start = word_end[at]
    gap_end = s_end.copy()
    nxt = np.minimum(at + 1, len(word_start) - 1)
    gap_end[~last] = word_start[nxt[~last]]
    lengths = np.maximum(gap_end - gap_start, 0)
    total = np.zeros(n + 1, np.int64)
    np.cumsum(lengths, out=total[1:])
    chars = np.repeat(gap_start - total[:-1], lengths) + np.arange(int(total[-1]))
    cls = corpus.char_classes[chars]
    cp = corpus.codepoints[chars]
    quote = np.zeros(len(cp), bool)
    for c in relations._QUOTE_CHARS:
        quote |= cp == ord(c)
    masks = (
        (cls & (_chars.SPACE | _chars.PERIOD | _chars.APOSTROPHE)) == 0,
        quote,
        cp == ord(":"),
        (cls & _chars.SPACE) == 0,
    )
    some = lengths > 0
    firsts = total[:-1][some]
    out = []
    for mask in masks:
        flags = np.zeros(n, bool)
        if len(firsts):
            flags[some] = np.logical_or.reduceat(mask, firsts)
        out.append(flags)
    out[0] &= ~last
    return tuple(out)


def _quoted_texts(rng: np.random.Generator, n_docs: int) -> list[str]:
    punct = PUNCT + [': "', '," ', "\u201d ", " \u201c", " \u00ab", "\u00bb, ", ": ", " \u2014 ", "' "]
    texts = []
    for _ in range(n_docs):
        words = [WORDS[int(k)] for k in rng.integers(0, len(WORDS), int(rng.integers(0, 70)))]
        cased = [w.capitalize() if rng.random() < 0.2 else w for w in words]
        texts.append("".join(w + punct[int(rng.integers(len(punct)))] for w in cased))
    return texts


@pytest.mark.parametrize("seed", range(4))
def test_relation_gap_marks_match_the_old_definition(seed: int) -> None:
    from framing.cues import relations

    rng = np.random.default_rng(500 + seed)
    corpus = segment(_quoted_texts(rng, 30))
    sentence = corpus.word_sentence
    if len(sentence) == 0:
        return
    chosen = np.unique(rng.choice(sentence, min(20, len(sentence))))  # some sentences, as the engine's candidates
    lo, hi = np.searchsorted(sentence, chosen), np.searchsorted(sentence, chosen, side="right")
    lengths = hi - lo
    local = np.r_[0, np.cumsum(lengths)]
    at = np.repeat(lo - local[:-1], lengths) + np.arange(int(local[-1]))
    last = np.zeros(len(at), bool)
    last[local[1:] - 1] = True
    s_end = np.repeat(corpus._sentence_bounds[1][chosen], lengths)
    for new, old in zip(relations._gap_marks(corpus, at, last, s_end), _old_gap_marks(corpus, at, last, s_end)):
        assert new.dtype == old.dtype
        np.testing.assert_array_equal(new, old)


def test_relation_batch_positions_are_the_word_bounds() -> None:
    """_Batch keeps word positions as int arrays (speed13): the ints a list of them held, sentence by sentence."""
    from framing.cues import relations

    corpus = segment(_quoted_texts(np.random.default_rng(510), 20))
    sentence = corpus.word_sentence
    chosen = np.unique(sentence)
    lo, hi = np.searchsorted(sentence, chosen), np.searchsorted(sentence, chosen, side="right")
    batch = relations._Batch(corpus, np.zeros(len(sentence), bool), chosen, lo, hi)
    word_start, word_end = corpus._word_bounds
    at = np.concatenate([np.arange(a, b) for a, b in zip(lo.tolist(), hi.tolist())])
    assert list(batch.start) == word_start[at].tolist() and list(batch.end) == word_end[at].tolist()
    s = relations._Sentence(batch, 0, batch.local[1], batch.local[2], int(corpus._sentence_bounds[1][chosen[1]]))
    assert all(type(x) is int for x in (s.start[0], s.end[-1])) and list(s.start) == word_start[lo[1] : hi[1]].tolist()


def test_name_runs_are_computed_once_and_read_only() -> None:
    from framing.cues import attribution

    corpus = segment(["Yesterday Secretary Alejandro Mayorkas met the Department of Homeland Security chief."])
    first, last = attribution.name_runs(corpus)
    assert attribution.name_runs(corpus)[0] is first
    fresh = attribution._compute_name_runs(corpus)
    np.testing.assert_array_equal(first, fresh[0])
    np.testing.assert_array_equal(last, fresh[1])
    with pytest.raises(ValueError):
        first[0] = 1


def test_relation_rows_are_the_sentences_own_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    """The verb, phrase, exclusion, handle and account rows each candidate sentence receives (sentence-local word
    indices, computed for the batch at once since speed13) are its own matches, as the per-sentence subtraction gave."""
    from framing.cues import relations

    texts = _quoted_texts(np.random.default_rng(520), 25) + [
        "Officials said the plan, according to reports, was sound. @AP_Politics: the mayor said so.",
        "In a Gallup poll last month, most said no. By his own account, he left; that said, she stayed.",
    ]
    corpus = segment(texts)
    seen: list[tuple] = []
    real = relations.sentence_relations

    def record(s, lex, phrases, exclusions, verb_at=None, handles=(), accounts=()):
        seen.append((s.index, list(phrases), list(exclusions), list(verb_at), list(handles), list(accounts)))
        return real(s, lex, phrases, exclusions, verb_at, handles, accounts)

    monkeypatch.setattr(relations, "sentence_relations", record)
    relations.relations(corpus)
    assert all(any(row[k] for row in seen) for k in range(1, 6))  # every kind of row occurs
    sentence, word_start, word_end = corpus.word_sentence, *corpus._word_bounds
    cue_matcher, exclusion_matcher = relations._phrase_matchers()
    p_start, p_end, p_label = cue_matcher.spans(corpus)
    p_first, p_last = np.searchsorted(word_start, p_start), np.searchsorted(word_end, p_end)
    e_start, e_end, _ = exclusion_matcher.spans(corpus)
    e_first, e_last = np.searchsorted(word_start, e_start), np.searchsorted(word_end, e_end)
    verbs = relations._verb_candidates(corpus, corpus.type_values(relations.IS_CUE_VERB)[corpus.word_types])
    handles = relations._handle_words(corpus)
    accounts, tags = relations._account_words(corpus)
    for index, phrases, exclusions, verb_at, handle_at, account_at in seen:
        a = int(np.searchsorted(sentence, index))  # the sentence's first word
        mine = sentence[p_first] == index
        kinds = [relations.KINDS.index(cue_matcher.labels[k]) for k in p_label[mine].tolist()]
        firsts, lasts = p_first[mine].tolist(), p_last[mine].tolist()
        assert phrases == [(f - a, last - a, k) for f, last, k in zip(firsts, lasts, kinds)]
        mine = sentence[e_first] == index
        assert exclusions == [(f - a, last - a) for f, last in zip(e_first[mine].tolist(), e_last[mine].tolist())]
        assert verb_at == [w - a for w in verbs[sentence[verbs] == index].tolist()]
        assert handle_at == [w - a for w in handles[sentence[handles] == index].tolist()]
        mine = sentence[accounts] == index
        assert account_at == [(w - a, t) for w, t in zip(accounts[mine].tolist(), tags[mine].tolist())]
