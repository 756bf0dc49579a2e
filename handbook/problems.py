"""Problems found in the editors' files, reported as `path:line:col: field: message`."""

from dataclasses import dataclass
from collections.abc import Iterable


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


class ValidationFailed(Exception):
    """Raised with every problem found, sorted by file and position."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
