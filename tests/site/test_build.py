"""The strict build: pages, the self-hosted runtime, the wheel, links, and no third-party origin."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from secondround_site.packing import unpacked_bytes
from secondround_site.runtime import (
    PACKED_RUNTIME_FILES,
    RUNTIME_FILES,
    SHIPPED_RUNTIME_FILES,
    RuntimeMissing,
    decoder_wasm,
    runtime_dir,
)
from secondround_site.stdlib import (
    build_trimmed_stdlib,
    compiled_stdlib,
    kept_modules,
    module_of,
)
from secondround_site.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["index.html", "steps/index.html", "tips/index.html", "timing/index.html", "kit/index.html"]


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.links.append(value)


def parse(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text("utf-8"))
    return parser


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_built(built_site: Path, page: str) -> None:
    assert (built_site / page).is_file()


@pytest.mark.parametrize("name", SHIPPED_RUNTIME_FILES)
def test_the_pyodide_runtime_is_self_hosted(built_site: Path, name: str) -> None:
    shipped = built_site / "pyodide" / "314.0.7" / name
    assert shipped.read_bytes() == (ROOT / "node_modules" / "pyodide" / name).read_bytes()


@pytest.mark.parametrize("name", PACKED_RUNTIME_FILES)
def test_the_packed_runtime_files_unpack_to_the_npm_packages_bytes(
    built_site: Path, name: str
) -> None:
    shipped = built_site / "pyodide" / "314.0.7" / (name + ".zst")
    original = (ROOT / "node_modules" / "pyodide" / name).read_bytes()
    assert unpacked_bytes(shipped) == original
    # Worth its decoding: a fifth smaller than the gzip a host would send.
    assert shipped.stat().st_size < 0.85 * len(gzip.compress(original, 6))


NODE_SCRIPT = ("node", "--input-type=module", "-e")
UNPACK_IN_CHUNKS = """
import { decoder, unzstd } from %s;
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
const [wasm, file] = process.argv.slice(1);
const zstd = await decoder(readFileSync(wasm));
const packed = readFileSync(file);
// Network-sized pieces of uneven length, as a slow link hands them over.
const pieces = new ReadableStream({
  start(controller) {
    let at = 0;
    for (let i = 0; at < packed.length; i++) {
      const size = [1, 17, 4096, 65536, 100003][i %% 5];
      controller.enqueue(packed.subarray(at, at + size));
      at += size;
    }
    controller.close();
  },
});
const hash = createHash("sha256");
for await (const chunk of pieces.pipeThrough(unzstd(zstd))) hash.update(chunk);
console.log(hash.digest("hex"));
"""


def test_every_packed_file_unpacks_with_the_workers_decoder_in_pieces(built_site: Path) -> None:
    """The worker's decoder (unzstd.mjs on the site's zstd.wasm), fed piece by piece, gives back
    the very bytes each packed file holds."""
    assets = built_site / "assets" / "secondround"
    script = json.dumps((assets / "unzstd.mjs").as_uri())
    packed = sorted(built_site.rglob("*.zst"), key=lambda path: path.name)
    assert [p.name for p in packed] == sorted(
        [
            "pyodide.asm.wasm.zst",
            "secondround-0.1.0-py3-none-any.whl.zst",
            *(p.name for p in (built_site / "pyodide" / "314.0.7").glob("python_stdlib-*.zst")),
        ]
    )
    for path in packed:
        done = subprocess.run(
            [*NODE_SCRIPT, UNPACK_IN_CHUNKS % script, str(assets / "zstd.wasm"), str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.strip() == hashlib.sha256(unpacked_bytes(path)).hexdigest(), path.name


@pytest.mark.parametrize("damage", ["cut short", "flipped bytes"])
def test_damaged_packed_bytes_fail_the_decoder_with_a_reason(
    built_site: Path, tmp_path: Path, damage: str
) -> None:
    assets = built_site / "assets" / "secondround"
    script = json.dumps((assets / "unzstd.mjs").as_uri())
    data = bytearray((built_site / "pyodide" / "314.0.7" / "pyodide.asm.wasm.zst").read_bytes())
    if damage == "cut short":
        del data[len(data) // 2 :]
    else:
        data[5000:5008] = bytes(b ^ 0xA5 for b in data[5000:5008])
    damaged = tmp_path / "damaged.zst"
    damaged.write_bytes(bytes(data))
    done = subprocess.run(
        [*NODE_SCRIPT, UNPACK_IN_CHUNKS % script, str(assets / "zstd.wasm"), str(damaged)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    reason = "the zstd data ended early" if damage == "cut short" else "damaged zstd data"
    assert reason in done.stderr


def test_only_the_runtime_and_the_trimmed_standard_library_are_shipped(built_site: Path) -> None:
    shipped = sorted(
        p.relative_to(built_site / "pyodide").as_posix()
        for p in (built_site / "pyodide").rglob("*")
    )
    (stdlib,) = [name for name in shipped if "python_stdlib" in name]
    assert re.fullmatch(r"314\.0\.7/python_stdlib-[0-9a-f]{12}\.zip\.zst", stdlib)
    # Not the full library, and no lock file: build.mjs carries a cut-down one. The WebAssembly
    # ships packed only.
    assert shipped == sorted(
        [
            "314.0.7",
            stdlib,
            "314.0.7/pyodide.asm.wasm.zst",
            *(f"314.0.7/{name}" for name in SHIPPED_RUNTIME_FILES),
        ]
    )


def test_the_trimmed_standard_library_holds_the_kept_modules_and_is_small(
    built_site: Path,
) -> None:
    (shipped,) = (built_site / "pyodide" / "314.0.7").glob("python_stdlib-*.zip.zst")
    data = unpacked_bytes(shipped)
    assert shipped.name == f"python_stdlib-{hashlib.sha256(data).hexdigest()[:12]}.zip.zst"
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names == sorted(names)
    full = zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").namelist()
    # Every module ships as bytecode (compiled by Pyodide at build time), none as source.
    assert [n for n in names if n.endswith(".py")] == []
    modules = {module_of(n) for n in names} - {None}
    assert modules <= {module_of(n) for n in full}
    assert set(kept_modules()) <= modules
    assert {"json", "datetime", "zlib", "base64", "hashlib"} & modules
    # Codecs, email, unittest and the rest of what the kit never imports stay behind.
    assert not {"email", "unittest", "encodings.cp1252", "sqlite3", "pydoc"} & modules
    # Bytecode is larger than source, but packed it is a quarter of the full library's size.
    assert (
        shipped.stat().st_size
        < 0.3 * (ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").stat().st_size
    )


def test_the_trimmed_standard_library_is_reproducible(built_site: Path, tmp_path: Path) -> None:
    """Built again now, it is the very zip the site shipped (built earlier, or cached)."""
    pyodide = ROOT / "node_modules" / "pyodide"
    trimmed = build_trimmed_stdlib(pyodide / "python_stdlib.zip", tmp_path, kept_modules())
    again = compiled_stdlib(trimmed, pyodide, tmp_path / "bytecode")
    (shipped,) = (built_site / "pyodide" / "314.0.7").glob("python_stdlib-*.zip.zst")
    assert again.path.read_bytes() == unpacked_bytes(shipped)
    assert again.path.name + ".zst" == shipped.name
    assert {i.date_time for i in zipfile.ZipFile(again.path).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_build_mjs_names_the_trimmed_library_and_an_empty_lock(built_site: Path) -> None:
    module = (built_site / "assets" / "secondround" / "build.mjs").read_text("utf-8")
    (stdlib,) = (built_site / "pyodide" / "314.0.7").glob("python_stdlib-*.zip.zst")
    # The worker asks for the library by its own name, and fetches it with ".zst" added.
    name = stdlib.name.removesuffix(".zst")
    assert f'STDLIB_URL = "pyodide/314.0.7/{name}";' in module
    packed = json.loads(re.search(r"PACKED_FILES = (.*);", module)[1])  # type: ignore[index]
    assert packed == ["pyodide.asm.wasm", name, "secondround-0.1.0-py3-none-any.whl"]
    assert 'PACKED_SUFFIX = ".zst";' in module
    lock = json.loads(json.loads(re.search(r"LOCK_FILE = (.*);", module)[1]))  # type: ignore[index]
    npm = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text("utf-8"))
    assert lock == {"info": npm["info"], "packages": {}}
    sizes = json.loads(re.search(r"DOWNLOAD_BYTES = (.*);", module)[1])  # type: ignore[index]
    assert sizes[stdlib.name] == stdlib.stat().st_size
    assert sorted(sizes) == sorted(file + ".zst" for file in packed)
    assert "pyodide-lock.json" not in sizes


def test_the_wheel_ships_under_its_real_name_with_the_core(built_site: Path) -> None:
    (wheel,) = (built_site / "assets" / "secondround").glob("wheel-*/*.whl.zst")
    assert wheel.name == "secondround-0.1.0-py3-none-any.whl.zst"
    archive = zipfile.ZipFile(io.BytesIO(unpacked_bytes(wheel)))
    names = archive.namelist()
    # The core as Pyodide's bytecode, and its RECORD names what is really there.
    assert "secondround/app/update.pyc" in names
    assert "secondround/worker.pyc" in names
    assert "secondround/input/public_holidays.json" in names
    assert [n for n in names if n.endswith(".py")] == []
    assert not [n for n in names if n.startswith("secondround_site/")]
    (record,) = [n for n in names if n.endswith(".dist-info/RECORD")]
    listed = {}
    for line in archive.read(record).decode().splitlines():
        name, digest, size = line.rsplit(",", 2)
        listed[name] = (digest, size)
    assert sorted(listed) == sorted(n for n in names if not n.endswith("/"))
    for name, (digest, size) in listed.items():
        if name == record:
            continue
        data = archive.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert (digest, size) == (f"sha256={expected}", str(len(data))), name


def test_the_wheel_is_reproducible(tmp_path: Path) -> None:
    first = build_wheel(ROOT, tmp_path / "a")
    second = build_wheel(ROOT, tmp_path / "b")
    assert first.path.read_bytes() == second.path.read_bytes()


def test_the_kit_is_rendered_before_any_script_runs(built_site: Path) -> None:
    html = (built_site / "kit" / "index.html").read_text("utf-8")
    assert 'id="secondround-kit"' in html
    assert 'id="sr-live"' in html
    # The example's drafts and checklist are in the static page, not added by JavaScript.
    assert "Thank-you email" in html
    assert "Your checklist" in html
    assert "<!-- secondround:" not in html


@pytest.mark.parametrize("page", ["steps/index.html", "tips/index.html"])
def test_the_guide_shows_example_drafts(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text("utf-8")
    assert 'class="sr-example"' in html
    assert "<!-- secondround:" not in html


URL = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?(https?:)?//([^/"'\s>]+)|url\(\s*["']?(?:https?:)?//([^/"')\s]+)|@import\s+["'](?:https?:)?//([^/"'\s]+)"""
)


