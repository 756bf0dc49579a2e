"""Problems found in the editors' files, reported as `path:line:col: field: message`."""

from collections.abc import Iterable
from dataclasses import dataclass

Loc = tuple[str | int, ...]  # a value's place in its file: ("items", 2, "name")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong at one place in one file (line and column are 1-based)."""

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.field}: {self.message}"

    def github(self) -> str:
        """The problem as a GitHub Actions annotation on its file and line."""

        def escape(text: str, properties: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if properties else text

        where = f"file={escape(self.path, True)},line={self.line},col={self.col},title={escape(self.field, True)}"
        return f"::error {where}::{escape(self.message)}"


class ValidationFailed(Exception):
    """Raised with every problem found, sorted by file and position."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
