"""Train the second-stage vertebra network (refine_common.py). One command:

    nice -n 10 /usr/bin/python3 training/train_refine.py --data ../shared/data/aasce-spine-train \
        --out training/runs/refine --minutes 45

Same split, label checks and masks as train_spine.py (seed 5, by case). Each training sample is one
labelled vertebra: a patch around its true centre moved by up to +-0.3 (x) / +-0.5 (y) of the local
spacing (the first stage's centres are about that far off: median 0.11 / 0.24, 90th percentile
0.29 / 0.64 on the validation split), its size jittered by -15..+15 %, rotated by +-12 deg and mirrored
at random, with the photometric augmentation of the first stage. The network learns the corners of
the vertebra nearest the patch centre. Resumes from OUT/last.pt. Validation each epoch: corner error and
mid-line tilt error with the true centres, and the whole pipeline (first-stage centres given by
--stage1, this network, AASCE Cobb logic, SMAPE) on the validation films.
"""
import argparse
import math
import os
import platform
import random
import sys
import time

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from refine_common import OUT, P, SIDE_FACTOR, STRIDE, RefineNet, decode, refine, spacings, warp_patch  # noqa: E402
from spine_common import SpineNet, case_of, cobb_angles, label_problems, landmarks_px, load_labels, smape  # noqa: E402
from train_spine import open_log, photometric, set_lr, split_cases, vertebra_mask  # noqa: E402


def load(args):
    names, lm, ang = load_labels(args.data)
    val_cases = split_cases(names, args.val_frac, args.split_seed)
    recs = []
    for i, n in enumerate(names):
        with Image.open(os.path.join(args.data, "images", n)) as im:
            g = np.asarray(im.convert("L"), np.uint8)
        h, w = g.shape
        pts = landmarks_px(lm[i], w, h)
        probs = label_problems(pts, ang[i], w, h)
        v = pts.reshape(17, 4, 2)
        mask = vertebra_mask(v)
        is_val = case_of(n) in val_cases
        if not is_val and (any(p.startswith("angles.csv") for p in probs) or mask.sum() < 12):
            continue
        recs.append(dict(name=n, val=is_val, clean=not probs, g=g, v=v, mask=mask, ang=ang[i], h=h, w=w))
    return recs


def make_batch(samples, recs, rng):
    """samples: list of (film index, level). Returns x (B x 1 x P x P), corners (B x 4 x 2, patch px)."""
    xs, ts = [], []
    for fi, lev in samples:
        r = recs[fi]
        v = r["v"]
        c_true = v.mean(1)
        sp = spacings(c_true)[lev]
        side = SIDE_FACTOR * sp * math.exp(rng.uniform(-0.15, 0.15))
        c = c_true[lev] + np.array([rng.uniform(-0.3, 0.3), rng.uniform(-0.5, 0.5)]) * sp
        ang = math.radians(rng.uniform(-12, 12))
        flip = rng.random() < 0.5
        img, a = warp_patch(r["g"], c, side, ang, flip)
        img = photometric(img, rng)
        img = (img - img.mean()) / img.std().clamp_min(1e-6)
        xs.append(img)
        # corners in patch px: p = inv(a) (q - c) + P/2 - 0.5
        q = (v[lev] - c) @ np.linalg.inv(a).T + P / 2 - 0.5
        if flip:
            q = q[[1, 0, 3, 2]]
        ts.append(torch.tensor(q, dtype=torch.float32))
    return torch.stack(xs).unsqueeze(1), torch.stack(ts)


def tilt_deg(q):
    left = (q[:, 0] + q[:, 2]) / 2
    right = (q[:, 1] + q[:, 3]) / 2
    d = right - left
    return torch.rad2deg(torch.atan2(d[:, 1], d[:, 0]))


def losses(heat, t):
    logp, q = decode(heat)
    lk = (q - t).abs().sum(2).mean()
    dang = torch.remainder(tilt_deg(q) - tilt_deg(t) + 180.0, 360.0) - 180.0
    la = dang.abs().mean()
    u = torch.arange(OUT, dtype=torch.float32)
    cu = (t[..., 0] - (STRIDE - 1) / 2.0) / STRIDE
    cv = (t[..., 1] - (STRIDE - 1) / 2.0) / STRIDE
    gu = torch.exp(-((u.view(1, 1, 1, -1) - cu[..., None, None]) ** 2) / 2.0)
    gv = torch.exp(-((u.view(1, 1, -1, 1) - cv[..., None, None]) ** 2) / 2.0)
    g = (gu * gv).reshape(t.shape[0], 4, -1)
    g = g / g.sum(2, keepdim=True).clamp_min(1e-12)
    lh = -(g * logp).sum(2).mean()
    return lk + 1.0 * la + 0.5 * lh, dict(corner=lk.item(), angle=la.item(), heat=lh.item())


