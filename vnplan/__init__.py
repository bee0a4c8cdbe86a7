"""vnplan: Vietnamese government planning documents → structured, validated JSON.

>>> import vnplan
>>> doc = vnplan.process("corpus/seeds/002_ca09afea0b59ac62.txt")
>>> doc.document.issuer
'Trung tâm Y tế huyện Yên Lạc'
>>> json_text = doc.to_json()
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from vnplan.schema.errors import InputError
from vnplan.schema.model import SCHEMA_VERSION, PlanDocument

if TYPE_CHECKING:
    from vnplan.pipeline import Options

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "InputError", "PlanDocument", "__version__", "process"]


def process(path: str | Path, options: Options | None = None) -> PlanDocument:
    """Read one document and return its validated PlanDocument.

    Raises InputError when the file cannot be read as a document at all. ``options``
    (vnplan.pipeline.Options): limits, OCR settings, a time limit (default none). For the status,
    the errors by stage and the timings instead of an exception, use ``vnplan.pipeline.run``.
    """
    from vnplan.pipeline import process as run_pipeline  # every stage: loaded on first use, not by `import vnplan`

    return run_pipeline(Path(path), options)
