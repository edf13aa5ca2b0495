"""Fixtures shared by the integration tests: stacks of real API and worker processes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.procs import Stack


@pytest.fixture
def stack_factory(tmp_path: Path) -> Iterator[Callable[..., Stack]]:
    """Start stacks with the given settings; every one is stopped when the test ends."""
    stacks: list[Stack] = []

    def make(**settings: Any) -> Stack:
        stack = Stack(tmp_path / f"s{len(stacks)}", **settings)
        stacks.append(stack)
        return stack

    yield make
    for stack in stacks:
        stack.close()
