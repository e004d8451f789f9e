/** Languages with built-in templates and date formats. Adding one: see docs/templates.md, "Adding a language". */
export const LANGUAGES = ['de', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}
