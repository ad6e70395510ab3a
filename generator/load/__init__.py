"""Reading model and data files: bytes -> text -> YAML 1.2 data with a source map -> typed model."""
