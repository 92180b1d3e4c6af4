"""Searching and filtering candidates."""

import pandas as pd
import pytest

from planner.journey.search import all_tags, filter_candidates

FRAME = pd.DataFrame(
    {
        "title": ["Stock per store", "Callback", "Chatbot"],
        "description": ["Live stock", "No queue", "Order status"],
        "proposer": ["E-commerce", "Service", "IT"],
        "touchpoint": ["Product page", "Calling", ""],
        "phase": ["Information", "Service", "Service"],
        "channels": [["Website", "App"], ["Contact centre"], ["Chat"]],
        "persona": ["Family", None, "Senior"],
        "tags": [["stock"], ["cost", "queue"], ["Automation"]],
    }
)


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        ({}, ["Stock per store", "Callback", "Chatbot"]),
        ({"text": "STOCK live"}, ["Stock per store"]),
        ({"text": "queue"}, ["Callback"]),  # found in tags and description
        ({"text": "stock queue"}, []),  # every word must match
        ({"phases": ["Service"]}, ["Callback", "Chatbot"]),
        ({"channels": ["App", "Chat"]}, ["Stock per store", "Chatbot"]),
        ({"personas": ["Senior"]}, ["Chatbot"]),
        ({"tags": ["cost"]}, ["Callback"]),
        ({"phases": ["Service"], "tags": ["stock"]}, []),
    ],
)
def test_filter_candidates(filters, titles):
    assert filter_candidates(FRAME, **filters)["title"].tolist() == titles


def test_all_tags_sorted_case_insensitively():
    assert all_tags(FRAME) == ["Automation", "cost", "queue", "stock"]
