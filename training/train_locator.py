"""Train the spine locator (issue 14): the spine's region on a film of any framing and the levels it shows.
One command:

    nice -n 5 /usr/bin/python3 training/train_locator.py --data ../shared/data/aasce-spine-train \
        --out training/runs/locator --minutes 45

Resumes from OUT/last.pt when it exists; seeded; writes OUT/log.txt, OUT/last.pt, OUT/best.pt (best
validation score, see `evaluate`). The same split as the landmark network (train_spine.load_split, seed 5,
validation cases left out of training).

Every training sample is one of the training films framed afresh (`frame_sample`): cut to a run of levels
(thoracic-only, lumbar-only, a middle run; the levels cut off are "not on the film"), sometimes narrowed at
the sides, letterboxed into the square, then scaled to 25-100 % and placed anywhere on a background
(uniform grey or black padding, or clutter: smooth value noise at several scales with bright ellipses and
rings for skull, shoulders and pelvis; the film's edge sometimes feathered into it), rotated up to 12 deg,
mirrored, photometric changes, sometimes inverted; 6 % of samples are long-leg films instead (one or two
OAI crops side by side, `--legs`, framed the same way), showing no spine; half the samples then keep only a rectangle of random
aspect around the film, zero outside (a canvas of any shape letterboxed into the square, as the Java side
does); a few samples are clutter alone (no spine). Targets:
the spine column (vertebral bodies of the levels shown and the disc spaces between them, area-sampled to
the output cells) and the 17 levels shown.
"""
import argparse
import math
import os
import platform
import random
import sys
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from locator_common import OUT, SIZE, LocatorNet, preprocess_square, region_box  # noqa: E402
from train_spine import load_split, open_log, set_lr  # noqa: E402


def clutter(rng):
    """A SIZE x SIZE background, 0..1 (see the module)."""
    kind = rng.random()
    if kind < 0.25:
        return np.full((SIZE, SIZE), rng.choice([0.0, 0.5, rng.random()]), np.float32)
    bg = np.zeros((SIZE, SIZE), np.float32)
    for _ in range(rng.randint(1, 3)):
        cells = rng.choice([3, 6, 12, 24, 48])
        n = np.array([[rng.random() for _ in range(cells + 1)] for _ in range(cells + 1)], np.float32)
        bg += cv2.resize(n, (SIZE, SIZE), interpolation=cv2.INTER_CUBIC) * rng.uniform(0.2, 1.0)
    bg = (bg - bg.min()) / max(float(bg.max() - bg.min()), 1e-6) * rng.uniform(0.15, 0.7) + rng.uniform(0, 0.35)
    for _ in range(rng.randint(0, 6)):
        c = (int(rng.uniform(0, SIZE)), int(rng.uniform(0, SIZE)))
        ax = (int(rng.uniform(6, 90)), int(rng.uniform(6, 90)))
        shape = np.zeros((SIZE, SIZE), np.float32)
        thick = -1 if rng.random() < 0.5 else rng.randint(2, 10)
        cv2.ellipse(shape, c, ax, rng.uniform(0, 180), 0, rng.choice([360, 180, 120]), 1.0, thick)
        bg += cv2.GaussianBlur(shape, (0, 0), rng.uniform(0.5, 4)) * rng.uniform(0.15, 0.6)
    return np.clip(bg, 0, 1)


def leg_film(legs, rng):
    """A film with no spine on it: one or two long-leg crops side by side (the second mirrored), as a record
    frame_sample takes (no vertebrae)."""
    a = legs[rng.randrange(len(legs))]
    if rng.random() < 0.5:
        a = np.hstack([a, legs[rng.randrange(len(legs))][:, ::-1]])
    h, w = a.shape
    return dict(small=np.ascontiguousarray(a), w=w, h=h, pts=None)


