/**
 * weapp: a chosen photo is a temporary file that WeChat may delete once the mini-program closes.
 * A queued action saves it as a local file (wx.saveFile: "保存文件到本地。注意：saveFile 会把临时文件
 * 移动，因此调用成功后传入的 tempFilePath 将不可用", "本地文件存储的大小限制为 10M",
 * https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.saveFile.html) and removes it once sent.
 */
import Taro from '@tarojs/taro';

export async function keepPhoto(path: string): Promise<string> {
  try {
    const res = await Taro.saveFile({ tempFilePath: path });
    return (res as { savedFilePath?: string }).savedFilePath ?? path;
  } catch {
    return path; // storage full or already saved: the temporary file is used while it lasts
  }
}

/** Removes a saved photo once its action was sent (a temporary path fails quietly). */
export function forgetPhoto(path: string): void {
  void Taro.removeSavedFile({ filePath: path }).catch(() => undefined);
}
