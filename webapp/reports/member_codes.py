"""Single-use codes for the members of the service-user group, one batch per
summary: staff say how many members are coming ("issue 8 codes"), print the
list and hand one to each member with the address `/group/`. A code holds no
name and opens only its summary; it is spent when that member sends their
priorities and comments, so "2 group members said it matters most" is two
people. Only a keyed hash of each code is stored (`access_codes.member_code_lookup`):
staff see the codes once, when they are issued."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from webapp.access_codes import member_code_lookup, new_access_code
from webapp.audit import record_event
from webapp.extensions import db
from webapp.reports.models import GroupMemberCode
from webapp.themes.scope import Scope

MAX_BATCH = 50
# The group sees a consultation's summary once it has closed (before results are published or after).
GROUP_CONSULTATION_STATUSES = ("closed", "published")


def group_may_see(scope: Scope) -> bool:
    """Whether the group's view (`/group/<kind>/<ident>`) shows this summary:
    a closed consultation, or a quarter of feedback."""
    if scope.kind == "consultation":
        consultation = scope.consultation()
        return consultation is not None and consultation.status in GROUP_CONSULTATION_STATUSES
    return scope.is_quarter


def issue(scope: Scope, count: int, user) -> list[str]:
    """`count` new codes for `scope`, returned once (only their lookups are kept)."""
    codes: list[str] = []
    taken = set()
    while len(codes) < count:
        code = new_access_code()
        lookup = member_code_lookup(code)
        if lookup in taken or db.session.scalar(select(GroupMemberCode.id).where(GroupMemberCode.lookup == lookup)):
            continue
        taken.add(lookup)
        codes.append(code)
        db.session.add(GroupMemberCode(scope=scope.key, lookup=lookup, issued_by_id=getattr(user, "id", None),
                                       issued_on=date.today()))
    record_event("group.member_codes", target=scope.key, detail=f"{count} codes issued")
    return codes


def counts(scope: Scope) -> tuple[int, int]:
    """(codes issued, codes used) for the summary."""
    issued, used = db.session.execute(
        select(func.count(GroupMemberCode.id), func.count(GroupMemberCode.used_on))
        .where(GroupMemberCode.scope == scope.key)).one()
    return issued or 0, used or 0
