// Runs the core's unit suite inside Pyodide under Node: usage
//   node run_core_suite.mjs <secondround wheel> <tests dir> <wheel>... [-- pytest args...]
// Exits with pytest's own exit code, so the CPython test that calls this sees a real result.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadPyodide } from "pyodide";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const files = split === -1 ? args : args.slice(0, split);
const pytestArgs = split === -1 ? [] : args.slice(split + 1);
const [ownWheel, testsDir, ...wheels] = files;

// The Hypothesis profile (tests/unit/conftest.py) is the caller's, so `make test-fast` is fast here too.
const env = process.env.HYPOTHESIS_PROFILE ? { HYPOTHESIS_PROFILE: process.env.HYPOTHESIS_PROFILE } : {};
const pyodide = await loadPyodide({ env, stdout: (s) => console.log(s), stderr: (s) => console.error(s) });
for (const wheel of [ownWheel, ...wheels]) pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.FS.mkdirTree("/suite");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: resolve(testsDir) }, "/suite");
pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
const code = await pyodide.runPythonAsync(`
import os, sys, platform
sys.dont_write_bytecode = True
import pytest
os.chdir("/home/pyodide")
sys.path.insert(0, "/suite")
print("inside", platform.python_implementation(), sys.version.split()[0], sys.platform,
      "hypothesis profile:", os.environ.get("HYPOTHESIS_PROFILE", "thorough"))
pytest.main(["/suite", "-p", "no:cacheprovider", "-W", "error", "-o", "pythonpath=/suite", *pytest_args])
`);
process.exit(Number(code));
