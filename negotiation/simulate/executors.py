"""Where the runs run: in this process, on a process pool, or on a Dask cluster.

Runs are cut into chunks (``chunk_size`` runs each, not one task per run). Every executor runs
the same :func:`~negotiation.simulate.runs.run_chunk` on the same chunks and the results are
put back in run order, so a seed gives the same result on every executor with any number of
workers. Ctrl-C (``KeyboardInterrupt``) stops the work and keeps the chunks already done.

Dask: ``distributed`` runs a ``LocalCluster`` of ``workers`` single-threaded worker processes,
or connects to the scheduler at ``scheduler`` (``tcp://host:8786``); the job (model, policy,
start) is sent to every worker once.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

from negotiation.errors import InputError
from negotiation.simulate.runs import Chunk, Job, run_chunk

__all__ = ["EXECUTORS", "Executor", "chunks_of", "dask_chunks", "dask_client", "execute"]

Executor = Literal["serial", "processes", "dask"]
EXECUTORS: tuple[str, ...] = ("serial", "processes", "dask")
Progress = Callable[[int], None]  # called with the number of runs just done

_JOB: Job | None = None  # the job of this worker process (process pool)


def chunks_of(runs: int, chunk_size: int) -> list[tuple[int, int]]:
    """``(first, count)`` of each chunk."""
    return [(i, min(chunk_size, runs - i)) for i in range(0, runs, chunk_size)]


def _init(job: Job) -> None:
    global _JOB
    _JOB = job


def _pool_chunk(first: int, count: int) -> Chunk:
    assert _JOB is not None
    return run_chunk(_JOB, first, count)


def execute(
    job: Job,
    runs: int,
    *,
    executor: Executor = "serial",
    workers: int = 1,
    chunk_size: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    client: Any = None,
) -> tuple[list[Chunk], bool]:
    """The chunks of ``runs`` runs of ``job``, sorted by first run; and whether Ctrl-C
    stopped the work (the chunks then are those done). ``client``: a Dask client to run on
    (:func:`dask_client`) instead of one made for this call."""
    size = chunk_size or max(1, min(5_000, -(-runs // max(1, workers * 8))))
    parts = chunks_of(runs, size)
    done: list[Chunk] = []
    interrupted = False
    try:
        for chunk in _dispatch(job, parts, executor, workers, scheduler, client):
            done.append(chunk)
            if progress is not None:
                progress(len(chunk.steps))
    except KeyboardInterrupt:
        interrupted = True
    done.sort(key=lambda c: c.first)
    return done, interrupted


def _dispatch(
    job: Job,
    parts: list[tuple[int, int]],
    executor: Executor,
    workers: int,
    scheduler: str | None,
    client: Any = None,
) -> Iterator[Chunk]:
    if executor == "serial":
        for first, count in parts:
            yield run_chunk(job, first, count)
    elif executor == "processes":
        yield from _processes(job, parts, workers)
    elif executor == "dask":
        yield from _dask(job, parts, workers, scheduler, client)
    else:
        raise InputError(f"unknown executor {executor!r}; expected one of {', '.join(EXECUTORS)}")


def _processes(job: Job, parts: list[tuple[int, int]], workers: int) -> Iterator[Chunk]:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn" if _threads_running() else "fork")
    pool = cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(job,))
    futures: list[cf.Future[Chunk]] = []
    try:
        futures = [pool.submit(_pool_chunk, first, count) for first, count in parts]
        for fut in cf.as_completed(futures):
            yield fut.result()
    except BaseException:
        # Ctrl-C (or a SIGINT to this process alone, which its workers never see): the chunks
        # under way are given up, not waited for (one of 5,000 runs kept the command alive
        # past 30 s, and killed then, it left its workers orphaned on their queue)
        processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
        raise
    finally:
        for fut in futures:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _threads_running() -> bool:
    import threading

    return threading.active_count() > 1  # forking a threaded process is unsafe


@contextmanager
def dask_client(workers: int = 1, scheduler: str | None = None) -> Iterator[Any]:
    """A ``distributed`` client: on a ``LocalCluster`` of ``workers`` single-threaded worker
    processes, or on the scheduler at ``scheduler``; closed (with its cluster) on exit. A
    sweep runs all its cells on one."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - the [sim] extra is not installed
        raise InputError(
            "--executor dask needs the `distributed` package: pip install 'negotiation[sim]'"
        ) from None
    cluster: Any = None
    if scheduler is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)  # type: ignore[no-untyped-call]
    else:
        try:
            client = Client(scheduler, timeout="10s")  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            raise InputError(  # a flag's value, not a file: was located at '<input>'
                f"cannot reach the Dask scheduler at {scheduler}: {exc}", file="--scheduler"
            ) from None
    try:
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()


def _dask(
    job: Job, parts: list[tuple[int, int]], workers: int, scheduler: str | None, client: Any
) -> Iterator[Chunk]:
    from distributed import as_completed

    if client is not None:
        yield from dask_chunks(client, job, parts, as_completed)
        return
    with dask_client(workers, scheduler) as own:
        yield from dask_chunks(own, job, parts, as_completed)


def dask_chunks(
    client: Any, job: Job, parts: list[tuple[int, int]], as_completed: Any
) -> Iterator[Chunk]:
    """Run ``parts`` on an existing Dask ``client`` (the job is broadcast once)."""
    shared = client.scatter(job, broadcast=True)
    futures = [client.submit(run_chunk, shared, first, count, pure=False) for first, count in parts]
    try:
        for fut in as_completed(futures):
            yield fut.result()
    finally:
        client.cancel(futures)
