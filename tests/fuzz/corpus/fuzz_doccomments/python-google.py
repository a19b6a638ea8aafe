import os


def fetch(url, timeout=10,
          *, retries=3):  # (trailing comment
    """Fetch a URL.

    Args:
        url (str): Where to go.
        timeout: Seconds.

    Returns:
        bytes: The body.

    Raises:
        IOError: When offline.
    """
    pass


class Store:
    '''NumPy style.

    Parameters
    ----------
    path : str
        The file.

    Returns
    -------
    Store
    '''


@decorator(arg)
# A hash comment above.
def decorated(): ...
