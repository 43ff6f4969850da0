"""Highlights: exact UTF-16 coverage around emoji, layered overlaps, an untouched document."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from annotator.core.model import Annotation
from annotator.core.project import Project
from annotator.core.spans import Span, Utf16Index
from annotator.ui.main_window import MainWindow
from annotator.ui.models.post_table import Column
from annotator.ui.views.highlighter import LAYERED_ALPHA, SINGLE_ALPHA, blend


def covered(window: MainWindow) -> dict[int, tuple[str, bool]]:
    """Code-point index → (background #aarrggbb, underlined) of every highlighted character."""
    view = window.reading_pane.text_view
    text = window.reading_pane.post.text
    index = Utf16Index(text)
    result: dict[int, tuple[str, bool]] = {}
    block = view.document().firstBlock()
    while block.isValid():
        for fmt_range in block.layout().formats():
            start_qt = block.position() + fmt_range.start
            end_qt = start_qt + fmt_range.length
            style = (fmt_range.format.background().color().name(
                fmt_range.format.background().color().NameFormat.HexArgb),
                fmt_range.format.fontUnderline())
            for i in range(index.from_qt(start_qt), index.from_qt(end_qt)):
                result[i] = style
        block = block.next()
    return result


def annotate(project: Project, post_id: int, code_path: str, quote: str,
             occurrence: int = 0) -> Annotation:
    text = project.posts.get(post_id).text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    coder = project.coders.get_or_create("Alice")
    code = project.codes.by_path(code_path)
    annotation, _ = project.annotations.add(post_id, code.id, coder.id,
                                            Span(start, start + len(quote)))
    return annotation


def show(window: MainWindow, post_id: int) -> None:
    row = window.post_model.row_of(post_id)
    assert row is not None
    window.post_list.select_row(row)
    assert window.reading_pane.post is not None
    assert window.reading_pane.post.id == post_id


def colour_of(project: Project, code_path: str, alpha: int) -> str:
    code = project.codes.by_path(code_path)
    return blend([code.colour], alpha).name(blend([], 0).NameFormat.HexArgb)


def test_highlights_cover_exactly_each_annotation_after_emoji(make_window, demo_project):
    # Post 1 opens with two flags (four astral code points) and has more emoji later.
    post_id = demo_project.posts.ids()[0]
    text = demo_project.posts.get(post_id).text
    assert text.startswith("🇷🇺🇧🇾")
    first = annotate(demo_project, post_id, "Framing/Friendship and alliance",
                     "June 25 marks the 32nd Anniversary")
    second = annotate(demo_project, post_id, "Legitimation/Official voice", "Over the years")
    # Crosses paragraph (block) boundaries and starts right after an emoji.
    third = annotate(demo_project, post_id, "Rhetoric/Irony and scare quotes",
                     "We wholeheartedly congratulate")
    crossing = annotate(demo_project, post_id, "Framing/Threat",
                        "cultural ties.\n\n🤝 Over")
    window = make_window(demo_project.path)
    show(window, post_id)

    marks = covered(window)
    for annotation in (first, third):
        span = range(annotation.span.start, annotation.span.end)
        assert "".join(text[i] for i in span) == annotation.quote
        assert {i for i in marks if i in span} == set(span)
    # Paragraph separators belong to no block, so nothing paints them.
    union = {i for a in (first, second, third, crossing)
             for i in range(a.span.start, a.span.end) if text[i] != "\n"}
    assert set(marks) == union
    # Each single-code stretch carries exactly its code's colour, nothing more or less.
    for annotation, path in ((first, "Framing/Friendship and alliance"),
                             (third, "Rhetoric/Irony and scare quotes")):
        hits = {i for i, (c, _) in marks.items() if c == colour_of(demo_project, path,
                                                                    SINGLE_ALPHA)}
        assert "".join(text[i] for i in sorted(hits)) == annotation.quote
    # Separators between blocks are not characters of any block, so check around them.
    crossing_hits = {i for i, (c, _) in marks.items()
                     if c == colour_of(demo_project, "Framing/Threat", SINGLE_ALPHA)}
    assert min(crossing_hits) == crossing.span.start
    assert max(crossing_hits) < crossing.span.end


def test_overlapping_annotations_are_both_visible(make_window, demo_project):
    post_id = demo_project.posts.ids()[2]  # "🎙 Russia's Foreign Minister ..."
    text = demo_project.posts.get(post_id).text
    outer = annotate(demo_project, post_id, "Legitimation/Official voice",
                     "Russia's Foreign Minister Sergey Lavrov’s opening remarks")
    inner = annotate(demo_project, post_id, "Rhetoric/Whataboutism", "Sergey Lavrov")
    window = make_window(demo_project.path)
    show(window, post_id)

    marks = covered(window)
    both = blend([demo_project.codes.by_path("Legitimation/Official voice").colour,
                  demo_project.codes.by_path("Rhetoric/Whataboutism").colour], LAYERED_ALPHA)
    layered = {i for i, style in marks.items()
               if style == (both.name(both.NameFormat.HexArgb), True)}
    assert "".join(text[i] for i in sorted(layered)) == inner.quote
    official = colour_of(demo_project, "Legitimation/Official voice", SINGLE_ALPHA)
    alone = {i for i, (c, underline) in marks.items() if c == official and not underline}
    assert alone == set(range(outer.span.start, outer.span.end)) - layered

    runs = window.reading_pane.text_view.highlighter.runs
    assert [len(r.code_ids) for r in runs] == [1, 2, 1]


def test_tooltip_names_codes_and_coders(make_window, demo_project):
    post_id = demo_project.posts.ids()[2]
    annotate(demo_project, post_id, "Legitimation/Official voice", "Russia's Foreign Minister")
    annotate(demo_project, post_id, "Rhetoric/Whataboutism", "Foreign")
    window = make_window(demo_project.path)
    show(window, post_id)
    view = window.reading_pane.text_view
    index = Utf16Index(window.reading_pane.post.text)

    def tip_at(code_point: int) -> str | None:
        cursor = QTextCursor(view.document())
        cursor.setPosition(index.to_qt(code_point))
        rect = view.cursorRect(cursor)
        return view.tooltip_at(QPoint(rect.center().x() + 3, rect.center().y()))

    text = window.reading_pane.post.text
    # Each code: its description, then its first two examples (each cut to 80 characters).
    official = (
        "    Marks who speaks with authority - a statement, remarks or an interview attributed"
        " to the President, a minister, the Ministry or the Embassy.\n"
        "    e.g. “Foreign Ministry’s statement on retaliatory measures following EU"
        " restrictions…”; “Sergey Lavrov: I would like to once again express my gratitude”"
    )
    whataboutism = (
        "    Answers a criticism of Russia by pointing to the critic's own (alleged) wrongdoing"
        " instead of addressing it.\n"
        "    e.g. “Primarily, the full-scale armed aggression by NATO against Yugoslavia in"
        " 1999”; “NATO's key member states were extensively engaged in aggressive campaigns"
        " again…”"
    )
    assert tip_at(text.index("Russia") + 2) == f"Legitimation/Official voice — Alice\n{official}"
    assert tip_at(text.index("Foreign") + 3) == (
        f"Legitimation/Official voice — Alice\n{official}\n"
        f"Rhetoric/Whataboutism — Alice\n{whataboutism}"
    )
    assert tip_at(text.index("Lavrov")) is None


def test_tooltip_shows_the_start_of_the_definition_and_two_examples(make_window, demo_project):
    post_id = demo_project.posts.ids()[2]
    code = demo_project.codes.by_path("Legitimation/Official voice")
    demo_project.codes.update(code.id, description="Long. " * 60,
                              examples=["first quote", "second quote", "third quote"])
    annotate(demo_project, post_id, "Legitimation/Official voice", "Russia's Foreign Minister")
    window = make_window(demo_project.path)
    show(window, post_id)
    (run,) = window.reading_pane.text_view.highlighter.runs
    header, description, examples = run.tooltip.split("\n")
    assert header == "Legitimation/Official voice — Alice"
    assert description.startswith("    Long. Long.") and description.endswith("…")
    assert len(description.strip()) == 200
    assert examples == "    e.g. “first quote”; “second quote”"


def test_document_is_never_modified_by_highlighting(make_window, demo_project):
    post_id = demo_project.posts.ids()[0]
    annotate(demo_project, post_id, "Legitimation/Official voice", "June 25")
    window = make_window(demo_project.path)
    show(window, post_id)
    view = window.reading_pane.text_view
    document = view.document()
    assert view.highlighter.runs
    view.highlighter.rehighlight()
    assert not document.isModified()
    assert not document.isUndoAvailable()
    assert document.availableUndoSteps() == 0
    assert view.shown_text() == demo_project.posts.get(post_id).text


def test_new_annotation_is_highlighted_after_a_change_event(make_window, demo_project):
    window = make_window(demo_project.path)
    post_id = demo_project.posts.ids()[0]
    show(window, post_id)
    assert window.reading_pane.text_view.highlighter.runs == []
    coder, _ = window.project.coders.create("Bob")
    annotation, changes = window.project.annotations.add(post_id, 2, coder.id, Span(4, 9))
    window.events.changed.emit(changes)
    runs = window.reading_pane.text_view.highlighter.runs
    assert [(r.start_qt, r.end_qt) for r in runs] == [(8, 13)]  # four astral code points first
    assert annotation.quote == window.reading_pane.post.text[4:9]
    assert window.post_model.data(window.post_model.index(0, Column.ANNOTATIONS)) == "1"
