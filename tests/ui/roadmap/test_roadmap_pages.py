"""Matrix and roadmap pages."""

from datetime import date

import pyarrow as pa

from planner.core.db import reading, writing
from planner.models import SignoffRequest
from planner.roadmap.periods import make_periods
from planner.roadmap.settings import quarter_start
from planner.store.delivery.signoff import request_signoff
from planner.store.roadmap.dependencies import needs_of
from planner.store.roadmap.roadmap_plan import load_plan, plan_items
from planner.store.roadmap.versions import list_versions
from tests.factories import saved_version
from tests.ui.conftest import download_links, follow, labelled, open_tab, texts, widget_key


def test_matrix_lists_candidates_per_quadrant(open_page, demo):
    at = open_page("matrix")
    assert "Quadrant lines at value 5.0 and effort 5.0." in texts(at)
    assert not at.dataframe  # only the open tab runs: the chart's
    at = open_tab(at, "matrix_tab", "Candidates per quadrant")
    members = at.dataframe[0].value
    assert len(members) == 42
    names = ["Quick win", "Big bet", "Fill-in", "Money pit"]
    assert list(dict.fromkeys(members["quadrant"])) == names  # quadrant by quadrant
    quick = members[members["quadrant"] == "Quick win"]["value"]
    assert quick.is_monotonic_decreasing  # best first
    assert f"**Quick win** {len(quick)}" in texts(at)
    assert "Quadrant lines at value" not in texts(at)


def test_show_data_on_the_matrix_lists_its_points(open_page, demo):
    """The chart toolbar's "Show data" lists the chart's first dataset: the points, one
    row per candidate with its tooltip, not the quadrant lines."""
    at = open_page("matrix")
    [chart] = at.get("vega_lite_chart")
    first = chart.proto.datasets[0]
    shown = pa.ipc.open_stream(first.data.data).read_all().to_pylist()
    assert len(shown) == 42
    assert {"candidate_id", "tip"} <= set(shown[0])
    assert all(row["tip"]["title"] for row in shown)
    assert f'"name":"{first.name}"' in chart.proto.spec.replace(" ", "")  # the points draw it


def test_matrix_filters_and_median_lines(open_page, demo):
    at = open_page("matrix", lang="nl")
    assert "Iedereen (de consensus) · Alle kandidaten · Kleur naar: Kwadrant" in texts(at)
    at.multiselect(key="matrix_quadrant").select("quick_win").run()
    at.multiselect(key="matrix_phase").select("Buying").select("Service").run()
    at.radio(key="matrix_lines").set_value("median").run()
    assert "Kwadrantlijnen bij waarde" in texts(at) and not at.exception
    assert (
        "Iedereen (de consensus) · Fase: Buying, Service · Kwadrant: Snelle winst · "
        "Kleur naar: Kwadrant · Kwadrantlijnen: Mediaan van de kandidaten"
    ) in texts(at)
    at = open_tab(at, "matrix_tab", "Kandidaten per kwadrant")
    shown = at.dataframe[0].value
    assert set(shown["quadrant"]) == {"Snelle winst"} and len(shown) > 0


def open_settings(at):
    """Open the roadmap's settings (their form runs only while open), as a click does."""
    assert not [w for w in at.text_input if w.label == "Capacity per period"]
    at.session_state["roadmap_settings"] = True
    at.run()
    assert not at.exception
    return at


def test_roadmap_settings_are_saved(open_page, demo, engine):
    at = open_settings(open_page("roadmap"))
    labelled(at.radio, "Strategy").set_value("wsjf")
    labelled(at.text_input, "Capacity per period").input("10, 20, 30, 40")
    at.button(key="FormSubmitter:roadmap_settings-Save").click().run()
    assert not at.exception
    with reading(engine) as db:
        settings = load_plan(db=db, workspace_id=demo.id, today=date.today())
    assert settings.strategy == "wsjf" and settings.capacities == (10, 20, 30, 40)


def test_the_best_plan_shows_its_proof_and_what_it_gains(open_page, demo, engine):
    at = open_settings(open_page("roadmap"))
    labelled(at.radio, "Strategy").set_value("optimal")
    labelled(at.number_input, "Time limit of the best plan (seconds)").set_value(20.0)
    at.button(key="FormSubmitter:roadmap_settings-Save").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Proven optimal" in shown or "of the best possible plan" in shown
    assert "Compared with Value / effort (WSJF): value delivered per period" in shown
    with reading(engine) as db:
        settings = load_plan(db=db, workspace_id=demo.id, today=date.today())
    assert settings.strategy == "optimal" and settings.time_limit == 20


