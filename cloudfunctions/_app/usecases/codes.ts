import type { AppDeps } from '../context';

/**
 * A mini-program code (wxacode.getUnlimited through the codes port) as a data URL to show or print,
 * or null where the platform makes none (the local runtime).
 */
export async function miniProgramCode(deps: AppDeps, input: { scene: string; page: string; width?: number }): Promise<string | null> {
  if (!deps.codes) return null;
  const image = await deps.codes.unlimited(input);
  return `data:${image.contentType};base64,${Buffer.from(image.bytes).toString('base64')}`;
}
