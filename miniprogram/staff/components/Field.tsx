/** Labelled form fields of the staff forms: one-line text, multi-line text and choice chips. */
import type { ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';

export function Field({ label, required, children }: { label: string; required?: boolean; children: ReactNode }) {
  return (
    <View className='staff-field'>
      <Text className='staff-field__label'>
        {label}
        {required ? <Text className='staff-field__required'> *</Text> : null}
      </Text>
      {children}
    </View>
  );
}

interface TextProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
}

export function TextInput({ value, onChange, placeholder, maxlength = 100 }: TextProps) {
  return <Input className='staff-input' value={value} placeholder={placeholder} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />;
}

export function TextArea({ value, onChange, placeholder, maxlength = 500 }: TextProps) {
  return <Textarea className='staff-textarea' value={value} placeholder={placeholder} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />;
}

export interface Choice<K extends string> {
  key: K;
  label: string;
  /** Small grey text after the label (e.g. 牵头 / 责任). */
  hint?: string;
}

/** Tappable chips; `selected` holds the chosen keys (one for a single choice). */
export function ChoiceList<K extends string>({ choices, selected, onToggle }: { choices: readonly Choice<K>[]; selected: readonly K[]; onToggle: (key: K) => void }) {
  return (
    <View className='choice-list'>
      {choices.map((c) => {
        const on = selected.includes(c.key);
        return (
          <View key={c.key} className={`choice${on ? ' choice--on' : ''}`} onClick={() => onToggle(c.key)}>
            <Text>
              {on ? '☑ ' : '☐ '}
              {c.label}
            </Text>
            {c.hint ? <Text className='choice__hint'>{c.hint}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

export function ErrorText({ error }: { error: string | null | undefined }) {
  return error ? <Text className='staff-error'>{error}</Text> : null;
}

export function Section({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <View className='staff-section'>
      {title ? <Text className='staff-section__title'>{title}</Text> : null}
      {children}
    </View>
  );
}
