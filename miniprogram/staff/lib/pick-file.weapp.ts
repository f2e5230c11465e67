/**
 * Picks a county file (XLSX or CSV) in weapp: wx.chooseMessageFile (a file from a chat, the way
 * an admin receives the county's table), read as base64 with the file system manager.
 */
import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  base64: string;
}

export async function pickTableFile(): Promise<PickedFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
  } catch {
    return null;
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
  return { name: file.name, base64 };
}
