"""Visible article text and metadata from an HTML page (selectolax, the Lexbor engine)."""
from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from kg.errors import InputError
from kg.model import Report, Source

# Elements that never hold the article's own words.
HIDDEN = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
          "form", "iframe", "button", "figure figcaption .credit")
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
          "blockquote", "figcaption", "ul", "ol", "table"}
ARTICLE = ("article", "[itemprop=articleBody]", ".entry-content", ".post-content", ".article-content",
           ".detail-content", "main")


def _meta(tree: LexborHTMLParser, *keys: str) -> str | None:
    for key in keys:
        node = tree.css_first(f'meta[property="{key}"], meta[name="{key}"], meta[itemprop="{key}"]')
        if node is not None and (node.attributes.get("content") or "").strip():
            return node.attributes["content"].strip()
    return None


def _text(node) -> str:
    """Text with a line break after every block element, runs of blank lines collapsed."""
    parts: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag in BLOCKS:
            parts.append("\n")
    text = "".join(parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_report(path: Path, html: str) -> Report:
    from kg.readers import make_report, _date

    tree = LexborHTMLParser(html)
    title = _meta(tree, "og:title", "twitter:title")
    if not title and tree.css_first("title") is not None:
        title = tree.css_first("title").text(strip=True) or None
    source = Source(
        url=_meta(tree, "og:url") or (tree.css_first('link[rel="canonical"]').attributes.get("href")
                                      if tree.css_first('link[rel="canonical"]') is not None else None),
        outlet=_meta(tree, "og:site_name"),
        title=title,
        published=_date(_meta(tree, "article:published_time", "datePublished", "pubdate", "date")),
    )
    for selector in HIDDEN:
        for node in tree.css(selector):
            node.decompose()
    body = next((tree.css_first(sel) for sel in ARTICLE if tree.css_first(sel) is not None), None)
    body = body or tree.body or tree.root
    text = _text(body) if body is not None else ""
    if not text:
        raise InputError(str(path), "HTML page with no visible article text")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return make_report(path.stem, str(path), text, source)
