"""Importer for saved ``t.me/s/<channel>`` web pages (HTML), one page or a folder of pages.

A folder holds pages of one channel saved at different scroll positions or ``?before=N``
offsets (its top-level ``*.html``/``*.htm`` files, read in natural name order; browser
asset folders are ignored). Pages overlap, so the same ``data-post`` may appear several
times: it is yielded once (the first page in name order wins; a later copy with another
text is reported) and counted under ``skipped["duplicate post"]``. Pages may be newest
first, so posts are yielded in ascending id order per channel.

``data-post="chan/ID"`` gives the channel's username and the post's identity ``ID`` (the
message id, as the Desktop exports have it). The channel header (title, counters such as
``3.46K subscribers``, description) becomes channel metadata, with counters raw and parsed
as the tg-text importer stores them. Post details are in :mod:`tg_web_posts`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from annotator.core.errors import InputFileError
from annotator.core.importers.base import (
    ImportOptions,
    ImportWarning,
    ParsedChannel,
    ParsedPost,
    ParsedSource,
    Sample,
)
from annotator.core.importers.html_doc import (
    Element,
    class_test,
    descendants_with_class,
    file_size,
    find_all,
    find_first,
    first_with_class,
    load_html,
    natural_key,
    peek,
    squash,
    text_of,
)
from annotator.core.importers.html_text import rich_text
from annotator.core.importers.tg_web_posts import parse_count, read_block
from annotator.core.progress import CancelToken, Progress, check_cancel

FORMAT_ID = "tg-web"
EXPECTED = (
    "a saved t.me/s/<channel> web page (HTML with tgme_widget_message blocks), "
    "or a folder of such pages of one channel"
)
_MARKERS = ("tgme_widget_message", "tgme_channel_info")
_SUFFIXES = (".html", ".htm")
_SNIFF_FILES = 20
_PEEK_BYTES = 65_536


def looks_like_preview(head: str) -> bool:
    """Whether the start of an HTML file carries ``t.me/s`` markers."""
    return any(marker in head for marker in _MARKERS)


def page_files(path: Path) -> list[Path]:
    """The pages of the input: the file itself, or a folder's top-level HTML files."""
    if not path.exists():
        raise InputFileError(path, "no such file or folder")
    if path.is_file():
        return [path]
    pages = [p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES]
    if not pages:
        raise InputFileError(path, f"no .html files in this folder; expected {EXPECTED}")
    return sorted(pages, key=lambda p: natural_key(p.name))


@dataclass(slots=True)
class _Header:
    title: str
    username: str | None
    counters: dict[str, str]
    description: str


def read_header(root: Element) -> _Header | None:
    """The channel header of a page (``.tgme_channel_info``), if the page has one."""
    info = first_with_class(root, "tgme_channel_info")
    if info is None:
        return None
    title_el = first_with_class(info, "tgme_channel_info_header_title")
    title = squash(rich_text(title_el, "web").text) if title_el is not None else ""
    user_el = first_with_class(info, "tgme_channel_info_header_username")
    username = squash(text_of(user_el)).lstrip("@") if user_el is not None else ""
    counters: dict[str, str] = {}
    for counter in descendants_with_class(info, "tgme_channel_info_counter"):
        value_el = first_with_class(counter, "counter_value")
        type_el = first_with_class(counter, "counter_type")
        if value_el is None or type_el is None:
            continue
        kind = squash(text_of(type_el)).lower()
        if kind:
            counters[kind if kind.endswith("s") else kind + "s"] = squash(text_of(value_el))
    desc_el = first_with_class(info, "tgme_channel_info_description")
    description = rich_text(desc_el, "web").text.strip() if desc_el is not None else ""
    return _Header(title, username or None, counters, description)


def _og_title(root: Element) -> str | None:
    meta = find_first(root, "//meta[@property='og:title']")
    title = squash(meta.get("content") or "") if meta is not None else ""
    return title or None


@dataclass(slots=True)
class _Collected:
    """What the pages yielded so far, keyed by lower-case username."""

    posts: dict[tuple[str, int], ParsedPost] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> username as first written
    owners: dict[str, str] = field(default_factory=dict)  # key -> owner name of a post
    headers: list[_Header] = field(default_factory=list)
    og_titles: list[str] = field(default_factory=list)
    # Warnings about kept posts wait for the final order, which gives their post index.
    pending: dict[tuple[str, int], list[ImportWarning]] = field(default_factory=dict)


