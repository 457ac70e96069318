"""Candidate recall of control changes: the required gold control changes of the tune part of
dev-real (or of dev, ``--dev``) for which the extractor proposes a (trigger, place) candidate
whose place the scorer would match, whatever the ranker then decides.

    .venv/bin/python scripts/candidate_recall.py [--dev] [-v]

``-v`` lists the misses with the text around their place. The check part (dr-e, f, k, l) is
never read here.
"""
import sys, json, glob, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, '..', 'shared', 'eval'))
import score
from ingestion.extract.extractor import control_candidates
from ingestion.models import Report
TUNE=("dr-a","dr-b","dr-c","dr-d","dr-g","dr-h","dr-i","dr-j")
show='-v' in sys.argv
which = 'dev' if '--dev' in sys.argv else 'tune'
if which=='dev':
    paths=sorted(glob.glob(os.path.join(ROOT, '..', 'shared', 'eval') + '/dev/*.json'))
else:
    paths=[p for p in sorted(glob.glob(os.path.join(ROOT, '..', 'shared', 'eval') + '/dev-real/*.json')) if os.path.basename(p).startswith(TUNE)]
tot=hit=0; misses=[]; texts={}
for p in paths:
    d=json.load(open(p)); r=d['report']
    rep=Report(id=r['id'],published=r['published'],text=r['text'],outlet=r.get('outlet'),title=r.get('title'))
    cands,text,sms=control_candidates(rep); texts[os.path.basename(p)]=text
    preds=[{'place':c.place.name,'place_kind':c.place.kind,'unit':{'type':c.place.unit.type,'number':c.place.unit.number} if c.place.unit else None} for c in cands]
    for g in d['gold']:
        if g['kind']!='control_change' or g.get('optional'): continue
        tot+=1
        if any(score.place_matches(pr,g) for pr in preds): hit+=1
        else: misses.append((os.path.basename(p),g,sorted({(pr['place'],pr['place_kind']) for pr in preds})))
print(f"candidate recall {hit}/{tot} = {hit/tot:.3f}")
if show:
    for f,g,pr in misses:
        print('---',f,g['change'],g.get('place_names'),g.get('place_kind'),g.get('unit'))
        import re
        txt=texts[f]
        for nm in g.get('place_names') or []:
            for m in re.finditer(re.escape(nm),txt,re.I):
                print('   TX:',txt[max(0,m.start()-250):m.end()+150].replace('\n',' | '))
                break
            else: continue
            break
        print('   CANDS:',pr[:25])
