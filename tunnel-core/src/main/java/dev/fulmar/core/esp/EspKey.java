package dev.fulmar.core.esp;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A raw secret key whose bytes this package owns, so that {@link #destroy()} can wipe them
 * ({@code SecretKeySpec} on Java 17 cannot be destroyed). JCE providers read it through
 * {@link #getEncoded()}, which returns a copy as the {@code Key} contract requires.
 */
final class EspKey implements SecretKey {
  private static final long serialVersionUID = 1L;

  private final String algorithm;
  private final byte[] bytes;
  private volatile boolean destroyed;

  EspKey(String algorithm, byte[] source, int off, int len) {
    this.algorithm = algorithm;
    this.bytes = Arrays.copyOfRange(source, off, off + len);
  }

  @Override
  public String getAlgorithm() {
    return algorithm;
  }

  @Override
  public String getFormat() {
    return "RAW";
  }

  @Override
  public byte[] getEncoded() {
    if (destroyed) {
      throw new IllegalStateException("key destroyed");
    }
    return bytes.clone();
  }

  int length() {
    return bytes.length;
  }

  @Override
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return algorithm + " key (" + bytes.length + " bytes, redacted)";
  }
}
