"""People: titles parsed from the text, names after them, short forms and title-only descriptions
resolved to the full person of the document.

Grammar of a title (words from ``title_lexicon.tsv``)::

    TITLE := [ECONOMY] ["former"] UNIT ("and" UNIT)*
    UNIT  := (RANK | MODIFIER)* HEAD [("of" | "for") ["the"] DOMAIN+ (("and" | ",") DOMAIN+)*] ["of" ECONOMY]

A name is the run of capitalised words after a title (hyphenated pieces joined: "Tae-yul"). Korean,
Chinese and Japanese names are family name first (first word in ``east_asian_family_names.txt``, or a
two-word name whose second word has the Korean hyphenated shape); others are given name first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline import ids
from pipeline.components.ent_common import DocView, Found, in_headline, is_acronym, org_head_after, view_of
from pipeline.components.ent_lexicon import Lexicon
from pipeline.components.ent_officials import load_record, load_words
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
_FILLER = {"of", "for", "the", "and", "affairs", "former", "&"}
#: Title heads too common in lower case to open a news-style title ("the general public", "head office", "member").
_LOWER_NOT_HEADS = frozenset({"General", "Head", "Member", "Officer", "Chair", "Chief", "Speaker", "Counselor",
                              "Counsellor", "Administrator", "Co-Chair"})


#: Nouns closing the field of an office ("for Refugee Affairs", "for Human Rights Issues", "for Arctic Policy").
_FIELD_ENDS = frozenset({"Affairs", "Issues", "Policy", "Relations"})

#: What may follow a lower-case title in apposition after a name ("NAME, director general at the ministry, said").
_APPOSITION_ENDS = frozenset({",", ".", ";", ")", "at", "of", "in", "who", "and", "since", "from", "with"})


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


def _word_at(doc: DocView, i: int) -> tuple[str, int]:
    """The word starting at token i, hyphen-glued pieces joined ('Tae - yul' -> 'Tae-yul')."""
    text, j = doc.texts[i], i + 1
    while j + 1 < len(doc) and doc.texts[j] == "-" and not doc.spaced[j - 1] and not doc.spaced[j]:
        text += "-" + doc.texts[j + 1]
        j += 2
    return text, j


class PeopleFinder:
    """Stateless apart from the lexicon; one call per document."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.record = load_record()
        self.non_person_kinds = load_words("non_person_kinds.txt")
        #: the written forms of international bodies and groupings ("UN", "World Health Organization", "ASEAN"); a
        #: body whose name opens with a state's ("Korea International Cooperation Agency") is that state's agency
        self.intl_bodies = frozenset(f for o in lex.orgs if o.source in ("international_organizations", "groupings")
                                     and o.name.split()[0] not in lex.economy_names
                                     for f in (o.name, o.acronym, *o.aliases) if f)

    # -- titles -------------------------------------------------------------------------------------------------
    def _unit(self, doc: DocView, i: int, econ_at: dict[int, tuple[int, str]],
              org_at: dict[int, int] | None = None, lower: bool = False) -> _Unit | None:
        """One office from token i; ``lower``: the news style's lower-case title ('foreign minister', 'director
        general for Asia and Pacific affairs'), read through the capitalised forms of its words."""
        lex = self.lex
        j, head, ranks, content = i, None, set(), set()
        while j < len(doc):
            word, nxt = _word_at(doc, j)
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
            following = _word_at(doc, j)[0] if j < len(doc) else ""
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
                word, nxt = _word_at(doc, m)
                if lower and doc.texts[m].islower():
                    word = _cap(word)  # "director general for Asia and Pacific affairs"
                if (self._domain(word) or self._plural_domain(doc, m) or self._field_before_affairs(doc, m, econ_at)) \
                        and (doc.caps[m] or lower) and m not in econ_at:
                    words.append(word.lower())
                    m = nxt
                elif org_at and m in org_at and org_at[m] - m == 1 and is_acronym(doc.texts[m]) \
                        and org_at[m] < len(doc) and self._domain(_word_at(doc, org_at[m])[0]):
                    words.append(doc.texts[m])  # "Ambassador for ASEAN Affairs": a body's acronym in the domain
                    m = org_at[m]
                elif doc.texts[m] in ("and", ",", "&") and m + 1 < len(doc) and self._domain(
                        _cap(_word_at(doc, m + 1)[0]) if lower else _word_at(doc, m + 1)[0]) \
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
                    and self._domain(_cap(_word_at(doc, end)[0]) if lower else _word_at(doc, end)[0]):
                end = _word_at(doc, end)[1]  # "Special Representative for North Korea Policy"
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
            word, nxt = _word_at(doc, m)
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
                if i in econ_at or lower == "former" or (cap and self.lex.is_title_word(_word_at(doc, i)[0]))]

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
            word = _word_at(doc, after)[0] if after < len(doc) else ""
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

    # -- names --------------------------------------------------------------------------------------------------
    def parse_name(self, doc: Doc | DocView, i: int, econ_at: dict[int, tuple[int, str]],
                   stop: set[int]) -> tuple[int, list[str]]:
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
            word, nxt = _word_at(doc, j)
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
                given, after = _word_at(doc, j + 1)  # "Kang, Kyung-wha": the comma form of a family-first name
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
        lower_starts = self.lower_title_starts(doc)
        for i in sorted(set(self.title_starts(doc, econ_at)) | lower_starts):
            if i < free or i in blocked:
                continue
            title = self.parse_title(doc, i, econ_at, org_at) if i not in lower_starts else None
            lower = False
            if title is None and (i in lower_starts or i in econ_at):
                # "South Korea's foreign minister Kang Kyung-wha", "spokesman Noh Kyu-duk": a lower-case title
                # counts only right before a name (never as a description alone)
                title = self.parse_title(doc, i, econ_at, org_at, lower=True)
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
            strings, economy, private = self._title_strings(title), title.economy, title.private
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
                    prefix, economy = self._organ_prefix(doc, title.start, econ_at)
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
            prefix, economy = self._organ_prefix(doc, k, econ_at)
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

    def _organ_economy(self, doc: DocView, k: int, econ_at: dict[int, tuple[int, str]]) -> str | None:
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

    def _organ_end(self, doc: DocView, k: int) -> int | None:
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

    def _organ_prefix(self, doc: DocView, start: int,
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

    def _title_strings(self, title: Title) -> list[str]:
        return [("former " if title.former else "") + t for t in (title.offices or [title.text])]

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
            cand.economy = cand.economy or self._organ_economy(doc, j + 1, econ_at)  # "of the X ministry of Japan"
        if j + 1 < len(doc) and doc.texts[j] == ",":
            expert = self._expert_title(doc, j + 1)
            if expert is not None:
                organ = self._organ_complement(doc, expert[1], econ_at)
                cand.titles.append(expert[0] + (organ[0] if organ else ""))
                cand.private = organ is None
                if expert[1] < len(doc) and doc.lowers[expert[1]] in ("of", "at"):
                    cand.economy = cand.economy or (organ[2] if organ else None) \
                        or self._organ_economy(doc, expert[1] + 1, econ_at)
                return organ[1] if organ else expert[1]
            k = j + 1
            while k < len(doc) - 1 and doc.lowers[k] in _TITLE_LEAD and doc.texts[k].islower():
                k += 1
            title = self.parse_title(doc, k, econ_at, org_at)
            prefix = ""
            if title is None and (doc.texts[k].islower() or k in econ_at):
                # "Seo Min-jung, director general for Asia and Pacific affairs at ...", "Kim, the foreign ministry
                # spokesman, said": a lower-case title in apposition, closed by the clause's end or a preposition
                organ = self._organ_end(doc, k)
                if organ is not None:  # the organ's possessive is no part of the title ("the ministry's spokesperson")
                    prefix = "" if doc.texts[organ - 1] in ("’s", "'s") else doc[k:organ].text + " "
                    k = organ
                title = self.parse_title(doc, k, econ_at, org_at, lower=True)
                if title is not None and title.end < len(doc) and doc.lowers[title.end] not in _APPOSITION_ENDS:
                    title = None
            if (title is not None and title.start == k + (1 if doc.lowers[k] == "former" else 0)) or (
                    title is not None and title.prefix_start == k):
                _, words = self.parse_name(doc, title.end, econ_at, blocked)
                # a capitalised word right after the title opens the next holder's name ("A, Special Envoy B")
                if not words and not self._names_next(doc, title.end):
                    organ = self._organ_complement(doc, title.end, econ_at)
                    strings = self._title_strings(title)
                    if organ is not None and len(strings) == 1:
                        strings = [strings[0] + organ[0]]
                    else:
                        organ = None
                    cand.titles.extend(prefix + t for t in strings)
                    cand.economy = cand.economy or title.economy or (organ[2] if organ else None)
                    if title.end < len(doc) and doc.lowers[title.end] in ("of", "at"):
                        # "X, director general of the Japanese Foreign Ministry's ...": the organ's state
                        cand.economy = cand.economy or self._organ_economy(doc, title.end + 1, econ_at)
                    cand.private = cand.private or (title.private and organ is None)
                    end = organ[1] if organ else title.end
                    self._role_after(doc, cand, end, econ_at, blocked, org_at)
                    return end
            if k in econ_at and econ_at[k][0] < len(doc) and doc.texts[econ_at[k][0]] in ("’s", "'s"):
                cand.economy = cand.economy or econ_at[k][1]  # "Zhao Leji, China's top legislator"
        self._role_after(doc, cand, j, econ_at, blocked, org_at)
        return j

    def _organ_complement(self, doc: DocView, k: int,
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
        if last < len(doc) and doc.lowers[last] not in _APPOSITION_ENDS and doc[last].pos_ not in ("VERB", "AUX"):
            return None
        the = "the " if doc.lowers[k + 1] == "the" else ""
        return " of " + the + doc[start:last].text, last, code

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
        title = self.parse_title(doc, k + 1, econ_at, org_at)
        if title is None or title.prefix_start != k + 1 or title.start >= len(doc):
            return
        if self.parse_name(doc, title.end, econ_at, blocked)[1]:
            return  # "as Minister Kim said": another person's title
        for text in self._title_strings(title):
            if text not in cand.titles:
                cand.titles.append(text)
        cand.economy = cand.economy or title.economy

    def _expert_title(self, doc: DocView, k: int) -> tuple[str, int] | None:
        """'a senior fellow at', 'professor of', 'director of the X': lower-case words ending in an expert head,
        then a preposition or the clause's end."""
        if k < len(doc) and doc.lowers[k] in ("a", "an", "the"):
            k += 1
        words: list[str] = []
        m = k
        while m < len(doc) and len(words) < 4 and doc.texts[m].islower():
            word, nxt = _word_at(doc, m)
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
            compatible = [pid for pid in options if self._compatible(c.title, people[pid]["titles"])]
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
                   if self._compatible(c.title, p["titles"] + p["short_titles"])
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

    def _compatible(self, title: Title | None, titles: list[str]) -> bool:
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
        titles = self._reduce_titles(p["titles"] or p["short_titles"])
        return Person(person_id=pid, name=p["name"], family_name=family, given_name=given,
                      economy=self._economy(p), titles=titles)

    def _reduce_titles(self, titles: list[str]) -> list[str]:
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
