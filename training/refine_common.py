"""Second stage of the spine detector: one patch per vertebra at about twice the resolution of the
whole-film network, from which a small network finds that vertebra's four corners.

Conventions (the Java side `org.orthomeasure.detect.VertebraRefiner` mirrors them exactly):
- film coordinates: pixel (row i, column j) has its centre at (x, y) = (j, i).
- centres c_k come from the first stage (17 levels, film px). Spacing: d_k = |c_{k+1} - c_k|
  (k = 0..15), m = median(d); s_0 = d_0, s_16 = d_15, s_k = (d_{k-1} + d_k) / 2, each clamped to
  [0.5 m, 2 m]. The patch of level k is square, side SIDE_FACTOR * s_k film px, axis-aligned, centred on c_k.
- patch pixel (row i, column j), i, j = 0..P-1, with step = side / P: the mean of four bilinear
  samples of the film (grey 0..255) at x = c_x + (j + 0.5 - P/2 + dx) * step,
  y = c_y + (i + 0.5 - P/2 + dy) * step, (dx, dy) in {-0.25, 0.25}^2. A sample outside
  [-0.5, w - 0.5] x [-0.5, h - 0.5] is 0; inside, the coordinates are clamped to [0, w-1] x [0, h-1],
  x0 = floor(x), x1 = min(x0 + 1, w - 1), fx = x - x0 (same for y). Then / 255 and standardised over
  the patch: (v - mean) / max(std, 1e-6).
- output: 4 heat maps (TL, TR, BL, BR) at 1/STRIDE; cell (u, v) sits at patch px
  (STRIDE*u + (STRIDE-1)/2, STRIDE*v + (STRIDE-1)/2). Corner = expectation of the cell position
  under the softmax over the whole map. Patch px (px, py) -> film: c + (p + 0.5 - P/2) * step.
- walk (refine_chain, what the pipeline uses): level 0's patch at its first-stage centre, level k's
  at the refined centre of level k-1 plus the first-stage step c_k - c_{k-1}, sides from the first-stage
  spacings; then passes - 1 passes with all 17 patches at the previous corner means (spacings
  recomputed from those).
- test-time flip: the patch mirrored left-right (column j -> P-1-j); its corners are mirrored back
  (px -> P-1-px) with TL<->TR, BL<->BR, and averaged with the direct ones.
"""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from spine_common import Block, standardise

P = 128
SIDE_FACTOR = 2.5
STRIDE = 4
OUT = P // STRIDE


def spacings(centres):
    """17 local spacings (film px) from 17 centres (17 x 2)."""
    c = np.asarray(centres, np.float64)
    d = np.linalg.norm(np.diff(c, axis=0), axis=1)
    m = float(np.median(d))
    s = np.empty(17)
    s[0], s[16] = d[0], d[15]
    s[1:16] = (d[:-1] + d[1:]) / 2
    return np.clip(s, 0.5 * m, 2.0 * m)


def _bilinear(g, x, y):
    h, w = g.shape
    inside = (x >= -0.5) & (x <= w - 0.5) & (y >= -0.5) & (y <= h - 0.5)
    x = np.clip(x, 0, w - 1)
    y = np.clip(y, 0, h - 1)
    x0 = np.floor(x).astype(np.int64)
    y0 = np.floor(y).astype(np.int64)
    x1 = np.minimum(x0 + 1, w - 1)
    y1 = np.minimum(y0 + 1, h - 1)
    fx = x - x0
    fy = y - y0
    v = (g[y0, x0] * (1 - fx) + g[y0, x1] * fx) * (1 - fy) + (g[y1, x0] * (1 - fx) + g[y1, x1] * fx) * fy
    return v * inside


def sample_patch(grey, c, side, p=P):
    """The inference patch (p x p float32, standardised) of a film (H x W, 0..255) around c."""
    g = np.asarray(grey, np.float64)
    step = side / p
    k = np.arange(p, dtype=np.float64) + 0.5 - p / 2
    acc = np.zeros((p, p))
    for dy in (-0.25, 0.25):
        for dx in (-0.25, 0.25):
            xs = c[0] + (k + dx) * step
            ys = c[1] + (k + dy) * step
            acc += _bilinear(g, xs[None, :].repeat(p, 0), ys[:, None].repeat(p, 1))
    return standardise((acc / 4 / 255.0).astype(np.float32))


