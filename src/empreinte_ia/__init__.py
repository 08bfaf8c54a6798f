"""Sourced parameters and computed estimates of the environmental cost of AI."""

from pathlib import Path

from .registry import Registry, load_registry

__all__ = ["Registry", "load_registry"]


def _read_version() -> str:
    """The one place the version is written: VERSION at the repository root (see releases.py)."""
    path = Path(__file__).resolve().parents[2] / "VERSION"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    from importlib.metadata import version

    return version("empreinte-ia")


__version__ = _read_version()
