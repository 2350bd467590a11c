/** How dates look to a person (MM/DD/YYYY) versus in file names (ISO). */
const US_DATE = new Intl.DateTimeFormat('en-US', { month: '2-digit', day: '2-digit', year: 'numeric' });

export function displayDate(date: Date): string {
  return US_DATE.format(date);
}

/** YYYY-MM-DD in local time, for file names. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
