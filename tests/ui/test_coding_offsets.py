"""Coding by key after emoji, flags and keycaps: the stored quote and the highlight are exact.

Selections are made with a QTextCursor in UTF-16 positions computed by encoding
the text before them (not with the app's converter); the code key is a real
key press on the post text.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.spans import Span
from annotator.ui.views.highlighter import SINGLE_ALPHA, blend
from tests.ui.coding_support import highlighted, select_quote, selected_text, show_post

_KEYS = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)}

CASES = [
    # (list row, quote, key): flags, a paragraph break, keycaps, astral emoji, VS16.
    (0, [("🇷🇺🇧🇾", "1"),                            # starts the post, ends right after a flag
         ("June 25 marks the 32nd Anniversary", "2"),  # after two flags (four astral units)
         ("cultural ties.\n\n🤝 Over the years", "3")]),  # across a paragraph break
    (7, [("7️⃣9️⃣ years ago", "4"),                    # keycaps open the post
         ("🇺🇳 Today, the UN comprises 1️⃣9️⃣3️⃣", "5"),  # a flag, then keycaps at the end
         ("Russia invariably", "6")]),                   # after "🇷🇺 " deep in the post
    (9, [("🇷🇺🇮🇷", "7"),                            # ends right after the second flag
         ("📞 President", "8")]),
    (1, [("⚡️ Foreign Ministry’s statement", "9")]),   # ⚡ plus a variation selector
    (2, [("Russia's Foreign Minister", "1")]),          # after 🎙 (astral)
]


@pytest.mark.parametrize(("row", "selections"), CASES)
def test_coded_selection_is_stored_and_highlighted_exactly(coding_window, qtbot, row,
                                                           selections):
    window = coding_window
    project = window.project
    view = window.reading_pane.text_view
    post_id = show_post(window, row)
    text = project.posts.get(post_id).text
    codes = {c.shortcut: c for c in project.codes.list() if c.shortcut}
    coded: list[tuple[Span, str]] = []
    for quote, key in selections:
        span = select_quote(window, quote)
        shown = selected_text(window)
        assert shown == quote
        qtbot.keyClick(view, _KEYS[key])

        latest = max(project.annotations.for_post(post_id), key=lambda a: a.id)
        assert latest.span == span
        assert latest.quote == text[span.start:span.end] == shown
        assert latest.code_id == codes[key].id
        assert latest.coder_id == window.coding.coder.id
        coded.append((span, key))

        painted = highlighted(window)
        expected = {i for s, _ in coded for i in range(s.start, s.end) if text[i] != "\n"}
        assert set(painted) == expected  # paragraph separators belong to no block
        for each, each_key in coded:
            colour = blend([codes[each_key].colour], SINGLE_ALPHA)
            inside = {painted[i] for i in range(each.start, each.end) if text[i] != "\n"}
            assert inside == {colour.name(colour.NameFormat.HexArgb)}
    assert len(project.annotations.for_post(post_id)) == len(selections)
    assert view.shown_text() == text
    assert not view.document().isModified()
    assert view.document().availableUndoSteps() == 0
