/**
 * Saving a county file in weapp (miniprogram/staff/lib/county-file.weapp.ts), with WeChat's APIs
 * faked at the platform edge: the XLSX base64 of `admin.listFile` is written to the user data folder
 * (FileSystemManager.writeFileSync(filePath, data, 'base64')) and opened with wx.openDocument,
 * fileType 'xlsx' and showMenu true — the WeChat document says that since client 7.0.12 the menu
 * (which saves or forwards the file) is hidden unless showMenu is passed (base library ≥ 2.11.0).
 */
const writeFileSync = jest.fn();
const openDocument = jest.fn();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({ writeFileSync: (...args: unknown[]) => writeFileSync(...args) }),
    openDocument: (...args: unknown[]) => openDocument(...args),
  },
}));

import { saveCountyFile } from '../../../../miniprogram/staff/lib/county-file.weapp';

const FILE = { fileName: '责任清单-示例县.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: Buffer.from('PK\u0003\u0004').toString('base64') };

beforeEach(() => {
  writeFileSync.mockReset();
  openDocument.mockReset();
});

it('weapp: writes the XLSX to the user data folder and opens it with the menu that saves or forwards it', async () => {
  openDocument.mockResolvedValueOnce({ errMsg: 'openDocument:ok' });
  expect(await saveCountyFile(FILE)).toBe('已打开 责任清单-示例县.xlsx');
  expect(writeFileSync).toHaveBeenCalledWith('wxfile://usr/责任清单-示例县.xlsx', FILE.contentBase64, 'base64');
  expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/责任清单-示例县.xlsx', fileType: 'xlsx', showMenu: true });
});

it('weapp: a refused open is not reported as opened: the refusal reaches the page', async () => {
  openDocument.mockRejectedValueOnce({ errMsg: 'openDocument:fail filetype not supported' });
  await expect(saveCountyFile(FILE)).rejects.toEqual({ errMsg: 'openDocument:fail filetype not supported' });
});
