"""The service-user group's view of a themed summary (/group/, then
/group/<kind>/<ident>): with their own single-use code, members see the summary
as outsiders may (`webapp.reports.public`), say which themes matter most and
comment on each, check their comments with names taken out, and send once.
`members` decides what the group may open and stores what members send."""
