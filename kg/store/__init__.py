"""Graph stores behind one protocol; :func:`open_store` picks the engine from options or env."""
from __future__ import annotations

import os
from pathlib import Path

from kg.store.base import Store

DEFAULT_DIR = "kg-data"


def store_dir(option: str | os.PathLike | None = None) -> Path:
    """--store DIR, else $KG_STORE, else ./kg-data."""
    return Path(option or os.environ.get("KG_STORE") or DEFAULT_DIR)


def open_store(path: str | os.PathLike | None = None, neo4j: str | None = None,
               read_only: bool = False) -> Store:
    """The store to use: Neo4j when a URI is given (or $NEO4J_URI is set), else the embedded one."""
    uri = neo4j or os.environ.get("NEO4J_URI")
    if uri:
        # Credentials and database come from NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE;
        # connection refused, bad credentials or an unknown database raise one-line StoreErrors.
        from kg.store.neo4j import Neo4jStore

        return Neo4jStore.from_env(uri, read_only=read_only)
    from kg.store.ladybug import LadybugStore

    return LadybugStore(store_dir(path), read_only=read_only)
