// Compiles ValidateSigOffchain.sol with solc-js (npm `solc`, pinned in build.sh) and prints
// the creation code of `ValidateSigOffchain` as hex.
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const source = fs.readFileSync(path.join(__dirname, "ValidateSigOffchain.sol"), "utf8");
const input = {
  language: "Solidity",
  sources: { "ValidateSigOffchain.sol": { content: source } },
  settings: {
    viaIR: true,
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "paris",
    outputSelection: { "*": { ValidateSigOffchain: ["evm.bytecode.object"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
process.stdout.write(output.contracts["ValidateSigOffchain.sol"].ValidateSigOffchain.evm.bytecode.object);
