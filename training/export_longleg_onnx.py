"""Export the lower-limb bone segmentation network (train_longleg.py) to ONNX for the Java detector,
with its sidecar note and the fixtures the Java tests compare against.

    /usr/bin/python3 training/export_longleg_onnx.py --ckpt training/runs/longleg/best.pt [--metrics eval.json]

Writes src/main/resources/org/orthomeasure/detect/longleg/bone-segmentation.onnx (+ .json sidecar) and, in
src/test/resources/org/orthomeasure/detect/longleg/: clahe-input.png / clahe-output.png and clahe-odd-* (OpenCV's CLAHE,
clip 1.0, 8 x 8 tiles, on a synthetic 128 x 1024 image, which the Java CLAHE must reproduce) and
segmentation-fixture.json (PyTorch logits at fixed pixels and the label counts for that synthetic input).
No OAI image goes into the repository.
"""
import argparse
import json
import os
import subprocess
import sys

import cv2
import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from longleg_common import CLASSES, IN_H, IN_W, BoneUNet, to_tensor  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "src/main/resources/org/orthomeasure/detect/longleg")
TRES = os.path.join(ROOT, "src/test/resources/org/orthomeasure/detect/longleg")


def synthetic_leg(seed=3):
    """A drawn 'leg' (two bright tapered bones on a dark smooth background with noise), 1024 x 128."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:IN_H, 0:IN_W].astype(np.float32)
    img = 40 + 30 * np.sin(yy / 97.0) + 10 * np.cos(xx / 23.0)
    centre = 70 + 6 * np.sin(yy / 300.0)
    femur = (yy > 200) & (yy < 560) & (np.abs(xx - centre) < 9 + 4 * ((yy - 380) / 180) ** 2)
    tibia = (yy > 566) & (yy < 900) & (np.abs(xx - centre) < 8 + 5 * ((yy - 733) / 167) ** 4)
    img[femur] += 110
    img[tibia] += 100
    cv2.circle(img, (int(centre[200, 0]) + 10, 200), 16, 150, -1)
    img += rng.normal(0, 4, img.shape)
    img[940:] = 0
    return np.clip(img, 0, 255).round().astype(np.uint8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--metrics", default=None, help="JSON with the Java evaluation's figures, copied into the sidecar")
    args = ap.parse_args()
    torch.set_num_threads(2)
    os.makedirs(RES, exist_ok=True)
    os.makedirs(TRES, exist_ok=True)
    ck = torch.load(args.ckpt, map_location="cpu")
    model = BoneUNet()
    model.load_state_dict(ck["model"])
    model.eval()
    onnx_path = os.path.join(RES, "bone-segmentation.onnx")
    torch.onnx.export(model, torch.zeros(1, 1, IN_H, IN_W), onnx_path, opset_version=13, input_names=["image"],
                      output_names=["logits"], do_constant_folding=True)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    state = ck.get("state", {})
    side = {
        "model": "bone-segmentation.onnx",
        "name": "OrthoMeasure long-leg bone segmentation",
        "version": "1",
        "task": "femur and tibia of one leg (right-leg orientation) in the geometry of the OAI long-leg crops",
        "data": "OAI long-leg crops with hand-drawn femur and tibia outlines (../shared/data/oai-legs-seg, "
                "242 training crops; Osteoarthritis Initiative, 12-month visit; research use under the OAI "
                "data-use terms)",
        "split": {"seed": ck.get("args", {}).get("seed"), "val_fraction": ck.get("args", {}).get("val_fraction"),
                  "test": "the data set's 25 test crops, never used in training"},
        "code_commit": commit,
        "epochs": state.get("epoch"),
        "training_minutes": round(state.get("spent_s", 0) / 60, 1),
        "best_val_dice": state.get("best"),
        "hardware": "2-core x86_64 CPU, torch %s, 2 threads" % torch.__version__,
        "input": {"name": "image", "shape": [1, 1, IN_H, IN_W],
                  "preprocess": "one leg as a right leg (left legs mirrored), film resized by area averaging so "
                                "that a bilateral film is 256 px wide (one leg 128), top-aligned, zero padding; "
                                "CLAHE clip 1.0, 8 x 8 tiles on the 8-bit crop; /255 then (v-mean)/max(std,1e-6)"},
        "outputs": {"logits": [1, len(CLASSES), IN_H, IN_W], "classes": CLASSES},
        "params": sum(p.numel() for p in model.parameters()),
    }
    if args.metrics:
        with open(args.metrics) as f:
            side["evaluation"] = json.load(f)
    with open(os.path.join(RES, "bone-segmentation.json"), "w") as f:
        json.dump(side, f, indent=1)

    grey = synthetic_leg()
    clahe = cv2.createCLAHE(clipLimit=1.0, tileGridSize=(8, 8)).apply(grey)
    cv2.imwrite(os.path.join(TRES, "clahe-input.png"), grey)
    cv2.imwrite(os.path.join(TRES, "clahe-output.png"), clahe)
    odd = cv2.resize(grey, (100, 777), interpolation=cv2.INTER_AREA)  # a size that is no multiple of 8
    cv2.imwrite(os.path.join(TRES, "clahe-odd-input.png"), odd)
    cv2.imwrite(os.path.join(TRES, "clahe-odd-output.png"),
                cv2.createCLAHE(clipLimit=1.0, tileGridSize=(8, 8)).apply(odd))
    with torch.no_grad():
        logits = model(to_tensor([clahe]))[0].numpy()
    labels = logits.argmax(0)
    probe = [(0, 0), (100, 64), (380, 70), (700, 70), (1023, 127), (512, 5)]
    fixture = {
        "input": "clahe-output.png",
        "logits": [{"y": y, "x": x, "values": [float(v) for v in logits[:, y, x]]} for y, x in probe],
        "label_counts": [int((labels == c).sum()) for c in range(len(CLASSES))],
    }
    with open(os.path.join(TRES, "segmentation-fixture.json"), "w") as f:
        json.dump(fixture, f, indent=1)
    print("exported", onnx_path, os.path.getsize(onnx_path), "bytes; fixture label counts", fixture["label_counts"])


if __name__ == "__main__":
    main()
