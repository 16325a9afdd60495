package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Mutations of valid encodings for the fuzz tests: bit flips, byte overwrites, truncation,
 * extension, insertion and deletion, region copies and length-field changes. After mutating, the
 * IKE header's Length is usually fixed up to the new size so that decoding goes past the header.
 */
final class Mutator {

  private static final int LENGTH_OFFSET = 24;
  private static final byte[] SPECIAL = {0, 1, 3, 4, 7, 8, (byte) 0x7f, (byte) 0x80, (byte) 0xff};

  private Mutator() {}

  /** One to three mutations of {@code original}; the original is not changed. */
  static byte[] mutate(Random r, byte[] original, boolean fixHeaderLength) {
    byte[] b = original.clone();
    int rounds = 1 + r.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      b = mutateOnce(r, b);
    }
    if (fixHeaderLength && b.length >= IkeSpec.HEADER_LENGTH && r.nextInt(10) < 8) {
      ByteBuffer.wrap(b).putInt(LENGTH_OFFSET, b.length);
    }
    return b;
  }

  private static byte[] mutateOnce(Random r, byte[] b) {
    if (b.length == 0) {
      return randomBytes(r, 1 + r.nextInt(64));
    }
    int at = r.nextInt(b.length);
    switch (r.nextInt(8)) {
      case 0 -> {
        for (int n = 1 + r.nextInt(8); n > 0; n--) {
          int bit = r.nextInt(b.length * 8);
          b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
      }
      case 1 -> b[at] = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : (byte) r.nextInt();
      case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
      case 3 -> b = concat(b, randomBytes(r, 1 + r.nextInt(64)));
      case 4 ->
          b =
              concat(
                  concat(Arrays.copyOf(b, at), new byte[] {(byte) r.nextInt()}),
                  Arrays.copyOfRange(b, at, b.length));
      case 5 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + 1, b.length));
      case 6 -> {
        int from = r.nextInt(b.length);
        int n = Math.min(1 + r.nextInt(32), Math.min(b.length - from, b.length - at));
        System.arraycopy(b.clone(), from, b, at, n);
      }
      default -> changeLengthField(r, b, at);
    }
    return b;
  }

  /** Writes a 16-bit value at {@code at}: near the old one, a boundary value, or random. */
  private static void changeLengthField(Random r, byte[] b, int at) {
    if (at + 1 >= b.length) {
      return;
    }
    int old = ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    int v =
        switch (r.nextInt(3)) {
          case 0 -> old + r.nextInt(17) - 8;
          case 1 -> new int[] {0, 1, 3, 4, 5, 7, 8, 0x7fff, 0x8000, 0xffff}[r.nextInt(10)];
          default -> r.nextInt(0x10000);
        };
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  static byte[] randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
