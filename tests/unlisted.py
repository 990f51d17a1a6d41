"""Pages fayan has never seen, of every layout and its variants, whose
speakers' surnames and roles are in no word list (SPEC 1.5: read from the
structure). Generated from a fixed seed: names from rare surnames and given
characters, roles from stems and a person-noun ending, organisations from
places and suffixes; half the pages mix in listed people, dot names, a
subtitle or an editor's note naming someone who does not speak, and every
body holds a sentence a run-in recogniser would take if shape were all
(国际问题专家X评价说：). Each page must give exactly its speakers, in order,
with their posts. The words are checked against assets/lexicon.txt first:
a generated surname or role that a list holds fails the test, not the page.
Then the sample page of every layout (layouts/samples/), its speakers'
surnames swapped for unlisted ones, must be read as the page itself is.

usage: unlisted.py FAYAN [LEXICON]"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, done  # noqa: E402

FAYAN = sys.argv[1]
LEXICON = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', 'assets', 'lexicon.txt')
PAGES = 240

SURNAMES = '禤蹇笃揣逮旷闾盍阏昙操敬抗邗鄞郄眭睢粘矫菅皋'
GIVEN = '晓志岚豪思博骞琛珂瑜翊钰霁湲棠澄朗铮璟昀砚'
ROLE_STEMS = ['督导', '规划', '策展', '领航', '酿酒', '测绘', '调音', '护林', '养蜂', '巡河', '巡堤', '讲解']
ROLE_ENDS = '员师人'
PLACES = ['青禾', '澄江', '云岭', '柘林', '沅陵']
ORGS = ['林草局', '文旅局', '水务局', '科学院', '博物院']
LISTED_POSTS = ['发展改革委主任', '财政局局长', '教育局副局长']
LISTED_SURNAMES = '王李张刘陈杨'
DOT_NAMES = ['阿依古丽·买买提', '热合曼·艾力', '扎西·次仁']
HEADLINES = ['守正创新', '久久为功', '服务群众', '扎根基层', '开拓进取']
HEADLINE_TAILS = ['推动发展', '实干担当', '再立新功', '奋勇争先']
SENTENCES = [
    '这些年我们一直在探索新的办法，取得了一些成效。',
    '群众的满意度是检验工作的标准。',
    '下一步，我们将继续加大投入，补齐短板。',
    '实践证明，只有坚持创新，才能走出新路。',
    '要把各项措施落到实处，让成果惠及更多人。',
]
TRAPS = ['国际问题专家禤国庆评价说：这条路走对了。', '座谈会由某局负责同志主持。',
         '他表示：将一如既往地支持。']


def lexicon_sections(path):
    """Each section's entries (a chars section: its characters)."""
    out, cur = {}, None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            m = re.match(r'^\[([a-z-]+)\]', line)
            if m:
                cur = out.setdefault(m.group(1), set())
            else:
                cur.update(line.split())
    return out


LEX = lexicon_sections(LEXICON)


def surname_listed(name):
    return any(name.startswith(s) for s in LEX['surname'])


def role_listed(role):
    return any(role.endswith(r) for r in LEX['role'])


def body(rng):
    paras = []
    for _ in range(rng.choice([1, 2])):
        paras.append(''.join(rng.sample(SENTENCES, 2)) + rng.choice(SENTENCES + TRAPS))
    return paras


def person(rng, mixed):
    """(name, posts, unlisted words) of one speaker."""
    given = ''.join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
    place = rng.choice(PLACES) + rng.choice('市县')
    if mixed and rng.random() < 0.4:
        posts, role = place + rng.choice(LISTED_POSTS), None
    else:
        role = rng.choice(ROLE_STEMS) + rng.choice(ROLE_ENDS)
        posts = place + rng.choice(ORGS) + role
    if mixed and rng.random() < 0.4:
        return rng.choice(LISTED_SURNAMES) + given, posts, [], role
    if mixed and rng.random() < 0.2:
        return rng.choice(DOT_NAMES), posts, [], role
    name = rng.choice(SURNAMES) + given
    return name, posts, [name], role


def paragraphs(lines):
    out = []
    for p in lines:
        out += [p, '']
    return out


def speech(layout, rng, name, posts):
    """The lines of one speech in layout."""
    text = body(rng)
    headline = rng.choice(HEADLINES) + ' ' + rng.choice(HEADLINE_TAILS)
    forms = {
        'own-line under headlines': lambda: [headline, posts + rng.choice([' ', '　', '  ']) + name, ''] + paragraphs(text),
        'own-line NAME POSTS': lambda: [name + ' ' + posts, ''] + paragraphs(text),
        'own-line POSTS NAME': lambda: [posts + ' ' + name, ''] + paragraphs(text),
        'own-line padded': lambda: [headline, posts + ' ' + (name[0] + '　' + name[1] if len(name) == 2 else name), ''] + paragraphs(text),
        'own-line bulleted': lambda: [headline, '□ ' + posts + ' ' + name, ''] + paragraphs(text),
        'own-line joined': lambda: [headline, posts + name, ''] + paragraphs(text),
        'run-in': lambda: [posts + ' ' + name + '：' + text[0], ''] + paragraphs(text[1:]),
        'run-in joined': lambda: [posts + name + '：' + text[0], ''] + paragraphs(text[1:]),
        'run-in bracketed': lambda: ['【' + name + '】' + posts + '：' + text[0], ''] + paragraphs(text[1:]),
        'name-first': lambda: [name + '（' + posts + '）：' + text[0], ''] + paragraphs(text[1:]),
        'name-first bold': lambda: ['**' + name + '**（' + posts + '）：' + text[0], ''] + paragraphs(text[1:]),
        'delegate': lambda: ['**' + name + '代表**（' + posts + '）：' + text[0], ''] + paragraphs(text[1:]),
        'subtitle': lambda: [headline, '——' + posts + name + '的学习体会', ''] + paragraphs(text),
        'subtitle 对': lambda: [headline, '——' + posts + ' ' + name + '对新时代的体会', ''] + paragraphs(text),
        'attribution': lambda: [headline, ''] + paragraphs(text) + ['（作者为' + posts + ' ' + name + '）', ''],
        'attribution 系': lambda: [headline, ''] + paragraphs(text) + ['（作者系' + posts + name + '）', ''],
        'bold': lambda: [posts + '**' + name + '**：' + text[0], ''] + paragraphs(text[1:]),
        'name-first in groups': lambda: ([rng.choice(['专家学者', '基层代表', '企业代表']), '']
                                         if rng.random() < 0.4 else []) +
        [name + '（' + posts + '）：' + text[0], ''] + paragraphs(text[1:]),
    }
    return forms[layout]()


