"""Shared pieces of the spine landmark training: data loading, label checks, the AASCE Cobb logic,
the pre-processing that the Java detector reproduces exactly, the network and its decoding.

Conventions (the Java side `org.orthomeasure.detect` mirrors them):
- input tensor 1 x 1 x IN_H x IN_W, the film letterboxed (aspect kept, centred, padding 0) with
  bilinear sampling (half-pixel centres, edge clamped, no antialias), grey 0..1, then standardised
  over the whole tensor: (v - mean) / max(std, 1e-6).
- outputs at 1/STRIDE: 17 heat-map logits (one per level T1..L5) and 8 corner offsets
  (dx, dy for TL, TR, BL, BR relative to the centre, in units of OFFSET_SCALE input pixels).
  Output cell (u, v) sits at input pixel (STRIDE*u + (STRIDE-1)/2, STRIDE*v + (STRIDE-1)/2).
- decoding: spatial softmax per level; centre = expectation of cell position; corners = centre +
  expectation of the offset map under the same softmax (integral regression). Always 17 ordered
  vertebrae.
"""
import math
import os
import re

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

IN_H, IN_W = 768, 256
STRIDE = 4
OUT_H, OUT_W = IN_H // STRIDE, IN_W // STRIDE
OFFSET_SCALE = 16.0
DECODE_WINDOW = 3  # cells each side of the global centre used for the final centre and corners
# Training scales each letterboxed film by 1 + U(SCALE_AUG) about the input centre (train_spine.sample_matrix),
# so on average a training film filled INFER_FILL = 0.925 of the input; inference letterboxes films at that
# share, centred (preprocess(..., fill=INFER_FILL); the Java ModelSpec.letterbox reads it from the note).
SCALE_AUG = (-0.2, 0.05)
INFER_FILL = 1.0 + (SCALE_AUG[0] + SCALE_AUG[1]) / 2.0
LEVELS = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
          "L1", "L2", "L3", "L4", "L5"]


# ----------------------------------------------------------------------------- data

def case_of(filename):
    """Patient/case key: 'sunhl-1th-02-Jan-2017-162 A AP.jpg' -> '162'; other names -> themselves."""
    m = re.search(r"-(\d+) [A-Z]+ AP", filename)
    return m.group(1) if m else filename


def load_labels(data_dir):
    names = [l.strip() for l in open(os.path.join(data_dir, "filenames.csv")) if l.strip()]
    lm = np.loadtxt(os.path.join(data_dir, "landmarks.csv"), delimiter=",", dtype=np.float64)
    ang = np.loadtxt(os.path.join(data_dir, "angles.csv"), delimiter=",", dtype=np.float64)
    assert len(names) == lm.shape[0] == ang.shape[0]
    return names, lm, ang


def landmarks_px(row, w, h):
    """68 x 2 pixel coordinates from a landmarks.csv row (x fractions then y fractions)."""
    return np.stack([row[:68] * w, row[68:] * h], axis=1)


# ----------------------------------------------------------------------------- Cobb (AASCE)

def _is_s(mid_p_v):
    num = mid_p_v.shape[0]
    ll = []
    for i in range(num - 2):
        t1 = (mid_p_v[i, 1] - mid_p_v[num - 1, 1]) / (mid_p_v[0, 1] - mid_p_v[num - 1, 1])
        den = (mid_p_v[0, 0] - mid_p_v[num - 1, 0])
        t2 = (mid_p_v[i, 0] - mid_p_v[num - 1, 0]) / den if den != 0 else 0.0
        ll.append(t1 - t2)
    ll = np.asarray(ll, np.float64)[:, None]
    pair = ll @ ll.T
    return not abs(pair.sum() - np.abs(pair).sum()) < 1e-4


