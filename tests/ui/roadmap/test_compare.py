"""Compare before saving: value delivered per period under another strategy, and what moves."""


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
