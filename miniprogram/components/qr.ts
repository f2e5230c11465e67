/**
 * The estate's QR code in H5 (local runtime): a QR code of the H5 report URL with the estate's scene
 * code, drawn by the `qrcode` package. The weapp build uses qr.weapp.ts (the backend makes the
 * mini-program code with wxacode.getUnlimited), so `qrcode` never enters the weapp package.
 */
import { toDataURL } from 'qrcode';

export const QR_DRAWN_HERE = true;

/** `${origin}/#/pages/report/index?estate=<sceneCode>`: the report page of the hash-routed H5 build. */
export function reportUrl(sceneCode: string, origin: string = window.location.origin): string {
  return `${origin}/#/pages/report/index?estate=${encodeURIComponent(sceneCode)}`;
}

export async function estateQr(estate: { id: string; sceneCode: string }): Promise<{ image: string; url: string } | null> {
  const url = reportUrl(estate.sceneCode);
  try {
    return { image: await toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 480 }), url };
  } catch {
    return null;
  }
}
