/**
 * weapp: the estate's mini-program code comes from the backend (admin.estateCode: wxacode.getUnlimited
 * with scene = the estate's scene code, page pages/report/index); nothing is drawn on the phone.
 * Only the estate's admin may have it made; anyone else sees the poster without a code.
 */
import { callFunction } from '../api/transport';
export const QR_DRAWN_HERE = false;

export function reportUrl(sceneCode: string): string {
  return `pages/report/index?scene=${encodeURIComponent(sceneCode)}`;
}

export async function estateQr(estate: { id: string; sceneCode: string }): Promise<{ image: string; url: string } | null> {
  try {
    const code = await callFunction<{ image: string | null }>('admin', 'estateCode', { estateId: estate.id });
    return code.image ? { image: code.image, url: reportUrl(estate.sceneCode) } : null;
  } catch {
    return null;
  }
}
