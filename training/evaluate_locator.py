"""Score spine-locator checkpoints on the validation films framed as the Java tests frame them:

    /usr/bin/python3 training/evaluate_locator.py --ckpt training/checkpoints/locator-best.pt [more.pt ...] \
        [--out locator-eval.json] [--limit N] [--overlays DIR]

Per film of training/validation-files.txt and variant (as they are; padded to a 512 grey square; inverted;
thoracic-only and lumbar-only as FramedFilms cuts them; the film at half size on a canvas 1.2 x wide,
1.4 x high of structured value noise, as FramedFilms.thirdOfHeight): the IoU of the predicted box with the box
of the labelled corners of the levels on the variant, and whether the levels shown come out right (each level's
probability on the right side of 0.5; the ends T1 and L5 also alone). --overlays writes the predicted region of
the first films as PNGs.
"""
import argparse
import json
import os
import sys

import cv2
import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate_framings import third_of_height  # noqa: E402
from locator_common import SIZE, LocatorNet, preprocess_square, region_box  # noqa: E402
from spine_common import landmarks_px, load_labels  # noqa: E402
from train_locator import iou  # noqa: E402


def variants(grey, pts):
    """(name, image, corner points on it (68 x 2, NaN for levels cut off), levels shown)."""
    h, w = grey.shape
    ly = pts.reshape(17, 4, 2).mean(1)[:, 1]
    allv = np.ones(17, bool)
    out = [("whole", grey, pts, allv)]
    side = 512
    s = side / h
    small = cv2.resize(grey, (max(1, int(round(w * s))), side), interpolation=cv2.INTER_AREA)
    sq = np.full((side, side), 128, np.uint8)
    x0 = (side - small.shape[1]) // 2
    sq[:, x0:x0 + small.shape[1]] = small
    out.append(("grey-square-512", sq, pts * np.array([small.shape[1] / w, s]) + np.array([x0, 0]), allv))
    out.append(("inverted", 255 - grey, pts, allv))
    cut = int(round((ly[11] + ly[12]) / 2))
    th = np.zeros(17, bool)
    th[:12] = True
    q = pts.copy().reshape(17, 4, 2)
    q[~th] = np.nan
    out.append(("thoracic-only", np.ascontiguousarray(grey[:cut]), q.reshape(-1, 2), th))
    cut = int(round((ly[10] + ly[11]) / 2))
    lu = np.zeros(17, bool)
    lu[11:] = True
    q = pts.copy().reshape(17, 4, 2) - np.array([0, cut])
    q[~lu] = np.nan
    out.append(("lumbar-only", np.ascontiguousarray(grey[cut:]), q.reshape(-1, 2), lu))
    canvas, (cs, tx, ty) = third_of_height(grey)
    out.append(("third-of-height", canvas.astype(np.uint8), pts * cs + np.array([tx, ty]), allv))
    return out


@torch.no_grad()
def score(model, data, files, names, lm, overlays=None, n_overlays=4):
    res = {}
    for fi, n in enumerate(files):
        i = names.index(n)
        grey = np.asarray(Image.open(os.path.join(data, "images", n)).convert("L"))
        h, w = grey.shape
        pts = landmarks_px(lm[i], w, h)
        for name, img, p, shown in variants(grey, pts):
            x, (s, ox, oy) = preprocess_square(img)
            region, levels = model(torch.from_numpy(x))
            prob = torch.sigmoid(region)[0, 0].numpy()
            b = region_box(prob)
            pb = None if b is None else ((b[0] - ox) / s, (b[1] - oy) / s, (b[2] - ox) / s, (b[3] - oy) / s)
            ok = p[~np.isnan(p[:, 0])]
            tb = (ok[:, 0].min(), ok[:, 1].min(), ok[:, 0].max(), ok[:, 1].max())
            lv = torch.sigmoid(levels)[0].numpy()
            d = res.setdefault(name, dict(iou=[], levels=[], t1=[], l5=[], probs=[]))
            d["iou"].append(iou(pb, tb))
            d["levels"].append(bool(((lv > 0.5) == shown).all()))
            d["t1"].append(bool((lv[0] > 0.5) == shown[0]))
            d["l5"].append(bool((lv[16] > 0.5) == shown[16]))
            d["probs"].append([round(float(v), 3) for v in lv])
            if overlays and fi < n_overlays:
                os.makedirs(overlays, exist_ok=True)
                im = (np.clip((x[0, 0] - x.min()) / (x.max() - x.min()), 0, 1) * 255).astype(np.uint8)
                col = cv2.cvtColor(im, cv2.COLOR_GRAY2BGR)
                m = cv2.resize(prob, (SIZE, SIZE), interpolation=cv2.INTER_NEAREST)
                col[..., 2] = np.clip(col[..., 2] + 120 * m, 0, 255).astype(np.uint8)
                t = [int(round(v)) for v in (tb[0] * s + ox, tb[1] * s + oy, tb[2] * s + ox, tb[3] * s + oy)]
                cv2.rectangle(col, (t[0], t[1]), (t[2], t[3]), (0, 255, 0), 1)
                if b is not None:
                    cv2.rectangle(col, (int(b[0]), int(b[1])), (int(b[2]), int(b[3])), (255, 0, 0), 1)
                cv2.imwrite(os.path.join(overlays, "%02d-%s.png" % (fi, name)), col)
    return res


