/** H5: saves the job's XLSX (the local runtime answers its bytes; a URL is followed as a download). */
import type { BulletinJobAnswer } from './bulletin-job';

export async function openBulletinFile(answer: BulletinJobAnswer): Promise<string> {
  const filename = answer.filename ?? '月通报.xlsx';
  const a = document.createElement('a');
  let objectUrl: string | null = null;
  if (answer.xlsxBase64) {
    const bytes = Uint8Array.from(atob(answer.xlsxBase64), (c) => c.charCodeAt(0));
    objectUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    a.href = objectUrl;
  } else if (answer.xlsxUrl) {
    a.href = answer.xlsxUrl;
  } else {
    throw new Error('通报文件生成失败，请稍后重试');
  }
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (objectUrl) {
    const url = objectUrl;
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return `已下载 ${filename}`;
}
