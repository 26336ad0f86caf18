"""Regenerate docs/rules.md from the rules' own metadata.

Usage: python scripts/gen_rules_doc.py          (writes docs/rules.md)
       python scripts/gen_rules_doc.py --check  (exit 1 if it is out of date)
"""

from __future__ import annotations

import sys
from pathlib import Path

from movekit.rules.docs import docs_markdown

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    wanted = docs_markdown()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != wanted:
            print(f"{TARGET} is out of date: run python scripts/gen_rules_doc.py")
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