LAYOUTS = ['own-line under headlines', 'own-line NAME POSTS', 'own-line POSTS NAME',
           'own-line padded', 'own-line bulleted', 'own-line joined', 'run-in', 'run-in joined', 'run-in bracketed',
           'name-first', 'name-first bold', 'delegate', 'subtitle', 'subtitle 对', 'attribution',
           'attribution 系', 'bold', 'name-first in groups']


def page(rng, layout, mixed):
    """(text, [(name, posts)], unlisted surnames' names, unlisted roles)."""
    people, names, roles = [], [], []
    while len(people) < rng.randint(2, 5):
        name, posts, unlisted, role = person(rng, mixed)
        if any(name == p[0] for p in people):
            continue
        people.append((name, posts))
        names += unlisted
        roles += [role] if role else []
    lines = ['关于新时代工作的座谈会发言摘登', '']
    if mixed and rng.random() < 0.3:
        lines += ['——在全市工作推进会上的发言', '']
    if mixed and rng.random() < 0.3:
        lines += ['编者按：近日，某市召开座谈会，禤国庆等同志作了发言。现将发言摘要刊发如下。', '']
    for name, posts in people:
        lines += speech(layout, rng, name, posts)
    lines.append('（本报记者 冼宁 整理）')
    return '\n'.join(lines) + '\n', people, names, roles


def speakers(path):
    """(speaker, title) of every speech fayan reads in path."""
    r = subprocess.run([FAYAN, '--json', path], capture_output=True,
                       env=dict(os.environ, LC_ALL='C.UTF-8'), timeout=60)
    return [(s['speaker'], s['title'])
            for c in json.loads(r.stdout or '{"collections":[]}')['collections'] for s in c['speeches']]


def swapped_samples(tmp):
    """The sample page of every layout (layouts/samples/), its speakers'
    surnames swapped for unlisted ones: read as the page itself is."""
    samples = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'layouts', 'samples')
    for name in sorted(os.listdir(samples)):
        path = os.path.join(samples, name)
        with open(path, encoding='utf-8') as f:
            text = f.read()
        want, swapped = [], []
        for n, (speaker, title) in enumerate(speakers(path)):
            surname = max((s for s in LEX['surname'] if speaker.startswith(s)), key=len, default='')
            if '·' in speaker or not surname:
                want.append((speaker, title))
                continue
            new = SURNAMES[n % len(SURNAMES)] + speaker[len(surname):]
            text = text.replace(speaker, new)
            want.append((new, title))
            swapped.append(new)
        out = os.path.join(tmp, 'swapped-' + name)
        with open(out, 'w', encoding='utf-8') as f:
            f.write(text)
        got = speakers(out)
        ok(len(swapped) > 1 and not any(surname_listed(x) for x in swapped) and got == want,
           'sample %s, %d of its speakers\' surnames unlisted: %s' % (
               name, len(swapped), 'read as before' if got == want else 'want %s, got %s' % (want, got)))


def main():
    rng = random.Random(20261206)
    pages = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(PAGES):
            layout = LAYOUTS[n % len(LAYOUTS)]
            mixed = n % 2 == 1
            text, people, names, roles = page(rng, layout, mixed)
            ok(not any(surname_listed(x) for x in names) and not any(role_listed(r) for r in roles),
               'page %d: its unlisted surnames and roles are in no list' % n)
            path = os.path.join(tmp, '%03d.txt' % n)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            pages[path] = (layout, mixed, people)
        env = dict(os.environ, LC_ALL='C.UTF-8')
        r = subprocess.run([FAYAN, '--json', tmp], capture_output=True, env=env, timeout=120)
        ok(r.returncode == 0, 'fayan --json on %d pages exits 0 (%d)' % (PAGES, r.returncode))
        got = {}
        for c in json.loads(r.stdout or '{"collections":[]}')['collections']:
            got.setdefault(c['path'], []).extend((s['speaker'], s['title']) for s in c['speeches'])
        for path, (layout, mixed, people) in sorted(pages.items()):
            seen = got.get(path, [])
            ok(seen == people, '%s: %s%s, %d speakers%s' % (
                os.path.basename(path), layout, ' (mixed)' if mixed else '', len(people),
                '' if seen == people else ': want %s, got %s' % (people, seen)))
        swapped_samples(tmp)
    done()


main()
