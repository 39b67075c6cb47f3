"""Score the two-stage pipeline (first stage + second stage walk, refine_chain) on the validation split.

    /usr/bin/python3 training/evaluate_refine.py --ckpt training/runs/refine/last.pt [more.pt ...] \
        [--stage1 training/checkpoints/spine-best.pt] [--passes 2] [--no-tta] [--out eval.json]

As the Java detector: the first stage runs (flip, decode window from the sidecar defaults); its
centres (corner means) start the second stage; when the second stage's corners fail SpineConfidence's
plausibility rules and the first stage's pass them, the first stage's are kept. Prints and writes SMAPE, MAE per curve, the mean and
median corner distance (film px) and the films whose levels are shifted (mean corner distance above
half the film's median label spacing: the suggestion sits on the neighbouring vertebrae).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evaluate as first_stage  # noqa: E402
from refine_common import load_refiner, refine_chain, spacings  # noqa: E402
from spine_common import SpineNet, cobb_angles, landmarks_px, load_labels, smape  # noqa: E402


def implausible(v):
    """SpineConfidence's plausibility rules (Java, film px) on 17 x 4 x 2 corners: centres top to bottom,
    gaps within [0.45, 2.0] x the median gap (upper median of 16), heights within [0.30, 1.25] x the local
    spacing (mean of the gaps to the neighbours, the one gap at either end), mid-line tilt at most 50 deg.
    True when a rule fails."""
    c = v.mean(1)
    if np.any(np.diff(c[:, 1]) <= 0):
        return True
    g = np.linalg.norm(np.diff(c, axis=0), axis=1)
    med = np.sort(g)[len(g) // 2]
    if np.any(g / med < 0.45) or np.any(g / med > 2.0):
        return True
    local = np.concatenate([g[:1], (g[:-1] + g[1:]) / 2, g[-1:]])
    h = (np.linalg.norm(v[:, 2] - v[:, 0], axis=1) + np.linalg.norm(v[:, 3] - v[:, 1], axis=1)) / 2 / local
    if np.any(h < 0.30) or np.any(h > 1.25):
        return True
    d = (v[:, 1] + v[:, 3]) / 2 - (v[:, 0] + v[:, 2]) / 2
    return bool(np.any(np.degrees(np.arctan2(np.abs(d[:, 1]), d[:, 0])) > 50.0))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True, nargs="+", help="one checkpoint, or several for their ensemble")
    ap.add_argument("--stage1", default="training/checkpoints/spine-best.pt")
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--split", default="training/validation-files.txt")
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--no-tta", action="store_true")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    torch.set_num_threads(2)
    s1 = SpineNet()
    s1.load_state_dict(torch.load(args.stage1, map_location="cpu")["model"])
    s1.eval()
    ck = torch.load(args.ckpt[0], map_location="cpu")
    s2 = load_refiner(args.ckpt)
    names, lm, ang = load_labels(args.data)
    files = [l.strip() for l in open(args.split) if l.strip() and not l.startswith("#")]
    preds, gts, cds, shifted, times, kept_first = [], [], [], [], [], []
    for n in files:
        i = names.index(n)
        grey = np.asarray(Image.open(os.path.join(args.data, "images", n)).convert("L"))
        h, w = grey.shape
        pts = landmarks_px(lm[i], w, h)
        t = time.time()
        q1, _, _ = first_stage.predict(s1, grey, True)
        q = refine_chain(s2, grey, q1.reshape(17, 4, 2).mean(1), not args.no_tta, args.passes)
        if implausible(q) and not implausible(q1.reshape(17, 4, 2)):
            # as the Java detector: keep the first stage when only the second stage's corners fail the rules
            kept_first.append(n)
            q = q1.reshape(17, 4, 2)
        q = q.reshape(68, 2)
        times.append(time.time() - t)
        a, _ = cobb_angles(q, h)
        preds.append(a)
        gts.append(ang[i])
        cd = float(np.linalg.norm(q - pts, axis=1).mean())
        cds.append(cd)
        if cd > 0.5 * np.median(spacings(pts.reshape(17, 4, 2).mean(1))):
            shifted.append(n)
    gts, preds = np.array(gts), np.array(preds)
    res = {
        "films_scored": len(gts),
        "smape_percent": round(float(smape(gts, preds).mean()), 2),
        "mae_deg": dict(zip(["major", "upper", "lower"], np.abs(gts - preds).mean(0).round(2).tolist())),
        "mean_corner_distance_px": round(float(np.mean(cds)), 1),
        "median_corner_distance_px": round(float(np.median(cds)), 1),
        "films_with_levels_shifted": len(shifted),
        "shifted_films": shifted,
        "films_keeping_first_stage": kept_first,
        "python_two_stage_s_per_film": round(float(np.mean(times)), 3),
        "second_stage_epochs": ck.get("state", {}).get("epoch"),
        "second_stage_checkpoints": len(args.ckpt),
        "pipeline": "first stage with flip; walk + %d pass(es)%s" % (args.passes - 1, "" if args.no_tta else ", flip"),
    }
    print(json.dumps(res, indent=1))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
