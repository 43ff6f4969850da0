"""Telegram text markup in HTML -> plain text plus Telegram entities.

Both HTML formats render a message's text as inline HTML (format notes (b) and (c)):

* Telegram Desktop export: ``<strong> <em> <u> <s> <code> <pre> <blockquote>``, ``<a href>``
  for links, text links and mentions, ``<a onclick="return ShowHashtag(...)">`` for hashtags
  (likewise cashtags, bot commands, mention names), ``<span class="spoiler">`` and custom
  emoji as ``<a onclick="return ShowNotLoadedEmoji();">🔥</a>`` (or ``<a href="path">``
  when the sticker was downloaded).
* ``t.me/s`` web pages: ``<b> <i> <u> <s> <code> <pre> <blockquote> <tg-spoiler>``, links,
  hashtags as ``<a href="?q=%23tag">``, every emoji wrapped as
  ``<i class="emoji" style="..."><b>👍</b></i>`` (kept as the bare emoji, no entity) and
  custom emoji as ``<tg-emoji emoji-id="...">`` (its inner text, if any, is kept).

``<br>`` becomes ``"\\n"``; HTML entities are already unescaped by the parser. The result
is the text exactly as Telegram shows it and entities as dicts ``{"type", "start", "end"}``
(half-open, in code points of the text, Telegram JSON type names) plus ``url``,
``language``, ``collapsed``, ``document_id`` (Desktop: the downloaded sticker path) or
``emoji_id`` (web) where known. Entities may nest (a bold link gives two); empty ones are
dropped.

Whitespace that only formats the HTML is removed, never text: the Desktop writer wraps
``div.text`` content in one leading ``"\\n"`` and a trailing ``"\\n"`` + indentation
(``dialect="desktop"`` strips exactly those); web pages put no raw newlines inside text
(line breaks are ``<br>``), so a leading or trailing raw whitespace run that contains a
newline is pretty-printing (``dialect="web"`` strips such runs). Line breaks from ``<br>``
are never stripped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import unquote

from annotator.core.importers.html_doc import Element, classes, is_element, text_of

Dialect = Literal["desktop", "web"]

_SIMPLE = {
    "strong": "bold",
    "b": "bold",
    "em": "italic",
    "i": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "code": "code",
    "blockquote": "blockquote",
    "tg-spoiler": "spoiler",
}
_SKIPPED_TAGS = frozenset({"script", "style", "svg", "template", "noscript"})
_ONCLICK_TYPES = (
    ("ShowHashtag", "hashtag"),
    ("ShowCashtag", "cashtag"),
    ("ShowBotCommand", "bot_command"),
    ("ShowMentionName", "mention_name"),
    ("ShowNotLoadedEmoji", "custom_emoji"),
    ("ShowNotAvailableEmoji", "custom_emoji"),
)
_HTML_SPACE = frozenset(" \t\n\r\f")
_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_EMOJI_IMAGE_RE = re.compile(r"/emoji/[0-9]+/([0-9A-Fa-f]{2,64})\.png")
_DESKTOP_TRAIL_RE = re.compile(r"\n[ \t]*\Z")


@dataclass(frozen=True, slots=True)
class RichText:
    """Plain text and its entities (see the module docstring)."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class _Builder:
    dialect: Dialect
    segments: list[tuple[str, bool]] = field(default_factory=list)  # (text, raw HTML text?)
    entities: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (order, entity)
    pos: int = 0
    opened: int = 0  # elements entered so far: orders same-range entities outer first

    def emit(self, text: str, raw: bool) -> None:
        if text:
            self.segments.append((text, raw))
            self.pos += len(text)

    def since(self, index: int) -> str:
        return "".join(text for text, _ in self.segments[index:])


def rich_text(root: Element, dialect: Dialect) -> RichText:
    """The text inside ``root`` (not its tail) with its entities; see the module docstring."""
    out = _Builder(dialect)
    # An explicit stack instead of recursion: mutated input can nest arbitrarily deep.
    # Items: ("enter", el, is_root) / ("exit", el, (segment index, start, order)) /
    # ("tail", el, None).
    stack: list[tuple[str, Element, Any]] = [("enter", root, True)]
    while stack:
        action, el, extra = stack.pop()
        if action == "tail":
            out.emit(el.tail or "", raw=True)
        elif action == "exit":
            index, start, order = extra
            entity = _entity(el, out, index, dialect)
            if entity is not None and out.pos > start:
                out.entities.append((order, {**entity, "start": start, "end": out.pos}))
        else:
            _enter(el, bool(extra), out, stack)
    return _trimmed(out)


def _enter(
    el: Element, is_root: bool, out: _Builder, stack: list[tuple[str, Element, Any]]
) -> None:
    if not is_element(el):
        return  # a comment: its content is not text (its tail is handled by the parent)
    tag = str(el.tag).lower()
    if tag in _SKIPPED_TAGS:
        return
    if tag == "br":
        out.emit("\n", raw=False)
        return
    if tag == "i" and "emoji" in classes(el):
        out.emit(emoji_text(el), raw=False)
        return
    if not is_root:
        out.opened += 1
        stack.append(("exit", el, (len(out.segments), out.pos, out.opened)))
    out.emit(el.text or "", raw=True)
    for child in reversed(list(el)):
        stack.append(("tail", child, None))
        stack.append(("enter", child, False))


