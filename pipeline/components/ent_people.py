"""People: names read after their titles (or in apposition, or as the model's PERSON), short forms and
title-only descriptions resolved to the full person of the document. Titles themselves are read by
:class:`pipeline.components.ent_titles.TitleParser`.

A name is the run of capitalised words after a title (hyphenated pieces joined: "Tae-yul"). Korean,
Chinese and Japanese names are family name first (first word in ``east_asian_family_names.txt``, or a
two-word name whose second word has the Korean hyphenated shape); others are given name first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.components.ent_common import DocView, Found, in_headline, is_acronym, org_head_after, view_of, word_at
from pipeline.components.ent_lexicon import Lexicon
from pipeline.components.ent_officials import load_record, load_words
from pipeline.components.ent_titles import APPOSITION_ENDS, Title, TitleParser
from pipeline.engine import ids
from schemas.models import Person

_NOT_NAME = {"The", "He", "She", "It", "This", "That", "In", "On", "At", "As", "And", "With", "For", "By",
             "January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
             "Sept.", "Oct.", "Nov.", "Dec.", "Mr.", "Ms.", "Mrs.", "Dr.",
             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
#: Honorifics before a name, never part of it ("H.E. Mr. Kim", "Amb. Lee", "Madam Park"); "Amb" and "Prof" come
#: with their period as a token of its own.
_HONORIFIC = {"Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr", "H.E.", "H.E", "Amb.", "Amb", "Prof.", "Prof",
              "Madam", "Madame", "Mme", "Mme.", "Excellency"}
#: Words closing a capitalised name that is a title word too ("Robert King, Special Envoy"): the title word stays in
#: the name when what follows cannot continue a title.
_TITLE_CONTINUES = frozenset({"of", "for", "to", "and", "at", "on", "in", "&", "-", "’s", "'s"})
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
_CAMEL = re.compile(r"^([A-Z][a-z]+)([A-Z][a-z]+)$")
_VERB_ENDINGS = ("ed", "es", "ing")
_INITIAL = re.compile(r"^[A-Z]\.$")
#: Lower-case words between a name's comma and its title ("Marco Rubio, newly appointed Secretary of State").
_TITLE_LEAD = frozenset({"newly", "recently", "appointed", "elected", "designated", "incoming", "outgoing", "current",
                         "new", "then", "the"})
# A given name after an East Asian family name is made of romanised syllables (Korean, pinyin, Japanese): "Inkyo",
# "Hyun", "Jinping", "Toshimitsu"; a word that is none ("Hourn", "Said") makes no East Asian name of itself.
_SYLLABLE = r"(?:kk|tt|pp|ss|jj|ch|sh|zh|ts|g|k|n|d|t|r|l|m|b|p|s|j|h|y|w|q|x|z|c|f)?" \
            r"(?:yae|yeo|wae|iao|iang|ian|ia|iu|uan|uo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|ai|ei|ao|" \
            r"a|e|o|u|i)(?:ng|k|n|t|l|m|p)?"
_SYLLABLES = re.compile(rf"^(?:{_SYLLABLE})+$")


@dataclass
class Candidate:
    start: int
    end: int
    words: list[str]
    title: Title | None
    economy: str | None = None
    titles: list[str] = field(default_factory=list)
    descriptor: bool = False  # "the Foreign Minister": a title with no name
    org_title: bool = False  # "UN Secretary-General": an organisation's office, no default economy
    private: bool = False  # "a senior fellow at X": a title outside government, no default economy
    counterpart: str | None = None  # "Ambassador to Korea": never the holder's own economy by default
    shared_economy: bool = False  # taken from a coordinated holder's "of X", not stated for this one



#: Verbs of holding or being given an office, between "who" and "as" ("who has served as", "who was named as").
_ROLE_VERBS = frozenset({"has", "had", "have", "was", "is", "been", "served", "serves", "serving", "appointed",
                         "named", "elected", "designated", "nominated", "acted", "acts", "worked", "works"})

#: Footnote markers written right after a name ("Park Sun-hee*").
_FOOTNOTE_MARKS = frozenset({"*", "**", "***", "※"})


class PeopleFinder:
    """Names and their resolution, per document: :meth:`candidates` reads every mention of a person (a name with
    its titles, read by ``self.titles``, or a title alone), :meth:`resolve` makes them one person per human.
    Stateless apart from the lexicon and the record of office holders."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.titles = TitleParser(lex)
        self.record = load_record()
        self.non_person_kinds = load_words("non_person_kinds.txt")
        #: the written forms of international bodies and groupings ("UN", "World Health Organization", "ASEAN"); a
        #: body whose name opens with a state's ("Korea International Cooperation Agency") is that state's agency
        self.intl_bodies = frozenset(f for o in lex.orgs if o.source in ("international_organizations", "groupings")
                                     and o.name.split()[0] not in lex.economy_names
                                     for f in (o.name, o.acronym, *o.aliases) if f)

    # -- names --------------------------------------------------------------------------------------------------
    def parse_name(self, doc: Doc | DocView, i: int, econ_at: dict[int, tuple[int, str]],
                   stop: set[int]) -> tuple[int, list[str]]:
        """The name opening at token i (honorifics skipped, at most four words, never into ``stop``): its end and
        words; no words where what stands there is no name (a month, a title word, a headline's verb)."""
        doc = view_of(doc)
        words: list[str] = []
        j = i
        while j < len(doc) and len(words) < 4 and j not in stop:
            text = doc.texts[j]
            if text in _HONORIFIC and not words:
                j += 2 if j + 1 < len(doc) and doc.texts[j + 1] == "." and not doc.spaced[j] else 1
                continue
            if not words and self._joined_title(text):
                j += 1  # "ViceMinister Kim": title words glued in the original are no name
                continue
            word, nxt = word_at(doc, j)
            # "In-chul", "On-ju": a hyphenated given name is no preposition
            if not doc.caps[j] or (text in _NOT_NAME and word == text) or j in econ_at:
                break
            if is_acronym(text) and len(text) > 1:
                word = self._capitals_name(doc, j, word, words)
                if word is None:
                    break
            tok = doc[j]
            if word in self.lex.headline_verbs and (not words or in_headline(doc, j)):
                break  # "Minister Holds Talks": a headline's verb is no name
            if word in self.lex.org_heads:
                break  # "... of the Governors Association": an organisation's head is no name word
            if (self.lex.is_title_word(word) or word in self.lex.name_heads or tok.is_punct) \
                    and not (words and self._title_word_in_name(doc, word, nxt)):
                break
            if tok.pos_ in ("VERB", "AUX") and words:
                break
            if len(words) >= 2 and word == words[0]:
                break  # "Qiu Guohong Qiu Guohong": a name written twice in a row is one name
            if not words and self.lex.is_common(word):
                break  # "Development Cooperation", "Public Diplomacy": topic words open no name
            glued = self._glued_family(word) if not words else None
            if glued is not None:  # "Minister Kangvoiced": a family name glued to the next word in the original
                words.append(glued)
                j = nxt
                break
            words.append(word)
            j = nxt
            if len(words) == 1 and word in self.lex.family_names and j + 1 < len(doc) and doc.texts[j] == ",":
                given, after = word_at(doc, j + 1)  # "Kang, Kyung-wha": the comma form of a family-first name
                if _KOREAN_GIVEN.match(given) and (after >= len(doc) or not doc.caps[after]):
                    words.append(given)
                    j = after
                    break
        if words and all(self.lex.is_common(w) for w in words):
            return i, []
        return j, words

    def _capitals_name(self, doc: DocView, j: int, word: str, words: list[str]) -> str | None:
        """'PARK Cheol Hee', 'Sergey LAVROV', 'Chancellor PARK': a family name written in capitals, in title case;
        None for an acronym. A capitals word is a family name when its title-case form is an East Asian family
        name, or when it follows a given name (three letters or more, with a vowel)."""
        if not word.replace("-", "").isalpha():
            return None
        titled = word[0] + word[1:].lower()
        if titled in self.lex.family_names:
            return titled
        if words and len(word) >= 3 and any(c in "AEIOUY" for c in word):
            return titled
        return None

    def _title_word_in_name(self, doc: DocView, word: str, nxt: int) -> bool:
        """'Robert King,': a bare title head after a name word ends the name, unless nothing after it can go on
        with a title (no capitalised word, no 'of'/'for'/'to' ...)."""
        if self.lex.roles(word) != frozenset({"head"}):
            return False
        if nxt >= len(doc):
            return True
        return not doc.caps[nxt] and doc.lowers[nxt] not in _TITLE_CONTINUES

    @staticmethod
    def _names_next(doc: DocView, k: int) -> bool:
        """Token k is a capitalised word that may begin a name (not a month, a pronoun or an opening bracket)."""
        return k < len(doc) and doc.caps[k] and doc.texts[k] not in _NOT_NAME and not is_acronym(doc.texts[k])

    def _joined_title(self, word: str) -> bool:
        """'ViceMinister', 'SecretaryPompeo' -> True for the first: title words glued together (a lost space)."""
        m = _CAMEL.match(word)
        return m is not None and self.lex.is_title_word(m.group(1)) and self.lex.is_title_word(m.group(2))

    def _glued_family(self, word: str) -> str | None:
        """'Kangvoiced' -> 'Kang': a family name glued to a lower-case word (a space lost in the original)."""
        if word in self.lex.family_names or not word.isalpha() or _SYLLABLES.match(word.lower()):
            return None  # "Haiming", "Kiming": romanised syllables make a given name, never a glued verb
        for k in (4, 3, 2, 5):
            head, rest = word[:k], word[k:]
            if head in self.lex.family_names and len(rest) >= 5 and rest.islower() and rest.endswith(_VERB_ENDINGS):
                return head  # a verb's ending ("voiced", "stressed"), never a name's ("Antony", "Joseph")
        return None

    # -- the document -------------------------------------------------------------------------------------------
    def candidates(self, doc: Doc | DocView, econ_at: dict[int, tuple[int, str]], blocked: set[int],
                   org_at: dict[int, int] | None = None) -> list[Candidate]:
        """Title + name mentions, appositive titles, descriptors and the model's PERSON names. ``org_at`` maps
        the first token of an organisation mention to its end (an envoy's "to the United Nations")."""
        doc = view_of(doc)
        out: list[Candidate] = []
        free = 0  # the scan resumes here after a title (and its name)
        used: set[int] = set()
        lower_starts = self.titles.lower_title_starts(doc)
        for i in sorted(set(self.titles.title_starts(doc, econ_at)) | lower_starts):
            if i < free or i in blocked:
                continue
            title = self.titles.parse_title(doc, i, econ_at, org_at) if i not in lower_starts else None
            lower = False
            if title is None and (i in lower_starts or i in econ_at):
                # "South Korea's foreign minister Kang Kyung-wha", "spokesman Noh Kyu-duk": a lower-case title
                # counts only right before a name (never as a description alone)
                title = self.titles.parse_title(doc, i, econ_at, org_at, lower=True)
                lower = title is not None
            if title is None:
                continue
            name_end, words = self.parse_name(doc, title.end, econ_at, blocked)
            mention_start = title.start
            if not words and title.economy is not None and title.end + 2 < len(doc) \
                    and doc.texts[title.end] == "(" and doc.texts[title.end + 2] == ")" \
                    and is_acronym(doc.texts[title.end + 1]):
                # "Foreign Minister of the Democratic People's Republic of Korea (DPRK) Ri Yong Ho": the state's
                # short form between its name and the holder's; the mention is the name (the model may end a
                # sentence at the bracket)
                name_end, words = self.parse_name(doc, title.end + 3, econ_at, blocked)
                mention_start = title.end + 3
            if not words and title.end in blocked and not (org_at and title.end in org_at):
                # "Special Representative Sydney Seiler": a given name that is also a place's name
                name_end, words = self.parse_name(doc, title.end, econ_at, blocked - {title.end})
                if len(words) < 2 or (name_end - 1) in blocked:
                    name_end, words = title.end, []
            if not words and title.end + 1 < len(doc) and doc.texts[title.end] == ",":
                # "the US Secretary of State, Hillary Clinton, ...": the name in apposition after a comma
                end2, words2 = self.parse_name(doc, title.end + 1, econ_at, blocked)
                if len(words2) >= 2 and (end2 >= len(doc) or doc.texts[end2] in (",", ".", ";", ")")):
                    name_end, words = end2, words2
            strings, economy, private = title.strings(), title.economy, title.private
            if not words and title.private and not lower and title.end + 1 < len(doc) \
                    and doc.lowers[title.end] in ("of", "at"):
                # "Speaker of the National Assembly Woo Won-shik", "Director of the X Academy Choi Hyung-chan": the
                # institution's name between the office and its holder is part of the title
                split = self._institution_then_name(doc, title.end + 1, econ_at, blocked)
                if split is not None:
                    org_end, name_end, words, organ, code = split
                    strings = [t + " " + doc[title.end:org_end].text for t in strings]
                    private = not organ
                    economy = economy or code
            if words:
                if lower and title.prefix_start == title.start:
                    prefix, economy = self.titles.organ_prefix(doc, title.start, econ_at)
                    strings = [prefix + t for t in strings]
                    economy = title.economy or economy
                elif title.prefix_start == title.start and title.economy is None and org_at:
                    strings = self._body_prefix(doc, title.start, org_at, strings)
                cand = Candidate(mention_start, name_end, words, title, economy, strings,
                                 org_title=title.prefix_start - 1 in blocked, counterpart=title.counterpart,
                                 private=private)
                name_end = self._after_name(doc, cand, name_end, econ_at, blocked, org_at)
                out.append(cand)
                used.update(range(title.prefix_start, name_end))
                free = name_end
                continue
            if lower:
                continue
            prev = doc[title.prefix_start - 1] if title.prefix_start > 0 else None
            econ_prefix = title.prefix_start != title.start
            if prev is not None and prev.lower_ == "the" and (econ_prefix or not doc.caps[title.end]
                                                              if title.end < len(doc) else True):
                cand = Candidate(title.prefix_start - 1, title.end, [], title, title.economy, descriptor=True)
                out.append(cand)
                used.update(range(title.prefix_start - 1, title.end))
            free = title.end
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(t.i in used or t.i in blocked for t in ent):
                continue
            start = ent.start
            before = doc.lowers[start - 1] if start > 0 else ""
            if before in self.non_person_kinds or (before == "the" and len(ent) == 1):
                continue  # "the weekly newspaper Charlie Hebdo", "the Elders": a named thing of a kind, no person
            if start > 0 and start - 1 not in used and start - 1 not in blocked and doc.texts[start - 1].isupper() \
                    and doc.texts[start - 1].title() in self.lex.family_names:
                start -= 1  # "PARK Cheol Hee": the model's PERSON leaves out a family name in capitals
            end, words = self.parse_name(doc, start, econ_at, blocked)
            if end != ent.end or not words:
                continue
            cand = Candidate(start, ent.end, words, None)
            if start > 1 and doc.texts[start - 1] in ("’s", "'s"):
                # "Russia's Sergei Lavrov": a state's possessive before a name gives the person's state
                cand.economy = next((code for s, (e, code) in econ_at.items() if e == start - 1), None)
            # titles/economy only; the mention is the name
            self._after_name(doc, cand, ent.end, econ_at, blocked, org_at)
            out.append(cand)
            used.update(range(start, ent.end))
        out += self._appositive_names(doc, econ_at, blocked, used, org_at)
        out += self._counterpart_names(doc, econ_at, blocked, used, org_at)
        out += self._short_forms(doc, out, blocked, used)
        out.sort(key=lambda c: c.start)
        self._expert_before_names(doc, out, econ_at)
        self._propagate_economy(doc, out)
        self._counterparts(doc, out, econ_at)
        return out

    def _body_prefix(self, doc: DocView, start: int, org_at: dict[int, int], strings: list[str]) -> list[str]:
        """'UN Secretary-General', 'former WHO Director-General', 'EU High Representative': an international body
        written right before a bare office is part of the title as written (the office alone names no body; only a
        state's adjective is left out of a title); an office with a field ('for Refugees') keeps its own name. A
        state's own institution before a title ('KNDA Chancellor') stays out, as a ministry does."""
        org = next((s for s, e in org_at.items() if e == start and s < start), None)
        if org is None or doc[org:start].text.removeprefix("the ") not in self.intl_bodies \
                or any(w in ("for", "of", "to", "on") for t in strings for w in t.split()):
            return strings  # "UN Special Envoy for Yemen": an office with a field of its own names itself
        body = doc[org:start].text.removeprefix("the ")
        former = org > 0 and doc.lowers[org - 1] == "former"
        return [("former " if former or t.startswith("former ") else "") + body + " " + t.removeprefix("former ")
                for t in strings]

    def _institution_then_name(self, doc: DocView, k: int, econ_at: dict[int, tuple[int, str]],
                               blocked: set[int]) -> tuple[int, int, list[str], bool, str | None] | None:
        """From token k (after 'of'/'at'): an institution's name ending in an organisation head, then its holder's
        name (two words or more) up to the end of the capitalised run. Returns (end of the institution, end of the
        name, the name's words, whether the institution is a state's organ, the state named in it)."""
        if k < len(doc) and doc.lowers[k] == "the":
            k += 1
        head = org_head_after(doc, k, self.lex.org_heads)
        if head is None:
            return None
        fits: list[tuple[int, int, list[str]]] = []
        for e in range(head + 1, min(head + 7, len(doc))):
            if not doc.caps[e]:
                if doc.lowers[e] in ("of", "for", "and"):
                    continue
                break
            end, words = self.parse_name(doc, e, econ_at, blocked - set(range(k, e)))
            if len(words) >= 2 and (end >= len(doc) or not doc.caps[end]):
                fits.append((e, end, words))
        if not fits:
            return None
        e, end, words = next((f for f in fits if f[2][0] in self.lex.family_names),
                             next((f for f in fits if any(x.label_ == "PERSON" and x.start == f[0] for x in doc.ents)),
                                  fits[-1]))
        code = next((c for s, (x, c) in econ_at.items() if k <= s and x <= e), None)
        return e, end, words, doc.texts[head] in self.lex.state_org_heads, code

    def _counterpart_names(self, doc: DocView, econ_at: dict[int, tuple[int, str]], blocked: set[int],
                           used: set[int], org_at: dict[int, int] | None) -> list[Candidate]:
        """'his Japanese counterpart Shigeki Takizaki': a name of two words or more right after 'counterpart' is a
        person whatever the model read there (often an organisation)."""
        out = []
        for i, lower in enumerate(doc.lowers):
            if lower not in ("counterpart", "counterparts"):
                continue
            k = i + 1 + (1 if i + 1 < len(doc) and doc.texts[i + 1] == "," else 0)
            if k >= len(doc) or k in used or k in blocked or not doc.caps[k]:
                continue
            end, words = self.parse_name(doc, k, econ_at, blocked)
            if len(words) < 2 or any(m in used for m in range(k, end)):
                continue
            cand = Candidate(k, end, words, None)
            self._after_name(doc, cand, end, econ_at, blocked, org_at)
            out.append(cand)
            used.update(range(k, end))
        return out

    def _expert_before_names(self, doc: DocView, cands: list[Candidate],
                             econ_at: dict[int, tuple[int, str]]) -> None:
        """'Our Foreign Ministry correspondent Lee Ji-won', 'senior analyst John Park': a lower-case title outside
        government right before a name found without a title is that person's (no default economy)."""
        for c in cands:
            i = c.start - 1
            if c.title is not None or c.titles or c.descriptor or len(c.words) < 2 or i < 0 \
                    or doc.lowers[i] not in self.lex.expert_heads or doc.texts[i] != doc.lowers[i]:
                continue
            k = i
            while k > 0 and doc.lowers[k - 1] in self.lex.expert_mods and doc.texts[k - 1].islower():
                k -= 1
            prefix, economy = self.titles.organ_prefix(doc, k, econ_at)
            c.titles.append(prefix + doc[k:i + 1].text)
            c.private = True
            c.economy = c.economy or economy

    def _short_forms(self, doc: DocView, cands: list[Candidate], blocked: set[int],
                     used: set[int]) -> list[Candidate]:
        """'Wang said', 'Trump's team': the family name of a person named in full in the release, standing alone
        where the model read no person (it often reads an organisation), is that person again."""
        known = {self._split(c.words)[0] for c in cands if len(c.words) >= 2 and not c.descriptor}
        known.discard(None)
        if not known:
            return []
        out = []
        for i, text in enumerate(doc.texts):
            upper = text.isupper() and len(text) > 2
            if upper:
                text = text.title()  # "UNCERTAIN FUTURE UNDER TRUMP": a subheading in capitals
            if text not in known or i in used or i in blocked:
                continue
            # part of a longer name ("Kim Jong-un" beside "Kim Yo-jong", "the Wang Yi Center"); in capitals, the
            # words around are the heading's
            if (i > 0 and doc.caps[i - 1] and not doc[i].is_sent_start and not (upper and doc.texts[i - 1].isupper())) \
                    or (i + 1 < len(doc) and doc.caps[i + 1] and not (upper and doc.texts[i + 1].isupper())):
                continue
            if i + 1 < len(doc) and doc.texts[i + 1] == "-" and not doc.spaced[i]:
                continue
            out.append(Candidate(i, i + 1, [text], None))
            used.add(i)
        return out

    @staticmethod
    def _counterparts(doc: DocView, cands: list[Candidate], econ_at: dict[int, tuple[int, str]]) -> None:
        """'her Chinese counterpart Wang Yi', 'his Dutch and Australian counterparts, A and B': the economies
        before 'counterpart(s)' are those of the names after it, in order."""
        ends = {end: (start, code) for start, (end, code) in econ_at.items()}
        for n, c in enumerate(cands):
            k = c.start - 1
            if k > 0 and doc.texts[k] == ",":
                k -= 1
            if k < 1 or doc.lowers[k] not in ("counterpart", "counterparts") or c.descriptor:
                continue
            codes: list[str] = []
            m = k
            while m > 0:
                if m in ends:
                    codes.insert(0, ends[m][1])
                    m = ends[m][0]
                elif doc.lowers[m - 1] in ("and", ",") and codes:
                    m -= 1
                else:
                    break
            if not codes:
                continue
            run = [c]
            for later in cands[n + 1:]:
                if doc[run[-1].end:later.start].text.strip() not in ("and", ",", ", and") or later.descriptor:
                    break
                run.append(later)
            if doc.lowers[k] == "counterpart":
                run, codes = run[:1], codes[-1:]
            if len(run) == len(codes):
                for cand, code in zip(run, codes, strict=True):
                    cand.economy = cand.economy or code

    def _appositive_names(self, doc: DocView, econ_at: dict[int, tuple[int, str]], blocked: set[int],
                          used: set[int], org_at: dict[int, int] | None = None) -> list[Candidate]:
        """'Han Ji-woo, Director of the X Institute' / 'NAME, a senior fellow at X': a name the model missed,
        vouched for by the title in apposition after it (two to four name words before the comma)."""
        out = []
        for comma, text in enumerate(doc.texts):
            if text != "," or comma < 2 or (comma - 1) in used or (comma - 1) in blocked:
                continue
            name_end = comma  # the name ends at the comma, or at a footnote marker glued to it ("Oh Min-ji*,")
            while name_end > 1 and doc.texts[name_end - 1] in _FOOTNOTE_MARKS:
                name_end -= 1
            start = name_end
            while start > 0 and name_end - start < 7 and (
                    doc.caps[start - 1] or doc.texts[start - 1] == "-"
                    or (start > 1 and doc.texts[start - 2] == "-" and not doc.spaced[start - 2])) \
                    and (start - 1) not in used and (start - 1) not in blocked:
                start -= 1
            while start < name_end and (doc.texts[start] in _NOT_NAME or doc.texts[start] == "-"):
                start += 1
            # "Press Briefing Han Seo-jun, Spokesperson": a run of capitalised words may end in the name; the first
            # start that reads as a whole name, one opening with an East Asian family name first
            fits = []
            for s in range(start, name_end - 1):
                end, words = self.parse_name(doc, s, econ_at, blocked)
                if end == name_end and len(words) >= 2:
                    fits.append((s, words))
            if not fits:
                continue
            start, words = next((f for f in fits if f[1][0] in self.lex.family_names), fits[0])
            end = name_end
            cand = Candidate(start, end, words, None)
            if self._after_name(doc, cand, end, econ_at, blocked, org_at) == end or not cand.titles:
                continue
            out.append(cand)
            used.update(range(start, end))
        return out

    def _after_name(self, doc: DocView, cand: Candidate, j: int, econ_at: dict[int, tuple[int, str]],
                    blocked: set[int], org_at: dict[int, int] | None = None) -> int:
        """'NAME of (the) Peru' (economy), 'NAME, former Deputy Minister for ...' (another title) and
        'NAME, a senior fellow at X' (a title outside government)."""
        while j < len(doc) and doc.texts[j] in _FOOTNOTE_MARKS:  # "Park Sun-hee*, former ...": a footnote marker
            j += 1
        if j + 1 < len(doc) and doc.lowers[j] == "of":
            k = j + 1 + (1 if doc.lowers[j + 1] == "the" else 0)
            if k in econ_at:
                cand.economy = cand.economy or econ_at[k][1]
                return econ_at[k][0]
            # "of the X ministry of Japan"
            cand.economy = cand.economy or self.titles.organ_economy(doc, j + 1, econ_at)
        if j + 1 < len(doc) and doc.texts[j] == ",":
            expert = self.titles.expert_title(doc, j + 1)
            if expert is not None:
                organ = self.titles.organ_complement(doc, expert[1], econ_at)
                cand.titles.append(expert[0] + (organ[0] if organ else ""))
                cand.private = organ is None
                if expert[1] < len(doc) and doc.lowers[expert[1]] in ("of", "at"):
                    cand.economy = cand.economy or (organ[2] if organ else None) \
                        or self.titles.organ_economy(doc, expert[1] + 1, econ_at)
                return organ[1] if organ else expert[1]
            k = j + 1
            while k < len(doc) - 1 and doc.lowers[k] in _TITLE_LEAD and doc.texts[k].islower():
                k += 1
            title = self.titles.parse_title(doc, k, econ_at, org_at)
            prefix = ""
            if title is None and (doc.texts[k].islower() or k in econ_at):
                # "Seo Min-jung, director general for Asia and Pacific affairs at ...", "Kim, the foreign ministry
                # spokesman, said": a lower-case title in apposition, closed by the clause's end or a preposition
                organ = self.titles.organ_end(doc, k)
                if organ is not None:  # the organ's possessive is no part of the title ("the ministry's spokesperson")
                    prefix = "" if doc.texts[organ - 1] in ("’s", "'s") else doc[k:organ].text + " "
                    k = organ
                title = self.titles.parse_title(doc, k, econ_at, org_at, lower=True)
                if title is not None and title.end < len(doc) and doc.lowers[title.end] not in APPOSITION_ENDS:
                    title = None
            if (title is not None and title.start == k + (1 if doc.lowers[k] == "former" else 0)) or (
                    title is not None and title.prefix_start == k):
                _, words = self.parse_name(doc, title.end, econ_at, blocked)
                # a capitalised word right after the title opens the next holder's name ("A, Special Envoy B")
                if not words and not self._names_next(doc, title.end):
                    organ = self.titles.organ_complement(doc, title.end, econ_at)
                    strings = title.strings()
                    if organ is not None and len(strings) == 1:
                        strings = [strings[0] + organ[0]]
                    else:
                        organ = None
                    cand.titles.extend(prefix + t for t in strings)
                    cand.economy = cand.economy or title.economy or (organ[2] if organ else None)
                    if title.end < len(doc) and doc.lowers[title.end] in ("of", "at"):
                        # "X, director general of the Japanese Foreign Ministry's ...": the organ's state
                        cand.economy = cand.economy or self.titles.organ_economy(doc, title.end + 1, econ_at)
                    cand.private = cand.private or (title.private and organ is None)
                    end = organ[1] if organ else title.end
                    self._role_after(doc, cand, end, econ_at, blocked, org_at)
                    return end
            if k in econ_at and econ_at[k][0] < len(doc) and doc.texts[econ_at[k][0]] in ("’s", "'s"):
                cand.economy = cand.economy or econ_at[k][1]  # "Zhao Leji, China's top legislator"
        self._role_after(doc, cand, j, econ_at, blocked, org_at)
        return j

    def _role_after(self, doc: DocView, cand: Candidate, j: int, econ_at: dict[int, tuple[int, str]],
                    blocked: set[int], org_at: dict[int, int] | None = None) -> None:
        """'appointed NAME as Ambassador to X', 'NAME, who has served as Permanent Representative since ...':
        an office assigned to the person in the same clause is one of their titles (the mention stays the name)."""
        k = j + (1 if j < len(doc) and doc.texts[j] == "," else 0)
        if k < len(doc) and doc.lowers[k] == "who":
            k += 1
            while k < len(doc) and doc.lowers[k] in _ROLE_VERBS:
                k += 1
            if k == j + 2 or k >= len(doc) or doc.lowers[k - 1] not in _ROLE_VERBS:
                return
        if k >= len(doc) or doc.lowers[k] != "as":
            return
        title = self.titles.parse_title(doc, k + 1, econ_at, org_at)
        if title is None or title.prefix_start != k + 1 or title.start >= len(doc):
            return
        if self.parse_name(doc, title.end, econ_at, blocked)[1]:
            return  # "as Minister Kim said": another person's title
        for text in title.strings():
            if text not in cand.titles:
                cand.titles.append(text)
        cand.economy = cand.economy or title.economy

    def _propagate_economy(self, doc: DocView, cands: list[Candidate]) -> None:
        """'Minister A and Minister B of Peru': the closing 'of Peru' holds for the whole coordination when both
        hold the same kind of office; not over different offices ('Minister of Foreign Affairs A and Secretary of
        Foreign Affairs B of the Philippines') nor onto a Korean-shaped name, whose unqualified office is Korea's.
        Forward, a foreign holder's state goes on to the next holder of a specific office in the list."""
        for k in range(len(cands) - 1, 0, -1):
            a, b = cands[k - 1], cands[k]
            if a.descriptor or b.descriptor or a.economy or not b.economy:
                continue
            between = doc[a.end:b.start].text.strip()
            if between not in ("and", ",", ", and"):
                continue
            if a.title is None or b.title is None or a.title.units[0][0] != b.title.units[0][0]:
                continue
            if b.economy != "KOR" and self._korean_shape(a.words):
                continue
            a.economy = b.economy
            a.shared_economy = True
        for k in range(1, len(cands)):
            a, b = cands[k - 1], cands[k]
            if a.descriptor or b.descriptor or b.economy or not a.economy or a.economy == "KOR" \
                    or a.title is None or b.title is None or a.org_title or b.org_title or a.private or b.private \
                    or b.counterpart or doc[a.end:b.start].text.strip() not in ("and", ",", ", and"):
                continue
            # "Secretary of Defense A and National Security Advisor B": a foreign delegation's list; a specific office
            # with no state (a field in its title) of a name that is not family-first is that delegation's
            if not b.title.units[0][2] or self._split(b.words)[0] != b.words[-1]:
                continue
            b.economy = a.economy
            b.shared_economy = True

    def _name_shape(self, words: list[str]) -> bool:
        """Two words opening with an East Asian family name: the second must read as a given name."""
        if len(words) != 2 or words[0] not in self.lex.family_names:
            return True
        given = words[1].lower()
        return "-" in given or given in (w.lower() for w in self.lex.family_names) \
            or _SYLLABLES.match(given) is not None

    def _korean_shape(self, words: list[str]) -> bool:
        """'Cho Tae-yul', 'Cho': a Korean family name alone or before a hyphenated given name."""
        if not words or words[0] not in self.lex.family_names:
            return False
        return len(words) == 1 or (len(words) == 2 and _KOREAN_GIVEN.match(words[1]) is not None)

    # -- resolution ---------------------------------------------------------------------------------------------
    def resolve(self, doc: Doc | DocView, cands: list[Candidate]) -> tuple[list[Found], dict[str, Person]]:
        """One person per human: full names first, then short forms and descriptors by family name,
        title compatibility, the person's economy (Korea for an unqualified description) and recency."""
        doc = view_of(doc)
        people: dict[str, dict] = {}
        order: list[tuple[int, str]] = []  # (token, person_id) of resolved mentions, for recency
        assigned: dict[int, str] = {}
        for n, c in enumerate(cands):
            if len(c.words) >= 2 and not in_headline(doc, c.start) and (c.title is not None or c.titles
                                                                         or self._name_shape(c.words)):
                name = " ".join(c.words)
                pid = self.person_id(c.words)
                p = people.setdefault(pid, {"name": name, "words": c.words, "titles": [], "economy": None,
                                            "short_titles": [], "org": False})
                p["org"] = p["org"] or c.org_title or c.private or c.counterpart == "KOR"
                p["titles"].extend(c.titles)
                p["economy"] = p["economy"] or c.economy
                assigned[n] = pid
        for n, c in enumerate(cands):
            if n in assigned or c.descriptor:
                continue
            pid = self._match_name(c, people, doc, order, assigned, cands)
            vouched = self._model_person(doc, c) or (len(c.words) == 1 and c.words[0] in self.lex.family_names)
            # "Minister of Foreign Affairs Sugiono": one proper noun after a title in running text names a person
            vouched = vouched or (c.title is not None and len(c.words) == 1 and not in_headline(doc, c.start)
                                  and doc[c.end - 1].pos_ == "PROPN" and c.title.end < c.end
                                  and (c.title.end - c.title.start >= 2 or c.title.economy is not None))
            odd = c.title is None and not c.titles and not self._name_shape(c.words)
            # "Kasai" alone, with no title and no full name in the release: a place or a thing as often as a person
            odd = odd or (c.title is None and not c.titles and len(c.words) == 1
                          and c.words[0] not in self.lex.family_names)
            # "Kim Hourn" with no title: a family name before a word that is no given name makes no person
            if pid is None and c.words and not odd and (vouched or (not in_headline(doc, c.start)
                                                                    and len(c.words) > 1)):
                name = " ".join(c.words)
                pid = self.person_id(c.words)
                people.setdefault(pid, {"name": name, "words": c.words, "titles": [], "economy": None,
                                        "short_titles": [], "org": c.org_title})
            if pid is None:
                continue
            people[pid]["org"] = people[pid]["org"] or c.private or c.counterpart == "KOR"
            people[pid]["short_titles"].extend(c.titles)
            if not c.shared_economy or len(people[pid]["titles"]) == 0:
                people[pid]["economy"] = people[pid]["economy"] or c.economy
            assigned[n] = pid
        for n, c in enumerate(cands):
            if c.descriptor:
                pid = self._match_descriptor(c, people, assigned, cands)
                if pid:
                    assigned[n] = pid
        remap = self._from_record(people, doc._.mofa_published if doc.has_extension("mofa_published") else None)
        assigned = {n: remap.get(pid, pid) for n, pid in assigned.items()}
        found = [Found(cands[n].start, cands[n].end, "person", pid) for n, pid in sorted(assigned.items())]
        return found, {pid: self._record(pid, p) for pid, p in people.items()
                       if any(v == pid for v in assigned.values())}

    def person_id(self, words: list[str]) -> str:
        """One id per person whatever the spelling of the name in a release: initials left out ("Antony J.
        Blinken" = "Antony Blinken") and an East Asian family name first ("Taro Kono" = "Kono Taro")."""
        words = [w for w in words if _INITIAL.match(w) is None] or words
        if len(words) == 2 and words[-1] in self.lex.family_names and words[0] not in self.lex.family_names \
                and self._split(words)[0] == words[-1]:
            words = [words[-1], words[0]]
        return ids.person_id(" ".join(words))

    def _from_record(self, people: dict[str, dict], day: dt.date | None) -> dict[str, str]:
        """'Minister Kang' alone: the holder of that office at the release's date (``officials_record.tsv``) is the
        person, under the full name's id; a full name of such a holder takes the record's economy when the text
        states none. Returns the ids replaced."""
        remap: dict[str, str] = {}
        for p in people.values():
            if len(p["words"]) > 1 and p["economy"] is None and (p["titles"] or p["short_titles"]) \
                    and not p["org"]:  # "UN Secretary-General Ban Ki-moon" serves no state there
                # "Foreign Minister Yoshimasa Hayashi" with no state in the text (or no date): the record's holder
                p["economy"] = self.record.economy_of(p["name"])
        for pid, p in list(people.items()):
            words = p["words"]
            family = words[0] if len(words) == 1 else self._split(words)[0]
            official = self.record.holder(family or "", p["titles"] + p["short_titles"], day, p["economy"])
            if official is None:
                continue
            if len(words) > 1:
                p["economy"] = p["economy"] or official.economy
                continue
            new = self.person_id(official.name.split())
            if new in people:
                target = people[new]
                target["short_titles"].extend(p["titles"] + p["short_titles"])
            else:
                people[new] = {**p, "name": official.name, "words": official.name.split(),
                               "economy": p["economy"] or official.economy}
            del people[pid]
            remap[pid] = new
        return remap

    def _match_name(self, c: Candidate, people: dict[str, dict], doc: DocView, order: list, assigned: dict[int, str],
                    cands: list[Candidate]) -> str | None:
        options = []
        for pid, p in people.items():
            words = p["words"]
            if c.words == words[: len(c.words)] or c.words[0] in (self._split(words)[0] or "",):
                options.append(pid)
            elif len(c.words) >= 2 and c.words[0] == words[0]:
                # headline over-read ("Cheong Attend AMM Held"): keep the known name's prefix
                options.append(pid)
        if not options:
            return None
        if len(options) > 1 and c.title is not None:
            compatible = [pid for pid in options if self.titles.compatible(c.title, people[pid]["titles"])]
            options = compatible or options
        if len(options) > 1:
            last_seen = {pid: max((cands[n].start for n, v in assigned.items() if v == pid and cands[n].start
                                   < c.start), default=-1) for pid in options}
            options.sort(key=lambda pid: -last_seen[pid])
        if c.words != people[options[0]]["words"][: len(c.words)] and len(c.words) >= 2:
            # trim an over-read headline name to the known words
            known = people[options[0]]["words"]
            keep = next((k for k in range(len(c.words), 0, -1) if c.words[:k] == known[:k]), 1)
            c.end = self._end_after_words(doc, c.end, c.words, keep)
        return options[0]

    @staticmethod
    def _model_person(doc: DocView, c: Candidate) -> bool:
        """In a Title Case headline only the model's exact PERSON span vouches for a new name."""
        return any(e.label_ == "PERSON" and e.end == c.end and e.start >= c.start for e in doc.ents)

    @staticmethod
    def _end_after_words(doc: DocView, end: int, words: list[str], keep: int) -> int:
        start = end
        remaining = len(words)
        while remaining > keep and start > 0:
            start -= 1
            if doc.texts[start] != "-" and not (start > 0 and doc.texts[start - 1] == "-"):
                remaining -= 1
        return start

    def _match_descriptor(self, c: Candidate, people: dict[str, dict], assigned: dict[int, str],
                          cands: list[Candidate]) -> str | None:
        options = [pid for pid, p in people.items()
                   if self.titles.compatible(c.title, p["titles"] + p["short_titles"])
                   and (c.economy is None or self._economy(p) == c.economy)]
        if not options:
            return None
        if c.economy is None:
            korean = [pid for pid in options if self._economy(people[pid]) == "KOR"]
            options = korean or options
        last_seen = {pid: max((cands[n].start for n, v in assigned.items() if v == pid and cands[n].start < c.start),
                              default=-1) for pid in options}
        options.sort(key=lambda pid: -last_seen[pid])
        return options[0]

    def _economy(self, p: dict) -> str | None:
        if p["economy"]:
            return p["economy"]
        if p.get("org"):
            return None
        if not (p["titles"] or p["short_titles"]):
            return None
        # a title with no economy is Korea's office, if the holder bears a Korean name (a Korean family name, or an
        # unknown one before a hyphenated given name); "Ambassador Zhang Xinsen" holds no Korean office
        family, given = self._split(p["words"])
        if family != p["words"][0]:
            return None
        korean = family in self.lex.korean_family_names or (
            family not in self.lex.family_names and given is not None and _KOREAN_GIVEN.match(given) is not None)
        return "KOR" if korean else None

    def _split(self, words: list[str]) -> tuple[str | None, str | None]:
        """(family, given) by name order."""
        if len(words) == 1:
            return words[0], None
        family_first = words[0] in self.lex.family_names or (
            len(words) == 2 and _KOREAN_GIVEN.match(words[1]) is not None and words[1] not in self.lex.family_names)
        if family_first:
            return words[0], " ".join(words[1:])
        return words[-1], " ".join(words[:-1])

    def _record(self, pid: str, p: dict) -> Person:
        family, given = self._split(p["words"])
        titles = self.titles.reduce_titles(p["titles"] or p["short_titles"])
        return Person(person_id=pid, name=p["name"], family_name=family, given_name=given,
                      economy=self._economy(p), titles=titles)
