"""Bytes to YAML 1.2 nodes with a source map, limits, typed data files and the messages for their errors."""
