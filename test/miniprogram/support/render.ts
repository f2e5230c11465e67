/** Helpers for page tests: let Taro's web components upgrade, and type into their inner controls. */
import { act, waitFor } from '@testing-library/react';

/** Taro's web components render their inner <input>/<textarea> asynchronously; let pending work settle. */
export async function settle(ms = 60): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/** The inner <input>/<textarea> of the field marked data-field=`name`, once rendered. */
export async function controlOf(container: HTMLElement, name: string): Promise<HTMLInputElement | HTMLTextAreaElement> {
  let control: HTMLInputElement | HTMLTextAreaElement | null = null;
  await waitFor(() => {
    control = container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${name}"] input, [data-field="${name}"] textarea`);
    if (!control) throw new Error(`no control rendered for field ${name}`);
  });
  return control as unknown as HTMLInputElement | HTMLTextAreaElement;
}

/** Types `value` into the field as a user would: the native input event that Taro's component turns into onInput. */
export async function typeInto(container: HTMLElement, name: string, value: string): Promise<void> {
  const control = await controlOf(container, name);
  await act(async () => {
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Clicks and lets the promises the click started settle. */
export async function clickAndSettle(element: Element, ms = 30): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}
