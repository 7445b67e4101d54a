"""Getting contacts in and out: vCard, CSV (Google, Outlook, LinkedIn, attendee lists), iCalendar."""