def stage1_centres(stage1, val, cache):
    """First-stage centres (17 x 2 film px) for each validation film, computed once with the flip."""
    if os.path.exists(cache):
        d = np.load(cache, allow_pickle=True).item()
        if all(r["name"] in d for r in val):
            return d
    import evaluate as E
    m = SpineNet()
    m.load_state_dict(torch.load(stage1, map_location="cpu")["model"])
    m.eval()
    d = {}
    for r in val:
        q, _, _ = E.predict(m, r["g"], True)
        d[r["name"]] = q.reshape(17, 4, 2).mean(1)
    np.save(cache, d)
    return d


@torch.no_grad()
def evaluate(model, val, centres1, rng):
    model.eval()
    errs, tilts, preds, gts = [], [], [], []
    for r in val:
        c_true = r["v"].mean(1)
        q = refine(model, r["g"], c_true, tta=False)
        errs.append(np.linalg.norm(q - r["v"], axis=2).mean())
        tq = tilt_deg(torch.tensor(q)).numpy()
        tv = tilt_deg(torch.tensor(r["v"])).numpy()
        tilts.append(np.abs(tq - tv).mean())
        q1 = refine(model, r["g"], centres1[r["name"]], tta=False)
        a, _ = cobb_angles(q1.reshape(68, 2), r["h"])
        preds.append(a)
        gts.append(r["ang"])
    model.train()
    preds, gts = np.array(preds), np.array(gts)
    return dict(corner_true_c=float(np.mean(errs)), tilt_true_c=float(np.mean(tilts)),
                smape=float(smape(gts, preds).mean()), mae=np.abs(preds - gts).mean(0).round(2).tolist())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--out", default="training/runs/refine")
    ap.add_argument("--stage1", default="training/checkpoints/spine-best.pt")
    ap.add_argument("--minutes", type=float, default=45.0)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=5, help="initialisation and sampling")
    ap.add_argument("--split-seed", type=int, default=5, help="the validation split (keep 5: train_spine.py's split)")
    ap.add_argument("--val-frac", type=float, default=0.11)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epoch-samples", type=int, default=3500, help="vertebrae per epoch")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    say = open_log(args.out)

    t0 = time.time()
    recs = load(args)
    train = [i for i, r in enumerate(recs) if not r["val"]]
    val = [r for r in recs if r["val"] and r["clean"]]
    samples = [(i, k) for i in train for k in range(17) if recs[i]["mask"][k]]
    centres1 = stage1_centres(args.stage1, val, os.path.join(args.out, "stage1-centres.npy"))
    say("data: %d train films (%d vertebrae), %d val films scored; load %.0fs"
        % (len(train), len(samples), len(val), time.time() - t0))
    model = RefineNet()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    state = dict(epoch=0, elapsed=0.0, best=1e9, history=[])
    last = os.path.join(args.out, "last.pt")
    if os.path.exists(last):
        ck = torch.load(last)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        rng.setstate(ck["rng"])
        torch.set_rng_state(ck["torch_rng"])
        say("resumed at epoch %d, %.1f min elapsed" % (state["epoch"], state["elapsed"] / 60))
    say("params %d, host %s, %s, torch %s, threads %d, patch %d, side %.1f x spacing"
        % (sum(p.numel() for p in model.parameters()), platform.node(), platform.machine(), torch.__version__,
           torch.get_num_threads(), P, SIDE_FACTOR))
    budget = args.minutes * 60
    while state["elapsed"] < budget:
        ep_start = time.time()
        order = rng.sample(samples, min(args.epoch_samples, len(samples)))
        agg, nb = {}, 0
        for b0 in range(0, len(order) - args.batch + 1, args.batch):
            frac = min(state["elapsed"] + (time.time() - ep_start), budget) / budget
            set_lr(opt, args.lr, frac, min(1.0, (state["epoch"] * len(order) + b0) / len(order)))
            x, t = make_batch(order[b0:b0 + args.batch], recs, rng)
            loss, parts = losses(model(x), t)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            for k_, a in parts.items():
                agg[k_] = agg.get(k_, 0) + a
            nb += 1
        state["epoch"] += 1
        state["elapsed"] += time.time() - ep_start
        ev = evaluate(model, val, centres1, rng)
        state["history"].append(dict(epoch=state["epoch"], elapsed=state["elapsed"], **ev))
        say("epoch %d  %.1f min  lr %.2e  %s  val corner %.1f px tilt %.2f deg (true centres)  pipeline SMAPE %.2f%% MAE %s"
            % (state["epoch"], state["elapsed"] / 60, opt.param_groups[0]["lr"],
               " ".join("%s %.2f" % (k_, a / max(nb, 1)) for k_, a in agg.items()),
               ev["corner_true_c"], ev["tilt_true_c"], ev["smape"], ev["mae"]))
        ck = dict(model=model.state_dict(), opt=opt.state_dict(), state=state, rng=rng.getstate(),
                  torch_rng=torch.get_rng_state(), args=vars(args))
        torch.save(ck, last + ".tmp")
        os.replace(last + ".tmp", last)
        if ev["smape"] < state["best"]:
            state["best"] = ev["smape"]
            torch.save(dict(model=model.state_dict(), state=state, args=vars(args)), os.path.join(args.out, "best.pt"))
            say("  new best")
    say("done: %d epochs, %.1f min training" % (state["epoch"], state["elapsed"] / 60))


if __name__ == "__main__":
    main()
