"""Independent MS-SSIM reference values for the golden pairs (run with
Debian's python3-skimage 0.19.3, numpy, scipy):

    /usr/bin/python3 ms_ssim_reference.py > ms_ssim.csv

MS-SSIM as Wang's msssim.m ('product' mode): 5 scales, weights
[0.0448, 0.2856, 0.3001, 0.2363, 0.1333], at each scale the Wang SSIM window
(11x11 Gaussian, sigma 1.5, K1 0.01, K2 0.03, population statistics, mean over
the valid region) and the same data range; between scales
imfilter(x, ones(2)/4, 'symmetric', 'same') then x(1:2:end, 1:2:end);
result prod(cs_1..4 ^ w_1..4) * ssim_5 ^ w_5.

The per-scale statistics are computed here with scipy.ndimage, and at every
scale the SSIM part is checked against scikit-image's
structural_similarity(gaussian_weights=True, sigma=1.5,
use_sample_covariance=False, data_range=R).
"""
import csv
import sys

import numpy as np
from scipy import ndimage
from skimage import io
from skimage.metrics import structural_similarity

WEIGHTS = np.array([0.0448, 0.2856, 0.3001, 0.2363, 0.1333])


def ssim_cs(x, y, data_range):
    c1 = (0.01 * data_range) ** 2
    c2 = (0.03 * data_range) ** 2
    f = lambda a: ndimage.gaussian_filter(a, 1.5, truncate=3.5, mode='reflect')
    ux, uy = f(x), f(y)
    vx = f(x * x) - ux * ux
    vy = f(y * y) - uy * uy
    vxy = f(x * y) - ux * uy
    cs = (2 * vxy + c2) / (vx + vy + c2)
    s = (2 * ux * uy + c1) / (ux * ux + uy * uy + c1) * cs
    crop = (slice(5, -5), slice(5, -5))
    ssim = s[crop].mean()
    ref = structural_similarity(x, y, data_range=data_range, gaussian_weights=True, sigma=1.5,
                                use_sample_covariance=False)
    assert abs(ssim - ref) < 1e-9, (ssim, ref)
    return ssim, cs[crop].mean()


def downsample(x):
    # MATLAB imfilter(x, ones(2)/4, 'symmetric', 'same'): the kernel's origin is its first tap
    y = ndimage.correlate(x, np.ones((2, 2)) / 4, mode='reflect', origin=(-1, -1))
    return y[::2, ::2]


def ms_ssim(x, y, data_range):
    values = []
    for level in range(5):
        ssim, cs = ssim_cs(x, y, data_range)
        values.append(ssim if level == 4 else cs)
        x, y = downsample(x), downsample(y)
    return float(np.prod(np.power(np.maximum(values, 0), WEIGHTS)))


def main():
    rows = list(csv.DictReader(open('golden_metrics.csv')))
    out = csv.writer(sys.stdout, lineterminator='\n')
    out.writerow(['reference', 'test', 'data_range', 'ms_ssim'])
    for r in rows:
        x = io.imread(r['reference']).astype(np.float64)
        y = io.imread(r['test']).astype(np.float64)
        dr = float(r['data_range'])
        out.writerow([r['reference'], r['test'], r['data_range'], '%.9f' % ms_ssim(x, y, dr)])


if __name__ == '__main__':
    main()
