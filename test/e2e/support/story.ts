/**
 * One story's stage: its own local runtime (fresh data, free port) and Chromium, started before the
 * file's tests and stopped after them, with the story's screenshot folder emptied first. Call it at
 * the top of a test file; read `stage.story` and `stage.browser` inside hooks and tests.
 */
import type { Browser } from 'playwright-core';
import type { RuntimeOptions } from '../../../local/runtime';
import { launch, resetScreenshots } from './browser';
import { startStoryRuntime, type StoryRuntime } from './runtime';

export interface Stage {
  story: StoryRuntime;
  browser: Browser;
}

export function useStory(name: string, opts: Partial<RuntimeOptions> = {}): Stage {
  const stage = {} as Stage;
  beforeAll(async () => {
    resetScreenshots(name);
    stage.story = await startStoryRuntime(opts);
    stage.browser = await launch();
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.story?.stop();
  });
  return stage;
}
