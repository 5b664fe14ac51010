import numpy as np
import pytest

from framing.core.segment import segment
from framing.cues.phrases import PhraseMatcher, phrase_words
from framing.families import style


def _columns(text):
    return {k: float(v[0]) for k, v in style.compute(segment([text])).items()}


def test_phrase_matcher_is_case_and_apostrophe_insensitive_within_a_sentence():
    matcher = PhraseMatcher({"a": ["it's important to"], "b": ["in conclusion"]})
    corpus = segment(["IT’S IMPORTANT TO act. In. Conclusion. in  conclusion it's important"])
    starts, ends, labels = matcher.spans(corpus)
    assert [corpus.joined[s:e] for s, e in zip(starts, ends)] == ["IT’S IMPORTANT TO", "in  conclusion"]
    assert labels.tolist() == [0, 1]


def test_phrase_matcher_counts_overlapping_matches_once():
    matcher = PhraseMatcher({"a": ["it's important to", "it's important to note", "note that"]})
    starts, _, _ = matcher.spans(segment(["It's important to note that prices rose."]))
    assert len(starts) == 1


def test_phrase_words_and_empty_phrase():
    assert phrase_words("Key Takeaways") == ("key", "takeaways")
    with pytest.raises(ValueError, match="no words"):
        PhraseMatcher({"a": ["..."]})


def test_counts_on_a_known_text():
    text = ("Key Takeaways\n\nIt's important to act. Some think so, while others disagree. We must act now. "
            "Prices rose 3% in May.")
    got = _columns(text)
    assert got["style.template_phrases"] == 2  # Key Takeaways, It's important to
    assert got["style.generic_hedges"] == 2  # Some think, while others (+ overlapping "others disagree")
    assert got["style.exhortations"] == 1
    words = 21  # 2 + 4 + 6 + 4 + 5 ("3%" is one word)
    assert got["style.filler_per_1000_words"] == pytest.approx(5 * 1000 / words)
    assert got["style.filler_sentence_share"] == pytest.approx(4 / 5)  # all but the last sentence


def test_phrases_inside_quotations_are_the_speakers():
    got = _columns('“We must act,” the mayor said. "It\'s important to wait," he added. We must go.')
    assert got["style.exhortations"] == 1
    assert got["style.template_phrases"] == 0


def test_faq_questions_need_an_answer_line():
    text = "What happened?\nThe storm hit.\nWhy now?\nNobody knows.\nIs this a question?"
    assert _columns(text)["style.faq_questions"] == 2


def test_flattened_table_lines():
    table = " ".join(["Name Role Country"] + ["Alice Engineer France Bob Teacher Spain"] * 3)
    prose = " ".join(["word"] * 25) + "."
    got = _columns(f"{table}\n\n{prose}")
    assert got["style.flattened_table_lines"] == 1


def test_seed_000_has_the_most_filler(seed_texts):
    columns = style.compute(segment(list(seed_texts.values())))
    filler = columns["style.filler_per_1000_words"]
    assert int(np.argmax(filler)) == 0 and filler[0] > 3 * max(filler[1:].max(), 1.0)


def test_evidence_spans_point_into_the_text():
    text = "Intro line.\n\nIn conclusion, we must act."
    items = style.evidence(segment(["Other doc.", text]), 1)
    assert [(e.label, e.text) for e in items] == [("template_phrase", "In conclusion"), ("exhortation", "we must")]
    assert all(text[e.start:e.end] == e.text for e in items)


def test_empty_and_blank_documents_do_not_break_the_batch():
    got = style.compute(segment(["", "We must act."]))
    assert np.isnan(got["style.filler_per_1000_words"][0]) and got["style.exhortations"][1] == 1


# -- fluency signals (issue 16) -------------------------------------------------------------------
SPECIFIC = (
    "Flood barriers at Millbrook held for six hours\n\n"
    "The barriers along the River Tess held for six hours on Tuesday, council engineer Ann Lee said. "
    "The gauge peaked at 3.5 metres shortly after 2 a.m., the Environment Agency said in a statement. "
    "About 140 properties on Station Road and Ferry Lane took on water, Lee told reporters on Wednesday."
)
GENERIC = (
    "Flooding causes damage in riverside town\n\n"
    "The flooding in the town has affected a lot of homes and roads in the area this week. "
    "Some residents say the drains were too small for the storm, while others argue the rain was simply too much. "
    "The event raises important questions about how the town can prepare for the future. "
    "The flooding in the riverside town has caused damage to homes and roads."
)


def test_hedged_balance_pairs_one_side_with_the_other():
    one = _columns("Some residents say the drains failed. Others argue the rain was too heavy for any town.")
    assert one["style.hedged_balance"] == 1
    assert _columns("Some residents say the drains failed, and the council agreed on Monday.")["style.hedged_balance"] == 0
    # inside a quotation it is the speaker's
    quoted = _columns('"Some say the drains failed, while others blame the rain," the mayor said on Monday.')
    assert quoted["style.hedged_balance"] == 0