def frame_sample(r, rng, negative=False):
    """One training sample from film record r: (image SIZE x SIZE 0..1, region target OUT x OUT, levels 17).
    A record without vertebrae (pts None, leg_film) is framed the same way and shows no level."""
    small = r["small"].astype(np.float32) / 255.0
    hc, wc = small.shape
    kx, ky = wc / r["w"], hc / r["h"]
    spine = r["pts"] is not None
    v = r["pts"].reshape(17, 4, 2) if spine else np.tile(np.array([[wc / 2, hc / 2]]), (17, 4, 1)) / np.array([kx, ky])
    vc = np.stack([(v[..., 0] + 0.5) * kx - 0.5, (v[..., 1] + 0.5) * ky - 0.5], -1)  # cache px
    present = np.ones(17, bool)
    y0, y1, x0, x1 = 0.0, float(hc), 0.0, float(wc)
    cy = vc.mean(1)[:, 1]
    if spine and rng.random() < 0.4 and np.all(np.diff(cy) > 0):
        kind = rng.random()
        if kind < 0.4:
            a, b = 0, rng.randint(5, 13)
        elif kind < 0.8:
            a, b = rng.randint(4, 12), 16
        else:
            a = rng.randint(1, 9)
            b = rng.randint(a + 4, 15)
        if a > 0:
            y0 = cy[a - 1] + (0.5 + rng.uniform(-0.15, 0.15)) * (cy[a] - cy[a - 1])
        if b < 16:
            y1 = cy[b] + (0.5 + rng.uniform(-0.15, 0.15)) * (cy[b + 1] - cy[b])
        present[:] = False
        present[a:b + 1] = True
    if spine and rng.random() < 0.2:
        xs = vc[present][..., 0]
        half = (xs.max() - xs.min()) * rng.uniform(0.7, 1.5)
        mid = (xs.max() + xs.min()) / 2
        x0, x1 = max(0.0, mid - half), min(float(wc), mid + half)
    rw, rh = x1 - x0, y1 - y0
    s = min(SIZE / rw, SIZE / rh)
    canvas = rng.random() < 0.6
    for attempt in range(12):
        damp = 1.0 if attempt < 6 else 0.3
        k = rng.uniform(0.25, 1.0) if canvas else rng.uniform(0.85, 1.0)
        k = 1.0 - (1.0 - k) * damp
        fw, fh = s * k * rw, s * k * rh
        tx = (SIZE - fw) * rng.random() - s * k * x0
        ty = (SIZE - fh) * rng.random() - s * k * y0
        base = np.array([[s * k, 0, tx], [0, s * k, ty], [0, 0, 1]])
        ang = math.radians(rng.uniform(-12, 12) * damp)
        cx, cyy = s * k * (x0 + x1) / 2 + tx, s * k * (y0 + y1) / 2 + ty
        c, sn = math.cos(ang), math.sin(ang)
        rot = np.array([[c, -sn, cx - c * cx + sn * cyy], [sn, c, cyy - sn * cx - c * cyy], [0, 0, 1]])
        m = rot @ base
        if rng.random() < 0.5:
            m = np.array([[-1, 0, SIZE - 1], [0, 1, 0], [0, 0, 1]]) @ m
        p = vc[present].reshape(-1, 2) @ m[:2, :2].T + m[:2, 2]
        if not spine or (p.min() > 2 and p.max() < SIZE - 3):
            break
    a2 = m[:2].astype(np.float32)
    img = cv2.warpAffine(small, a2, (SIZE, SIZE), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    inside = np.zeros((hc, wc), np.float32)
    inside[int(round(y0)):int(round(y1)), int(round(x0)):int(round(x1))] = 1.0
    ins = cv2.warpAffine(inside, a2, (SIZE, SIZE), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    if rng.random() < 0.3:
        ins = cv2.GaussianBlur(ins, (0, 0), rng.uniform(1, 8)) * ins
    bg = clutter(rng) if (canvas or rng.random() < 0.3) else np.full((SIZE, SIZE), rng.choice([0.0, 0.5]), np.float32)
    region = np.zeros((SIZE, SIZE), np.float32)
    if negative:
        img, present = bg, np.zeros(17, bool)
    elif not spine:
        img, present = img * ins + bg * (1 - ins), np.zeros(17, bool)
    else:
        img = img * ins + bg * (1 - ins)
        q = vc.reshape(-1, 2) @ m[:2, :2].T + m[:2, 2]
        q = q.reshape(17, 4, 2)
        idx = np.where(present)[0]
        for n, kk in enumerate(idx):
            tl, tr, bl, br = q[kk]
            cv2.fillPoly(region, [np.round(np.array([tl, tr, br, bl]) * 8).astype(np.int32)], 1.0,
                         lineType=cv2.LINE_8, shift=3)
            if n + 1 < len(idx):
                ntl, ntr = q[idx[n + 1]][0], q[idx[n + 1]][1]
                cv2.fillPoly(region, [np.round(np.array([bl, br, ntr, ntl]) * 8).astype(np.int32)], 1.0,
                             lineType=cv2.LINE_8, shift=3)
        region *= (ins > 0.5)
    img = photometric(img, rng)
    if rng.random() < 0.2:
        img = 1.0 - img
    if rng.random() < 0.5:
        # the whole canvas letterboxed as the Java side does it: a rectangle of its own aspect around the film,
        # zero outside (a canvas about as narrow as the film leaves a column of clutter above and below it)
        fb = ins > 0.5
        ys, xs = np.nonzero(fb) if fb.any() else (np.array([SIZE // 2]), np.array([SIZE // 2]))
        cx0 = int(rng.uniform(0, xs.min() + 1))
        cx1 = int(rng.uniform(xs.max(), SIZE)) + 1
        cy0 = int(rng.uniform(0, ys.min() + 1))
        cy1 = int(rng.uniform(ys.max(), SIZE)) + 1
        outer = np.zeros((SIZE, SIZE), np.float32)
        outer[cy0:cy1, cx0:cx1] = 1.0
        img = img * outer
    target = cv2.resize(region, (OUT, OUT), interpolation=cv2.INTER_AREA)
    return img, target, present.astype(np.float32)


def photometric(img, rng):
    img = np.clip(img, 0, 1) ** math.exp(rng.uniform(-0.4, 0.4))
    img = img * rng.uniform(0.7, 1.3) + rng.uniform(-0.15, 0.15)
    if rng.random() < 0.3:
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 1.5))
    if rng.random() < 0.5:
        img = img + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(0, 0.04), img.shape)
    return np.clip(img, 0, 1.2).astype(np.float32)


def make_batch(recs, idx, rng, legs=()):
    xs, ts, ls = [], [], []
    for i in idx:
        if legs and rng.random() < 0.06:
            img, t, lv = frame_sample(leg_film(legs, rng), rng)
        else:
            img, t, lv = frame_sample(recs[i], rng, negative=rng.random() < 0.04)
        m, sd = float(img.mean()), float(img.std())
        xs.append((img - m) / max(sd, 1e-6))
        ts.append(t)
        ls.append(lv)
    return (torch.from_numpy(np.stack(xs)[:, None].astype(np.float32)), torch.from_numpy(np.stack(ts)[:, None]),
            torch.from_numpy(np.stack(ls)))


def losses(region, levels, t, lv):
    bce = F.binary_cross_entropy_with_logits(region, t, pos_weight=torch.tensor(3.0))
    p = torch.sigmoid(region)
    inter = (p * t).sum((1, 2, 3))
    dice = 1 - (2 * inter + 1) / (p.sum((1, 2, 3)) + t.sum((1, 2, 3)) + 1)
    lvl = F.binary_cross_entropy_with_logits(levels, lv)
    return bce + dice.mean() + lvl, dict(bce=bce.item(), dice=dice.mean().item(), levels=lvl.item())


def validation_set(val, seed):
    """Fixed framings of the validation films: as they are, and three drawn ones (frame_sample with a
    per-film seed), each with its true box (input px) and levels."""
    out = []
    for n, r in enumerate(val):
        x, (s, ox, oy) = preprocess_square(r["full"])
        v = r["pts"].reshape(-1, 2) * s + np.array([ox, oy])
        out.append((x, (v[:, 0].min(), v[:, 1].min(), v[:, 0].max(), v[:, 1].max()), np.ones(17, np.float32),
                    "whole"))
        rng = random.Random(seed * 1000 + n)
        for j in range(3):
            img, t, lv = frame_sample(r, rng)
            on = np.argwhere(cv2.resize(t, (SIZE, SIZE), interpolation=cv2.INTER_NEAREST) > 0.5)
            box = (on[:, 1].min(), on[:, 0].min(), on[:, 1].max() + 1, on[:, 0].max() + 1)
            m, sd = float(img.mean()), float(img.std())
            out.append((((img - m) / max(sd, 1e-6))[None, None].astype(np.float32), box, lv, "framed"))
    return out


def iou(a, b):
    if a is None:
        return 0.0
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


@torch.no_grad()
def evaluate(model, vset):
    """Box IoU (median, share >= 0.7) and films whose levels shown are all right, per kind."""
    model.eval()
    res = {}
    for x, box, lv, kind in vset:
        region, levels = model(torch.from_numpy(x))
        pb = region_box(torch.sigmoid(region)[0, 0].numpy())
        ok = bool(((torch.sigmoid(levels)[0].numpy() > 0.5) == (lv > 0.5)).all())
        d = res.setdefault(kind, dict(iou=[], levels=[]))
        d["iou"].append(iou(pb, box))
        d["levels"].append(ok)
    model.train()
    out = {}
    for kind, d in res.items():
        out[kind] = dict(iou_median=float(np.median(d["iou"])), iou_07=float(np.mean(np.array(d["iou"]) >= 0.7)),
                         levels_right=float(np.mean(d["levels"])))
    out["score"] = sum(v["iou_07"] + v["levels_right"] for v in out.values() if isinstance(v, dict))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--out", default="training/runs/locator")
    ap.add_argument("--minutes", type=float, default=45.0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--val-frac", type=float, default=0.11)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--eval-every", type=int, default=4, help="validate every N epochs (and at the end)")
    ap.add_argument("--legs", default="../shared/data/oai-legs-seg/train/images",
                    help="long-leg crops shown as films without a spine (6 %% of samples); '' for none")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    say = open_log(args.out)
    t0 = time.time()
    recs, _, report = load_split(args)
    train = [r for r in recs if not r["val"]]
    val = [r for r in recs if r["val"]]
    vset = validation_set(val, args.seed)
    legs = []
    if args.legs and os.path.isdir(args.legs):
        for n in sorted(os.listdir(args.legs)):
            im = cv2.imread(os.path.join(args.legs, n), cv2.IMREAD_GRAYSCALE)
            if im is not None:
                legs.append(im)
    say("%d long-leg crops as films without a spine" % len(legs))
    say("data: %d train films, %d val films (%d framings); load %.0fs"
        % (len(train), len(val), len(vset), time.time() - t0))
    model = LocatorNet()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    state = dict(epoch=0, elapsed=0.0, best=-1.0, history=[])
    last = os.path.join(args.out, "last.pt")
    if os.path.exists(last):
        ck = torch.load(last)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        rng.setstate(ck["rng"])
        torch.set_rng_state(ck["torch_rng"])
        say("resumed at epoch %d, %.1f min elapsed" % (state["epoch"], state["elapsed"] / 60))
    say("params %d, host %s, torch %s, threads %d" % (sum(p.numel() for p in model.parameters()),
                                                       platform.node(), torch.__version__, torch.get_num_threads()))
    budget = args.minutes * 60
    while state["elapsed"] < budget:
        ep_start = time.time()
        order = list(range(len(train)))
        rng.shuffle(order)
        agg, nb = {}, 0
        for b0 in range(0, len(order) - args.batch + 1, args.batch):
            frac = min(state["elapsed"] + (time.time() - ep_start), budget) / budget
            set_lr(opt, args.lr, frac, min(1.0, (state["epoch"] * len(order) + b0) / len(order)))
            x, t, lv = make_batch(train, order[b0:b0 + args.batch], rng, legs)
            region, levels = model(x)
            loss, parts = losses(region, levels, t, lv)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            for k, a in parts.items():
                agg[k] = agg.get(k, 0) + a
            nb += 1
        state["epoch"] += 1
        state["elapsed"] += time.time() - ep_start
        ck = dict(model=model.state_dict(), opt=opt.state_dict(), state=state, rng=rng.getstate(),
                  torch_rng=torch.get_rng_state(), args=vars(args))
        if state["epoch"] % args.eval_every and state["elapsed"] < budget:
            torch.save(ck, last + ".tmp")
            os.replace(last + ".tmp", last)
            say("epoch %d  %.1f min  lr %.2e  %s" % (state["epoch"], state["elapsed"] / 60, opt.param_groups[0]["lr"],
                                                     " ".join("%s %.3f" % (k, a / max(nb, 1)) for k, a in agg.items())))
            continue
        ev = evaluate(model, vset)
        state["history"].append(dict(epoch=state["epoch"], elapsed=state["elapsed"], **ev))
        say("epoch %d  %.1f min  lr %.2e  %s  val %s" % (
            state["epoch"], state["elapsed"] / 60, opt.param_groups[0]["lr"],
            " ".join("%s %.3f" % (k, a / max(nb, 1)) for k, a in agg.items()),
            " ".join("%s: IoU %.2f, >=0.7 %.2f, levels %.2f" % (k, d["iou_median"], d["iou_07"], d["levels_right"])
                     for k, d in ev.items() if isinstance(d, dict))))
        torch.save(ck, last + ".tmp")
        os.replace(last + ".tmp", last)
        if ev["score"] > state["best"]:
            state["best"] = ev["score"]
            torch.save(dict(model=model.state_dict(), state=state, args=vars(args)), os.path.join(args.out, "best.pt"))
            say("  new best")
    say("done: %d epochs, %.1f min training" % (state["epoch"], state["elapsed"] / 60))


if __name__ == "__main__":
    main()
