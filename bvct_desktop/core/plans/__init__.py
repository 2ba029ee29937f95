"""Per kind of record, the plan of its writes: the rows of an import and the values of a form."""

from . import archive_requests, cadres, complaints, delegations, relatives, slips
from .base import Plan

PLANS: dict[str, type[Plan]] = {
    "cadres": cadres.CadrePlan,
    "slips": slips.SlipPlan,
    "delegations": delegations.DelegationPlan,
    "archive-requests": archive_requests.ArchiveRequestPlan,
    "complaints": complaints.ComplaintPlan,
    "relatives": relatives.RelativePlan,
}
