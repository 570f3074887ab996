"""One self-contained HTML page that draws a subgraph with the vendored Cytoscape.js.

The page embeds the library and the data inline: it opens from ``file://`` with no network.
Nodes are coloured (and shaped) by label and captioned with their names; hovering a node or an
edge shows its properties and evidence sentences, clicking pins them in the side panel; opening
``page.html#node=ID`` selects that node and shows its details.

When the drawing is done the page reports it in the DOM, for people using assistive technology and
for tests: ``<ul id="kg-captions">`` lists the captions of the drawn nodes, and ``<body>`` gets
``data-kg-status="drawn"``, ``data-kg-nodes``, ``data-kg-edges`` and ``data-kg-pixels`` (how many
pixels of the canvases are not blank).
"""
from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import UsageError

STATIC = Path(__file__).resolve().parent / "static"
LIBRARY = {"name": "Cytoscape.js", "version": "3.34.4", "licence": "MIT", "file": "cytoscape.min.js"}
STYLE_BY_LABEL = {  # colour-blind-safe colours (Tableau 10), and a shape per label as a second cue
    "Person": ("#4e79a7", "ellipse"),
    "Organization": ("#f28e2b", "round-rectangle"),
    "Office": ("#b07aa1", "diamond"),
    "Event": ("#e15759", "hexagon"),
    "Place": ("#59a14f", "triangle"),
    "Programme": ("#edc948", "rhomboid"),
    "FundingSource": ("#76b7b2", "barrel"),
    "Report": ("#9c755f", "rectangle"),
}
DEFAULT_STYLE = ("#bab0ac", "ellipse")

_CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #222; display: grid;
       grid-template: "head head" auto "graph side" 1fr / 1fr 320px; height: 100vh; }
