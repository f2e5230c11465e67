/**
 * Labelled inputs, the same on both platforms: Taro's Input/Textarea are the native weapp controls
 * and real <input>/<textarea> in H5 (van-field would only wrap the same controls in more markup).
 * Both default to maxlength 140 in Taro: the limit is always passed explicitly here.
 */
import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { TextAreaProps, TextFieldProps } from './types';
import './ui.css';

export function TextField({ label, value, placeholder, type = 'text', maxlength = 100, error, disabled, name, onChange }: TextFieldProps) {
  return (
    <View className={`ui-field${error ? ' ui-field--error' : ''}`} data-field={name}>
      <View className='ui-field__row'>
        <Text className='ui-field__label'>{label}</Text>
        <Input
          className='ui-field__input'
          value={value}
          type={type}
          placeholder={placeholder}
          maxlength={maxlength}
          disabled={disabled || undefined}
          onInput={(event) => onChange?.(event.detail.value)}
        />
      </View>
      {error ? <Text className='ui-field__error'>{error}</Text> : null}
    </View>
  );
}

/** The platform limit while refusing over-long input ourselves: large, never -1 (an H5 textarea throws on it). */
const REFUSE_NATIVE_MAX = 20_000;

/** 1500 → 1,500. */
export function groupedCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The message for a change refused for being `over` characters past `max`. */
export function overLimitText(over: number, max: number): string {
  return `已超出 ${groupedCount(over)} 字，最多 ${groupedCount(max)} 字`;
}

export function TextArea({ label, value, maxlength, placeholder, error, disabled, name, overLimit = 'cut', onChange }: TextAreaProps) {
  const [refused, setRefused] = useState<string | null>(null);
  // A refused change is still in the native control: a new key puts the kept value back.
  const [generation, setGeneration] = useState(0);
  const refuse = overLimit === 'refuse';
  const shown = refused ?? error;
  return (
    <View className={`ui-field${shown ? ' ui-field--error' : ''}`} data-field={name}>
      {label ? <Text className='ui-field__label ui-field__label--block'>{label}</Text> : null}
      <Textarea
        key={generation}
        className='ui-field__textarea'
        value={value}
        placeholder={placeholder}
        maxlength={refuse ? Math.max(REFUSE_NATIVE_MAX, maxlength) : maxlength}
        disabled={disabled || undefined}
        onInput={(event) => {
          const next = event.detail.value;
          if (refuse && next.length > maxlength) {
            setRefused(overLimitText(next.length - maxlength, maxlength));
            setGeneration((g) => g + 1);
            return;
          }
          setRefused(null);
          onChange?.(next);
        }}
      />
      <View className='ui-field__foot'>
        {shown ? <Text className='ui-field__error'>{shown}</Text> : <Text />}
        <Text className='ui-field__counter'>
          {value.length}/{maxlength}
        </Text>
      </View>
    </View>
  );
}
