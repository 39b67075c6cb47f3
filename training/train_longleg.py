"""Train the lower-limb bone segmentation network (femur, tibia) on the OAI long-leg crops.

One command, seeded, resumable (restart with the same --out), learning rate a cosine over the
wall-clock budget:

    nice -n 10 /usr/bin/python3 training/train_longleg.py --data ../shared/data/oai-legs-seg \
        --out training/runs/longleg --minutes 60

Writes OUT/last.pt (every epoch, resumable), OUT/best.pt (best validation Dice), OUT/log.txt.
Validation: 10 % of the training folder's subjects (seeded); the test folder is kept for the final
figures (landmarks and angles, scored by the Java `evaluate`).
"""
import argparse
import os
import platform
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from longleg_common import BoneUNet, augment, dice_per_class, load_split, split_train_val, to_tensor  # noqa: E402
from train_spine import open_log, set_lr  # noqa: E402


def soft_dice_loss(logits, lab):
    p = torch.softmax(logits, dim=1)
    loss = 0
    for c in (1, 2):
        t = (lab == c).float()
        inter = (p[:, c] * t).sum(dim=(1, 2))
        den = p[:, c].sum(dim=(1, 2)) + t.sum(dim=(1, 2))
        loss = loss + (1 - (2 * inter + 1) / (den + 1)).mean()
    return loss / 2


def evaluate(model, val):
    model.eval()
    dices = []
    with torch.no_grad():
        for i in range(0, len(val), 4):
            chunk = val[i:i + 4]
            logits = model(to_tensor([s[1] for s in chunk]))
            pred = logits.argmax(1).numpy()
            for k, s in enumerate(chunk):
                dices.append(dice_per_class(pred[k], s[2]))
    model.train()
    return np.mean(np.array(dices), axis=0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="the oai-legs-seg folder")
    ap.add_argument("--out", required=True, help="run folder (resumes from OUT/last.pt)")
    ap.add_argument("--minutes", type=float, default=60, help="wall-clock budget of the schedule")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--val-fraction", type=float, default=0.1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", default=None, help="start from these weights (a best.pt) with a fresh schedule; "
                                                 "ignored once OUT/last.pt exists")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    say = open_log(args.out)
    samples = load_split(args.data, "train")
    train, val = split_train_val(samples, args.val_fraction, args.seed)
    model = BoneUNet()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    state = {"epoch": 0, "spent_s": 0.0, "best": -1.0, "history": []}
    last = os.path.join(args.out, "last.pt")
    if os.path.exists(last):
        ck = torch.load(last)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        say(f"resumed at epoch {state['epoch']}, {state['spent_s'] / 60:.1f} min spent")
    else:
        if args.init:
            model.load_state_dict(torch.load(args.init, map_location="cpu")["model"])
            say(f"weights from {args.init}")
        say(f"start: {len(train)} train, {len(val)} val crops; params "
            f"{sum(p.numel() for p in model.parameters())}; torch {torch.__version__}; threads "
            f"{args.threads}; host {platform.node()}; args {vars(args)}")
    budget = args.minutes * 60
    weights = torch.tensor([0.5, 1.0, 1.0])
    while state["spent_s"] < budget:
        rng = np.random.default_rng(args.seed * 1000 + state["epoch"])
        order = rng.permutation(len(train))
        t0 = time.time()
        losses = []
        for b0 in range(0, len(order) - args.batch + 1, args.batch):
            frac = (state["spent_s"] + time.time() - t0) / budget
            warm = min(1.0, (state["epoch"] * len(order) + b0 + 1) / len(order))
            set_lr(opt, args.lr, min(frac, 1.0), warm)
            greys, labs = [], []
            for j in order[b0:b0 + args.batch]:
                g, l = augment(train[j][1], train[j][2], rng)
                greys.append(g)
                labs.append(l)
            x = to_tensor(greys)
            y = torch.from_numpy(np.stack(labs))
            logits = model(x)
            loss = F.cross_entropy(logits, y, weight=weights) + soft_dice_loss(logits, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
        state["spent_s"] += time.time() - t0
        state["epoch"] += 1
        d = evaluate(model, val)
        score = float(d.mean())
        state["history"].append({"epoch": state["epoch"], "loss": float(np.mean(losses)),
                                 "dice_femur": float(d[0]), "dice_tibia": float(d[1])})
        say(f"epoch {state['epoch']} loss {np.mean(losses):.4f} val dice femur {d[0]:.4f} tibia {d[1]:.4f} "
            f"({state['spent_s'] / 60:.1f}/{args.minutes:.0f} min)")
        if score > state["best"]:
            state["best"] = score
            torch.save({"model": model.state_dict(), "state": state, "args": vars(args)},
                       os.path.join(args.out, "best.pt"))
        tmp = last + ".tmp"
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state, "args": vars(args)}, tmp)
        os.replace(tmp, last)
    say(f"done: best val dice {state['best']:.4f}")


if __name__ == "__main__":
    main()