SURE = 0.9  # SpineRegion.SURE


def shown_run(p):
    """(first, last) of the levels over 0.5 when they are one run of at least 4, else None (SpineRegion.shownRun)."""
    on = np.where(np.asarray(p) > 0.5)[0]
    if len(on) < 4 or on[-1] - on[0] + 1 != len(on):
        return None
    return int(on[0]), int(on[-1])


def partial_run(p):
    """SpineRegion.partialRun: the shown run, when it is not T1..L5 and the far end it leaves out (T1 for a run
    starting below it, L5 for one ending above it) is clearly not shown (at most 1 - SURE)."""
    r = shown_run(p)
    if r is None or r == (0, 16):
        return None
    a, b = r
    if (a > 0 and p[0] > 1 - SURE) or (b < 16 and p[16] > 1 - SURE):
        return None
    return r


TRUE_RUN = {"thoracic-only": (0, 11), "lumbar-only": (11, 16)}


def summary(res):
    out = {}
    for name, d in res.items():
        io = np.array(d["iou"])
        runs = [shown_run(p) for p in d["probs"]]
        o = dict(films=len(io), iou_median=round(float(np.median(io)), 3),
                 iou_at_least_05=int((io >= 0.5).sum()), iou_at_least_07=int((io >= 0.7).sum()),
                 levels_right=int(sum(d["levels"])), t1_right=int(sum(d["t1"])), l5_right=int(sum(d["l5"])),
                 read_partial=sum(int(partial_run(p) is not None) for p in d["probs"]))
        if name in TRUE_RUN:
            t = TRUE_RUN[name]
            o["run_exact"] = sum(int(r == t) for r in runs)
            o["run_within_one_level"] = sum(int(r is not None and abs(r[0] - t[0]) <= 1 and abs(r[1] - t[1]) <= 1)
                                            for r in runs)
            pr = [partial_run(p) for p in d["probs"]]
            o["partial_exact"] = sum(int(r == t) for r in pr)
            o["partial_within_one"] = sum(int(r is not None and abs(r[0] - t[0]) <= 1 and abs(r[1] - t[1]) <= 1)
                                          for r in pr)
        out[name] = o
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", nargs="+", required=True)
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--split", default="training/validation-files.txt")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", default=None)
    ap.add_argument("--overlays", default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    names, lm, _ = load_labels(args.data)
    files = [line.strip() for line in open(args.split) if line.strip() and not line.startswith("#")]
    if args.limit:
        files = files[:args.limit]
    allres = {}
    for ck in args.ckpt:
        model = LocatorNet()
        model.load_state_dict(torch.load(ck, map_location="cpu")["model"])
        model.eval()
        allres[ck] = summary(score(model, args.data, files, names, lm, args.overlays))
        print(ck, json.dumps(allres[ck], indent=1), flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(allres, f, indent=1)


if __name__ == "__main__":
    main()
