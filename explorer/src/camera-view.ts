/**
 * The camera as part of the shareable view: a link's `cam` sets it, every zoom and pan is written back (debounced,
 * rounded; the whole graph in view is no `cam` at all), and "fit to screen" shows the whole graph again.
 */
import type { ExplorerRenderer } from './renderer.ts';
import type { ViewState } from './url-state.ts';

const WHOLE = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

export function keepCameraInView(
  renderer: ExplorerRenderer,
  state: ViewState,
  write: () => void,
): { fit(animate?: boolean): void } {
  const camera = renderer.getCamera();
  if (state.camera !== null) camera.setState({ ...state.camera, angle: 0 });
  let timer: number | undefined;
  camera.on('updated', (view) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const round = (n: number) => Math.round(n * 10_000) / 10_000;
      const whole = round(view.x) === 0.5 && round(view.y) === 0.5 && round(view.ratio) === 1;
      state.camera = whole ? null : { x: round(view.x), y: round(view.y), ratio: round(view.ratio) };
      write();
    }, 200);
  });
  return {
    fit(animate = true) {
      // A dragged node froze the frame (node-drag.ts); fitting lets it go.
      renderer.setCustomBBox(null);
      if (animate) void camera.animate(WHOLE, { duration: 300 });
      else camera.setState(WHOLE);
    },
  };
}
