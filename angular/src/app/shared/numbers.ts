/** The API sends int64 values (counts, totals) as number or string (OpenAPI's int64); the pages work with numbers. */
export function num(value: number | string | null | undefined): number {
  return value === null || value === undefined || value === '' ? 0 : Number(value);
}
