"""The demo on the Workspaces page: its name, what to do next, and one click into it.

Who gets what is planner.access.demo_access: whoever sits at the machine that runs the
app opens the demo as its facilitator, everyone else gets a read-only tour, marked in
the sidebar with the way to a workspace of one's own.
"""

import os

import streamlit as st

from planner.access.demo_access import DemoSetting, demo_role, demo_setting
from planner.access.roles import Role
from planner.core.db import reading
from planner.core.limits import NAME_MAX
from planner.core.text import clean_text
from planner.demo import DEMO_NAME, demo_workspace, find_demo, is_demo, load_demo
from planner.models import Workspace
from planner.store.access.grants import grant_as
from planner.store.audit import audited
from planner.ui.access.grants import give, on_this_machine
from planner.ui.page_files import page
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.session_roles import actor, role_in
from planner.ui.shell.workspace import current_workspace_id, open_workspace
from planner.ui.workspaces.forms import enter

WELCOME_KEY = "demo_welcome"  # (catalog key, page path): what to say where it opened


def demo_panel(newcomer: bool) -> None:
    """The demo's name, how it opens here and what to do in it, and the button; framed
    for a newcomer (nothing opened yet), folded away for everyone else."""
    setting = demo_setting(os.environ)
    here = on_this_machine()
    role = demo_role(setting, on_this_machine=here)
    with reading(engine()) as db:
        demo = find_demo(db=db)
    if newcomer:
        frame = st.container(border=True)
        frame.header(t("demo.title"), anchor=False)
    else:
        frame = st.expander(t("demo.title"), icon=":material/explore:")
    with frame:
        st.markdown(t("demo.about", name=demo.name if demo else DEMO_NAME))
        if role == Role.FACILITATOR:
            st.markdown(t("demo.as_open" if setting == DemoSetting.OPEN else "demo.as_here"))
            st.markdown(t("demo.next_facilitator"))
        else:
            st.markdown(t("demo.as_tour"))
            st.markdown(t("demo.next_tour"))
        if demo is None:
            st.caption(t("demo.missing"))
        typed = ""
        if role == Role.FACILITATOR:
            typed = st.text_input(
                t("demo.your_name"),
                key="demo_actor",
                max_chars=NAME_MAX,
                placeholder=actor() or t("demo.someone"),
            )
        if st.button(t("demo.open"), key="open_demo", type="primary", icon=":material/login:"):
            open_demo(role, setting, typed)
        if demo is not None and role_in(demo.id) == Role.FACILITATOR:
            remake_button()


def open_demo(role: Role, setting: DemoSetting, typed: str) -> None:
    """Into the demo as `role` (loaded first when there is none), on its Matrix. Opening
    it as facilitator without a passphrase goes into its audit log, with why it could."""
    done = run_change(lambda s: demo_workspace(db=s), needs=None)
    if not done.ok:
        return
    demo = done.value
    with reading(engine()) as db:
        grant = grant_as(db=db, workspace_id=demo.id, role=role)
    if role == Role.FACILITATOR:
        who = clean_text(typed) or actor() or t("demo.someone")
        give(grant, who)
        why = "demo.opened_open" if setting == DemoSetting.OPEN else "demo.opened_here"
        with audited(engine(), actor=who, action=t(why), workspace_id=demo.id):
            pass  # nothing changes but who may: the log says who came in this way
    else:
        give(grant)
    matrix = page("matrix")
    welcome = "demo.welcome_tour" if role == Role.VIEWER else "demo.welcome_facilitator"
    st.session_state[WELCOME_KEY] = (welcome, matrix.url_path)
    open_workspace(demo.id)
    st.switch_page(matrix)


def remake_button() -> None:
    """The demo's facilitator may make it afresh: as it came, every change undone."""
    if not st.button(t("demo.remake"), key="load_demo", help=t("demo.remake_help")):
        return
    done = run_change(lambda s: load_demo(db=s), success=t("demo.remade"), needs=None)
    if done.ok:
        enter(done.value, actor() or t("demo.someone"))


def demo_notes(page_path: str) -> None:
    """Above the page the demo opened on, until the visitor goes elsewhere: what to do
    next in it. In the sidebar while touring it: that it is read-only, and the way to a
    workspace of one's own. `page_path`: the page this run draws."""
    welcome = st.session_state.get(WELCOME_KEY)
    if welcome and welcome[1] == page_path:
        st.success(t(welcome[0]), icon=":material/explore:")
    elif welcome:
        del st.session_state[WELCOME_KEY]
    workspace_id = current_workspace_id()
    if role_in(workspace_id) != Role.VIEWER:
        return
    with reading(engine()) as db:
        workspace = db.get(Workspace, workspace_id)
    if workspace is None or not is_demo(workspace):
        return
    with st.sidebar.container(border=True):
        st.markdown(t("demo.tour_note"))
        st.page_link(page("workspaces"), label=t("demo.own_workspace"))