def test_the_roadmap_says_how_sure_each_place_is(open_page, demo):
    """The demo has pre-scores only: certain by definition, so every rank's range is the
    rank itself and the first period never changes."""
    at = open_page("roadmap")
    assert "the first period holds the same candidates in 100 % of the plans" in texts(at)
    at = open_tab(at, "roadmap_tab", "Table")
    table = next(frame.value for frame in at.dataframe if "rank_interval" in frame.value)
    ranked = table[table["rank_interval"] != ""]
    expected = [f"{r} ({r}–{r})" for r in ranked["rank"]]
    assert len(ranked) > 10 and ranked["rank_interval"].tolist() == expected
    assert set(table["quadrant_sure"].dropna()) == {100}


def test_wrong_capacity_count_is_explained(open_page, demo):
    at = open_page("roadmap", lang="nl")
    at.session_state["roadmap_settings"] = True
    at.run()
    labelled(at.text_input, "Capaciteit per periode").input("10, 20")
    at.button(key="FormSubmitter:roadmap_settings-Opslaan").click().run()
    assert "2 capaciteiten voor 4 perioden" in texts(at)


def test_pin_exclude_and_depend(open_page, demo, engine):
    at = open_tab(open_page("roadmap"), "roadmap_tab", "Pins and dependencies")
    second = make_periods(quarter_start(date.today()), "quarter", 4)[1].label
    at.session_state[widget_key(at, "pins")] = {
        "edited_rows": {0: {"excluded": True}, 1: {"pin": second}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    with reading(engine) as db:
        pins, excluded = plan_items(db=db, workspace_id=demo.id)
    assert len(excluded) == 1 and list(pins.values()) == [1]
    at.selectbox(key="dependency_candidate").select(3)
    at.selectbox(key="dependency_needs").select(4)
    at.button(key="FormSubmitter:add_dependency-Add dependency").click().run()
    with reading(engine) as db:
        assert 4 in needs_of(db=db, workspace_id=demo.id)[3]


def test_a_candidate_cannot_need_itself(open_page, demo):
    at = open_tab(open_page("roadmap"), "roadmap_tab", "Pins and dependencies")
    at.selectbox(key="dependency_candidate").select(20)
    at.selectbox(key="dependency_needs").select(20)
    at.button(key="FormSubmitter:add_dependency-Add dependency").click().run()
    assert "cannot need itself" in texts(at)


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


def test_picking_a_point_shows_the_candidate(open_page, demo):
    at = open_page("matrix")
    at.session_state["matrix"] = {"selection": {"pick": [{"candidate_id": 7}]}}
    at.run()
    assert not at.exception
    assert "Stock per store on the product page" in texts(at)
    assert [m.label for m in at.metric] == ["Value", "Effort"]


def test_only_the_open_tab_runs(open_page, demo):
    at = open_page("roadmap")
    assert at.text_input(key="version_name")  # the plan tab is open
    assert "dependency_candidate" not in [s.key for s in at.selectbox]
    assert "open_version" not in [s.key for s in at.selectbox]
    open_tab(at, "roadmap_tab", "Versions")
    assert "version_name" not in [i.key for i in at.text_input]
    assert "No saved versions yet" in texts(at)


def test_download_buttons_are_offered_and_give_their_files(open_page, demo):
    at = open_page("roadmap")
    links = download_links(at)
    assert list(links)[:6] == ["Excel", "PDF report", "CSV", "Markdown", "PNG image", "SVG image"]
    excel = follow(links["Excel"])
    assert excel.status_code == 200 and excel.content.startswith(b"PK")
    assert (
        'filename="Demo-Van-Dijk-Wonen-online-in-store-roadmap.xlsx"'
        in excel.headers["content-disposition"]
    )
    pdf = follow(links["PDF report"])
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"


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


def test_compare_before_saving_shows_value_per_period_and_what_moves(open_page, demo):
    at = open_page("roadmap")
    assert not at.get("selectbox") or not [s for s in at.selectbox if s.key == "compare_strategy"]
    at.toggle(key="compare_open").set_value(True).run()
    at.selectbox(key="compare_strategy").set_value("optimal").run()
    assert not at.exception
    figures = next(f.value for f in at.dataframe if "Value delivered" in f.value.columns)
    assert list(figures.columns) == ["Value delivered", "Quick wins first", "Best plan (optimised)"]
    assert "Value left out" in figures["Value delivered"].tolist()
    periods = figures.iloc[:4]
    # value landing earlier counts more: the best plan's weighted total is at least as high
    weights = [4, 3, 2, 1]
    mine = sum(w * v for w, v in zip(weights, periods["Quick wins first"], strict=True))
    best = sum(w * v for w, v in zip(weights, periods["Best plan (optimised)"], strict=True))
    assert best >= mine - 1e-6


def test_the_load_per_period_reads_in_the_pages_language(open_page, demo):
    """A small static table: no grid for a dozen periods."""
    at = open_page("roadmap", lang="nl")
    [load] = at.table
    frame = load.value
    assert list(frame.columns) == ["Periode", "Geplande inspanning", "Capaciteit", "Gevuld"]
    assert len(frame) == 4 and frame["Gevuld"].str.endswith("%").all()
    assert all("," in used or used == "0,0" for used in frame["Geplande inspanning"])