def cobb_angles(pts, h):
    """AASCE 2019 reference logic (spec/measurements.md, Spine; step 4 compares the inferior endplate
    midpoints with the film height, as the reference and core.spine.SpineCurves do: 472 of 481
    films reproduce angles.csv within 0.01 deg). pts: 68 x 2 pixel coordinates,
    h: image height in px. Returns (major, upper, lower) in degrees and (upper end, lower end)
    indices of the major curve."""
    pts = np.asarray(pts, np.float64)
    vnum = 16
    mid_p_v = (pts[0::2, :] + pts[1::2, :]) / 2
    left = (pts[0::4] + pts[2::4]) / 2
    right = (pts[1::4] + pts[3::4]) / 2
    vec = right - left
    dot = vec @ vec.T
    mod = np.sqrt((vec ** 2).sum(1))[:, None]
    mod = mod @ mod.T
    cos = np.clip(dot / np.maximum(mod, 1e-12), 0.0, 1.0)
    angles = np.arccos(cos)
    pos1 = np.argmax(angles, axis=1)
    maxt = np.amax(angles, axis=1)
    pos2 = int(np.argmax(maxt))
    a1 = maxt.max() * 180 / np.pi
    if not _is_s(mid_p_v):
        a2 = angles[0, pos2] * 180 / np.pi
        a3 = angles[vnum, pos1[pos2]] * 180 / np.pi
    else:
        if mid_p_v[pos2 * 2 + 1, 1] + mid_p_v[pos1[pos2] * 2 + 1, 1] < h:
            a2 = angles[pos2, :pos2 + 1].max() * 180 / np.pi
            a3 = angles[pos1[pos2], pos1[pos2]:vnum + 1].max() * 180 / np.pi
        else:
            a2 = angles[pos2, :pos2 + 1].max() * 180 / np.pi
            p11 = int(np.argmax(angles[pos2, :pos2 + 1]))
            a3 = angles[p11, :p11 + 1].max() * 180 / np.pi
    return np.array([a1, a2, a3]), (pos2, int(pos1[pos2]))


def smape(gt, pred):
    """Per-image SMAPE terms (%) for arrays N x 3: sum|gt-pred| / sum(gt+pred) * 100."""
    gt = np.asarray(gt, np.float64)
    pred = np.asarray(pred, np.float64)
    num = np.abs(gt - pred).sum(1)
    den = (gt + pred).sum(1)
    return np.where(den > 0, num / np.maximum(den, 1e-12), 0.0) * 100


# ----------------------------------------------------------------------------- label checks

def label_problems(pts, ang_csv, w, h):
    """Reasons why a label looks wrong (empty list = fine)."""
    out = []
    v = pts.reshape(17, 4, 2)
    tl, tr, bl, br = v[:, 0], v[:, 1], v[:, 2], v[:, 3]
    if np.any(tl[:, 0] >= tr[:, 0]) or np.any(bl[:, 0] >= br[:, 0]):
        out.append("left/right corners swapped")
    if np.any(tl[:, 1] >= bl[:, 1]) or np.any(tr[:, 1] >= br[:, 1]):
        out.append("top/bottom corners swapped")
    c = v.mean(1)
    if np.any(np.diff(c[:, 1]) <= 0):
        out.append("vertebrae not top to bottom")
    height = (np.linalg.norm(bl - tl, axis=1) + np.linalg.norm(br - tr, axis=1)) / 2
    width = (np.linalg.norm(tr - tl, axis=1) + np.linalg.norm(br - bl, axis=1)) / 2
    if np.any(height < 0.004 * h) or np.any(width < 0.02 * w) or np.any(width > 0.5 * w):
        out.append("implausible vertebra size")
    gaps = np.diff(c[:, 1])
    if np.any(gaps > 3.0 * np.median(gaps)):
        out.append("gap between vertebrae")
    rec, _ = cobb_angles(pts, h)
    if np.max(np.abs(rec - ang_csv)) > 1.0:
        out.append("angles.csv differs from labels by %.1f deg" % np.max(np.abs(rec - ang_csv)))
    return out


# ----------------------------------------------------------------------------- pre-processing

def letterbox(h, w, in_h=IN_H, in_w=IN_W, fill=1.0):
    """Scale and offsets mapping source pixel coords to input coords: x_in = s*x + ox; the film centred at
    fill of the larger fit."""
    s = fill * min(in_h / h, in_w / w)
    ox = (in_w - s * w) / 2.0
    oy = (in_h - s * h) / 2.0
    return s, ox, oy


