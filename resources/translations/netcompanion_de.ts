<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>NetCompanion</name>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Firma</translation>
    </message>
    <message>
      <source>Goals</source>
      <translation>Ziele</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>Stufe</translation>
    </message>
    <message>
      <source>Last contact</source>
      <translation>Letzter Kontakt</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <source>The draft will say it in one sentence here.</source>
      <translation>Der Entwurf sagt es hier in einem Satz.</translation>
    </message>
    <message>
      <source>Conversation detail: {name}</source>
      <translation>Gesprächsdetail: {name}</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Heute</translation>
    </message>
    <message>
      <source>Scan</source>
      <translation>Scannen</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Kontakte</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Veranstaltungen</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>Netzwerk</translation>
    </message>
    <message>
      <source>Opening your network…</source>
      <translation>Ihr Netzwerk wird geöffnet…</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>Bereiche</translation>
    </message>
    <message>
      <source>Search (Ctrl+F)</source>
      <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
      <source>Search the current place</source>
      <translation>Im aktuellen Bereich suchen</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Rückgängig</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Load demo data</source>
      <translation>Demodaten laden</translation>
    </message>
    <message>
      <source>Start empty</source>
      <translation>Leer beginnen</translation>
    </message>
    <message>
      <source>Demo data loaded</source>
      <translation>Demodaten geladen</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>&amp;Add cards…</source>
      <translation>Karten &amp;hinzufügen…</translation>
    </message>
    <message>
      <source>Read card photos or scans in the Scan place</source>
      <translation>Kartenfotos oder Scans im Bereich Scannen lesen</translation>
    </message>
    <message>
      <source>Add a &amp;folder of cards…</source>
      <translation>&amp;Ordner mit Karten hinzufügen…</translation>
    </message>
    <message>
      <source>Cards from my &amp;phone…</source>
      <translation>Karten vom &amp;Handy…</translation>
    </message>
    <message>
      <source>A QR code opens a page on your phone that sends each card photo here</source>
      <translation>Ein QR-Code öffnet auf Ihrem Handy eine Seite, die jedes Kartenfoto hierher schickt</translation>
    </message>
    <message>
      <source>Cards from the &amp;camera…</source>
      <translation>Karten von der &amp;Kamera…</translation>
    </message>
    <message>
      <source>Hold cards up to the webcam: each is taken when it is still</source>
      <translation>Karten vor die Webcam halten: jede wird aufgenommen, sobald sie still ist</translation>
    </message>
    <message>
      <source>&amp;Import contacts…</source>
      <translation>Kontakte &amp;importieren…</translation>
    </message>
    <message>
      <source>vCard, Google / Outlook / LinkedIn CSV, calendars and mailboxes</source>
      <translation>vCard, Google-/Outlook-/LinkedIn-CSV, Kalender und Postfächer</translation>
    </message>
    <message>
      <source>&amp;Export contacts…</source>
      <translation>Kontakte &amp;exportieren…</translation>
    </message>
    <message>
      <source>&amp;New event…</source>
      <translation>&amp;Neue Veranstaltung…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <source>&amp;Save contact</source>
      <translation>Kontakt &amp;speichern</translation>
    </message>
    <message>
      <source>&amp;Archive selected contacts</source>
      <translation>Ausgewählte Kontakte &amp;archivieren</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>&amp;Suchen…</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>&amp;Reload</source>
      <translation>&amp;Neu laden</translation>
    </message>
    <message>
      <source>Follow-up &amp;checklist window</source>
      <translation>&amp;Checklistenfenster</translation>
    </message>
    <message>
      <source>A small window that stays on top</source>
      <translation>Ein kleines Fenster, das im Vordergrund bleibt</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>&amp;Gehe zu</translation>
    </message>
    <message>
      <source>To the &amp;results</source>
      <translation>Zu den &amp;Ergebnissen</translation>
    </message>
    <message>
      <source>From the search box: Down or Enter</source>
      <translation>Aus dem Suchfeld: Pfeil nach unten oder Eingabe</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <source>Open &amp;log folder</source>
      <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
      <source>The log file holds what went wrong in the background, for a bug report</source>
      <translation>Die Protokolldatei enthält, was im Hintergrund schiefging – für einen Fehlerbericht</translation>
    </message>
    <message>
      <source>&amp;About NetCompanion</source>
      <translation>&amp;Über NetCompanion</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
      <source>Welcome to NetCompanion. Your database is empty: try it with a demo network of three events and forty contacts, or start with your own cards.</source>
      <translation>Willkommen bei NetCompanion. Ihre Datenbank ist leer: Probieren Sie es mit einem Demonetzwerk aus drei Veranstaltungen und vierzig Kontakten aus, oder beginnen Sie mit Ihren eigenen Karten.</translation>
    </message>
    <message>
      <source>Undone</source>
      <translation>Rückgängig gemacht</translation>
    </message>
    <message>
      <source>A few relationships that are followed up beat a thousand business cards.</source>
      <translation>Wenige gepflegte Beziehungen schlagen tausend Visitenkarten.</translation>
    </message>
    <message>
      <source>Demo data</source>
      <translation>Demodaten</translation>
    </message>
    <message>
      <source>This did not work because of a fault in NetCompanion: {message}

