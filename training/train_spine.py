"""Train the vertebra landmark network (issue 5). One command:

    nice -n 10 /usr/bin/python3 training/train_spine.py --data ../shared/data/aasce-spine-train \
        --out training/runs/main --minutes 70

Resumes from OUT/last.pt when it exists. Writes OUT/split.json (validation cases), OUT/labels.json
(label checks), OUT/log.txt, OUT/last.pt, OUT/best.pt (best validation SMAPE).
The learning rate follows a cosine over the wall-clock budget (--minutes), so the schedule fits
the time available on a shared 2-core machine; the elapsed time is kept in the checkpoint.
"""
import argparse
import json
import math
import os
import platform
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spine_common import (IN_H, IN_W, OFFSET_SCALE, OUT_H, OUT_W, SCALE_AUG, STRIDE, SpineNet, case_of, cobb_angles,  # noqa: E402
                          decode, label_problems, landmarks_px, load_labels, preprocess, smape)

CACHE_H = 1024


def open_log(out):
    """A function that prints a time-stamped line and appends it to OUT/log.txt."""
    log = open(os.path.join(out, "log.txt"), "a")

    def say(msg):
        line = time.strftime("%H:%M:%S ") + msg
        print(line, flush=True)
        log.write(line + "\n")
        log.flush()
    return say


def set_lr(opt, base, frac, warm):
    """Cosine over the wall-clock budget (frac = share spent) after a linear warm-up (warm 0..1),
    floored at 1 % of the base rate."""
    lr = base * warm * 0.5 * (1 + math.cos(math.pi * frac))
    for gr in opt.param_groups:
        gr["lr"] = max(lr, base * 0.01)


def split_cases(names, frac, seed):
    cases = sorted(set(case_of(n) for n in names))
    rng = random.Random(seed)
    rng.shuffle(cases)
    nval = int(round(frac * len(cases)))
    return set(cases[:nval])


def vertebra_mask(v):
    """17 booleans: vertebrae whose label is usable (corner order right, centre between neighbours)."""
    ok = np.ones(17, bool)
    tl, tr, bl, br = v[:, 0], v[:, 1], v[:, 2], v[:, 3]
    ok &= (tl[:, 0] < tr[:, 0]) & (bl[:, 0] < br[:, 0]) & (tl[:, 1] < bl[:, 1]) & (tr[:, 1] < br[:, 1])
    c = v.mean(1)[:, 1]
    for k in range(16):
        if c[k + 1] <= c[k]:
            ok[k] = ok[k + 1] = False
    return ok


def load_split(args):
    names, lm, ang = load_labels(args.data)
    val_cases = split_cases(names, args.val_frac, args.seed)
    recs = []
    report = {"problems": {}, "excluded_from_training": [], "masked_vertebrae": {}}
    for i, n in enumerate(names):
        with Image.open(os.path.join(args.data, "images", n)) as im:
            im = im.convert("L")
            w, h = im.size
            pts = landmarks_px(lm[i], w, h)
            probs = label_problems(pts, ang[i], w, h)
            v = pts.reshape(17, 4, 2)
            mask = vertebra_mask(v)
            angle_bad = any(p.startswith("angles.csv") for p in probs)
            if probs:
                report["problems"][n] = probs
            if not mask.all():
                report["masked_vertebrae"][n] = [int(k) for k in np.where(~mask)[0]]
            is_val = case_of(n) in val_cases
            if not is_val and (angle_bad or mask.sum() < 12):
                report["excluded_from_training"].append(n)
                continue
            cw = int(round(w * CACHE_H / h))
            small = np.asarray(im.resize((cw, CACHE_H), Image.BILINEAR), np.uint8)
            recs.append(dict(name=n, val=is_val, clean=not probs, w=w, h=h, pts=pts, mask=mask,
                             ang=ang[i], small=small,
                             full=np.asarray(im, np.uint8) if is_val else None))
    return recs, sorted(val_cases), report


