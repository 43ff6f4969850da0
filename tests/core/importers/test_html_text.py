"""Tests for Telegram HTML text markup -> plain text + entities (``html_text``)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from annotator.core.importers.html_doc import Element, find_first, squash, text_of
from annotator.core.importers.html_text import Dialect, RichText, emoji_text, rich_text

_PARSER = etree.HTMLParser(encoding="utf-8")


def element(markup: str, xpath: str = "//body/*[1]") -> Element:
    root = etree.fromstring(f"<html><body>{markup}</body></html>".encode(), _PARSER)
    assert root is not None
    found = find_first(root, xpath)
    assert found is not None
    return found


def convert(inner: str, dialect: Dialect = "desktop") -> RichText:
    return rich_text(element(f'<div class="text">{inner}</div>'), dialect)


def check_offsets(result: RichText) -> None:
    for entity in result.entities:
        assert 0 <= entity["start"] < entity["end"] <= len(result.text), entity


def spans(result: RichText) -> list[tuple[str, str]]:
    """(type, covered text) of every entity, checking the offsets on the way."""
    check_offsets(result)
    return [(e["type"], result.text[e["start"] : e["end"]]) for e in result.entities]


def test_desktop_writer_whitespace_is_stripped_but_text_whitespace_is_kept() -> None:
    result = convert("\n  Two leading spaces <strong>bold</strong> trailing  \n     ")
    assert result.text == "  Two leading spaces bold trailing  "
    assert result.entities == [{"type": "bold", "start": 21, "end": 25}]


def test_desktop_only_one_leading_newline_is_the_writers() -> None:
    assert convert("\n<br>second line\n  ").text == "\nsecond line"
    assert convert("\nends with a break<br>\n  ").text == "ends with a break\n"


def test_entities_are_unescaped_and_br_is_a_newline() -> None:
    result = convert("\nIt&apos;s R&amp;D &lt;b&gt; &quot;q&quot;<br>next\n ")
    assert result.text == 'It\'s R&D <b> "q"\nnext'
    assert result.entities == []


def test_offsets_are_code_points_after_flags_and_zwj_sequences() -> None:
    result = convert("\n🇺🇦 👨‍👩‍👧 <em>word</em> 🇩🇪<strong>x</strong>\n ")
    assert result.text == "🇺🇦 👨‍👩‍👧 word 🇩🇪x"
    assert result.entities == [
        {"type": "italic", "start": 9, "end": 13},  # the family emoji is 5 code points
        {"type": "bold", "start": 16, "end": 17},
    ]
    assert spans(result) == [("italic", "word"), ("bold", "x")]


DESKTOP_LINKS = [
    ('<a href="https://t.me/durov">@durov</a>', {"type": "mention"}),
    (
        '<a href="https://example.com/x">https://example.com/x</a>',
        {"type": "link", "url": "https://example.com/x"},
    ),
    ('<a href="http://example.com">example.com</a>', {"type": "link", "url": "http://example.com"}),
    (
        '<a href="https://example.org/p">read</a>',
        {"type": "text_link", "url": "https://example.org/p"},
    ),
    ('<a href="mailto:a@b.io">a@b.io</a>', {"type": "email"}),
    ('<a href="tel:+4912345">+4912345</a>', {"type": "phone"}),
    ('<a href="" onclick="return ShowHashtag(&quot;t&quot;)">#t</a>', {"type": "hashtag"}),
    ('<a href="" onclick="return ShowCashtag(&quot;USD&quot;)">$USD</a>', {"type": "cashtag"}),
    ('<a href="" onclick="return ShowBotCommand(&quot;s&quot;)">/s</a>', {"type": "bot_command"}),
    ('<a href="" onclick="return ShowMentionName()">Ann</a>', {"type": "mention_name"}),
    ('<a href="" onclick="return ShowNotLoadedEmoji();">🔥</a>', {"type": "custom_emoji"}),
    ('<a href="" onclick="return ShowNotAvailableEmoji();">🔥</a>', {"type": "custom_emoji"}),
    (
        '<a href = "stickers/e.webp">👋</a>',
        {"type": "custom_emoji", "document_id": "stickers/e.webp"},
    ),
    (
        '<span class="spoiler hidden" onclick="ShowSpoiler(this)"><span aria-hidden="true">s</span>'
        "</span>",
        {"type": "spoiler"},
    ),
    ("<code>c</code>", {"type": "code"}),
    ("<pre>p</pre>", {"type": "pre"}),
    ("<blockquote>q</blockquote>", {"type": "blockquote"}),
    ("<u>u</u>", {"type": "underline"}),
    ("<s>s</s>", {"type": "strikethrough"}),
]


@pytest.mark.parametrize(("markup", "expected"), DESKTOP_LINKS)
def test_desktop_entity_types(markup: str, expected: dict[str, Any]) -> None:
    result = convert(f"\nx {markup} y\n  ")
    [entity] = result.entities
    assert {k: v for k, v in entity.items() if k not in ("start", "end")} == expected
    assert result.text[entity["start"] : entity["end"]] == text_of(element(markup)).strip()


WEB_MARKUP = [
    ('<a href="?q=%23news">#news</a>', {"type": "hashtag"}),
    ('<a href="?q=%24BTC">$BTC</a>', {"type": "cashtag"}),
    ('<a href="https://t.me/durov" target="_blank">@durov</a>', {"type": "mention"}),
    (
        '<a href="https://x.io/a" target="_blank" rel="noopener">https://x.io/a</a>',
        {"type": "link", "url": "https://x.io/a"},
    ),
    (
        '<a href="https://x.io/a" target="_blank" rel="noopener">here</a>',
        {"type": "text_link", "url": "https://x.io/a"},
    ),
    ("<tg-spoiler>hidden</tg-spoiler>", {"type": "spoiler"}),
    ('<span class="tg-spoiler">hidden</span>', {"type": "spoiler"}),
    ("<blockquote expandable>long</blockquote>", {"type": "blockquote", "collapsed": True}),
    (
        '<pre><code class="language-python">x = 1</code></pre>',
        {"type": "pre", "language": "python"},
    ),
    (
        '<tg-emoji emoji-id="42"><i class="emoji"><b>🔥</b></i></tg-emoji>',
        {"type": "custom_emoji", "emoji_id": "42"},
    ),
    ("<b>b</b>", {"type": "bold"}),
    ("<i>i</i>", {"type": "italic"}),
]


@pytest.mark.parametrize(("markup", "expected"), WEB_MARKUP)
def test_web_entity_types(markup: str, expected: dict[str, Any]) -> None:
    result = convert(f"x {markup} y", "web")
    [entity] = result.entities
    assert {k: v for k, v in entity.items() if k not in ("start", "end")} == expected
    assert result.text[entity["start"] : entity["end"]] == squash(text_of(element(markup)))


def test_web_relative_links_are_text_links_not_custom_emoji() -> None:
    result = convert('<a href="/s/chan?before=5">older</a>', "web")
    assert result.entities == [
        {"type": "text_link", "url": "/s/chan?before=5", "start": 0, "end": 5}
    ]


def test_web_emoji_wrappers_become_the_bare_emoji() -> None:
    image = "background-image:url('//telegram.org/img/emoji/40/F09F918D.png')"
    result = convert(
        f'<i class="emoji" style="{image}"><b>👍</b></i> <b>bold</b> '
        f'<i class="emoji" style="{image}"></i><tg-emoji emoji-id="7"></tg-emoji>!',
        "web",
    )
    assert result.text == "👍 bold 👍!"  # image-only emoji decoded from its file name
    assert spans(result) == [("bold", "bold")]  # empty custom emoji: no entity


def test_emoji_text_falls_back_to_text_when_the_image_name_is_not_utf8() -> None:
    assert emoji_text(element('<i class="emoji" style="url(/emoji/40/FF.png)"></i>')) == ""
    assert emoji_text(element('<i class="emoji" style="url(/emoji/40/F09F.png)">x</i>')) == "x"


def test_web_pretty_printing_newlines_are_stripped_at_the_ends_only() -> None:
    result = convert(
        '\n      <div class="tgme_widget_message_text">Album <b>caption</b>\n      </div>\n    ',
        "web",
    )
    assert result.text == "Album caption"
    assert spans(result) == [("bold", "caption")]
    assert convert("  spaced  ", "web").text == "  spaced  "
    assert convert("line<br/>", "web").text == "line\n"


def test_nested_entities_are_all_reported_outer_first() -> None:
    result = convert('<b>bold <a href="https://x.y">link</a></b> <i><u>both</u></i>', "web")
    assert spans(result) == [
        ("bold", "bold link"),
        ("text_link", "link"),
        ("italic", "both"),
        ("underline", "both"),
    ]


def test_comments_scripts_and_empty_elements_add_nothing() -> None:
    result = convert("\na<!-- note -->b<script>var x;</script><strong></strong>c\n ")
    assert result == RichText("abc", [])


def test_whitespace_only_text_gives_an_empty_result() -> None:
    assert convert("\n\n  ").text == ""  # only the writer's newlines
    assert convert("\n   \n  ", "web").text == ""


def test_deep_nesting_does_not_overflow_the_stack() -> None:
    depth = 3000
    root = etree.Element("div")
    node = root
    for _ in range(depth):
        node = etree.SubElement(node, "strong")
    node.text = "deep"
    result = rich_text(root, "web")
    assert result.text == "deep"
    assert len(result.entities) == depth
    assert text_of(root) == "deep"


TAGS = [
    "b",
    "i",
    "u",
    "s",
    "code",
    "pre",
    "strong",
    "em",
    "blockquote",
    "tg-spoiler",
    "a",
    "span",
    "br",
    "tg-emoji",
    "div",
]


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(
                st.sampled_from(
                    [
                        "",
                        ' href="https://x.y"',
                        ' href="?q=%23t"',
                        ' class="emoji"',
                        ' onclick="return ShowHashtag(1)"',
                        ' href="rel/path"',
                        ' class="spoiler"',
                    ]
                )
            )
            parts.append(f"<{tag}{attrs}>{draw(markup(depth + 1))}</{tag}>")
        else:
            parts.append(draw(st.text(alphabet=st.sampled_from("ab \n\t&;<>🇺🇦👍é\u00a0"))))
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(inner=markup(), dialect=st.sampled_from(["desktop", "web"]))
def test_any_markup_gives_valid_entities(inner: str, dialect: Dialect) -> None:
    result = convert(inner, dialect)
    check_offsets(result)
    starts = [(e["start"], -e["end"]) for e in result.entities]
    assert starts == sorted(starts)
