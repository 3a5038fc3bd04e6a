"""Support code every stage may use: records, hashing, on-disk caches, bundled resources, errors, YAML with line numbers."""
