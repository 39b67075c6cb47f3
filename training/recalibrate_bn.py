"""Re-estimate the batch-norm statistics of a first-stage spine checkpoint on whole training films.

A run trained with the issue-14 framings (--aug-partial/--aug-canvas/--aug-invert) ends with running means and
variances taken over augmented batches; the films users open are mostly whole films. This script resets every
BatchNorm's running statistics and re-estimates them as plain averages (momentum None) over the training films
as they are (validation cases left out, the split of train_spine.py: --val-frac 0.11, --seed 5), each also
mirrored left-right, in eval mode otherwise (no weights change). Writes a checkpoint with the same keys.

    /usr/bin/python3 training/recalibrate_bn.py --ckpt RUN/last.pt --out RUN/last-bn.pt
"""
import argparse
import os

import numpy as np
import torch
from PIL import Image

from spine_common import SpineNet, case_of, load_labels, preprocess
from train_spine import split_cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", default="../shared/data/aasce-spine-train")
    ap.add_argument("--val-frac", type=float, default=0.11)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=8)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    ck = torch.load(args.ckpt, map_location="cpu")
    model = SpineNet()
    model.load_state_dict(ck["model"])
    model.eval()
    bns = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    for m in bns:
        m.reset_running_stats()
        m.momentum = None  # cumulative average over every batch seen
        m.train()
    names, _, _ = load_labels(args.data)
    val_cases = split_cases(names, args.val_frac, args.seed)
    train = [n for n in names if case_of(n) not in val_cases]
    batch = []
    seen = 0
    with torch.no_grad():
        for n in train:
            with Image.open(os.path.join(args.data, "images", n)) as im:
                g = np.asarray(im.convert("L"), np.uint8)
            for grey in (g, g[:, ::-1]):
                x, _ = preprocess(grey)
                batch.append(torch.from_numpy(x))
                if len(batch) == args.batch:
                    model(torch.cat(batch))
                    seen += len(batch)
                    batch = []
        if batch:
            model(torch.cat(batch))
            seen += len(batch)
    out = dict(ck)
    out["model"] = model.state_dict()
    out["bn_recalibrated"] = {"films": len(train), "inputs": seen, "from": args.ckpt}
    torch.save(out, args.out)
    print("batch-norm statistics from %d inputs (%d training films, mirrored too) -> %s" % (seen, len(train), args.out))


if __name__ == "__main__":
    main()
