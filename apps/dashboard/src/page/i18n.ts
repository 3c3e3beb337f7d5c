import { en, type MessageKey } from './messages-en.js';
import { th } from './messages-th.js';

export type { MessageKey } from './messages-en.js';
export type Lang = 'th' | 'en';

export const messages: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, th };

/** The message in `lang`, with each `{name}` replaced by its parameter. */
export function t(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message whose key is built from data (a dimension, a status): the key itself when no message has it. */
export function tOr(lang: Lang, key: string): string {
  return Object.hasOwn(en, key) ? messages[lang][key as MessageKey] : key;
}

export function isLang(value: unknown): value is Lang {
  return value === 'th' || value === 'en';
}
