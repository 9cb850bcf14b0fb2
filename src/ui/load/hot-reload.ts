// Hot reload under `npm start`: the dev server's plugin (src/dev/scenario-hot-reload.ts) sends a saved
// scenario's text as the HMR event `brink:scenario`. The bundled text is replaced (so every later read
// sees it), the menu's list is re-read, and `reloaded` decides what to do with the game: restart it with
// the same seed and role when the file is its scenario or a base of it, or show the file's errors. In a
// production build import.meta.hot is undefined and none of this runs.
import type { ScenarioChange } from '../../dev/scenario-hot-reload';

export function installHotReload(bundled: Record<string, string>, reloaded: (file: string) => void): void {
  if (!import.meta.hot) return;
  import.meta.hot.on('brink:scenario', (data: ScenarioChange) => {
    if (typeof data?.file !== 'string' || typeof data.text !== 'string') return;
    bundled[data.file] = data.text;
    reloaded(data.file);
  });
}
