"""The guard of pages that need a workspace: the journey for a session that may act
there; else why not, with the sign-in form on the page itself when signed out."""

from planner.core import i18n
from tests.ui.conftest import texts


def test_a_signed_out_visitor_is_asked_to_sign_in_on_the_page(open_page, demo):
    at = open_page("candidates", lang="nl", role=None)
    assert i18n.t("workspace.sign_in_first", "nl") in texts(at)
    assert at.text_input(key="sign_in_workspace") and at.text_input(key="sign_in_passphrase")
    assert not at.dataframe  # nothing of the page under the form


def test_a_role_without_the_right_is_told_its_role_and_pointed_to_workspaces(open_page, demo):
    at = open_page("journey_setup", role="owner")
    told = i18n.t("workspace.not_for_role", "en", role=i18n.t("role.owner", "en"))
    assert told in texts(at)
    assert not [w for w in at.text_input if w.key == "sign_in_passphrase"]
    assert [link.proto.page for link in at.get("page_link")] == ["workspaces"]


def test_a_role_that_may_act_gets_the_page(open_page, demo):
    at = open_page("journey_setup")
    shown = texts(at)
    assert i18n.t("workspace.sign_in_first", "en") not in shown
    assert "you cannot open this page here" not in shown
