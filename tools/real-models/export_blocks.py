#!/usr/bin/python3
"""Exports tiny PyTorch modules holding what real architectures need (the blocks of MobileNetV3,
segmentation heads, ViT, Swin, UNet decoders, exported shape arithmetic) as test fixtures:

    /usr/bin/python3 tools/real-models/export_blocks.py [--out packages/test-fixtures/data/real-blocks]
    npx biome format --write packages/test-fixtures/data/real-blocks   # meta.json as the repository formats JSON

Each block gets <out>/<name>/: model.onnx (torch.onnx.export, opset 17, as PyTorch users export),
input.npy, output_<onnx output name>.npy (PyTorch's outputs on input.npy), calib/sample_00{0..7}.npy
and meta.json: the ONNX op histogram and the constant subgraph, found here from the ONNX graph alone
(nodes computable from initializers, Constant nodes and the shapes of the static-shaped values),
which an importer that folds shape arithmetic must fold. Deterministic: torch.manual_seed(0) before
each block is built, one thread, seeded inputs, BatchNorm statistics from a train-mode pass.
"""

import argparse
import collections
import json
import os
import shutil

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision.models.mobilenetv3 import InvertedResidual, InvertedResidualConfig
from torchvision.models.swin_transformer import SwinTransformerBlock

torch.set_num_threads(1)


