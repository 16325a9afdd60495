package dev.fulmar.core.ike.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A deterministic {@link SecureRandom} for tests: SHA-256 in counter mode over a seed string, so
 * that IVs, key pairs and nonces repeat from run to run. Never for production use.
 */
final class SeededSecureRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  SeededSecureRandom(String seed) {
    super(new CounterSpi(seed.getBytes(StandardCharsets.UTF_8)), null);
  }

  private static final class CounterSpi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;
    private long counter;

    CounterSpi(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    protected void engineSetSeed(byte[] ignored) {
      // Deterministic on purpose: extra seeding is ignored.
    }

    @Override
    protected synchronized void engineNextBytes(byte[] bytes) {
      int at = 0;
      while (at < bytes.length) {
        byte[] block = block(counter++);
        int n = Math.min(block.length, bytes.length - at);
        System.arraycopy(block, 0, bytes, at, n);
        at += n;
      }
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] out = new byte[numBytes];
      engineNextBytes(out);
      return out;
    }

    private byte[] block(long n) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(seed);
        for (int i = 0; i < 8; i++) {
          sha.update((byte) (n >>> (56 - 8 * i)));
        }
        return sha.digest();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