def test_no_page_or_stylesheet_refers_to_another_origin(built_site: Path) -> None:
    """Pages and styles load nothing from elsewhere (browser tests check scripts at run time)."""
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix not in (".html", ".css") or "pyodide" in path.parts:
            continue
        for match in URL.finditer(path.read_text("utf-8", errors="replace")):
            host = next(g for g in match.groups()[1:] if g)
            if host not in ("127.0.0.1", "localhost") and not host.startswith("127.0.0.1:"):
                offenders.append((str(path.relative_to(built_site)), host))
    assert offenders == []


def test_every_internal_link_resolves(built_site: Path) -> None:
    broken = []
    for page in built_site.rglob("*.html"):
        parsed = parse(page)
        page_url = "file://" + str(page)
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme in ("mailto", "data", "javascript") or parts.netloc:
                continue
            # Material's 404 page uses root-relative links, since it is served at any depth.
            base = "file://" + str(built_site) + "/" if link.startswith("/") else page_url
            target = urlsplit(urljoin(base, link.lstrip("/") if link.startswith("/") else link))
            path = Path(unquote(target.path))
            if link.startswith("#"):
                path = page
            elif path.is_dir():
                path = path / "index.html"
            if not path.is_file() or (
                target.fragment
                and not target.fragment.startswith("sr1")
                and path.suffix == ".html"
                and target.fragment not in parse(path).ids
            ):
                broken.append((str(page.relative_to(built_site)), link))
    assert broken == []


