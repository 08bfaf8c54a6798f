"""What a process read or computed once, kept for the next call with the same input: the
builds and the checks read the same data again (the tests, copies of it in other folders)."""

from __future__ import annotations

from typing import Any


def remember(memo: dict, key: Any, value: Any, size: int) -> Any:
    """Keep `value` under `key` in `memo`, which holds at most `size` of them (the oldest
    leaves first); `value` is returned."""
    if key not in memo and len(memo) >= size:
        del memo[next(iter(memo))]
    memo[key] = value
    return value
