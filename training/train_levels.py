"""Train the end-vertebra check (level_common.py). One command:

    nice -n 10 /usr/bin/python3 training/train_levels.py --data ../shared/data/aasce-spine-train \
        --out training/runs/levels --minutes 20

Same split, label checks and masks as train_spine.py (seed 5, by case). Each sample is one candidate
level of one training film (level_common.candidates: C7, T1, T2, T3 at the top, L3, L4, L5, S1 at the
bottom, from the labelled centres), its patch centred within +-0.25 of its spacing of that centre,
the spacing and side jittered by -15..+15 %, rotated by +-10 deg and mirrored at random, with the first
stage's photometric augmentation. A film whose three labels at an end are not all usable gives no
samples at that end. Resumes from OUT/last.pt. Validation each epoch: accuracy per end at the labelled
centres of the validation films (with the flip), and the share of the T1 and L5 patches taken for
their own level.
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
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from level_common import BOTTOM, P, SIDE_FACTOR, TOP, EndNet, candidates, probabilities  # noqa: E402
from refine_common import warp_patch  # noqa: E402
from train_refine import load  # noqa: E402
from train_spine import open_log, photometric, set_lr  # noqa: E402


def usable(mask, bottom):
    return bool(mask[13:17].all()) if bottom else bool(mask[0:4].all())


def make_batch(samples, recs, rng):
    """samples: (film index, candidate 0..7). Returns x (B x 1 x P x P) and the class 0..7."""
    xs, ys = [], []
    for fi, j in samples:
        r = recs[fi]
        centre, sp = candidates(r["v"].mean(1))[j]
        sp *= math.exp(rng.uniform(-0.15, 0.15))
        c = centre + np.array([rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)]) * sp
        ang = math.radians(rng.uniform(-10, 10))
        img, _ = warp_patch(r["g"], c, SIDE_FACTOR * sp, ang, rng.random() < 0.5, P)
        img = photometric(img, rng)
        xs.append((img - img.mean()) / img.std().clamp_min(1e-6))
        ys.append(j)
    return torch.stack(xs).unsqueeze(1), torch.tensor(ys)


def loss_of(logits, y):
    top = y < 4
    loss = 0.0
    if top.any():
        loss = loss + F.cross_entropy(logits[top][:, :4], y[top], reduction="sum")
    if (~top).any():
        loss = loss + F.cross_entropy(logits[~top][:, 4:], y[~top] - 4, reduction="sum")
    return loss / len(y)


@torch.no_grad()
def evaluate(model, val):
    """Accuracy per end at the labelled (and extrapolated) centres, and P(own level) at T1 and L5."""
    model.eval()
    right = np.zeros(2)
    n = np.zeros(2)
    own = [[], []]
    for r in val:
        cand = candidates(r["v"].mean(1))
        for j, (c, sp) in enumerate(cand):
            bottom = j >= 4
            if not usable(r["mask"], bottom):
                continue
            p = probabilities(model, r["g"], c, sp, bottom)
            right[int(bottom)] += int(np.argmax(p) == j % 4)
            n[int(bottom)] += 1
            if j in (1, 6):
                own[int(bottom)].append(float(p[j % 4]))
    model.train()
    return dict(top_acc=float(right[0] / max(n[0], 1)), bottom_acc=float(right[1] / max(n[1], 1)),
                t1_own_min=float(min(own[0])), l5_own_min=float(min(own[1])),
                t1_own_low=int(sum(v < 0.5 for v in own[0])), l5_own_low=int(sum(v < 0.5 for v in own[1])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--out", default="training/runs/levels")
    ap.add_argument("--minutes", type=float, default=20.0)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=5, help="initialisation and sampling")
    ap.add_argument("--split-seed", type=int, default=5, help="the validation split (keep 5: train_spine.py's split)")
    ap.add_argument("--val-frac", type=float, default=0.11)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epoch-samples", type=int, default=4800, help="patches per epoch")
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
    samples = [(i, j) for i in train for j in range(8) if usable(recs[i]["mask"], j >= 4)]
    say("data: %d train films (%d candidate patches), %d val films scored; load %.0fs"
        % (len(train), len(samples), len(val), time.time() - t0))
    model = EndNet()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    state = dict(epoch=0, elapsed=0.0, history=[])
    last = os.path.join(args.out, "last.pt")
    if os.path.exists(last):
        ck = torch.load(last)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        rng.setstate(ck["rng"])
        torch.set_rng_state(ck["torch_rng"])
        say("resumed at epoch %d, %.1f min elapsed" % (state["epoch"], state["elapsed"] / 60))
    say("params %d, host %s, %s, torch %s, threads %d, patch %d, side %.1f x spacing, classes %s / %s"
        % (sum(p.numel() for p in model.parameters()), platform.node(), platform.machine(), torch.__version__,
           torch.get_num_threads(), P, SIDE_FACTOR, TOP, BOTTOM))
    budget = args.minutes * 60
    while state["elapsed"] < budget:
        ep_start = time.time()
        order = rng.sample(samples, min(args.epoch_samples, len(samples)))
        total, nb = 0.0, 0
        for b0 in range(0, len(order) - args.batch + 1, args.batch):
            frac = min(state["elapsed"] + (time.time() - ep_start), budget) / budget
            set_lr(opt, args.lr, frac, min(1.0, (state["epoch"] * len(order) + b0) / len(order)))
            x, y = make_batch(order[b0:b0 + args.batch], recs, rng)
            loss = loss_of(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
            nb += 1
        state["epoch"] += 1
        state["elapsed"] += time.time() - ep_start
        ev = evaluate(model, val)
        state["history"].append(dict(epoch=state["epoch"], elapsed=state["elapsed"], loss=total / max(nb, 1), **ev))
        say("epoch %d  %.1f min  lr %.2e  loss %.3f  val top %.3f bottom %.3f  P(own) min T1 %.2f L5 %.2f, under 0.5: %d / %d"
            % (state["epoch"], state["elapsed"] / 60, opt.param_groups[0]["lr"], total / max(nb, 1),
               ev["top_acc"], ev["bottom_acc"], ev["t1_own_min"], ev["l5_own_min"], ev["t1_own_low"],
               ev["l5_own_low"]))
        ck = dict(model=model.state_dict(), opt=opt.state_dict(), state=state, rng=rng.getstate(),
                  torch_rng=torch.get_rng_state(), args=vars(args))
        torch.save(ck, last + ".tmp")
        os.replace(last + ".tmp", last)
    say("done: %d epochs, %.1f min training" % (state["epoch"], state["elapsed"] / 60))


if __name__ == "__main__":
    main()
