"""The import preview's choice for each name the journey does not know: create it, or
read it as a name it knows (kept as an alias for the next imports)."""

from difflib import get_close_matches

import streamlit as st

from planner.journey.journey import Journey
from planner.journey.naming import name_key
from planner.ui.shell.lang import t

CREATE = "\x00create"  # the option "create it"; never a name (names have no controls)


def likely_first(name: str, known: list[str]) -> list[str]:
    """The known names, those most like `name` first ("Contactcentrum" finds
    "Klantcontactcentrum"), the others in the journey's order."""
    keys = {name_key(k): k for k in known}
    close = [keys[k] for k in get_close_matches(name_key(name), list(keys), n=3, cutoff=0.5)]
    close += [k for k in known if name_key(name) in name_key(k) and k not in close]
    return close + [k for k in known if k not in close]


def unknown_name_choices(
    unknown: dict[str, list[str]], journey: Journey
) -> tuple[dict[str, list[str]], dict[str, dict[str, str]]]:
    """One select box per unknown name; returns (kind -> names to create, kind -> {name:
    known name it is read as}). A name left unchosen stays an error of its rows."""
    accept: dict[str, list[str]] = {}
    map_to: dict[str, dict[str, str]] = {}
    if not unknown:
        return accept, map_to
    st.header(t("import.unknown_names"))
    st.caption(t("import.unknown_help"))
    for kind, names in unknown.items():
        known = getattr(journey, f"{kind}_names")
        columns = st.columns(2)
        for position, name in enumerate(names):
            labels = {CREATE: t(f"import.create_{kind}", name=name)}
            labels |= {k: t("import.read_as", name=k) for k in likely_first(name, known)}
            choice = columns[position % 2].selectbox(
                t(f"import.unknown_{kind}", name=name),
                list(labels),
                index=None,
                format_func=labels.get,
                placeholder=t("import.create_or_map"),
                key=f"resolve_{kind}_{name_key(name)}",
            )
            if choice == CREATE:
                accept.setdefault(kind, []).append(name)
            elif choice is not None:
                map_to.setdefault(kind, {})[name] = choice
    return accept, map_to
