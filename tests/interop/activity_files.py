"""Calendar and mailbox files as Google Calendar, Outlook and Thunderbird export them, written by the tests.

Each writer returns the file's bytes; the forms follow the real exports: Google's UTC times and
folded ATTENDEE lines, Outlook's CRLF and Windows time-zone names with a VTIMEZONE, Thunderbird's
Olson VTIMEZONE and "From - " separators, Takeout's "From 1234@xxx" lines and encoded headers.
"""
from __future__ import annotations


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def google_calendar() -> bytes:
    return crlf("""BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:me@example.org
X-WR-TIMEZONE:Europe/Berlin
BEGIN:VEVENT
DTSTART:20260310T090000Z
DTEND:20260310T100000Z
DTSTAMP:20260601T120000Z
ORGANIZER;CN=Me:mailto:me@example.org
UID:coffee-1@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Jane D
 oe;X-NUM-GUESTS=0:mailto:Jane.Doe@Gmail.com
CREATED:20260301T100000Z
SUMMARY:Coffee with Jane
STATUS:CONFIRMED
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/Berlin:20260505T100000
DTEND;TZID=Europe/Berlin:20260505T103000
RRULE:FREQ=WEEKLY;BYDAY=TU
EXDATE;TZID=Europe/Berlin:20260519T100000
DTSTAMP:20260601T120000Z
ORGANIZER;CN=Hans:mailto:hans@mueller.example
UID:weekly-sync@google.com
ATTENDEE;CN=me@example.org:mailto:me@example.org
SUMMARY:Weekly sync
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20260402
DTEND;VALUE=DATE:20260403
DTSTAMP:20260601T120000Z
UID:offsite@google.com
ATTENDEE;CN=Jane:mailto:jane@acme.example
SUMMARY:Offsite day
END:VEVENT
BEGIN:VEVENT
DTSTART:20260901T090000Z
DTEND:20260901T100000Z
DTSTAMP:20260601T120000Z
UID:future@google.com
ATTENDEE:mailto:jane@acme.example
SUMMARY:Board meeting
END:VEVENT
BEGIN:VEVENT
DTSTART:20260311T090000Z
DTEND:20260311T100000Z
DTSTAMP:20260601T120000Z
UID:stranger@google.com
ATTENDEE:mailto:someone@unknown.example
SUMMARY:Dentist
END:VEVENT
END:VCALENDAR
""")


def outlook_calendar() -> bytes:
    return crlf("""BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:PUBLISH
X-MS-OLK-FORCEINSPECTOROPEN:TRUE
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16011028T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010325T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
CLASS:PUBLIC
CREATED:20260301T100000Z
DTSTART;TZID="W. Europe Standard Time":20260312T140000
DTEND;TZID="W. Europe Standard Time":20260312T150000
DTSTAMP:20260601T120000Z
ORGANIZER;CN="Müller, Hans":mailto:hans@mueller.example
ATTENDEE;CN="Me";RSVP=TRUE:mailto:me@example.org
SUMMARY;LANGUAGE=de-DE:Projektbesprechung
UID:040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID="W. Europe Standard Time":20260601T090000
DTEND;TZID="W. Europe Standard Time":20260601T093000
RRULE:FREQ=DAILY;COUNT=5
DTSTAMP:20260601T120000Z
ORGANIZER;CN="Müller, Hans":mailto:hans@mueller.example
SUMMARY:Stand-up
UID:standup-outlook
END:VEVENT
BEGIN:VEVENT
RECURRENCE-ID;TZID="W. Europe Standard Time":20260602T090000
DTSTART;TZID="W. Europe Standard Time":20260602T110000
DTEND;TZID="W. Europe Standard Time":20260602T113000
DTSTAMP:20260601T120000Z
ORGANIZER;CN="Müller, Hans":mailto:hans@mueller.example
SUMMARY:Stand-up (moved)
UID:standup-outlook
END:VEVENT
BEGIN:VEVENT
RECURRENCE-ID;TZID="W. Europe Standard Time":20260603T090000
DTSTART;TZID="W. Europe Standard Time":20260603T090000
DTSTAMP:20260601T120000Z
ORGANIZER;CN="Müller, Hans":mailto:hans@mueller.example
SUMMARY:Stand-up
STATUS:CANCELLED
UID:standup-outlook
END:VEVENT
END:VCALENDAR
""")


