"""Export the second-stage vertebra network (train_refine.py) to ONNX for the Java detector, with its
sidecar note and the fixtures the Java test compares against.

    /usr/bin/python3 training/export_refine_onnx.py --ckpt training/runs/refine/best.pt \
        [--metrics eval.json] [--tta] [--passes 2]

Writes src/main/resources/org/orthomeasure/detect/vertebra-corners.onnx (+ .json sidecar) and
src/test/resources/org/orthomeasure/detect/refine-fixtures.json (patches, raw outputs and refined
corners for fixed centres on the fixture images written by export_onnx.py).
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from refine_common import OUT, P, SIDE_FACTOR, STRIDE, load_refiner, refine_chain, sample_patch, spacings  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "src/main/resources/org/orthomeasure/detect")
TRES = os.path.join(ROOT, "src/test/resources/org/orthomeasure/detect")


def fixture_centres():
    """Fixed first-stage centres for the fixture images (film px): the drawn column's vertebrae
    (slightly off, as a first stage would be) and a column running off the small noise image."""
    col = np.array([[90 + 12 * np.sin(k / 3.0) + 3, 30 + k * 27 + 12] for k in range(17)], np.float64)
    noise = np.array([[10 + 3 * k, -20 + 13 * k] for k in range(17)], np.float64)
    return {"fixture-column.png": col, "fixture-noise.png": noise}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True, nargs="+", help="one checkpoint, or several exported as their ensemble")
    ap.add_argument("--metrics", default=None, help="JSON with the pipeline's validation figures, copied into the sidecar")
    ap.add_argument("--tta", action="store_true", help="average each patch with its mirror image")
    ap.add_argument("--passes", type=int, default=2,
                    help="the walk down the spine, then passes - 1 independent passes (refine_chain)")
    ap.add_argument("--run-note", default=None, help="how the checkpoint was trained (copied into the sidecar)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    ck = torch.load(args.ckpt[0], map_location="cpu")
    model = load_refiner(args.ckpt)
    onnx_path = os.path.join(RES, "vertebra-corners.onnx")
    torch.onnx.export(model, torch.zeros(17, 1, P, P), onnx_path, opset_version=13, input_names=["patches"],
                      output_names=["heat"], dynamic_axes={"patches": {0: "n"}, "heat": {0: "n"}},
                      do_constant_folding=True)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    state = ck.get("state", {})
    side = {
        "model": "vertebra-corners.onnx",
        "task": "second stage: the 4 corners (TL, TR, BL, BR) of the vertebra at the centre of a patch around "
                "each first-stage centre",
        "data": "AASCE 2019 training set (../shared/data/aasce-spine-train, 481 films), split by case as the first stage",
        "split": {"seed": ck.get("args", {}).get("seed"), "val_frac": ck.get("args", {}).get("val_frac"),
                  "list": "training/validation-files.txt"},
        "code_commit": commit,
        "epochs": state.get("epoch"),
        "networks": len(args.ckpt),
        "training_minutes": round(state.get("elapsed", 0) / 60, 1),
        "hardware": "2-core x86_64 CPU, torch %s, 2 threads" % torch.__version__,
        "input": {"name": "patches", "shape": ["n", 1, P, P], "patch_px": P, "side_factor": SIDE_FACTOR,
                  "preprocess": "spacing d_k=|c_k+1 - c_k|, m=median; s_0=d_0, s_16=d_15, s_k=(d_k-1 + d_k)/2 "
                                "clamped to [0.5m, 2m]; side = side_factor*s_k, step = side/P; patch pixel (i,j) = "
                                "mean of 4 bilinear film samples at c + (j+0.5-P/2+dx, i+0.5-P/2+dy)*step, "
                                "dx,dy in {-0.25,0.25}; outside [-0.5,w-0.5]x[-0.5,h-0.5] -> 0, else clamped; "
                                "/255 then (v-mean)/max(std,1e-6) per patch"},
        "outputs": {"heat": ["n", 4, OUT, OUT], "stride": STRIDE,
                    "cell_centre": "patch px = stride*index + (stride-1)/2"},
        "ensemble": "with several networks the model's output is log(mean of their softmax maps), so the "
                    "decoding below gives the mean of their corners" if len(args.ckpt) > 1 else "one network",
        "decoding": "per corner: softmax over all cells, corner = expected cell position (patch px); film = c + "
                    "(p + 0.5 - P/2) * step",
        "test_time_flip": bool(args.tta),
        "walk": "chain: level 0 at its first-stage centre; level k at (refined centre of k-1) + (c_k - c_k-1) "
                "of the first-stage centres, side from the first-stage spacings; then passes - 1 passes with all "
                "17 patches at the previous corner means, spacings recomputed from them",
        "passes": args.passes,
        "params": sum(p.numel() for p in model.parameters()),
    }
    if args.run_note:
        side["training_run"] = args.run_note
    if args.metrics:
        with open(args.metrics) as f:
            side["validation"] = json.load(f)
    with open(os.path.join(RES, "vertebra-corners.json"), "w") as f:
        json.dump(side, f, indent=1)
    fx = []
    for name, centres in fixture_centres().items():
        grey = np.asarray(Image.open(os.path.join(TRES, name)).convert("L"))
        sp = spacings(centres)
        entry = {"file": name, "centres": centres.tolist(), "spacings": sp.tolist(), "patches": {}}
        for lev in (0, 8, 16):
            patch = sample_patch(grey, centres[lev], SIDE_FACTOR * sp[lev])
            with torch.no_grad():
                heat = model(torch.from_numpy(patch)[None, None])
            flat = patch.reshape(-1)
            entry["patches"][str(lev)] = {
                "input_samples": {str(i): float(flat[i]) for i in [0, 1, 777, 8256, P * P - 1]},
                "input_sum": float(flat.sum()), "input_abs_sum": float(np.abs(flat).sum()),
                "heat_samples": {str(i): float(heat.reshape(-1)[i]) for i in [0, 100, 2000, 4 * OUT * OUT - 1]}}
        for tta in (False, True):
            q = refine_chain(model, grey, centres, tta, args.passes)
            entry["corners_tta" if tta else "corners"] = q.reshape(68, 2).tolist()
        fx.append(entry)
    with open(os.path.join(TRES, "refine-fixtures.json"), "w") as f:
        json.dump(fx, f, indent=1)
    print("exported", onnx_path, os.path.getsize(onnx_path), "bytes")


if __name__ == "__main__":
    main()
