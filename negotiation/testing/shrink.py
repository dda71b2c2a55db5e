"""Finishing hypothesis' shrinking on the events themselves."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from negotiation.events import Event

__all__ = ["shrink_events"]


def shrink_events(events: Sequence[Event], fails: Callable[[list[Event]], bool]) -> list[Event]:
    """The shortest sub-sequence of ``events`` that still ``fails`` that one-at-a-time deletion
    reaches (a 1-minimal counterexample, as delta debugging gives).

    Hypothesis shrinks the *choices* a strategy made; with ``enabled_sequences``, deleting an
    event changes the state the later draws were made in, so the shrinker can stop at a
    sequence that still holds a step that changed nothing (a rejected event). This pass
    finishes the job on the events themselves::

        found = find(enabled_sequences(model), breaks)
        shortest = shrink_events(found, breaks)
    """
    current = list(events)
    if not fails(current):
        raise ValueError("the events given do not fail: nothing to shrink")
    changed = True
    while changed:
        changed = False
        for i in range(len(current)):
            candidate = current[:i] + current[i + 1 :]
            if fails(candidate):
                current, changed = candidate, True
                break
    return current
