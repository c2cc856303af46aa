"""The service-user group's view of a themed summary (/group/<kind>/<ident>):
with the group's access code, members see the summary as outsiders may
(`webapp.reports.public`), say which themes matter most and comment on each.
`members` decides what the group may open and stores what members send."""
