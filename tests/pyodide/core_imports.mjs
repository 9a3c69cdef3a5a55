// Starts Pyodide as the kit's worker does, drives the core (drive_core.py), and prints, as one
// JSON line, what the driver saw and every module read from the standard library zip:
//   node core_imports.mjs <secondround wheel> <drive_core.py> [--stdlib <zip>] [--lock <json>]
// With --stdlib and --lock (the trimmed zip and lock file the site ships) the core must run on
// them alone: a module the zip lacks fails here, with its name.
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const stdlib = option("--stdlib");
const lock = option("--lock");
const [wheel, driver] = args;

const config = { stdout: (s) => console.error(s), stderr: (s) => console.error(s) };
if (stdlib) config.stdLibURL = resolve(stdlib);
if (lock) config.lockFileContents = readFileSync(lock, "utf8");
const pyodide = await loadPyodide(config);
// The worker's own steps, in its order: the wheel, then the entry module.
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.pyimport("secondround.worker");
pyodide.FS.mkdirTree("/drive");
pyodide.FS.writeFile(`/drive/${basename(driver)}`, readFileSync(driver));
const report = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/drive")
import ${basename(driver, ".py")} as driver
result = driver.main()
zip_path = next(p for p in sys.path if p.endswith(".zip")) + "/"
# Frozen modules live in the WebAssembly: their files are never read.
files = {
    name: module.__file__[len(zip_path):]
    for name, module in list(sys.modules.items())
    if (getattr(module, "__file__", None) or "").startswith(zip_path)
    and getattr(module.__spec__, "origin", None) != "frozen"
}
loaded = sorted(files.items())
json.dumps({"driven": result, "stdlib_modules": dict(loaded)})
`);
console.log(report);
