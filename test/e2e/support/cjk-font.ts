/**
 * A CJK font for the packaged Chromium, from npm. @sparticuz/chromium reads fonts only through its
 * own fontconfig (FONTCONFIG_PATH), and its FreeType cannot read WOFF (tried: the woff files are
 * listed with no characters, and Chinese renders as nothing), nor WOFF2. @fontsource/noto-sans-sc
 * ships only web fonts, so its weight-400 .woff subsets are unwrapped to plain OpenType here.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_ENTRY = 16;

/**
 * WOFF 1.0 → the SFNT it wraps (W3C WOFF File Format 1.0, §3–§5): each table is zlib-compressed
 * when its compLength < origLength, else stored; the SFNT directory gets the same tags and
 * checksums, with tables 4-byte aligned.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < WOFF_HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const e = WOFF_HEADER + i * WOFF_ENTRY;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((k) => woff.readUInt32BE(e + k)) as [number, number, number, number, number];
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`WOFF table ${tag.toString(16)}: ${data.length} bytes, expected ${origLength}`);
    return { tag, checksum, data };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * SFNT_ENTRY;
  const header = Buffer.alloc(12 + numTables * SFNT_ENTRY);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * SFNT_ENTRY - searchRange, 10);
  const body: Buffer[] = [];
  let offset = header.length;
  tables.forEach((t, i) => {
    const e = 12 + i * SFNT_ENTRY;
    header.writeUInt32BE(t.tag, e);
    header.writeUInt32BE(t.checksum, e + 4);
    header.writeUInt32BE(offset, e + 8);
    header.writeUInt32BE(t.data.length, e + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    body.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...body]);
}

/** The folder of Noto Sans SC weight 400 as .otf files (about 7 MB), made once per temp folder. */
export function notoSansScFolder(into: string): string {
  const files = join(dirname(createRequire(__filename).resolve('@fontsource/noto-sans-sc/package.json')), 'files');
  mkdirSync(into, { recursive: true });
  for (const f of readdirSync(files)) {
    if (!/-400-normal\.woff$/.test(f)) continue;
    const out = join(into, f.replace(/\.woff$/, '.otf'));
    if (!existsSync(out)) writeFileSync(out, woffToSfnt(readFileSync(join(files, f))));
  }
  return into;
}

/**
 * A fontconfig folder (its fonts.conf) that lists the packaged browser's own fonts and Noto Sans SC,
 * with a cache of its own: the package's prebuilt cache of <tmp>/fonts would hide added files.
 */
export function fontconfigWithCjk(tmp: string, packagedFonts: string): string {
  const dir = notoSansScFolder(join(tmp, 'xqcs-fonts'));
  const conf = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', '<fontconfig>', `  <dir>${packagedFonts}</dir>`, `  <dir>${dir}</dir>`, `  <cachedir>${join(tmp, 'xqcs-fonts-cache')}</cachedir>`, '</fontconfig>', ''];
  writeFileSync(join(dir, 'fonts.conf'), conf.join('\n'));
  return dir;
}
