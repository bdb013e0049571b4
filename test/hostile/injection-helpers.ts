// Hostile names for the injection tests (issue #12 item 1): an alliance, its members and the
// proposal's folder whose names hold every kind of control character an attacker would use —
// ESC sequences that retitle or clear a terminal, BEL, CR/LF followed by a forged GitHub
// annotation, NUL, C1 controls (NEL, CSI), DEL, the line separator and bidirectional overrides
// ("Trojan Source") — plus an @mention and bare URLs for Markdown.
import { csvText, charterText, membersText, replaceOnce } from "./helpers.js";

/** Every raw control character a non-JSON format must never print (LF is the formats' own line end). */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The raw characters of the hostile names, each of which must come out as `\uXXXX`. */
export const INJECTED = ["\u001b", "\u0007", "\r", "\n", "\u0000", "\u0085", "\u009b", "\u007f", "\u2028", "\u202e", "\u2066"];

/** The same text as a YAML double-quoted escape sequence (YAML allows any character escaped). */
const YAML_HOSTILE = "\\e]0;pwned\\a\\e[2J\\e[8m\\r\\n::error file=x.yaml,line=1::forged\\0\\N\\x9b\\x7f\\L\\u202e\\u2066 @octocat https://evil.example/x www.evil.example";
/** The text itself, for checks. */
export const HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\u001b[8m\r\n::error file=x.yaml,line=1::forged\u0000\u0085\u009b\u007f\u2028\u202e\u2066 @octocat https://evil.example/x www.evil.example";

/** A folder name with ESC, BEL, CR, LF and a forged annotation (Linux allows all but `/` and NUL). */
export const HOSTILE_DIR = "p\u001b]0;t\u0007\u001b[2J\r\n::error::dir\u0085\u202e";

/**
 * A charter whose alliance name and lead member hold the hostile text (the unknown lead member is
 * a finding that quotes it), and a roster in which M02's name and credit code hold it (an invalid
 * credit code is a finding that quotes both).
 */
export function hostileYamlProposal(): Record<string, string> {
  let charter = replaceOnce(charterText(), "name: 松花江铝镁合金产业技术创新战略联盟\n", `name: "松花江${YAML_HOSTILE}联盟"\n`);
  charter = replaceOnce(charter, "lead_member: M01", `lead_member: "M${YAML_HOSTILE}"`);
  let members = replaceOnce(membersText(), "name: 龙江理工大学", `name: "龙江${YAML_HOSTILE}大学"`);
  members = replaceOnce(members, "credit_code: 12230000412005676E", `credit_code: "X${YAML_HOSTILE}"`);
  return { "charter.yaml": charter, "members.yaml": members };
}

/** A roster file whose name holds ESC, BEL and a bidi override, named by the charter's `roster:`. */
export const HOSTILE_FILE = "名单\u001b[2J\u0007\u202e.yaml";

/** A charter naming that roster (as a YAML escape), whose M02 has an invalid credit code (a finding in that file). */
export function hostileFileProposal(): Record<string, string | null> {
  const charter = replaceOnce(charterText(), "schema_version: 1\n", 'schema_version: 1\nroster: "名单\\e[2J\\a\\u202e.yaml"\n');
  return { "charter.yaml": charter, "members.yaml": null, [HOSTILE_FILE]: replaceOnce(membersText(), "credit_code: 12230000412005676E", "credit_code: 1223") };
}

/** A CSV roster (UTF-8) whose cells hold the raw bytes: ESC, BEL, C1, bidi — no YAML escapes involved. */
export function hostileCsvProposal(): Record<string, string | null> {
  const raw = "\u001b]0;pwned\u0007\u001b[2J\u0085\u009b\u202e";
  let csv = replaceOnce(csvText(), "龙江理工大学", `龙江${raw}大学`);
  csv = replaceOnce(csv, "12230000412005676E", `X${raw}Y`);
  return { "charter.yaml": charterText(), "members.yaml": null, "members.csv": csv };
}

/** The first raw control character in `text` and what is around it, or undefined. */
export function rawControlIn(text: string): string | undefined {
  const m = RAW_CONTROL.exec(text);
  if (!m) return undefined;
  return `U+${m[0].charCodeAt(0).toString(16).padStart(4, "0")} at ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 20))}`;
}

/** The GitHub runner's parser for `::cmd k=v,…::data` (as test/formats/github.test.ts): undefined when not a command. */
export function decodeCommand(line: string): { command: string; props: Record<string, string>; data: string } | undefined {
  const m = /^::([^ :]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!m) return undefined;
  const unData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
  const unProp = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  const props: Record<string, string> = {};
  for (const kv of (m[2] ?? "").split(",").filter(Boolean)) {
    const i = kv.indexOf("=");
    props[kv.slice(0, i)] = unProp(kv.slice(i + 1));
  }
  return { command: m[1], props, data: unData(m[3]) };
}

/**
 * Lines the runner would take as workflow commands: it looks for `::` at the start of a line
 * (after whitespace), in any step's output, whatever the format.
 */
export function commandLines(output: string): string[] {
  return output.split(/\r\n|\n|\r/).filter((l) => /^\s*::/.test(l));
}
