package dev.fulmar.core.ike;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} whose output is a SHA-256 counter stream of a seed, so SPIs, nonces and
 * key pairs repeat from run to run. For tests only: it is not random at all.
 */
public final class DeterministicRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private long counter;
  private final transient byte[] block = new byte[32];
  private int used = 32;

  public DeterministicRandom(long seed) {
    super(new byte[0]);
    this.seed = seed;
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (used == block.length) {
        refill();
      }
      bytes[i] = block[used++];
    }
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    byte[] out = new byte[numBytes];
    nextBytes(out);
    return out;
  }

  @Override
  public void setSeed(long ignored) {
    // The stream depends on the constructor's seed only.
  }

  @Override
  public void setSeed(byte[] ignored) {
    // The stream depends on the constructor's seed only.
  }

  private void refill() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
      System.arraycopy(sha.digest(), 0, block, 0, block.length);
      used = 0;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
