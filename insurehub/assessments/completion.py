"""What still stands between an assessment and its completion.

One rule for both sides: `services.assessment_complete` refuses with the first blocker, and the
API shows them all on the assessment (`blockers`) so that a screen can name them before anyone
clicks. Pure: it reads the sections and accepted estimates it is given (prefetched by the
selectors, or fresh under the row lock), never the database.
"""

from dataclasses import dataclass, field

from insurehub.assessments.models import EDITABLE_STATUSES, SectionKind

__all__ = ["BLOCKER_CODES", "Blocker", "completion_blockers"]

BLOCKER_CODES = [
    ("assessment_closed", "The assessment is completed or cancelled"),
    ("sections_open", "Sections are still open"),
    ("no_accepted_estimate", "No estimate is accepted"),
]


@dataclass(frozen=True)
class Blocker:
    code: str
    message: str
    # For `sections_open`: the kinds of the sections still open, in their order.
    sections: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "sections": list(self.sections)}


def _label(kind: str) -> str:
    return str(SectionKind(kind).label).lower() if kind in SectionKind.values else kind


def completion_blockers(*, status: str, sections, accepted_estimates) -> list[Blocker]:
    """Every reason the assessment cannot be completed now, in the order they are checked:
    closed (completed or cancelled), sections still open, no accepted estimate."""
    if status not in EDITABLE_STATUSES:
        return [Blocker("assessment_closed", f"The assessment is {status}; it can no longer be changed.")]
    blockers = []
    open_sections = [s.kind for s in sorted(sections, key=lambda s: s.position) if not s.completed]
    if open_sections:
        names = ", ".join(_label(kind) for kind in open_sections)
        blockers.append(Blocker("sections_open", f"Complete every section first ({names} still open).", open_sections))
    if not list(accepted_estimates):
        blockers.append(Blocker("no_accepted_estimate", "Accept an estimate before completing."))
    return blockers
