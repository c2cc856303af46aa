"""The order pytest-xdist's worksteal deals out (tests/conftest.py): each worker's
first share starts with its own slow tests."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.conftest import deal_slow_first


@dataclass
class Collected:
    nodeid: str
    marks: dict = field(default_factory=dict)

    def get_closest_marker(self, name):
        return self.marks.get(name)


def collected(count: int, slow: set[int], group: dict[int, str] | None = None) -> list[Collected]:
    group = group or {}
    return [Collected(f"t{n}", ({"slow": pytest.mark.slow.mark} if n in slow else {})
                      | ({"xdist_group": pytest.mark.xdist_group(group[n]).mark} if n in group else {}))
            for n in range(count)]


def shares(items: list, workers: int) -> list[list[str]]:
    """What worksteal first sends each worker: the next len // workers left, in order."""
    dealt, left = [], list(items)
    for worker in range(workers):
        size = len(left) // (workers - worker)
        dealt.append([item.nodeid for item in left[:size]])
        del left[:size]
    return dealt


def test_each_worker_starts_with_its_own_slow_tests():
    items = collected(20, slow={15, 16, 17, 18})
    ordered = deal_slow_first(items, 4)
    assert sorted(item.nodeid for item in ordered) == sorted(item.nodeid for item in items)
    assert [share[0] for share in shares(ordered, 4)] == ["t15", "t16", "t17", "t18"]
    rest = [item.nodeid for item in ordered if item.nodeid not in {"t15", "t16", "t17", "t18"}]
    assert rest == [f"t{n}" for n in (*range(15), 19)]  # the others keep their order


def test_a_group_goes_to_one_worker_together():
    items = collected(12, slow={2, 3, 4, 9}, group={2: "deployment", 3: "deployment", 4: "deployment"})
    first, second = shares(deal_slow_first(items, 2), 2)
    assert first[:3] == ["t2", "t3", "t4"] and second[0] == "t9"


def test_without_workers_the_slow_tests_go_first():
    ordered = [item.nodeid for item in deal_slow_first(collected(6, slow={4, 5}), 1)]
    assert ordered == ["t4", "t5", "t0", "t1", "t2", "t3"]
