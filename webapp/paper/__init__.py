"""Paper: the feedback form and every consultation as an A4 form to print
(`forms` lays a form out from the definitions the web journeys use, `pdf`
draws it with WeasyPrint)."""
