"""Roadmap versions: saved, opened and compared; replaced and deleted until up for sign-off."""

from planner.core.db import reading, writing
from planner.models import SignoffRequest
from planner.store.delivery.signoff import request_signoff
from planner.store.roadmap.versions import list_versions
from tests.factories import saved_version
from tests.ui.conftest import open_tab, texts


def test_save_open_and_compare_versions(open_page, demo, engine):
    at = open_page("roadmap")
    for name in ("First", "Second"):
        at.text_input(key="version_name").input(name)
        at.text_input(key="version_by").input("Eva")
        at.button(key="FormSubmitter:save_version-Save as version").click().run()
        assert f"Version “{name}” saved." in texts(at)
    with reading(engine) as db:
        assert [v.name for v in list_versions(db=db, workspace_id=demo.id)] == [
            "Second",
            "First",
        ]
    open_tab(at, "roadmap_tab", "Versions")
    assert "No differences in what is scheduled when." in texts(at)
    assert not at.exception


def test_replace_and_delete_a_version_until_it_is_up_for_signoff(open_page, demo, engine):
    with writing(engine) as db:
        first, second = (saved_version(db, demo.id, name=n) for n in ("First", "Second"))
        request_signoff(db=db, version_id=first.id, request_in=SignoffRequest(by="Eva"))
    at = open_tab(open_page("roadmap"), "roadmap_tab", "Versions")
    at.selectbox(key="open_version").set_value(second.id).run()
    at.button(key=f"replace_version_{second.id}").click().run()
    assert "Version “Second” now holds the current roadmap." in texts(at)
    at.selectbox(key="open_version").set_value(second.id).run()
    at.button(key=f"delete_version_{second.id}").click().run()
    assert "Version “Second” deleted." in texts(at)
    at.selectbox(key="open_version").set_value(first.id).run()
    assert "up for sign-off: it can no longer be changed" in texts(at)
    assert f"delete_version_{first.id}" not in [b.key for b in at.button]
    with reading(engine) as db:
        assert [v.name for v in list_versions(db=db, workspace_id=demo.id)] == ["First"]
