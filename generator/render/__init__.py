"""Renderers: views and analyses in, text out (Markdown, JSON, terminal text, DOT/SVG/PNG, CloudFormation).

Only render/, site/, mkdocs/, publish/ and cli/ may import jinja2, diagrams, graphviz, mkdocs, subprocess,
click or rich; the import-linter contracts in pyproject.toml hold that.
"""
