"""The ``kg`` command line. Importing this package registers every command on :data:`app`."""
from __future__ import annotations

import importlib
import pkgutil

from kg.cli.base import app, export_app

# Every module of this package but base registers its commands when imported.
for _mod in pkgutil.iter_modules(__path__):
    if _mod.name != "base":
        importlib.import_module(f"{__name__}.{_mod.name}")


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "export_app", "main"]
