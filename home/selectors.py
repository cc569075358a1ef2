"""Reads for the pages that show everything."""


def featured_courses() -> list:
    """The courses featured on the home page: none until the catalog has courses."""
    return []
