import numpy as np
import pytest

from framing.core.segment import segment


def sentences(text: str) -> list[str]:
    corpus = segment([text])
    return [text[s:e] for s, e in zip(corpus.sentences.start, corpus.sentences.end)]


def words(text: str) -> list[str]:
    corpus = segment([text])
    return [text[s:e] for s, e in zip(corpus.words.start, corpus.words.end)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Sen. Jones on Jan. 5. They talked.", ["Mr. Smith met Sen. Jones on Jan. 5.", "They talked."]),
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ("Inflation rose to 3.5 percent. It was 116,000 jobs.", ["Inflation rose to 3.5 percent.", "It was 116,000 jobs."]),
        ("See No. 10 Downing Street. Then leave.", ["See No. 10 Downing Street.", "Then leave."]),
        ("“Why?” she asked. “Because!” he said.", ["“Why?” she asked.", "“Because!” he said."]),
        ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
        ("A headline without a stop\nThe body starts here.", ["A headline without a stop", "The body starts here."]),
        ("  • A list item\n  • Another item\n", ["• A list item", "• Another item"]),
        ("全角の文。Full-width stop．Next one？Yes", ["全角の文。", "Full-width stop．", "Next one？", "Yes"]),
        ("Stop．  Next？  Yes！  Done", ["Stop．", "Next？", "Yes！", "Done"]),
        ("Windows line\r\nbreaks count.\r\n\r\nOnce.", ["Windows line", "breaks count.", "Once."]),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_words_keep_internal_joiners():
    assert words("Don’t split e-commerce, U.S. or 3.5% of 116,000 (COVID-19).") == [
        "Don’t", "split", "e-commerce", "U.S", "or", "3.5", "of", "116,000", "COVID-19",
    ]  # fmt: skip


def test_comma_joins_digits_only():
    assert words("cats,dogs and 1,000") == ["cats", "dogs", "and", "1,000"]


def test_spans_point_into_each_original_text():
    texts = ["First doc.\n\nSecond paragraph here.", "Another text. With two sentences.", "x"]
    corpus = segment(texts)
    for level in (corpus.lines, corpus.paragraphs, corpus.sentences, corpus.words):
        for doc, start, end in zip(level.doc, level.start, level.end):
            piece = texts[doc][start:end]
            assert piece and piece == piece.strip()
    assert corpus.paragraphs.per_doc(3).tolist() == [2, 1, 1]
    assert corpus.sentences.per_doc(3).tolist() == [2, 2, 1]


def test_paragraphs_are_separated_by_blank_lines():
    corpus = segment(["one\ntwo\n\n  \nthree"])
    assert corpus.line_paragraph.tolist() == [0, 0, 1]


def test_invalid_inputs_become_empty_documents_with_reasons():
    corpus = segment([None, float("nan"), 3, b"bytes", "", "  \n ", "ok"])
    assert corpus.errors == [
        "missing text", "missing text", "not a string: int", "not a string: bytes", "empty text", "empty text", None,
    ]  # fmt: skip
    assert corpus.words.doc.tolist() == [6]


def test_max_chars():
    corpus = segment(["short", "much longer text"], max_chars=10)
    assert corpus.errors[0] is None and "max_chars" in corpus.errors[1]


def test_word_types_are_numbered_within_the_batch_and_case_insensitive():
    corpus = segment(["The cat. the CAT", "cat"])
    assert corpus.word_types.tolist() == [0, 1, 0, 1, 1]
    assert corpus.type_strings == ["the", "cat"]
    again = segment(["cat the"])
    assert again.word_types.tolist() == [0, 1]  # ids never depend on earlier batches
    assert again.type_strings == ["cat", "the"]
    assert again.word_feature("syllables").tolist() == [1.0, 1.0]


def test_hashes_do_not_collide_on_cmudict():
    from framing.core import chars as _chars
    from framing.core.resources import cmu_syllables

    vocabulary = list(cmu_syllables())
    text = " ".join(vocabulary)
    codes = _chars.codepoints(text)
    lengths = np.fromiter((len(w) for w in vocabulary), np.int64, len(vocabulary))
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    keep = codes != ord(" ")
    kept_before = np.concatenate(([0], np.cumsum(keep)))
    hashes = _chars.span_hashes(codes[keep], kept_before[starts], kept_before[starts + lengths])
    assert len(np.unique(hashes)) == len(vocabulary)
