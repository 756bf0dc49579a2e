"""The printable pack: which handouts there are and what each one's layout depends on."""

from dataclasses import dataclass

from handbook.languages import Lang
from handbook.model import Handout, HandoutsDoc, blank_forms
from handbook.project import Project

PAIR: tuple[Lang, Lang] = ("kk", "ru")  # every handout is also printed in these two side by side, for mixed groups


@dataclass(frozen=True)
class Sheet:
    """A handout with what its layout depends on."""

    handout: Handout
    landscape: bool
    form: bool

    @property
    def id(self) -> str:
        """Its slug: handouts/<id>/ and pdf/<id>.pdf in every language."""
        return self.handout.id


def pack(project: Project) -> list[Sheet]:
    """Every handout: the listed ones in their order, then a blank form for each rubric not listed as one."""
    docs = list(project.docs.values())
    listed = [handout for doc in docs if isinstance(doc, HandoutsDoc) for handout in doc.items]
    sheets = []
    for handout in listed + blank_forms(docs):
        form = any(shown.view == "form" for shown in handout.show)
        wide = any(getattr(project.docs[shown.data], "landscape", False) for shown in handout.show)
        sheets.append(Sheet(handout, landscape=form or wide, form=form))
    return sheets


def paired(sheet_id: str, langs: tuple[Lang, ...] = PAIR) -> str:
    """The slug of a handout in two languages side by side (handouts/<id>.kk-ru/, pdf/<id>.kk-ru.pdf), in the folder
    of the first of them."""
    return f"{sheet_id}.{'-'.join(langs)}"
