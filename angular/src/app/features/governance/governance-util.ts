import { SeatCategory } from '../../api/models/seat-category';
import { SeatRole } from '../../api/models/seat-role';
import { AccessSupportKind } from '../../api/models/access-support-kind';
import { AccessSupportStatus } from '../../api/models/access-support-status';

export const CATEGORIES: readonly SeatCategory[] = ['CommunityMember', 'MedicaidMember', 'CommunityOrganization', 'AgencyStaff', 'Provider', 'Other'];
export const ROLES: readonly SeatRole[] = ['Member', 'Chair', 'CoChair'];
export const SUPPORT_KINDS: readonly AccessSupportKind[] = ['Interpreter', 'Childcare', 'Transport', 'Remote', 'Other'];
export const SUPPORT_STATUSES: readonly AccessSupportStatus[] = ['Requested', 'Provided', 'Declined'];
export const AGE_BANDS: readonly string[] = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
export const RACE_ETHNICITY: readonly string[] = [
  'american-indian-or-alaska-native',
  'asian',
  'black-or-african-american',
  'hispanic-or-latino',
  'middle-eastern-or-north-african',
  'native-hawaiian-or-pacific-islander',
  'white',
  'other',
];

export const PERMISSIONS = {
  councils: 'Governance.Councils',
  manage: 'Governance.Councils.Manage',
  meetings: 'Governance.Meetings.Manage',
  decisions: 'Governance.Decisions',
} as const;

/** The API sends some integers as number | string; the pages work with numbers. */
export function num(value: number | string | null | undefined): number {
  return value === null || value === undefined || value === '' ? 0 : Number(value);
}

/** Today's date (yyyy-mm-dd) in a time zone: terms and compliance dates follow the partnership's calendar. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = zonedParts(now, timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * A wall-clock time typed in a datetime-local field ("2026-05-01T18:30"), read in the partnership's time zone, as an
 * ISO 8601 instant with that zone's offset at that moment (so daylight saving time is respected).
 */
export function zonedToIso(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) {
    return '';
  }
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let offset = offsetMinutes(new Date(wall), timeZone);
  offset = offsetMinutes(new Date(wall - offset * 60_000), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in minutes. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour === 24 ? 0 : p.hour, p.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

function zonedParts(instant: Date, timeZone: string) {
  const values: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') {
      values[part.type] = Number(part.value);
    }
  }
  return { year: values['year'], month: values['month'], day: values['day'], hour: values['hour'], minute: values['minute'] };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Moves keyboard focus to an element once Angular has rendered it (a form that just opened). */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus());
}

/** The id at the end of a 201 response's Location header ("/api/governance/councils/{id}"). */
export function idFromLocation(location: string | null): string {
  return location?.split('/').filter(Boolean).pop() ?? '';
}
