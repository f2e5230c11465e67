/**
 * Which estate a page is about: `?estate=<estate id>` (links inside the app), `?scene=` / `?code=`
 * (a noticeboard QR code), else the estate last used on this device.
 */
import { decodeScene } from '../../shared/estate/scene';
import { rememberedEstate } from './estate-choice';
import { residentApi } from './resident-api';

export async function estateIdFromQuery(query: Record<string, string | undefined>): Promise<string | null> {
  if (query.estate) return query.estate;
  const code = decodeScene(query.scene ?? query.code);
  if (code) return (await residentApi.estateByScene({ scene: code })).id;
  return rememberedEstate()?.id ?? null;
}