def _project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    for name in ("docs", "overrides", "src"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "package.json", "pyproject.toml"):
        shutil.copy(ROOT / name, copy / name)
    return copy


def test_a_build_without_the_runtime_fails_with_one_clear_line(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert (
        "Pyodide 314.0.7 is not installed in node_modules/pyodide: run `make setup`."
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_core_import_the_trimmed_library_lacks_fails_the_build_by_name(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    drafts = project / "src" / "secondround" / "writing" / "drafts.py"
    source = drafts.read_text("utf-8").replace(
        "from functools import lru_cache\n", "from functools import lru_cache\nimport csv\n", 1
    )
    drafts.write_text(source, "utf-8")
    line = source.splitlines().index("import csv") + 1
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert (
        f"secondround/writing/drafts.py:{line} imports csv, which the trimmed standard library"
        " leaves out: add it to src/secondround_site/stdlib-modules.txt"
    ) in result.stderr


@pytest.mark.parametrize(
    ("installed_version", "files", "message"),
    [
        (None, (), "is not installed"),
        ("0.27.0", RUNTIME_FILES, "node_modules/pyodide is 0.27.0, but package.json pins 314.0.7"),
        (
            "314.0.7",
            RUNTIME_FILES[:2],
            "lacks pyodide.asm.wasm, python_stdlib.zip, pyodide-lock.json",
        ),
    ],
    ids=["missing", "wrong-version", "incomplete"],
)
def test_runtime_problems_name_the_fix(
    tmp_path: Path, installed_version: str | None, files: tuple[str, ...], message: str
) -> None:
    shutil.copy(ROOT / "package.json", tmp_path / "package.json")
    folder = tmp_path / "node_modules" / "pyodide"
    if installed_version:
        folder.mkdir(parents=True)
        (folder / "package.json").write_text(f'{{"version": "{installed_version}"}}')
        for name in files:
            (folder / name).write_text("x")
    with pytest.raises(RuntimeMissing, match=re.escape(message)) as raised:
        runtime_dir(tmp_path)
    assert "run `make setup`" in str(raised.value)


@pytest.mark.parametrize(
    ("installed", "message"),
    [
        (None, "zstddec 0.3.4 is not installed in node_modules/zstddec: run `make setup`."),
        ("0.1.0", "zstddec 0.3.4 is not installed in node_modules/zstddec: run `make setup`."),
        (
            "0.3.4",
            "zstddec 0.3.4's dist/zstddec-stream.mjs holds no WebAssembly where the build looks"
            " for it.",
        ),
    ],
    ids=["missing", "wrong-version", "moved"],
)
def test_a_missing_or_changed_zstd_decoder_names_the_fix(
    tmp_path: Path, installed: str | None, message: str
) -> None:
    shutil.copy(ROOT / "package.json", tmp_path / "package.json")
    if installed:
        folder = tmp_path / "node_modules" / "zstddec"
        (folder / "dist").mkdir(parents=True)
        (folder / "package.json").write_text(f'{{"version": "{installed}"}}')
        (folder / "dist" / "zstddec-stream.mjs").write_text("export {};")
    with pytest.raises(RuntimeMissing) as raised:
        decoder_wasm(tmp_path)
    assert str(raised.value) == message


def test_the_decoder_ships_with_its_licences(built_site: Path) -> None:
    assets = built_site / "assets" / "secondround"
    assert (assets / "zstd.wasm").read_bytes().startswith(b"\0asm")
    notices = (assets / "zstd.wasm.LICENSE.txt").read_text("utf-8")
    assert "Don McCurdy" in notices
    assert "Zstandard" in notices


def test_the_guide_has_one_plan_and_the_sections_readers_expect(built_site: Path) -> None:
    index = (built_site / "index.html").read_text("utf-8")
    headings = re.findall(r"<h2[^>]*>([^<]*)", index)
    assert [h for h in headings if "at a glance" in h.lower()] == ["The plan at a glance"]
    tips = (built_site / "tips" / "index.html").read_text("utf-8")
    for section in (
        "Recruiter or hiring manager",
        "Interviews by video or phone",
        "Adding something you forgot",
        "Asking for feedback",
        "If you get an offer",
        "LinkedIn etiquette",
    ):
        assert f">{section}<" in tips, section
    # Every sample draft in the guide is written by the core, not pasted in.
    for kind in ("not_hired", "followup", "followup_final", "offer_terms", "offer_accept"):
        assert f'data-kind="{kind}"' in tips, kind
    assert "to a recruiter</figcaption>" in (built_site / "steps" / "index.html").read_text("utf-8")
