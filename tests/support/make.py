"""What a Makefile target would run, without running it (``make -n``)."""

from __future__ import annotations

import subprocess

from .site import ROOT


def dry_run(*targets: str) -> subprocess.CompletedProcess:
    """``make -n`` of the targets in the repository: the commands they would run, in order."""
    return subprocess.run(["make", "-n", "--no-print-directory", *targets], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def commands(*targets: str) -> list[str]:
    """The command lines the targets would run; fails if a target does not exist."""
    result = dry_run(*targets)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()
