"""One importer and one export query per kind of record."""

from . import archive_requests, cadres, complaints, delegations, relatives, slips

REGISTERS = {
    "cadres": (cadres.CadreRegister, cadres.export_rows),
    "slips": (slips.SlipRegister, slips.export_rows),
    "delegations": (delegations.DelegationRegister, delegations.export_rows),
    "archive-requests": (archive_requests.ArchiveRequestRegister, archive_requests.export_rows),
    "complaints": (complaints.ComplaintRegister, complaints.export_rows),
    "relatives": (relatives.RelativeRegister, relatives.export_rows),
}