def preprocess(grey, in_h=IN_H, in_w=IN_W, fill=1.0):
    """grey: H x W uint8 or float array (0..255). Returns (1 x 1 x in_h x in_w float32, (s, ox, oy)),
    the film letterboxed at fill of the larger fit (INFER_FILL for inference).
    Bilinear with half-pixel centres: input pixel (i, j) samples source at
    ((j + 0.5 - ox) / s - 0.5, (i + 0.5 - oy) / s - 0.5), edges clamped; outside the film -> 0."""
    g = np.asarray(grey, np.float32) / 255.0
    h, w = g.shape
    s, ox, oy = letterbox(h, w, in_h, in_w, fill)
    jj = np.arange(in_w, dtype=np.float64)
    ii = np.arange(in_h, dtype=np.float64)
    sx = (jj + 0.5 - ox) / s - 0.5
    sy = (ii + 0.5 - oy) / s - 0.5
    insx = (sx >= -0.5) & (sx <= w - 0.5)
    insy = (sy >= -0.5) & (sy <= h - 0.5)
    sx = np.clip(sx, 0, w - 1)
    sy = np.clip(sy, 0, h - 1)
    x0 = np.floor(sx).astype(np.int64)
    y0 = np.floor(sy).astype(np.int64)
    x1 = np.minimum(x0 + 1, w - 1)
    y1 = np.minimum(y0 + 1, h - 1)
    fx = (sx - x0).astype(np.float32)[None, :]
    fy = (sy - y0).astype(np.float32)[:, None]
    top = g[y0][:, x0] * (1 - fx) + g[y0][:, x1] * fx
    bot = g[y1][:, x0] * (1 - fx) + g[y1][:, x1] * fx
    out = top * (1 - fy) + bot * fy
    out = out * insy[:, None] * insx[None, :]
    return standardise(out.astype(np.float32))[None, None], (s, ox, oy)


def standardise(a):
    m = float(a.mean())
    sd = float(a.std())
    return (a - m) / max(sd, 1e-6)


# ----------------------------------------------------------------------------- network

class Block(nn.Module):
    def __init__(self, cin, cout, stride=1, dil=1):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, padding=dil, dilation=dil, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, padding=dil, dilation=dil, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.skip = None
        if stride != 1 or cin != cout:
            self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.b1(self.c1(x)))
        y = self.b2(self.c2(y))
        return F.relu(y + (x if self.skip is None else self.skip(x)))


class SpineNet(nn.Module):
    """Encoder to 1/32 (receptive field covers the spine), decoder back to 1/4 with skips,
    two coordinate channels appended to the input so levels can be told apart by position."""

    def __init__(self, ch=(16, 32, 48, 80, 128)):
        super().__init__()
        c1, c2, c3, c4, c5 = ch
        self.stem = nn.Sequential(nn.Conv2d(3, c1, 3, 2, 1, bias=False), nn.BatchNorm2d(c1), nn.ReLU())  # 1/2
        self.e2 = Block(c1, c2, 2)      # 1/4
        self.e3 = Block(c2, c3, 2)      # 1/8
        self.e4 = Block(c3, c4, 2)      # 1/16
        self.e5 = nn.Sequential(Block(c4, c5, 2), Block(c5, c5, 1, 2), Block(c5, c5, 1, 4))  # 1/32
        self.d4 = Block(c5 + c4, c4)
        self.d3 = Block(c4 + c3, c3)
        self.d2 = Block(c3 + c2, c2)
        self.heat = nn.Conv2d(c2, 17, 1)
        self.off = nn.Conv2d(c2, 8, 1)
        self.register_buffer("ys", torch.linspace(-1, 1, IN_H).view(1, 1, IN_H, 1), persistent=False)
        self.register_buffer("xs", torch.linspace(-1, 1, IN_W).view(1, 1, 1, IN_W), persistent=False)

    def forward(self, x):
        b = x.shape[0]
        x = torch.cat([x, self.xs.expand(b, 1, IN_H, IN_W), self.ys.expand(b, 1, IN_H, IN_W)], 1)
        s1 = self.stem(x)
        s2 = self.e2(s1)
        s3 = self.e3(s2)
        s4 = self.e4(s3)
        s5 = self.e5(s4)
        d = self.d4(torch.cat([F.interpolate(s5, scale_factor=2.0, mode="nearest"), s4], 1))
        d = self.d3(torch.cat([F.interpolate(d, scale_factor=2.0, mode="nearest"), s3], 1))
        d = self.d2(torch.cat([F.interpolate(d, scale_factor=2.0, mode="nearest"), s2], 1))
        return self.heat(d), self.off(d)


