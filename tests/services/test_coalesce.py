"""Concurrent work for one key is shared; work that starts later reads its inputs anew."""

from __future__ import annotations

import asyncio

import pytest

from passport_scorer.services.coalesce import Coalescer


async def test_requests_during_a_running_flight_share_the_next_one() -> None:
    flights: Coalescer[int] = Coalescer()
    started: list[bool] = []
    release = asyncio.Event()

    async def work(fresh: bool) -> int:
        started.append(fresh)
        await release.wait()
        return len(started)

    first = asyncio.create_task(flights.run("a", work))
    await asyncio.sleep(0)
    waiters = [asyncio.create_task(flights.run("a", work)) for _ in range(5)]
    other = asyncio.create_task(flights.run("b", work))  # another key runs on its own
    await asyncio.sleep(0)
    release.set()
    assert await first == 2  # "a" and "b" had started when it finished
    assert await asyncio.gather(*waiters) == [3] * 5  # one shared, fresh flight
    assert await other == 2
    assert started == [False, False, True]


async def test_a_failed_shared_flight_lets_each_waiter_work_alone() -> None:
    flights: Coalescer[str] = Coalescer()
    gate = asyncio.Event()
    calls: list[str] = []

    async def failing(fresh: bool) -> str:
        calls.append("failing")
        await gate.wait()
        raise ConnectionError("database went away")

    async def own(fresh: bool) -> str:
        calls.append("own")
        await gate.wait()
        return "scored"

    leader = asyncio.create_task(flights.run("a", failing))
    await asyncio.sleep(0)
    second = asyncio.create_task(flights.run("a", failing))  # becomes the next flight
    await asyncio.sleep(0)
    third = asyncio.create_task(flights.run("a", own))  # joins the next flight
    await asyncio.sleep(0)
    gate.set()
    with pytest.raises(ConnectionError):
        await leader
    with pytest.raises(ConnectionError):
        await second
    assert await third == "scored"  # fell back to its own work
    assert calls == ["failing", "failing", "own"]


async def test_waiters_are_answered_when_a_newcomer_takes_the_slot_first() -> None:
    """The running flight ends; before the queued leader wakes, a newcomer starts one; the
    queued leader joins it and the requests queued behind it get that answer too."""
    flights: Coalescer[str] = Coalescer()
    gate = asyncio.Event()

    async def work(fresh: bool) -> str:
        await gate.wait()
        return "fresh" if fresh else "first"

    leader = asyncio.create_task(flights.run("a", work))
    await asyncio.sleep(0)
    queued_leader = asyncio.create_task(flights.run("a", work))
    await asyncio.sleep(0)
    queued = asyncio.create_task(flights.run("a", work))
    await asyncio.sleep(0)
    gate.set()
    await asyncio.sleep(0)  # the leader finishes; the queued leader's wake-up is pending
    newcomer = asyncio.create_task(flights.run("a", work))
    answers = await asyncio.wait_for(
        asyncio.gather(leader, queued_leader, queued, newcomer), timeout=2
    )
    assert answers[0] == "first"
    assert set(answers[1:]) <= {"first", "fresh"}


async def test_a_cancelled_queued_leader_does_not_strand_its_waiters() -> None:
    flights: Coalescer[str] = Coalescer()
    gate = asyncio.Event()

    async def work(fresh: bool) -> str:
        await gate.wait()
        return "done"

    leader = asyncio.create_task(flights.run("a", work))
    await asyncio.sleep(0)
    queued_leader = asyncio.create_task(flights.run("a", work))
    await asyncio.sleep(0)
    queued = asyncio.create_task(flights.run("a", work))
    await asyncio.sleep(0)
    queued_leader.cancel()
    await asyncio.sleep(0)
    gate.set()
    assert await asyncio.wait_for(queued, timeout=2) == "done"  # scored on its own
    assert await leader == "done"
