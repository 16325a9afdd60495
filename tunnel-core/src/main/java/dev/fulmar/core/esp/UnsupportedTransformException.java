package dev.fulmar.core.esp;

/**
 * A negotiated ESP transform that this data path refuses: unknown, or weak (DES, 3DES, Blowfish,
 * NULL encryption, MD5 or SHA-1 integrity). The message names the algorithm.
 */
public final class UnsupportedTransformException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnsupportedTransformException(String message) {
    super(message);
  }
}
