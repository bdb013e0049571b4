// Both languages everywhere: every user-visible text is a { zh, en } pair, chosen at the edge.
import type { Lang, Text } from "./types.js";

export function t(text: Text, lang: Lang): string {
  return text[lang];
}

/** Chinese characters and full-width punctuation, between which Chinese typography puts no space. */
const WIDE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/**
 * Fill `{name}` placeholders; a Text value is shown in `lang`. In Chinese, the space a template
 * keeps around a placeholder (for Latin ids such as M04) goes where the value meets Chinese text
 * or a full-width bracket (「成员 M02（龙江理工大学）的签署人」, fidelity.md C7).
 */
export function interpolate(template: string, data: Record<string, string | number | Text> | undefined, lang: Lang): string {
  if (!data) return template;
  const parts = template.split(/(\{\w+\})/);
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m) {
      out += part;
      continue;
    }
    const v = data[m[1]];
    if (v === undefined) {
      out += part;
      continue;
    }
    const value = typeof v === "object" ? v[lang] : String(v);
    if (lang === "zh" && value) {
      if (out.endsWith(" ") && WIDE.test(out.charAt(out.length - 2)) && WIDE.test(value.charAt(0))) out = out.slice(0, -1);
      const next = parts[i + 1];
      if (next?.startsWith(" ") && WIDE.test(next.charAt(1)) && WIDE.test(value.charAt(value.length - 1))) parts[i + 1] = next.slice(1);
    }
    out += value;
  }
  return out;
}

/**
 * A language as people write it: `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `cn`, `ZH` → zh;
 * `en`, `en-US`, `en_GB` → en; anything else → undefined (the caller says what is allowed).
 * Every place that reads a language (--lang, the config's `lang`, LANG) goes through here.
 */
export function normaliseLang(value: string | undefined): Lang | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (/^(zh|cn)(?:[-_.@].*)?$/.test(v) || v === "中文") return "zh";
  if (/^en(?:[-_.@].*)?$/.test(v) || v === "c" || v === "posix") return "en";
  return undefined;
}

/** The words `--lang` accepts, for help and error texts. */
export const LANG_WORDS = "zh, zh-CN, zh_CN, cn, en";

/** The locale the platform reports (Windows sets no LANG; Intl asks the system). */
function systemLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return "";
  }
}

/**
 * --lang default: LC_ALL, LC_MESSAGES, LANG in POSIX order (zh* → zh, else en); when none of them
 * is set (Windows, a bare service account), the system locale that Intl reports.
 */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env, intlLocale: () => string = systemLocale): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  if (v) return /^zh/i.test(v) ? "zh" : "en";
  return /^zh/i.test(intlLocale()) ? "zh" : "en";
}
