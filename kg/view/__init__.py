"""Pictures of the graph: self-contained HTML pages of a saved query's subgraph, and PNG drawings
of the coordination network.

- :mod:`kg.view.subgraph` turns a saved query's rows into the subgraph they name;
- :mod:`kg.view.page` writes that subgraph as one HTML file that draws it offline (``kg view``);
- :mod:`kg.view.png` draws the coordination network with matplotlib (``kg network --png``).

Vendored JavaScript (``static/``, embedded inline in every page, so a page needs no network and
opens from ``file://``):

- **Cytoscape.js 3.34.4** (``static/cytoscape.min.js``, the ``dist/cytoscape.min.js`` of the npm
  package ``cytoscape@3.34.4``, sha256 081591ab735b2b6a3b31a3c60f8f3a3e2fee8c92939e0c7820ad1208571b6cd8),
  © 2016-2026 The Cytoscape Consortium, MIT licence (``static/cytoscape-LICENSE.txt``).
  Chosen for: no dependencies, one 430 kB file, a canvas renderer that works in headless
  Chromium without a GPU, built-in force layout (CoSE), selector-based styles and events for
  hover details; actively maintained by the Cytoscape Consortium.

To update it: ``npm pack cytoscape@VERSION`` in a temporary folder, copy ``package/dist/cytoscape.min.js``
and ``package/LICENSE`` here, and change the version and checksum above and in
:data:`kg.view.page.LIBRARY`.
"""
from __future__ import annotations

from kg.view.page import html_page, write_page
from kg.view.subgraph import result_subgraph

__all__ = ["html_page", "result_subgraph", "write_page"]
