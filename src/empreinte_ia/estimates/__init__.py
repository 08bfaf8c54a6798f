"""Estimates, one module per chapter; each function is registered by @estimate."""