def emoji_text(el: Element) -> str:
    """The emoji of a web ``<i class="emoji">``: its text, else decoded from the image name
    (``.../emoji/40/F09F918D.png`` is the UTF-8 of 👍)."""
    text = text_of(el)
    if text.strip():
        return text
    match = _EMOJI_IMAGE_RE.search(el.get("style") or "")
    if match is None or len(match.group(1)) % 2:
        return text
    try:
        return bytes.fromhex(match.group(1)).decode("utf-8")
    except ValueError:
        return text


def _entity(el: Element, out: _Builder, index: int, dialect: Dialect) -> dict[str, Any] | None:
    """The entity type (and extra keys) of a closed element, or ``None`` for plain markup;
    ``out.since(index)`` is the element's text."""
    tag = str(el.tag).lower()
    names = classes(el)
    if tag == "a":
        return _link_entity(el, out.since(index), dialect)
    if tag == "pre":
        return _pre_entity(el)
    if tag == "code":
        parent = el.getparent()
        if parent is not None and str(parent.tag).lower() == "pre":
            return None  # <pre><code>: one pre entity, as Telegram has it
        return {"type": "code"}
    if tag == "blockquote":
        collapsed = el.get("expandable") is not None or "expandable" in names
        return {"type": "blockquote", "collapsed": True} if collapsed else {"type": "blockquote"}
    if tag == "tg-emoji":
        emoji_id = el.get("emoji-id") or el.get("data-emoji-id")
        return {"type": "custom_emoji", **({"emoji_id": emoji_id} if emoji_id else {})}
    if tag == "span" and ("spoiler" in names or "tg-spoiler" in names):
        return {"type": "spoiler"}
    kind = _SIMPLE.get(tag)
    return {"type": kind} if kind else None


def _pre_entity(el: Element) -> dict[str, Any]:
    language = el.get("data-language") or _language_class(el)
    if not language:
        inner = next((c for c in el if is_element(c) and str(c.tag).lower() == "code"), None)
        language = _language_class(inner) if inner is not None else None
    return {"type": "pre", "language": language} if language else {"type": "pre"}


def _language_class(el: Element) -> str | None:
    for name in classes(el):
        if name.startswith("language-") and len(name) > len("language-"):
            return name[len("language-") :]
    return None


def _link_entity(el: Element, text: str, dialect: Dialect) -> dict[str, Any] | None:
    href = (el.get("href") or "").strip()
    onclick = el.get("onclick") or ""
    for marker, kind in _ONCLICK_TYPES:
        if marker in onclick:
            return {"type": kind}
    if href.startswith("?q="):  # web search links: hashtags and cashtags
        query = unquote(href[3:])
        if query.startswith("#"):
            return {"type": "hashtag"}
        if query.startswith("$"):
            return {"type": "cashtag"}
    if not href:
        return None
    lower = href.lower()
    if lower.startswith("mailto:"):
        return {"type": "email"} if href[7:] == text else {"type": "text_link", "url": href}
    if lower.startswith("tel:"):
        return {"type": "phone"} if href[4:] == text else {"type": "text_link", "url": href}
    if _is_mention(lower, text):
        return {"type": "mention"}
    if href == text or lower in (f"http://{text}".lower(), f"https://{text}".lower()):
        return {"type": "link", "url": href}
    if dialect == "desktop" and not _SCHEME_RE.match(href) and not href.startswith("#"):
        # The Desktop writer links a custom emoji to its downloaded file by relative path;
        # Telegram text links always carry a scheme.
        return {"type": "custom_emoji", "document_id": href}
    return {"type": "text_link", "url": href}


def _is_mention(lower_href: str, text: str) -> bool:
    if not text.startswith("@") or len(text) < 2:
        return False
    target = lower_href.rstrip("/")
    return "t.me/" in target and target.endswith("/" + text[1:].lower())


def _trimmed(out: _Builder) -> RichText:
    full = "".join(text for text, _ in out.segments)
    lead, trail = (
        _desktop_trim(out.segments) if out.dialect == "desktop" else _web_trim(out.segments)
    )
    if lead + trail >= len(full):
        lead, trail = (len(full), 0) if lead + trail > 0 else (0, 0)
    text = full[lead : len(full) - trail]
    kept: list[tuple[int, dict[str, Any]]] = []
    for order, entity in out.entities:
        start = max(0, entity["start"] - lead)
        end = min(len(text), entity["end"] - lead)
        if end > start:
            kept.append((order, {**entity, "start": start, "end": end}))
    kept.sort(key=lambda item: (item[1]["start"], -item[1]["end"], item[0]))
    return RichText(text, [entity for _, entity in kept])


def _desktop_trim(segments: list[tuple[str, bool]]) -> tuple[int, int]:
    if not segments:
        return 0, 0
    first_text, first_raw = segments[0]
    lead = 1 if first_raw and first_text.startswith("\n") else 0
    last_text, last_raw = segments[-1]
    match = _DESKTOP_TRAIL_RE.search(last_text) if last_raw else None
    return lead, len(match.group(0)) if match else 0


def _web_trim(segments: list[tuple[str, bool]]) -> tuple[int, int]:
    return _web_run(segments), _web_run([(t[::-1], raw) for t, raw in reversed(segments)])


def _web_run(segments: list[tuple[str, bool]]) -> int:
    """Length of the raw whitespace run at the start, if it holds a newline, else 0."""
    run: list[str] = []
    for text, raw in segments:
        if not raw:
            break
        stripped = len(text) - len(text.lstrip("".join(_HTML_SPACE)))
        run.append(text[:stripped])
        if stripped < len(text):
            break
    joined = "".join(run)
    return len(joined) if "\n" in joined else 0
