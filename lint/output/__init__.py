"""Output: formatters (text, JSON, SARIF, GitHub), fixes written back to files, the outline view."""
