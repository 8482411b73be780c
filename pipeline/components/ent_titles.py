"""Titles of office: the grammar of a title read from the text, the state organs and expert titles written
around it, and how two titles compare. A title says what office someone holds; whose name goes with it is
:mod:`pipeline.components.ent_people`'s business.

Grammar of a title (words from ``title_lexicon.tsv``)::

    TITLE := [ECONOMY] ["former"] UNIT ("and" UNIT)*
    UNIT  := (RANK | MODIFIER)* HEAD [("of" | "for") ["the"] DOMAIN+ (("and" | ",") DOMAIN+)*] ["of" ECONOMY]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.components.ent_common import DocView, is_acronym, org_head_after, view_of, word_at
from pipeline.components.ent_lexicon import Lexicon

_FILLER = {"of", "for", "the", "and", "affairs", "former", "&"}
#: Title heads too common in lower case to open a news-style title ("the general public", "head office", "member").
_LOWER_NOT_HEADS = frozenset({"General", "Head", "Member", "Officer", "Chair", "Chief", "Speaker", "Counselor",
                              "Counsellor", "Administrator", "Co-Chair"})

#: Nouns closing the field of an office ("for Refugee Affairs", "for Human Rights Issues", "for Arctic Policy").
_FIELD_ENDS = frozenset({"Affairs", "Issues", "Policy", "Relations"})

#: What may follow a lower-case title in apposition after a name ("NAME, director general at the ministry, said").
APPOSITION_ENDS = frozenset({",", ".", ";", ")", "at", "of", "in", "who", "and", "since", "from", "with"})


def _cap(word: str) -> str:
    """'director-general' -> 'Director-General': a lower-case title word in its lexicon form."""
    return "-".join(p if p == "elect" else p[:1].upper() + p[1:] for p in word.split("-"))



@dataclass
class Title:
    start: int  # first token of the title proper (after an economy prefix)
    end: int
    text: str
    economy: str | None
    units: list[tuple[str, frozenset[str], frozenset[str]]]  # (head, ranks, content words)
    prefix_start: int  # first token including an economy prefix / "the"
    former: bool = False
    counterpart: str | None = None  # "Ambassador to Korea": the state an envoy is sent to
    private: bool = False  # an institution's office: no default economy
    offices: list[str] = field(default_factory=list)  # the separate offices joined by "and" (else [text])

    def strings(self) -> list[str]:
        """The title's offices as written in a person's titles ('former ' kept)."""
        return [("former " if self.former else "") + t for t in (self.offices or [self.text])]


@dataclass
class _Unit:
    """One office of a title: where it ends, where its text ends (before "of ECONOMY") and its parts."""

    end: int
    text_end: int
    spec: tuple[str, frozenset[str], frozenset[str]]
    economy: str | None = None
    counterpart: str | None = None
    counterpart_text: str | None = None
    closed: bool = False  # ended by "of ECONOMY" / "to ECONOMY": no further "and" unit
    private: bool = False  # "Director of the X Institute": an office of an institution, not of a state



class TitleParser:
    """Reads titles with the lexicon's title words; stateless apart from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def _unit(self, doc: DocView, i: int, econ_at: dict[int, tuple[int, str]],
              org_at: dict[int, int] | None = None, lower: bool = False) -> _Unit | None:
        """One office from token i; ``lower``: the news style's lower-case title ('foreign minister', 'director
        general for Asia and Pacific affairs'), read through the capitalised forms of its words."""
        lex = self.lex
        j, head, ranks, content = i, None, set(), set()
        while j < len(doc):
            word, nxt = word_at(doc, j)
            if lower:
                if not doc.texts[j].islower() or (j == i and _cap(word) in _LOWER_NOT_HEADS):
                    break
                word = _cap(word)
            roles = lex.roles(word)
            if not roles or not (lower or doc.caps[j]):
                break
            if "head" in roles and (head is None or ("rank" not in roles and "modifier" not in roles)):
                head = word
            elif "rank" in roles:
                ranks.add(word.lower())
            elif "modifier" in roles or "domain" in roles:
                content.add(word.lower())
            else:
                break
            j = nxt
            following = word_at(doc, j)[0] if j < len(doc) else ""
            following = _cap(following) if lower and following.islower() else following
            if head is not None and not (j < len(doc) and "head" in lex.roles(following)):
                break
        if head is None:
            return None
        # "of"/"for" + domain phrase (title words or topic words: "for Humanitarian Assistance"), then maybe a second
        # "for" phrase ("Assistant Secretary of State for East Asian Affairs")
        complements = 0
        while complements < 2 and j + 1 < len(doc) and doc.lowers[j] in ("for",) + (() if complements else ("of",)) \
                and not (doc.lowers[j] == "of" and self._institution_at(doc, j + 1)):
            k = j + 1
            if k < len(doc) and doc.lowers[k] == "the":
                k += 1
            words: list[str] = []
            m = k
            while m < len(doc):
                word, nxt = word_at(doc, m)
                if lower and doc.texts[m].islower():
                    word = _cap(word)  # "director general for Asia and Pacific affairs"
                if (self._domain(word) or self._plural_domain(doc, m) or self._field_before_affairs(doc, m, econ_at)) \
                        and (doc.caps[m] or lower) and m not in econ_at:
                    words.append(word.lower())
                    m = nxt
                elif org_at and m in org_at and org_at[m] - m == 1 and is_acronym(doc.texts[m]) \
                        and org_at[m] < len(doc) and self._domain(word_at(doc, org_at[m])[0]):
                    words.append(doc.texts[m])  # "Ambassador for ASEAN Affairs": a body's acronym in the domain
                    m = org_at[m]
                elif doc.texts[m] in ("and", ",", "&") and m + 1 < len(doc) and self._domain(
                        _cap(word_at(doc, m + 1)[0]) if lower else word_at(doc, m + 1)[0]) \
                        and (doc.caps[m + 1] or lower) and m + 1 not in econ_at:
                    m += 1
                else:
                    break
            if not words:
                break
            content.update(words)
            j = m
            complements += 1
        unit = _Unit(j, j, (head, frozenset(ranks), frozenset(content)))
        if "local" in lex.roles(head) and j + 1 < len(doc) and doc.lowers[j] == "of":
            area_end = self._local_area(doc, j + 1, econ_at)
            if area_end is not None:  # "Mayor of Busan", "Governor of Chungcheongbuk-do Province": a local office
                unit.counterpart_text = doc[j:area_end].text
                unit.end = area_end
                unit.closed = True
                return unit
        # "Special Envoy for Myanmar": the state an office deals with is part of its text, not its holder's state
        if j + 1 < len(doc) and doc.lowers[j] == "for" and j + 1 in econ_at and not content:
            end = econ_at[j + 1][0]
            while end < len(doc) and (doc.caps[end] or lower) and end not in econ_at \
                    and self._domain(_cap(word_at(doc, end)[0]) if lower else word_at(doc, end)[0]):
                end = word_at(doc, end)[1]  # "Special Representative for North Korea Policy"
            unit.counterpart_text = doc[j:end].text
            unit.end = end
            unit.closed = True
            return unit
        k = j + 1 + (1 if j + 1 < len(doc) and doc.lowers[j + 1] == "the" else 0)
        if j + 1 < len(doc) and doc.lowers[j] == "of" and org_at and k in org_at and not content:
            # "Secretary-General of ASEAN", "Director-General of the IAEA": an international body's office
            unit.counterpart_text = doc[j:org_at[k]].text
            unit.end = org_at[k]
            unit.closed = True
            unit.private = True
            return unit
        if j + 1 < len(doc) and doc.lowers[j] in ("of", "at") and self._org_name_at(doc, j + 1):
            unit.private = True  # "Director of the Korea Institute for X": an institution's office, no state's
            return unit
        # "of ECONOMY": the holder's economy, not part of the title text
        if j + 1 < len(doc) and doc.lowers[j] == "of":
            k = j + 1 + (1 if doc.lowers[j + 1] == "the" else 0)
            if k in econ_at:
                unit.economy = econ_at[k][1]
                unit.end = econ_at[k][0]
                unit.closed = True
        # "to ECONOMY" after an envoy's title: the state it is sent to, the counterpart
        k = unit.end
        if "envoy" in lex.roles(head) and k + 1 < len(doc) and doc.lowers[k] == "to":
            m = k + 1 + (1 if doc.lowers[k + 1] == "the" else 0)
            # "Ambassador of the Republic of Korea to Kenya": with a destination, the sender's "of X" is part of the
            # formal title, so the text runs from the "of" (else from the "to")
            tail = unit.text_end if unit.economy is not None else k
            if m in econ_at:
                unit.counterpart = econ_at[m][1]
                unit.counterpart_text = doc[tail:econ_at[m][0]].text
                unit.end = econ_at[m][0]
                unit.closed = True
            elif org_at and m in org_at:  # "Ambassador to the United Nations"
                unit.counterpart_text = doc[tail:org_at[m]].text
                unit.end = org_at[m]
                unit.closed = True
        return unit

    def _local_area(self, doc: DocView, k: int, econ_at: dict[int, tuple[int, str]]) -> int | None:
        """End of the city or province named from token k: a known place and/or capitalised words up to an
        administrative head ("Daejeon Metropolitan City", "Jeonbuk State"); None when there is neither."""
        last, m, n = None, k, 0
        while m < len(doc) and doc.caps[m] and m not in econ_at and n < 5:
            word, nxt = word_at(doc, m)
            if "admin" in self.lex.roles(word) or (m == k and word in self.lex.locations):
                last = nxt
            m, n = nxt, n + 1
        return last

    def _institution_at(self, doc: DocView, k: int) -> bool:
        """'of the National Assembly', 'of the Asian Development Bank': a short capitalised name ending in an
        organisation's head after an office's 'of' names an institution, not the office's field (whose words
        'National', 'Development' may be)."""
        if k < len(doc) and doc.lowers[k] == "the":
            k += 1
        head = org_head_after(doc, k, self.lex.org_heads, max_len=5)
        return head is not None and all(doc.caps[m] for m in range(k, head)) \
            and not any(e.label_ == "PERSON" and k <= e.start <= head for e in doc.ents)

    def _org_name_at(self, doc: DocView, k: int) -> bool:
        """A capitalised organisation name from token k, after "the" ("the Korea Institute for X")."""
        if k < len(doc) and doc.lowers[k] == "the":
            k += 1
        return org_head_after(doc, k, self.lex.org_heads) is not None

    def _domain(self, word: str) -> bool:
        return "domain" in self.lex.roles(word) or self.lex.is_common(word)

    @staticmethod
    def _field_before_affairs(doc: DocView, m: int, econ_at: dict[int, tuple[int, str]]) -> bool:
        """'Special Envoy for Refugee Affairs', 'Ambassador for Cyber Security Issues': any capitalised word (or two)
        before a field's closing noun is part of the field, whatever the topic; a state's name is not (its own
        rule makes it the office's counterpart)."""
        for n in range(m, min(m + 3, len(doc))):
            if not doc.caps[n] or n in econ_at:
                return False
            if n > m and doc.texts[n] in _FIELD_ENDS:
                return True
        return False

    @staticmethod
    def _plural_domain(doc: DocView, m: int) -> bool:
        """'High Commissioner for Refugees', '... for Migrants': a plural noun names a field, never a person's
        name (which the run of capitalised words after it then is)."""
        tok = doc[m]
        return tok.tag_ in ("NNPS", "NNS") and tok.text.endswith("s") and len(tok.text) > 3 \
            and m + 1 < len(doc) and doc.caps[m + 1] \
            and not any(e.start == m and e.label_ == "PERSON" for e in doc.ents)

    def title_starts(self, doc: DocView, econ_at: dict[int, tuple[int, str]]) -> list[int]:
        """The tokens a title may open at (parse_title is None elsewhere): an economy, "former" or a capitalised
        title word. A scan for titles parses only these (a few in a hundred words)."""
        return [i for i, (cap, lower) in enumerate(zip(doc.caps, doc.lowers, strict=True))
                if i in econ_at or lower == "former" or (cap and self.lex.is_title_word(word_at(doc, i)[0]))]

    def lower_title_starts(self, doc: DocView) -> set[int]:
        """Where a lower-case title may open ('foreign minister Kang', 'spokesman Noh'): a lower-case title word
        the model does not read as a verb ('head', 'chair')."""
        return {i for i, (text, lower) in enumerate(zip(doc.texts, doc.lowers, strict=True))
                if text == lower and lower.isalpha() and self.lex.is_title_word(_cap(lower))
                and doc[i].pos_ != "VERB"}

    def parse_title(self, doc: Doc | DocView, i: int, econ_at: dict[int, tuple[int, str]],
                    org_at: dict[int, int] | None = None, lower: bool = False) -> Title | None:
        """The title opening at token i (after an economy prefix, "former", "acting"); ``lower``: a lower-case
        title of the news style ('South Korea's foreign minister'), its words read capitalised."""
        doc = view_of(doc)
        if i not in econ_at and not (doc.caps[i] or lower) and doc.lowers[i] != "former":
            return None  # see title_starts
        prefix_start = i
        economy = None
        former = doc.lowers[i] == "former" and i + 1 in econ_at  # "former U.S. Ambassador to X"
        if former:
            i += 1
        if i in econ_at:
            after = econ_at[i][0]
            if after < len(doc) and doc.texts[after] in ("’s", "'s"):  # "Mexico's Ambassador to Korea"
                after += 1
            word = word_at(doc, after)[0] if after < len(doc) else ""
            if self.lex.is_title_word(word if not lower or not word.islower() else _cap(word)):
                economy = econ_at[i][1]
                i = after
        if not former and i < len(doc) and doc.lowers[i] == "former":
            former = True
            i += 1
        acting = i + 1 < len(doc) and doc.texts[i] == "acting"  # "acting Assistant Secretary": part of the title
        if acting:
            i += 1
        start = i
        units = []
        pieces: list[str] = []
        end = i
        counterpart = None
        private = False
        while True:
            unit = self._unit(doc, i, econ_at, org_at, lower)
            if unit is None:
                break
            units.append(unit.spec)
            pieces.append(doc[i:unit.text_end].text + (" " + unit.counterpart_text if unit.counterpart_text else ""))
            economy = economy or unit.economy
            counterpart = counterpart or unit.counterpart
            private = private or unit.private
            end = unit.end
            if unit.closed:
                break
            j = unit.end
            nxt_unit = self._unit(doc, j + 1, econ_at, lower=lower) \
                if j + 1 < len(doc) and doc.texts[j] == "and" else None
            if nxt_unit is not None and nxt_unit.spec != unit.spec:  # "President and President X": two people
                i = j + 1
                continue
            break
        if not units or end == start:
            return None
        text = " and ".join(pieces)
        # "Deputy Prime Minister and Minister of Foreign Affairs": two offices, each complete (a rank or a field);
        # "Spokesperson and Deputy Minister for Public Affairs" (a bare head joined to an office) is one post
        offices = pieces if len(units) > 1 and all(ranks or content for _, ranks, content in units) else [text]
        if acting:
            text, offices = "acting " + text, ["acting " + offices[0], *offices[1:]]
        if economy is None:
            for phrase, code in self.lex.title_economies.items():
                if phrase in text:
                    economy = code
        return Title(start, end, text, economy, units, prefix_start, former, counterpart, private, offices)

    # -- state organs and expert titles written around a title -----------------------------------------------
    def organ_economy(self, doc: DocView, k: int, econ_at: dict[int, tuple[int, str]]) -> str | None:
        """'of the Japanese Foreign Ministry', 'at Seoul's foreign ministry', 'at the Japanese Embassy', 'of the
        Foreign Affairs ministry of Japan': the state whose organ is named from token k (after 'of'/'at'), when
        the organ's name states one; else None."""
        if k < len(doc) and doc.lowers[k] == "the":
            k += 1
        code, m = None, k
        while m < len(doc) and m - k < 7:
            if m in econ_at:
                code = code or econ_at[m][1]
                m = econ_at[m][0]
                continue
            text = doc.texts[m]
            if code is None and m + 1 < len(doc) and doc.texts[m + 1] in ("’s", "'s") and self.lex.locations.get(text):
                code = self.lex.locations[text]  # "Seoul's foreign ministry": the capital for its state
            elif text.title() in self.lex.state_org_heads:
                after = m + 1 + (1 if m + 2 < len(doc) and doc.lowers[m + 1] == "of" else 0)
                if after > m + 1 and doc.lowers[after] == "the":
                    after += 1
                return code or (econ_at[after][1] if after > m + 1 and after in econ_at else None)
            elif not (doc.caps[m] or text in ("’s", "'s") or "modifier" in self.lex.roles(_cap(doc.lowers[m]))
                      or "domain" in self.lex.roles(_cap(doc.lowers[m]))):
                return None
            m += 1
        return None

    def organ_end(self, doc: DocView, k: int) -> int | None:
        """'foreign ministry spokesman', 'State Department spokesperson': the end of a state organ's name (modifier
        words, then an organ head) opening a lower-case title at token k, else None."""
        m = k
        while m < len(doc) and "modifier" in self.lex.roles(_cap(doc.lowers[m])) \
                and doc.texts[m] in (doc.lowers[m], _cap(doc.lowers[m])):
            m += 1
        if m + 1 < len(doc) and _cap(doc.lowers[m]) in self.lex.state_org_heads \
                and doc.texts[m] in (doc.lowers[m], _cap(doc.lowers[m])):
            if doc.texts[m + 1] in ("’s", "'s"):
                return m + 2 if m + 2 < len(doc) and doc.texts[m + 2].islower() else None  # "the ministry's X"
            if doc.texts[m + 1].islower():
                return m + 1
        return None

    def organ_prefix(self, doc: DocView, start: int,
                      econ_at: dict[int, tuple[int, str]]) -> tuple[str, str | None]:
        """'Foreign Ministry spokesman Cho', 'ministry spokesman Noh', 'State Department spokesperson X': in the news
        style the state organ written before a lower-case title is part of it ('Foreign Ministry '); the economy
        before the organ ('Russian Foreign Ministry spokeswoman') is the holder's."""
        k = start - 1
        if k < 0 or _cap(doc.lowers[k]) not in self.lex.state_org_heads or doc.texts[k] not in (
                doc.lowers[k], _cap(doc.lowers[k])):
            return "", None
        while k > 0 and "modifier" in self.lex.roles(_cap(doc.lowers[k - 1])) \
                and doc.texts[k - 1] in (doc.lowers[k - 1], _cap(doc.lowers[k - 1])):
            k -= 1
        m = k - 1 if k > 0 and doc.texts[k - 1] in ("’s", "'s") else k
        economy = next((code for s, (e, code) in econ_at.items() if e == m), None)
        return doc[k:start].text + " ", economy

    def organ_complement(self, doc: DocView, k: int,
                          econ_at: dict[int, tuple[int, str]]) -> tuple[str, int, str | None] | None:
        """'of the Japanese Foreign Ministry's Asian and Oceanian Affairs Bureau', 'of the Minjoo Party of Korea',
        'of the ministry's Korean Peninsula Peace Regime Bureau': a state organ (or a unit of one) named after an
        office in apposition is part of the title, without the state's adjective; returns (' of the ...', its end,
        the state named). The name must close the apposition (a comma, a full stop, 'who', a verb)."""
        if k + 1 >= len(doc) or doc.lowers[k] != "of":
            return None
        m = k + 1 + (1 if doc.lowers[k + 1] == "the" else 0)
        code, start = None, m
        if m in econ_at and econ_at[m][0] < len(doc) and doc.caps[econ_at[m][0]]:
            code, start = econ_at[m][1], econ_at[m][0]  # "the Japanese Foreign Ministry's": the adjective is dropped
        m, organ, last = start, False, None
        while m < len(doc) and m - start < 12:
            text = doc.texts[m]
            head = _cap(doc.lowers[m]) if text.islower() else text
            if head in self.lex.state_org_heads and (doc.caps[m] or (m + 1 < len(doc) and doc.texts[m + 1] in
                                                                      ("’s", "'s"))):
                organ = True
            elif not (doc.caps[m] or text in ("’s", "'s") or (text == "-" and not doc.spaced[m - 1]) or (
                    doc.lowers[m] in ("of", "for", "and", "on") and m + 1 < len(doc) and doc.caps[m + 1])):
                break
            if doc.caps[m]:
                last = m + 1
                if m in econ_at:
                    code = code or econ_at[m][1]
            m += 1
        closes = doc[last - 1].text in self.lex.org_heads or any(s < last <= e for s, (e, _) in econ_at.items()) \
            if last is not None else False
        if not organ or last != m or not closes:
            return None
        if last < len(doc) and doc.lowers[last] not in APPOSITION_ENDS and doc[last].pos_ not in ("VERB", "AUX"):
            return None
        the = "the " if doc.lowers[k + 1] == "the" else ""
        return " of " + the + doc[start:last].text, last, code

    def expert_title(self, doc: DocView, k: int) -> tuple[str, int] | None:
        """'a senior fellow at', 'professor of', 'director of the X': lower-case words ending in an expert head,
        then a preposition or the clause's end."""
        if k < len(doc) and doc.lowers[k] in ("a", "an", "the"):
            k += 1
        words: list[str] = []
        m = k
        while m < len(doc) and len(words) < 4 and doc.texts[m].islower():
            word, nxt = word_at(doc, m)
            if word in self.lex.expert_heads:
                words.append(word)
                after = doc.lowers[nxt] if nxt < len(doc) else "."
                if after in ("at", "of", "with", "from", "in", ",", ".", "for", "and", ";"):
                    return " ".join(words), nxt
                if word not in self.lex.expert_mods:
                    return None
            elif word in self.lex.expert_mods:
                words.append(word)
            else:
                return None
            m = nxt
        return None

    # -- comparing titles ----------------------------------------------------------------------------------------
    def compatible(self, title: Title | None, titles: list[str]) -> bool:
        """A short title fits a full one: same head and rank, its content words a subset."""
        if title is None:
            return True
        for text in titles:
            for head, ranks, content in self._units_of(text):
                for h2, r2, c2 in title.units:
                    if h2 == head and r2 == ranks and c2 <= content:
                        return True
        return False

    def _units_of(self, text: str) -> list[tuple[str, frozenset[str], frozenset[str]]]:
        units = []
        for part in re.split(r"\band\b(?= [A-Z][a-z]+ (?:[A-Z]|of|for))", text):
            words = part.replace(",", " ").split()
            heads = [w for w in words if "head" in self.lex.roles(w)]
            if not heads:
                continue
            ranks = frozenset(w.lower() for w in words
                              if "rank" in self.lex.roles(w) and "head" not in self.lex.roles(w))
            content = frozenset(w.lower() for w in words if w.lower() not in _FILLER and w not in heads
                                and w.lower() not in ranks)
            units.append((heads[-1] if heads[0] not in ("Minister", "Secretary") else heads[0], ranks, content))
        return units

    def reduce_titles(self, titles: list[str]) -> list[str]:
        """Drop a title that a fuller one of the same office subsumes ('Trade Minister' under 'Minister for
        Trade'); keep text order otherwise."""
        unique = list(dict.fromkeys(titles))
        keep = []
        for t in unique:
            units = self._units_of(t)
            subsumed = False
            for other in unique:
                if other == t or other.startswith("former ") != t.startswith("former "):
                    continue
                o_units = self._units_of(other)
                if len(units) == 1 and len(o_units) >= 1 and all(any(
                        h == h2 and r == r2 and c <= c2 for h2, r2, c2 in o_units) for h, r, c in units):
                    formal = " of " in other or " for " in other
                    if len(o_units) > 1 or units[0][2] < o_units[0][2] or (formal and " of " not in t
                                                                           and " for " not in t):
                        subsumed = True
            if not subsumed:
                keep.append(t)
        return keep
