"""Importer for Telegram Desktop's HTML export (``messages.html``, ``messages2.html``, ...).

Inputs (format notes (b)):

* an export folder holding ``messages*.html`` (one chat): every page, in **numeric** order
  (``messages10.html`` after ``messages2.html``); css/js/images and media folders are ignored;
* one ``messagesN.html`` file;
* a whole-account export folder (``export_results.html`` + ``chats/chat_NNN/messages*.html``),
  or its ``export_results.html``: each chat folder is a chat, chosen with
  :attr:`ImportOptions.chats` by chat name (the page header) or folder name; several chats
  and no choice is an :class:`InputFileError` that lists them.

A chat becomes a :class:`ParsedChannel` keyed by its title (this format has no Telegram id
or username); posts are identified by their message id (``id="message123"``), the same
identity the JSON export and ``t.me/s`` pages give. Pages are parsed one at a time while the
posts are consumed. Message-level details are in :mod:`tg_html_messages`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

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
    file_size,
    find_first,
    load_html,
    natural_key,
    peek,
    squash,
    text_of,
)
from annotator.core.importers.tg_html_messages import PageReader
from annotator.core.progress import CancelToken, Progress, check_cancel

FORMAT_ID = "tg-html"
EXPECTED = (
    "a Telegram Desktop HTML export: a folder with messages.html (messages2.html, ...), "
    "one messagesN.html file, or a whole-account export folder (export_results.html and "
    "chats/chat_NNN/messages.html)"
)
_PAGE_RE = re.compile(r"messages(\d*)\.html", re.IGNORECASE)
_ACCOUNT_INDEX = "export_results.html"
_PEEK_BYTES = 65_536
_TITLE_RE = re.compile(
    r'class="page_header".*?class="text bold"[^>]*>(.*?)</div>', re.DOTALL | re.IGNORECASE
)
_TITLE_MARKER = "<title>Exported Data</title>"
_PAGE_MARKERS = (_TITLE_MARKER, 'class="page_wrap"')
_CHAT_MARKERS = ('class="history"', "message default clearfix", 'class="message service"')


@dataclass(frozen=True, slots=True)
class _Chat:
    """One chat of the input: its pages in order, its folder name (account exports) and
    the title read from the head of its first page."""

    folder: str
    title: str | None
    pages: tuple[Path, ...]


def page_number(path: Path) -> int | None:
    """``messages.html`` -> 1, ``messages12.html`` -> 12; ``None`` for other names."""
    match = _PAGE_RE.fullmatch(path.name)
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 1


def message_pages(folder: Path) -> list[Path]:
    """The ``messages*.html`` files of ``folder`` in numeric order."""
    pages = [
        (number, p)
        for p in folder.iterdir()
        if p.is_file() and (number := page_number(p)) is not None
    ]
    return [p for _, p in sorted(pages, key=lambda item: (item[0], item[1].name))]


def looks_like_export(head: str) -> bool:
    """Whether the start of an HTML file carries Telegram Desktop export markers."""
    if "tgme_widget_message" in head:
        return False
    page = any(marker in head for marker in _PAGE_MARKERS)
    return page and any(marker in head for marker in _CHAT_MARKERS)




def _peek_title(page: Path) -> str | None:
    match = _TITLE_RE.search(peek(page, _PEEK_BYTES))
    if match is None:
        return None
    return squash(html.unescape(re.sub(r"<[^>]*>", "", match.group(1)))) or None


def _account_root(path: Path) -> Path | None:
    """The folder of a whole-account export at or above ``path``, if ``path`` is one."""
    if path.is_file():
        return path.parent if path.name.lower() == _ACCOUNT_INDEX else None
    if (path / "chats").is_dir():
        return path
    if any(child.is_dir() and child.name.startswith("chat_") for child in path.iterdir()):
        return path.parent  # the chats/ folder itself
    return None


def _account_chats(root: Path) -> list[_Chat]:
    chats_dir = root / "chats" if (root / "chats").is_dir() else root
    chats = []
    folders = sorted(
        (p for p in chats_dir.iterdir() if p.is_dir()), key=lambda p: natural_key(p.name)
    )
    for folder in folders:
        pages = message_pages(folder)
        if pages:
            chats.append(_Chat(folder.name, _peek_title(pages[0]), tuple(pages)))
    return chats


def _describe(chats: list[_Chat]) -> str:
    return "; ".join(f"{c.folder} ({c.title or 'untitled'})" for c in chats)


def _choose(path: Path, chats: list[_Chat], wanted: tuple[str, ...]) -> list[_Chat]:
    if not chats:
        raise InputFileError(
            path, f"the export holds no chat with messages*.html; expected {EXPECTED}"
        )
    if not wanted:
        if len(chats) == 1:
            return chats
        raise InputFileError(
            path,
            f"this export holds {len(chats)} chats; choose one or more by name or folder: "
            + _describe(chats),
        )
    chosen = [c for c in chats if c.folder in wanted or (c.title is not None and c.title in wanted)]
    known = {c.folder for c in chats} | {c.title for c in chats if c.title}
    missing = [name for name in wanted if name not in known]
    if missing or not chosen:
        raise InputFileError(
            path,
            f"no chat named {', '.join(map(repr, missing or wanted))}; the export holds: "
            + _describe(chats),
        )
    return chosen


def discover(
    path: Path, options: ImportOptions, *, every: bool = False
) -> tuple[list[_Chat], Path]:
    """The chats to import and the folder that file names in warnings are relative to.

    ``every=True`` lists every chat of an account export instead of applying
    ``options.chats`` (for choosers).
    """
    if not path.exists():
        raise InputFileError(path, "no such file or folder")
    pages = message_pages(path) if path.is_dir() else []
    if pages:  # a chat folder, even inside a whole-account export
        return [_Chat("", _peek_title(pages[0]), tuple(pages))], path
    account = _account_root(path)
    if account is not None:
        chats = _account_chats(account)
        return (chats if every else _choose(path, chats, options.chats)), account
    if path.is_file():
        return [_Chat("", _peek_title(path), (path,))], path.parent
    raise InputFileError(path, f"no messages*.html in this folder; expected {EXPECTED}")


def _check_first_page(page: Path) -> None:
    if not looks_like_export(peek(page, _PEEK_BYTES)):
        raise InputFileError(
            page, f"this page has no Telegram Desktop export markup; expected {EXPECTED}", 1
        )


class TgHtmlImporter:
    """Reads a Telegram Desktop HTML export (see the module docstring)."""

    format_id: ClassVar[str] = FORMAT_ID
    label: ClassVar[str] = "Telegram Desktop export (HTML)"

    def sniff(self, sample: Sample) -> bool:
        path = sample.path
        try:
            if path.is_dir():
                if (path / "messages.html").is_file():
                    return looks_like_export(peek(path / "messages.html", _PEEK_BYTES))
                account = _account_root(path)
                return account is not None and (account / _ACCOUNT_INDEX).is_file()
        except (OSError, InputFileError):
            return False
        head = sample.text or ""
        if path.name.lower() == _ACCOUNT_INDEX and _TITLE_MARKER in head:
            return True
        return looks_like_export(head)

    def parse(
        self,
        path: Path,
        options: ImportOptions,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> ParsedSource:
        """Check the input and choose the chats now; parse pages while posts are consumed.

        Raises :class:`InputFileError` for a missing input, an export without pages, a
        page that is not export markup, or an ambiguous/unknown chat choice.
        """
        check_cancel(cancel)
        chats, base = discover(path, options)
        for chat in chats:
            _check_first_page(chat.pages[0])
        source = ParsedSource(format=FORMAT_ID, channels={}, posts=())
        source.metadata["chats"] = [c.folder or c.title or "" for c in chats]
        source.metadata["pages"] = sum(len(c.pages) for c in chats)
        source.posts = _Run(source, chats, base, progress, cancel).posts()
        return source


class _Run:
    """One parse: walks the chosen chats' pages and fills ``source`` as it goes."""

    def __init__(
        self,
        source: ParsedSource,
        chats: list[_Chat],
        base: Path,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> None:
        self.source = source
        self.chats = chats
        self.base = base
        self.progress = progress
        self.cancel = cancel
        self.reader = PageReader(cancel, warnings=source.warnings, skipped=source.skipped)
        self.multi_file = len(chats) > 1 or any(len(c.pages) > 1 for c in chats)

    def posts(self) -> Iterator[ParsedPost]:
        total = sum(file_size(p) for chat in self.chats for p in chat.pages)
        done = 0
        for chat in self.chats:
            self.reader.start_chat()
            key: str | None = None
            for page in chat.pages:
                check_cancel(self.cancel)
                self.progress(done, total)
                loaded = load_html(page, EXPECTED)
                label = self._label(page)
                self.source.warnings.extend(_located(w, label) for w in loaded.warnings)
                if find_first(loaded.root, f"//div[{class_test('history')}]") is None:
                    raise InputFileError(page, f"no div.history in this page; expected {EXPECTED}")
                if key is None:
                    key = self._add_channel(chat, loaded.root, page)
                yield from self.reader.read_page(loaded.root, key, label, self.multi_file)
                done += loaded.size
        check_cancel(self.cancel)
        self.progress(total, total)

    def _label(self, page: Path) -> str:
        try:
            return page.relative_to(self.base).as_posix()
        except ValueError:
            return page.name

    def _add_channel(self, chat: _Chat, root: Element, page: Path) -> str:
        # The parsed header is decoded like the page; the peeked title only chose the chat.
        header = find_first(root, f"//div[{class_test('page_header')}]//div[{class_test('text')}]")
        title = squash(text_of(header)) if header is not None else chat.title
        if not title:
            title = chat.folder or page.parent.name or page.stem
            self.source.warnings.append(
                ImportWarning(
                    "title_missing",
                    f"no chat name in the page header; using {title!r}",
                    file=self._label(page),
                )
            )
        key = title
        if key in self.source.channels:
            key = f"{title} ({chat.folder})"
        metadata = {"export_folder": chat.folder} if chat.folder else {}
        self.source.channels[key] = ParsedChannel(key=key, title=title, metadata=metadata)
        return key


def _located(warning: ImportWarning, label: str) -> ImportWarning:
    return ImportWarning(
        warning.code, warning.message, line=warning.line, post=warning.post, file=label
    )
