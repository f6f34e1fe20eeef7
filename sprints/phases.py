"""A program's phases laid over its weeks: pure, no database.

Phases follow each other in order from week 1, each for its indicative length; the last one runs
to the end of the program whatever its length says, so every week belongs to exactly one phase.
A program without phases is one implicit phase covering all of it (sprints keep working as they
did). A phase that would begin after the program's last week (the program was shortened after
its phases were set; the admin refuses it otherwise) is left out.
"""

import dataclasses
from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

IMPLICIT_PHASE_NAME = _("The whole program")


@dataclasses.dataclass(frozen=True)
class PhaseSpan:
    """One phase of a program: its place in the order (from 1) and its first and last program week."""

    number: int
    name: str
    description: str
    first_week: int
    last_week: int
    #: The ProgramPhase row; None for the implicit phase of a program without phases.
    phase: object = None

    @property
    def weeks(self) -> int:
        return self.last_week - self.first_week + 1

    @property
    def is_implicit(self) -> bool:
        return self.phase is None

    @property
    def key(self):
        """What the phase is known by: its row's pk, or 0 for the implicit phase."""
        return getattr(self.phase, "pk", None) or 0

    def covers(self, week: int) -> bool:
        return self.first_week <= week <= self.last_week


def phase_spans(phases: Sequence, duration_weeks: int) -> list[PhaseSpan]:
    """The spans of `phases` (objects with name, description and weeks, in order) over a program of
    `duration_weeks` weeks."""
    duration = max(int(duration_weeks or 1), 1)
    phases = list(phases)
    if not phases:
        return [PhaseSpan(1, str(IMPLICIT_PHASE_NAME), "", 1, duration)]
    spans = []
    week = 1
    for index, phase in enumerate(phases):
        if week > duration:
            break
        length = max(int(phase.weeks or 1), 1)
        last = duration if index == len(phases) - 1 else min(week + length - 1, duration)
        spans.append(PhaseSpan(index + 1, phase.name, phase.description or "", week, last, phase))
        week = last + 1
    return spans


def phase_of_week(spans: Sequence[PhaseSpan], week: int) -> PhaseSpan:
    """The span that program week `week` falls in (weeks outside the program: the first or last)."""
    for span in spans:
        if span.covers(week):
            return span
    return spans[0] if week < spans[0].first_week else spans[-1]
