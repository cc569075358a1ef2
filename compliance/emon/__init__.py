"""The 공단 reporting outbox (EMON v2, DOMAIN-KR §2; issue 17 part 5).

- ``writers``: listeners of ``courses.events`` (and allauth's login signal) that write
  ``compliance.models.EmonRecord`` rows in the transaction of the change, for funded runs only.
- ``payloads``: the field names and formats of DOMAIN-KR §2.2 (one function per endpoint).
- ``transport``: how a batch reaches the 공단 (``ACADEMY_EMON_TRANSPORT``: http, fake, none).
- ``sending``: the hourly batch sender, its backoff and the operator alert; the staff's resend.
- ``admin``: the staff screen per run (rows by state, payload preview, resend).

Decisions (where DOMAIN-KR is uncertain or silent):

- **Reporting is a diff of state.** Each writer computes what the endpoint should now say of the
  enrolment (its attend_hist fields, its score parts) and writes a new row only when that differs
  from the latest row written; so a repeated event writes nothing, and a change after a row was
  sent is a new row (changeState U, or D for a removed trainee or a score that stopped counting).
- **seq and agentPk are added when a row is sent** (``payloads.wire_row``): ``seq`` is the row's
  primary key, the agent id comes from the settings of the sending machine. The stored payload is
  everything else, never changed once sent.
- **Score rows per weighted part**: one ``score_hist`` row per part of the weighted total
  (``진행평가_1`` all progress tests, ``시험_1`` all final tests, ``과제_1`` the assignment), carrying
  the part's weighted points, each rounded half up to 2 decimals with the rounding remainder
  (at most 0.01) put on the heaviest part, so that Σ latest rows == ``attend_hist.totalScore``
  exactly. A course without weights reports no score rows and a totalScore of 0.
- **accessIp of a score row** is the trainee's address at the submission (the client of the
  request that first reports a new submitDate); a regrade by an instructor keeps it.
- **resNo** (주민등록번호) is never stored in a payload: the stored row, the staff's preview and
  every export keep ``""``. The sender alone fills it in, in memory, for the batch it is sending
  (``sending.emon_send`` → ``payloads.wire_row(res_no=…)``), from the encrypted
  ``accounts.ResidentNumber`` of the funded enrolment's personal-data step (``accounts.resident``);
  a trainee without one is sent ``""`` as before. Nothing logs a batch's rows. ``mobile`` is "-"
  (no phone number on the account yet).
- **The alert** is one e-mail per run of the sender listing the rows newly 24 h in error (each
  row alerts once, ``alerted_at``), plus a log line at ERROR.
"""