def cell_grid(device=None):
    u = torch.arange(OUT_W, dtype=torch.float32, device=device) * STRIDE + (STRIDE - 1) / 2.0
    v = torch.arange(OUT_H, dtype=torch.float32, device=device) * STRIDE + (STRIDE - 1) / 2.0
    return u, v


def decode(heat, off):
    """heat B x 17 x H x W logits, off B x 8 x H x W -> (prob B x 17 x HW, centres B x 17 x 2,
    corners B x 17 x 4 x 2) in input pixels."""
    b = heat.shape[0]
    p = F.softmax(heat.reshape(b, 17, -1), dim=2)
    u, v = cell_grid(heat.device)
    gx = u.view(1, OUT_W).expand(OUT_H, OUT_W).reshape(-1)
    gy = v.view(OUT_H, 1).expand(OUT_H, OUT_W).reshape(-1)
    cx = (p * gx).sum(2)
    cy = (p * gy).sum(2)
    centres = torch.stack([cx, cy], 2)
    o = off.reshape(b, 8, -1)  # B x 8 x HW
    eo = torch.einsum("bkn,bcn->bkc", p, o) * OFFSET_SCALE  # B x 17 x 8
    corners = centres.unsqueeze(2) + eo.view(b, 17, 4, 2)
    return p, centres, corners


def decode_windowed(heat, off, k=DECODE_WINDOW):
    """What the Java detector does (SpineDecoder): per level, the global soft-argmax gives a centre and the
    spread sqrt(var_x + var_y) (input px); then the softmax restricted to the (2k+1)^2 cells around the
    cell nearest that centre gives the final centre and the expected offsets, so the corners (and tilt)
    come from the vertebra found rather than from an average over the whole map. k = 0: global only.
    heat 1 x 17 x H x W, off 1 x 8 x H x W (tensors). Returns corners 17 x 4 x 2 and spread (17)."""
    h = heat[0].detach().numpy().astype(np.float64)
    o = off[0].detach().numpy().astype(np.float64)
    u = np.arange(OUT_W) * STRIDE + (STRIDE - 1) / 2.0
    v = np.arange(OUT_H) * STRIDE + (STRIDE - 1) / 2.0
    corners = np.zeros((17, 4, 2))
    spread = np.zeros(17)
    for lev in range(17):
        a = h[lev]
        p = np.exp(a - a.max())
        p /= p.sum()
        cx = (p * u[None, :]).sum()
        cy = (p * v[:, None]).sum()
        spread[lev] = np.sqrt(max(0.0, (p * u[None, :] ** 2).sum() - cx * cx)
                              + max(0.0, (p * v[:, None] ** 2).sum() - cy * cy))
        if k <= 0:
            eo = (p[None] * o).sum((1, 2)) * OFFSET_SCALE
        else:
            iu = int(np.clip(np.floor((cx - (STRIDE - 1) / 2.0) / STRIDE + 0.5), 0, OUT_W - 1))
            iv = int(np.clip(np.floor((cy - (STRIDE - 1) / 2.0) / STRIDE + 0.5), 0, OUT_H - 1))
            v0, v1 = max(0, iv - k), min(OUT_H, iv + k + 1)
            u0, u1 = max(0, iu - k), min(OUT_W, iu + k + 1)
            w = a[v0:v1, u0:u1]
            pl = np.exp(w - w.max())
            pl /= pl.sum()
            cx = (pl * u[None, u0:u1]).sum()
            cy = (pl * v[v0:v1, None]).sum()
            eo = (pl[None] * o[:, v0:v1, u0:u1]).sum((1, 2)) * OFFSET_SCALE
        corners[lev] = np.array([cx, cy])[None] + eo.reshape(4, 2)
    return corners, spread
