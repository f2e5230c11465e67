/**
 * Picks a county file (XLSX or CSV), H5 / local runtime: a temporary <input type=file>, read as
 * base64. The weapp build uses pick-file.weapp.ts (a file from a chat).
 */
export interface PickedFile {
  name: string;
  base64: string;
}

export function pickTableFile(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv';
    input.style.display = 'none';
    input.setAttribute('data-county-file', '');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.onerror = () => reject(new Error('无法读取该文件'));
      reader.readAsDataURL(file);
    });
    document.body.appendChild(input);
    input.click();
  });
}
