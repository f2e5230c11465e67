/** weapp: the job's XLSX from its temporary URL, opened with the phone's document viewer (as lib/bulletin.weapp.ts). */
import Taro from '@tarojs/taro';
import type { BulletinJobAnswer } from './bulletin-job';

export async function openBulletinFile(answer: BulletinJobAnswer): Promise<string> {
  if (!answer.xlsxUrl) throw new Error('通报文件生成失败，请稍后重试');
  const file = await Taro.downloadFile({ url: answer.xlsxUrl });
  if (file.statusCode !== 200) throw new Error('通报文件下载失败，请稍后重试');
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
  return `已打开 ${answer.filename ?? '月通报'}`;
}
