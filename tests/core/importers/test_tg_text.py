"""Tests for the Telegram web-preview text importer (``tg-text``).

Expected values come from ``shared/formats/telegram-web-preview-text.md`` and from line ranges
of ``tests/data/tg-web-preview-sample.txt`` read independently of the importer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ParsedChannel, ParsedSource, Sample
from annotator.core.importers.tg_reactions import (
    MAX_READINGS,
    count_value,
    parse_reactions_line,
)
from annotator.core.importers.tg_text import TgTextImporter, normalise_body, parse_text
from annotator.core.progress import Cancelled, CancelToken, no_progress

DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE = DATA / "tg-web-preview-sample.txt"
MFA = "Russian MFA 🇷🇺"
TITLE = "Russian Embassy to the UK"
SAMPLE_POSTS = 18
SAMPLE_FORWARDED = 16
AMBIGUOUS = [2, 8, 10, 11, 14, 15]
OWN_POSTS = [3, 5]
HEADER = "Chan\n12 subscribers\nAbout the channel\nDownload Telegram\n"
SYNTH = Path("synthetic.txt")

# (post index, first line of the post, first body line, last body line), 1-based file lines
SAMPLE_RANGES = [
    (0, 11, 12, 24),
    (3, 62, 62, 82),
    (7, 134, 135, 151),
    (14, 269, 270, 299),
    (17, 346, 347, 367),
]


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def sample_lines() -> list[str]:
    return sample_text().split("\n")


def parse(text: str, path: Path = SYNTH) -> ParsedSource:
    return parse_text(path, text, no_progress, None)


def channel(source: ParsedSource) -> ParsedChannel:
    [only] = source.channels.values()
    return only


def codes(source: ParsedSource) -> list[str]:
    return [w.code for w in source.warnings]


def totals(line: str) -> set[int]:
    found = parse_reactions_line(line)
    assert found is not None
    return {sum(r.count for r in reading) for reading in found.readings}


def readings(line: str) -> list[list[tuple[str | None, int]]]:
    found = parse_reactions_line(line)
    assert found is not None
    return [[(r.emoji, r.count) for r in reading] for reading in found.readings]




@pytest.fixture(scope="module")
def sample() -> ParsedSource:
    return parse(sample_text(), SAMPLE)


def test_sample_post_count_and_forwarders(sample: ParsedSource) -> None:
    posts = sample.posts
    assert len(posts) == SAMPLE_POSTS
    assert sum(p.forwarded_from == MFA for p in posts) == SAMPLE_FORWARDED
    assert [i for i, p in enumerate(posts) if p.forwarded_from is None] == OWN_POSTS
    assert all(p.channel == TITLE for p in posts)
    assert all(p.external_id is None and p.author is None and p.date is None for p in posts)
    assert sample.format == "tg-text"
    assert sample.metadata == {"header_complete": True}


def test_sample_bodies_are_verbatim_line_slices(sample: ParsedSource) -> None:
    lines = sample_lines()
    for index, start, first, last in SAMPLE_RANGES:
        post = sample.posts[index]
        assert post.line == start
        assert post.metadata["source_line"] == start
        assert post.text == "\n".join(lines[first - 1 : last])
        assert post.metadata["n_chars"] == len(post.text)
    first_post = sample.posts[0].text
    assert first_post.startswith("🇷🇺🇧🇾 June 25")
    assert first_post.endswith("shared holiday!")


def test_sample_keeps_orphans_nbsp_lines_and_double_blank(sample: ParsedSource) -> None:
    lines = sample_lines()
    assert lines[287] == lines[288] == ""  # file lines 288-289
    assert "\n\n\nIt doesn" not in sample.posts[14].text  # the single blank before line 287
    assert f"\n{lines[286]}\n\n\n{lines[289]}\n" in sample.posts[14].text
    assert "\n\ufe0eWe took note" in sample.posts[3].text
    assert sum(p.text.count("\ufe0e") for p in sample.posts) == sum(
        line.count("\ufe0e") for line in lines
    )
    assert "\n\u00a0\n" in sample.posts[7].text
    assert "7\ufe0f\u20e39\ufe0f\u20e3 years ago" in sample.posts[7].text


def test_sample_reactions(sample: ParsedSource) -> None:
    ambiguous = [i for i, p in enumerate(sample.posts) if len(p.metadata["reactions_readings"]) > 1]
    assert ambiguous == AMBIGUOUS
    for i, post in enumerate(sample.posts):
        meta = post.metadata
        assert meta["reactions_missing"] is False
        assert meta["reactions_raw"] is not None
        if i in AMBIGUOUS:
            assert meta["reactions"] is None
        else:
            assert meta["reactions"] == meta["reactions_readings"][0]
    assert sample.posts[0].metadata["reactions"] == [
        {"emoji": None, "count": 5},
        {"emoji": "👏", "count": 5},
        {"emoji": "🥰", "count": 2},
        {"emoji": "👍", "count": 1},
        {"emoji": "🔥", "count": 1},
    ]
    ambiguity = [w for w in sample.warnings if w.code == "reactions_ambiguous"]
    assert [w.post for w in ambiguity] == AMBIGUOUS
    assert ambiguity[-1].line == 321  # noqa: PLR2004 - the file line of '👍431🔥1'
    assert "'👍431🔥1' has 3 readings" in ambiguity[-1].message
    assert codes(sample) == ["reactions_ambiguous"] * len(AMBIGUOUS)


def test_sample_header(sample: ParsedSource) -> None:
    (channel,) = sample.channels.values()
    assert channel.key == channel.title == TITLE
    assert channel.metadata["counters"] == {
        "subscribers": "3.46K",
        "photos": "2.31K",
        "videos": "248",
        "files": "1",
        "links": "1.36K",
    }
    assert channel.metadata["counters_parsed"] == {
        "subscribers": 3460,
        "photos": 2310,
        "videos": 248,
        "files": 1,
        "links": 1360,
    }
    lines = sample_lines()
    assert channel.metadata["description"] == "\n".join(lines[6:9])
    assert channel.metadata["description"].startswith("Official Telegram channel")




def test_reactions_bare_leading_count() -> None:
    assert readings("5👏5🥰2👍1🔥1") == [[(None, 5), ("👏", 5), ("🥰", 2), ("👍", 1), ("🔥", 1)]]


def test_reactions_emoji_run_is_one_reaction() -> None:
    assert readings("❤🔥821") == [
        [("❤🔥", 821)],
        [("❤🔥", 82), (None, 1)],
        [("❤🔥", 8), (None, 2), (None, 1)],
    ]


def test_reactions_glued_counts() -> None:
    assert readings("💯7👍42") == [[("💯", 7), ("👍", 4), (None, 2)]]
    assert totals("👍431🔥1") == {432, 45, 9}


def test_reactions_k_and_m_suffixes() -> None:
    assert readings("1.2K👍3") == [[(None, 1200), ("👍", 3)]]
    assert readings("👍3.1M🔥2K") == [[("👍", 3_100_000), ("🔥", 2000)]]
    assert readings("👍1.2K3") == [[("👍", 1200), (None, 3)]]
    assert count_value("3.46K") == 3460  # noqa: PLR2004
    assert count_value("1,5M") == 1_500_000  # noqa: PLR2004


def test_reactions_trailing_spaces_and_raw() -> None:
    found = parse_reactions_line("👍5 \u00a0")
    assert found is not None
    assert found.raw == "👍5 \u00a0"
    assert [[(r.emoji, r.count) for r in reading] for reading in found.readings] == [[("👍", 5)]]


@pytest.mark.parametrize(
    "line",
    [
        "7️⃣9️⃣",  # keycaps are body text
        "7\ufe0f\u20e3",
        "Read in full",
        "👍 5",
        "👍5👎",  # must end with a count
        "👍05",  # leading zero
        "👍0",
        "5.",
        "👍1.5",  # a fraction without K/M is no count
        "👍5!",
        "",
        "\u00a0",
        "#3",
    ],
)
def test_not_a_reactions_line(line: str) -> None:
    assert parse_reactions_line(line) is None


def test_reactions_enumeration_is_capped() -> None:
    found = parse_reactions_line("👍" + "1" * 40)
    assert found is not None
    assert found.capped
    assert len(found.readings) == MAX_READINGS
    huge = parse_reactions_line("👍" + "9876543210" * 500)
    assert huge is None or len(huge.readings) <= MAX_READINGS


def test_capped_line_warns() -> None:
    source = parse(HEADER + "Body\n👍" + "1" * 30 + "\n")
    (warning,) = source.warnings
    assert warning.code == "reactions_ambiguous"
    assert "capped" in warning.message
    assert len(source.posts[0].metadata["reactions_readings"]) == MAX_READINGS




def test_identity_is_repeatable(sample: ParsedSource) -> None:
    again = parse(sample_text(), SAMPLE)
    assert [p.identity for p in again.posts] == [p.identity for p in sample.posts]
    assert len({p.identity for p in sample.posts}) == SAMPLE_POSTS
    assert all(p.identity.startswith("tgtext:") and p.identity.endswith(":1") for p in again.posts)
    assert all(p.metadata["occurrence"] == 1 for p in again.posts)


def test_identity_survives_prepended_posts(sample: ParsedSource) -> None:
    lines = sample_lines()
    newer = [
        "Forwarded from\u00a0Russian MFA 🇷🇺",
        "A newer post.",
        "👍3",
        "Our own newer post.",
        "",
        "Second paragraph.",
        "🔥2",
    ]
    text = "\n".join(lines[:10] + newer + lines[10:])
    later = parse(text, SAMPLE)
    assert len(later.posts) == SAMPLE_POSTS + 2
    assert [p.identity for p in later.posts[2:]] == [p.identity for p in sample.posts]
    first_line = sample.posts[0].line
    assert first_line is not None
    assert later.posts[2].line == first_line + len(newer)
    assert later.posts[0].text == "A newer post."


def test_duplicate_bodies_get_occurrence_numbers() -> None:
    text = HEADER + "Same text\n👍1\nSame text  \n🔥2\nOther\n👍1\n\u00a0Same text\n👎4\n"
    posts = parse(text).posts
    keys = [p.identity.rsplit(":", 1) for p in posts]
    assert [k[1] for k in keys] == ["1", "2", "1", "3"]
    assert keys[0][0] == keys[1][0] == keys[3][0] != keys[2][0]
    assert [p.metadata["occurrence"] for p in posts] == [1, 2, 1, 3]
    assert posts[1].text == "Same text  "  # verbatim; only the identity is normalised
    assert posts[3].text == "\u00a0Same text"


def test_normalise_body() -> None:
    raw = "\ufe0eWe took\u00a0note   \n\u00a0\n\n\n\ufe0fNext\ufe0f\n\n"
    assert normalise_body(raw) == "We took note\n\nNext\ufe0f"
    assert normalise_body("e\u0301") == "\u00e9"




def test_missing_download_telegram_ends_header_at_forward() -> None:
    text = "Chan\n3 subscribers\n1 photo\nAbout us\n\nForwarded from X\nHello\n👍5"
    source = parse(text)
    assert source.metadata == {"header_complete": False}
    (channel,) = source.channels.values()
    assert channel.metadata["description"] == "About us"
    assert channel.metadata["counters"] == {"subscribers": "3", "photos": "1"}
    assert codes(source) == ["header_incomplete"]
    assert source.warnings[0].line == 6  # noqa: PLR2004
    assert [(p.forwarded_from, p.text) for p in source.posts] == [("X", "Hello")]


def test_missing_download_telegram_with_reactions_first() -> None:
    source = parse("Chan\n3 subscribers\nHello\n👍5\nWorld\n🔥1\n")
    assert codes(source) == ["header_incomplete"]
    assert [p.text for p in source.posts] == ["Hello", "World"]
    assert channel(source).metadata["description"] == ""


def test_channel_without_reactions() -> None:
    text = HEADER + "Forwarded from A\nOne\n\nForwarded from\u00a0 B\nTwo\n\n"
    source = parse(text)
    assert [(p.forwarded_from, p.text) for p in source.posts] == [("A", "One"), ("B", "Two")]
    assert all(p.metadata["reactions_missing"] for p in source.posts)
    assert all(p.metadata["reactions_raw"] is None for p in source.posts)
    assert all(p.metadata["reactions_readings"] == [] for p in source.posts)
    assert codes(source) == ["reactions_missing", "reactions_missing"]
    assert [w.post for w in source.warnings] == [0, 1]
    assert "truncated" in source.warnings[1].message


def test_empty_body_post() -> None:
    source = parse(HEADER + "Caption\n👍5\n🔥3\nForwarded from A\n💯2\nLast\n👎1")
    assert [p.text for p in source.posts] == ["Caption", "", "", "Last"]
    assert [p.line for p in source.posts] == [5, 7, 8, 10]
    assert source.posts[1].metadata["reactions"] == [{"emoji": "🔥", "count": 3}]
    assert codes(source) == ["empty_body", "empty_body"]
    assert [w.post for w in source.warnings] == [1, 2]


def test_crlf_and_trailing_newline_give_the_same_posts(sample: ParsedSource) -> None:
    for text in (sample_text().replace("\n", "\r\n"), sample_text() + "\n"):
        other = parse(text, SAMPLE)
        assert [p.text for p in other.posts] == [p.text for p in sample.posts]
        assert [p.identity for p in other.posts] == [p.identity for p in sample.posts]
        assert [p.line for p in other.posts] == [p.line for p in sample.posts]
        assert not any("\r" in p.text for p in other.posts)


def test_digits_after_blank_line_are_body() -> None:
    source = parse(HEADER + "Forwarded from A\nLooking back at\n\n2024\nand ahead.\n👍5\n")
    (post,) = source.posts
    assert post.text == "Looking back at\n\n2024\nand ahead."
    assert post.metadata["reactions_raw"] == "👍5"


def test_candidate_followed_by_blank_line_is_body() -> None:
    source = parse(HEADER + "Score\n👍5\n\nstill the same post\n🔥2\n\n\n")
    (post,) = source.posts
    assert post.text == "Score\n👍5\n\nstill the same post"
    assert post.metadata["reactions_raw"] == "🔥2"
    assert source.warnings == []


def test_truncated_file() -> None:
    lines = sample_lines()
    source = parse("\n".join(lines[:361]) + "\n", SAMPLE)  # cut after file line 361
    assert len(source.posts) == SAMPLE_POSTS
    last = source.posts[-1]
    assert last.metadata["reactions_missing"] is True
    assert last.text == "\n".join(lines[346:361])
    assert last.text.endswith("\n\n#RussiaUS")
    missing = [w for w in source.warnings if w.code == "reactions_missing"]
    assert [w.post for w in missing] == [SAMPLE_POSTS - 1]
    assert "truncated" in missing[0].message


def test_file_without_header() -> None:
    source = parse("Forwarded from A\nHello\n👍2\n", Path("dump.txt"))
    assert channel(source).key == "dump"
    assert codes(source) == ["header_incomplete"]
    assert source.posts[0].text == "Hello"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "Dear diary,\nToday was fine.\n\nThe end.\n",
        "Chapter one\n42\nIt was a dark night.\n",
        "Chan\n3.46K subscribers\n2 photos\n",
        HEADER,
    ],
)
def test_not_this_format(text: str) -> None:
    with pytest.raises(InputFileError) as caught:
        parse(text)
    assert "no posts found" in str(caught.value)
    assert caught.value.path == SYNTH




def test_sniff_accepts_the_sample() -> None:
    importer = TgTextImporter()
    assert importer.format_id == "tg-text"
    assert importer.label == "Telegram web preview (text copy)"
    assert importer.sniff(Sample(SAMPLE, b"", sample_text()[:4096]))
    assert importer.sniff(Sample(SAMPLE, b"", sample_text()[:200]))
    two_posts = "Forwarded from A\nHello\n👍2\nForwarded from B\nBye\n🔥1"
    assert importer.sniff(Sample(SYNTH, b"", two_posts))


@pytest.mark.parametrize(
    "head",
    [
        '{"name": "Chan", "type": "public_channel", "messages": []}',
        '[{"text": "Forwarded from A", "reactions": "👍2"}]',
        "<!DOCTYPE html>\n<html><body>Download Telegram</body></html>",
        "  <div>3 subscribers</div>",
        "id,date,text,views\n1,2024-06-25,Forwarded from A,10\n2,2024-06-26,👍5,12\n",
        "id;date;text\n1;2024;Forwarded from A\n2;2025;👍5\n",
        "id\tdate\ttext\n1\t2024\tForwarded from A\n2\t2025\t👍5\n",
        "Dear diary,\nToday was fine.\n",
        "",
    ],
)
def test_sniff_rejects_other_formats(head: str) -> None:
    assert not TgTextImporter().sniff(Sample(SYNTH, b"", head))


def test_progress_reports_the_end() -> None:
    calls: list[tuple[int, int]] = []
    parse_text(SAMPLE, sample_text(), lambda d, t: calls.append((d, t)), None)
    total = len(sample_lines())
    assert calls[-1] == (total, total)
    assert all(0 <= done <= t == total for done, t in calls)


def test_cancel_before_and_during_parse() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        parse_text(SAMPLE, sample_text(), no_progress, token)

    during = CancelToken()

    def cancel_on_first_report(done: int, total: int) -> None:
        during.cancel()

    with pytest.raises(Cancelled):
        parse_text(SAMPLE, sample_text(), cancel_on_first_report, during)


def test_copies_with_a_blank_line_after_each_post() -> None:
    posts = "".join(f"Post {n} text.\n👍{9 - n}🔥1\n\n" for n in range(4))
    source = parse(HEADER + posts)
    assert [p.text for p in source.posts] == [f"Post {n} text." for n in range(4)]
    assert [p.metadata["reactions_raw"] for p in source.posts] == [
        f"👍{9 - n}🔥1" for n in range(4)]


def test_digits_alone_inside_a_post_stay_body_text() -> None:
    source = parse(HEADER + "Results of the vote:\n2025\nwere announced.\n👍12🔥3\n"
                   "Top 3 reasons\n1\nBecause.\n👍9\n")
    assert [p.text for p in source.posts] == [
        "Results of the vote:\n2025\nwere announced.", "Top 3 reasons\n1\nBecause."]


def test_reactions_out_of_order_are_kept_with_a_warning() -> None:
    source = parse(HEADER + "First post.\n👍5🔥12\nSecond post.\n👍3\n")
    assert [p.text for p in source.posts] == ["First post.", "Second post."]
    assert source.posts[0].metadata["reactions"] == [
        {"emoji": "👍", "count": 5}, {"emoji": "🔥", "count": 12}]
    assert codes(source) == ["reactions_unordered"]


def test_a_username_line_in_the_header_is_kept() -> None:
    text = ("Pavel Durov\n@durov\n10.2M subscribers\n500 photos\nAbout me.\nDownload Telegram\n"
            "Hello 🇦🇪\n👍12\n")
    assert TgTextImporter().sniff(Sample(SYNTH, b"", text))
    source = parse(text)
    [channel_] = source.channels.values()
    assert channel_.username == "durov"
    assert channel_.metadata["counters"] == {"subscribers": "10.2M", "photos": "500"}
    assert channel_.metadata["description"] == "About me."
    assert [p.text for p in source.posts] == ["Hello 🇦🇪"]
