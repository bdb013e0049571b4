// The package.json that goes into the tarball has no install-time scripts.
//
// In a checkout, `prepare` builds dist/ so that `npm ci` leaves a working CLI. In the published
// package dist/ is already built, and a `prepare` (or any install script) there would only make
// npm warn about it on every install ("install scripts not yet covered by allowScripts") and, if
// allowed, run a build without its dev dependencies. So `npm pack` runs, through package.json:
//   prepack:  npm run build && node scripts/pack-manifest.mjs strip
//   postpack: node scripts/pack-manifest.mjs restore
// `strip` keeps the exact bytes of package.json in a backup and writes it without those scripts;
// npm reads package.json again after prepack, so the tarball gets the stripped one (and npm runs
// no `prepare` of its own during the pack). `restore` puts the original bytes back.
// Usage: node scripts/pack-manifest.mjs strip|restore   (run from the package root)
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const MANIFEST = "package.json";
// The backup is gitignored and excluded from the tarball (not listed in "files").
const BACKUP = ".package.json.prepack";
// The lifecycle scripts npm runs when a package is installed (`prepublish` is npm's old name
// for prepare and still runs on install in some npm versions).
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare", "prepublish", "preprepare", "postprepare"];

function strip() {
  // A backup left by an interrupted pack is the original: never strip a stripped file over it.
  const original = existsSync(BACKUP) ? readFileSync(BACKUP, "utf8") : readFileSync(MANIFEST, "utf8");
  const manifest = JSON.parse(original);
  for (const name of INSTALL_SCRIPTS) delete manifest.scripts?.[name];
  writeFileSync(BACKUP, original);
  const indent = /^[ \t]+(?=")/m.exec(original)?.[0] ?? "  ";
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, indent)}\n`);
}

function restore() {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
}

const command = process.argv[2];
if (command === "strip") strip();
else if (command === "restore") restore();
else {
  console.error("usage: node scripts/pack-manifest.mjs strip|restore");
  process.exit(2);
}
