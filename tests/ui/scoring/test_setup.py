"""The session form says what a session asks of each stakeholder before it opens."""

import pytest

from tests.ui.conftest import texts


@pytest.mark.parametrize(
    ("lang", "everything", "buying", "counted"),
    [
        (
            "en",
            "42 candidates × 3 criteria = 126 answers per stakeholder, about 21 minutes.",
            "7 candidates × 3 criteria = 21 answers per stakeholder, about 4 minutes.",
            "Counted at 10 seconds an answer",
        ),
        (
            "nl",
            "42 kandidaten × 3 criteria = 126 antwoorden per stakeholder, ongeveer 21 minuten.",
            "7 kandidaten × 3 criteria = 21 antwoorden per stakeholder, ongeveer 4 minuten.",
            "Gerekend met 10 seconden per antwoord",
        ),
    ],
)
def test_the_form_estimates_answers_and_minutes(open_page, demo, lang, everything, buying, counted):
    at = open_page("scoring_session", lang=lang)
    assert everything in texts(at)
    assert counted in texts(at)
    at.multiselect(key="session_phase").select("Buying").run()  # the demo's own phase name
    assert not at.exception
    assert buying in texts(at) and everything not in texts(at)
