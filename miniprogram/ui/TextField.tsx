/**
 * Labelled inputs, the same on both platforms: Taro's Input/Textarea are the native weapp controls
 * and real <input>/<textarea> in H5 (van-field would only wrap the same controls in more markup).
 * Both default to maxlength 140 in Taro: the limit is always passed explicitly here.
 */
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

export function TextArea({ label, value, maxlength, placeholder, error, disabled, name, onChange }: TextAreaProps) {
  return (
    <View className={`ui-field${error ? ' ui-field--error' : ''}`} data-field={name}>
      {label ? <Text className='ui-field__label ui-field__label--block'>{label}</Text> : null}
      <Textarea
        className='ui-field__textarea'
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        disabled={disabled || undefined}
        onInput={(event) => onChange?.(event.detail.value)}
      />
      <View className='ui-field__foot'>
        {error ? <Text className='ui-field__error'>{error}</Text> : <Text />}
        <Text className='ui-field__counter'>
          {value.length}/{maxlength}
        </Text>
      </View>
    </View>
  );
}
