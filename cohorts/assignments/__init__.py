"""Structured template assignments: one editor, one renderer and one exporter per kind.

``kinds.KINDS`` maps each ``AssignmentKind`` to its editor (a form for the single fields and
one formset per list of rows), the template that renders its content, and the tables its
exporters write.
"""
