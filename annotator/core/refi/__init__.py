"""REFI-QDA exchange (codebook ``.qdc``, project ``.qdpx``): shared pieces and the project files.

The standard is REFI-QDA 1.5 with the QDA-XML 1.0 schemas, vendored in
``schemas/refi-qda/``. Writers are strict (canonical namespace, upper-case GUIDs,
``#RRGGBB`` colours, schema-validated output); readers are lenient (any
``urn:QDA-XML:*`` namespace or none, GUIDs in any case with or without braces,
vendor colour forms) and say in a :class:`~annotator.core.refi.report.Report` what
they changed or could not carry (REFI-QDA §7, data loss).

* :mod:`.guids`: GUID normalisation and export form;
* :mod:`.colours`: colour reading and export form;
* :mod:`.xml`: safe parsing, namespace-tolerant lookup, schema diagnostics;
* :mod:`.report`: grouped notes for the user;
* :mod:`.code_text`: Annotator's own code fields carried in a code's ``Description``;
* :mod:`.codes`: reading and writing ``Code`` trees (same shape in both schemas);
* project exchange: :mod:`.qdpx_export` (with :mod:`.qdpx_document`,
  :mod:`.qdpx_variables`, :mod:`.qdpx_checks`) and :mod:`.qdpx_import` (with
  :mod:`.qdpx_archive`, :mod:`.qdpx_read`, :mod:`.qdpx_text`, :mod:`.qdpx_plan`).
"""
