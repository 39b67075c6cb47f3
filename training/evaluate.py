"""Score a checkpoint on the validation split with the spec's Cobb logic (AASCE) and SMAPE.

    /usr/bin/python3 training/evaluate.py --ckpt training/runs/main/best.pt \
        --data ../shared/data/aasce-spine-train --split training/validation-files.txt [--out eval.json]

Uses the inference pre-processing (the one the Java detector reproduces), prints SMAPE, MAE per curve
(major, upper, lower), mean corner distance (film px), heat-map spread statistics, and the same for
optional smoothing of the mid-line tilts along the spine (--smooth).
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
from spine_common import (DECODE_WINDOW, INFER_FILL, SpineNet, cobb_angles, decode_windowed, landmarks_px,  # noqa: E402
                          load_labels, preprocess, smape)


WINDOW = [DECODE_WINDOW]
FILL = [INFER_FILL]


def predict(model, grey, tta=False):
    """Corners (68 x 2, film px), spreads (17, input px), scale. With tta, also the mirrored film
    (corners mirrored back, left/right relabelled) and the two averaged."""
    q, spread, s = predict_once(model, grey)
    if tta:
        w = grey.shape[1]
        qf, sf, _ = predict_once(model, np.ascontiguousarray(grey[:, ::-1]))
        qf = qf.reshape(17, 4, 2)[:, [1, 0, 3, 2]].reshape(68, 2).copy()
        qf[:, 0] = w - 1 - qf[:, 0]
        q = (q + qf) / 2
        spread = (spread + sf) / 2
    return q, spread, s


def smooth_tilts(q, weight):
    """Rotates each vertebra about its centre towards the mean mid-line tilt of its neighbours
    (weight 0: unchanged)."""
    v = q.reshape(17, 4, 2).copy()
    d = (v[:, 1] + v[:, 3]) / 2 - (v[:, 0] + v[:, 2]) / 2
    t = np.arctan2(d[:, 1], d[:, 0])
    tp = np.concatenate([t[:1], t, t[-1:]])
    ts = (1 - weight) * t + weight * (tp[:-2] + tp[2:]) / 2
    for k in range(17):
        a = ts[k] - t[k]
        c = v[k].mean(0)
        r = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
        v[k] = (v[k] - c) @ r.T + c
    return v.reshape(68, 2)


def predict_once(model, grey):
    x, (s, ox, oy) = preprocess(grey, fill=FILL[0])
    with torch.no_grad():
        heat, off = model(torch.from_numpy(x))
    c, spread = decode_windowed(heat, off, WINDOW[0])
    q = c.reshape(68, 2)
    q = (q + 0.5 - np.array([ox, oy])) / s - 0.5
    return q, spread, s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--split", default="training/validation-files.txt")
    ap.add_argument("--out", default=None)
    ap.add_argument("--tta", action="store_true", help="average with the mirrored film")
    ap.add_argument("--window", type=int, default=DECODE_WINDOW,
                    help="decode in a window of +-K cells around the global centre (0: whole map)")
    ap.add_argument("--fill", type=float, default=INFER_FILL,
                    help="letterbox the film at this share of the input (the training mean scale)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--smooth", type=float, default=0.0, help="tilt smoothing weight (0 = none)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    WINDOW[0] = args.window
    FILL[0] = args.fill
    ck = torch.load(args.ckpt, map_location="cpu")
    model = SpineNet()
    model.load_state_dict(ck["model"])
    model.eval()
    names, lm, ang = load_labels(args.data)
    files = [l.strip() for l in open(args.split) if l.strip() and not l.startswith("#")]
    if args.limit:
        files = files[:args.limit]
    gts, preds, cds, spreads, excluded, times = [], [], [], [], [], []
    for n in files:
        i = names.index(n)
        grey = np.asarray(Image.open(os.path.join(args.data, "images", n)).convert("L"))
        h, w = grey.shape
        pts = landmarks_px(lm[i], w, h)
        t = time.time()
        q, spread, s = predict(model, grey, args.tta)
        if args.smooth > 0:
            q = smooth_tilts(q, args.smooth)
        times.append(time.time() - t)
        a, _ = cobb_angles(q, h)
        preds.append(a)
        gts.append(ang[i])
        cds.append(np.linalg.norm(q - pts, axis=1).mean())
        spreads.append(spread)
    gts, preds, spreads = np.array(gts), np.array(preds), np.array(spreads)
    res = {
        "films_scored": len(gts),
        "smape_percent": round(float(smape(gts, preds).mean()), 2),
        "mae_deg": dict(zip(["major", "upper", "lower"], np.abs(gts - preds).mean(0).round(2).tolist())),
        "mean_corner_distance_px": round(float(np.mean(cds)), 1),
        "spread_input_px": {"median": round(float(np.median(spreads)), 2),
                            "p95_of_max_per_film": round(float(np.percentile(spreads.max(1), 95)), 2),
                            "max": round(float(spreads.max()), 2)},
        "python_inference_s_per_film": round(float(np.mean(times)), 3),
        "checkpoint_epochs": ck.get("state", {}).get("epoch"),
    }
    print(json.dumps(res, indent=1))
    worst = np.argsort(-smape(gts, preds))[:5]
    for k in worst:
        print("worst", files[k] if False else "", np.round(gts[k], 1), np.round(preds[k], 1),
              "smape %.1f" % smape(gts[k:k + 1], preds[k:k + 1])[0], "max spread %.1f" % spreads[k].max())
    rng = np.random.default_rng(3)
    for label, img in [("noise", rng.integers(0, 256, (2000, 700)).astype(np.uint8)),
                       ("blank", np.full((2000, 700), 128, np.uint8)),
                       ("gradient", np.tile(np.linspace(0, 255, 700)[None, :], (2000, 1)).astype(np.uint8))]:
        q, spread, s = predict(model, img)
        print("non-spine %-8s spread median %.1f max %.1f" % (label, np.median(spread), spread.max()))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
