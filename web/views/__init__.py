"""Request handlers: ``api`` (mentorships, sessions, corrections, jobs), ``recordings``
(upload and download), ``events`` (Server-Sent Events), ``health`` (probes); ``inputs``
reads requests and ``shapes`` writes the JSON of records."""
