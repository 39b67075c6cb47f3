"""Shared pieces of the spine locator (issue 14): where the spine is on a film of any framing, and which
levels of T1..L5 the film shows. The Java side (`org.orthomeasure.detect.SpineRegionModel`) mirrors these
conventions:

- input 1 x 1 x SIZE x SIZE: the film letterboxed into the square exactly as `spine_common.preprocess`
  does for the landmark network (aspect kept, centred, padding 0, bilinear at half-pixel centres, edges
  clamped, then standardised over the whole tensor);
- output "region": 1 x 1 x SIZE/STRIDE x SIZE/STRIDE logits of the spine column (the vertebral bodies of
  the levels on the film and the disc spaces between them); output cell (u, v) sits at input pixel
  (STRIDE*u + (STRIDE-1)/2, STRIDE*v + (STRIDE-1)/2);
- output "levels": 1 x 17 logits, level k (T1..L5) shown on the film.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from spine_common import Block, preprocess

SIZE = 256
STRIDE = 4
OUT = SIZE // STRIDE


def preprocess_square(grey, size=SIZE):
    """grey: H x W (0..255). Returns (1 x 1 x size x size float32, (s, ox, oy)): spine_common.preprocess into the
    square."""
    return preprocess(grey, size, size)


class LocatorNet(nn.Module):
    """Encoder to 1/32 (dilated at the bottom, so one cell sees the whole film), decoder back to 1/4 with
    skips for the region; the levels shown from the pooled bottom features."""

    def __init__(self, ch=(16, 24, 40, 64, 96)):
        super().__init__()
        c1, c2, c3, c4, c5 = ch
        self.stem = nn.Sequential(nn.Conv2d(3, c1, 3, 2, 1, bias=False), nn.BatchNorm2d(c1), nn.ReLU())
        self.e2 = Block(c1, c2, 2)
        self.e3 = Block(c2, c3, 2)
        self.e4 = Block(c3, c4, 2)
        self.e5 = nn.Sequential(Block(c4, c5, 2), Block(c5, c5, 1, 2), Block(c5, c5, 1, 4))
        self.d4 = Block(c5 + c4, c4)
        self.d3 = Block(c4 + c3, c3)
        self.d2 = Block(c3 + c2, c2)
        self.region = nn.Conv2d(c2, 1, 1)
        self.levels = nn.Linear(2 * c5, 17)
        self.register_buffer("ys", torch.linspace(-1, 1, SIZE).view(1, 1, SIZE, 1), persistent=False)
        self.register_buffer("xs", torch.linspace(-1, 1, SIZE).view(1, 1, 1, SIZE), persistent=False)

    def forward(self, x):
        b = x.shape[0]
        x = torch.cat([x, self.xs.expand(b, 1, SIZE, SIZE), self.ys.expand(b, 1, SIZE, SIZE)], 1)
        s1 = self.stem(x)
        s2 = self.e2(s1)
        s3 = self.e3(s2)
        s4 = self.e4(s3)
        s5 = self.e5(s4)
        pooled = torch.cat([s5.mean((2, 3)), s5.amax((2, 3))], 1)
        d = self.d4(torch.cat([F.interpolate(s5, scale_factor=2.0, mode="nearest"), s4], 1))
        d = self.d3(torch.cat([F.interpolate(d, scale_factor=2.0, mode="nearest"), s3], 1))
        d = self.d2(torch.cat([F.interpolate(d, scale_factor=2.0, mode="nearest"), s2], 1))
        return self.region(d), self.levels(pooled)


def region_box(prob, threshold=0.5):
    """The spine's box in input px (x0, y0, x1, y1) from the region probabilities (OUT x OUT numpy): the
    cells above threshold in the largest 8-connected component, each cell STRIDE px wide; None when none.
    The Java `SpineRegionModel.box` does the same."""
    on = prob > threshold
    if not on.any():
        return None
    seen = np.zeros_like(on)
    best = None
    for v0, u0 in zip(*np.nonzero(on)):
        if seen[v0, u0]:
            continue
        stack, comp = [(v0, u0)], []
        seen[v0, u0] = True
        while stack:
            v, u = stack.pop()
            comp.append((v, u))
            for dv in (-1, 0, 1):
                for du in (-1, 0, 1):
                    a, b = v + dv, u + du
                    if 0 <= a < on.shape[0] and 0 <= b < on.shape[1] and on[a, b] and not seen[a, b]:
                        seen[a, b] = True
                        stack.append((a, b))
        if best is None or len(comp) > len(best):
            best = comp
    vs = np.array([c[0] for c in best])
    us = np.array([c[1] for c in best])
    return (us.min() * STRIDE, vs.min() * STRIDE, (us.max() + 1) * STRIDE, (vs.max() + 1) * STRIDE)
