/**
 * One workshop as an iCalendar file (RFC 5545) that phones and mail programs add to a calendar:
 * a VCALENDAR with one VEVENT, times in UTC, text escaped (§3.3.11), lines folded at 75 octets
 * without splitting a UTF-8 character (§3.1) and ended with CRLF.
 */
export type IcsEvent = {
  /** Stable across edits, so a calendar updates the event instead of adding another. */
  uid: string;
  /** Grows with every change (a calendar keeps the highest). */
  sequence: number;
  /** When this revision was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  cancelled: boolean;
};

/** `20261210T080000Z`: a UTC DATE-TIME (§3.3.5, form #2). */
export function icsDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Folds a content line into lines of at most 75 octets, each continuation starting with one space (§3.1). */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; a continuation line holds its leading space and 74 more.
    if (octets + size > 75) {
      out.push(current);
      current = ` ${char}`;
      octets = 1 + size;
    } else {
      current += char;
      octets += size;
    }
  }
  out.push(current);
  return out.join("\r\n");
}

/** URIs are not TEXT: they are written as they are, but never with a line break or a control character. */
function uriValue(url: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return url.replace(/[\u0000-\u001f\u007f]/g, "");
}

export function buildIcs(event: IcsEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Skhodynky//Methodological workshops//UK",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    ...(event.url ? [`URL:${uriValue(event.url)}`] : []),
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join("\r\n") + "\r\n";
}
