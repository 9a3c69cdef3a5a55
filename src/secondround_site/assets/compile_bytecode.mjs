// Compiles every .py entry of a zip into bytecode with Pyodide's own interpreter, at build time,
// so the reader's browser imports bytecode instead of compiling source (most of Python's start):
//   node compile_bytecode.mjs <pyodide dir> <in.zip> <out.zip>
// Each "x.py" becomes "x.pyc" (unchecked-hash: nothing to compare it with in the browser); every
// other entry is copied as it is. Column ranges are left out (PYTHONNODEBUGRANGES): line numbers
// stay for tracebacks, and the bytecode is a quarter smaller. Every entry is stored, not
// deflated: the site ships the whole zip zstd-compressed (packing.py), which then compresses
// across modules.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, input, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: pyodideDir,
  env: { PYTHONNODEBUGRANGES: "1", PYTHONHASHSEED: "0" },
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
pyodide.FS.writeFile("/in.zip", new Uint8Array(readFileSync(input)));
try {
  pyodide.runPython(`
import importlib.util
import marshal
import zipfile

with zipfile.ZipFile("/in.zip") as source, zipfile.ZipFile("/out.zip", "w") as out:
    for info in source.infolist():
        data = source.read(info)
        if info.filename.endswith(".py"):
            code = compile(data, info.filename, "exec", dont_inherit=True)
            # The header of an unchecked hash-based .pyc (PEP 552): magic, flags 0b01, hash.
            header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little")
            data = header + importlib.util.source_hash(data) + marshal.dumps(code)
            info.filename += "c"
        out.writestr(info, data, compress_type=zipfile.ZIP_STORED)
`);
} catch (error) {
  // The Python traceback alone (it names the module and line), without Node's dump of the
  // runtime's source.
  console.error(error.message);
  process.exit(1);
}
writeFileSync(output, pyodide.FS.readFile("/out.zip"));