def test_specifics_per_claim_and_unspecific_claims():
    specific, generic = _columns(SPECIFIC), _columns(GENERIC)
    assert specific["style.specifics_per_claim"] > 2 > generic["style.specifics_per_claim"]
    assert specific["style.unspecific_claim_share"] == 0 and generic["style.unspecific_claim_share"] >= 0.75
    assert specific["style.names_per_claim"] > 1 and specific["style.figures_per_claim"] >= 1
    assert generic["style.generic_framing_sentences"] == 1


def test_lead_restatement_and_rhythm():
    text = GENERIC + " It has caused damage to many homes. Residents are unhappy with the damage."
    columns = _columns(text)
    assert columns["style.lead_restatements"] >= 1
    items = [e for e in style.evidence(segment([text]), 0) if e.code == "lead_restatement"]
    assert items and text[items[0].details["lead_start"] : items[0].details["lead_end"]].startswith("Flooding")
    assert np.isnan(_columns("One sentence only.")["style.sentence_length_cv"])
    uniform = " ".join(["The council met on a cold day to talk about the new plan."] * 5 + ["A new road will be built in the spring of next year."] * 5)
    assert _columns(uniform)["style.sentence_length_cv"] < 0.1


def test_fluency_evidence_codes_are_declared():
    codes = {c.code for c in style.EVIDENCE_CODES}
    corpus = segment([GENERIC, SPECIFIC])
    found = {e.code for doc in range(2) for e in style.evidence(corpus, doc)}
    assert {"hedged_balance", "generic_framing_sentence", "unspecific_claim"} <= found <= codes
    for doc, text in enumerate(corpus.texts):
        for e in style.evidence(corpus, doc):
            assert text[e.start : e.end] == e.text


def _lead_restatements_by_loop(word_sentence, word_stem, sentence_doc, sentence_words, eligible, n_docs):
    # the definition, sentence by sentence (the vectorised version must agree with it exactly)
    from framing.families.style import LEAD_MIN_WORDS, LEAD_SENTENCES, RESTATEMENT_MIN_OVERLAP, RESTATEMENT_MIN_SHARED

    sets: dict[int, set] = {}
    for s, stem in zip(word_sentence.tolist(), word_stem.tolist()):
        sets.setdefault(s, set()).add(stem)
    n = len(sentence_doc)
    restated, of, share = [False] * n, [-1] * n, [0.0] * n
    candidates = [0.0] * n_docs
    for d in range(n_docs):
        lead: list[int] = []
        for i in [k for k in range(n) if sentence_doc[k] == d]:
            words = sets.get(i, set())
            if len(lead) < LEAD_SENTENCES:
                if sentence_words[i] >= LEAD_MIN_WORDS:
                    lead.append(i)
                continue
            if not eligible[i] or len(words) < 4:
                continue
            candidates[d] += 1
            best, best_of = 0.0, -1
            for j in lead:
                shared = len(words & sets.get(j, set()))
                if shared >= RESTATEMENT_MIN_SHARED:
                    overlap = shared / min(len(words), len(sets[j]))
                    if overlap > best:
                        best, best_of = overlap, j
            if best >= RESTATEMENT_MIN_OVERLAP:
                restated[i], of[i], share[i] = True, best_of, best
    return restated, of, share, candidates


@pytest.mark.parametrize("seed", range(30))
def test_lead_restatements_agree_with_the_sentence_by_sentence_definition(seed):
    from framing.families.style import lead_restatements

    rng = np.random.default_rng(seed)
    n_docs = int(rng.integers(1, 5))
    sentence_doc = np.sort(rng.integers(0, n_docs, size=int(rng.integers(0, 40))))
    n_sent = len(sentence_doc)
    sentence_words = rng.integers(0, 12, size=n_sent)
    eligible = rng.random(n_sent) < 0.8
    n_words = int(rng.integers(0, 300))
    word_sentence = np.sort(rng.integers(0, max(n_sent, 1), size=n_words)) if n_sent else np.zeros(0, np.int64)
    word_stem = rng.integers(0, int(rng.integers(5, 30)), size=len(word_sentence))
    got = lead_restatements(word_sentence, word_stem, sentence_doc, sentence_words, eligible, n_docs)
    want = _lead_restatements_by_loop(word_sentence, word_stem, sentence_doc, sentence_words, eligible, n_docs)
    assert got[0].tolist() == want[0]
    assert got[1].tolist() == want[1]
    assert got[2].tolist() == want[2]
    assert got[3].tolist() == want[3]
