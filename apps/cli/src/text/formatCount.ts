/** An integer with thousands separators (`16,899,200`), the same whatever the locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
