#!/usr/bin/env python3
"""Builds the committed seed corpus (fuzz/corpus/<target>/) from the sample
report, the source document and the test documents. Deterministic: running it
again gives the same files. Usage: python3 fuzz/seeds.py"""
import hashlib
import io
import random
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
SAMPLE = (ROOT / "src/samples/bac_giang_2023_q3.tsv").read_text(encoding="utf-8")
SOURCE = (ROOT / "tests/data/bac_giang_2023_q3_source.txt").read_text(encoding="utf-8")


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main():
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    rows = [line for line in SAMPLE.splitlines() if line and not line.startswith("#")]
    meta = [line for line in SAMPLE.splitlines() if line.startswith("#!")]

    # number: every cell of the sample, and the edges of the parser.
    cells = {line.split("\t")[2] for line in rows if len(line.split("\t")) > 2}
    edges = ["0", "06", "1964", "1.420", "1.42", "12.3456", "1,2,3", "-5", "-0", "-0,0",
             "99,3", "99,30", "100,00", "1,420", "gần 98", "", " ", "8.007.000",
             "999.999.999.999", "1.000.000.000.000", "999.999.999.999,999999",
             "0,0000001", "18.446.744.073.709.551.615", "18.446.744.073.709.551.616",
             "1 420", "1\u00a0420", "+5", "5-", ".5", "5.", ",5", "5,", "01.000"]
    for text in sorted(cells) + edges:
        put("number", text)

    # tsv: the sample, its metadata alone, and each form alone.
    put("tsv", SAMPLE)
    put("tsv", SAMPLE.replace("\n", "\r\n"))
    put("tsv", "\n".join(meta) + "\n")
    for form in "1234567":
        put("tsv", "\n".join(meta + [r for r in rows if r.split("\t")[0] == form]) + "\n")
    put("tsv", "3\t1.4\t1.902\n3\t1.4\t1.902\n9\t1\t5\n3\t1.4\tabc\n")

    # printed: the whole source document, and each form as copied from Word.
    put("printed", SOURCE)
    parts = SOURCE.split("Biểu mẫu")
    for part in parts[1:]:
        put("printed", "Biểu mẫu" + part)

    # decode: the sample in each encoding a file can come in.
    put("decode", SAMPLE)
    put("decode", b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    put("decode", b"\xff\xfe" + SAMPLE.encode("utf-16-le"))
    put("decode", b"\xfe\xff" + SAMPLE.encode("utf-16-be"))
    put("decode", SAMPLE.encode("utf-16-le"))
    put("decode", "Số liệu".encode("cp1258", errors="replace"))
    put("decode", b"S\xf4 li\xea\xf2u\r\n3\t1.4\t1.902\r\n")

    # json and findings: the consumer documents.
    consumers = ROOT / "tests/consumers"
    for path in sorted(consumers.glob("*.json")) + sorted(consumers.glob("*/*.json")):
        if path.name.startswith("package"):
            continue
        target = "findings_json" if "findings" in path.name else "json"
        put(target, path.read_bytes())
    put("findings_json", "[]")

    # meta: the sample's lines and the other ways of writing them.
    put("meta", "\n".join(meta) + "\n")
    for line in ["#! period: 2023 Q3", "#! kỳ báo cáo: Quý III năm 2023", "#! level: province",
                 "#! cấp: tỉnh", "#! body: UBND tỉnh Bắc Giang", "#! period: 6 tháng 2025",
                 "#! level: district\n#! period: Q1 2026", "#! period: năm 2024",
                 "#! template: 581/BNV-CCHC/2022", "#! unknown: x", "#! period: Q5 2023"]:
        put("meta", line + "\n")

    # report: structured input (bytes that `arbitrary` reads), fixed pseudo-random.
    generator = random.Random(14)
    for size in [0, 8, 16, 32, 64, 128, 256, 512] * 4:
        put("report", bytes(generator.randrange(256) for _ in range(size)))

    # across: structured input too (several reports, a seed for a valid
    # series), longer, since each report takes its share of the bytes.
    generator = random.Random(15)
    for size in [0, 64, 256, 1024, 2048, 4096] * 4:
        put("across", bytes(generator.randrange(256) for _ in range(size)))

    # docx, xlsx: the office fixtures (tests/data/office/), as their makers
    # saved them and re-zipped with stored parts, whose XML a mutation
    # reaches directly.
    office_seeds()


def stored(data):
    """The zip file's parts re-zipped without compression."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def office_seeds():
    office = ROOT / "tests" / "data" / "office"
    for target in ("docx", "xlsx"):
        for path in sorted(office.glob(f"*.{target}")):
            data = path.read_bytes()
            put(target, data)
            if path.name in ("sheet_per_form.xlsx", "bad_cells.xlsx"):
                put(target, stored(data))


if __name__ == "__main__":
    main()
