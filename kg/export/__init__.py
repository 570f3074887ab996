"""Exporters: each writes the graph of a store to a stream or folder (one module per format)."""
