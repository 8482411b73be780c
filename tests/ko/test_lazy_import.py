"""English extraction and importing the pipeline package must never load kiwi (a ~0.5 GB, 1-2.5 s analyser)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_english_extraction_never_imports_kiwi():
    code = textwrap.dedent("""
        import sys, datetime as dt
        import pipeline, pipeline.ko, pipeline.ko.extract, pipeline.cli  # noqa: F401
        from pipeline.stages.nlp import build_nlp
        from pipeline.stages.extract import extract_all
        from schemas.models import CleanDocument, Paragraph
        text = "Foreign Minister Kim met the Secretary of State in Seoul and stressed cooperation."
        cdoc = CleanDocument(doc_id="d1", source="t.txt", sha256="0", input_format="text", title="t",
                             language="en", text=text, published=dt.date(2030, 1, 2),
                             paragraphs=[Paragraph(paragraph_id=0, section="body", start=0, end=len(text))])
        (result,) = extract_all(build_nlp(), [cdoc])
        assert result.sentences, result
        assert "kiwipiepy" not in sys.modules, "kiwipiepy imported by the English path"
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_building_the_korean_pipeline_does_not_load_kiwi():
    code = ("import sys; from pipeline.ko.extract import build_ko_nlp; nlp = build_ko_nlp(); "
            "assert 'kiwipiepy' not in sys.modules; nlp.make_doc('시험 문장'); "
            "assert 'kiwipiepy' in sys.modules; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
