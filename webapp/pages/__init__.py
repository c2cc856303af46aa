"""The public site's own pages: home (with the consultations open now), Get
help now, Staying safe online, privacy, accessibility, and /exit, the route
*Exit this page* leaves through. No forms, so no cookie."""
