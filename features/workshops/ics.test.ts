import { describe, expect, it } from "vitest";
import { buildIcs, escapeIcsText, foldIcsLine, icsDateTime, type IcsEvent } from "./ics";

const event: IcsEvent = {
  uid: "workshop-cabc123@skhodynky",
  sequence: 2,
  stamp: new Date("2026-12-01T09:30:15.123Z"),
  start: new Date("2026-12-10T08:00:00Z"),
  end: new Date("2026-12-10T09:30:00Z"),
  summary: "Дія, ЦНАП; електронна черга",
  description: "Як допомогти літнім клієнтам:\nувійти в Дію, записатися в чергу ЦНАП; взяти паспорт, ID-картку. " + "Довгий опис ".repeat(20),
  location: "Полтава, вул. Соборності, 1, каб. 5",
  url: "https://meet.example.org/abc-defg-hij",
  cancelled: false,
};

/** The unfolded content lines (§3.1: a CRLF followed by one space or tab is removed). */
const unfold = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
const property = (text: string, name: string) => unfold(text).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe("iCalendar file of a workshop (RFC 5545)", () => {
  const ics = buildIcs(event);

  it("is one VCALENDAR with VERSION and PRODID around one VEVENT", () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines.filter((l) => l === "END:VEVENT")).toHaveLength(1);
  });

  it("ends every line with CRLF and has no bare LF or CR", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("folds every line at 75 octets, continuation lines starting with a space, never inside a UTF-8 character", () => {
    const physical = ics.split("\r\n").filter(Boolean);
    expect(physical.some((l) => l.startsWith(" "))).toBe(true);
    for (const line of physical) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    const long = "DESCRIPTION:" + "ї".repeat(100);
    const folded = foldIcsLine(long);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
  });

  it("has a stable UID, a sequence, DTSTAMP and UTC start and end", () => {
    expect(property(ics, "UID")).toBe("UID:workshop-cabc123@skhodynky");
    expect(property(ics, "SEQUENCE")).toBe("SEQUENCE:2");
    expect(property(ics, "DTSTAMP")).toBe("DTSTAMP:20261201T093015Z");
    expect(property(ics, "DTSTART")).toBe("DTSTART:20261210T080000Z");
    expect(property(ics, "DTEND")).toBe("DTEND:20261210T093000Z");
    expect(icsDateTime(new Date("2027-01-02T03:04:05Z"))).toMatch(/^\d{8}T\d{6}Z$/);
    expect(buildIcs(event)).toBe(ics);
  });

  it("escapes commas, semicolons, backslashes and line breaks in text, and keeps the text whole", () => {
    expect(escapeIcsText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    expect(property(ics, "SUMMARY")).toBe("SUMMARY:Дія\\, ЦНАП\\; електронна черга");
    expect(property(ics, "LOCATION")).toBe("LOCATION:Полтава\\, вул. Соборності\\, 1\\, каб. 5");
    const description = property(ics, "DESCRIPTION")!;
    expect(description).toContain("увійти в Дію\\, записатися");
    expect(description).not.toMatch(/[^\\][,;]/);
    expect(property(ics, "URL")).toBe("URL:https://meet.example.org/abc-defg-hij");
  });

  it("says CANCELLED for a cancelled workshop and leaves out an empty place", () => {
    const cancelled = buildIcs({ ...event, cancelled: true, location: null });
    expect(property(cancelled, "STATUS")).toBe("STATUS:CANCELLED");
    expect(property(cancelled, "LOCATION")).toBeUndefined();
    expect(property(ics, "STATUS")).toBe("STATUS:CONFIRMED");
  });
});
