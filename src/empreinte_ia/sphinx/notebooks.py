"""The chapters' code cells, run in one shared Jupyter kernel before Sphinx reads the pages.

myst-nb (``nb_execution_mode = "cache"``) starts a kernel for each page it has no outputs for,
and each kernel imports the package, matplotlib and pandas and loads the registry again: most
of a clean build's time went there. Before reading, this module runs the pages that are not in
the Jupyter cache yet in one kernel (names cleared and working folder set between pages) and
stores their outputs in that cache, exactly as myst-nb would; myst-nb then finds them there.
A cell that fails stops the build there, with the French message of diagnostics.py (file,
line, error, fix) and nothing else: no traceback, no Sphinx crash report, no page written.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from myst_nb.core.read import MystMetadataParsingError, create_nb_reader
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .diagnostics import failed_cell_message
from .state import DataStop

logger = logging.getLogger(__name__)


def _pending(env: BuildEnvironment, cache, docnames: list[str]) -> list[tuple[Path, nbformat.NotebookNode]]:
    """The pages to read that have code cells and no outputs in the cache, as notebooks."""
    config = env.mystnb_config  # type: ignore[attr-defined]
    pending = []
    for docname in sorted(docnames):
        path = Path(env.doc2path(docname))
        text = path.read_text(encoding="utf-8")
        reader = create_nb_reader(str(path), env.myst_config, config, text)  # type: ignore[attr-defined]
        if reader is None:
            continue
        try:
            notebook = reader.read(text)
        except MystMetadataParsingError:
            continue  # unreadable cell options: said in French when the page is read (diagnostics.py)
        if config.metadata_key in notebook.metadata \
                or not any(cell.cell_type == "code" for cell in notebook.cells):
            continue  # page-level settings, or nothing to run: left to myst-nb
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            pending.append((path, notebook))
    return pending


def _run(client: NotebookClient, path: Path, notebook: nbformat.NotebookNode) -> float:
    """Run one page's cells in the shared kernel; its time in seconds."""
    start = time.perf_counter()
    reset = nbformat.v4.new_code_cell(
        f"%reset -f\nimport os as _os\n_os.chdir({str(path.parent)!r})\ndel _os")
    client.nb = nbformat.v4.new_notebook(cells=[reset])  # the client writes each cell back
    client.execute_cell(reset, 0, store_history=False)
    client.nb = notebook
    count = 0
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            count += 1  # numbered per page, as in a kernel of its own
            client.execute_cell(cell, index, execution_count=count)
    return time.perf_counter() - start


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    config = getattr(env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache":
        return
    cache = get_cache(config.execution_cache_path or ".jupyter_cache")
    pending = _pending(env, cache, docnames)
    if not pending:
        return
    kernel = pending[0][1].metadata.get("kernelspec", {}).get("name", "python3")
    client = NotebookClient(pending[0][1], timeout=config.execution_timeout, kernel_name=kernel,
                            allow_errors=False, record_timing=False)
    # The kernel's own log (ipykernel's, on its standard error) goes to a file of the build, not
    # to the console: at shutdown it may print a traceback of its message loop (« Uncaught
    # exception in ZMQStream callback ») that says nothing of the chapters. What a cell prints
    # comes back through the kernel's messages, as its output.
    kernel_log = Path(app.doctreedir) / "noyau.log"
    kernel_log.parent.mkdir(parents=True, exist_ok=True)
    with kernel_log.open("w", encoding="utf-8") as log, \
            client.setup_kernel(cwd=str(pending[0][0].parent), stderr=log):
        language = pending[0][1].metadata.get("language_info", {})  # what the kernel said
        for path, notebook in pending:
            if notebook.metadata.get("kernelspec", {}).get("name", "python3") != kernel:
                continue
            notebook.metadata.setdefault("language_info", language)
            try:
                seconds = _run(client, path, notebook)
            except DeadKernelError:
                break  # the rest is left to myst-nb
            except CellExecutionError as exc:
                sys.stderr.write(failed_cell_message(path, exc) + "\n\nERREUR : la construction "
                                 "s'arrête : rien n'est publié tant que cette cellule échoue.\n")
                sys.stderr.flush()
                raise DataStop(1) from None
            cache.cache_notebook_bundle(
                CacheBundleIn(notebook, str(path), data={"execution_seconds": seconds}),
                check_validity=False, overwrite=True)
            logger.info("%s : cellules exécutées dans le noyau partagé (%.2f s)", path, seconds)
