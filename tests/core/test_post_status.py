"""Per-coder post status."""

from __future__ import annotations

import pytest

from annotator.core.errors import NotFound
from annotator.core.model import PostStatus
from annotator.core.project import Project


def test_status_per_coder(demo_project: Project) -> None:
    alice, _ = demo_project.coders.create("Alice")
    bob, _ = demo_project.coders.create("Bob")
    first, second = demo_project.posts.ids()[:2]
    assert demo_project.statuses.get(first, alice.id) is PostStatus.NOT_STARTED
    demo_project.statuses.set(first, alice.id, PostStatus.IN_PROGRESS)
    demo_project.statuses.set(first, alice.id, PostStatus.DONE)
    demo_project.statuses.set(second, alice.id, PostStatus.IN_PROGRESS)
    assert demo_project.statuses.get(first, alice.id) is PostStatus.DONE
    assert demo_project.statuses.get(first, bob.id) is PostStatus.NOT_STARTED
    assert demo_project.statuses.counts(alice.id) == {
        PostStatus.DONE: 1, PostStatus.IN_PROGRESS: 1, PostStatus.NOT_STARTED: 16,
    }
    assert demo_project.statuses.counts(bob.id)[PostStatus.NOT_STARTED] == 18
    with pytest.raises(NotFound):
        demo_project.statuses.set(99999, alice.id, PostStatus.DONE)
    with pytest.raises(NotFound):
        demo_project.statuses.set(first, 99999, PostStatus.DONE)


def test_bulk_lookup_and_undoable_status(demo_project: Project) -> None:
    from annotator.core.posts.status import SetPostStatus

    ann, _ = demo_project.coders.create("Ann")
    assert demo_project.coders.by_uuid(ann.uuid.upper()) == ann
    ids = demo_project.posts.ids()
    demo_project.statuses.set(ids[1], ann.id, PostStatus.DONE)
    assert demo_project.statuses.for_posts(ids[:3], ann.id) == {
        ids[0]: PostStatus.NOT_STARTED, ids[1]: PostStatus.DONE, ids[2]: PostStatus.NOT_STARTED}
    op = SetPostStatus(ids[0], ann.id, PostStatus.DONE)
    op.apply(demo_project)
    assert demo_project.statuses.get(ids[0], ann.id) is PostStatus.DONE
    op.revert(demo_project)
    assert demo_project.statuses.get(ids[0], ann.id) is PostStatus.NOT_STARTED
