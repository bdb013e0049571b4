// The file names a proposal's files take by default (data-model.md, documents.md §1): a charter
// and a roster. Kept apart from discovery so that the registry can hold them as document roles.
export const CHARTER_FILE_NAMES: readonly string[] = ["charter.yaml", "charter.yml", "charter.json"];
export const ROSTER_FILE_NAMES: readonly string[] = ["members.yaml", "members.yml", "members.json", "members.csv", "members.xlsx"];
