// Calendar days at the gate (Asia/Ho_Chi_Minh), as YYYY-MM-DD strings.

export function todayAt(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "08" → "08:00–09:00" style label of a local hour. */
export function hourLabel(hour: number): string {
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return `${hh(hour)}–${hour === 23 ? '24:00' : hh(hour + 1)}`;
}
