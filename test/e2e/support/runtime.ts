/**
 * The local runtime for browser stories: started in this process on a free port with a fresh data
 * directory, serving the H5 production build from dist/h5 (built by the jest global setup). Demo
 * mode (demo data, the dev sign-in the stories use, loopback only) is asked for explicitly.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../../local/runtime';

export const H5_DIR = join(__dirname, '..', '..', '..', 'dist', 'h5');

export interface StoryRuntime {
  rt: Runtime;
  url: string;
  dataDir: string;
  /** Restart on the same data with another simulated clock (as a person would with SIMULATED_NOW). */
  restart(opts?: Partial<RuntimeOptions>): Promise<void>;
  stop(): Promise<void>;
}

export async function startStoryRuntime(opts: Partial<RuntimeOptions> = {}): Promise<StoryRuntime> {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`the H5 build is missing at ${H5_DIR}: run npm run build:h5`);
  const base = mkdtempSync(join(tmpdir(), 'xqcs-e2e-'));
  const dataDir = join(base, 'data');
  const start = (o: Partial<RuntimeOptions>) => startRuntime({ dataDir, port: 0, h5Dir: H5_DIR, sweepEveryMs: 3_600_000, open311ApiKey: null, reportsPerHour: 100, demo: true, ...o });
  const story: StoryRuntime = {
    rt: await start(opts),
    url: '',
    dataDir,
    async restart(o = {}) {
      await story.rt.close();
      story.rt = await start({ ...opts, ...o });
      story.url = story.rt.url;
    },
    async stop() {
      await story.rt.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
  story.url = story.rt.url;
  return story;
}
