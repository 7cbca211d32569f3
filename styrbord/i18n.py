"""Compile the translation catalogues (``.po`` → ``.mo``) without GNU gettext.

``make`` runs this so that a machine with only Python needs nothing more; CI also runs
Django's ``compilemessages`` (GNU msgfmt) as a stricter check of the same files.
"""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def compile_catalogues(root: Path = ROOT) -> list[Path]:
    written = []
    for po_path in sorted((root / "locale").glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    compile_catalogues()
