"""Renderers: views in, {relative path: bytes} out. The only code that imports diagrams, graphviz, jinja2."""