def sample_matrix(r, rng, train, rows=None, keep=None, shrink=None):
    """2x3 affine from original-pixel coords to input coords (pixel-centre convention).
    rows = (top, bottom) original px: only that band of the film is letterboxed (a partial film);
    keep: the levels whose corners must stay inside the input; shrink = (k, fx, fy): the result is
    scaled by k about the input centre and moved so the film sits at (fx, fy) of the free room
    (a film pasted small on a larger canvas)."""
    w, h = r["w"], r["h"]
    y0 = 0.0
    if rows is not None:
        y0, h = rows[0], rows[1] - rows[0]
    s = min(IN_H / h, IN_W / w)
    ox, oy = (IN_W - s * w) / 2.0, (IN_H - s * h) / 2.0
    base = np.array([[s, 0, 0.5 * s - 0.5 + ox], [0, s, 0.5 * s - 0.5 + oy - s * y0], [0, 0, 1]])
    if shrink is not None:
        k, fx, fy = shrink
        fw, fh = s * w * k, s * h * k
        tx = (IN_W - fw) * fx - (IN_W - s * w) / 2.0 * k
        ty = (IN_H - fh) * fy - (IN_H - s * h) / 2.0 * k
        base = np.array([[k, 0, tx], [0, k, ty], [0, 0, 1]]) @ base
    pts = r["pts"] if keep is None else r["pts"].reshape(17, 4, 2)[keep].reshape(-1, 2)
    if not train:
        return base, False
    for attempt in range(10):
        damp = 1.0 if attempt < 5 else 0.3
        ang = math.radians(rng.uniform(-10, 10) * damp)
        sc = 1.0 + rng.uniform(*SCALE_AUG) * damp
        sx = sc * (1.0 + rng.uniform(-0.08, 0.08) * damp)
        tx = rng.uniform(-0.06, 0.06) * IN_W * damp
        ty = rng.uniform(-0.04, 0.04) * IN_H * damp
        cx, cy = (IN_W - 1) / 2.0, (IN_H - 1) / 2.0
        c, sn = math.cos(ang), math.sin(ang)
        aug = np.array([[c * sx, -sn * sc, 0], [sn * sx, c * sc, 0], [0, 0, 1]])
        t1 = np.array([[1, 0, -cx], [0, 1, -cy], [0, 0, 1]])
        t2 = np.array([[1, 0, cx + tx], [0, 1, cy + ty], [0, 0, 1]])
        flip = rng.random() < 0.5
        fm = np.array([[-1, 0, IN_W - 1], [0, 1, 0], [0, 0, 1]]) if flip else np.eye(3)
        m = fm @ t2 @ aug @ t1 @ base
        p = pts @ m[:2, :2].T + m[:2, 2]
        margin = 6
        if p[:, 0].min() > margin and p[:, 0].max() < IN_W - margin and p[:, 1].min() > margin \
                and p[:, 1].max() < IN_H - margin:
            return m, flip
    return base, False


def choose_framing(r, rng, aug):
    """Issue 14 framings made from a training film: (rows, present, shrink) or Nones.
    Partial: the film cut half way (+-15 % of a spacing) between two labelled centres, so only a run of
    levels is on it (thoracic-only, lumbar-only or a middle run, at least 5 levels); the cut-off levels
    are 'not on the film'. Canvas: the film (or the partial film) scaled to 30-80 % of the input and
    placed anywhere, clutter around it."""
    rows, present, shrink = None, np.ones(17, bool), None
    if aug["partial"] > 0 and rng.random() < aug["partial"]:
        c = r["pts"].reshape(17, 4, 2).mean(1)[:, 1]
        if np.all(np.diff(c) > 0):
            kind = rng.random()
            if kind < 0.4:
                a, b = 0, rng.randint(6, 13)
            elif kind < 0.8:
                a, b = rng.randint(4, 11), 16
            else:
                a = rng.randint(1, 8)
                b = rng.randint(a + 5, 15)
            top = 0.0 if a == 0 else c[a - 1] + (0.5 + rng.uniform(-0.15, 0.15)) * (c[a] - c[a - 1])
            bot = float(r["h"]) if b == 16 else c[b] + (0.5 + rng.uniform(-0.15, 0.15)) * (c[b + 1] - c[b])
            rows = (top, bot)
            present = np.zeros(17, bool)
            present[a:b + 1] = True
    if aug["canvas"] > 0 and rng.random() < aug["canvas"]:
        shrink = (rng.uniform(0.3, 0.8), rng.random(), rng.random())
    return rows, present, shrink


