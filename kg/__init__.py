"""navo-kg: a knowledge-graph builder for Dutch parliamentary documents about NATO."""

__version__ = "0.1.0"

# Bump when extraction output changes, so cached per-document results are redone.
PIPELINE_VERSION = "1"
