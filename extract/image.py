"""Image reader (in progress)."""

from vnplan.extract.builder import Reading

from vnplan.errors import InputError


def read_image(data: bytes) -> Reading:
    raise InputError("image input is not supported yet")
