/**
 * The first instant (UTC) of a calendar month written `YYYY-MM`, as the summaries label their
 * months; UTC so that axes never depend on the machine's time zone. Throws a RangeError in
 * Observable Plot's grammar (`invalid month: …`) for anything else.
 *
 * @example
 * monthDate('2020-05').toISOString(); // '2020-05-01T00:00:00.000Z'
 */
export function monthDate(month: string): Date {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const index = Number(match?.[2]) - 1;
  if (!match || index < 0 || index > 11) throw new RangeError(`invalid month: ${month}`);
  return new Date(Date.UTC(year, index, 1));
}