Nothing else was changed. The details are in the log (Help &gt; Open log folder).</source>
      <translation>Das hat wegen eines Fehlers in NetCompanion nicht geklappt: {message}

Sonst wurde nichts geändert. Die Einzelheiten stehen im Protokoll (Hilfe &gt; Protokollordner öffnen).</translation>
    </message>
    <message>
      <source>Restore this backup</source>
      <translation>Diese Sicherung wiederherstellen</translation>
    </message>
    <message>
      <source>The database cannot be opened.

{reason}</source>
      <translation>Die Datenbank kann nicht geöffnet werden.

{reason}</translation>
    </message>
    <message>
      <source>The backup could not be restored.

{reason}</source>
      <translation>Die Sicherung konnte nicht wiederhergestellt werden.

{reason}</translation>
    </message>
    <message>
      <source>The latest backup was made {date} UTC:
{path}

Restoring it replaces the database; the current database is kept as a backup first.</source>
      <translation>Die neueste Sicherung stammt vom {date} UTC:
{path}

Das Wiederherstellen ersetzt die Datenbank; die aktuelle Datenbank wird vorher als Sicherung aufbewahrt.</translation>
    </message>
    <message>
      <source>Search box</source>
      <translation>Suchfeld</translation>
    </message>
    <message>
      <source>Down or Enter</source>
      <translation>Pfeil nach unten oder Eingabe</translation>
    </message>
    <message>
      <source>Move into the results</source>
      <translation>In die Ergebnisse wechseln</translation>
    </message>
    <message>
      <source>Clear the search</source>
      <translation>Die Suche leeren</translation>
    </message>
    <message>
      <source>Scan review</source>
      <translation>Kartenprüfung</translation>
    </message>
    <message>
      <source>Enter on the name</source>
      <translation>Eingabe im Namen</translation>
    </message>
    <message>
      <source>Move to the conversation detail</source>
      <translation>Zum Gesprächsdetail wechseln</translation>
    </message>
    <message>
      <source>Save the card and open the next</source>
      <translation>Die Karte speichern und die nächste öffnen</translation>
    </message>
    <message>
      <source>Everywhere</source>
      <translation>Überall</translation>
    </message>
    <message>
      <source>Move between controls</source>
      <translation>Zwischen den Bedienelementen wechseln</translation>
    </message>
    <message>
      <source>Checklist window</source>
      <translation>Checklistenfenster</translation>
    </message>
    <message>
      <source>Close it</source>
      <translation>Es schließen</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Wo</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <source>What it does</source>
      <translation>Was sie tun</translation>
    </message>
    <message>
      <source>The menus show these too, next to their entries.</source>
      <translation>Die Menüs zeigen sie auch, neben ihren Einträgen.</translation>
    </message>
    <message>
      <source>Open NetCompanion</source>
      <translation>NetCompanion öffnen</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Beenden</translation>
    </message>
    <message>
      <source>Notifications</source>
      <translation>Benachrichtigungen</translation>
    </message>
    <message>
      <source>Keep running in the tray</source>
      <translation>Im Infobereich weiterlaufen</translation>
    </message>
    <message>
      <source>Start at login</source>
      <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
      <source>Quiet hours</source>
      <translation>Ruhezeiten</translation>
    </message>
    <message>
      <source>NetCompanion: {count} follow-ups due today</source>
      <translation>NetCompanion: heute {count} fällig</translation>
    </message>
    <message>
      <source>Inner circle</source>
      <translation>Engster Kreis</translation>
    </message>
    <message>
      <source>Warm</source>
      <translation>Warm</translation>
    </message>
    <message>
      <source>Acquaintance</source>
      <translation>Bekanntschaft</translation>
    </message>
    <message>
      <source>Noise</source>
      <translation>Rauschen</translation>
    </message>
    <message>
      <source>LinkedIn</source>
      <translation>LinkedIn</translation>
    </message>
    <message>
      <source>Birthday</source>
      <translation>Geburtstag</translation>
    </message>
    <message>
      <source>Anniversary</source>
      <translation>Jahrestag</translation>
    </message>
    <message>
      <source>Street</source>
      <translation>Straße</translation>
    </message>
    <message>
      <source>Postcode</source>
      <translation>Postleitzahl</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Ort</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Land</translation>
    </message>
    <message>
      <source>E-mails</source>
      <translation>E-Mails</translation>
    </message>
    <message>
      <source>Phones</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <source>Web sites</source>
      <translation>Webseiten</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notizen</translation>
    </message>
    <message>
      <source>Interests</source>
      <translation>Interessen</translation>
    </message>
    <message>
      <source>Needs</source>
      <translation>Bedarf</translation>
    </message>
    <message>
      <source>Offers</source>
      <translation>Angebot</translation>
    </message>
    <message>
      <source>Influence (1-5)</source>
      <translation>Einfluss (1-5)</translation>
    </message>
    <message>
      <source>Credibility</source>
      <translation>Glaubwürdigkeit</translation>
    </message>
    <message>
      <source>Reliability</source>
      <translation>Verlässlichkeit</translation>
    </message>
    <message>
      <source>Intimacy</source>
      <translation>Nähe</translation>
    </message>
    <message>
      <source>Self-orientation</source>
      <translation>Eigennutz</translation>
    </message>
    <message>
      <source>Yours (Settings)</source>
      <translation>Ihre (Einstellungen)</translation>
    </message>
    <message>
      <source>Encounters and interactions</source>
      <translation>Begegnungen und Kontakte</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Speichern</translation>
    </message>
    <message>
      <source>Save the changes (Ctrl+S)</source>
      <translation>Die Änderungen speichern (Strg+S)</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>Zurücksetzen</translation>
    </message>
    <message>
      <source>Draft language</source>
      <translation>Sprache der Entwürfe</translation>
    </message>
    <message>
      <source>Trust</source>
      <translation>Vertrauen</translation>
    </message>
    <message>
      <source>No contact selected</source>
      <translation>Kein Kontakt ausgewählt</translation>
    </message>
    <message>
      <source>Pick a contact in the table.</source>
      <translation>Wählen Sie einen Kontakt in der Tabelle.</translation>
    </message>
    <message>
      <source>Cannot save the contact</source>
      <translation>Der Kontakt kann nicht gespeichert werden</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Aktiv</translation>
    </message>
    <message>
      <source>Archived</source>
      <translation>Archiviert</translation>
    </message>
    <message>
      <source>Selected…</source>
      <translation>Ausgewählte…</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Importieren…</translation>
    </message>
    <message>
      <source>Duplicates…</source>
      <translation>Duplikate…</translation>
    </message>
    <message>
      <source>Review contacts that are, or may be, one person, and merge them</source>
      <translation>Kontakte prüfen, die eine Person sind oder sein könnten, und zusammenführen</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Exportieren…</translation>
    </message>
    <message>
      <source>Export the selected contacts, or all shown, as vCard or CSV</source>
      <translation>Die ausgewählten oder alle angezeigten Kontakte als vCard oder CSV exportieren</translation>
    </message>
    <message>
      <source>Tag with goal</source>
      <translation>Mit Ziel versehen</translation>
    </message>
    <message>
      <source>Set tier</source>
      <translation>Stufe setzen</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>Archivieren</translation>
    </message>
    <message>
      <source>Goal filter</source>
      <translation>Zielfilter</translation>
    </message>
    <message>
      <source>Event filter</source>
      <translation>Veranstaltungsfilter</translation>
    </message>
    <message>
      <source>Tier filter</source>
      <translation>Stufenfilter</translation>
    </message>
    <message>
      <source>Active or archived</source>
      <translation>Aktiv oder archiviert</translation>
    </message>
    <message>
      <source>All tiers</source>
      <translation>Alle Stufen</translation>
    </message>
    <message>
      <source>All goals</source>
      <translation>Alle Ziele</translation>
    </message>
    <message>
      <source>All events</source>
      <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
      <source>{shown} of {total}</source>
      <translation>{shown} von {total}</translation>
    </message>
    <message>
      <source>{count} selected…</source>
      <translation>{count} ausgewählt…</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <source>Meet</source>
      <translation>Treffen</translation>
    </message>
    <message>
      <source>Starts</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <source>Ends</source>
      <translation>Ende</translation>
    </message>
    <message>
      <source>Edit event</source>
      <translation>Veranstaltung bearbeiten</translation>
    </message>
    <message>
      <source>New event</source>
      <translation>Neue Veranstaltung</translation>
    </message>
    <message>
      <source>Cannot save the event</source>
      <translation>Die Veranstaltung kann nicht gespeichert werden</translation>
    </message>
    <message>
      <source>New event…</source>
      <translation>Neue Veranstaltung…</translation>
    </message>
    <message>
      <source>Add an event (Ctrl+E)</source>
      <translation>Eine Veranstaltung hinzufügen (Strg+E)</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Bearbeiten…</translation>
    </message>
    <message>
      <source>People met at this event</source>
      <translation>Auf dieser Veranstaltung getroffen</translation>
    </message>
    <message>
      <source>Met</source>
      <translation>Getroffen</translation>
    </message>
    <message>
      <source>No event yet</source>
      <translation>Noch keine Veranstaltung</translation>
    </message>
    <message>
      <source>Tiers</source>
      <translation>Stufen</translation>
    </message>
    <message>
      <source> — more than you can keep close</source>
      <translation> – mehr, als Sie nah halten können</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>Kapazität</translation>
    </message>
    <message>
      <source>Suggested introductions</source>
      <translation>Vorgeschlagene Vorstellungen</translation>
    </message>
    <message>
      <source>Events and goals</source>
      <translation>Veranstaltungen und Ziele</translation>
    </message>
    <message>
      <source>Move down a tier</source>
      <translation>Eine Stufe herabsetzen</translation>
    </message>
    <message>
      <source>Introduction</source>
      <translation>Vorstellung</translation>
    </message>
    <message>
      <source>Introduction queued for both sides</source>
      <translation>Vorstellung für beide Seiten vorgemerkt</translation>
    </message>
    <message>
      <source>Suggestion set aside</source>
      <translation>Vorschlag zurückgestellt</translation>
    </message>
    <message>
      <source>The network report cannot be read: {reason}</source>
      <translation>Der Netzwerkbericht kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
      <source>None yet: note what your contacts need and offer.</source>
      <translation>Noch keine: Notieren Sie, was Ihre Kontakte brauchen und bieten.</translation>
    </message>
    <message>
      <source>Pruning suggestions ({count})</source>
      <translation>Vorschläge zum Ausdünnen ({count})</translation>
    </message>
    <message>
      <source>Nobody to prune: no acquaintance or noise left untouched for a year.</source>
      <translation>Niemand zum Ausdünnen: keine Bekanntschaft und kein Rauschen seit einem Jahr unberührt.</translation>
    </message>
    <message>
      <source>Moved {name} to {tier}</source>
      <translation>{name} nach {tier} verschoben</translation>
    </message>
    <message>
      <source>Introduce</source>
      <translation>Vorstellen</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>Nicht jetzt</translation>
    </message>
    <message>
      <source>Inner circle: {count} of the {limit} you chose</source>
      <translation>Engster Kreis: {count} von den {limit}, die Sie gewählt haben</translation>
    </message>
    <message>
      <source>{name}: {tier}, strength {strength}</source>
      <translation>{name}: {tier}, Stärke {strength}</translation>
    </message>
    <message>
      <source>Move to {tier}</source>
      <translation>Nach {tier} verschieben</translation>
    </message>
    <message>
      <source>Bio / notes</source>
      <translation>Profil / Notizen</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Geplant</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>Übersprungen</translation>
    </message>
    <message>
      <source>Which column is which?</source>
      <translation>Welche Spalte ist welche?</translation>
    </message>
    <message>
      <source>NetCompanion did not recognise the platform of this list.</source>
      <translation>NetCompanion hat die Plattform dieser Liste nicht erkannt.</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Fragen</translation>
    </message>
    <message>
      <source>Import attendees…</source>
      <translation>Teilnehmer importieren…</translation>
    </message>
    <message>
      <source>Rank my contacts</source>
      <translation>Meine Kontakte bewerten</translation>
    </message>
    <message>
      <source>Add selected as targets</source>
      <translation>Ausgewählte als Ziele hinzufügen</translation>
    </message>
    <message>
      <source>Ranked by fit</source>
      <translation>Nach Eignung geordnet</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>Ziele</translation>
    </message>
    <message>
      <source>Save target</source>
      <translation>Ziel speichern</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Entfernen</translation>
    </message>
    <message>
      <source>You sell</source>
      <translation>Sie verkaufen</translation>
    </message>
    <message>
      <source>You hire for</source>
      <translation>Sie stellen ein für</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Warum</translation>
    </message>
    <message>
      <source>Research</source>
      <translation>Recherche</translation>
    </message>
    <message>
      <source>Talking points</source>
      <translation>Gesprächspunkte</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(keine)</translation>
    </message>
    <message>
      <source>This looks like an attendee export from {platform}.</source>
      <translation>Das sieht nach einem Teilnehmerexport von {platform} aus.</translation>
    </message>
    <message>
      <source>Check the columns it recognised.</source>
      <translation>Prüfen Sie die erkannten Spalten.</translation>
    </message>
    <message>
      <source>Save and next  ⏎</source>
      <translation>Speichern und weiter  ⏎</translation>
    </message>
    <message>
      <source>Merge and next  ⏎</source>
      <translation>Zusammenführen und weiter  ⏎</translation>
    </message>
    <message>
      <source>Add cards…</source>
      <translation>Karten hinzufügen…</translation>
    </message>
    <message>
      <source>Add folder…</source>
      <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
      <source>Use my phone</source>
      <translation>Mein Handy nutzen</translation>
    </message>
    <message>
      <source>Take card photos with your phone: shows a QR code to open on it (Ctrl+P)</source>
      <translation>Kartenfotos mit dem Handy aufnehmen: zeigt einen QR-Code zum Öffnen darauf (Strg+P)</translation>
    </message>
    <message>
      <source>Use camera</source>
      <translation>Kamera nutzen</translation>
    </message>
    <message>
      <source>Hold cards up to the webcam: each is taken when it is still (Ctrl+K)</source>
      <translation>Karten vor die Webcam halten: jede wird aufgenommen, sobald sie still ist (Strg+K)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Scan inbox</source>
      <translation>Scan-Eingang</translation>
    </message>
    <message>
      <source>Drop card photos or scans here, or press Ctrl+O.</source>
      <translation>Legen Sie Kartenfotos oder Scans hier ab, oder drücken Sie Strg+O.</translation>
    </message>
    <message>
      <source>The one thing you talked about, for the follow-up</source>
      <translation>Das eine Thema, über das Sie gesprochen haben – für die Nachfassmail</translation>
    </message>
    <message>
      <source>Conversation detail</source>
      <translation>Gesprächsdetail</translation>
    </message>
    <message>
      <source>Save as a new contact</source>
      <translation>Als neuen Kontakt speichern</translation>
    </message>
    <message>
      <source>The card is someone else than the contact it looks like</source>
      <translation>Die Karte gehört einer anderen Person als dem ähnlichen Kontakt</translation>
    </message>
    <message>
      <source>Skip</source>
      <translation>Überspringen</translation>
    </message>
    <message>
      <source>What the reader saw</source>
      <translation>Was der Kartenleser erkannt hat</translation>
    </message>
    <message>
      <source>Cannot save this card</source>
      <translation>Diese Karte kann nicht gespeichert werden</translation>
    </message>
    <message>
      <source>Cannot merge this card</source>
      <translation>Diese Karte kann nicht zusammengeführt werden</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Veranstaltung</translation>
    </message>
    <message>
      <source>Script</source>
      <translation>Schrift</translation>
    </message>
    <message>
      <source>Inbox</source>
      <translation>Eingang</translation>
    </message>
    <message>
      <source>Conversation</source>
      <translation>Gespräch</translation>
    </message>
    <message>
      <source>Snooze</source>
      <translation>Zurückstellen</translation>
    </message>
    <message>
      <source>1 day</source>
      <translation>1 Tag</translation>
    </message>
    <message>
      <source>1 week</source>
      <translation>1 Woche</translation>
    </message>
    <message>
      <source>Pick a date…</source>
      <translation>Datum wählen…</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Verwerfen</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Erledigt</translation>
    </message>
    <message>
      <source>Mark done: logs the interaction and schedules the next touch</source>
      <translation>Als erledigt markieren: hält den Kontakt fest und plant den nächsten</translation>
    </message>
    <message>
      <source>Everyone's</source>
      <translation>Alle</translation>
    </message>
    <message>
      <source>A small window that stays on top (Ctrl+Shift+T)</source>
      <translation>Ein kleines Fenster, das im Vordergrund bleibt (Strg+Umschalt+T)</translation>
    </message>
    <message>
      <source>Snoozed</source>
      <translation>Zurückgestellt</translation>
    </message>
    <message>
      <source>Follow-up checklist</source>
      <translation>Nachfass-Checkliste</translation>
    </message>
    <message>
      <source>Add detail…</source>
      <translation>Detail hinzufügen…</translation>
    </message>
    <message>
      <source>What did you talk about? The follow-up will mention it.</source>
      <translation>Worüber haben Sie gesprochen? Die Nachfassmail erwähnt es.</translation>
    </message>
    <message>
      <source>E-mail draft</source>
      <translation>E-Mail-Entwurf</translation>
    </message>
    <message>
      <source>Open a prefilled e-mail in your mail program</source>
      <translation>Eine vorausgefüllte E-Mail in Ihrem Mailprogramm öffnen</translation>
    </message>
    <message>
      <source>Done: asked</source>
      <translation>Erledigt: gefragt</translation>
    </message>
    <message>
      <source>{done} of {total} done today</source>
      <translation>{done} von {total} heute erledigt</translation>
    </message>
    <message>
      <source>Nothing to follow up right now. Well done.</source>
      <translation>Gerade gibt es nichts nachzufassen. Gut gemacht.</translation>
    </message>
    <message>
      <source>Dismissed</source>
      <translation>Verworfen</translation>
    </message>
    <message>
      <source>Show all {count}</source>
      <translation>Alle {count} zeigen</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Nachfassen</translation>
    </message>
    <message>
      <source>Importing {file}…</source>
      <translation>{file} wird importiert…</translation>
    </message>
    <message>
      <source>Exported {count} contacts to {path}</source>
      <translation>{count} Kontakte nach {path} exportiert</translation>
    </message>
    <message>
      <source>The export failed: {reason}</source>
      <translation>Der Export ist fehlgeschlagen: {reason}</translation>
    </message>
  </context>
</TS>