def warp_patch(grey, c, side, ang, flip, p=P):
    """A training patch (p x p tensor, grey / 255, not standardised) of a film (H x W uint8) centred on c
    (film px), side film px, rotated by ang (radians), mirrored left-right when flip: each pixel the mean of
    2 x 2 bilinear samples (zero outside the film). Also returns a (2 x 2), film px per patch px along the
    patch axes, so that film point = c + a (q - p/2 + 0.5) for patch px q."""
    h, w = grey.shape
    k = (torch.arange(2 * p, dtype=torch.float32) + 0.5) / 2 - p / 2  # supersampled patch coords
    a = np.array([[math.cos(ang), -math.sin(ang)], [math.sin(ang), math.cos(ang)]]) * (side / p)
    if flip:
        a = a @ np.diag([-1.0, 1.0])
    # film region that the patch covers, cropped before sampling
    half = side * 0.75 + 2
    x0 = int(max(0, math.floor(c[0] - half)))
    y0 = int(max(0, math.floor(c[1] - half)))
    x1 = int(min(w, math.ceil(c[0] + half) + 1))
    y1 = int(min(h, math.ceil(c[1] + half) + 1))
    if x1 <= x0 + 1 or y1 <= y0 + 1:
        return torch.zeros(p, p), a
    crop = torch.from_numpy(np.ascontiguousarray(grey[y0:y1, x0:x1])).float().div_(255)
    hc, wc = crop.shape
    gy, gx = torch.meshgrid(k, k, indexing="ij")
    at = torch.tensor(a, dtype=torch.float32)
    fx = c[0] - x0 + at[0, 0] * gx + at[0, 1] * gy
    fy = c[1] - y0 + at[1, 0] * gx + at[1, 1] * gy
    grid = torch.stack([(2 * fx + 1) / wc - 1, (2 * fy + 1) / hc - 1], 2).unsqueeze(0)
    img = F.grid_sample(crop.view(1, 1, hc, wc), grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    return F.avg_pool2d(img, 2)[0, 0], a


class RefineNet(nn.Module):
    """Encoder to 1/32 of the patch, decoder back to 1/4 with skips, 4 corner heat maps; two
    coordinate channels so the network knows where the patch centre (the vertebra asked for) is."""

    def __init__(self, ch=(16, 32, 48, 64, 96)):
        super().__init__()
        c1, c2, c3, c4, c5 = ch
        self.stem = nn.Sequential(nn.Conv2d(3, c1, 3, 2, 1, bias=False), nn.BatchNorm2d(c1), nn.ReLU())  # 1/2
        self.e2 = Block(c1, c2, 2)  # 1/4
        self.e3 = Block(c2, c3, 2)  # 1/8
        self.e4 = Block(c3, c4, 2)  # 1/16
        self.e5 = nn.Sequential(Block(c4, c5, 2), Block(c5, c5, 1, 2))  # 1/32
        self.d4 = Block(c5 + c4, c4)
        self.d3 = Block(c4 + c3, c3)
        self.d2 = Block(c3 + c2, c2)
        self.heat = nn.Conv2d(c2, 4, 1)
        self.register_buffer("ys", torch.linspace(-1, 1, P).view(1, 1, P, 1), persistent=False)
        self.register_buffer("xs", torch.linspace(-1, 1, P).view(1, 1, 1, P), persistent=False)

    def forward(self, x):
        b = x.shape[0]
        x = torch.cat([x, self.xs.expand(b, 1, P, P), self.ys.expand(b, 1, P, P)], 1)
        s1 = self.stem(x)
        s2 = self.e2(s1)
        s3 = self.e3(s2)
        s4 = self.e4(s3)
        s5 = self.e5(s4)
        d = self.d4(torch.cat([F.interpolate(s5, scale_factor=2.0, mode="nearest"), s4], 1))
        d = self.d3(torch.cat([F.interpolate(d, scale_factor=2.0, mode="nearest"), s3], 1))
        d = self.d2(torch.cat([F.interpolate(d, scale_factor=2.0, mode="nearest"), s2], 1))
        return self.heat(d)


def cells():
    return torch.arange(OUT, dtype=torch.float32) * STRIDE + (STRIDE - 1) / 2.0


def decode(heat):
    """heat B x 4 x OUT x OUT -> (log-probabilities B x 4 x OUT*OUT, corners B x 4 x 2 in patch px)."""
    b = heat.shape[0]
    logp = F.log_softmax(heat.reshape(b, 4, -1), 2)
    p = logp.exp()
    u = cells()
    gx = u.view(1, OUT).expand(OUT, OUT).reshape(-1)
    gy = u.view(OUT, 1).expand(OUT, OUT).reshape(-1)
    return logp, torch.stack([(p * gx).sum(2), (p * gy).sum(2)], 2)


@torch.no_grad()
def corners_at(model, grey, centres, spacing, tta=True):
    """n x 4 x 2 film-px corners of the vertebrae at the patch centres (n x 2), patch side
    SIDE_FACTOR * spacing (n), in one batch; with tta averaged with the mirrored patches."""
    centres = np.asarray(centres, np.float64).reshape(-1, 2)
    spacing = np.asarray(spacing, np.float64).reshape(-1)
    patches = np.stack([sample_patch(grey, centres[k], SIDE_FACTOR * spacing[k]) for k in range(len(centres))])
    x = torch.from_numpy(patches).unsqueeze(1)
    _, q = decode(model(x))
    q = q.numpy().astype(np.float64)
    if tta:
        _, qf = decode(model(torch.flip(x, [3])))
        qf = qf.numpy().astype(np.float64)[:, [1, 0, 3, 2]]
        qf[..., 0] = P - 1 - qf[..., 0]
        q = (q + qf) / 2
    step = SIDE_FACTOR * spacing / P
    return centres[:, None, :] + (q + 0.5 - P / 2) * step[:, None, None]


def refine(model, grey, centres, tta=True):
    """17 x 4 x 2 film-px corners, each level's patch at its own centre (17 x 2), spacings() of them."""
    return corners_at(model, grey, centres, spacings(centres), tta)


def refine_iterated(model, grey, centres, tta=True, iterations=1):
    """refine() repeated: each pass starts from the centres (corner means) of the previous one."""
    c = np.asarray(centres, np.float64)
    q = None
    for _ in range(max(1, iterations)):
        q = refine(model, grey, c, tta)
        c = q.mean(1)
    return q


def refine_chain(model, grey, centres, tta=True, passes=2):
    """The pipeline's second stage. Walks down the spine: T1's patch at its first-stage centre, each next
    level's patch at the previous level's refined centre plus the first-stage step between the two
    levels (c_k - c_k-1), patch sides from spacings() of the first-stage centres. So each level lands on
    the vertebra below the one found for the level above (independent patches let two levels settle on
    one vertebra when a first-stage centre sits between two). Then passes - 1 more passes of refine()
    from the corner means. Returns 17 x 4 x 2 film px."""
    c1 = np.asarray(centres, np.float64)
    sp = spacings(c1)
    out = np.zeros((17, 4, 2))
    for k in range(17):
        start = c1[0] if k == 0 else out[k - 1].mean(0) + (c1[k] - c1[k - 1])
        out[k] = corners_at(model, grey, start[None], sp[k:k + 1], tta)[0]
    for _ in range(max(1, passes) - 1):
        out = refine(model, grey, out.mean(1), tta)
    return out


class Ensemble(nn.Module):
    """Several RefineNets as one: the output is the log of the mean of their per-corner softmax maps, so
    the decoder's softmax gives the mean probability map and its expectation the mean of the networks'
    corners (soft-argmax is linear in the probabilities). The Java decoder needs no change."""

    def __init__(self, nets):
        super().__init__()
        self.nets = nn.ModuleList(nets)

    def forward(self, x):
        b = x.shape[0]
        logps = [F.log_softmax(n(x).reshape(b, 4, -1), 2) for n in self.nets]
        lp = torch.logsumexp(torch.stack(logps), 0) - float(np.log(len(self.nets)))
        return lp.reshape(b, 4, OUT, OUT)


def load_refiner(paths):
    """One checkpoint: its RefineNet; several: their Ensemble (eval mode)."""
    nets = []
    for p in paths:
        n = RefineNet()
        n.load_state_dict(torch.load(p, map_location="cpu")["model"])
        n.eval()
        nets.append(n)
    model = nets[0] if len(nets) == 1 else Ensemble(nets)
    return model.eval()
