"""Public "you said, we did" pages (/you-said-we-did): what people said (themes,
counts suppressed below 5, quotes staff marked for publication) and what the
board is doing about it, per finished consultation and for feedback over the
last four quarters. Reads `webapp.reports.public`."""
