/**
 * The noticeboard QR code carries the estate code as `scene` (wxacode.getUnlimited): at most 32
 * visible characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]; the mini-program reads it with
 * decodeURIComponent(query.scene). The H5 build takes the same code from the URL.
 */
const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function isValidScene(scene: string): boolean {
  return SCENE_RE.test(scene);
}

/** Decodes a raw `scene` (possibly percent-encoded, possibly twice by sharing) into the estate code, or null. */
export function decodeScene(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 200) return null;
  let value = raw.trim();
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(value); i += 1) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  // Some scanners hand over "scene=CODE" when the QR was made with a key/value scene.
  if (value.startsWith('scene=')) value = value.slice(6);
  return isValidScene(value) ? value : null;
}
