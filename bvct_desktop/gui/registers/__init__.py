"""The registers (sổ theo dõi): the list of every record of one kind — cadres, vetting cases,
slips, archive requests, delegations, complaints — searched, filtered and sorted in SQL, each
record opening its form (gui/forms). `page` is the page the navigation shows, `model` its table
model, which a cadre's file also uses for that person's records. (The core's importers, which
write a sheet's rows, are the plans in core/plans.)"""
