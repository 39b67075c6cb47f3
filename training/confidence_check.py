"""Median heat-map spread and median peak probability (the two sharpness figures of SpineConfidence) of a
checkpoint on real spine films and on images that are no spine, with the test-time flip as the Java
detector does it (per level, spread and peak of the film and its mirror averaged).

    /usr/bin/python3 training/confidence_check.py --ckpt training/checkpoints/spine-best.pt \
        [--hip hip.png] [--train-films 40]

--hip: a hip radiograph as an 8-bit grey PNG, e.g. `dcmj2pnm --write-png +Wm
../shared/dicom/wg04/RG2_JPLL.dcm hip.png`. Prints min/max over the real films and each non-spine image,
so the limits in SpineConfidence (SPREAD_LIMIT, PEAK_MIN) can be checked against a new model.
"""
import argparse
import os
import re
import sys

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spine_common import INFER_FILL, OUT_H, OUT_W, SpineNet, preprocess  # noqa: E402


def sharpness(model, grey, fill=1.0):
    """Per level spread (input px / fill: px of an input the film fills, so looks at different fills compare)
    and peak (largest global softmax probability), film and mirror averaged; the film letterboxed at fill
    (1: the locator's look, whose figures SpineConfidence judges; INFER_FILL: the look that places the
    vertebrae)."""
    out = []
    for g in (grey, np.ascontiguousarray(grey[:, ::-1])):
        x, _ = preprocess(g, fill=fill)
        with torch.no_grad():
            heat, _ = model(torch.from_numpy(x))
        h = heat[0].numpy().astype(np.float64).reshape(17, -1)
        p = np.exp(h - h.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        u = np.tile(np.arange(OUT_W) * 4 + 1.5, OUT_H)
        v = np.repeat(np.arange(OUT_H) * 4 + 1.5, OUT_W)
        cx, cy = (p * u).sum(1), (p * v).sum(1)
        var = np.maximum(0, (p * u * u).sum(1) - cx * cx) + np.maximum(0, (p * v * v).sum(1) - cy * cy)
        out.append((np.sqrt(var) / fill, p.max(1)))
    spread = (out[0][0] + out[1][0]) / 2
    peak = (out[0][1] + out[1][1]) / 2
    return float(np.median(spread)), float(np.median(peak))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--split", default="training/validation-files.txt")
    ap.add_argument("--hip", default=None)
    ap.add_argument("--train-films", type=int, default=40)
    ap.add_argument("--fill", type=float, default=1.0,
                    help="letterbox fill: 1 for the look the limits apply to, %.3f for the placing look" % INFER_FILL)
    args = ap.parse_args()
    torch.set_num_threads(2)
    model = SpineNet()
    model.load_state_dict(torch.load(args.ckpt, map_location="cpu")["model"])
    model.eval()
    val = [l.strip() for l in open(args.split) if l.strip() and not l.startswith("#")]
    case = lambda n: re.search(r"-(\d+) ", n).group(1) if re.search(r"-(\d+) ", n) else n  # noqa: E731
    val_cases = {case(n) for n in val}
    imgs = sorted(os.listdir(os.path.join(args.data, "images")))
    train = [n for n in imgs if case(n) not in val_cases][::max(1, len(imgs) // args.train_films)][:args.train_films]

    def load(n):
        return np.asarray(Image.open(os.path.join(args.data, "images", n)).convert("L"))

    for label, names in (("validation", val), ("training", train)):
        r = np.array([sharpness(model, load(n), args.fill) for n in names])
        print("%-10s %d films: median spread %.1f-%.1f px, median peak >= %.4f"
              % (label, len(names), r[:, 0].min(), r[:, 0].max(), r[:, 1].min()))
    rng = np.random.default_rng(3)
    film = load(val[0])
    others = [("noise", rng.integers(0, 256, (2000, 700)).astype(np.uint8)),
              ("blank", np.full((2000, 700), 128, np.uint8)),
              ("small gradient", np.tile(np.linspace(0, 255, 97)[None, :], (333, 1)).astype(np.uint8)),
              ("large gradient", np.tile(np.linspace(0, 255, 700)[None, :], (2000, 1)).astype(np.uint8)),
              ("spine rot 90", np.ascontiguousarray(np.rot90(film))),
              ("spine upside-down", np.ascontiguousarray(film[::-1]))]
    if args.hip:
        hip = np.asarray(Image.open(args.hip).convert("L"))
        others += [("hip", hip), ("hip transposed", np.ascontiguousarray(hip.T))]
    for label, img in others:
        s, p = sharpness(model, img, args.fill)
        print("%-18s median spread %.1f px, median peak %.4f" % (label, s, p))


if __name__ == "__main__":
    main()
