"""Full-text search and post list filters."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import PostStatus
from annotator.core.posts.service import PostFilter, hit_spans
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.storage.search import fts_query
from tests.conftest import make_v1_project


def texts(project: Project, where: PostFilter) -> list[str]:
    return [p.text for p in project.posts.get_many(project.posts.ids(where))]


def test_search_finds_words_prefixes_and_phrases(demo_project: Project) -> None:
    found = texts(demo_project, PostFilter(text="belarus"))
    assert found and all("belarus" in t.casefold() for t in found)
    assert texts(demo_project, PostFilter(text="Belar")) == found  # prefix
    both = texts(demo_project, PostFilter(text="Belarus Lavrov"))
    assert all("lavrov" in t.casefold() and "belarus" in t.casefold() for t in both)
    phrase = texts(demo_project, PostFilter(text='"strategic defeat"'))
    assert phrase and all("strategic defeat" in t for t in phrase)
    assert texts(demo_project, PostFilter(text="Официальный")) == []  # header, not a post
    assert texts(demo_project, PostFilter(text='" AND OR NEAR( *')) == []  # never an error
    assert len(texts(demo_project, PostFilter(text="   "))) == 18


def test_fts_query_is_safe() -> None:
    assert fts_query('he said "x" OR') == '"he"* AND "said"* AND "x"* AND "OR"*'
    assert fts_query("   ") is None


def test_hit_spans_mark_every_occurrence(demo_project: Project) -> None:
    post = demo_project.posts.get(demo_project.posts.ids(PostFilter(text="Belarus"))[0])
    spans = hit_spans(post.text, "belarus")
    assert spans and all(post.text[s.start : s.end].casefold().startswith("belarus")
                         for s in spans)
    assert hit_spans("🇷🇺 Minsk, minsk!", "mins") == [Span(3, 8), Span(10, 15)]


def test_filters_by_status_channel_and_code(demo_project: Project) -> None:
    ann, _ = demo_project.coders.create("Ann")
    ids = demo_project.posts.ids()
    demo_project.statuses.set(ids[0], ann.id, PostStatus.DONE)
    demo_project.statuses.set(ids[1], ann.id, PostStatus.IN_PROGRESS)
    assert demo_project.posts.ids(PostFilter(coder_id=ann.id, status=PostStatus.DONE)) == [
        ids[0]]
    not_started = demo_project.posts.ids(PostFilter(coder_id=ann.id,
                                                    status=PostStatus.NOT_STARTED))
    assert not_started == ids[2:]
    threat = demo_project.codes.by_path("Framing/Threat").id
    demo_project.annotations.add(ids[3], threat, ann.id, Span(0, 4))
    assert demo_project.posts.ids(PostFilter(has_code=threat)) == [ids[3]]
    channel = demo_project.posts.channels()[0].key
    assert demo_project.posts.ids(PostFilter(channel=channel)) == ids
    assert demo_project.posts.ids(PostFilter(channel="elsewhere")) == []


def test_the_index_follows_imports_and_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "old.annot"
    make_v1_project(path)
    with Project.open(path) as project:
        assert project.posts.ids(PostFilter(text="Old post")) == [1]  # rebuilt on upgrade
        assert project.posts.ids(PostFilter(text="Belarus")) == []


def test_posts_imported_after_a_search_are_found_next_time(
    demo_project: Project, tmp_path: Path
) -> None:
    assert demo_project.posts.ids(PostFilter(text="zanzibar")) == []
    assert demo_project.posts.index_for_search() == 0  # already up to date
    new = tmp_path / "more.txt"
    new.write_text("Other channel\n5 subscribers\nDownload Telegram\nNews from Zanzibar today\n"
                   "👍3\n", encoding="utf-8")
    demo_project.import_file(new)
    [found] = demo_project.posts.ids(PostFilter(text="zanzibar"))
    assert demo_project.posts.get(found).text == "News from Zanzibar today"


def test_sorting(demo_project: Project) -> None:
    ann, _ = demo_project.coders.create("Ann")
    ids = demo_project.posts.ids()
    threat = demo_project.codes.by_path("Framing/Threat").id
    for start in (0, 5, 10):
        demo_project.annotations.add(ids[4], threat, ann.id, Span(start, start + 3))
    demo_project.annotations.add(ids[2], threat, ann.id, Span(0, 3))
    by_count = demo_project.posts.ids(PostFilter(sort="annotations", descending=True))
    assert by_count[:2] == [ids[4], ids[2]] and sorted(by_count) == sorted(ids)
    lengths = [len(p.text) for p in demo_project.posts.get_many(
        demo_project.posts.ids(PostFilter(sort="length")))]
    assert lengths == sorted(lengths)
    assert demo_project.posts.ids(PostFilter(sort="position", descending=True)) == ids[::-1]
    forwarded = demo_project.posts.get_many(demo_project.posts.ids(PostFilter(
        sort="forwarded_from")))
    assert [p.forwarded_from is None for p in forwarded][-2:] == [True, True]  # none: last