def clutter(rng, gen):
    """A background for a film pasted small: smooth value noise, bright ellipses and rings (skull,
    pelvis, shoulders), sometimes a uniform or black frame. IN_H x IN_W, 0..1."""
    kind = rng.random()
    if kind < 0.2:
        return torch.full((IN_H, IN_W), rng.choice([0.0, 0.5, rng.random()]))
    cells = rng.choice([(6, 2), (12, 4), (24, 8), (48, 16)])
    n = torch.rand((1, 1) + cells, generator=gen)
    bg = F.interpolate(n, size=(IN_H, IN_W), mode="bicubic", align_corners=False)[0, 0]
    bg = (bg - bg.min()) / (bg.max() - bg.min()).clamp_min(1e-6) * rng.uniform(0.2, 0.7) + rng.uniform(0, 0.3)
    yy = torch.arange(IN_H, dtype=torch.float32).view(-1, 1)
    xx = torch.arange(IN_W, dtype=torch.float32).view(1, -1)
    for _ in range(rng.randint(1, 5)):
        cx, cy = rng.uniform(0, IN_W), rng.uniform(0, IN_H)
        ax, ay = rng.uniform(15, 140), rng.uniform(15, 140)
        d = ((xx - cx) / ax) ** 2 + ((yy - cy) / ay) ** 2
        if rng.random() < 0.5:
            e = (d < 1).float() * rng.uniform(0.2, 0.6)
        else:
            e = torch.exp(-((d.sqrt() - 1) * max(ax, ay) / rng.uniform(2, 8)) ** 2) * rng.uniform(0.3, 0.8)
        bg = bg + e
    return bg.clamp(0, 1)


def make_batch(recs, idx, rng, train, grid, aug=None, gen=None):
    imgs, tgt, masks, pres = [], [], [], []
    for i in idx:
        r = recs[i]
        rows, present, shrink = choose_framing(r, rng, aug) if (train and aug) else (None, np.ones(17, bool), None)
        m, flip = sample_matrix(r, rng, train, rows, None if present.all() else np.where(present)[0], shrink)
        small = r["small"]
        hc, wc = small.shape
        # original px -> cache px: x_c = (x + 0.5) * wc / w - 0.5
        kx, ky = wc / r["w"], hc / r["h"]
        to_cache = np.array([[kx, 0, 0.5 * kx - 0.5], [0, ky, 0.5 * ky - 0.5], [0, 0, 1]])
        inv = to_cache @ np.linalg.inv(m)  # input px -> cache px
        src = grid @ torch.tensor(inv[:2].T, dtype=torch.float32)  # HW x 2
        gx = (2 * src[:, 0] + 1) / wc - 1
        gy = (2 * src[:, 1] + 1) / hc - 1
        g = torch.stack([gx, gy], 1).view(1, IN_H, IN_W, 2)
        t = torch.from_numpy(small).float().div_(255).view(1, 1, hc, wc)
        img = F.grid_sample(t, g, mode="bilinear", padding_mode="zeros", align_corners=False)[0, 0]
        if rows is not None or shrink is not None:
            # the band kept (original px) and the film's own bounds; outside: zero padding or clutter
            sy = (src[:, 1] + 0.5) / ky - 0.5
            sx = (src[:, 0] + 0.5) / kx - 0.5
            y_lo, y_hi = rows if rows is not None else (-0.5, r["h"] - 0.5)
            inside = ((sy >= y_lo) & (sy <= y_hi) & (sx >= -0.5) & (sx <= r["w"] - 0.5)).float().view(IN_H, IN_W)
            back = clutter(rng, gen) if shrink is not None else torch.zeros(IN_H, IN_W)
            img = img * inside + back * (1 - inside)
        if train:
            img = photometric(img, rng)
            if aug and aug["invert"] > 0 and rng.random() < aug["invert"]:
                img = 1.0 - img.clamp(0, 1)
        img = (img - img.mean()) / img.std().clamp_min(1e-6)
        imgs.append(img)
        p = r["pts"] @ m[:2, :2].T + m[:2, 2]
        v = p.reshape(17, 4, 2)
        mk = r["mask"] & present
        if flip:
            v = v[:, [1, 0, 3, 2]]
        tgt.append(torch.tensor(v, dtype=torch.float32))
        masks.append(torch.tensor(mk, dtype=torch.float32))
        pres.append(torch.tensor(present, dtype=torch.float32))
    return torch.stack(imgs).unsqueeze(1), torch.stack(tgt), torch.stack(masks), torch.stack(pres)


