#!/usr/bin/python3
"""Exports common PyTorch architectures to ONNX as users do, with PyTorch's outputs and
calibration samples, for tools/real-models/measure.mjs. Random weights, nothing downloaded.

    /usr/bin/python3 tools/real-models/export.py [--out /work/models] [name ...]

Each model gets <out>/<name>/: model.onnx, input.npy, output_<onnx output name>.npy (PyTorch's
outputs on input.npy), calib/sample_00{0..7}.npy; <out>/summary.json lists every model's ONNX
(op histogram, opsets, input and output shapes, initializer dtypes, what is notable).

Deterministic: torch.manual_seed(0) before each model is built, one thread, seeded inputs.
BatchNorm running statistics are estimated from one train-mode forward pass of 8 image-like
noise samples, so the eval-mode network normalizes its activations as a trained one
does, instead of the identity statistics (mean 0, var 1) of a fresh model.
"""

import argparse
import collections
import copy
import json
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision.models._utils import IntermediateLayerGetter
from torchvision.models.segmentation.fcn import FCN, FCNHead
from torchvision.ops import FeaturePyramidNetwork
from torchvision.ops.feature_pyramid_network import LastLevelMaxPool

torch.set_num_threads(1)


def smooth_noise(seed, shape):
    """Image-like noise: smooth blobs plus detail, mean 0, std 1, clipped to the range of
    ImageNet-normalized images ([-2.12, 2.64])."""
    g = torch.Generator().manual_seed(seed)
    n, c, h, w = shape
    x = torch.zeros(shape)
    for div, amp in ((16, 1.0), (4, 0.5), (1, 0.15)):
        low = torch.randn((n, c, max(h // div, 2), max(w // div, 2)), generator=g)
        x += amp * F.interpolate(low, size=(h, w), mode="bilinear", align_corners=False)
    x = (x - x.mean()) / x.std()
    return x.clamp(-2.12, 2.64)


def sequence_noise(seed, shape):
    """Token-like input [batch, seq, dim]: a smooth trend along the sequence plus per-token noise."""
    g = torch.Generator().manual_seed(seed)
    n, s, d = shape
    trend = F.interpolate(torch.randn((n, d, max(s // 8, 2)), generator=g), size=s, mode="linear", align_corners=False)
    return trend.transpose(1, 2) + 0.5 * torch.randn(shape, generator=g)


# ---------------------------------------------------------------- models that torchvision lacks


class FpnNeck(nn.Module):
    """A detection-style neck: ResNet-18 body (C2..C5), torchvision's FeaturePyramidNetwork
    (lateral 1x1 convs, top-down F.interpolate nearest to the lateral's size, 3x3 output convs,
    an extra max-pooled level)."""

    def __init__(self):
        super().__init__()
        body = torchvision.models.resnet18()
        self.body = IntermediateLayerGetter(body, {"layer1": "c2", "layer2": "c3", "layer3": "c4", "layer4": "c5"})
        self.fpn = FeaturePyramidNetwork([64, 128, 256, 512], 64, extra_blocks=LastLevelMaxPool())

    def forward(self, x):
        return tuple(self.fpn(self.body(x)).values())


class TransformerEncoder(nn.Module):
    """Two nn.TransformerEncoderLayer (d_model 128, 4 heads, GELU, batch_first) and a linear head."""

    def __init__(self):
        super().__init__()
        layer = nn.TransformerEncoderLayer(128, 4, 256, dropout=0.0, activation="gelu", batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
        self.head = nn.Linear(128, 32)

    def forward(self, x):
        return self.head(self.encoder(x))


def conv_bn_relu(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class UNet(nn.Module):
    """A 3-level UNet: double 3x3 conv blocks, max-pool down, ConvTranspose2d(2, stride 2) + BN +
    ReLU up, skip concatenation, 1x1 classifier."""

    def __init__(self, base=16, classes=4):
        super().__init__()
        c = [base, base * 2, base * 4, base * 8]
        self.enc = nn.ModuleList([nn.Sequential(conv_bn_relu(i, o), conv_bn_relu(o, o)) for i, o in zip([3] + c[:3], c)])
        self.up = nn.ModuleList(
            [nn.Sequential(nn.ConvTranspose2d(c[i + 1], c[i], 2, stride=2), nn.BatchNorm2d(c[i]), nn.ReLU(inplace=True)) for i in range(3)]
        )
        self.dec = nn.ModuleList([nn.Sequential(conv_bn_relu(2 * c[i], c[i]), conv_bn_relu(c[i], c[i])) for i in range(3)])
        self.head = nn.Conv2d(c[0], classes, 1)

    def forward(self, x):
        skips = []
        for i, block in enumerate(self.enc):
            x = block(x if i == 0 else F.max_pool2d(x, 2))
            skips.append(x)
        x = skips.pop()
        for i in reversed(range(3)):
            x = self.dec[i](torch.cat([self.up[i](x), skips[i]], dim=1))
        return self.head(x)


class SegmentationOut(nn.Module):
    """torchvision's segmentation models return an OrderedDict; export its 'out' tensor."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)["out"]


def fcn_resnet50():
    """torchvision's fcn_resnet50 (dilated ResNet-50 body, output stride 8, FCN head)."""
    return SegmentationOut(torchvision.models.segmentation.fcn_resnet50(weights=None, weights_backbone=None, num_classes=21, aux_loss=False))


def fcn_resnet18():
    """A smaller FCN: torchvision's FCN and FCNHead on a ResNet-18 body (output stride 32: its basic
    blocks cannot dilate), upsampled bilinearly to the input size."""
    body = IntermediateLayerGetter(torchvision.models.resnet18(), {"layer4": "out"})
    return SegmentationOut(FCN(body, FCNHead(512, 21)))


def with_random_head(vit):
    """torchvision initializes the ViT's head to zeros (for fine-tuning): the logits would be all
    zeros, and no cosine can be measured on them. It starts the class token at zeros too, which
    leaves it at 1% of the patch tokens' range after the positional embedding (std 0.02), below
    int8 resolution at a per-tensor scale (PyTorch's own int8 rounding of that tensor costs a
    ViT block's logits cosine 0.90), where a trained class token is not that small. Both random."""
    nn.init.normal_(vit.heads.head.weight, std=vit.hidden_dim**-0.5)
    nn.init.normal_(vit.class_token)
    return vit


def small_vit():
    """torchvision's VisionTransformer with a smaller config: image 64, patch 8 (64 patches + the
    class token), 4 layers, hidden 192, 3 heads, MLP 768; random head."""
    return with_random_head(torchvision.models.VisionTransformer(image_size=64, patch_size=8, num_layers=4, num_heads=3, hidden_dim=192, mlp_dim=768, num_classes=100))


def small_swin():
    """torchvision's SwinTransformer with a smaller config: embed 48, depths 2-2-2, heads 3-6-12,
    window 7, on a 112 image (28, 14, 7 tokens a side: shifted windows in the first two stages)."""
    return torchvision.models.SwinTransformer(patch_size=[4, 4], embed_dim=48, depths=[2, 2, 2], num_heads=[3, 6, 12], window_size=[7, 7], stochastic_depth_prob=0.0, num_classes=100)


def tv(name, **kwargs):
    return lambda: getattr(torchvision.models, name)(weights=None, **kwargs)


def seg(name):
    return lambda: SegmentationOut(getattr(torchvision.models.segmentation, name)(weights=None, weights_backbone=None, aux_loss=False))


# name: (builder, input shape, ONNX output names, export options, what it exercises)
MODELS = {
    "resnet18": (tv("resnet18"), (1, 3, 224, 224), ["logits"], {}, "conv, BN folded, residual add, max pool, global pool, Gemm"),
    "mobilenet_v2": (tv("mobilenet_v2"), (1, 3, 224, 224), ["logits"], {}, "depthwise conv, ReLU6 (Clip)"),
    "mobilenet_v3_small": (tv("mobilenet_v3_small"), (1, 3, 224, 224), ["logits"], {}, "HardSwish, HardSigmoid squeeze-excitation"),
    "mobilenet_v3_large": (tv("mobilenet_v3_large"), (1, 3, 224, 224), ["logits"], {}, "HardSwish, HardSigmoid squeeze-excitation"),
    "efficientnet_b0": (tv("efficientnet_b0"), (1, 3, 224, 224), ["logits"], {}, "SiLU (Sigmoid, Mul), sigmoid squeeze-excitation"),
    "shufflenet_v2_x1_0": (tv("shufflenet_v2_x1_0"), (1, 3, 224, 224), ["logits"], {}, "channel shuffle (Reshape, Transpose), chunk (Split)"),
    "regnet_y_400mf": (tv("regnet_y_400mf"), (1, 3, 224, 224), ["logits"], {}, "grouped conv, squeeze-excitation"),
    "squeezenet1_1": (tv("squeezenet1_1"), (1, 3, 224, 224), ["logits"], {}, "fire modules (concat), ceil-mode max pool"),
    "convnext_tiny": (tv("convnext_tiny"), (1, 3, 112, 112), ["logits"], {}, "7x7 depthwise conv, permute, LayerNorm, GELU, layer scale; input 112 to keep it fast"),
    "vit_small": (small_vit, (1, 3, 64, 64), ["logits"], {}, "class token concat, positional embedding, MultiheadAttention, LayerNorm, GELU; smaller ViT config"),
    "swin_small": (small_swin, (1, 3, 112, 112), ["logits"], {}, "windowed attention, shifted windows (roll) and their mask, patch merging, relative position bias; smaller Swin config"),
    "swin_small_nofold": (small_swin, (1, 3, 112, 112), ["logits"], {"do_constant_folding": False}, "swin_small exported with do_constant_folding=False: the raw shape arithmetic"),
    "deeplabv3_mobilenet_v3_large": (seg("deeplabv3_mobilenet_v3_large"), (1, 3, 224, 224), ["out"], {}, "ASPP (dilated convs, pooled branch upsampled), bilinear Resize to the input size"),
    "lraspp_mobilenet_v3_large": (seg("lraspp_mobilenet_v3_large"), (1, 3, 224, 224), ["out"], {}, "LR-ASPP: sigmoid gate from average pooling, bilinear Resize"),
    "fcn_resnet50": (fcn_resnet50, (1, 3, 128, 128), ["out"], {}, "dilated ResNet-50 body (output stride 8), FCN head, bilinear Resize; input 128 to keep it fast"),
    "fcn_resnet18": (fcn_resnet18, (1, 3, 128, 128), ["out"], {}, "a smaller FCN: ResNet-18 body (output stride 32), FCN head, bilinear Resize by 32"),
    "fpn_resnet18": (FpnNeck, (1, 3, 128, 128), ["p2", "p3", "p4", "p5", "pool"], {}, "FPN neck: lateral convs, F.interpolate nearest to a size, extra max-pooled level; five outputs"),
    "transformer_encoder": (TransformerEncoder, (1, 64, 128), ["y"], {}, "nn.TransformerEncoderLayer x2, GELU, batch_first, sequence input [1, 64, 128]"),
    "unet": (UNet, (1, 3, 128, 128), ["mask"], {}, "ConvTranspose2d + BN + ReLU decoder, skip concat"),
}


def sample(shape, seed):
    return sequence_noise(seed, shape) if len(shape) == 3 else smooth_noise(seed, shape)


def estimate_batchnorm_statistics(model, shape):
    bns = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    if not bns:
        return
    for m in bns:
        m.reset_running_stats()
        m.momentum = None  # cumulative average over the passes
    model.train()
    # One batch of 8: layers that see a 1x1 map (DeepLabV3's pooled ASPP branch) need more than
    # one value per channel to normalize in train mode.
    with torch.no_grad():
        model(torch.cat([sample(shape, 1000 + i) for i in range(8)]))
    model.eval()


def int8_weights_cosine(model, x, reference):
    """PyTorch's own outputs with every GEMM weight rounded to int8 per output channel (scale
    absmax / 127.5, as qtk's weights), cosine against the float outputs, per output. What weight
    rounding alone costs this network: with random weights and BatchNorm statistics from data, deep
    networks without residual paths amplify small perturbations, so this is well below 1 for some,
    whatever a toolchain does."""
    model = copy.deepcopy(model)

    def round_(w, axis):
        dims = tuple(d for d in range(w.dim()) if d != axis)
        scale = (w.abs().amax(dim=dims, keepdim=True) / 127.5).clamp(min=2**-23)
        w.copy_(torch.clamp(torch.round(w / scale), -128, 127) * scale)

    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Linear)):
                round_(m.weight, 0)
            elif isinstance(m, (nn.ConvTranspose1d, nn.ConvTranspose2d)):
                round_(m.weight, 1)
            elif isinstance(m, nn.MultiheadAttention) and m.in_proj_weight is not None:
                round_(m.in_proj_weight, 0)
        outputs = model(x)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    return [float(F.cosine_similarity(a.flatten().double(), b.flatten().double(), dim=0)) for a, b in zip(outputs, reference)]


def op_histogram(model):
    counts = collections.Counter(f"{n.domain}::{n.op_type}" if n.domain else n.op_type for n in model.graph.node)
    return dict(sorted(counts.items()))


DTYPE_NAMES = {v: k.lower() for k, v in onnx.TensorProto.DataType.items()}


def describe_values(values):
    out = []
    for v in values:
        t = v.type.tensor_type
        out.append({"name": v.name, "dtype": DTYPE_NAMES[t.elem_type], "shape": [d.dim_value if d.HasField("dim_value") else d.dim_param for d in t.shape.dim]})
    return out


def summarize(path, note, export_options):
    m = onnx.load(path)
    inits = collections.Counter(DTYPE_NAMES[i.data_type] for i in m.graph.initializer)
    constants = collections.Counter()
    for n in m.graph.node:
        if n.op_type == "Constant":
            for a in n.attribute:
                if a.name == "value":
                    constants[DTYPE_NAMES[a.t.data_type]] += 1
    inferred = onnx.shape_inference.infer_shapes(m)
    value_dtypes = collections.Counter(DTYPE_NAMES[v.type.tensor_type.elem_type] for v in inferred.graph.value_info)
    return {
        "what": note,
        "export": {"opset_version": 17, "do_constant_folding": export_options.get("do_constant_folding", True)},
        "bytes": os.path.getsize(path),
        "ir_version": m.ir_version,
        "opsets": {(o.domain or "ai.onnx"): o.version for o in m.opset_import},
        "producer": f"{m.producer_name} {m.producer_version}",
        "inputs": describe_values(m.graph.input),
        "outputs": describe_values(m.graph.output),
        "nodes": len(m.graph.node),
        "ops": op_histogram(m),
        "initializers": {"count": len(m.graph.initializer), "dtypes": dict(sorted(inits.items())), "parameters": int(sum(np.prod(i.dims) for i in m.graph.initializer if i.data_type == onnx.TensorProto.FLOAT))},
        "constant_nodes": dict(sorted(constants.items())),
        "intermediate_dtypes": dict(sorted(value_dtypes.items())),
    }


def save(path, tensor):
    array = tensor.detach().numpy()
    np.save(path, np.ascontiguousarray(array.astype(np.float32) if tensor.dtype.is_floating_point else array))


def export_one(name, out_root):
    build, shape, output_names, options, note = MODELS[name]
    folder = os.path.join(out_root, name)
    os.makedirs(os.path.join(folder, "calib"), exist_ok=True)
    torch.manual_seed(0)
    model = build()
    estimate_batchnorm_statistics(model, shape)
    model.eval()
    x = sample(shape, 0)
    path = os.path.join(folder, "model.onnx")
    with torch.no_grad():
        outputs = model(x)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    # Not under no_grad: in eval mode without grad, PyTorch 1.13 runs nn.TransformerEncoderLayer
    # through its fused fast path (aten::_transformer_encoder_layer_fwd), which ONNX export refuses.
    torch.onnx.export(model, (x,), path, opset_version=17, input_names=["x"], output_names=output_names, do_constant_folding=options.get("do_constant_folding", True))
    save(os.path.join(folder, "input.npy"), x)
    for n, t in zip(output_names, outputs):
        save(os.path.join(folder, f"output_{n}.npy"), t)
    for i in range(8):
        save(os.path.join(folder, "calib", f"sample_{i:03d}.npy"), sample(shape, 1 + i))
    summary = summarize(path, note, options)
    summary["pytorch_int8_weights_cosine"] = dict(zip(output_names, int8_weights_cosine(model, x, outputs)))
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="/work/models")
    parser.add_argument("names", nargs="*", help=f"models to export (default: all): {', '.join(MODELS)}")
    args = parser.parse_args()
    names = args.names or list(MODELS)
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        parser.error(f"unknown models {unknown}; known: {', '.join(MODELS)}")
    summary_path = os.path.join(args.out, "summary.json")
    summary = {}
    if os.path.exists(summary_path):
        with open(summary_path) as f:
            summary = json.load(f)
    for name in names:
        print(f"exporting {name}", file=sys.stderr, flush=True)
        try:
            summary[name] = export_one(name, args.out)
        except Exception as e:  # keep going: report the model's failure in the summary
            summary[name] = {"what": MODELS[name][4], "error": f"{type(e).__name__}: {e}".split("\n")[0]}
            print(f"  failed: {summary[name]['error']}", file=sys.stderr)
    meta = {"torch": torch.__version__, "torchvision": torchvision.__version__, "onnx": onnx.__version__}
    ordered = {"_versions": meta, **{n: summary[n] for n in MODELS if n in summary}}
    with open(summary_path, "w") as f:
        json.dump(ordered, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
