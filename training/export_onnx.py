"""Export a checkpoint to ONNX for the Java detector, with its sidecar note and the fixtures the Java
test compares against (PyTorch outputs for three fixed synthetic inputs).

    /usr/bin/python3 training/export_onnx.py --ckpt training/runs/main/best.pt \
        --metrics training/runs/main/eval.json

Writes src/main/resources/org/orthomeasure/detect/spine-landmarks.onnx (+ .json sidecar) and
src/test/resources/org/orthomeasure/detect/fixture-*.png / fixtures.json.
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np
import torch
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spine_common import (DECODE_WINDOW, INFER_FILL, IN_H, IN_W, OFFSET_SCALE, OUT_H, OUT_W, STRIDE, SpineNet,  # noqa: E402
                          decode_windowed, preprocess)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "src/main/resources/org/orthomeasure/detect")
TRES = os.path.join(ROOT, "src/test/resources/org/orthomeasure/detect")


def fixtures():
    """Three small deterministic grey images: a drawn spine-like column, noise, a gradient."""
    rng = np.random.default_rng(7)
    a = Image.new("L", (180, 520), 40)
    d = ImageDraw.Draw(a)
    for k in range(17):
        y = 30 + k * 27
        x = 90 + 12 * np.sin(k / 3.0)
        d.polygon([(x - 20, y), (x + 20, y + 2), (x + 21, y + 20), (x - 19, y + 18)], fill=200)
    b = Image.fromarray(rng.integers(0, 256, (180, 64), dtype=np.uint8))
    g = np.tile(np.linspace(0, 255, 97, dtype=np.float64)[None, :], (333, 1))
    c = Image.fromarray(g.astype(np.uint8))
    return {"fixture-column.png": a, "fixture-noise.png": b, "fixture-gradient.png": c}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--metrics", default=None, help="eval.json from evaluate.py, copied into the sidecar")
    ap.add_argument("--tta", action="store_true", help="tell the Java detector to average with the mirrored film")
    args = ap.parse_args()
    torch.set_num_threads(2)
    ck = torch.load(args.ckpt, map_location="cpu")
    model = SpineNet()
    model.load_state_dict(ck["model"])
    model.eval()
    os.makedirs(RES, exist_ok=True)
    os.makedirs(TRES, exist_ok=True)
    onnx_path = os.path.join(RES, "spine-landmarks.onnx")
    x = torch.zeros(1, 1, IN_H, IN_W)
    torch.onnx.export(model, x, onnx_path, opset_version=13, input_names=["image"],
                      output_names=["heat", "offsets"], do_constant_folding=True)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    state = ck.get("state", {})
    side = {
        "model": "spine-landmarks.onnx",
        "task": "17 vertebrae T1..L5, 4 corners each (TL, TR, BL, BR) on AP spine radiographs",
        "data": "AASCE 2019 training set (../shared/data/aasce-spine-train, 481 films), split by case",
        "split": {"seed": ck.get("args", {}).get("seed"), "val_frac": ck.get("args", {}).get("val_frac"),
                  "list": "training/validation-files.txt"},
        "code_commit": commit,
        "epochs": state.get("epoch"),
        "training_minutes": round(state.get("elapsed", 0) / 60, 1),
        "hardware": "2-core x86_64 CPU, torch %s, 2 threads" % torch.__version__,
        "input": {"name": "image", "shape": [1, 1, IN_H, IN_W], "fill": INFER_FILL,
                  "preprocess": "grey 0..255 -> /255; letterbox s=fill*min(H_in/h, W_in/w), centred, "
                                "padding 0 (fill: the training films' mean share of the input, "
                                "spine_common.INFER_FILL, for the vertebrae; 1 for the locator's look, whose "
                                "spread and peak the confidence limits were set on); bilinear, half-pixel "
                                "centres, edges clamped; then (v-mean)/max(std,1e-6) over the whole tensor"},
        "outputs": {"heat": [1, 17, OUT_H, OUT_W], "offsets": [1, 8, OUT_H, OUT_W],
                    "stride": STRIDE, "offset_scale_px": OFFSET_SCALE, "decode_window_cells": DECODE_WINDOW,
                    "test_time_flip": bool(args.tta),
                    "cell_centre": "input px = stride*index + (stride-1)/2"},
        "decoding": "per level: softmax over all cells, expected cell position = global centre, spread = "
                    "sqrt(var_x+var_y); then softmax over the (2w+1)^2 cells around the cell nearest the "
                    "global centre (w = decode_window_cells): centre = expected position, corners = centre + "
                    "offset_scale * expected offsets (TLx,TLy,TRx,TRy,BLx,BLy,BRx,BRy)",
        "params": sum(p.numel() for p in model.parameters()),
    }
    if "bn_recalibrated" in ck:
        side["batch_norm"] = dict(ck["bn_recalibrated"], how="running statistics re-estimated on whole training "
                                  "films, each also mirrored (training/recalibrate_bn.py); weights unchanged")
    if args.metrics:
        with open(args.metrics) as f:
            side["validation"] = json.load(f)
    with open(os.path.join(RES, "spine-landmarks.json"), "w") as f:
        json.dump(side, f, indent=1)
    fx = []
    for name, img in fixtures().items():
        img.save(os.path.join(TRES, name))
        grey = np.asarray(Image.open(os.path.join(TRES, name)).convert("L"))
        t, (s, ox, oy) = preprocess(grey)
        with torch.no_grad():
            heat, off = model(torch.from_numpy(t))
        corners, spread = decode_windowed(heat, off, DECODE_WINDOW)
        flat = t.reshape(-1)
        idx = [0, 1000, 50000, 98304, 130000, IN_H * IN_W - 1]
        hidx = [0, 5000, 100000, 17 * OUT_H * OUT_W - 1]
        fx.append({"file": name, "letterbox": [s, ox, oy],
                   "input_samples": {str(i): float(flat[i]) for i in idx},
                   "input_sum": float(flat.sum()), "input_abs_sum": float(np.abs(flat).sum()),
                   "heat_samples": {str(i): float(heat.reshape(-1)[i]) for i in hidx},
                   "offset_samples": {str(i): float(off.reshape(-1)[i]) for i in [0, 777, 98303]},
                   "corners_input_px": corners.reshape(68, 2).tolist(), "spread_input_px": spread.tolist()})
    with open(os.path.join(TRES, "fixtures.json"), "w") as f:
        json.dump(fx, f, indent=1)
    print("exported", onnx_path, os.path.getsize(onnx_path), "bytes")


if __name__ == "__main__":
    main()
