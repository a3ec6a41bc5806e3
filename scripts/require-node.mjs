// Stops `npm start` / `npm test` at once, with one line, on a Node.js too old for node:sqlite and type stripping.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `nec-bot needs Node.js >= 22.13 (Node 24 LTS recommended); this is ${process.version}. Install Node 24, or run: source scripts/use-node24.sh`,
  );
  process.exit(1);
}
