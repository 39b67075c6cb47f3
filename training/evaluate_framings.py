"""Score first-stage checkpoints on the validation films and their issue-14 framings (first stage alone,
no locator, test-time flip, the committed decoding):

    /usr/bin/python3 training/evaluate_framings.py --ckpt training/checkpoints/spine-best.pt [more.pt ...] \
        [--out framings.json] [--limit N]

Per checkpoint and film of training/validation-files.txt:
- whole film: SMAPE, major MAE, mean corner distance; T1 / L5 named right (the detected level nearest its own
  labelled centre among the 17);
- thoracic-only (top of the film to half way between T12 and L1) and lumbar-only (half way between T11 and
  T12 to the bottom), as FramedFilms.thoracicOnly / lumbarOnly: the heat-map spread (input px) of the levels on
  the cut and of those cut off, and the levels on the cut named right without being told which they are;
- third-of-height: the film at half size on a canvas 1.2 x wide, 1.4 x high (40 % down) of structured value
  noise, as FramedFilms.thirdOfHeight (same hash), the whole canvas letterboxed (the Java locator then tries
  further frames; its figures come from FramedFilmScoreTest): corner distance (original px), SMAPE, films
  whose corners are within 60 px.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import predict  # noqa: E402
from spine_common import SpineNet, cobb_angles, landmarks_px, load_labels, smape  # noqa: E402

M64 = (1 << 64) - 1


def _hash(x, y):
    """Java FramedFilms.Background.hash on int64 arrays (two's complement wrap, unsigned shifts)."""
    h = ((x.astype(np.int64) * 73856093) ^ (y.astype(np.int64) * 19349663)).astype(np.uint64)
    h ^= h >> np.uint64(13)
    h = (h * np.uint64(0x5bd1e995)) & np.uint64(M64)
    h ^= h >> np.uint64(15)
    return (h & np.uint64(0xffff)).astype(np.float64) / 65535.0


def _smooth(x, y, cell, salt):
    gx, gy = np.floor_divide(x, cell), np.floor_divide(y, cell)
    fx, fy = (x - gx * cell) / cell, (y - gy * cell) / cell
    fx, fy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
    a = _hash(gx * 7 + salt, gy * 13 + salt)
    b = _hash(gx * 7 + 7 + salt, gy * 13 + salt)
    c = _hash(gx * 7 + salt, gy * 13 + 13 + salt)
    d = _hash(gx * 7 + 7 + salt, gy * 13 + 13 + salt)
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy


def third_of_height(grey):
    """Canvas, and (s, tx, ty) mapping film px to canvas px."""
    f = grey.astype(np.float64)
    h, w = f.shape
    s = 0.5
    cw, ch = int(round(w * 1.2)), int(round(h * 1.4))
    tx = (cw - s * w) / 2 + 0.5 * s - 0.5
    ty = (ch - s * h) * 0.4 + 0.5 * s - 0.5
    yy, xx = np.mgrid[0:ch, 0:cw]
    mean = f.mean()
    bg = mean + 30 * (2 * _smooth(xx, yy, 160, 1) - 1) + 12 * (2 * _smooth(xx, yy, 40, 2) - 1) \
        + 6 * (_hash(xx, yy) - 0.5) * 2
    bg = np.clip(bg, 0, 255)
    acc = np.zeros((ch, cw))
    inside = np.zeros((ch, cw))
    for i in range(2):
        for j in range(2):
            sx = (xx + (j + 0.5) / 2 - 0.5 - tx) / s
            sy = (yy + (i + 0.5) / 2 - 0.5 - ty) / s
            ins = (sx >= -0.5) & (sx <= w - 0.5) & (sy >= -0.5) & (sy <= h - 0.5)
            cx, cy = np.clip(sx, 0, w - 1), np.clip(sy, 0, h - 1)
            x0, y0 = np.floor(cx).astype(int), np.floor(cy).astype(int)
            x1, y1 = np.minimum(x0 + 1, w - 1), np.minimum(y0 + 1, h - 1)
            ax, ay = cx - x0, cy - y0
            v = (f[y0, x0] * (1 - ax) + f[y0, x1] * ax) * (1 - ay) + (f[y1, x0] * (1 - ax) + f[y1, x1] * ax) * ay
            acc += v * ins
            inside += ins
    out = (acc + (4 - inside) * bg) / 4
    return np.clip(out, 0, 255).astype(np.float32), (s, tx, ty)


def named_right(centres_y, label_y, levels):
    """How many of `levels` have their detected centre nearer their own labelled centre than any other."""
    return sum(int(np.argmin(np.abs(label_y - centres_y[k])) == k) for k in levels)


def score(model, data, files, names, lm, ang):
    out = {"whole": [], "thoracic": [], "lumbar": [], "third": []}
    for n in files:
        i = names.index(n)
        grey = np.asarray(Image.open(os.path.join(data, "images", n)).convert("L"))
        h, w = grey.shape
        pts = landmarks_px(lm[i], w, h)
        ly = pts.reshape(17, 4, 2).mean(1)[:, 1]
        q, spread, _ = predict(model, grey, True)
        cy = q.reshape(17, 4, 2).mean(1)[:, 1]
        a, _ = cobb_angles(q, h)
        out["whole"].append(dict(gt=list(ang[i]), pred=list(a), corner=float(np.linalg.norm(q - pts, axis=1).mean()),
                                 t1=named_right(cy, ly, [0]), l5=named_right(cy, ly, [16]),
                                 spread=spread.tolist()))
        for key, y0, y1, shown in (("thoracic", 0, int(round((ly[11] + ly[12]) / 2)), range(0, 12)),
                                   ("lumbar", int(round((ly[10] + ly[11]) / 2)), h, range(11, 17))):
            qc, sc, _ = predict(model, np.ascontiguousarray(grey[y0:y1]), True)
            ccy = qc.reshape(17, 4, 2).mean(1)[:, 1]
            out[key].append(dict(spread=sc.tolist(), shown=list(shown),
                                 named=named_right(ccy, ly - y0, shown)))
        canvas, (s, tx, ty) = third_of_height(grey)
        qt, st, _ = predict(model, canvas, True)
        back = np.stack([(qt[:, 0] - tx) / s, (qt[:, 1] - ty) / s], 1)
        at, _ = cobb_angles(qt, canvas.shape[0])
        out["third"].append(dict(gt=list(ang[i]), pred=list(at),
                                 corner=float(np.linalg.norm(back - pts, axis=1).mean()),
                                 spread_median=float(np.median(st))))
    return out


def summary(r):
    wh = r["whole"]
    gt, pr = np.array([f["gt"] for f in wh]), np.array([f["pred"] for f in wh])
    res = {"films": len(wh),
           "whole": {"smape": round(float(smape(gt, pr).mean()), 2),
                     "mae_major": round(float(np.abs(gt - pr)[:, 0].mean()), 2),
                     "corner_px": round(float(np.mean([f["corner"] for f in wh])), 1),
                     "t1_right": sum(f["t1"] for f in wh), "l5_right": sum(f["l5"] for f in wh),
                     "both_right": sum(f["t1"] * f["l5"] for f in wh),
                     "spread_max_median": round(float(np.median([max(f["spread"]) for f in wh])), 1)}}
    whole_max = np.array([max(f["spread"]) for f in wh])
    limit = float(np.percentile(whole_max, 95))
    for key in ("thoracic", "lumbar"):
        on, off, named, shown, presence_ok, levels = [], [], 0, 0, 0, 0
        for f in r[key]:
            sp = np.array(f["spread"])
            mask = np.zeros(17, bool)
            mask[f["shown"]] = True
            on += sp[mask].tolist()
            off += sp[~mask].tolist()
            named += f["named"]
            shown += len(f["shown"])
            presence_ok += int(((sp <= limit) == mask).sum())
            levels += 17
        res[key] = {"named_right": named, "shown": shown,
                    "spread_on_median": round(float(np.median(on)), 1),
                    "spread_off_median": round(float(np.median(off)), 1),
                    "presence_right_at_limit": round(presence_ok / levels, 3),
                    "limit_px (95th pct of whole films' largest spread)": round(limit, 1)}
    th = r["third"]
    gt, pr = np.array([f["gt"] for f in th]), np.array([f["pred"] for f in th])
    res["third"] = {"smape": round(float(smape(gt, pr).mean()), 2),
                    "mae_major": round(float(np.abs(gt - pr)[:, 0].mean()), 2),
                    "corner_px_median": round(float(np.median([f["corner"] for f in th])), 1),
                    "within_60px": sum(int(f["corner"] < 60) for f in th),
                    "spread_median": round(float(np.median([f["spread_median"] for f in th])), 1)}
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", nargs="+", required=True)
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--split", default="training/validation-files.txt")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    names, lm, ang = load_labels(args.data)
    files = [line.strip() for line in open(args.split) if line.strip() and not line.startswith("#")]
    if args.limit:
        files = files[:args.limit]
    allres = {}
    for ck in args.ckpt:
        model = SpineNet()
        model.load_state_dict(torch.load(ck, map_location="cpu")["model"])
        model.eval()
        allres[ck] = summary(score(model, args.data, files, names, lm, ang))
        print(ck, json.dumps(allres[ck], indent=1), flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(allres, f, indent=1)


if __name__ == "__main__":
    main()