def thunderbird_calendar() -> bytes:
    return """BEGIN:VCALENDAR
PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN
VERSION:2.0
BEGIN:VTIMEZONE
TZID:America/New_York
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
CREATED:20260301T100000Z
LAST-MODIFIED:20260301T100000Z
DTSTAMP:20260301T100000Z
UID:9b1e4c4e-7b8a-4f0e-9a52-1b2c3d4e5f60
SUMMARY:Lunch with Ana – Café Crème
ORGANIZER;CN=Me:mailto:me@example.org
ATTENDEE;RSVP=TRUE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;CN=Ana García
  :mailto:ana@garcia.example
DTSTART;TZID=America/New_York:20260320T123000
DTEND;TZID=America/New_York:20260320T133000
END:VEVENT
BEGIN:VEVENT
UID:floating-1
DTSTAMP:20260301T100000Z
SUMMARY:Call with Ana
ATTENDEE:mailto:ANA@garcia.example
DTSTART:20260325T170000
END:VEVENT
END:VCALENDAR
""".encode()


def thunderbird_mbox() -> bytes:
    """Thunderbird's "Sent" folder: 'From - ' separators, X-Mozilla headers, encoded words, folding."""
    return b"""From - Mon Mar 16 10:00:00 2026
X-Mozilla-Status: 0001
X-Mozilla-Status2: 00800000
Message-ID: <a1@example.org>
Date: Mon, 16 Mar 2026 11:00:00 +0100
MIME-Version: 1.0
From: Me <me@example.org>
To: =?UTF-8?Q?Jane_Do=C3=A9?= <jane@acme.example>,
 "Someone Else" <someone@unknown.example>
Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_nach_dem_Treffen_?=
 =?UTF-8?Q?in_Berlin?=
Content-Type: text/plain; charset=UTF-8

Hi Jane,
From the desk of me: great to meet you.
From what you said, the lab sounds great.
>From a quoted line.

From - Tue Mar 17 09:00:00 2026
X-Mozilla-Status: 0001
Message-ID: <a2@example.org>
Date: Tue, 17 Mar 2026 09:00:00 -0400
From: Me <me@example.org>
To: =?iso-8859-1?q?Hans_M=FCller?= <HANS@mueller.example>
Subject: Re: Projekt
Content-Type: text/plain

See you.

From - Tue Mar 17 09:30:00 2026
Message-ID: <a3@example.org>
Date: Tue, 17 Mar 2026 09:30:00 +0000
From: Me <me@example.org>
To: nobody@unknown.example
Subject: not a contact

x
"""


def takeout_mbox() -> bytes:
    """A Google Takeout mbox: 'From 1234@xxx' lines, Gmail labels, CRLF, a message from a contact."""
    return crlf("""From 1759999999999999999@xxx Wed Mar 18 08:00:00 +0000 2026
X-GM-THRID: 1759999999999999999
X-Gmail-Labels: Inbox
Message-ID: <CAB123@mail.gmail.com>
Date: Wed, 18 Mar 2026 08:00:00 +0000
From: Jane Doe <jane.doe@gmail.com>
To: me@example.org
Subject: =?utf-8?B?VGhhbmtzIGZvciB0aGUgaW50cm8g8J+Zjw==?=

Thanks!

From 1759999999999999998@xxx Wed Mar 18 09:00:00 +0000 2026
X-Gmail-Labels: Sent
Date: Wed, 18 Mar 2026 09:00:00 +0000
From: me@example.org
To: jane.doe@gmail.com
Subject: No message id here

ok
""")