def photometric(img, rng):
    img = img.clamp(0, 1)
    img = img ** math.exp(rng.uniform(-0.4, 0.4))
    img = img * rng.uniform(0.7, 1.3) + rng.uniform(-0.15, 0.15)
    if rng.random() < 0.3:
        k = torch.tensor([1.0, 2.0, 1.0]) / 4
        img = F.conv2d(img.view(1, 1, *img.shape), (k[:, None] * k[None, :]).view(1, 1, 3, 3), padding=1)[0, 0]
    if rng.random() < 0.5:
        img = img + torch.randn_like(img) * rng.uniform(0.0, 0.04)
    return img


def losses(heat, off, v, mask, angle_w=0.5, rel_angle_w=0.0, present=None, absent_w=1.0):
    prob, centres, corners = decode(heat, off)
    tc = v.mean(2)  # B x 17 x 2
    msum = mask.sum().clamp_min(1)
    lc = (F.smooth_l1_loss(centres, tc, reduction="none", beta=2.0).sum(2) * mask).sum() / msum
    lk = ((corners - v).abs().sum(3).mean(2) * mask).sum() / msum

    def midline_deg(q):
        left = (q[:, :, 0] + q[:, :, 2]) / 2
        right = (q[:, :, 1] + q[:, :, 3]) / 2
        d = right - left
        return torch.rad2deg(torch.atan2(d[..., 1], d[..., 0]))

    dang = torch.remainder(midline_deg(corners) - midline_deg(v) + 180.0, 360.0) - 180.0
    la = (dang.abs() * mask).sum() / msum
    # relative tilt: the Cobb angles depend only on tilt differences between vertebrae, so the error
    # left after removing each film's mean tilt error is what matters for them
    mean_d = (dang * mask).sum(1, keepdim=True) / mask.sum(1, keepdim=True).clamp_min(1)
    lr_ = ((dang - mean_d).abs() * mask).sum() / msum
    # heat-map regulariser: cross entropy against a Gaussian at the true centre (sigma 1.5 cells)
    b = heat.shape[0]
    u = torch.arange(OUT_W, dtype=torch.float32)
    w_ = torch.arange(OUT_H, dtype=torch.float32)
    cu = (tc[..., 0] - (STRIDE - 1) / 2.0) / STRIDE
    cv = (tc[..., 1] - (STRIDE - 1) / 2.0) / STRIDE
    gu = torch.exp(-((u.view(1, 1, 1, -1) - cu[..., None, None]) ** 2) / (2 * 1.5 ** 2))
    gv = torch.exp(-((w_.view(1, 1, -1, 1) - cv[..., None, None]) ** 2) / (2 * 1.5 ** 2))
    g = (gu * gv).reshape(b, 17, -1)
    g = g / g.sum(2, keepdim=True).clamp_min(1e-12)
    logp = F.log_softmax(heat.reshape(b, 17, -1), 2)
    lh = (-(g * logp).sum(2) * mask).sum() / msum
    # levels not on the film (partial crops): cross entropy against a flat map, so their heat maps
    # spread out (the per-level spread is then the presence signal) instead of settling on a neighbour
    la_ = torch.zeros(())
    if present is not None and (present < 0.5).any():
        absent = 1.0 - present
        la_ = (-logp.mean(2) * absent).sum() / absent.sum().clamp_min(1) - math.log(OUT_H * OUT_W)
        lh = lh + absent_w * la_ * absent.sum() / msum
    # dense offsets: the 3 x 3 cells around each true centre regress (corner - true centre), so the
    # offset map learns the vertebra shape and tilt even while the heat maps are still diffuse
    tgt = ((v - tc.unsqueeze(2)) / OFFSET_SCALE).reshape(b, 17, 8)
    icu = torch.round(cu).long()
    icv = torch.round(cv).long()
    offl = off.reshape(b, 8, -1)
    ld = 0.0
    for du in (-1, 0, 1):
        for dv in (-1, 0, 1):
            idx = (icv + dv).clamp(0, OUT_H - 1) * OUT_W + (icu + du).clamp(0, OUT_W - 1)  # B x 17
            got = torch.gather(offl, 2, idx.unsqueeze(1).expand(b, 8, 17)).transpose(1, 2)  # B x 17 x 8
            ld = ld + ((got - tgt).abs().sum(2) * mask).sum() / msum
    ld = ld / 9 * OFFSET_SCALE / 4
    total = lc + lk + angle_w * la + rel_angle_w * lr_ + 1.0 * lh + ld
    return total, dict(centre=lc.item(), corner=lk.item(), angle=la.item(), rel_angle=lr_.item(), heat=lh.item(),
                       dense=ld.item(), absent=float(la_))


