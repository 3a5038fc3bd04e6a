"""The document: positions, numbering, and the model every rule reads, with the builder that makes it from text."""
