"""MkDocs at the edge: running a build in-process, the warm worker process, and the `archgen` plugin."""
