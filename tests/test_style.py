import numpy as np
import pytest

from framing.families import style
from framing.cues.phrases import PhraseMatcher, phrase_words
from framing.core.segment import segment


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
