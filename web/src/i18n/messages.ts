import { en } from './en';
import type { Lang } from './lang';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The message in a language with its {placeholders} filled; a missing parameter stays visible as {name}. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The {placeholders} a message expects. */
export const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** Whether a string is a message key (the undo stack keeps change names as keys with their parameters). */
export const isMessageKey = (key: string): key is MessageKey => key in zhCN;