@torch.no_grad()
def evaluate(model, val):
    model.eval()
    preds, gts, cd = [], [], []
    for r in val:
        x, (s, ox, oy) = r["x"]
        heat, off = model(torch.from_numpy(x))
        _, _, corners = decode(heat, off)
        q = corners[0].numpy().reshape(68, 2)
        q = (q + 0.5 - np.array([ox, oy])) / s - 0.5
        a, _ = cobb_angles(q, r["h"])
        preds.append(a)
        gts.append(r["ang"])
        cd.append(np.linalg.norm(q - r["pts"], axis=1).mean())
    model.train()
    preds, gts = np.array(preds), np.array(gts)
    return dict(smape=float(smape(gts, preds).mean()), mae=np.abs(preds - gts).mean(0).round(2).tolist(),
                corner_px=float(np.mean(cd)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--out", default="training/runs/main")
    ap.add_argument("--minutes", type=float, default=70.0)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--val-frac", type=float, default=0.11)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", default=None, help="start from this checkpoint's weights (new schedule)")
    ap.add_argument("--angle-weight", type=float, default=0.5, help="weight of the mid-line tilt loss (deg)")
    ap.add_argument("--rel-angle-weight", type=float, default=0.0,
                    help="weight of the tilt loss after removing each film's mean tilt error (deg)")
    ap.add_argument("--snapshot-every", type=int, default=0,
                    help="in the last 40 %% of the budget, keep the weights every N epochs (OUT/snap-EPOCH.pt) "
                         "for averaging their weights later")
    ap.add_argument("--aug-partial", type=float, default=0.0,
                    help="share of samples cut to a run of levels (thoracic-only, lumbar-only, middle)")
    ap.add_argument("--aug-canvas", type=float, default=0.0,
                    help="share of samples pasted small (30-80 %%) on a cluttered canvas")
    ap.add_argument("--aug-invert", type=float, default=0.0, help="share of samples with grey levels inverted")
    ap.add_argument("--absent-weight", type=float, default=1.0,
                    help="weight of the flat-map loss of the levels cut off a partial sample")
    args = ap.parse_args()
    aug = dict(partial=args.aug_partial, canvas=args.aug_canvas, invert=args.aug_invert)
    gen = torch.Generator().manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    say = open_log(args.out)

    t0 = time.time()
    recs, val_cases, report = load_split(args)
    train = [r for r in recs if not r["val"]]
    val = [r for r in recs if r["val"] and r["clean"]]
    for r in val:
        r["x"] = preprocess(r["full"])
    with open(os.path.join(args.out, "split.json"), "w") as f:
        json.dump({"seed": args.seed, "val_cases": val_cases,
                   "val_files": sorted(r["name"] for r in recs if r["val"]),
                   "val_scored_files": sorted(r["name"] for r in val)}, f, indent=1)
    with open(os.path.join(args.out, "labels.json"), "w") as f:
        json.dump(report, f, indent=1)
    say("data: %d train films, %d val films (%d scored, clean labels), %d label problems, %d excluded; load %.0fs"
        % (len(train), sum(r["val"] for r in recs), len(val), len(report["problems"]),
           len(report["excluded_from_training"]), time.time() - t0))

    model = SpineNet()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    state = dict(epoch=0, elapsed=0.0, best=1e9, history=[])
    last = os.path.join(args.out, "last.pt")
    if args.init and not os.path.exists(last):
        model.load_state_dict(torch.load(args.init)["model"])
        say("initialised from %s" % args.init)
    if os.path.exists(last):
        ck = torch.load(last)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        rng.setstate(ck["rng"])
        torch.set_rng_state(ck["torch_rng"])
        if "gen_rng" in ck:
            gen.set_state(ck["gen_rng"])
        say("resumed at epoch %d, %.1f min elapsed" % (state["epoch"], state["elapsed"] / 60))
    budget = args.minutes * 60
    ii, jj = torch.meshgrid(torch.arange(IN_H, dtype=torch.float32), torch.arange(IN_W, dtype=torch.float32),
                            indexing="ij")
    grid = torch.stack([jj.reshape(-1), ii.reshape(-1), torch.ones(IN_H * IN_W)], 1)
    say("params %d, host %s, %s, torch %s, threads %d" % (sum(p.numel() for p in model.parameters()),
                                                          platform.node(), platform.processor() or platform.machine(),
                                                          torch.__version__, torch.get_num_threads()))
    while state["elapsed"] < budget:
        ep_start = time.time()
        order = list(range(len(train)))
        rng.shuffle(order)
        agg = {}
        nb = 0
        for b0 in range(0, len(order) - args.batch + 1, args.batch):
            frac = min(state["elapsed"] + (time.time() - ep_start), budget) / budget
            set_lr(opt, args.lr, frac, min(1.0, (state["epoch"] * len(order) + b0) / len(order)))
            x, v, m, pr = make_batch(train, order[b0:b0 + args.batch], rng, True, grid, aug, gen)
            heat, off = model(x)
            loss, parts = losses(heat, off, v, m, args.angle_weight, args.rel_angle_weight, pr, args.absent_weight)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            for k, val_ in parts.items():
                agg[k] = agg.get(k, 0) + val_
            nb += 1
        state["epoch"] += 1
        state["elapsed"] += time.time() - ep_start
        ev = evaluate(model, val)
        state["elapsed"] += 0  # evaluation time not counted in the LR budget
        state["history"].append(dict(epoch=state["epoch"], elapsed=state["elapsed"], **ev))
        say("epoch %d  %.1f min  lr %.2e  %s  val SMAPE %.2f%%  MAE %s  corner %.1f px"
            % (state["epoch"], state["elapsed"] / 60, opt.param_groups[0]["lr"],
               " ".join("%s %.2f" % (k, a / max(nb, 1)) for k, a in agg.items()),
               ev["smape"], ev["mae"], ev["corner_px"]))
        ck = dict(model=model.state_dict(), opt=opt.state_dict(), state=state, rng=rng.getstate(),
                  torch_rng=torch.get_rng_state(), gen_rng=gen.get_state(), args=vars(args))
        torch.save(ck, last + ".tmp")
        os.replace(last + ".tmp", last)
        if args.snapshot_every and state["elapsed"] > 0.6 * budget and state["epoch"] % args.snapshot_every == 0:
            torch.save(dict(model=model.state_dict(), state=state, args=vars(args)),
                       os.path.join(args.out, "snap-%03d.pt" % state["epoch"]))
        if ev["smape"] < state["best"]:
            state["best"] = ev["smape"]
            torch.save(dict(model=model.state_dict(), state=state, args=vars(args)), os.path.join(args.out, "best.pt"))
            say("  new best")
    say("done: %d epochs, %.1f min training" % (state["epoch"], state["elapsed"] / 60))


if __name__ == "__main__":
    main()
