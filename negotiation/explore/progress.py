"""A progress bar for long searches (rich, on stderr)."""

from __future__ import annotations

__all__ = ["ProgressBar"]


class ProgressBar:
    """A rich progress bar on stderr: states found out of ``max_states``."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("exploring"),
            BarColumn(),
            TextColumn("{task.completed:,} / {task.total:,} states, depth {task.fields[depth]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("explore", total=total, depth=0)
        self._progress.start()

    def update(self, states: int, depth: int) -> None:
        self._progress.update(self._task, completed=states, depth=depth)

    def close(self, states: int) -> None:
        self._progress.update(self._task, completed=states)
        self._progress.stop()
