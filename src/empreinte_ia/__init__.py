"""Sourced parameters and computed estimates of the environmental cost of AI."""

from .registry import Registry, load_registry

__all__ = ["Registry", "load_registry"]
__version__ = "0.1.0"
