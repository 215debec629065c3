"""Files the command writes: whole or not at all, never over its own inputs.

:func:`output_text` and :func:`output_bytes` open a temporary file beside the output,
hand it over, and rename it into place only once everything was written (a rename
within a folder is atomic): a run killed half-way leaves the old file as it was, or no
file, never a file that ends on a whole row and looks complete. Before anything is
written, :func:`check_output` refuses

* an output that is one of the run's inputs (the register, the policy document), even
  with ``force``;
* an output that exists, unless ``force`` says to replace it;
* an output that is a symbolic link, unless ``follow_symlinks`` says to write where it
  points (the link itself is kept).

Each refusal is a :class:`~teletravail.errors.ValidationError` naming the output.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from teletravail.errors import ValidationError
from teletravail.messages import Phrase

__all__ = ["check_output", "output_bytes", "output_text"]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(
    path: str | Path,
    *,
    inputs: Collection[str | Path] = (),
    force: bool = False,
    follow_symlinks: bool = False,
    field: str = "output",
) -> Path:
    """The file that writing ``path`` would replace or create, or the refusal (see the
    module's doc): a command checks this before its work, so that it fails at once."""
    target = Path(path)
    if target.is_symlink():
        if not follow_symlinks:
            raise ValidationError(
                field,
                str(target),
                Phrase(
                    "a path that is not a symbolic link (--follow-symlinks writes through it)",
                    "un chemin qui ne soit pas un lien symbolique (--follow-symlinks écrit au"
                    " travers du lien)",
                ),
            )
        target = target.resolve()
    for given in inputs:
        if _same(target, Path(given)):
            raise ValidationError(
                field,
                str(path),
                Phrase(
                    "an output other than the run's input {given!r}",
                    "une sortie autre que l'entrée {given!r}",
                    given=str(given),
                ),
            )
    if target.exists():
        if not force:
            raise ValidationError(
                field,
                str(path),
                Phrase(
                    "a file that does not exist yet (--force replaces it)",
                    "un fichier qui n'existe pas encore (--force le remplace)",
                ),
            )
        if target.is_dir():
            raise ValidationError(
                field, str(path), Phrase("a file, not a folder", "un fichier, pas un dossier")
            )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(
            field,
            str(path),
            Phrase("a path in a folder that exists", "un chemin dans un dossier qui existe"),
        )
    return target


@contextlib.contextmanager
def output_bytes(
    path: str | Path,
    *,
    inputs: Collection[str | Path] = (),
    force: bool = False,
    follow_symlinks: bool = False,
    field: str = "output",
) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through; the output appears, whole, when the
    block ends without an error (and not at all otherwise)."""
    target = check_output(
        path, inputs=inputs, force=force, follow_symlinks=follow_symlinks, field=field
    )
    mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    done = False
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


@contextlib.contextmanager
def output_text(
    path: str | Path,
    *,
    inputs: Collection[str | Path] = (),
    force: bool = False,
    follow_symlinks: bool = False,
    field: str = "output",
) -> Iterator[TextIO]:
    """:func:`output_bytes` as UTF-8 text (lines as written: no newline translation)."""
    with output_bytes(
        path, inputs=inputs, force=force, follow_symlinks=follow_symlinks, field=field
    ) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the binary file is closed by output_bytes, once complete


def _default_mode() -> int:
    """The permissions a new file gets (0o666 less the process's umask): the temporary
    file is created private, the output must not stay so."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
