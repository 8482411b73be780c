"""Jinja2 templates of the report, kept in a module so they ship with the package.

Autoescape is on for every template (see :func:`pipeline.outputs.report.render.environment`): release strings are
always text, never markup. Only ``text_html`` (escaped piece by piece in highlight.py) is marked safe.
"""

from __future__ import annotations

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#222;
  background:#fafafa;line-height:1.45}
header{background:#16324f;color:#fff;padding:.8rem 1.5rem}
header a{color:#cfe3ff}
header h1{margin:.1rem 0;font-size:1.35rem}
main{max-width:1150px;margin:0 auto;padding:1rem 1.5rem 3rem}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:.6rem 1.1rem 1rem;margin:1rem 0}
h2{font-size:1.1rem;margin:.4rem 0 .6rem;color:#16324f}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid #eee;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f6f9}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;flex-wrap:wrap;gap:.6rem}
.card{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:.4rem .9rem;min-width:7rem}
.card b{display:block;font-size:1.4rem;color:#16324f}
.chart{max-width:100%;height:auto;display:block;margin:.4rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
.empty{color:#888;font-style:italic}
.muted{color:#777;font-size:.85rem}
.doc-text{white-space:pre-wrap;font-size:.98rem;line-height:1.9;background:#fff}
.para.sec-title{font-weight:bold;font-size:1.1rem}
.para.sec-subtitle{font-style:italic}
.para.sec-footnote{font-size:.88rem;color:#444}
mark.ent{padding:.05em .2em;border-radius:.25em;color:inherit}
mark.ent .label{font-size:.62em;font-weight:bold;margin-left:.3em;vertical-align:middle;opacity:.75}
.claim-speaker{border-bottom:3px solid #2a9d8f}
.claim-cue{background:#2a9d8f;color:#fff;border-radius:.2em;padding:0 .15em}
.claim-cue .label{font-size:.65em;font-weight:bold;margin-left:.25em;vertical-align:super}
.claim-content{background:#e8f6f3;border-bottom:1px dashed #2a9d8f}
.legend span{display:inline-block;margin:.15rem .4rem .15rem 0;padding:.05rem .45rem;border-radius:.25em;
  font-size:.85rem}
dl.meta{display:grid;grid-template-columns:9rem 1fr;gap:.15rem .8rem;margin:0}
dl.meta dt{font-weight:bold;color:#555}
dl.meta dd{margin:0;overflow-wrap:anywhere}
"""

BASE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{% endblock %} · mofa-extract</title>
<link rel="stylesheet" href="{{ root }}style.css">
</head>
<body>
<header>{% block header %}{% endblock %}</header>
<main>
{% block main %}{% endblock %}
</main>
</body>
</html>
"""

INDEX = """{% extends "base.html" %}
{% block title %}Corpus report{% endblock %}
{% block header %}<h1>mofa-extract · corpus at a glance</h1>
<div class="muted" style="color:#cfe3ff">{{ c.counts.documents }} documents{% if period %}, {{ period }}{% endif %}.
Tables: <code>processed/*.parquet</code>, <code>*.csv</code>, <code>datapackage.json</code>,
<code>mofa.duckdb</code>.</div>{% endblock %}
{% block main %}
<section id="counts"><h2>Counts</h2>
<div class="cards">
{% for name, n in c.counts.items() %}<div class="card"><b>{{ n }}</b>{{ name }}</div>{% endfor %}
</div>
<p class="muted">Inputs in the last run: {% for s, n in c.inputs.items() %}{{ s }} {{ n }}{% if not loop.last %},
{% endif %}{% endfor %}.</p>
</section>

<section id="by-month"><h2>Documents by month and category</h2>
{% if c.by_month %}
<img class="chart" src="charts/documents_by_month.svg" alt="Bar chart of documents by month and category">
<table><thead><tr><th>month</th>{% for cat in c.categories %}<th class="n">{{ cat }}</th>{% endfor %}
<th class="n">total</th></tr></thead><tbody>
{% for r in c.by_month %}<tr><td>{{ r.month }}</td>{% for n in r.counts %}<td class="n">{{ n }}</td>{% endfor %}
<td class="n">{{ r.total }}</td></tr>{% endfor %}
</tbody></table>
{% else %}<p class="empty">No documents.</p>{% endif %}
</section>

<div class="grid">
<section id="economies"><h2>Economies most mentioned</h2>
{% if c.economies %}
<img class="chart" src="charts/economies.svg" alt="Bar chart of the economies most mentioned">
<table><thead><tr><th>economy</th><th>code</th><th class="n">mentions</th><th class="n">documents</th></tr></thead>
<tbody>{% for e in c.economies[:top] %}<tr><td>{{ e.name }}</td><td>{{ e.id }}</td><td class="n">{{ e.mentions }}</td>
<td class="n">{{ e.documents }}</td></tr>{% endfor %}</tbody></table>
{% if c.economies|length > top %}<p class="muted">{{ c.economies|length - top }} more in the economy_mentions_by_month
view of mofa.duckdb.</p>{% endif %}
{% else %}<p class="empty">No economy mentioned yet.</p>{% endif %}
</section>

<section id="people"><h2>People by number of claims</h2>
{% if c.people %}
{% if has_people_chart %}<img class="chart" src="charts/people.svg" alt="Bar chart of people by number of claims">
{% endif %}
<table><thead><tr><th>person</th><th>titles</th><th>economy</th><th class="n">claims</th><th class="n">mentions</th>
</tr></thead><tbody>{% for p in c.people[:top] %}<tr><td>{{ p.name }}</td><td>{{ p.titles|join("; ") }}</td>
<td>{{ p.economy }}</td><td class="n">{{ p.claims }}</td><td class="n">{{ p.mentions }}</td></tr>{% endfor %}
</tbody></table>
{% else %}<p class="empty">No person found yet.</p>{% endif %}
{% if c.speakers %}<h2>All speakers (people, economies, organisations, collectives)</h2>
<table><thead><tr><th>speaker</th><th>kind</th><th class="n">claims</th></tr></thead><tbody>
{% for s in c.speakers[:top] %}<tr><td>{{ s.name }}</td><td>{{ s.kind }}</td><td class="n">{{ s.claims }}</td></tr>
{% endfor %}</tbody></table>{% endif %}
</section>
</div>

<section id="initiatives"><h2>Initiatives with lead and endorsing economies</h2>
{% if c.initiatives %}
<table><thead><tr><th>initiative</th><th>acronym</th><th>lead</th><th>endorsed by</th><th class="n">documents</th>
</tr></thead><tbody>{% for i in c.initiatives %}<tr><td>{{ i.name }}</td><td>{{ i.acronym or "" }}</td>
<td>{{ i.lead|join(", ") }}</td><td>{{ i.endorse|join(", ") }}</td><td class="n">{{ i.documents }}</td></tr>
{% endfor %}</tbody></table>
{% else %}<p class="empty">No initiative found yet.</p>{% endif %}
</section>

<section id="network"><h2>Co-mention network of economies and initiatives</h2>
{% if c.network.edges %}
<p class="muted">Two nodes are joined when they are named in the same sentence (or linked as lead/endorser);
line width grows with the number of such sentences; node size with mentions.{% if c.network.nodes|length > 40 %}
The 40 most connected nodes are drawn.{% endif %}</p>
<img class="chart" src="charts/network.svg" alt="Network of economies and initiatives mentioned together">
<details><summary>Strongest links</summary><table><thead><tr><th>between</th><th>and</th>
<th class="n">sentences</th></tr></thead><tbody>{% for e in c.network.edges[:top] %}<tr>
<td>{{ node_names[e.a] }}</td><td>{{ node_names[e.b] }}</td><td class="n">{{ e.weight }}</td></tr>{% endfor %}
</tbody></table></details>
{% else %}<p class="empty">No economies or initiatives named together yet.</p>{% endif %}
</section>

<section id="documents"><h2>Documents</h2>
{% if c.documents %}
<table><thead><tr><th>published</th><th>category</th><th>title</th><th class="n">sentences</th>
<th class="n">mentions</th><th class="n">claims</th></tr></thead><tbody>
{% for d in c.documents %}<tr><td>{{ d.published or "" }}</td><td>{{ d.category or "" }}</td>
<td><a href="doc/{{ d.file }}">{{ d.title }}</a></td><td class="n">{{ d.sentences }}</td>
<td class="n">{{ d.mentions }}</td><td class="n">{{ d.claims }}</td></tr>{% endfor %}
</tbody></table>
{% else %}<p class="empty">No documents.</p>{% endif %}
</section>

<section id="rejected"><h2>Rejected inputs</h2>
{% if c.rejected_inputs %}
<table><thead><tr><th>input</th><th>reason</th></tr></thead><tbody>
{% for r in c.rejected_inputs %}<tr><td>{{ r.source }}</td><td>{{ r.reason }}</td></tr>{% endfor %}
</tbody></table>
{% else %}<p class="empty">No input was rejected.</p>{% endif %}
{% if c.rejects %}<h2>Every reject (inputs, feed items, records failing validation)</h2>
<table><thead><tr><th>source</th><th>stage</th><th>reason</th></tr></thead><tbody>
{% for r in c.rejects %}<tr><td>{{ r.source }}</td><td>{{ r.stage }}</td><td>{{ r.reason }}</td></tr>{% endfor %}
</tbody></table>{% endif %}
</section>
{% endblock %}
"""

DOC = """{% extends "base.html" %}
{% block title %}{{ d.doc.title }}{% endblock %}
{% block header %}<a href="../index.html">← corpus report</a>
<h1>{{ d.doc.title }}</h1>{% if d.doc.subtitle %}<div>{{ d.doc.subtitle }}</div>{% endif %}{% endblock %}
{% block main %}
<section id="metadata"><h2>Metadata</h2>
<dl class="meta">
<dt>published</dt><dd>{{ d.doc.published or "" }}</dd>
<dt>category</dt><dd>{{ d.doc.category or "" }}</dd>
<dt>original</dt><dd>{% if d.link %}<a href="{{ d.link }}" rel="noopener noreferrer">{{ d.url }}</a>
{% elif d.url %}{{ d.url }}{% else %}<span class="empty">no URL</span>{% endif %}</dd>
<dt>source file</dt><dd>{{ d.doc.source }}</dd>
<dt>input format</dt><dd>{{ d.doc.input_format }}</dd>
<dt>hits</dt><dd>{{ d.doc.hits if d.doc.hits is not none else "" }}</dd>
<dt>language</dt><dd>{{ d.doc.language }}</dd>
<dt>sentences</dt><dd>{{ d.doc.n_sentences }}</dd>
<dt>doc_id</dt><dd><code>{{ d.doc.doc_id }}</code></dd>
<dt>sha256</dt><dd><code>{{ d.doc.sha256 }}</code></dd>
</dl>
</section>

<section id="text"><h2>Text</h2>
<div class="legend" id="legend">{% for k in kinds %}<span class="ent-{{ k }}">{{ k }}</span>{% endfor %}
<span class="claim-speaker">claim speaker</span> <span class="claim-cue">cue</span>
<span class="claim-content">claim content</span></div>
<div class="doc-text">{{ d.text_html }}</div>
</section>

<section id="claims"><h2>Claims</h2>
{% if d.claims %}
<table><thead><tr><th>#</th><th>speaker</th><th>cue</th><th>type</th><th>content</th><th>addressees</th>
<th>economies</th><th>initiatives</th></tr></thead><tbody>
{% for c in d.claims %}<tr><td><a href="#{{ c.anchor }}">{{ c.tag }}</a></td>
<td>{{ c.speaker }}{% if c.speaker_text and c.speaker_text != c.speaker %}<div class="muted">as “{{ c.speaker_text }}”
</div>{% endif %}<div class="muted">{{ c.speaker_kind }}</div></td>
<td>{{ c.cue }}</td><td>{{ c.type }}{% if c.future %} (future){% endif %}</td><td>{{ c.content }}</td>
<td>{{ c.addressees|join(", ") }}</td><td>{{ c.economies|join(", ") }}</td><td>{{ c.initiatives|join(", ") }}</td>
</tr>{% endfor %}</tbody></table>
{% else %}<p class="empty">No claim found in this document.</p>{% endif %}
</section>

<div class="grid">
<section id="people"><h2>People</h2>
{% if d.people %}<table><thead><tr><th>name</th><th>titles</th><th>economy</th><th class="n">mentions</th>
<th class="n">claims</th></tr></thead><tbody>{% for p in d.people %}<tr><td>{{ p.name }}</td>
<td>{{ p.titles|join("; ") }}</td><td>{{ p.economy }}</td><td class="n">{{ p.mentions }}</td>
<td class="n">{{ p.claims }}</td></tr>{% endfor %}</tbody></table>
{% else %}<p class="empty">None found.</p>{% endif %}
</section>
<section id="economies"><h2>Economies</h2>
{% if d.economies %}<table><thead><tr><th>economy</th><th>code</th><th class="n">mentions</th></tr></thead><tbody>
{% for e in d.economies %}<tr><td>{{ e.name }}</td><td>{{ e.id }}</td><td class="n">{{ e.mentions }}</td></tr>
{% endfor %}</tbody></table>{% else %}<p class="empty">None found.</p>{% endif %}
</section>
<section id="initiatives"><h2>Initiatives</h2>
{% if d.initiatives %}<table><thead><tr><th>initiative</th><th>lead</th><th>endorsed by</th><th class="n">mentions</th>
</tr></thead><tbody>{% for i in d.initiatives %}<tr><td>{{ i.name }}</td><td>{{ i.lead|join(", ") }}</td>
<td>{{ i.endorse|join(", ") }}</td><td class="n">{{ i.mentions }}</td></tr>{% endfor %}</tbody></table>
{% else %}<p class="empty">None found.</p>{% endif %}
</section>
<section id="events"><h2>Events</h2>
{% if d.events %}<table><thead><tr><th>event</th><th class="n">no.</th><th>date</th><th>place</th><th>host</th>
</tr></thead><tbody>{% for e in d.events %}<tr><td>{{ e.name }}{% if e.acronym %} ({{ e.acronym }}){% endif %}</td>
<td class="n">{{ e.ordinal or "" }}</td><td>{{ e.date or "" }}</td><td>{{ e.location or "" }}</td>
<td>{{ e.economy }}</td></tr>{% endfor %}</tbody></table>{% else %}<p class="empty">None found.</p>{% endif %}
</section>
<section id="organizations"><h2>Organisations</h2>
{% if d.organizations %}<table><thead><tr><th>organisation</th><th class="n">mentions</th></tr></thead><tbody>
{% for o in d.organizations %}<tr><td>{{ o.name }}</td><td class="n">{{ o.mentions }}</td></tr>{% endfor %}
</tbody></table>{% else %}<p class="empty">None found.</p>{% endif %}
</section>
<section id="places-dates"><h2>Places and dates</h2>
{% if d.locations or d.dates %}<table><thead><tr><th>kind</th><th>value</th><th class="n">mentions</th></tr></thead>
<tbody>{% for r in d.locations %}<tr><td>location</td><td>{{ r.name }}</td><td class="n">{{ r.mentions }}</td></tr>
{% endfor %}{% for r in d.dates %}<tr><td>date</td><td>{{ r.name }}</td><td class="n">{{ r.mentions }}</td></tr>
{% endfor %}</tbody></table>{% else %}<p class="empty">None found.</p>{% endif %}
</section>
</div>
{% endblock %}
"""
