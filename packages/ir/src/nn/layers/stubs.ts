import { LeafModule } from '../LeafModule.js';
import type { SymbolicTensor } from '../SymbolicTensor.js';

/** Marks where quantization starts (PyTorch's `QuantStub`); the identity in float. */
export class QuantStub extends LeafModule {
  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('QuantStub', x);
  }
}

/** Marks where quantization ends (PyTorch's `DeQuantStub`); the identity in float. */
export class DeQuantStub extends LeafModule {
  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('DeQuantStub', x);
  }
}
