"""marshmallow schemas for every payload: HTTP requests and responses, task messages, errors."""

from schemas.corpus import DocumentIn, DocumentList, DocumentOut
from schemas.errors import Problem
from schemas.jobs import Accepted, ClaimOut, DraftIn, JobOut, TaskPayload, claim_to_dict
from schemas.reviews import ReviewIn, ReviewOut

__all__ = [
    "Accepted",
    "ClaimOut",
    "DocumentIn",
    "DocumentList",
    "DocumentOut",
    "DraftIn",
    "JobOut",
    "Problem",
    "ReviewIn",
    "ReviewOut",
    "TaskPayload",
    "claim_to_dict",
]
