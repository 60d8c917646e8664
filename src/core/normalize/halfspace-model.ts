/** The trained half-space model (format defined with the training script). */
export class HalfSpaceModel {
  static fromBytes(bytes: Uint8Array): HalfSpaceModel {
    void bytes;
    return new HalfSpaceModel();
  }
}
