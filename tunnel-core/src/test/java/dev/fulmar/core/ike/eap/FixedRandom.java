package dev.fulmar.core.ike.eap;

import java.security.SecureRandom;

/** A SecureRandom that hands out the given bytes (repeated), for known-answer tests. */
final class FixedRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final byte[] bytes;
  private int next;

  FixedRandom(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  @Override
  public void nextBytes(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes[next++ % bytes.length];
    }
  }
}
