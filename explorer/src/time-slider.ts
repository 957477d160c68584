/**
 * The asOf control: a slider over the months the corpus dates things in (2019-01 to 2025-12), its last position
 * meaning "now" (no asOf: every relationship, dated or not).
 */

const FIRST_YEAR = 2019;
const LAST_YEAR = 2025;

const MONTHS: readonly string[] = Array.from({ length: (LAST_YEAR - FIRST_YEAR + 1) * 12 }, (_, i) => {
  const year = FIRST_YEAR + Math.floor(i / 12);
  return `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
});

/** The slider position of an asOf value (its month; a bare year stands for its December), or "now". */
function sliderPosition(asOf: string | null): number {
  if (asOf === null) return MONTHS.length;
  const month = /^\d{4}$/.test(asOf) ? `${asOf}-12` : asOf.slice(0, 7);
  const index = MONTHS.indexOf(month);
  return index === -1 ? MONTHS.length : index;
}

/** Why the slider cannot show `asOf` (a valid partial date outside its months), or null when it can. */
export function sliderProblem(asOf: string): string | null {
  const month = /^\d{4}$/.test(asOf) ? `${asOf}-12` : asOf.slice(0, 7);
  return MONTHS.includes(month) ? null : `it is not a month from ${MONTHS[0]} to ${MONTHS.at(-1)}`;
}

function asOfAt(position: number): string | null {
  return MONTHS[position] ?? null;
}

export function setUpTimeSlider(
  slider: HTMLInputElement,
  label: HTMLElement,
  initial: string | null,
  onChange: (asOf: string | null) => void,
): (asOf: string | null) => void {
  slider.min = '0';
  slider.max = String(MONTHS.length);
  slider.step = '1';
  slider.setAttribute('aria-label', 'as of (month)');
  const show = (asOf: string | null) => {
    label.textContent = asOf ?? 'now';
    slider.setAttribute('aria-valuetext', asOf ?? 'now (every relationship, dated or not)');
  };
  const set = (asOf: string | null) => {
    slider.value = String(sliderPosition(asOf));
    show(asOf);
  };
  set(initial);
  slider.addEventListener('input', () => show(asOfAt(Number(slider.value))));
  // The network is fetched again when the slider is released, not for every month passed on the way.
  slider.addEventListener('change', () => onChange(asOfAt(Number(slider.value))));
  return set;
}
