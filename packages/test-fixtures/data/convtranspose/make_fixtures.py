"""Makes the ConvTranspose / InstanceNorm fixtures of this folder with PyTorch 1.13 and ONNX 1.12.

Run from this folder: /usr/bin/python3 make_fixtures.py
Each model <name>.onnx (torch.onnx.export, opset 17, eval mode) has its input <name>.input.npy and
PyTorch's output <name>.output.npy, float32, C order.
"""
import numpy as np
import torch
from torch import nn


class Decoder(nn.Module):
    """A small decoder: upsample x2 (k4 s2 p1), InstanceNorm, ReLU, upsample x2 (k3 s2 p1 op1)."""

    def __init__(self):
        super().__init__()
        self.up1 = nn.ConvTranspose2d(8, 4, 4, stride=2, padding=1)
        self.norm = nn.InstanceNorm2d(4, affine=True)
        self.act = nn.ReLU()
        self.up2 = nn.ConvTranspose2d(4, 3, 3, stride=2, padding=1, output_padding=1)

    def forward(self, x):
        return self.up2(self.act(self.norm(self.up1(x))))


def randomize_affine(norm):
    with torch.no_grad():
        norm.weight.copy_(torch.rand(norm.weight.shape) + 0.5)
        norm.bias.copy_(torch.randn(norm.bias.shape) * 0.5)


def cases():
    s2p1op1 = nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1)
    g2d2 = nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1, groups=2, dilation=2, bias=False)
    g2bias = nn.ConvTranspose2d(4, 6, 2, stride=2, groups=2)
    conv1d = nn.ConvTranspose1d(3, 4, 5, stride=3, padding=2, output_padding=2)
    conv3d = nn.ConvTranspose3d(2, 4, (2, 3, 3), stride=(1, 2, 2), padding=(0, 1, 1), output_padding=(0, 1, 1))
    norm = nn.InstanceNorm2d(4, affine=True)
    randomize_affine(norm)
    decoder = Decoder()
    randomize_affine(decoder.norm)
    return [
        ("convtranspose2d_s2_p1_op1", s2p1op1, [1, 4, 5, 5]),
        ("convtranspose2d_g2_d2_nobias", g2d2, [1, 4, 5, 5]),
        ("convtranspose2d_g2_bias", g2bias, [2, 4, 3, 4]),
        ("convtranspose1d_s3_p2_op2", conv1d, [1, 3, 7]),
        ("convtranspose3d", conv3d, [1, 2, 3, 4, 4]),
        ("instancenorm2d_affine", norm, [2, 4, 6, 7]),
        ("decoder", decoder, [1, 8, 4, 4]),
    ]


def batchnorm_cases():
    """ConvTranspose2d + BatchNorm2d + ReLU, which PyTorch exports unfolded (seeded on its own so that
    adding it left the other fixtures as they were)."""
    torch.manual_seed(1)
    block = nn.Sequential(
        nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1, groups=2),
        nn.BatchNorm2d(6),
        nn.ReLU(),
    )
    bn = block[1]
    with torch.no_grad():
        bn.running_mean.copy_(torch.randn(6) * 0.2)
        bn.running_var.copy_(torch.rand(6) + 0.5)
        bn.weight.copy_(torch.rand(6) + 0.5)
        bn.bias.copy_(torch.randn(6) * 0.2)
    return [("convtranspose2d_bn_relu", block, [1, 4, 5, 5])]


def main():
    torch.manual_seed(0)
    export(cases())
    export(batchnorm_cases())


def export(models):
    for name, module, shape in models:
        module.eval()
        x = torch.randn(*shape)
        with torch.no_grad():
            y = module(x)
        torch.onnx.export(module, x, f"{name}.onnx", opset_version=17, input_names=["x"], output_names=["y"])
        np.save(f"{name}.input.npy", x.numpy().astype(np.float32))
        np.save(f"{name}.output.npy", y.numpy().astype(np.float32))
        print(name, list(shape), "->", list(y.shape))


if __name__ == "__main__":
    main()
