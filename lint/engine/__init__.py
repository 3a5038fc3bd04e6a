"""The engine: running the enabled rules on a document, suppressions, diagnostics and baselines."""
