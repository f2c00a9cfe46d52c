from .pages import (
    CulturalProjectIndexPage,
    CulturalProjectPage,
    CulturalProjectPartner,
    ProgrammeIndexPage,
    ProgrammePage,
)
from .partner import Partner

__all__ = [
    "CulturalProjectIndexPage",
    "CulturalProjectPage",
    "CulturalProjectPartner",
    "Partner",
    "ProgrammeIndexPage",
    "ProgrammePage",
]
