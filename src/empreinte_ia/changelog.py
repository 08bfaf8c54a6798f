"""What changed since the previous release: estimates whose value moved, and why.

A release snapshot (publications/<version>.json) holds the values of every parameter and
estimate at that release; it is written by `python -m empreinte_ia.changelog --snapshot`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from .registry import Registry, load_registry


@dataclass(frozen=True)
class Change:
    id: str
    label: str
    before: float
    after: float
    unit: str
    causes: list[str]  # parameters whose value changed, among those the estimate uses


def snapshot(registry: Registry, version: str) -> dict:
    def values(keys):
        return {k: {"valeur": registry.value(k).magnitudes()[0],
                    "unite": f"{registry.unit(k):~}"} for k in sorted(keys)}

    return {"version": version, "parametres": values(registry.parameters),
            "estimations": values(registry.estimates)}


def _moved(a: float, b: float) -> bool:
    return abs(a - b) > 1e-9 * max(abs(a), abs(b), 1e-300)


def changes(registry: Registry, previous: dict) -> list[Change]:
    old_params = previous.get("parametres", {})
    changed_params = {k for k, p in registry.parameters.items()
                      if k in old_params and _moved(old_params[k]["valeur"],
                                                    p.value.magnitudes()[0])}
    out = []
    for key, old in sorted(previous.get("estimations", {}).items()):
        if key not in registry.estimates:
            continue
        now = registry.value(key).magnitudes()[0]
        if _moved(old["valeur"], now):
            causes = [p for p in registry.parameters_of(key) if p in changed_params]
            out.append(Change(key, registry.label(key), old["valeur"], now,
                              f"{registry.unit(key):~}", causes))
    return out


def latest(folder: Path) -> dict | None:
    files = sorted(folder.glob("*.json"), key=lambda p: [int(x) if x.isdigit() else x
                                                         for x in p.stem.split(".")])
    return json.loads(files[-1].read_text(encoding="utf-8")) if files else None


def main(argv: list[str]) -> None:
    from . import __version__

    if argv[:1] != ["--snapshot"]:
        sys.exit("usage : python -m empreinte_ia.changelog --snapshot [dossier]")
    folder = Path(argv[1]) if len(argv) > 1 else Path("publications")
    folder.mkdir(exist_ok=True)
    path = folder / f"{__version__}.json"
    path.write_text(json.dumps(snapshot(load_registry(), __version__), ensure_ascii=False,
                               indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"instantané écrit : {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
