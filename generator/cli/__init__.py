"""The command line: the entry point's fast path, the click group, one module per command group."""
