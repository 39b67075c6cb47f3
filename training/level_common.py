"""End-vertebra check of the spine detector: is the vertebra the detector named T1 (or L5) that vertebra,
or the one above or below it? A small classifier looks at a wide patch around the vertebra (the first
rib and the clavicles near T1, the sacrum and the iliac crests near L5) and tells which of four
neighbouring levels sits at the patch centre.

Tried and not adopted (training/README.md, "An end-vertebra check network"): no Java side, nothing exported.

Conventions:
- a patch is sampled as in refine_common.py (sample_patch) (square, axis-aligned, 4 bilinear sub-samples per pixel,
  zero outside the film, / 255, standardised over the patch), P x P px, side SIDE_FACTOR * s film px.
- top end: the patch is centred on the centre of the vertebra asked about, s = its distance to the
  centre of the next vertebra below (for the detected T1: |c_T2 - c_T1|). Classes TOP: which level
  is at the centre (C7 = the vertebra above T1).
- bottom end: centred on the vertebra asked about, s = its distance to the next vertebra above (for
  the detected L5: |c_L5 - c_L4|). Classes BOTTOM (S1 = the top of the sacrum below L5).
- output: 8 logits, TOP's 4 then BOTTOM's 4; each end takes the softmax over its own 4.
- training centres of the levels without a label: C7 = c_T1 + C7_STEP * (c_T1 - c_T2),
  S1 = c_L5 + S1_STEP * (c_L5 - c_L4).
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from refine_common import sample_patch
from spine_common import Block

P = 96
SIDE_FACTOR = 6.0
TOP = ["C7", "T1", "T2", "T3"]
BOTTOM = ["L3", "L4", "L5", "S1"]
C7_STEP = 0.9
S1_STEP = 1.0


def candidates(c):
    """The centres and spacings (film px) of the 4 top and 4 bottom candidate levels of a film with the
    17 labelled centres c (17 x 2): [(centre, s)] for TOP then BOTTOM."""
    c = np.asarray(c, np.float64)
    c7 = c[0] + C7_STEP * (c[0] - c[1])
    s1 = c[16] + S1_STEP * (c[16] - c[15])
    top = [c7, c[0], c[1], c[2]]
    below = [c[0], c[1], c[2], c[3]]
    bottom = [c[14], c[15], c[16], s1]
    above = [c[13], c[14], c[15], c[16]]
    out = [(t, float(np.linalg.norm(b - t))) for t, b in zip(top, below)]
    out += [(t, float(np.linalg.norm(t - a))) for t, a in zip(bottom, above)]
    return out


class EndNet(nn.Module):
    """Residual encoder to 1/32 of the patch, global average pool, 8 logits (TOP then BOTTOM)."""

    def __init__(self, ch=(16, 32, 48, 64, 96)):
        super().__init__()
        c1, c2, c3, c4, c5 = ch
        self.stem = nn.Sequential(nn.Conv2d(1, c1, 3, 2, 1, bias=False), nn.BatchNorm2d(c1), nn.ReLU())
        self.body = nn.Sequential(Block(c1, c2, 2), Block(c2, c3, 2), Block(c3, c4, 2), Block(c4, c5, 2),
                                  Block(c5, c5, 1))
        self.head = nn.Linear(c5, len(TOP) + len(BOTTOM))

    def forward(self, x):
        y = self.body(self.stem(x))
        return self.head(F.adaptive_avg_pool2d(y, 1).flatten(1))


@torch.no_grad()
def probabilities(model, grey, centre, spacing, bottom, flip=True):
    """Softmax over the 4 levels of one end at one centre (film px), averaged with the mirrored patch."""
    x = torch.from_numpy(sample_patch(grey, centre, SIDE_FACTOR * spacing, P))[None, None]
    if flip:
        x = torch.cat([x, torch.flip(x, [3])])
    logits = model(x)
    part = logits[:, 4:] if bottom else logits[:, :4]
    return F.softmax(part, 1).mean(0).numpy()
