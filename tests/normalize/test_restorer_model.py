"""The restorer loads lm.bin, case.bin and channel.bin together: a missing or mismatched file is one clear
error naming it; normalize() takes the restorer a caller passes."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from vnplan.extract import extract
from vnplan.normalize import normalize
from vnplan.normalize.restore import RestorerModelError
from vnplan.normalize.restore.decoder import MODEL_FILES, RestoredLine, Restorer, model_dir
from vnplan.normalize.restore.lm import write_arrays


def _copy_model(folder, leave_out: str | None = None):
    for name in MODEL_FILES:
        if name != leave_out:
            (folder / name).symlink_to(model_dir() / name)


@pytest.mark.parametrize("missing", MODEL_FILES)
def test_a_missing_model_file_is_named(tmp_path, missing):
    _copy_model(tmp_path, leave_out=missing)
    with pytest.raises(RestorerModelError, match=rf"missing: .*{missing}"):
        Restorer.load(tmp_path)


def test_a_mismatched_casing_table_is_named(tmp_path):
    _copy_model(tmp_path, leave_out="case.bin")
    write_arrays(tmp_path / "case.bin", {"case_logp": np.zeros((3, 2), dtype="<f2")}, {})
    with pytest.raises(RestorerModelError, match=r"case\.bin does not match lm\.bin"):
        Restorer.load(tmp_path)


def test_a_file_that_is_no_model_is_named(tmp_path):
    _copy_model(tmp_path, leave_out="channel.bin")
    (tmp_path / "channel.bin").write_bytes(b"not a model")
    with pytest.raises(RestorerModelError, match=r"unreadable: .*channel\.bin"):
        Restorer.load(tmp_path)


def test_the_shipped_model_loads_from_a_copy(tmp_path):
    for name in MODEL_FILES:
        shutil.copy(model_dir() / name, tmp_path / name)
    assert Restorer.load(tmp_path).model.case_logp.shape == (len(Restorer.load().model.vocab), 2)


class _Recording:
    """A restorer that keeps every line as it is and records what it was asked."""

    def __init__(self):
        self.calls = []

    def restore_lines(self, lines, mode, keep):
        self.calls.append(mode)
        return [RestoredLine(line) for line in lines]


def test_normalize_uses_the_restorer_it_is_given(tmp_path):
    path = tmp_path / "stripped.txt"
    path.write_text("KE HOACH\nThuc hien nhiem vu y te nam 2024 cua So Y te tinh Lai Chau\n", encoding="utf-8")
    restorer = _Recording()
    doc = normalize(extract(path), restorer=restorer)  # type: ignore[arg-type]
    assert restorer.calls == ["stripped"]
    assert "Thuc hien nhiem vu" in doc.text
