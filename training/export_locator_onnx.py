"""Export a spine-locator checkpoint to ONNX for the Java detector, with its sidecar note and the fixture the
Java test compares against (PyTorch outputs for the landmark network's fixture images).

    /usr/bin/python3 training/export_locator_onnx.py --ckpt training/checkpoints/locator-best.pt \
        [--metrics eval.json]

Writes src/main/resources/org/orthomeasure/detect/spine-region.onnx (+ .json sidecar) and
src/test/resources/org/orthomeasure/detect/region-fixtures.json.
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
from locator_common import OUT, SIZE, STRIDE, LocatorNet, preprocess_square, region_box  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "src/main/resources/org/orthomeasure/detect")
TRES = os.path.join(ROOT, "src/test/resources/org/orthomeasure/detect")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--metrics", default=None, help="a JSON of validation figures, copied into the sidecar")
    args = ap.parse_args()
    torch.set_num_threads(2)
    ck = torch.load(args.ckpt, map_location="cpu")
    model = LocatorNet()
    model.load_state_dict(ck["model"])
    model.eval()
    path = os.path.join(RES, "spine-region.onnx")
    torch.onnx.export(model, torch.zeros(1, 1, SIZE, SIZE), path, opset_version=13, input_names=["image"],
                      output_names=["region", "levels"], do_constant_folding=True)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    state = ck.get("state", {})
    side = {
        "model": "spine-region.onnx",
        "task": "where the spine is on an AP spine film of any framing (the column of vertebral bodies and disc "
                "spaces shown) and which of T1..L5 the film shows",
        "data": "AASCE 2019 training set (../shared/data/aasce-spine-train), split by case as the landmark network, "
                "every sample framed afresh (training/train_locator.py); as films without a spine, 6 % of samples "
                "show long-leg crops of the Osteoarthritis Initiative (OAI, ../shared/data/oai-legs-seg/train; "
                "research use under the OAI data-use terms, acknowledged here)",
        "code_commit": commit,
        "epochs": state.get("epoch"),
        "training_minutes": round(state.get("elapsed", 0) / 60, 1),
        "hardware": "2-core x86_64 CPU, torch %s" % torch.__version__,
        "input": {"name": "image", "shape": [1, 1, SIZE, SIZE],
                  "preprocess": "as spine-landmarks.json, into the square"},
        "outputs": {"region": [1, 1, OUT, OUT], "levels": [1, 17], "stride": STRIDE,
                    "cell_centre": "input px = stride*index + (stride-1)/2",
                    "meaning": "region: logit of the spine column per cell; levels: logit of T1..L5 shown"},
        "params": sum(p.numel() for p in model.parameters()),
        "validation_during_training": state.get("history", [])[-1] if state.get("history") else None,
    }
    if args.metrics:
        with open(args.metrics) as f:
            side["validation"] = json.load(f)
    with open(os.path.join(RES, "spine-region.json"), "w") as f:
        json.dump(side, f, indent=1)
    fx = []
    for name in ["fixture-column.png", "fixture-noise.png", "fixture-gradient.png"]:
        grey = np.asarray(Image.open(os.path.join(TRES, name)).convert("L"))
        t, (s, ox, oy) = preprocess_square(grey)
        with torch.no_grad():
            region, levels = model(torch.from_numpy(t))
        prob = torch.sigmoid(region)[0, 0].numpy()
        flat = region.reshape(-1)
        fx.append({"file": name, "letterbox": [s, ox, oy],
                   "region_samples": {str(i): float(flat[i]) for i in [0, 1000, 2080, OUT * OUT - 1]},
                   "region_sum": float(flat.sum()),
                   "levels": levels[0].tolist(),
                   "box_input_px": None if region_box(prob) is None else [float(v) for v in region_box(prob)]})
    with open(os.path.join(TRES, "region-fixtures.json"), "w") as f:
        json.dump(fx, f, indent=1)
    print("exported", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
