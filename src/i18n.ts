// Both languages everywhere: every user-visible text is a { zh, en } pair, chosen at the edge.
import type { Lang, Text } from "./types.js";

export function t(text: Text, lang: Lang): string {
  return text[lang];
}

/** Fill `{name}` placeholders; a Text value is shown in `lang`. */
export function interpolate(template: string, data: Record<string, string | number | Text> | undefined, lang: Lang): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key];
    if (v === undefined) return whole;
    return typeof v === "object" ? v[lang] : String(v);
  });
}

/** --lang default: LC_ALL, LC_MESSAGES, LANG in POSIX order; zh* → zh, else en. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(v) ? "zh" : "en";
}
