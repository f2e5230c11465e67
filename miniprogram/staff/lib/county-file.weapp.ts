/**
 * Saves a county file (`admin.listFile`, XLSX as base64) in weapp: written to the user data folder
 * and opened in the phone's document viewer, whose menu saves or forwards it (wx.openDocument
 * with showMenu), the way an admin passes the table on to a colleague's computer.
 */
import Taro from '@tarojs/taro';

export interface CountyFile {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

export async function saveCountyFile(file: CountyFile): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH ?? ''}/${file.fileName}`;
  Taro.getFileSystemManager().writeFileSync(filePath, file.contentBase64, 'base64');
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  return `已打开 ${file.fileName}`;
}