header { grid-area: head; padding: 8px 16px; border-bottom: 1px solid #ddd; }
h1 { font-size: 18px; margin: 0 0 4px; }
header p { margin: 0; color: #555; }
#kg-legend { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
#kg-legend span { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
#cy { grid-area: graph; min-height: 400px; }
#kg-details { grid-area: side; border-left: 1px solid #ddd; padding: 12px; overflow: auto; }
#kg-details h2, #kg-tip h2 { font-size: 15px; margin: 0 0 6px; }
#kg-details table, #kg-tip table { border-collapse: collapse; font-size: 13px; }
#kg-details td, #kg-tip td { vertical-align: top; padding: 1px 6px 1px 0; }
blockquote { margin: 6px 0; padding-left: 8px; border-left: 3px solid #ccc; font-style: italic; }
#kg-tip { position: fixed; max-width: 380px; background: #fff; border: 1px solid #bbb; border-radius: 4px;
          padding: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.15); pointer-events: none; z-index: 10; }
"""

_APP = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var body = document.body, tip = document.getElementById("kg-tip"), side = document.getElementById("kg-details");
  var info = {};
  var elements = [];
  data.nodes.forEach(function (n) {
    info[n.id] = n;
    var style = data.styles[n.label] || data.defaultStyle;
    elements.push({group: "nodes", data: {id: n.id, caption: n.name, kind: n.label, colour: style[0],
                   shape: style[1], connector: n.connector ? 1 : 0}});
  });
  data.edges.forEach(function (e, i) {
    var id = "edge-" + i;
    info[id] = e;
    elements.push({group: "edges", data: {id: id, source: e.source, target: e.target, type: e.type}});
  });

  function el(tag, text, parent) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  }
  function describe(item) {
    var box = document.createDocumentFragment(), d = info[item.id()];
    if (item.isNode()) {
      el("h2", d.name, box);
      var table = el("table", null, box), row = el("tr", null, table);
      el("td", "label", row); el("td", d.label + (d.connector ? " (links results)" : ""), row);
      row = el("tr", null, table); el("td", "id", row); el("td", d.id, row);
      Object.keys(d.properties).forEach(function (k) {
        var v = d.properties[k], r = el("tr", null, table);
        el("td", k, r); el("td", Array.isArray(v) ? v.join("; ") : v, r);
      });
    } else {
      el("h2", info[d.source].name + " \u2192 " + d.type + " \u2192 " + info[d.target].name, box);
      if (d.roles.length) el("p", "role: " + d.roles.join(", "), box);
    }
    d.evidence.forEach(function (ev) {
      el("blockquote", ev.sentence, box);
      el("small", (ev.report || "") + (ev.confidence != null ? " \u00b7 confidence " + ev.confidence : ""), box);
    });
    return box;
  }
  function show(target, item) { target.replaceChildren(describe(item)); }

  var cy = cytoscape({
    container: document.getElementById("cy"), elements: elements, wheelSensitivity: 0.3,
    style: [
      {selector: "node", style: {"background-color": "data(colour)", "shape": "data(shape)", "label": "data(caption)",
        "width": 28, "height": 28, "font-size": 11, "color": "#222", "text-valign": "bottom", "text-margin-y": 4,
        "text-wrap": "wrap", "text-max-width": 150, "text-outline-color": "#fff", "text-outline-width": 2}},
      {selector: "node[connector = 1]", style: {"width": 20, "height": 20, "border-width": 2,
        "border-style": "dashed", "border-color": "#555"}},
      {selector: "edge", style: {"width": 1.5, "line-color": "#a8a8a8", "target-arrow-color": "#a8a8a8",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "label": "data(type)", "font-size": 8,
        "color": "#666", "text-rotation": "autorotate", "text-background-color": "#fff",
        "text-background-opacity": 0.8}},
      {selector: ":selected", style: {"border-width": 3, "border-color": "#111", "line-color": "#111"}}
    ]
  });

  cy.on("mouseover", "node, edge", function (evt) {
    show(tip, evt.target);
    var p = evt.renderedPosition || {x: 0, y: 0}, box = cy.container().getBoundingClientRect();
    tip.style.left = Math.min(box.left + p.x + 14, window.innerWidth - 390) + "px";
    tip.style.top = (box.top + p.y + 14) + "px";
    tip.hidden = false;
  });
  cy.on("mouseout", "node, edge", function () { tip.hidden = true; });
  cy.on("tap", "node, edge", function (evt) { show(side, evt.target); });

  function countPixels() {
    var count = 0;
    cy.container().querySelectorAll("canvas").forEach(function (canvas) {
      if (!canvas.width || !canvas.height) return;
      var ctx = canvas.getContext("2d");
      if (!ctx) return;
      var px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (var i = 3; i < px.length; i += 4) if (px[i] !== 0) count++;
    });
    return count;
  }
  var reported = false;
  function report() {
    if (reported) return;
    reported = true;
    var list = document.getElementById("kg-captions");
    cy.nodes().forEach(function (n) {
      var bb = n.renderedBoundingBox();
      if (n.visible() && bb.w > 0) { var li = el("li", n.data("caption"), list); li.dataset.id = n.id(); }
    });
    body.dataset.kgNodes = String(cy.nodes().length);
    body.dataset.kgEdges = String(cy.edges().length);
    body.dataset.kgPixels = String(countPixels());
    // A link to page.html#node=ID opens with that node selected and its details shown.
    var wanted = decodeURIComponent((location.hash.match(/^#node=(.+)$/) || [])[1] || "");
    if (wanted && cy.getElementById(wanted).nonempty()) {
      cy.getElementById(wanted).select();
      show(side, cy.getElementById(wanted));
    }
    body.dataset.kgStatus = "drawn";
  }

  // A seeded Math.random while the layout runs: the same data gives the same picture.
  var seed = 42, random = Math.random;
  Math.random = function () {
    seed = (seed + 0x6D2B79F5) | 0;
    var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  var layout = cy.layout(cy.nodes().length > 1 ? {name: "cose", animate: false, randomize: true,
      nodeDimensionsIncludeLabels: true, padding: 30, idealEdgeLength: function () { return 90; },
      nodeRepulsion: function () { return 9000; }, numIter: 1500} : {name: "grid", padding: 30});
  layout.one("layoutstop", function () {
    Math.random = random;
    cy.fit(undefined, 30);
    cy.one("render", function () { setTimeout(report, 0); });
    setTimeout(report, 1000);  // in case nothing was left to render
  });
  layout.run();
})();
"""


def page_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The JSON the page draws: nodes, edges, and the style of each label.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("person:x", label="Person", name="X", properties={}, evidence=[])
    >>> G.add_node("event:y", label="Event", name="Y", properties={"date": "2024-11"}, evidence=[])
    >>> _ = G.add_edge("person:x", "event:y", key="ATTENDED", type="ATTENDED", roles=["opened"], evidence=[])
    >>> d = page_data(G)
    >>> [n["name"] for n in d["nodes"]], d["edges"][0]["roles"], d["styles"]["Person"]
    (['X', 'Y'], ['opened'], ['#4e79a7', 'ellipse'])
    """
    nodes = [{"id": n, "name": d.get("name") or n, "label": d.get("label", ""),
              "connector": bool(d.get("connector")), "properties": d.get("properties", {}),
              "evidence": d.get("evidence", [])} for n, d in G.nodes(data=True)]
    edges = [{"source": u, "target": v, "type": d.get("type", k), "roles": d.get("roles", []),
              "evidence": d.get("evidence", [])} for u, v, k, d in G.edges(keys=True, data=True)]
    return {"nodes": nodes, "edges": edges, "styles": {k: list(v) for k, v in STYLE_BY_LABEL.items()},
            "defaultStyle": list(DEFAULT_STYLE)}


def _script_json(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in."""
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def html_page(G: nx.MultiDiGraph, title: str, description: str = "") -> str:
    """A complete HTML document drawing ``G`` (see :func:`kg.view.subgraph.result_subgraph`).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        Nodes with ``label``, ``name``, ``properties``, ``evidence``; edges with ``type``,
        ``roles``, ``evidence``.
    title : str
        The page's heading (the saved query's title).
    description : str
        A line under the heading (parameters, counts).

    Returns
    -------
    str

    Examples
    --------
    >>> G = nx.MultiDiGraph(); G.add_node("person:x", label="Person", name="<b>X</b>")
    >>> page = html_page(G, "Who & what")
    >>> "<title>Who &amp; what</title>" in page, "<b>X</b>" in page, "cytoscape" in page
    (True, False, True)
    """
    library = (STATIC / LIBRARY["file"]).read_text(encoding="utf-8")
    labels = sorted({d.get("label", "") for _, d in G.nodes(data=True)})
    legend = "".join(f'<li><span style="background:{STYLE_BY_LABEL.get(lab, DEFAULT_STYLE)[0]}"></span>'
                     f"{html.escape(lab)}</li>" for lab in labels)
    counts = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} relationships"
    return "\n".join([
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="kg view; {LIBRARY["name"]} {LIBRARY["version"]} ({LIBRARY["licence"]})">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        '<body data-kg-status="loading">',
        "<header>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(description)}{' — ' if description else ''}{counts}. "
        "Hover a node or a line for its details and evidence; click to keep them on the right.</p>",
        f'<ul id="kg-legend" aria-label="colours by label">{legend}</ul>',
        "</header>",
        f'<div id="cy" role="img" aria-label="graph of {html.escape(counts)}"></div>',
        '<aside id="kg-details"><p>Click a node or a line to see its properties and the sentences '
        "it was read from.</p></aside>",
        '<div id="kg-tip" hidden></div>',
        '<ul id="kg-captions" hidden aria-label="drawn nodes"></ul>',
        "<noscript>This page draws the graph with JavaScript; please enable it.</noscript>",
        f'<script id="kg-data" type="application/json">{_script_json(page_data(G))}</script>',
        f"<script>/* {LIBRARY['name']} {LIBRARY['version']}, {LIBRARY['licence']} licence */\n{library}</script>",
        f"<script>{_APP}</script>",
        "</body>",
        "</html>",
    ])


def write_page(G: nx.MultiDiGraph, path: str | os.PathLike, title: str, description: str = "") -> None:
    """Write :func:`html_page` to a file (UTF-8).

    Raises
    ------
    UsageError
        When the file cannot be written.
    """
    try:
        Path(path).write_text(html_page(G, title, description), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from exc
