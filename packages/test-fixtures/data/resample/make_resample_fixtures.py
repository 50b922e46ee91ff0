"""Makes the resample fixtures: tiny models of F.interpolate and F.grid_sample exported by PyTorch
(torch.onnx.export, opset 17) with PyTorch's own outputs. Run with PyTorch 1.13:

    python3 make_resample_fixtures.py

Each case writes <name>.onnx, <name>.x.npy (and <name>.grid.npy for grid_sample) and
<name>.output.npy (float32, C order) into this folder.
"""

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
OUT = "."


class Interpolate(torch.nn.Module):
    def __init__(self, **kwargs):
        super().__init__()
        self.kwargs = kwargs

    def forward(self, x):
        return F.interpolate(x, **self.kwargs)


class GridSample(torch.nn.Module):
    def __init__(self, **kwargs):
        super().__init__()
        self.kwargs = kwargs

    def forward(self, x, grid):
        return F.grid_sample(x, grid, **self.kwargs)


def save(name, model, inputs, input_names):
    model.eval()
    with torch.no_grad():
        y = model(*inputs)
    torch.onnx.export(
        model,
        tuple(inputs),
        f"{OUT}/{name}.onnx",
        opset_version=17,
        input_names=input_names,
        output_names=["y"],
    )
    for n, t in zip(input_names, inputs):
        np.save(f"{OUT}/{name}.{n}.npy", t.numpy().astype(np.float32))
    np.save(f"{OUT}/{name}.output.npy", y.numpy().astype(np.float32))


x = torch.randn(1, 3, 5, 7)

INTERPOLATE = {
    "nearest_x2": dict(scale_factor=2, mode="nearest"),
    "nearest_x1p5": dict(scale_factor=1.5, mode="nearest"),
    "nearest_size": dict(size=(8, 11), mode="nearest"),
    "bilinear_x2": dict(scale_factor=2, mode="bilinear", align_corners=False),
    "bilinear_x2_align": dict(scale_factor=2, mode="bilinear", align_corners=True),
    "bilinear_x1p5": dict(scale_factor=1.5, mode="bilinear", align_corners=False),
    "bilinear_x1p5_align": dict(scale_factor=1.5, mode="bilinear", align_corners=True),
    "bilinear_x0p6_align": dict(scale_factor=0.6, mode="bilinear", align_corners=True),
    "bilinear_size": dict(size=(8, 11), mode="bilinear", align_corners=False),
    "bicubic_x2": dict(scale_factor=2, mode="bicubic", align_corners=False),
}
for name, kwargs in INTERPOLATE.items():
    save(f"interpolate_{name}", Interpolate(**kwargs), [x], ["x"])

grid = (torch.rand(1, 4, 6, 2) * 2 - 1) * 1.2
for mode in ["bilinear", "nearest"]:
    for padding in ["zeros", "border"]:
        for align in [False, True]:
            name = f"grid_sample_{mode}_{padding}{'_align' if align else ''}"
            save(name, GridSample(mode=mode, padding_mode=padding, align_corners=align), [x, grid], ["x", "grid"])
