// Where the project and each rule's documentation live on the web, for formats that link to
// them (SARIF's informationUri and helpUri, the Markdown summary). Pure constants: no I/O.

/** The project's repository; rule documentation is under docs/rules/ in its default branch. */
export const REPOSITORY_URL = "https://github.com/alliance-audit/alliance-audit";

/** The page documenting a rule: docs/rules/<id>.md (ids such as `agreement/unsigned` make a subfolder). */
export function ruleDocUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId.split("/").map(encodeURIComponent).join("/")}.md`;
}
