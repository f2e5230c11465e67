/**
 * One table import of the county page (list, estates, units, grids): pick an XLSX or CSV, send it,
 * and show either the server's success line or every row error of the refused file at once (the
 * server stores nothing then), with the refusal's stable code.
 */
import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui';
import { ErrorText } from '../../components/Field';
import { countyError, rowErrorsOf } from '../../lib/county-errors';
import { pickTableFile, type PickedFile } from '../../lib/pick-file';

interface Props {
  /** e.g. 'estates': marks the block for tests and stories. */
  kind: string;
  /** The columns the file must have, in order. */
  columns: readonly string[];
  buttonLabel: string;
  /** A check before the file is picked (e.g. a missing document title): the line to show, or null. */
  check?: () => string | null;
  /** Sends the file; answers the line to show. */
  send: (file: PickedFile) => Promise<string>;
  /** Called when the file is refused (e.g. to drop an earlier preview). */
  onRefused?: () => void;
  children?: ReactNode;
}

export function TableImport({ kind, columns, buttonLabel, check, send, onRefused, children }: Props) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    if (busy) return;
    setDone(null);
    setRowErrors([]);
    setError(null);
    const refused = check?.();
    if (refused) return setError(refused);
    const file = await pickTableFile().catch(() => null);
    if (!file) return;
    setBusy(true);
    try {
      setDone(await send(file));
    } catch (err) {
      setRowErrors(rowErrorsOf(err));
      setError(countyError(err, '导入失败'));
      onRefused?.();
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='county-import' data-import={kind}>
      <Text className='staff-muted'>表头：{columns.join(' / ')}（XLSX 或 CSV）。有任何错误时不会导入任何内容。</Text>
      {children}
      <Button type='primary' onClick={() => void run()}>
        {busy ? '正在导入…' : buttonLabel}
      </Button>
      {done ? (
        <Text className='county-done' data-import-done=''>
          {done}
        </Text>
      ) : null}
      {rowErrors.map((m, i) => (
        <Text key={`${i}-${m}`} className='county-error' data-row-error=''>
          {m}
        </Text>
      ))}
      <ErrorText error={error} />
    </View>
  );
}
