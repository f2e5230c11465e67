/**
 * 月通报 in weapp: `ticket.bulletin` stores the XLSX in cloud storage and answers a temporary URL;
 * it is downloaded and opened with the phone's document viewer (whose menu saves or forwards it).
 * The CSV comes as text: written to the user data folder and sent as a chat file, else copied.
 */
import Taro from '@tarojs/taro';
import { callTicket } from './api';
import type { BulletinAnswer } from './types';

export type BulletinFormat = 'xlsx' | 'csv';

export interface BulletinRequest {
  jurisdiction: string;
  month: string;
  format: BulletinFormat;
}

type ShareFile = (options: { filePath: string; fileName: string; success: () => void; fail: (err: unknown) => void }) => void;

function shareFile(filePath: string, fileName: string): Promise<void> {
  const share = (Taro as unknown as { shareFileMessage?: ShareFile }).shareFileMessage;
  if (!share) return Promise.reject(new Error('unsupported'));
  return new Promise((resolve, reject) => share({ filePath, fileName, success: resolve, fail: reject }));
}

export async function downloadBulletin({ jurisdiction, month, format }: BulletinRequest): Promise<string> {
  const answer = await callTicket<BulletinAnswer>('bulletin', { jurisdiction, month });
  if (format === 'xlsx') {
    if (!answer.xlsxUrl) throw new Error('通报文件生成失败，请稍后重试');
    const file = await Taro.downloadFile({ url: answer.xlsxUrl });
    if (file.statusCode !== 200) throw new Error('通报文件下载失败，请稍后重试');
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
    return `已打开 ${answer.filename}`;
  }
  const filePath = `${Taro.env.USER_DATA_PATH ?? ''}/${answer.csvFilename}`;
  Taro.getFileSystemManager().writeFileSync(filePath, answer.csv, 'utf8');
  try {
    await shareFile(filePath, answer.csvFilename);
    return `已发送 ${answer.csvFilename}`;
  } catch {
    await Taro.setClipboardData({ data: answer.csv });
    return 'CSV 内容已复制到剪贴板';
  }
}
