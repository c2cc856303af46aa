"""The national support directory from the product brief (PRODUCT.md §2).
These are public service numbers: they identify nobody and are never redacted."""

from typing import NamedTuple

from webapp.i18n import N_


class Helpline(NamedTuple):
    name: str
    number: str
    note: str

    @property
    def tel(self) -> str:
        return "tel:" + self.number.replace(" ", "")


NATIONAL_DOMESTIC_ABUSE_HELPLINE = Helpline("National Domestic Abuse Helpline", "0808 2000 247", N_("Free, 24 hours"))
NATIONAL_HELPLINES = (
    NATIONAL_DOMESTIC_ABUSE_HELPLINE,
    Helpline("National LGBT+ Domestic Abuse Helpline", "0800 999 5428", N_("Free")),
    Helpline("Men's Advice Line", "0808 801 0327", N_("Free, for men experiencing abuse")),
    Helpline("Respect Phoneline", "0808 802 0321",
             N_("Free, for anyone worried about their own behaviour")),
    Helpline("National Stalking Helpline", "0808 802 0300", N_("Free")),
    Helpline("Samaritans", "116 123", N_("Free, 24 hours, for anyone struggling to cope")),
)
