// An error that means "the command itself could not run" (exit code 2): a bad option, a path
// that does not exist, no proposal found, an unwritable output. Its message is for the user.
import type { Text } from "./types.js";

export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "UsageError";
  }
}