def smooth_noise(seed, shape):
    """Image-like noise: smooth blobs plus detail, mean 0, std 1, clipped to the range of
    ImageNet-normalized images."""
    g = torch.Generator().manual_seed(seed)
    n, c, h, w = shape
    x = torch.zeros(shape)
    for div, amp in ((8, 1.0), (2, 0.5), (1, 0.15)):
        low = torch.randn((n, c, max(h // div, 2), max(w // div, 2)), generator=g)
        x += amp * F.interpolate(low, size=(h, w), mode="bilinear", align_corners=False)
    x = (x - x.mean()) / x.std()
    return x.clamp(-2.12, 2.64)


class MobileNetV3Block(nn.Module):
    """(a) A stem (Conv-BN-Hardswish, stride 2) and torchvision's MobileNetV3 inverted residual with
    squeeze-excitation: 1x1 expand Conv-BN-Hardswish, 3x3 depthwise Conv-BN-Hardswish,
    AdaptiveAvgPool -> 1x1 Conv -> ReLU -> 1x1 Conv -> Hardsigmoid gate (Mul), 1x1 project Conv-BN,
    residual Add."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 16, 3, 2, 1, bias=False), nn.BatchNorm2d(16), nn.Hardswish())
        self.block = InvertedResidual(InvertedResidualConfig(16, 3, 64, 16, True, "HS", 1, 1, 1.0), nn.BatchNorm2d)

    def forward(self, x):
        return self.block(self.stem(x))


class SegmentationHead(nn.Module):
    """(b) Two strided convs, the deep feature resized bilinearly (align_corners False) to the
    shallow one's size (8 -> 15, a ratio that is not an integer), concat, conv, then scale 2 twice:
    bilinear and nearest, concatenated and classified."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, 2, 1)
        self.conv2 = nn.Conv2d(8, 16, 3, 2, 1)
        self.fuse = nn.Conv2d(24, 8, 3, 1, 1)
        self.classifier = nn.Conv2d(16, 4, 1)

    def forward(self, x):
        f1 = F.relu(self.conv1(x))
        f2 = F.relu(self.conv2(f1))
        up = F.interpolate(f2, size=f1.shape[-2:], mode="bilinear", align_corners=False)
        h = F.relu(self.fuse(torch.cat([up, f1], dim=1)))
        a = F.interpolate(h, scale_factor=2, mode="bilinear", align_corners=False)
        b = F.interpolate(h, scale_factor=2, mode="nearest")
        return self.classifier(torch.cat([a, b], dim=1))


def vit_block():
    """(c) torchvision's VisionTransformer with one encoder layer: 4x4 patches of a 16x16 image,
    class token concatenated (expand to the batch), positional embedding, nn.MultiheadAttention
    (2 heads, hidden 32), LayerNorm, MLP with GELU, the head on the class token (class token and
    head random, not torchvision's zeros)."""
    vit = torchvision.models.VisionTransformer(image_size=16, patch_size=4, num_layers=1, num_heads=2, hidden_dim=32, mlp_dim=64, num_classes=16)
    # torchvision initializes the head to zeros (for fine-tuning): the logits would all be 0. It
    # also starts the class token at zeros, which leaves it at 1% of the patch tokens' range after
    # the positional embedding (std 0.02): below int8 resolution at a per-tensor scale, so that
    # PyTorch's own int8 rounding of that one tensor costs the logits cosine 0.90. A trained class
    # token is not that small: random normal (std 1), as the patch tokens.
    nn.init.normal_(vit.heads.head.weight, std=vit.hidden_dim**-0.5)
    nn.init.normal_(vit.class_token)
    return vit


class SwinBlock(nn.Module):
    """(d) Patch embedding (4x4 conv, permute, LayerNorm) of a 24x24 image (6x6 tokens), then
    torchvision's SwinTransformerBlock with window 4 and shift 2: the 6x6 map is padded to 8x8
    (F.pad), shifted (torch.roll) and masked across the shifted windows with the mask torchvision
    builds from the shapes (new_zeros, slice assignment, masked_fill); relative position bias.
    One block: each one adds some 500 ONNX nodes of shape arithmetic. Outputs the token map after
    LayerNorm and pooled logits."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Conv2d(3, 16, 4, 4)
        self.norm0 = nn.LayerNorm(16)
        self.block = SwinTransformerBlock(16, 2, [4, 4], [2, 2], mlp_ratio=2.0, stochastic_depth_prob=0.0)
        self.norm = nn.LayerNorm(16)
        self.head = nn.Linear(16, 10)

    def forward(self, x):
        t = self.norm(self.block(self.norm0(self.embed(x).permute(0, 2, 3, 1))))
        return t, self.head(t.mean(dim=(1, 2)))


def conv_bn_relu(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class UNetDecoder(nn.Module):
    """(e) Encoder 16x16 -> 8x8 -> 4x4 (conv-BN-ReLU, max pool); decoder: ConvTranspose2d(k2, s2)
    + BN + ReLU, skip concat, conv; ConvTranspose2d(k3, s2, padding 1, output_padding 1) + BN + ReLU,
    skip concat, conv; 1x1 classifier. PyTorch folds BN into Conv on export, not into
    ConvTranspose: the ONNX keeps two BatchNormalization nodes."""

    def __init__(self):
        super().__init__()
        self.enc1, self.enc2, self.enc3 = conv_bn_relu(3, 8), conv_bn_relu(8, 16), conv_bn_relu(16, 16)
        self.up2 = nn.Sequential(nn.ConvTranspose2d(16, 16, 2, stride=2), nn.BatchNorm2d(16), nn.ReLU())
        self.dec2 = conv_bn_relu(32, 8)
        self.up1 = nn.Sequential(nn.ConvTranspose2d(8, 8, 3, stride=2, padding=1, output_padding=1), nn.BatchNorm2d(8), nn.ReLU())
        self.dec1 = conv_bn_relu(16, 8)
        self.head = nn.Conv2d(8, 3, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(F.max_pool2d(e1, 2))
        e3 = self.enc3(F.max_pool2d(e2, 2))
        d2 = self.dec2(torch.cat([self.up2(e3), e2], dim=1))
        d1 = self.dec1(torch.cat([self.up1(d2), e1], dim=1))
        return self.head(d1)


class ShapeArithmetic(nn.Module):
    """(f) Exported with do_constant_folding=False. PyTorch's exporter replaces the sizes of
    static-shaped tensors by constants, but not through Mod (as in torchvision's Swin): the feature
    map is padded to a multiple of 4 by pads computed with %, and every size read after that stays
    shape arithmetic in the ONNX: a column ramp torch.arange(w).float() / w (Range, Cast, Div), an
    upper-triangle mask from arange rows and columns (Greater) expanded to the map (Expand) and
    applied with masked_fill (Where), channels split at size(1) // 2, x.new_zeros(n, 4)
    (ConstantOfShape), x.view(x.size(0), -1) (Shape, Gather, Unsqueeze, Concat, Reshape), a Linear."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, 2, 1)
        self.fc = nn.Linear(4 * 8 * 8 + 4 + 4 * 8 * 8, 10)

    def forward(self, x):
        y = F.relu(self.conv(x))
        h0, w0 = y.shape[-2:]
        y = F.pad(y, (0, (4 - w0 % 4) % 4, 0, (4 - h0 % 4) % 4))
        n, c, h, w = y.shape
        y = y + torch.arange(w, device=y.device).float() / w
        rows = torch.arange(h, device=y.device).unsqueeze(1)
        cols = torch.arange(w, device=y.device).unsqueeze(0)
        mask = (cols > rows).expand(n, c, h, w)
        y = y.masked_fill(mask, 0.0)
        half = y.size(1) // 2
        a, b = y[:, :half], y[:, half:]
        extra = x.new_zeros(n, 4)
        return self.fc(torch.cat([a.reshape(a.size(0), -1), extra, b.view(b.size(0), -1)], dim=1))


# name: (builder, input shape, output names, do_constant_folding, what)
BLOCKS = {
    "mbv3_block": (MobileNetV3Block, (1, 3, 32, 32), ["y"], True, "(a) MobileNetV3 inverted residual with squeeze-excitation (Hardswish, Hardsigmoid gate)"),
    "seg_head": (SegmentationHead, (1, 3, 30, 30), ["logits"], True, "(b) segmentation head: bilinear resize to a size and by 2, nearest by 2, concat"),
    "vit_block": (vit_block, (1, 3, 16, 16), ["logits"], True, "(c) ViT: class token concat, positional embedding, multi-head attention, LayerNorm, GELU"),
    "swin_block": (SwinBlock, (1, 3, 24, 24), ["tokens", "logits"], True, "(d) Swin: padded, shifted window attention with torchvision's mask"),
    "unet_decoder": (UNetDecoder, (1, 3, 16, 16), ["mask"], True, "(e) decoder: ConvTranspose2d + BN + ReLU, skip concat"),
    "shape_arith": (ShapeArithmetic, (1, 3, 12, 12), ["logits"], False, "(f) exported shape arithmetic (do_constant_folding=False): arange, expand, masked_fill, view"),
}

DTYPE_NAMES = {v: k.lower() for k, v in onnx.TensorProto.DataType.items()}


def constant_subgraph(model):
    """The nodes an importer can compute once the input shapes are static (every shape here is):
    Shape nodes, and nodes whose inputs are all initializers, Constant outputs or outputs of such
    nodes. Constant nodes themselves are not counted (they are constants, not computations).
    Cast nodes to the dtype they already have are counted apart: an importer may drop them."""
    inferred = onnx.shape_inference.infer_shapes(model)
    dtypes = {v.name: v.type.tensor_type.elem_type for v in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output)}
    dtypes.update({i.name: i.data_type for i in model.graph.initializer})
    known = {i.name for i in model.graph.initializer}
    ops = collections.Counter()
    same_dtype_casts = 0
    for node in model.graph.node:
        if node.op_type == "Constant":
            known.update(node.output)
            for a in node.attribute:
                if a.name == "value":
                    dtypes[node.output[0]] = a.t.data_type
            continue
        if node.op_type == "Shape" or all(i in known for i in node.input if i):
            known.update(node.output)
            ops[node.op_type] += 1
            if node.op_type == "Cast" and dtypes.get(node.input[0]) == node.attribute[0].i:
                same_dtype_casts += 1
    data_ops = collections.Counter(n.op_type for n in model.graph.node if n.op_type != "Constant") - ops
    return {
        "nodes": sum(ops.values()),
        "same_dtype_casts": same_dtype_casts,
        "ops": dict(sorted(ops.items())),
        "ops_only_in_it": sorted(set(ops) - set(data_ops)),
    }


def describe(values):
    """Names, dtypes and shapes as the ONNX declares them (a dim it does not know is its dim_param)."""
    return [{"name": v.name, "dtype": DTYPE_NAMES[v.type.tensor_type.elem_type], "shape": [d.dim_value if d.HasField("dim_value") else d.dim_param for d in v.type.tensor_type.shape.dim]} for v in values]


def estimate_batchnorm_statistics(model, shape):
    bns = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    if not bns:
        return
    for m in bns:
        m.reset_running_stats()
        m.momentum = None
    model.train()
    with torch.no_grad():
        model(torch.cat([smooth_noise(1000 + i, shape) for i in range(8)]))


def save(path, tensor):
    np.save(path, np.ascontiguousarray(tensor.detach().numpy().astype(np.float32)))


def export_block(name, out_root):
    build, shape, output_names, fold, what = BLOCKS[name]
    folder = os.path.join(out_root, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "calib"))
    torch.manual_seed(0)
    model = build()
    estimate_batchnorm_statistics(model, shape)
    model.eval()
    x = smooth_noise(0, shape)
    with torch.no_grad():
        outputs = model(x)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    path = os.path.join(folder, "model.onnx")
    torch.onnx.export(model, (x,), path, opset_version=17, input_names=["x"], output_names=output_names, do_constant_folding=fold)
    save(os.path.join(folder, "input.npy"), x)
    for n, t in zip(output_names, outputs):
        save(os.path.join(folder, f"output_{n}.npy"), t)
    for i in range(8):
        save(os.path.join(folder, "calib", f"sample_{i:03d}.npy"), smooth_noise(1 + i, shape))
    m = onnx.load(path)
    meta = {
        "what": what,
        "export": {"torch": torch.__version__.split("a")[0], "opset_version": 17, "do_constant_folding": fold},
        "inputs": describe(m.graph.input),
        "outputs": describe(m.graph.output),
        "onnx_ops": dict(sorted(collections.Counter(n.op_type for n in m.graph.node).items())),
        "constant_subgraph": constant_subgraph(m),
    }
    with open(os.path.join(folder, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
    print(f"{name}: {len(m.graph.node)} ONNX nodes, {size // 1024} KB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "..", "packages", "test-fixtures", "data", "real-blocks"))
    parser.add_argument("names", nargs="*", help=f"blocks to export (default: all): {', '.join(BLOCKS)}")
    args = parser.parse_args()
    for name in args.names or BLOCKS:
        export_block(name, os.path.normpath(args.out))


if __name__ == "__main__":
    main()
