"""Shared pieces of the lower-limb bone segmentation (issue 11): data loading, the network, the
input standardisation that the Java detector (`org.orthomeasure.detect.longleg`) reproduces.

Conventions (Java mirrors them):
- the network sees one leg as a right leg (lateral image-left, medial image-right) in the geometry of
  the OAI crops: IN_H x IN_W = 1024 x 128 grey, the leg's film resized so that a bilateral film is
  256 wide (one leg 128), top-aligned, padded with 0 below, CLAHE (clip 1.0, 8 x 8 tiles) applied.
- input tensor 1 x 1 x IN_H x IN_W: grey 0..1 standardised over the whole tensor:
  (v - mean) / max(std, 1e-6).
- output 1 x 3 x IN_H x IN_W logits: background, femur, tibia (argmax = label).
"""
import glob
import json
import os
import random

import cv2
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

IN_H, IN_W = 1024, 128
CLASSES = ["background", "femur", "tibia"]


def standardise(x):
    """(x - mean) / max(std, 1e-6) over each sample (N x 1 x H x W tensor)."""
    m = x.mean(dim=(1, 2, 3), keepdim=True)
    s = x.std(dim=(1, 2, 3), keepdim=True, unbiased=False).clamp_min(1e-6)
    return (x - m) / s


def read_mask(path):
    """Label image from an RGB mask: blue background 0, green femur 1, red tibia 2."""
    bgr = cv2.imread(path, cv2.IMREAD_COLOR).astype(np.int32)
    b, g, r = bgr[..., 0], bgr[..., 1], bgr[..., 2]
    lab = np.zeros(b.shape, np.int64)
    lab[(g > 127) & (g >= r) & (g >= b)] = 1
    lab[(r > 127) & (r > g) & (r >= b)] = 2
    return lab


def load_split(data_dir, part):
    """[(name, grey uint8 H x W, label int64 H x W)] of data_dir/part (train or test)."""
    out = []
    for img in sorted(glob.glob(os.path.join(data_dir, part, "images", "*.jpg"))):
        name = os.path.splitext(os.path.basename(img))[0]
        grey = cv2.imread(img, cv2.IMREAD_GRAYSCALE)
        lab = read_mask(os.path.join(data_dir, part, "masks", name + ".png"))
        assert grey.shape == (IN_H, IN_W) and lab.shape == grey.shape, name
        out.append((name, grey, lab))
    return out


def split_train_val(samples, val_fraction, seed):
    """Deterministic split of the training folder by subject (first 8 digits of the name)."""
    subjects = sorted({s[0][:8] for s in samples})
    rng = random.Random(seed)
    rng.shuffle(subjects)
    n_val = max(1, int(round(len(subjects) * val_fraction)))
    val_subjects = set(subjects[:n_val])
    return ([s for s in samples if s[0][:8] not in val_subjects],
            [s for s in samples if s[0][:8] in val_subjects])


# ----------------------------------------------------------------------------- augmentation

_CLAHE = cv2.createCLAHE(clipLimit=1.0, tileGridSize=(8, 8))


def augment(grey, lab, rng):
    """Random geometric and photometric change of one crop (numpy RNG); returns grey, label."""
    h, w = grey.shape
    # geometry: scale (film sizes and leg lengths vary), small aspect change, rotation, shift
    s = rng.uniform(0.8, 1.15)
    aspect = rng.uniform(0.93, 1.07)
    ang = rng.uniform(-4, 4)
    cx, cy = w / 2, rng.uniform(0.3, 0.7) * h
    m = cv2.getRotationMatrix2D((cx, cy), ang, s)
    m[0, :2] *= aspect
    m[0, 2] += rng.uniform(-10, 10) + (1 - aspect) * cx
    m[1, 2] += rng.uniform(-80, 80)
    g = cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    l = cv2.warpAffine(lab.astype(np.uint8), m, (w, h), flags=cv2.INTER_NEAREST,
                       borderMode=cv2.BORDER_CONSTANT, borderValue=0).astype(np.int64)
    # photometric: blur (downsampled exports), gamma, contrast, a second CLAHE (films that come
    # without CLAHE get it in the detector; crops that already had it get it twice), noise
    if rng.random() < 0.3:
        g = cv2.GaussianBlur(g, (0, 0), rng.uniform(0.5, 1.2))
    gf = g.astype(np.float32) / 255.0
    if rng.random() < 0.8:
        gf = np.clip(gf, 0, 1) ** rng.uniform(0.7, 1.4)
    if rng.random() < 0.5:
        gf = np.clip((gf - 0.5) * rng.uniform(0.75, 1.3) + 0.5 + rng.uniform(-0.1, 0.1), 0, 1)
    g = (gf * 255).round().astype(np.uint8)
    if rng.random() < 0.5:
        g = _CLAHE.apply(g)
    if rng.random() < 0.5:
        g = np.clip(g.astype(np.float32) + rng.normal(0, rng.uniform(1, 6), g.shape), 0, 255).astype(np.uint8)
    return g, l


def to_tensor(greys):
    x = torch.from_numpy(np.stack(greys).astype(np.float32) / 255.0).unsqueeze(1)
    return standardise(x)


# ----------------------------------------------------------------------------- network

def block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class BoneUNet(nn.Module):
    """A small U-Net (about 1 M parameters) at half resolution with a full-resolution head: a stride-2
    stem, 5 levels with channels CH and bilinear up-sampling, then the half-resolution features
    up-sampled and joined with the input for two convolutions at full resolution (boundaries to the
    pixel at a quarter of the cost of a full-resolution U-Net)."""
    CH = (24, 32, 48, 96, 160)

    def __init__(self):
        super().__init__()
        c = self.CH
        self.stem = nn.Sequential(nn.Conv2d(1, c[0], 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(c[0]),
                                  nn.ReLU(inplace=True))
        self.enc = nn.ModuleList([block(c[0], c[0])] + [block(c[i - 1], c[i]) for i in range(1, len(c))])
        self.dec = nn.ModuleList([block(c[i] + c[i - 1], c[i - 1]) for i in range(len(c) - 1, 0, -1)])
        self.full = nn.Sequential(
            nn.Conv2d(c[0] + 1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(inplace=True),
            nn.Conv2d(16, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(inplace=True))
        self.head = nn.Conv2d(16, len(CLASSES), 1)

    def forward(self, image):
        x = self.stem(image)
        skips = []
        for i, e in enumerate(self.enc):
            x = e(x if i == 0 else F.max_pool2d(x, 2))
            skips.append(x)
        x = skips.pop()
        for d in self.dec:
            s = skips.pop()
            x = F.interpolate(x, size=s.shape[-2:], mode="bilinear", align_corners=False)
            x = d(torch.cat([x, s], dim=1))
        x = F.interpolate(x, size=image.shape[-2:], mode="bilinear", align_corners=False)
        return self.head(self.full(torch.cat([x, image], dim=1)))


def dice_per_class(pred, lab):
    """Dice of femur and tibia between two label arrays."""
    out = []
    for c in (1, 2):
        a, b = pred == c, lab == c
        den = a.sum() + b.sum()
        out.append(1.0 if den == 0 else 2.0 * (a & b).sum() / den)
    return out
