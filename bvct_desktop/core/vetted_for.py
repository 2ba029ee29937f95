"""Whom a record about someone is for: a slip's or an archive request's subject is often a relative (the
father, the wife…) of the person whose vetting it serves, and the officer chasing it must know whose."""

from .kinds import OTHER_RELATION, SELF

OF_VETTED = "người được thẩm tra"  # the one vetted, when the record names the relation only


def vetted_for(subject: str, relation: str | None, vetted: str | None) -> str | None:
    """«cha của Nguyễn Văn Hùng» (`subject` is the father of `vetted`), «thẩm tra cho Nguyễn Văn Hùng» (a
    relation not named), «con của người được thẩm tra» (nobody named); None when the subject is the one vetted
    or nothing tells."""
    if relation == SELF or vetted == subject:
        return None
    if relation in (None, OTHER_RELATION):
        return f"thẩm tra cho {vetted}" if vetted else None
    return f"{relation.lower()} của {vetted or OF_VETTED}"
