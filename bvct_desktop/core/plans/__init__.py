"""Per kind of record: the plan of its writes (import rows and form saves) and its export query."""

from . import archive_requests, cadres, complaints, delegations, relatives, slips

PLANS = {
    "cadres": (cadres.CadrePlan, cadres.export_rows),
    "slips": (slips.SlipPlan, slips.export_rows),
    "delegations": (delegations.DelegationPlan, delegations.export_rows),
    "archive-requests": (archive_requests.ArchiveRequestPlan, archive_requests.export_rows),
    "complaints": (complaints.ComplaintPlan, complaints.export_rows),
    "relatives": (relatives.RelativePlan, relatives.export_rows),
}
