"""Rule family: metadata (stub: to be written)."""
from kg.extract.context import Context


def run(ctx: Context) -> None:
    return None
