/**
 * FAKE side of wx-server-sdk's `wx.openApi` wire format, for the loopback CloudBase server only.
 *
 * The message layouts (field numbers and wire types) are those of wx-server-sdk 4.0.2
 * src/protobuf/openapi.js (bundled in node_modules/wx-server-sdk/index.js):
 * - CommApiData: 1 apiType (int32: OPEN_API 0, INNER_API 1, SVRKIT_API 2, TOKEN_API 3),
 *   2 openapiData (OpenApiData), 4 svrkitData (SvrkitApiData), 5 tokenData, 6 appid (string);
 * - OpenApiData: 1 pairs (repeated KeyValuePair: 1 key string, 2 value bytes, 3 contenttype string,
 *   4 filename string);
 * - SvrkitApiData: 1 apiName (string), 2 reqData (bytes);
 * - CommOpenApiResp: 1 respData (bytes), 2 contentType (string), 3 errorCode (int32),
 *   4 httpCode (uint32), 5 headers, 6 svrkitErrorCode (int32);
 * - ApiGetOpenDataByCloudIdReq: 2 cloudidList (repeated string), 3 appid;
 * - ApiGetOpenDataByCloudIdResp: 1 dataList (repeated OpDataItem: 1 cloudId string, 2 json string).
 * Written by hand (varints and length-delimited fields only) so that the test does not depend on
 * protobufjs, which only wx-server-sdk itself declares.
 */

/* ---------------------------------------------------------------- reading */

interface Field {
  no: number;
  wire: number;
  /** Varint value (wire 0). */
  int?: number;
  /** Length-delimited bytes (wire 2). */
  bytes?: Buffer;
}

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('protobuf: truncated varint');
    const byte = buf[pos++] as number;
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function readFields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    let tag: number;
    [tag, pos] = readVarint(buf, pos);
    const no = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      let int: number;
      [int, pos] = readVarint(buf, pos);
      out.push({ no, wire, int });
    } else if (wire === 2) {
      let len: number;
      [len, pos] = readVarint(buf, pos);
      if (pos + len > buf.length) throw new Error('protobuf: truncated field');
      out.push({ no, wire, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === 5) {
      pos += 4;
    } else if (wire === 1) {
      pos += 8;
    } else {
      throw new Error(`protobuf: unsupported wire type ${wire}`);
    }
  }
  return out;
}

const API_TYPES = ['OPEN_API', 'INNER_API', 'SVRKIT_API', 'TOKEN_API'] as const;

export interface KeyValuePair {
  key: string;
  value: Buffer;
  contentType?: string;
  filename?: string;
}

export interface CommApiData {
  apiType: (typeof API_TYPES)[number] | `UNKNOWN_${number}`;
  pairs: KeyValuePair[];
  svrkitData?: { apiName: string; reqData: Buffer };
  appid?: string;
}

export function decodeCommApiData(buf: Buffer): CommApiData {
  const out: CommApiData = { apiType: 'OPEN_API', pairs: [] };
  for (const f of readFields(buf)) {
    if (f.no === 1 && f.int !== undefined) out.apiType = API_TYPES[f.int] ?? `UNKNOWN_${f.int}`;
    else if (f.no === 2 && f.bytes) {
      for (const p of readFields(f.bytes)) {
        if (p.no !== 1 || !p.bytes) continue;
        const pair: KeyValuePair = { key: '', value: Buffer.alloc(0) };
        for (const k of readFields(p.bytes)) {
          if (k.no === 1 && k.bytes) pair.key = k.bytes.toString('utf8');
          else if (k.no === 2 && k.bytes) pair.value = Buffer.from(k.bytes);
          else if (k.no === 3 && k.bytes) pair.contentType = k.bytes.toString('utf8');
          else if (k.no === 4 && k.bytes) pair.filename = k.bytes.toString('utf8');
        }
        out.pairs.push(pair);
      }
    } else if (f.no === 4 && f.bytes) {
      const svrkit = { apiName: '', reqData: Buffer.alloc(0) };
      for (const k of readFields(f.bytes)) {
        if (k.no === 1 && k.bytes) svrkit.apiName = k.bytes.toString('utf8');
        else if (k.no === 2 && k.bytes) svrkit.reqData = Buffer.from(k.bytes);
      }
      out.svrkitData = svrkit;
    } else if (f.no === 6 && f.bytes) out.appid = f.bytes.toString('utf8');
  }
  return out;
}

export function decodeGetOpenDataReq(buf: Buffer): { cloudidList: string[]; appid?: string } {
  const out: { cloudidList: string[]; appid?: string } = { cloudidList: [] };
  for (const f of readFields(buf)) {
    if (f.no === 2 && f.bytes) out.cloudidList.push(f.bytes.toString('utf8'));
    else if (f.no === 3 && f.bytes) out.appid = f.bytes.toString('utf8');
  }
  return out;
}

/* ---------------------------------------------------------------- writing */

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  // int32 negatives are written as 10-byte two's complement varints.
  if (v < 0) v += 2 ** 64;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0);
  return Buffer.from(bytes);
}

function intField(no: number, value: number): Buffer {
  return value === 0 ? Buffer.alloc(0) : Buffer.concat([varint(no * 8), varint(value)]);
}

function bytesField(no: number, value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([varint(no * 8 + 2), varint(bytes.length), bytes]);
}

export function encodeCommOpenApiResp(resp: { respData: Buffer; contentType: string; errorCode: number; httpCode: number; svrkitErrorCode: number }): Buffer {
  return Buffer.concat([
    bytesField(1, resp.respData),
    bytesField(2, resp.contentType),
    intField(3, resp.errorCode),
    intField(4, resp.httpCode),
    intField(6, resp.svrkitErrorCode),
  ]);
}

export interface OpenDataItem {
  cloudId: string;
  json: string;
}

export function encodeGetOpenDataResp(items: readonly OpenDataItem[]): Buffer {
  return Buffer.concat(items.map((item) => bytesField(1, Buffer.concat([bytesField(1, item.cloudId), bytesField(2, item.json)]))));
}

/* --------------------------------------------------------------- multipart */

/**
 * A multipart/form-data body as the `form-data` package builds it for the SDK
 * (request-core.js `buildHttpRequestInfo`): text parts as strings, file/octet parts as Buffers.
 */
export function parseMultipart(raw: Buffer, contentType: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) throw new Error('multipart without a boundary');
  const delimiter = Buffer.from(`--${mark}`);
  const out: Record<string, unknown> = {};
  let pos = raw.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    // Part: CRLF, headers, CRLF CRLF, body, CRLF.
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const body = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    if (name !== undefined) {
      const binary = /content-type:\s*application\/octet-stream/i.test(headers) || /filename="/.test(headers);
      out[name] = binary ? Buffer.from(body) : body.toString('utf8');
    }
    pos = next;
  }
  return out;
}
