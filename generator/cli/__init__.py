"""The command line: the entry point's fast path, the Typer app, one module per command group."""
