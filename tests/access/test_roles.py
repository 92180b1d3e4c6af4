"""Roles and what each may do."""

from planner.access.roles import ROLES, can


def test_roles():
    assert [r for r in ROLES if can(r, "edit")] == ["facilitator"]
    assert [r for r in ROLES if can(r, "commit")] == ["facilitator", "owner"]
    assert not can("viewer", "commit") and can("viewer", "download")
    assert not can("stakeholder", "view") and can("stakeholder", "sign")
    assert not can(None, "view")
