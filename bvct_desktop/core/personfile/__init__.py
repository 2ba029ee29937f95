"""The file an internal-protection officer keeps on a person: relatives, foreign elements,
political-issue notes and vetting cases. Services only; every face goes through them."""
