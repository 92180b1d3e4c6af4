"""Journey templates: phases and channels named in English and Dutch."""

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Term:
    """One phase or channel of a template, in both languages."""

    en: str
    nl: str

    def name(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


SIX_PHASES = (
    Term("Inspiration", "Inspiratie"),
    Term("Information", "Informatie"),
    Term("Planning", "Planning"),
    Term("Buying", "Aankoop"),
    Term("Service", "Service"),
    Term("Sharing", "Delen"),
)
NINE_PHASES = (
    Term("Need", "Behoefte"),
    Term("Orientation", "Oriëntatie"),
    Term("Consideration", "Overweging"),
    Term("Decision", "Beslissing"),
    Term("Purchase", "Aankoop"),
    Term("Use", "Gebruik"),
    Term("Service", "Service"),
    Term("Loyalty", "Loyaliteit"),
    Term("Ambassador", "Ambassadeur"),
)
DEFAULT_CHANNELS = (
    Term("Website", "Website"),
    Term("Mobile app", "Mobiele app"),
    Term("Store", "Winkel"),
    Term("Contact centre", "Klantcontactcentrum"),
    Term("E-mail", "E-mail"),
    Term("Chat", "Chat"),
    Term("Social media", "Sociale media"),
)
# Recognised in imports, not created by default.
OTHER_CHANNELS = (Term("SMS", "Sms"), Term("Post", "Post"))


class Template(StrEnum):
    SIX_PHASE = "six_phase"
    NINE_PHASE = "nine_phase"
    BLANK = "blank"


TEMPLATES: dict[str, tuple[Term, ...]] = {
    Template.SIX_PHASE: SIX_PHASES,
    Template.NINE_PHASE: NINE_PHASES,
    Template.BLANK: (),
}
ALL_TERMS = SIX_PHASES + NINE_PHASES + DEFAULT_CHANNELS + OTHER_CHANNELS


def template_phases(template: str, lang: str) -> list[str]:
    """The phase names of `template` in `lang`."""
    return [term.name(lang) for term in TEMPLATES[template]]


def default_channels(template: str, lang: str) -> list[str]:
    """The channels a new workspace starts with (none for the blank template)."""
    return [] if template == Template.BLANK else [term.name(lang) for term in DEFAULT_CHANNELS]


# The scoring criteria every new workspace starts with: (name, dimension).
DEFAULT_CRITERIA = (
    (Term("Customer value", "Klantwaarde"), "value"),
    (Term("Business value", "Bedrijfswaarde"), "value"),
    (Term("Effort", "Inspanning"), "effort"),
)
