"""Pure rules of the domain: functions of plain values and an explicit ``now`` and zone.

Nothing here opens a database or reads the clock: follow-up timing (``followup_rules``,
``cadence``), relationship health and trust (``health``), introductions, attendee fit
(``attendee_fit``) and follow-up drafts (``drafts``).
"""
