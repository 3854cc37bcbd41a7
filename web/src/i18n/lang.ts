/** The languages of the app: Chinese first, as its users read it; English for everyone else. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

export const parseLang = (value: string | null): Lang => ((LANGS as readonly (string | null)[]).includes(value) ? (value as Lang) : DEFAULT_LANG);
