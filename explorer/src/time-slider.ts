/**
 * The asOf control: a slider over the months the graph dates its relationships in, from the earliest dated change
 * to the latest (the API's answer, datedMonths in analytics-api.ts), its last position meaning "now" (no asOf:
 * every relationship, dated or not). A graph that dates nothing gets "now" alone.
 */

/** Every month from `first` to `last` (YYYY-MM), in order. */
export function monthsBetween(first: string, last: string): string[] {
  const [fy, fm] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const count = Math.max(0, (ly - fy) * 12 + (lm - fm) + 1);
  return Array.from({ length: count }, (_, i) => {
    const month = fm - 1 + i;
    return `${fy + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  });
}

/** The month an asOf value falls in (a bare year stands for its December). */
function monthOf(asOf: string): string {
  return /^\d{4}$/.test(asOf) ? `${asOf}-12` : asOf.slice(0, 7);
}

/** Why the slider cannot show `asOf` (a valid partial date outside its months), or null when it can. */
export function sliderProblem(asOf: string, months: readonly string[]): string | null {
  if (months.includes(monthOf(asOf))) return null;
  return months.length === 0
    ? 'the graph dates no relationship'
    : `it is not a month from ${months[0]} to ${months.at(-1)}, the months the graph dates`;
}

export function setUpTimeSlider(
  slider: HTMLInputElement,
  label: HTMLElement,
  months: readonly string[],
  initial: string | null,
  onChange: (asOf: string | null) => void,
): (asOf: string | null) => void {
  /** The slider position of an asOf value, or "now". */
  const position = (asOf: string | null) => {
    const index = asOf === null ? -1 : months.indexOf(monthOf(asOf));
    return index === -1 ? months.length : index;
  };
  const asOfAt = (at: number): string | null => months[at] ?? null;
  slider.min = '0';
  slider.max = String(months.length);
  slider.step = '1';
  slider.disabled = months.length === 0;
  slider.setAttribute('aria-label', 'as of (month)');
  if (months.length > 0) slider.title = `${months[0]} to ${months.at(-1)}, then now`;
  const show = (asOf: string | null) => {
    label.textContent = asOf ?? 'now';
    slider.setAttribute('aria-valuetext', asOf ?? 'now (every relationship, dated or not)');
  };
  const set = (asOf: string | null) => {
    slider.value = String(position(asOf));
    show(asOf);
  };
  set(initial);
  slider.addEventListener('input', () => show(asOfAt(Number(slider.value))));
  // The network is fetched again when the slider is released, not for every month passed on the way.
  slider.addEventListener('change', () => onChange(asOfAt(Number(slider.value))));
  return set;
}
