"""Errors that stop one input from being processed. Everything less serious is a Notice."""

from __future__ import annotations


class InputError(Exception):
    """The input cannot be processed at all (missing, empty, wrong type, corrupt, …).

    The message is one line a person can act on; the CLI prints it after the file name.
    """