class TgWebImporter:
    """Reads saved ``t.me/s`` pages (see the module docstring)."""

    format_id: ClassVar[str] = FORMAT_ID
    label: ClassVar[str] = "Saved t.me/s web pages (HTML)"

    def sniff(self, sample: Sample) -> bool:
        path = sample.path
        if path.is_dir():
            try:
                files = sorted(
                    p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES
                )[:_SNIFF_FILES]
                return any(looks_like_preview(peek(p, _PEEK_BYTES)) for p in files)
            except OSError:
                return False
        return looks_like_preview(sample.text or "")

    def parse(
        self,
        path: Path,
        options: ImportOptions,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> ParsedSource:
        """Read every page now (pages are small; posts are sorted by id across pages).

        Raises :class:`InputFileError` when the input holds no ``t.me/s`` page at all.
        """
        check_cancel(cancel)
        pages = page_files(path)
        source = ParsedSource(format=FORMAT_ID, channels={}, posts=())
        found = _Collected()
        total = sum(file_size(p) for p in pages)
        done = 0
        base = path if path.is_dir() else path.parent
        for page in pages:
            check_cancel(cancel)
            progress(done, total)
            _read_page(page, page.relative_to(base).as_posix(), len(pages) > 1, found, source)
            done += file_size(page)
        if not found.posts and not found.headers:
            raise InputFileError(
                path, f"no t.me/s posts or channel header found; expected {EXPECTED}"
            )
        _channels(found, source)
        _select(path, source, options.chats)
        rank = {name: i for i, name in enumerate(source.channels)}
        keys = sorted(
            (k for k in found.posts if found.names[k[0]] in rank),
            key=lambda k: (rank[found.names[k[0]]], k[1]),
        )
        source.posts = [found.posts[k] for k in keys]
        for index, key in enumerate(keys):
            source.warnings.extend(
                dataclasses.replace(w, post=index) for w in found.pending.get(key, [])
            )
        source.metadata["pages"] = len(pages)
        if not found.posts:
            source.warnings.append(ImportWarning("no_posts", "the pages hold no posts"))
        check_cancel(cancel)
        progress(total, total)
        return source


def _read_page(
    page: Path, label: str, multi: bool, found: _Collected, source: ParsedSource
) -> None:
    loaded = load_html(page, EXPECTED)
    source.warnings.extend(
        ImportWarning(w.code, w.message, line=w.line, file=label) for w in loaded.warnings
    )

    notes: list[ImportWarning] = []

    def warn(code: str, message: str, line: int | None) -> None:
        notes.append(ImportWarning(code, message, line=line, file=label))

    root = loaded.root
    header = read_header(root)
    blocks = find_all(root, f"//*[{class_test('tgme_widget_message')}][@data-post]")
    if header is None and not blocks:
        if not multi:
            raise InputFileError(page, f"no t.me/s posts or channel header; expected {EXPECTED}")
        warn("not_a_preview_page", "no t.me/s posts or channel header; page ignored", None)
        source.warnings.extend(notes)
        return
    if header is not None:
        found.headers.append(header)
    if (og := _og_title(root)) is not None:
        found.og_titles.append(og)
    for el in blocks:
        notes.clear()
        block = read_block(el, warn)
        if block.skipped is not None:
            source.skipped[block.skipped] += 1
            source.warnings.extend(notes)
            continue
        post, username = block.post, block.username
        if post is None or username is None or block.message_id is None:
            continue
        key = username.lower()
        found.names.setdefault(key, username)
        if "from" in post.metadata:
            found.owners.setdefault(key, post.metadata["from"])
        slot = (key, block.message_id)
        if slot in found.posts:
            source.skipped["duplicate post"] += 1
            if found.posts[slot].text != post.text:
                warn(
                    "duplicate_differs",
                    f"post {username}/{block.message_id} appears again with another text; "
                    "the first copy is kept",
                    post.line,
                )
            source.warnings.extend(notes)
            continue
        meta = {**post.metadata, **({"source_file": label} if multi else {})}
        found.posts[slot] = dataclasses.replace(post, channel=found.names[key], metadata=meta)
        found.pending[slot] = list(notes)


def _channels(found: _Collected, source: ParsedSource) -> None:
    """One channel per username of the posts (or of the header when there are no posts)."""
    keys = list(found.names)
    if not keys:
        only = found.headers[0]
        name = only.username or only.title or "channel"
        found.names[name.lower()] = name
        keys = [name.lower()]
    if len(keys) > 1:
        names = ", ".join(found.names[k] for k in keys)
        source.warnings.append(
            ImportWarning("several_channels", f"the pages hold posts of several channels: {names}")
        )
    for key in keys:
        header = _header_for(found, key, len(keys))
        username = found.names[key]
        title = (
            (header.title if header is not None and header.title else None)
            or (found.og_titles[0] if found.og_titles and len(keys) == 1 else None)
            or found.owners.get(key)
            or username
        )
        metadata: dict[str, Any] = {}
        if header is not None:
            metadata = {
                "counters": dict(header.counters),
                "counters_parsed": {
                    k: v
                    for k, raw in header.counters.items()
                    if (v := parse_count(raw)) is not None
                },
                "description": header.description,
            }
        source.channels[username] = ParsedChannel(
            key=username, title=title, metadata=metadata, username=username
        )


def _select(path: Path, source: ParsedSource, wanted: tuple[str, ...]) -> None:
    """Keep only the channels named in ``wanted`` (by username, any case, or title)."""
    if not wanted:
        return
    lowered = {name.lower().lstrip("@") for name in wanted}
    keep = {
        key
        for key, channel in source.channels.items()
        if key.lower() in lowered or channel.title in wanted
    }
    if not keep:
        known = ", ".join(f"{k} ({c.title})" for k, c in source.channels.items())
        raise InputFileError(
            path, f"no channel named {', '.join(map(repr, wanted))}; the pages hold: {known}"
        )
    source.channels = {k: c for k, c in source.channels.items() if k in keep}


def _header_for(found: _Collected, key: str, n_channels: int) -> _Header | None:
    for header in found.headers:
        if header.username is not None and header.username.lower() == key:
            return header
    if n_channels == 1:
        return next((h for h in found.headers if h.username is None), None)
    return None
