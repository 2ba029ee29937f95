"""The office server: the same database on PostgreSQL, shared by the office's PCs on a closed LAN.

Only what differs from the file database lives here — connecting (TLS verified, the program user
as the login role), the server's own objects (group roles and their grants, the audit chain's
trigger, the functions that manage accounts), the consistent copy a backup takes and the copy
`migrate-to-server` makes. The services above see a `Database` like any other. This package is
the program's only network path, opened only when the database named is on a server.
"""
